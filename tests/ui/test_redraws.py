"""What is drawn twice: the sidebar's entries only for a new width, the compare view's rows
laid out for a new width before the frame that shows them."""

from __future__ import annotations

from collections import Counter

import pytest
from textual import events
from textual.cache import LRUCache

from tests.ui.helpers import ready, synthetic_app


async def test_a_resize_at_the_same_width_does_not_draw_the_sidebar_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # at launch the sidebar gets its first Resize after the frame that drew it at that width
    drawn: Counter[tuple[int, object]] = Counter()
    set_entry = LRUCache.__setitem__

    def counting(self: LRUCache[object, object], key: object, value: object) -> None:
        drawn[(id(self), key)] += 1
        set_entry(self, key, value)

    monkeypatch.setattr(LRUCache, "__setitem__", counting)
    app = synthetic_app(20, 3)
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await ready(pilot)
        sidebar = screen.sidebar
        await pilot.pause()
        drawn.clear()
        sidebar.post_message(events.Resize(sidebar.size, sidebar.virtual_size))
        sidebar.refresh()
        await pilot.pause()
        assert not [key for cache, key in drawn if cache == id(sidebar._option_render_cache)]


async def test_sidebar_entries_follow_a_new_width() -> None:
    app = synthetic_app(20, 3)
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await ready(pilot)
        await pilot.resize_terminal(140, 48)
        await pilot.pause()
        sidebar = screen.sidebar
        cache = sidebar._option_render_cache
        widths = {strip.cell_length for key in cache.keys() for strip in cache[key]}  # noqa: SIM118
        assert widths == {sidebar.scrollable_content_region.width}


async def test_compare_rows_are_laid_out_for_the_new_width_in_the_layout_pass() -> None:
    app = synthetic_app(20, 3)
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await ready(pilot)
        view = screen.view
        widths: list[tuple[int, int]] = []
        render_line = view.render_line

        def spy(y: int) -> object:
            widths.append((view._layout_width, view.scrollable_content_region.width))
            return render_line(y)

        view.render_line = spy  # type: ignore[method-assign,assignment]
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert widths
        assert all(laid == content for laid, content in widths)
