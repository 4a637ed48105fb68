"""Row summaries lead with the values that differ and name versions not on screen (issue 16
item 6; also: a conflict shows each version's own words when that version is off screen)."""

from __future__ import annotations

from tests.ui.helpers import ready
from tui.core.compare.discrepancy import Discrepancy, Variant
from tui.resources import seed_paths
from tui.ui.app import make_app
from tui.ui.summaries import discrepancy_line


def _conflict() -> Discrepancy:
    return Discrepancy(
        "d1",
        "date",
        "conflict",
        "treaty signed: “last year” = 2024 (000), “June 2024” = 2024-06 (002) vs …",
        (
            Variant("000", 13, 0, 9, "last year", "2024"),
            Variant("002", 4, 0, 9, "June 2024", "2024-06"),
            Variant("004", 3, 0, 17, "earlier this year", "2025"),
        ),
    )


def test_the_line_leads_with_each_value_and_who_says_it() -> None:
    line = discrepancy_line(_conflict(), ("000", "002"))
    assert line.startswith(
        "! conflict · date: “last year” = 2024 (A) vs “June 2024” = 2024-06 (B) vs "
        "“earlier this year” = 2025 (004 off screen) · treaty signed:"
    )


def test_a_value_shared_on_and_off_screen_names_both() -> None:
    d = Discrepancy(
        "d2",
        "number",
        "conflict",
        "workers sent",
        (
            Variant("000", 1, 0, 5, "5,000", "5000"),
            Variant("001", 1, 0, 5, "5,000", "5000"),
            Variant("004", 1, 0, 5, "6,000", "6000"),
        ),
    )
    line = discrepancy_line(d, ("000", "004"))
    assert line.startswith(
        "! conflict · number: “5,000” = 5000 (A; 001 off screen) vs “6,000” = 6000 (B) · workers"
    )


async def test_at_80_columns_the_conflict_row_shows_every_versions_value() -> None:
    async with make_app([str(p) for p in seed_paths()]).run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        text = ""
        for _ in range(4):  # the seeds' conflicts: the date one is among the first few
            await pilot.press("c")
            await pilot.pause()
            text = "\n".join(
                pilot.app.screen.view.render_line(y).text
                for y in range(pilot.app.screen.view.size.height)
            )
            if "conflict · date" in text:
                break
        assert "(004 off screen)" in text and "(002 off screen)" in text
        assert "2025-01-01/2025-06-18" in text  # 004's side, which the old summary cut off
        assert screen.view.current_group is not None
