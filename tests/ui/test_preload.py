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
from tui.core.collection import load_collection
from tui.resources import seed_paths
from tui.ui import preload

case = sys.argv[1]
articles = load_collection(seed_paths()).articles
out = {"forked": preload._fork_safe()}
if case == "result":
    from tui.core.analysis import analyze
    got = preload.start_analysis(articles).result(timeout=60)
    out["same"] = got == analyze(articles)
    out["modules"] = sorted(m for m in sys.modules if m.startswith("multiprocessing"))
elif case == "error":
    problem = preload.start_analysis(articles, "no-such-version").exception(timeout=60)
    out["error"] = type(problem).__name__
else:  # quit while the analysis runs: the process must not outlive the app
    import tui.core.analysis
    tui.core.analysis.analyze = lambda *args: time.sleep(60)
    preload.start_analysis(articles)
    time.sleep(0.3)
    pid = os.getpid()
    out["children"] = open(f"/proc/{pid}/task/{pid}/children").read().split()
print(json.dumps(out))
"""


def _run(case: str) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, case],
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
