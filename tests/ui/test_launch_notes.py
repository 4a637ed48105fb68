"""The notes at launch: a sidecar with notes marks its rows in the first full compare screen; an
absent one is opened later (at the first poll or note key), so the launch skips the notes modules.

Each case launches as `sidebyside --notes FILE` does (`tui.commands.app.start`, `build_app`) in a
fresh interpreter, so the loading process finds the sidecar's state.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]

LAUNCH = """
import argparse, asyncio, json, sys
from tui import cli
from tui.commands import app as app_command

parser = argparse.ArgumentParser()
cli.add_input_arguments(parser)
app_command.add_app_arguments(parser)
args = parser.parse_args(["--notes", sys.argv[1]] if sys.argv[1] else [])
launch = app_command.start(args)
app = app_command.build_app(args, launch)
seen = {}

async def main():
    async with app.run_test(size=(100, 30)) as pilot:
        while app.compare_screen.analysis is None or not app.compare_screen.view.rows:
            await asyncio.sleep(0.005)
        await pilot.pause()
        seen["marks"] = sum(app.compare_screen.view.note_counts.values())
        seen["notes_imported"] = "tui.core.notes.store" in sys.modules
        seen["toasts"] = [n.title for n in app._notifications]
        app.poll_notes()  # every 2 s: opens a sidecar the launch left closed
        seen["after_poll"] = sum(app.compare_screen.view.note_counts.values())
        seen["open_after_poll"] = app._notes is not None
        seen["toasts_after"] = [n.title for n in app._notifications]

asyncio.run(main())
print(json.dumps(seen))
"""


def _run(*argv: str, data: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    if data is not None:
        env["XDG_DATA_HOME"] = str(data)  # platformdirs' user data folder on Linux
    return subprocess.run(
        [sys.executable, "-c", *argv],
        capture_output=True,
        check=True,
        cwd=ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        text=True,
        timeout=120,
    )


def _launch(notes: Path) -> dict[str, Any]:
    done = _run(LAUNCH, str(notes))
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _add_note(notes: Path) -> None:
    add = "import sys; from tui.cli import main; sys.exit(main(sys.argv[1:]))"
    _run(
        add,
        *("notes", "--notes", str(notes), "--add", "--article", "001", "--sentence", "1"),
        *("--verdict", "1", "--text", "checked"),
    )


@pytest.mark.parametrize(
    ("notes_before", "marks", "imported"),
    [(False, 0, False), (True, 1, True)],
)
def test_the_first_screen_marks_the_notes_of_an_existing_sidecar(
    tmp_path: Path, notes_before: bool, marks: int, imported: bool
) -> None:
    notes = tmp_path / "notes.json"
    if notes_before:
        _add_note(notes)
        assert notes.exists()
    seen = _launch(notes)
    assert seen["marks"] == marks
    assert seen["notes_imported"] is imported
    # a sidecar given with --notes is no fallback: nothing to say at startup either way
    assert seen["toasts"] == []
    assert seen["after_poll"] == marks
    assert seen["open_after_poll"] is True
    assert seen["toasts_after"] == []


@pytest.mark.skipif(sys.platform != "linux", reason="XDG_DATA_HOME sets the data folder on Linux")
def test_the_fallback_sidecar_is_announced_once_at_startup_without_opening_it(
    tmp_path: Path,
) -> None:
    # the bundled seeds are never written to: their notes go to the user data folder
    seen = json.loads(_run(LAUNCH, "", data=tmp_path).stdout.strip().splitlines()[-1])
    assert seen["notes_imported"] is False
    assert seen["toasts"] == ["Notes sidecar"]
    assert seen["toasts_after"] == ["Notes sidecar"]
    assert seen["open_after_poll"] is True
