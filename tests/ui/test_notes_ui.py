"""Pilot tests of notes in the app: add, edit, delete, undo, the notes list, markers, read-only.

Every test works on a copy of the seeds in tmp_path with its sidecar there, so nothing is ever
written into the repository; state is read back from the sidecar file itself.
"""

from __future__ import annotations

import json
from pathlib import Path

import filelock
import pytest
from rich.text import Text
from textual import events

from tests.ui.notes_helpers import (
    add_note,
    copy_seeds,
    notes_app,
    notifications,
    ready,
    sidecar_notes,
)
from tui.core.load.collection import Collection, load_collection
from tui.core.notes.anchor import Anchor, anchor_group
from tui.core.notes.model import SIDECAR_NAME
from tui.core.notes.store import NoteStore
from tui.ui.app import make_app
from tui.ui.notes_actions import QUARANTINE_COMMAND
from tui.ui.notes_controller import NoteDraft, NotesController
from tui.ui.screens.confirm import ConfirmScreen
from tui.ui.screens.detail import DetailScreen
from tui.ui.screens.grid import GridScreen
from tui.ui.screens.note_editor import NoteEditor
from tui.ui.screens.notes_list import NotesListScreen

SIZE = (120, 36)


@pytest.fixture
def articles(tmp_path: Path) -> list[str]:
    """Seed copies in tmp_path/articles."""
    return copy_seeds(tmp_path / "articles")


@pytest.fixture
def sidecar(tmp_path: Path) -> Path:
    """The default sidecar of the seed copies."""
    return tmp_path / "articles" / SIDECAR_NAME


async def move_to_group_in_all(pilot, screen) -> int:  # type: ignore[no-untyped-def]
    """Put the cursor on the first row whose group every version has; returns the group."""
    analysis = screen.analysis
    ids = {a.id for a in analysis.articles}
    for index, row in enumerate(screen.view.rows):
        if set(analysis.alignment.groups[row.group].articles) == ids:
            screen.view.move_to(index)
            await pilot.pause()
            return int(row.group)
    raise AssertionError("no group in every version")


@pytest.mark.parametrize(
    ("keys", "text"),
    [
        (["h", "i", "ctrl+s"], "hi"),
        (["h", "i", "enter", "y", "o", "ctrl+s"], "hi\nyo"),  # enter in the text: a new line
        (["h", "i", "tab", "x", "enter"], "hi"),  # enter in the tags field saves
        (["h", "i", "shift+tab", "enter"], "hi"),  # enter on the "On" row saves
        (["h", "i", "shift+tab", "shift+tab", "enter"], "hi"),  # and on the verdict row
        (["h", "1", "ctrl+s"], "h1"),  # digits in the text are text, not verdicts
    ],
)
async def test_a_adds_a_note_anchored_in_every_version_of_the_group(
    articles: list[str], sidecar: Path, keys: list[str], text: str
) -> None:
    async with notes_app(articles).run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        group = await move_to_group_in_all(pilot, screen)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(pilot.app.screen, NoteEditor)
        await pilot.press("2", *keys)
        await pilot.pause()
        assert pilot.app.screen is screen
        [note] = sidecar_notes(sidecar)
        assert note["verdict"] == "disputed"
        assert note["text"] == text
        assert note["tags"] == (["x"] if "tab" in keys else [])
        analysis = screen.analysis
        assert analysis is not None
        g = analysis.alignment.groups[group]
        assert [a["article"] for a in note["anchors"]] == list(g.articles)
        assert len(note["anchors"]) == len(analysis.articles)
        for anchor in note["anchors"]:
            article = analysis.alignment.article(anchor["article"])
            slot = g.slot(article.id)
            assert anchor["start"] == article.sentences[slot[0]].start
            assert anchor["end"] == article.sentences[slot[-1]].end
            assert anchor["exact"] == article.source[anchor["start"] : anchor["end"]]
        assert screen.view.note_counts == {group: 1}


async def test_escape_cancels_and_writes_nothing(articles: list[str], sidecar: Path) -> None:
    async with notes_app(articles).run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        await pilot.press("a", "3", "n", "o", "escape")
        await pilot.pause()
        assert pilot.app.screen is screen
        assert not sidecar.exists()
        assert screen.view.note_counts == {}


async def test_save_is_confirmed_quietly(articles: list[str]) -> None:
    seen: list[object] = []
    async with notes_app(articles).run_test(size=SIZE, message_hook=seen.append) as pilot:
        await ready(pilot)
        await add_note(pilot, "1", "ok")
        saved = [n for n in notifications(seen) if n.message.startswith("Note saved")]
        assert len(saved) == 1
        assert saved[0].severity == "information"
        assert saved[0].timeout <= 3


async def test_e_edits_the_rows_note(articles: list[str], sidecar: Path) -> None:
    async with notes_app(articles).run_test(size=SIZE) as pilot:
        await ready(pilot)
        await add_note(pilot, "1", "first")
        await pilot.press("e")
        await pilot.pause()
        editor = pilot.app.screen
        assert isinstance(editor, NoteEditor)
        assert editor.text_area.text == "first"
        await pilot.press("3", "end", "!", "tab", "t", "a", "g", "ctrl+s")
        await pilot.pause()
        [note] = sidecar_notes(sidecar)
        assert (note["verdict"], note["text"], note["tags"]) == ("false", "first!", ["tag"])


async def test_e_with_several_notes_asks_which(articles: list[str], sidecar: Path) -> None:
    async with notes_app(articles).run_test(size=SIZE) as pilot:
        await ready(pilot)
        await add_note(pilot, "1", "one")
        await add_note(pilot, "2", "two")
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(pilot.app.screen, NotesListScreen)
        await pilot.press("down", "enter")
        await pilot.pause()
        editor = pilot.app.screen
        assert isinstance(editor, NoteEditor)
        assert editor.text_area.text == "two"
        await pilot.press("tab", "tab", "2", "ctrl+s")  # verdict row -> On -> the text
        await pilot.pause()
        texts = sorted(n["text"] for n in sidecar_notes(sidecar))
        assert texts == ["one", "two2"]


@pytest.mark.parametrize(("answer", "kept"), [("y", 0), ("n", 1), ("escape", 1), ("enter", 1)])
async def test_x_deletes_after_confirmation(
    articles: list[str], sidecar: Path, answer: str, kept: int
) -> None:
    async with notes_app(articles).run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        await add_note(pilot, "4", "check")
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ConfirmScreen)
        await pilot.press(answer)  # enter presses the focused button: "Keep"
        await pilot.pause()
        assert pilot.app.screen is screen
        assert len(sidecar_notes(sidecar)) == kept
        assert sum(screen.view.note_counts.values()) == kept


@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        (["ctrl+z"], []),  # undo the add
        (["x", "y", "ctrl+z"], ["first"]),  # undo the delete
        (["e", "end", "!", "ctrl+s", "ctrl+z"], ["first"]),  # undo the edit
        (["e", "end", "!", "ctrl+s", "ctrl+z", "ctrl+z"], []),  # then the add
    ],
)
async def test_ctrl_z_undoes_the_last_note_change(
    articles: list[str], sidecar: Path, keys: list[str], expected: list[str]
) -> None:
    async with notes_app(articles).run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        await add_note(pilot, "1", "first")
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        assert [n["text"] for n in sidecar_notes(sidecar)] == expected
        assert sum(screen.view.note_counts.values()) == len(expected)


async def test_n_lists_notes_and_enter_jumps_to_the_row(articles: list[str]) -> None:
    async with notes_app(articles).run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        await pilot.press("j", "j")
        first = screen.view.current_group
        await add_note(pilot, "1", "early")
        await pilot.press("j", "j", "j", "j", "j")
        second = screen.view.current_group
        assert second != first
        await add_note(pilot, "3", "later")
        await pilot.press("g")
        await pilot.press("N")
        await pilot.pause()
        listing = pilot.app.screen
        assert isinstance(listing, NotesListScreen)
        assert [i.note.text for i in listing.shown] == ["early", "later"]
        assert {i.status for i in listing.shown} == {"anchored"}
        await pilot.press("3")  # only "false"
        assert [i.note.text for i in listing.shown] == ["later"]
        assert listing.table.row_count == 1
        await pilot.press("0")
        assert listing.table.row_count == 2
        await pilot.press("down", "enter")
        await pilot.pause()
        assert pilot.app.screen is screen
        assert screen.view.current_group == second


async def test_rows_with_notes_show_a_marker_in_compare_grid_and_detail(
    articles: list[str],
) -> None:
    async with notes_app(articles).run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        await pilot.press("j")
        group = screen.view.current_group
        assert group is not None
        await add_note(pilot, "2", "a claim <b>[x]</b>")
        row = screen.view.current_row
        assert row is not None
        lines = [line for line, _ in screen.view._annotations(row)]
        assert "✎ 1 note" in lines
        await pilot.press("o")
        await pilot.pause()
        grid = pilot.app.screen
        assert isinstance(grid, GridScreen)
        marks = {
            int(key.value): grid.table.get_cell(key, "notes")
            for key in grid.table.rows
            if key.value is not None
        }
        assert {g for g, m in marks.items() if m} == {group}
        await pilot.press("escape", "d")
        await pilot.pause()
        detail = pilot.app.screen
        assert isinstance(detail, DetailScreen)
        body: Text = detail.body()
        assert "Notes" in body.plain
        assert "✎ disputed · anchored" in body.plain
        assert "a claim <b>[x]</b>" in body.plain


async def test_corrupt_sidecar_opens_read_only_and_is_never_touched(
    articles: list[str], sidecar: Path
) -> None:
    bad = b'{"schema": "sidebyside.notes/1", "notes": [ oops'
    sidecar.write_bytes(bad)
    seen: list[object] = []
    async with notes_app(articles).run_test(size=SIZE, message_hook=seen.append) as pilot:
        screen = await ready(pilot)
        errors = [n for n in notifications(seen) if n.severity == "error"]
        assert len(errors) == 1
        assert "not valid JSON" in errors[0].message
        assert QUARANTINE_COMMAND in errors[0].message
        for key in ("a", "e", "x", "ctrl+z"):
            await pilot.press(key)
            await pilot.pause()
            assert pilot.app.screen is screen
        warnings = [n for n in notifications(seen) if n.severity == "warning"]
        assert len(warnings) == 4
        assert sidecar.read_bytes() == bad
        assert sorted(p.name for p in sidecar.parent.iterdir() if "notes" in p.name) == [
            SIDECAR_NAME
        ]


async def test_quarantine_moves_the_bad_sidecar_aside_and_starts_anew(
    articles: list[str], sidecar: Path
) -> None:
    bad = b"not json at all"
    sidecar.write_bytes(bad)
    async with notes_app(articles).run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"move the unreadable")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        aside = [p for p in sidecar.parent.iterdir() if ".corrupt-" in p.name]
        assert len(aside) == 1
        assert aside[0].read_bytes() == bad
        assert sidecar_notes(sidecar) == []
        await add_note(pilot, "1", "fresh")
        assert [n["text"] for n in sidecar_notes(sidecar)] == ["fresh"]


async def test_unwritable_folder_falls_back_to_the_data_dir_and_says_where(
    articles: list[str], tmp_path: Path
) -> None:
    loaded = load_collection(articles)
    stdin_like = Collection(loaded.articles, (), None)  # no folder: like articles from stdin
    data = tmp_path / "data"
    seen: list[object] = []
    app = notes_app(stdin_like, data_dir=data)
    async with app.run_test(size=SIZE, message_hook=seen.append) as pilot:
        await ready(pilot)
        await add_note(pilot, "5", "kept elsewhere")
        saved = list((data / "notes").glob("*.notes.json"))
        assert len(saved) == 1
        assert [n["text"] for n in sidecar_notes(saved[0])] == ["kept elsewhere"]
        said = [n.message for n in notifications(seen) if n.title == "Notes sidecar"]
        assert len(said) == 1
        assert str(saved[0]) in said[0]


async def test_notes_option_is_used_and_shared_with_other_instances(
    articles: list[str], tmp_path: Path
) -> None:
    own = tmp_path / "elsewhere" / "review.json"
    own.parent.mkdir()
    async with notes_app(articles, notes=own).run_test(size=SIZE) as pilot:
        await ready(pilot)
        await add_note(pilot, "1", "mine")
    async with notes_app(articles, notes=own).run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        assert sum(screen.view.note_counts.values()) == 1
        await add_note(pilot, "2", "second session")
    assert sorted(n["text"] for n in sidecar_notes(own)) == ["mine", "second session"]
    assert not (tmp_path / "articles" / SIDECAR_NAME).exists()


async def test_the_app_as_the_cli_builds_it_saves_notes(articles: list[str], sidecar: Path) -> None:
    """No test clock or ids: the real clock and ids (what `sidebyside PATH` runs)."""
    async with make_app(articles).run_test(size=SIZE) as pilot:
        await ready(pilot)
        await add_note(pilot, "1", "real")
        [note] = sidecar_notes(sidecar)
        assert note["text"] == "real"
        assert note["created"].endswith("Z")


async def test_markers_follow_a_new_reference(articles: list[str]) -> None:
    """Another reference re-numbers the groups: the marker stays on the noted sentences."""
    async with notes_app(articles).run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        await move_to_group_in_all(pilot, screen)
        await add_note(pilot, "1", "here")
        await pilot.press("r")
        await ready(pilot)
        analysis = screen.analysis
        assert analysis is not None
        assert analysis.reference != analysis.articles[0].id
        counts = screen.view.note_counts
        assert counts
        assert set(counts.values()) == {1}
        app = pilot.app
        fresh = NotesController(app.collection, store=app.notes.store)  # type: ignore[attr-defined]
        fresh.set_analysis(analysis)
        assert counts == fresh.note_counts()
        [located] = fresh.located
        for group in counts:  # each marked group holds a sentence the note covers
            g = analysis.alignment.groups[group]
            assert any(set(g.slot(a)) & set(located.sentences_of(a)) for a in g.articles)


async def test_notes_saved_by_another_instance_show_up(articles: list[str], sidecar: Path) -> None:
    async with notes_app(articles).run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        group = await move_to_group_in_all(pilot, screen)
        assert pilot.app.poll_notes() is False  # type: ignore[attr-defined]
        analysis = screen.analysis
        assert analysis is not None
        other = NoteStore.open(sidecar, author="colleague")
        other.add(
            "3", "from elsewhere", anchor_group(analysis.articles, analysis.alignment.groups[group])
        )
        assert pilot.app.poll_notes() is True  # type: ignore[attr-defined]
        assert screen.view.note_counts == {group: 1}
        await add_note(pilot, "1", "mine")
    assert sorted(n["text"] for n in sidecar_notes(sidecar)) == ["from elsewhere", "mine"]


@pytest.mark.parametrize(
    ("steps", "where"), [(["right"], "reference"), (["right", "right"], "right")]
)
async def test_a_can_put_a_note_on_one_version_only(
    articles: list[str], sidecar: Path, steps: list[str], where: str
) -> None:
    async with notes_app(articles).run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        group = await move_to_group_in_all(pilot, screen)
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("1", "shift+tab", *steps, "tab", "o", "k", "ctrl+s")
        await pilot.pause()
        [note] = sidecar_notes(sidecar)
        analysis = screen.analysis
        assert analysis is not None
        article = analysis.reference if where == "reference" else screen.right
        [anchor] = note["anchors"]
        assert anchor["article"] == article
        slot = analysis.alignment.groups[group].slot(article)
        assert anchor["start"] == analysis.alignment.article(article).sentences[slot[0]].start
        assert note["text"] == "ok"


def orphan_sidecar(articles: list[str], sidecar: Path) -> None:
    """A sidecar holding one note whose quote is in no version (an orphan)."""
    first = load_collection(articles).articles[0]
    gone = Anchor(
        first.id, first.sha256, "The summit was postponed until next spring.", "", "", 5, 48
    )
    store = NoteStore.open(sidecar, author="colleague", new_id=lambda: "orphan")
    store.add("4", "who said this?", [gone])


@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        (["e", "tab", "!", "ctrl+s"], ["who said this?!"]),  # tab: verdict row -> text
        (["x", "y"], []),
        (["x", "n"], ["who said this?"]),
        (["enter"], ["who said this?"]),  # enter on an orphan: says so, goes nowhere
    ],
)
async def test_orphaned_notes_are_edited_and_deleted_from_the_list(
    articles: list[str], sidecar: Path, keys: list[str], expected: list[str]
) -> None:
    orphan_sidecar(articles, sidecar)
    seen: list[object] = []
    async with notes_app(articles).run_test(size=SIZE, message_hook=seen.append) as pilot:
        screen = await ready(pilot)
        assert screen.view.note_counts == {}
        await pilot.press("N")
        await pilot.pause()
        listing = pilot.app.screen
        assert isinstance(listing, NotesListScreen)
        assert [i.status for i in listing.shown] == ["orphaned"]
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        assert pilot.app.screen is screen
        assert [n["text"] for n in sidecar_notes(sidecar)] == expected
        if keys == ["enter"]:
            said = [n.message for n in notifications(seen)]
            assert any("This note is orphaned" in m and "postponed" in m for m in said)


async def test_editing_keeps_a_verdict_the_sidecar_no_longer_lists(
    articles: list[str], sidecar: Path
) -> None:
    async with notes_app(articles).run_test(size=SIZE) as pilot:
        await ready(pilot)
        await add_note(pilot, "2", "old")
    data = json.loads(sidecar.read_text(encoding="utf-8"))
    data["verdicts"] = ["true", "untrue"]  # relabelled by hand: "disputed" is gone
    sidecar.write_text(json.dumps(data, indent=2), encoding="utf-8")
    async with notes_app(articles).run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("tab", "tab", "!", "ctrl+s")  # verdict row -> On -> the text
        await pilot.pause()
    [note] = sidecar_notes(sidecar)
    assert (note["verdict"], note["text"]) == ("disputed", "old!")


async def test_a_failed_save_gives_the_note_back_in_the_editor(
    articles: list[str], sidecar: Path
) -> None:
    seen: list[object] = []
    async with notes_app(articles).run_test(size=SIZE, message_hook=seen.append) as pilot:
        screen = await ready(pilot)
        # the app's own, short lock timeout: a stuck lock gives the note back, it does not freeze
        other = filelock.FileLock(str(sidecar) + ".lock", thread_local=False)
        with other:  # another instance holds the lock
            await pilot.press("a")
            await pilot.pause()
            await pilot.press("3", "k", "e", "e", "p", "tab", "t", "ctrl+s")
            await pilot.pause()
            editor = pilot.app.screen
            assert isinstance(editor, NoteEditor)
            assert editor.draft() == NoteDraft("false", "keep", ("t",))
        errors = [n for n in notifications(seen) if n.severity == "error"]
        assert len(errors) == 1
        assert "back in the editor" in errors[0].message
        assert not sidecar.exists()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert pilot.app.screen is screen
        [note] = sidecar_notes(sidecar)
        assert (note["verdict"], note["text"], note["tags"]) == ("false", "keep", ["t"])


async def test_a_note_on_a_few_words_is_anchored_on_them_where_they_occur(
    articles: list[str], sidecar: Path
) -> None:
    async with notes_app(articles).run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        group = await move_to_group_in_all(pilot, screen)
        analysis = screen.analysis
        assert analysis is not None
        g = analysis.alignment.groups[group]

        def text_of(article_id: str) -> str:
            article = analysis.alignment.article(article_id)
            return " ".join(article.sentences[i].text for i in g.slot(article_id))

        # two words of the reference's text that some other version does not have
        words = text_of(analysis.reference).split()
        phrase = next(
            " ".join(words[k : k + 2])
            for k in range(len(words) - 1)
            if any(" ".join(words[k : k + 2]) not in text_of(v) for v in g.articles)
        )
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("1", "o", "k", "tab", "tab", *phrase, "enter")
        await pilot.pause()
        assert pilot.app.screen is screen
        [note] = sidecar_notes(sidecar)
        having = [v for v in g.articles if phrase in text_of(v)]
        assert analysis.reference in having and len(having) < len(g.articles)
        assert [a["article"] for a in note["anchors"]] == having
        for anchor in note["anchors"]:
            article = analysis.alignment.article(anchor["article"])
            assert anchor["exact"] == phrase
            assert article.source[anchor["start"] : anchor["end"]] == phrase


async def test_words_in_no_version_keep_the_editor_open_with_the_draft(
    articles: list[str], sidecar: Path
) -> None:
    seen: list[object] = []
    async with notes_app(articles).run_test(size=SIZE, message_hook=seen.append) as pilot:
        await ready(pilot)
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("1", "o", "k", "tab", "tab", *"zebra crossing", "enter")
        await pilot.pause()
        editor = pilot.app.screen
        assert isinstance(editor, NoteEditor)
        assert editor.draft().quote == "zebra crossing" and editor.draft().text == "ok"
        errors = [n.message for n in notifications(seen) if n.severity == "error"]
        assert len(errors) == 1 and "zebra crossing" in errors[0] and "is not in" in errors[0]
        assert not sidecar.exists()


async def test_keys_typed_in_one_burst_after_tab_land_in_the_next_field(
    articles: list[str],
) -> None:
    # A paste or a fast typist: the keys are queued before the tab has moved the focus.
    async with notes_app(articles).run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("1")  # the verdict; the focus moves to the text
        await pilot.pause()
        editor = pilot.app.screen
        assert isinstance(editor, NoteEditor)
        burst = [("h", "h"), ("i", "i"), ("tab", None), ("tab", None), ("x", "x"), ("y", "y")]
        for key, character in burst:
            pilot.app.post_message(events.Key(key, character))
        await pilot.pause()
        await pilot.pause()
        draft = editor.draft()
        assert (draft.text, draft.quote) == ("hi", "xy")


async def test_the_sidecar_toast_names_the_path_once(articles: list[str], tmp_path: Path) -> None:
    loaded = load_collection(articles)
    stdin_like = Collection(loaded.articles, (), None)
    seen: list[object] = []
    app = notes_app(stdin_like, data_dir=tmp_path / "data")
    async with app.run_test(size=SIZE, message_hook=seen.append) as pilot:
        await ready(pilot)
        await pilot.app.run_action("where_notes")
        await pilot.pause()
        said = [n.message for n in notifications(seen) if n.title == "Notes sidecar"]
        assert said
        for message in said:
            path = message.removeprefix("Notes: ").split(" (")[0]
            assert message.count(path) == 1, message
            assert len(message) < 2 * len(path), message


async def test_the_dialog_says_exactly_where_a_quoted_note_lands(
    articles: list[str], sidecar: Path
) -> None:
    """ "On the words" = 1,000 sappers: the dialog names only the versions whose text has them."""
    async with notes_app(articles).run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        analysis = screen.analysis
        assert analysis is not None
        index = next(i for i, r in enumerate(screen.view.rows) if "1,000 sappers" in r.left_plain)
        screen.view.move_to(index)
        group = analysis.alignment.groups[screen.view.rows[index].group]
        await pilot.press("a")
        await pilot.pause()
        editor = pilot.app.screen
        assert isinstance(editor, NoteEditor)
        before = str(editor.query_one("#note-lands").render())
        assert before == "Will be anchored in " + ", ".join(group.articles)
        editor.query_one("#note-words").value = "1,000 sappers"  # type: ignore[attr-defined]
        await pilot.pause()
        said = str(editor.query_one("#note-lands").render())
        await pilot.press("1", "ctrl+s")
        await pilot.pause()
        [note] = sidecar_notes(sidecar)
        landed = [a["article"] for a in note["anchors"]]
        assert said == "Will be anchored in " + ", ".join(landed)
        assert landed != list(group.articles)
