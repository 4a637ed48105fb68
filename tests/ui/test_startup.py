"""What a launch loads: the first compare screen without the screens and modules it does not show.

A fresh interpreter launches the app as `sidebyside` does (`tui.commands.app.start` and
`build_app` on the bundled seeds), waits for the first full compare screen, then reports which
modules it imported and the garbage collector's state. Then it opens the help (`?`) and the
notes list (`N`) and reports again, which proves the lazy imports still happen on first use.
The last tests check the launch's garbage-collector pause in this process.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tui import cli
from tui.commands import app as app_command
from tui.core.errors import InputError
from tui.ui.preload import pause_gc, resume_gc

ROOT = Path(__file__).resolve().parents[2]

LAUNCH = """
import argparse, asyncio, gc, json, sys
from tui import cli
from tui.commands import app as app_command

parser = argparse.ArgumentParser()
cli.add_input_arguments(parser)
app_command.add_app_arguments(parser)
args = parser.parse_args(["--notes", sys.argv[1]])
launch = app_command.start(args)
app = app_command.build_app(args, launch)
seen = {}

async def main():
    async with app.run_test(size=(80, 24)) as pilot:
        while app.compare_screen.analysis is None or not app.compare_screen.view.rows:
            await asyncio.sleep(0.01)
        await pilot.pause()
        await pilot.pause()
        seen["first"] = sorted(sys.modules)
        seen["gc_enabled"] = gc.isenabled()
        seen["rows"] = len(app.compare_screen.view.rows)
        await pilot.press("question_mark")
        await pilot.pause()
        seen["help"] = type(app.screen).__name__
        await pilot.press("escape")
        await pilot.press("N")
        await pilot.pause()
        seen["notes"] = type(app.screen).__name__
        seen["after"] = sorted(sys.modules)

asyncio.run(main())
print(json.dumps(seen))
"""

NOT_AT_LAUNCH = (
    "tui.ui.screens.note_editor",
    "tui.ui.screens.notes_list",
    "tui.ui.screens.confirm",
    "tui.ui.screens.help",
    "tui.ui.screens.grid",
    "tui.ui.screens.detail",
    "tui.ui.synthetic",
    "tui.core.report.writer",
    "tui.core.report.html",
    "tui.core.report.markdown",
    "textual.widgets._text_area",
    "textual.widgets._data_table",
    "rapidfuzz",
    "diff_match_patch",
    "tui.core.align.collation",
    "tui.core.align.similarity",
    "multiprocessing",
    "html.parser",
    "html.entities",
    "tui.core.load.junk",
    "tui.core.load.segment",
    "tui.core.load.decode",
    "tui.core.notes.store",
    "tui.ui.notes_controller",
    "numpy",
    "tui.core.align.semantic",
    "tui.core.compare.check",
    "tui.core.extract.facts",
    "tui.core.extract.claims",
)
"""Modules the first compare screen does not need (each imports on first use; the scoring
ones are imported by the analysis process, not by the app that unpickles its result; the HTML
parser only for HTML inputs, and the seeds are text; the parsing modules load in the loading
process; the notes store opens after the launch when there is no sidecar file yet; the
semantic model (numpy) and the fact check run in the analysis process only)."""


@pytest.fixture(scope="module")
def launch(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    notes = tmp_path_factory.mktemp("startup") / "notes.json"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", LAUNCH, str(notes)],
        capture_output=True,
        check=True,
        cwd=ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )
    result: dict[str, Any] = json.loads(done.stdout.decode().strip().splitlines()[-1])
    return result


def test_the_launch_reaches_the_full_compare_screen(launch: dict[str, Any]) -> None:
    assert launch["rows"] > 0
    assert "tui.ui.screens.compare" in launch["first"]


@pytest.mark.parametrize("module", NOT_AT_LAUNCH)
def test_a_module_the_first_screen_does_not_need_is_not_imported(
    launch: dict[str, Any], module: str
) -> None:
    assert module not in launch["first"]


@pytest.mark.parametrize(
    ("key", "screen", "module"),
    [
        ("help", "HelpScreen", "tui.ui.screens.help"),
        ("notes", "NotesListScreen", "tui.ui.screens.notes_list"),
    ],
)
def test_a_lazy_screen_still_opens_on_its_key(
    launch: dict[str, Any], key: str, screen: str, module: str
) -> None:
    assert launch[key] == screen
    assert module in launch["after"]


def test_the_garbage_collector_runs_again_once_the_first_screen_is_shown(
    launch: dict[str, Any],
) -> None:
    assert launch["gc_enabled"] is True


def _app_args(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    cli.add_input_arguments(parser)
    app_command.add_app_arguments(parser)
    return parser.parse_args(list(argv))


def test_a_launch_that_fails_to_load_leaves_the_garbage_collector_running(
    tmp_path: Path,
) -> None:
    assert gc.isenabled()
    with pytest.raises(InputError):
        app_command.start(_app_args(str(tmp_path / "missing.txt"))).inputs()
    assert gc.isenabled()


@pytest.mark.parametrize(("enabled_before", "enabled_after"), [(True, True), (False, False)])
def test_resume_gc_only_undoes_the_launch_pause(enabled_before: bool, enabled_after: bool) -> None:
    if not enabled_before:
        gc.disable()  # someone else's choice: the launch pause leaves it alone
    try:
        pause_gc()
        assert not gc.isenabled()
        resume_gc(freeze=False)
        assert gc.isenabled() is enabled_after
    finally:
        gc.enable()
