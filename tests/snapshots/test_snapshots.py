"""SVG snapshots of the reading app on the bundled seeds (pytest-textual-snapshot).

Each test says what the picture must show. Update a baseline only after looking at it
(`make snapshots-update`, then `rsvg-convert -o x.png tests/snapshots/__snapshots__/...svg`).
The theme is fixed, nothing shows a clock, and inputs do not blink in headless runs.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from tui.resources import seed_paths
from tui.ui.app import SideBySideApp, make_app

SnapCompare = Callable[..., bool]


SeedsApp = Callable[..., SideBySideApp]


@pytest.fixture
def seeds_app(tmp_path: Path) -> SeedsApp:
    """Builds the app on the seeds (or given paths) with a fixed theme and a notes sidecar in
    tmp_path (so no notification names the user's data folder)."""

    def build(
        paths: Sequence[str | Path] | None = None, theme: str = "textual-dark"
    ) -> SideBySideApp:
        return make_app(
            list(paths) if paths is not None else seed_paths(),
            theme=theme,
            notes_path=tmp_path / "notes.json",
        )

    return build


def after_analysis(*keys: str) -> Callable[[Pilot[Any]], Awaitable[None]]:
    """A run_before that waits for the analysis, then presses keys."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    return run_before


def test_seeds_80x24(snap_compare: SnapCompare, seeds_app: SeedsApp) -> None:
    """80x24, sidebar hidden: the header "A ★ 000 …" | "B ▶ 001 … (1/4)", the first rows side by
    side with the word diff (deleted words struck in the left column, inserted words underlined
    in the right), the cursor mark › on the first row, gutter symbols, and the footer keys."""
    assert snap_compare(seeds_app(), terminal_size=(80, 24), run_before=after_analysis())


def test_seeds_160x48(snap_compare: SnapCompare, seeds_app: SeedsApp) -> None:
    """160x48: the articles sidebar on the left (★ on 000, ▶ on 001, counts per version), the
    compare view on the right with wrapped rows, split/merge labels "⇄ A… = B…" and
    discrepancy lines under the rows that have them."""
    assert snap_compare(seeds_app(), terminal_size=(160, 48), run_before=after_analysis())


def test_unique_passage_row(snap_compare: SnapCompare, seeds_app: SeedsApp) -> None:
    """After `]` (002 on the right) and `u` twice: the cursor row is a passage on one side only,
    ◀ (reference only) or ▶ in the gutter, the text in italics, and "∅ not in this version" in
    the other column."""
    assert snap_compare(
        seeds_app(),
        terminal_size=(100, 30),
        run_before=after_analysis("right_square_bracket", "u", "u"),
    )


def test_conflict_row(snap_compare: SnapCompare, seeds_app: SeedsApp) -> None:
    """After `c`: the cursor is on a row with "!" in the gutter and a "! conflict · …" line
    under the text giving the discrepancy summary."""
    assert snap_compare(seeds_app(), terminal_size=(100, 30), run_before=after_analysis("c"))


def test_grid(snap_compare: SnapCompare, seeds_app: SeedsApp) -> None:
    """After `o`: the agreement grid (one row per group, one column per version, symbols
    ● = ≈ ◐ · ! ○), the similarity matrix and the legend on the right."""
    assert snap_compare(seeds_app(), terminal_size=(120, 36), run_before=after_analysis("o"))


def test_grid_80x24(snap_compare: SnapCompare, seeds_app: SeedsApp) -> None:
    """After `o` at 80 columns: the grid takes the whole width (whole words of the reference
    text, no sideways scrolling), a two-line legend under it names every mark, ✎ included, and
    says that `m` shows the similarity matrix."""
    assert snap_compare(seeds_app(), terminal_size=(80, 24), run_before=after_analysis("o"))


def test_grid_160x48(snap_compare: SnapCompare, seeds_app: SeedsApp) -> None:
    """After `o` at 160x48: the grid with the similarity matrix and the legend beside it."""
    assert snap_compare(seeds_app(), terminal_size=(160, 48), run_before=after_analysis("o"))


def test_help_80x24(snap_compare: SnapCompare, seeds_app: SeedsApp) -> None:
    """After `?` at 80x24: the help dialog fits the width; keys and the marks legend scroll."""
    assert snap_compare(
        seeds_app(), terminal_size=(80, 24), run_before=after_analysis("question_mark")
    )


def test_help_160x48(snap_compare: SnapCompare, seeds_app: SeedsApp) -> None:
    """After `?` at 160x48: the help dialog with every key group and the marks in Compare."""
    assert snap_compare(
        seeds_app(), terminal_size=(160, 48), run_before=after_analysis("question_mark")
    )


def test_detail_160x48(snap_compare: SnapCompare, seeds_app: SeedsApp) -> None:
    """After `j` then `d` at 160x48: the detail of the second passage, every version stacked
    with its inline diff, the page junk set aside beside 000's first paragraph (dateline
    “June 17, 2025”, outlet “TASS”) dimmed, facts and discrepancies."""
    assert snap_compare(seeds_app(), terminal_size=(160, 48), run_before=after_analysis("j", "d"))


def test_detail(snap_compare: SnapCompare, seeds_app: SeedsApp) -> None:
    """After `c` then `d`: the detail of the conflict row: "Group n of m", every version's
    sentence(s) stacked with the inline diff and facts, then the discrepancies with variants."""
    assert snap_compare(seeds_app(), terminal_size=(100, 36), run_before=after_analysis("c", "d"))


def test_help(snap_compare: SnapCompare, seeds_app: SeedsApp) -> None:
    """After `?`: the help dialog over the compare screen, keys grouped under Move, Jump,
    Versions…, each with what it does."""
    assert snap_compare(
        seeds_app(), terminal_size=(100, 40), run_before=after_analysis("question_mark")
    )


def test_search_with_matches(snap_compare: SnapCompare, seeds_app: SeedsApp) -> None:
    """After `/` and typing "Shoigu": the search bar at the bottom with "n/m rows", and every
    "Shoigu" highlighted in both columns; the cursor on the first matching row."""
    assert snap_compare(
        seeds_app(),
        terminal_size=(100, 30),
        run_before=after_analysis("slash", *"Shoigu"),
    )


def test_one_article(snap_compare: SnapCompare, seeds_app: SeedsApp) -> None:
    """One article only: one wide column, the header saying "only one version loaded:
    comparing needs two", no right column."""
    assert snap_compare(
        seeds_app(seed_paths()[:1]), terminal_size=(80, 24), run_before=after_analysis()
    )


def test_load_error_notification(
    snap_compare: SnapCompare, seeds_app: SeedsApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A missing file and a binary file next to two seeds: two red error toasts ("Could not
    load", naming each file and its problem) over the compare view of the two seeds."""
    monkeypatch.chdir(tmp_path)
    Path("scan.txt").write_bytes(b"\x00\x01\x02")
    paths = [*seed_paths()[:2], "missing.txt", "scan.txt"]
    app = seeds_app(paths)
    assert snap_compare(app, terminal_size=(100, 30), run_before=after_analysis())


def test_light_theme(snap_compare: SnapCompare, seeds_app: SeedsApp) -> None:
    """The light theme: same layout as the dark one, diff colours from the light theme's
    variables (struck red deletions, underlined green insertions) still readable."""
    assert snap_compare(
        seeds_app(theme="textual-light"), terminal_size=(100, 30), run_before=after_analysis()
    )
