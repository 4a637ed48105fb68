"""The edit dialog can change a saved note's anchor, saying where it will land (issue 16
item 3); an edit that leaves "On" alone keeps the anchor."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from tests.ui.notes_helpers import add_note, copy_seeds, notes_app, ready, sidecar_notes
from tui.core.notes.model import SIDECAR_NAME
from tui.ui.screens.note_editor import NoteEditor


async def _row_in_every_version(pilot, screen) -> None:  # type: ignore[no-untyped-def]
    ids = {a.id for a in screen.analysis.articles}
    for index, row in enumerate(screen.view.rows):
        if set(screen.analysis.alignment.groups[row.group].articles) == ids:
            screen.view.move_to(index)
            await pilot.pause()
            return
    raise AssertionError("no row in every version")


async def test_the_edit_dialog_moves_a_note_to_one_version(tmp_path: Path) -> None:
    articles = copy_seeds(tmp_path / "articles")
    sidecar = tmp_path / "articles" / SIDECAR_NAME
    async with notes_app(articles).run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        await _row_in_every_version(pilot, screen)
        await add_note(pilot, "2", "check the figure")
        [before] = sidecar_notes(sidecar)
        assert len(before["anchors"]) == 5
        await pilot.press("e")
        await pilot.pause()
        editor = pilot.app.screen
        assert isinstance(editor, NoteEditor)
        lands = editor.query_one("#note-lands", Static)
        assert str(lands.content) == "Stays where it is: 000, 001, 002, 003, 004"
        await pilot.press("tab", "right", "right")  # On: where it is now -> all -> A 000 only
        await pilot.pause()
        assert str(lands.content) == "Will be re-anchored in 000"
        await pilot.press("ctrl+s")
        await pilot.pause()
        [after] = sidecar_notes(sidecar)
        assert after["id"] == before["id"] and after["text"] == "check the figure"
        assert [a["article"] for a in after["anchors"]] == ["000"]
        [entry] = after["history"]
        assert (
            entry["reason"].startswith("re-anchored; was on “") and "in 000, 001" in entry["reason"]
        )
        assert screen.view.note_counts  # still marked on its row


async def test_an_edit_that_leaves_on_alone_keeps_the_anchor(tmp_path: Path) -> None:
    articles = copy_seeds(tmp_path / "articles")
    sidecar = tmp_path / "articles" / SIDECAR_NAME
    async with notes_app(articles).run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        await _row_in_every_version(pilot, screen)
        await add_note(pilot, "1", "ok")
        [before] = sidecar_notes(sidecar)
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("1", "end", "!", "ctrl+s")  # the verdict key moves to the text
        await pilot.pause()
        [after] = sidecar_notes(sidecar)
        assert after["anchors"] == before["anchors"] and after["history"] == []
        assert after["text"] == "ok!"
