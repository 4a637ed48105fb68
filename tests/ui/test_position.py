"""Where am I: the compare header says "row 5/39 · difference 3/12" and follows the cursor
(issue 16, expected list)."""

from __future__ import annotations

import pytest

from tests.ui.helpers import ready, synthetic_app
from tui.ui.summaries import position_line


def test_position_counts_the_differences_passed() -> None:
    assert position_line(4, 39, [0, 2, 3, 7]) == "row 5/39 · difference 3/4"
    assert position_line(0, 39, [2, 3]) == "row 1/39 · difference 0/2"
    assert position_line(7, 9, [7], short=True) == "row 8/9 · diff 1/1"
    assert position_line(0, 0, []) == ""


@pytest.mark.parametrize(("size", "word"), [((80, 24), "diff"), ((160, 48), "difference")])
async def test_the_header_follows_the_cursor(size: tuple[int, int], word: str) -> None:
    async with synthetic_app(40, 3).run_test(size=size) as pilot:
        screen = await ready(pilot)
        view = screen.view
        diffs = [i for i, r in enumerate(view.rows) if r.is_difference]
        await pilot.press("n", "n", "n")
        await pilot.pause()
        header = view.render_line(0).text
        passed = sum(1 for i in diffs if i <= view.cursor)
        assert header.rstrip().endswith(
            f"row {view.cursor + 1}/{len(view.rows)} · {word} {passed}/{len(diffs)}"
        )
        assert "B ▶" in header
