"""The notes list shows the highlighted note whole, readable at 80 columns (issue 16 item 13)."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from tests.ui.notes_helpers import copy_seeds, notes_app, ready
from tui.ui.screens.notes_list import NotesListScreen

LONG = (
    "The number of sappers differs between versions: 000 and 001 say 1,000 while 002 spells "
    "it out; 004 gives no figure. Check the statement before publishing."
)


async def test_the_highlighted_note_reads_whole_under_the_table(tmp_path: Path) -> None:
    articles = copy_seeds(tmp_path / "articles")
    async with notes_app(articles).run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("2", *LONG, "ctrl+s")
        await pilot.pause()
        await pilot.press("j", "a")
        await pilot.pause()
        await pilot.press("1", *"short one", "ctrl+s")
        await pilot.pause()
        await pilot.press("N")
        await pilot.pause()
        listing = pilot.app.screen
        assert isinstance(listing, NotesListScreen)
        preview = listing.query_one("#notes-preview", Static)
        assert LONG in str(preview.content)  # whole, where the table cuts it
        region = preview.region
        assert region.width <= 80 and region.height >= 3  # wrapped inside the dialog
        await pilot.press("j")
        await pilot.pause()
        assert "short one" in str(preview.content) and LONG not in str(preview.content)
