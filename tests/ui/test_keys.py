"""Pilot tests: every key action of the compare screen changes the state it should.

The synthetic analysis puts a known kind on each row (row i is group i, kind by i % 7:
0 identical, 1 reworded, 2 unique left, 3 unique right, 4 split, 5 conflict, 6 identical).
"""

from __future__ import annotations

import pytest
from textual import events

from tests.ui.helpers import ready, synthetic_app
from tui.ui.screens.detail import DetailScreen
from tui.ui.screens.grid import GridScreen
from tui.ui.screens.help import HelpScreen
from tui.ui.widgets.article_list import ArticleList
from tui.ui.widgets.compare_view import CompareView
from tui.ui.widgets.search_bar import SearchBar


@pytest.mark.parametrize(
    ("keys", "row"),
    [
        (["j"], 1),
        (["down", "down"], 2),
        (["j", "j", "k"], 1),
        (["down", "up"], 0),
        (["G"], 69),
        (["end"], 69),
        (["G", "g"], 0),
        (["G", "home"], 0),
        (["n"], 1),
        (["n", "n"], 2),
        (["n", "n", "n", "n", "n"], 5),
        (["n", "n", "n", "n", "n", "n"], 8),
        (["G", "p"], 68),
        (["u"], 2),
        (["u", "u"], 3),
        (["u", "u", "u"], 9),
        (["u", "u", "U"], 2),
        (["c"], 5),
        (["c", "c"], 12),
        (["c", "c", "C"], 5),
        (["G", "C"], 68),
    ],
)
async def test_motion_and_jump_keys_move_the_cursor(keys: list[str], row: int) -> None:
    async with synthetic_app().run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot)
        for key in keys:
            await pilot.press(key)
        assert screen.view.cursor == row
        assert screen.view.current_group == row


async def test_jump_past_the_last_match_stays_and_says_so() -> None:
    seen: list[object] = []
    async with synthetic_app(groups=6).run_test(size=(100, 30), message_hook=seen.append) as pilot:
        screen = await ready(pilot)
        await pilot.press("c", "c")
        assert screen.view.cursor == 5
        assert any("No conflict below" in str(getattr(m, "notification", "")) for m in seen)


async def test_page_down_and_up_move_by_a_screen() -> None:
    async with synthetic_app().run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot)
        await pilot.press("pagedown")
        down = screen.view.cursor
        assert down > 1
        start, _ = screen.view.row_lines(down)
        assert screen.view.scroll_offset.y == start
        await pilot.press("pageup")
        assert screen.view.cursor < down


async def test_cursor_row_is_scrolled_into_view() -> None:
    async with synthetic_app().run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot)
        await pilot.press("G")
        await pilot.pause()
        start, _height = screen.view.row_lines(screen.view.cursor)
        top = screen.view.scroll_offset.y
        assert top <= start < top + screen.view.scrollable_content_region.height


@pytest.mark.parametrize(
    ("keys", "right"),
    [
        ([], "v1"),
        (["right_square_bracket"], "v2"),
        (["right_square_bracket", "right_square_bracket"], "v1"),
        (["left_square_bracket"], "v2"),
    ],
)
async def test_brackets_cycle_the_right_version(keys: list[str], right: str) -> None:
    async with synthetic_app().run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot)
        for key in keys:
            await pilot.press(key)
        assert screen.right == right
        assert f"B ▶ {right}" in screen.view.right_title


async def test_switching_version_keeps_the_cursor_group() -> None:
    async with synthetic_app().run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot)
        await pilot.press("c")
        await pilot.press("right_square_bracket")
        assert screen.view.current_group == 5


async def test_r_makes_the_right_version_the_reference() -> None:
    async with synthetic_app().run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot)
        await pilot.press("r")
        await ready(pilot)
        assert screen.analysis is not None
        assert screen.analysis.reference == "v1"
        assert screen.right == "v0"
        assert screen.view.left_title.startswith("A ★ v1")


async def test_t_toggles_trivial_changes() -> None:
    async with synthetic_app().run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot)
        assert screen.view.show_trivial
        await pilot.press("t")
        assert not screen.view.show_trivial
        await pilot.press("t")
        assert screen.view.show_trivial


@pytest.mark.parametrize(("width", "shown"), [(80, False), (160, True)])
async def test_sidebar_default_depends_on_width_and_s_toggles_it(width: int, shown: bool) -> None:
    async with synthetic_app().run_test(size=(width, 30)) as pilot:
        screen = await ready(pilot)
        assert screen.sidebar.display is shown
        await pilot.press("s")
        assert screen.sidebar.display is not shown


async def test_sidebar_enter_picks_the_right_version_and_r_sets_the_reference() -> None:
    async with synthetic_app().run_test(size=(160, 40)) as pilot:
        screen = await ready(pilot)
        screen.sidebar.focus()
        screen.sidebar.highlighted = 2
        await pilot.press("enter")
        assert screen.right == "v2"
        screen.sidebar.highlighted = 2
        await pilot.press("r")
        await ready(pilot)
        assert screen.analysis is not None and screen.analysis.reference == "v2"


async def test_tab_moves_focus_between_sidebar_and_compare() -> None:
    async with synthetic_app().run_test(size=(160, 40)) as pilot:
        await ready(pilot)
        assert isinstance(pilot.app.focused, CompareView)
        await pilot.press("tab")
        assert isinstance(pilot.app.focused, ArticleList)
        await pilot.press("shift+tab")
        assert isinstance(pilot.app.focused, CompareView)


async def test_search_highlights_steps_and_closes() -> None:
    async with synthetic_app().run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot)
        await pilot.press("slash")
        bar = screen.query_one(SearchBar)
        assert bar.display
        await pilot.press(*"5,000")
        matches = screen.view.search_matches()
        assert matches == [i for i in range(70) if i % 7 == 5]
        assert screen.view.cursor == 5
        await pilot.press("enter")
        assert screen.view.cursor == 12
        await pilot.press("shift+enter")
        assert screen.view.cursor == 5
        await pilot.press("up")
        assert screen.view.cursor == 68
        await pilot.press("escape")
        assert not bar.display
        assert screen.view.search_term == ""
        assert isinstance(pilot.app.focused, CompareView)


async def test_o_opens_grid_and_enter_opens_the_row_in_compare() -> None:
    async with synthetic_app().run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(pilot.app.screen, GridScreen)
        await pilot.press("j", "j", "j", "j", "enter")
        await pilot.pause()
        assert pilot.app.screen is screen
        assert screen.view.current_group == 4


async def test_grid_row_absent_from_both_sides_switches_the_right_version() -> None:
    async with synthetic_app().run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        await pilot.press("right_square_bracket")
        assert screen.right == "v2"
        await pilot.press("o")
        await pilot.pause()
        await pilot.press("j", "j", "j", "enter")
        await pilot.pause()
        assert screen.right == "v1"
        assert screen.view.current_group == 3


@pytest.mark.parametrize("key", ["d", "enter"])
async def test_detail_opens_for_the_current_row_and_escape_returns(key: str) -> None:
    async with synthetic_app().run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot)
        await pilot.press("c", key)
        await pilot.pause()
        detail = pilot.app.screen
        assert isinstance(detail, DetailScreen)
        assert detail.group == 5
        assert "6,000 vs 5,000 workers" in detail.body().plain
        await pilot.press("escape")
        assert pilot.app.screen is screen


async def test_question_mark_opens_help_listing_every_key() -> None:
    async with synthetic_app().run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(pilot.app.screen, HelpScreen)
        await pilot.press("escape")
        assert not isinstance(pilot.app.screen, HelpScreen)


async def test_q_quits() -> None:
    async with synthetic_app().run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("q")
        await pilot.pause()
        assert not pilot.app.is_running


async def test_click_moves_the_cursor_to_the_row() -> None:
    async with synthetic_app().run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot)
        start, _ = screen.view.row_lines(1)
        await pilot.click(CompareView, offset=(10, start + 1))
        assert screen.view.cursor == 1


async def test_mouse_wheel_scrolls_both_columns() -> None:
    async with synthetic_app().run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot)
        view = screen.view
        for _ in range(3):
            view.post_message(events.MouseScrollDown(view, 10, 5, 0, 1, 0, False, False, False))
        await pilot.pause(0.3)
        assert view.scroll_offset.y > 0
        assert view.cursor == 0


async def test_keys_typed_right_after_slash_reach_the_search() -> None:
    """A fast typist (or a paste of keys) after `/` must not lose keys or trigger bindings."""
    app = synthetic_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot)
        driver = app._driver
        assert driver is not None
        for name, char in [("slash", "/"), *((c, c) for c in "5,0o0")]:
            event = events.Key(name, char)
            event.set_sender(app)
            driver.send_message(event)
        await pilot.pause(0.3)
        await pilot.pause()
        assert screen.query_one(SearchBar).term == "5,0o0"
        assert app.screen is screen


@pytest.mark.parametrize(("width", "shown_after"), [(80, False), (160, True)])
async def test_escape_in_the_list_returns_to_compare(width: int, shown_after: bool) -> None:
    async with synthetic_app().run_test(size=(width, 30)) as pilot:
        screen = await ready(pilot)
        if not screen.sidebar.display:
            await pilot.press("s")
        screen.sidebar.focus()
        await pilot.pause()
        await pilot.press("escape")
        assert isinstance(pilot.app.focused, CompareView)
        assert screen.sidebar.display is shown_after


async def test_picking_a_version_at_80_columns_closes_the_list() -> None:
    async with synthetic_app().run_test(size=(80, 30)) as pilot:
        screen = await ready(pilot)
        await pilot.press("s")
        assert screen.sidebar.display and isinstance(pilot.app.focused, ArticleList)
        screen.sidebar.highlighted = 2
        await pilot.press("enter")
        assert screen.right == "v2"
        assert not screen.sidebar.display
        assert isinstance(pilot.app.focused, CompareView)


@pytest.mark.parametrize(
    ("group", "article", "symbol"),
    [
        (0, "v0", "●"),
        (0, "v1", "="),
        (1, "v2", "≈"),
        (2, "v1", "·"),
        (3, "v1", "○"),
        (5, "v2", "!"),
    ],
)
async def test_grid_cells_carry_symbols(group: int, article: str, symbol: str) -> None:
    async with synthetic_app().run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("o")
        await pilot.pause()
        grid = pilot.app.screen
        assert isinstance(grid, GridScreen)
        assert grid.table.get_cell(str(group), article).plain.strip() == symbol


@pytest.mark.parametrize("keys", [[], ["G"]])
async def test_a_long_grid_fills_in_the_background_with_the_cursor_on_the_row(
    keys: list[str],
) -> None:
    async with synthetic_app(groups=900).run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        await pilot.press(*keys, "o")
        grid = pilot.app.screen
        assert isinstance(grid, GridScreen)
        row = screen.view.cursor
        assert grid.table.cursor_row == row
        await grid.workers.wait_for_complete()
        await pilot.pause()
        assert grid.table.row_count == 900
        await pilot.press("G", "enter")
        await pilot.pause()
        assert screen.view.current_group == 899


async def test_resizing_rewraps_rows_and_keeps_the_cursor_row_in_view() -> None:
    async with synthetic_app().run_test(size=(160, 40)) as pilot:
        screen = await ready(pilot)
        await pilot.press("c", "c", "c")
        wide = screen.view.row_lines(screen.view.cursor)[1]
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        start, narrow = screen.view.row_lines(screen.view.cursor)
        assert narrow > wide
        top = screen.view.scroll_offset.y
        assert top <= start < top + screen.view.scrollable_content_region.height
        assert screen.view.cursor == 19


async def test_r_keeps_the_cursor_on_the_same_passage() -> None:
    async with synthetic_app().run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot)
        await pilot.press("c", "c")
        row = screen.view.current_row
        assert row is not None
        text = row.right_plain
        await pilot.press("r")
        await ready(pilot)
        current = screen.view.current_row
        assert current is not None
        assert current.left_plain == text


def test_help_explains_every_gutter_mark() -> None:
    from rich.console import Console

    from tui.ui.render import GUTTER, SEVERITY_MARK
    from tui.ui.screens.help import MARKS, help_table

    marks = {m for m, _ in MARKS}
    assert set(GUTTER.values()) - {" "} <= marks
    assert set(SEVERITY_MARK.values()) <= marks
    assert "✎" in marks
    console = Console(width=100, record=True)
    console.print(help_table())
    shown = console.export_text()
    for mark, meaning in MARKS:
        assert f"{mark} " in shown and meaning.split(" (")[0] in shown
