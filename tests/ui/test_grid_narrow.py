"""The grid reads at 80 columns (no cut columns, no sideways scrolling) and its legend explains
✎ (issue 16 item 8)."""

from __future__ import annotations

from textual.widgets import DataTable, Static

from tests.ui.helpers import ready
from tui.resources import seed_paths
from tui.ui.app import make_app
from tui.ui.screens.grid import GridScreen


async def _grid(pilot) -> GridScreen:  # type: ignore[no-untyped-def]
    await ready(pilot)
    await pilot.press("o")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, GridScreen)
    return screen


async def test_at_80_columns_the_table_fits_and_a_short_legend_names_every_mark() -> None:
    async with make_app([str(p) for p in seed_paths()]).run_test(size=(80, 24)) as pilot:
        screen = await _grid(pilot)
        table = screen.query_one(DataTable)
        assert table.virtual_size.width <= table.scrollable_content_region.width
        assert not screen.query_one("#grid-side").display
        legend = str(screen.query_one("#grid-legend-line", Static).content)
        for mark in "●=≈◐·!○✎":
            assert mark in legend
        preview = str(table.get_row_at(0)[-1])
        assert preview.startswith("North Korea Will Send Thousands")  # whole words, not "North"
        await pilot.press("m")
        await pilot.pause()
        assert screen.query_one("#grid-side").display


async def test_at_160_columns_the_side_legend_explains_the_note_mark() -> None:
    async with make_app([str(p) for p in seed_paths()]).run_test(size=(160, 48)) as pilot:
        screen = await _grid(pilot)
        assert screen.query_one("#grid-side").display
        assert not screen.query_one("#grid-legend-line").display
        legend = str(screen.query_one("#legend", Static).content)
        assert "✎  the row has notes" in legend
        table = screen.query_one(DataTable)
        assert table.virtual_size.width <= table.scrollable_content_region.width
