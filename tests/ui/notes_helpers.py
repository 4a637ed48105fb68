"""Shared helpers of the notes pilot tests: seed copies in tmp_path, a fixed clock, note reads."""

from __future__ import annotations

import itertools
import json
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from textual.notifications import Notification, Notify
from textual.pilot import Pilot

from tui.core.load.collection import Collection
from tui.resources import seed_paths
from tui.ui.app import SideBySideApp, make_app
from tui.ui.screens.compare import CompareScreen

START = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
"""The fixed clock's first reading."""


_IDS = itertools.count(1)


def fixed_clock() -> Any:
    """A clock that ticks one second per reading from START."""
    ticks = itertools.count()
    return lambda: START + timedelta(seconds=next(ticks))


def copy_seeds(folder: Path) -> list[str]:
    """Copy the seed articles into a folder; returns their paths, sorted."""
    folder.mkdir(parents=True, exist_ok=True)
    for path in seed_paths():
        shutil.copy(path, folder / Path(path).name)
    return sorted(str(p) for p in folder.glob("*.txt"))


def notes_app(
    source: list[str] | Collection, notes: Path | None = None, data_dir: Path | None = None
) -> SideBySideApp:
    """The app over the articles with a fixed clock, author and ids."""
    app = make_app(source, notes_path=notes)
    app.notes_clock = fixed_clock()
    app.notes_author = "tester"
    app.notes_new_id = lambda: f"note{next(_IDS):04d}"  # unique across apps: one sidecar, two runs
    app.notes_data_dir = data_dir
    return app


async def ready(pilot: Pilot[None]) -> CompareScreen:
    """Wait for the analysis and return the compare screen."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    app = pilot.app
    assert isinstance(app, SideBySideApp)
    assert app.compare_screen.analysis is not None
    return app.compare_screen


def sidecar_notes(path: Path) -> list[dict[str, Any]]:
    """The notes saved in a sidecar file."""
    notes: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))["notes"]
    return notes


def notifications(seen: list[object]) -> list[Notification]:
    """The notifications among the messages a message_hook collected."""
    return [m.notification for m in seen if isinstance(m, Notify)]


async def add_note(pilot: Pilot[None], verdict: str, text: str) -> None:
    """Add a note on the current row: a, the verdict key, the text, ctrl+s."""
    await pilot.press("a")
    await pilot.pause()
    await pilot.press(verdict, *text, "ctrl+s")
    await pilot.pause()
