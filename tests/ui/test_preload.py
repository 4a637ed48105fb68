"""The launch's analysis process (`tui.ui.preload.start_analysis`), run in a fresh interpreter so
the fork path is the one taken: its result, its errors, and no process left behind."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import json, os, sys, time
from tui.core.load.collection import load_collection
from tui.resources import seed_paths
from tui.ui import preload

case = sys.argv[1]
out = {"forked": preload._fork_safe()}
if case in ("result", "error", "quit"):
    articles = load_collection(seed_paths()).articles
if case == "result":
    from tui.core.analysis import analyze
    got = preload.start_analysis(articles).result(timeout=60)
    out["same"] = got == analyze(articles)
    out["modules"] = sorted(m for m in sys.modules if m.startswith("multiprocessing"))
elif case == "error":
    problem = preload.start_analysis(articles, "no-such-version").exception(timeout=60)
    out["error"] = type(problem).__name__
elif case == "launch":  # load in the child too: a folder with the seeds and one bad file
    import shutil
    from tui.core.analysis import analyze
    folder = sys.argv[2]
    for path in seed_paths():
        shutil.copy(path, folder)
    open(os.path.join(folder, "zz-empty.txt"), "w").close()
    def load():
        collection = load_collection([folder])
        return collection, None, "extra"
    loaded, analysis = preload.start_launch(load)
    collection, reference, extra = loaded.result(timeout=60)
    out["extra"] = extra
    parsers = ("tui.core.load.junk", "tui.core.load.segment")
    out["parsing"] = sorted(m for m in parsers if m in sys.modules)
    out["articles"] = len(collection.articles)
    out["errors"] = [[type(e).__name__, str(e)] for e in collection.errors]
    got = analysis.result(timeout=60)
    out["same"] = got == analyze(collection.articles)
    # the pieces name the collection's articles: no second copy crossed the pipe
    out["shared"] = all(a is b for a, b in zip(got.articles, collection.articles))
elif case == "held":  # a launch (the collector paused): the child waits for the first frame
    preload.HOLD_LIMIT = 60.0  # the child inherits it: only the release lets it go on
    def load():
        return load_collection(seed_paths()), None, None
    preload.pause_gc()
    loaded, feed = preload.start_launch(load)
    stages = []
    feed.listen(lambda piece, error: stages.append(piece[0] if piece else "end"))
    while "diffs" not in stages:
        time.sleep(0.01)
    time.sleep(0.5)  # the fact check takes ~0.1 s on the seeds: it would be here by now
    out["before"] = list(stages)
    preload.resume_gc()  # what the app does once the first comparison is on screen
    feed.result(timeout=60)
    out["after"] = list(stages)
elif case == "bad-input":
    from tui.core.errors import MissingInput
    def load():
        raise MissingInput("/nowhere", "no such file or folder")
    loaded, analysis = preload.start_launch(load)
    problem = loaded.exception(timeout=60)
    out["error"] = [type(problem).__name__, str(problem)]
    out["analysis"] = type(analysis.exception(timeout=60)).__name__
else:  # quit while the analysis runs: the process must not outlive the app
    import tui.core.analysis
    tui.core.analysis.analyze = lambda *args: time.sleep(60)
    preload.start_analysis(articles)
    time.sleep(0.3)
    pid = os.getpid()
    out["children"] = open(f"/proc/{pid}/task/{pid}/children").read().split()
print(json.dumps(out))
"""


def _run(case: str, *extra: str) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, case, *extra],
        capture_output=True,
        check=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdin=subprocess.DEVNULL,
        timeout=120,
    )
    result: dict[str, object] = json.loads(done.stdout.decode().strip().splitlines()[-1])
    assert result["forked"] is True
    return result


def test_the_analysis_process_returns_what_analyze_returns_without_multiprocessing() -> None:
    result = _run("result")
    assert result["same"] is True
    assert result["modules"] == []


def test_an_error_in_the_analysis_process_reaches_the_future() -> None:
    assert _run("error")["error"] == "KeyError"


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs /proc")
def test_an_analysis_still_running_when_the_app_exits_is_ended() -> None:
    children = _run("quit")["children"]
    assert isinstance(children, list) and len(children) == 1
    assert not Path(f"/proc/{children[0]}").exists()


def test_the_launch_process_loads_and_sends_the_collection_with_its_errors(tmp_path: Path) -> None:
    result = _run("launch", str(tmp_path))
    assert result["articles"] == 5
    assert result["errors"] == [["EmptyInput", f"{tmp_path / 'zz-empty.txt'}: empty file"]]
    assert result["same"] is True
    assert result["shared"] is True
    assert result["extra"] == "extra"


def test_the_app_process_does_not_import_the_parsing_modules_when_the_child_loads(
    tmp_path: Path,
) -> None:
    # the seeds were loaded in this process for the other cases; here only in the child
    assert _run("launch", str(tmp_path))["parsing"] == []


def test_bad_input_in_the_launch_process_reaches_the_app_as_the_same_error() -> None:
    result = _run("bad-input")
    assert result["error"] == ["MissingInput", "/nowhere: no such file or folder"]
    assert result["analysis"] == "MissingInput"


def test_the_launch_process_waits_for_the_first_frame_before_the_fact_check() -> None:
    result = _run("held")
    assert result["before"] == ["alignment", "diffs"]
    assert result["after"][:3] == ["alignment", "diffs", "facts"]
    assert result["after"][-1] == "end"
