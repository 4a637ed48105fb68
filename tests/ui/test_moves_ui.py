"""Compare and the grid mark a moved passage and say where it stands in each version (issue 16
item 9)."""

from __future__ import annotations

from textual.widgets import DataTable

from tests.core.report_helpers import seed_analysis
from tests.ui.helpers import ready
from tui.resources import seed_paths
from tui.ui.app import make_app
from tui.ui.screens.grid import GridScreen
from tui.ui.summaries import move_line


def _moved_group():  # type: ignore[no-untyped-def]
    analysis = seed_analysis()
    group = next(g for g in analysis.alignment.groups if g.moved_in and g.slot("000"))
    return analysis, group, group.moved_in[0]


def _at(analysis, group, article: str) -> str:  # type: ignore[no-untyped-def]
    n = len(analysis.alignment.article(article).sentences)
    return "s" + "+".join(str(i + 1) for i in group.slot(article)) + f" of {n}"


def test_the_move_line_names_where_each_version_tells_it() -> None:
    analysis, group, moved = _moved_group()
    ref_at, moved_at = _at(analysis, group, "000"), _at(analysis, group, moved)
    shown = move_line(analysis.alignment, group, ("000", moved))
    assert shown == f"↕ moved: B {moved} tells it at {moved_at}, A 000 at {ref_at}"
    other = next(a.id for a in analysis.articles if a.id not in ("000", moved))
    hidden = move_line(analysis.alignment, group, ("000", other))
    assert hidden.startswith(f"↕ moved: {moved} (off screen) tells it at {moved_at}")


async def test_compare_and_grid_mark_the_moved_passage() -> None:
    analysis, group, moved = _moved_group()
    async with make_app([str(p) for p in seed_paths()]).run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        while screen.right != moved:
            await pilot.press("right_square_bracket")
            await pilot.pause()
        row = next(r for r in screen.view.rows if r.group == group.id)
        assert row.moved.startswith(f"↕ moved: B {moved} tells it at")
        assert (row.moved, "label") in screen.view._annotations(row)
        steady = [r for r in screen.view.rows if not analysis.alignment.groups[r.group].moved]
        assert steady and all(r.moved == "" for r in steady)
        await pilot.press("o")
        await pilot.pause()
        grid = pilot.app.screen
        assert isinstance(grid, GridScreen)
        table = grid.query_one(DataTable)
        cells = table.get_row(str(group.id))
        column = [c.key.value for c in table.columns.values()].index(moved)
        assert str(cells[column]).endswith("↕")
