"""SVG snapshots of the notes dialogs and markers (pytest-textual-snapshot).

Each test says what the picture must show. The app runs over the synthetic analysis (fixed
rows, made-up words) rather than the seeds, so that work on the aligner cannot change these
pictures: they are about the notes. The sidecar is written before the app starts with a fixed
clock, author and ids, in tmp_path under a relative name, so no temporary folder name reaches
the picture. Update a baseline only after looking at it (`rsvg-convert`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from tests.ui.notes_helpers import fixed_clock
from tui.core.notes.anchor import anchor_group, make_anchor
from tui.core.notes.store import NoteStore
from tui.ui.app import SideBySideApp, app_for_analysis
from tui.ui.synthetic import synthetic_analysis

SnapCompare = Callable[..., bool]

SIDECAR = Path("review.notes.json")
"""The sidecar, relative to the tmp_path working folder."""

ANALYSIS = synthetic_analysis(groups=21, versions=3)
"""Rows of known kinds: group g is identical, reworded, unique... by g % 7."""


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A tmp_path working folder."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def notes_app() -> SideBySideApp:
    """The app over the synthetic analysis, with a fixed clock, author and ids."""
    app = app_for_analysis(ANALYSIS, notes_path=SIDECAR)
    app.notes_clock = fixed_clock()
    app.notes_author = "tester"
    return app


def write_notes() -> None:
    """Three notes: anchored on a group, moved (offsets shifted), orphaned (text gone)."""
    groups = ANALYSIS.alignment.groups
    ids = iter(["n1", "n2", "n3"])
    store = NoteStore.open(SIDECAR, clock=fixed_clock(), author="tester", new_id=lambda: next(ids))
    text = "The number differs: v1 says\n5,000 workers, v0 says 6,000."
    store.add("2", text, anchor_group(ANALYSIS.articles, groups[5]), ["numbers"])
    first = ANALYSIS.articles[0]
    sentence = first.sentences[1]
    exact = make_anchor(first, sentence.start, sentence.end)
    moved = dataclasses.replace(exact, start=exact.start + 3, end=exact.end + 3)
    store.add("1", "Checked against the agency wire.", [moved])
    gone = dataclasses.replace(
        exact,
        exact="The summit was postponed until next spring after the talks collapsed.",
        prefix="",
        suffix="",
        start=5,
        end=60,
    )
    store.add("4", "Who said this? No source given.", [gone], ["source"])


def press(*keys: str) -> Callable[[Pilot[Any]], Any]:
    """A run_before that waits for the analysis, then presses keys."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        await pilot.pause()

    return run_before


def test_note_editor_80x24(snap_compare: SnapCompare, here: Path) -> None:
    """80x24, `j a 2` then a two-line text: the dialog "New note · group 2 · in v0, v1, v2", the
    quoted sentence in italics, the verdict row with [2 disputed] highlighted, the "On ←→" row
    with [all 3 versions] chosen before "A v0 only" and "B v1 only", the text area
    holding "Dates differ" / "(see v1)", an empty tags field, an empty "On the words" field
    ("empty: the whole sentence"), and the keys line
    "ctrl+s save · enter save (outside the text) · tab next field · esc cancel"."""
    keys = ["j", "a", "2", *"Dates differ", "enter", *"(see v1)"]
    assert snap_compare(notes_app(), terminal_size=(80, 24), run_before=press(*keys))


def test_notes_list_120x36(snap_compare: SnapCompare, here: Path) -> None:
    """120x36, `N`: "Notes · 3 of 3", one row per note with verdict, status (● anchored in
    green, ◐ moved in yellow, ✗ orphaned in red), where ("v0 s5 · v1 s6 · v2 s5", "v0 s2
    moved", "v0 orphaned"), tags, the first line of the text (the orphan's stored quote after
    it); under the table "sidecar: review.notes.json" and the keys line."""
    write_notes()
    assert snap_compare(notes_app(), terminal_size=(120, 36), run_before=press("N"))


def test_notes_list_80x24(snap_compare: SnapCompare, here: Path) -> None:
    """80x24, `N`: the notes list at 80 columns, the highlighted note's whole text under it."""
    write_notes()
    assert snap_compare(notes_app(), terminal_size=(80, 24), run_before=press("N"))


def test_notes_list_160x48(snap_compare: SnapCompare, here: Path) -> None:
    """160x48, `N`: the notes list with room for where each note is and its text."""
    write_notes()
    assert snap_compare(notes_app(), terminal_size=(160, 48), run_before=press("N"))


def test_note_markers_in_compare_80x24(snap_compare: SnapCompare, here: Path) -> None:
    """80x24 with the notes written: row 2 (group 2, the moved note) has ✎ in the gutter and
    a "✎ 1 note" line under it; the rows without notes have no ✎."""
    write_notes()
    assert snap_compare(notes_app(), terminal_size=(80, 24), run_before=press())


def test_detail_lists_the_notes_80x24(snap_compare: SnapCompare, here: Path) -> None:
    """80x24, Detail of group 6 (`c` then `d`: the conflict row): under the versions and the
    discrepancy, "Notes" with "✎ disputed · anchored · #numbers", the two lines of the note's
    text and "in v0 s5 · v1 s6 · v2 s5" (scrolled to the end)."""
    write_notes()
    assert snap_compare(notes_app(), terminal_size=(80, 24), run_before=press("c", "d", "end"))
