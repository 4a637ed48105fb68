"""Provides CompareView: the two-column, line-based virtual view of compare rows.

One widget renders every row through the Line API (`render_line` returns a `Strip`), so a
5,000-group comparison costs the same to show as a 50-group one: only the lines on screen are
built. Row heights are computed per width with a cheap word wrap (`render.wrap_offsets`); the
styled strips of a row are cached until the width, the theme, the search or the rows change.

Line 0 is a fixed header naming the two versions; the rows scroll beneath it. Both columns
belong to the same row, so they always scroll together.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.ui import keys
from tui.ui.render import ROLES, Row, search_pattern
from tui.ui.summaries import position_line
from tui.ui.widgets.row_painter import RowPainter, column_widths, row_annotations, row_height

CACHE_ROWS = 600
"""How many rows' rendered strips are kept."""


class CompareView(ScrollView, can_focus=True):
    """Reference on the left, the chosen version on the right, one row per group."""

    BINDINGS: ClassVar[list[BindingType]] = keys.bindings(
        tuple(k for k in keys.KEYS if k.action in keys.MOVE_ACTIONS)
    )

    COMPONENT_CLASSES: ClassVar[set[str]] = {f"compare--{role}" for role in ROLES}

    DEFAULT_CSS = """
    CompareView {
        overflow-x: hidden;
        overflow-y: scroll;
    }
    """

    class CursorMoved(Message):
        """The row cursor moved (bursts replace each other)."""

        def __init__(self, view: CompareView, row: int, group: int | None) -> None:
            super().__init__()
            self.view = view
            """The view that posted it."""
            self.row = row
            """Row index, from 0."""
            self.group = group
            """Group id of that row (None when there are no rows)."""

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, CompareView.CursorMoved)

    def __init__(
        self, *, name: str | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.rows: list[Row] = []
        """The rows shown, in reading order."""
        self.cursor = 0
        """Index of the current row."""
        self.left_title = ""
        """Header of the left column."""
        self.right_title = ""
        """Header of the right column ("" with one version: one wide column)."""
        self.notice = ""
        """Text shown when there are no rows."""
        self.show_trivial = True
        """Show trivial changes (muted) instead of as plain text."""
        self.search_term = ""
        """Current search, highlighted in both columns."""
        self.note_counts: Mapping[int, int] = {}
        """Group id -> number of notes (the notes work fills it; shows ✎)."""
        self._pattern: re.Pattern[str] | None = None
        self._starts: list[int] = [0]
        self._heights: list[int] = []
        self._total = 0
        self._layout_width = -1
        self._strips: OrderedDict[int, list[Strip]] = OrderedDict()
        self._scrollbar_virtual_size: Size | None = None
        self._styles: dict[str, Style] = {}
        self._row_painter: RowPainter | None = None
        self._differences: list[int] = []

    # ----------------------------------------------------------------- data pushed down

    def set_rows(
        self,
        rows: Sequence[Row],
        left_title: str,
        right_title: str,
        *,
        cursor_group: int | None = None,
        notice: str = "",
    ) -> None:
        """Show new rows (a new analysis or another right version).

        Args:
            rows: the rows in reading order.
            left_title: header of the reference column.
            right_title: header of the right column ("" for one wide column).
            cursor_group: keep the cursor on this group when it is among the rows.
            notice: line shown when there are no rows.
        """
        self.rows = list(rows)
        self._differences = [i for i, r in enumerate(self.rows) if r.is_difference]
        self.left_title, self.right_title, self.notice = left_title, right_title, notice
        index = 0
        if cursor_group is not None:
            index = next((i for i, r in enumerate(self.rows) if r.group == cursor_group), 0)
        self.cursor = index
        self._relayout(force=True)
        self.scroll_to_cursor(animate=False, top=cursor_group is not None)
        self._post_cursor()

    def set_search(self, term: str) -> None:
        """Highlight a search term in both columns ("" clears)."""
        if term == self.search_term:
            return
        self.search_term = term
        self._pattern = search_pattern(term)
        self._invalidate()

    def set_show_trivial(self, show: bool) -> None:
        """Show trivial changes muted (True) or as plain text (False)."""
        self.show_trivial = show
        self._invalidate()

    def set_note_counts(self, counts: Mapping[int, int]) -> None:
        """Mark rows whose group has notes (group id -> count)."""
        counts = dict(counts)
        if counts != self.note_counts:
            self.note_counts = counts
            self._relayout(force=True)

    # ----------------------------------------------------------------- queries

    @property
    def current_row(self) -> Row | None:
        """The row under the cursor."""
        return self.rows[self.cursor] if self.rows else None

    @property
    def current_group(self) -> int | None:
        """Group id of the row under the cursor."""
        row = self.current_row
        return row.group if row is not None else None

    def search_matches(self) -> list[int]:
        """Indices of the rows matching the search."""
        if self._pattern is None:
            return []
        p = self._pattern
        return [
            i for i, r in enumerate(self.rows) if p.search(r.left_plain) or p.search(r.right_plain)
        ]

    def find(self, predicate: Callable[[Row], bool], direction: int) -> int | None:
        """The next row index after (direction 1) or before (-1) the cursor that satisfies it."""
        rng = (
            range(self.cursor + 1, len(self.rows))
            if direction > 0
            else range(self.cursor - 1, -1, -1)
        )
        for i in rng:
            if predicate(self.rows[i]):
                return i
        return None

    def row_lines(self, index: int) -> tuple[int, int]:
        """First content line and height (with the blank line after it) of a row."""
        return self._starts[index], self._heights[index]

    # ----------------------------------------------------------------- cursor

    def move_to(self, index: int, *, top: bool = False) -> None:
        """Put the cursor on a row and scroll it into view."""
        if not self.rows:
            return
        index = max(0, min(index, len(self.rows) - 1))
        if index == self.cursor:
            self.scroll_to_cursor(top=top)
            return
        old, self.cursor = self.cursor, index
        self._refresh_row(old)
        self._refresh_row(index)
        self.refresh(Region(0, 0, self.size.width, 1))  # the header's position
        self.scroll_to_cursor(top=top)
        self._post_cursor()

    def scroll_to_cursor(self, *, animate: bool = False, top: bool = False) -> None:
        """Scroll so the whole cursor row (or its top when taller than the view) shows."""
        if not self.rows or not self._heights:
            return
        start, height = self.row_lines(self.cursor)
        view = max(1, self.scrollable_content_region.height - 1)
        if top:
            self.scroll_to(y=start, animate=animate, immediate=True)
            return
        y = self.scroll_offset.y
        if start < y or height > view:
            self.scroll_to(y=start, animate=animate, immediate=True)
        elif start + height > y + view:
            self.scroll_to(y=start + height - view, animate=animate, immediate=True)

    def _post_cursor(self) -> None:
        self.post_message(self.CursorMoved(self, self.cursor, self.current_group))

    def action_cursor_up(self) -> None:
        """Previous row."""
        self.move_to(self.cursor - 1)

    def action_cursor_down(self) -> None:
        """Next row."""
        self.move_to(self.cursor + 1)

    def action_first_row(self) -> None:
        """First row."""
        self.move_to(0)

    def action_last_row(self) -> None:
        """Last row."""
        self.move_to(len(self.rows) - 1)

    def _page(self, direction: int) -> None:
        if not self.rows:
            return
        view = max(1, self.scrollable_content_region.height - 1)
        start, _ = self.row_lines(self.cursor)
        target = max(0, min(self._total - 1, start + direction * view))
        index = max(0, bisect_right(self._starts, target) - 1)
        if index == self.cursor:
            index += direction
        self.move_to(index, top=True)

    def action_page_up(self) -> None:
        """One screen up."""
        self._page(-1)

    def action_page_down(self) -> None:
        """One screen down."""
        self._page(1)

    async def _on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or offset.y < 1 or not self.rows:
            return
        line = self.scroll_offset.y + offset.y - 1
        if line >= self._total:
            return
        self.move_to(bisect_right(self._starts, line) - 1)

    # ----------------------------------------------------------------- layout

    def _widths(self, width: int) -> tuple[int, int]:
        return column_widths(width, bool(self.right_title))

    def _annotations(self, row: Row) -> list[tuple[str, str]]:
        """The lines under a row's text (label, discrepancies, notes) with their roles."""
        return row_annotations(row, self.note_counts)

    def _relayout(self, *, force: bool = False, quiet: bool = False) -> None:
        """Compute every row's height for the current width (force: even if it is the same).

        quiet: set the virtual size without asking for another layout pass (during one).
        """
        width = self.scrollable_content_region.width
        if width <= 0 and not self.size.width:
            # not laid out yet (rows shown before the first frame): the layout pass lays them
            # out for its width (_size_updated), no need to wrap them for a guess first
            self._layout_width = 0
            self._starts, self._heights, self._total = [0], [], 0
            self._strips.clear()
            return
        if width <= 0:
            width = max(self.size.width, 20)
        if width == self._layout_width and not force:
            return
        self._layout_width = width
        lw, rw = self._widths(width)
        starts, heights, total = [], [], 0
        for row in self.rows:
            h = row_height(row, lw, rw, self.note_counts)
            starts.append(total)
            heights.append(h)
            total += h
        self._starts, self._heights, self._total = starts or [0], heights, total
        self._strips.clear()
        if quiet:
            self.set_reactive(CompareView.virtual_size, Size(width, total + 1))
            return
        self.virtual_size = Size(width, total + 1)
        self.refresh()

    def _invalidate(self) -> None:
        self._strips.clear()
        self.refresh()

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        # ScrollView compares the virtual size the layout passes in, never this view's own (the
        # rows' height), so it updated and drew the scrollbar again on every layout pass: it
        # gets the view's own, and the scrollbar is updated here when that one changed.
        resized = super()._size_updated(size, self.virtual_size, container_size, layout)
        # Lay the rows out for a new width within the screen's layout pass, so the frame drawn
        # next uses it: on_resize comes after that frame, which drew the whole view twice.
        if self.scrollable_content_region.width != self._layout_width:
            self._relayout(quiet=True)
        if self.virtual_size != self._scrollbar_virtual_size:
            self._scroll_update(self.virtual_size)
            self._scrollbar_virtual_size = self.virtual_size
        return resized

    def on_resize(self, event: events.Resize) -> None:
        self._relayout()
        self.scroll_to_cursor()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles = {}
        self._strips.clear()

    def _refresh_row(self, index: int) -> None:
        if not 0 <= index < len(self.rows) or not self._heights:
            return
        start, height = self.row_lines(index)
        y = start - self.scroll_offset.y + 1
        self.refresh(Region(0, y, self.size.width, height))

    # ----------------------------------------------------------------- rendering

    def style_for(self, role: str) -> Style:
        """The Rich style of a role, from the `compare--<role>` component class."""
        style = self._styles.get(role)
        if style is None:
            style = self.get_component_rich_style(f"compare--{role}", partial=True)
            self._styles[role] = style
        return style

    def _row_strips(self, index: int) -> list[Strip]:
        cached = self._strips.get(index)
        if cached is not None:
            self._strips.move_to_end(index)
            return cached
        strips = self._painter().row_strips(
            self.rows[index],
            self._layout_width,
            bool(self.right_title),
            self.note_counts,
            show_trivial=self.show_trivial,
            pattern=self._pattern,
        )
        self._strips[index] = strips
        if len(self._strips) > CACHE_ROWS:
            self._strips.popitem(last=False)
        return strips

    def _painter(self) -> RowPainter:
        if self._row_painter is None:
            self._row_painter = RowPainter(self.style_for, self.app.console)
        return self._row_painter

    def render_line(self, y: int) -> Strip:
        """One screen line: the header (y == 0) or a line of a row."""
        width = self.size.width
        if self._layout_width <= 0:
            self._relayout()
        base = self.rich_style
        if y == 0:
            inner = self.scrollable_content_region.width or width  # not under the scrollbar
            where = position_line(self.cursor, len(self.rows), self._differences, inner < 100)
            header = self._painter().header_strip(inner, self.left_title, self.right_title, where)
            header = header.adjust_cell_length(width, self._painter().style_for("header"))
            return header.apply_style(base)
        line = self.scroll_offset.y + y - 1
        if not self.rows:
            notice = self.notice.splitlines()
            if 2 <= y < 2 + len(notice):
                return self._painter().notice_strip(notice[y - 2], width, base).apply_style(base)
            return Strip.blank(width, base)
        if line >= self._total:
            return Strip.blank(width, base)
        index = bisect_right(self._starts, line) - 1
        strips = self._row_strips(index)
        k = line - self._starts[index]
        if k < len(strips):
            strip = strips[k]
        else:
            strip = self._painter().filler_strip(self._layout_width, bool(self.right_title))
        if index == self.cursor and k < len(strips):
            cursor = self.style_for("cursor")
            strip = strip.apply_style(base + cursor)
            if k == 0:
                strip = Strip([Segment("›", base + cursor + Style(bold=True))]) + strip.crop(1)
        else:
            strip = strip.apply_style(base)
        return strip.adjust_cell_length(width, base)
