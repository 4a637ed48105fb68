"""Provides RowPainter: the compare view's rows and header as styled strips, for a width.

The compare view (`tui.ui.widgets.compare_view`) owns the rows, the cursor and the scrolling;
this module owns what one row looks like: the gutter marks, the two wrapped columns, the
annotation lines under them (split/merge label, discrepancies, notes) and the header. Styles
come from the view's component classes through the `style_for` callable it passes in.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable, Mapping, Sequence

from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.strip import Strip

from tui.ui.render import (
    GUTTER,
    SEVERITY_MARK,
    Row,
    shown_pieces,
    styled,
    wrap_offsets,
)
from tui.ui.summaries import discrepancy_line

GUTTER_WIDTH = 5
"""Cursor mark, kind symbol, discrepancy mark, note mark, space."""

SEPARATOR = " │ "
"""Between the two columns."""

CONFLICT_LINES = 3
"""Lines a conflict's summary may wrap onto under its row."""

MAX_ANNOTATIONS = 3
"""Discrepancy lines shown under a row; the rest are counted (the detail lists them)."""


def column_widths(width: int, two_columns: bool) -> tuple[int, int]:
    """Widths of the left and right text columns in a view `width` cells wide (right 0: one)."""
    body = max(2, width - GUTTER_WIDTH)
    if not two_columns:
        return body, 0
    left = max(1, (body - len(SEPARATOR)) // 2)
    return left, max(1, body - len(SEPARATOR) - left)


def row_annotations(
    row: Row, note_counts: Mapping[int, int], width: int = 0
) -> list[tuple[str, str]]:
    """The lines under a row's text, each with its style role.

    With a `width`, a conflict's line wraps at words onto up to CONFLICT_LINES lines of that
    width (every version's value stays readable at 80 columns); other lines are cut.
    """
    lines: list[tuple[str, str]] = []
    if row.label:
        lines.append((f"⇄ {row.label}", "label"))
    if row.moved:
        lines.append((row.moved, "label"))
    # a variant spread over the whole story (a name spelled two ways) would repeat on every
    # row that mentions it: those keep the ~ gutter mark and are listed in the detail
    shown = [d for d in row.discrepancies if d.group is not None or d.severity != "variant"]
    for d in shown[:MAX_ANNOTATIONS]:
        line = discrepancy_line(d, row.pair)
        if d.severity != "conflict" or width <= 20:
            lines.append((line, "conflict" if d.severity == "conflict" else "discrepancy"))
            continue
        wrapped = textwrap.wrap(line, width - 2, max_lines=CONFLICT_LINES, placeholder=" …")
        lines += [(("  " if n else "") + part, "conflict") for n, part in enumerate(wrapped)]
    if len(shown) > MAX_ANNOTATIONS:
        lines.append((f"  … {len(shown) - MAX_ANNOTATIONS} more (d: detail)", "discrepancy"))
    notes = note_counts.get(row.group, 0)
    if notes:
        lines.append((f"✎ {notes} note{'s' if notes != 1 else ''}", "note"))
    return lines


def row_height(row: Row, lw: int, rw: int, note_counts: Mapping[int, int]) -> int:
    """Screen lines of a row at these column widths, with the blank line after it."""
    left = len(wrap_offsets(row.left_plain, lw)) + 1
    right = len(wrap_offsets(row.right_plain, rw)) + 1 if rw else 1
    notes_width = lw + len(SEPARATOR) + rw if rw else lw
    return max(left, right) + len(row_annotations(row, note_counts, notes_width)) + 1


class RowPainter:
    """Paints rows and the header of the compare view with the view's styles."""

    def __init__(self, style_for: Callable[[str], Style], console: Console) -> None:
        self.style_for = style_for
        """The Rich style of a role (the view's `compare--<role>` component classes)."""
        self.console = console
        """The app's console, which renders Text into segments."""

    def _render(self, text: Text, width: int) -> Strip:
        return Strip(list(text.render(self.console, end=""))).adjust_cell_length(width)

    def text_lines(self, text: Text, width: int) -> list[Strip]:
        """A styled text wrapped at word boundaries into lines `width` cells wide."""
        offsets = wrap_offsets(text.plain, width)
        parts = text.divide(offsets) if offsets else [text]
        return [self._render(part, width) for part in parts]

    def side_lines(
        self,
        pieces: Sequence[tuple[str, str]],
        width: int,
        absent: bool,
        *,
        show_trivial: bool,
        pattern: re.Pattern[str] | None,
    ) -> list[Strip]:
        """One column of a row: its diff pieces wrapped, or the absent notice."""
        if not pieces:
            if absent:
                text = Text("∅ not in this version", self.style_for("absent"), end="")
                text.truncate(width, overflow="ellipsis")
                return [self._render(text, width)]
            return []
        text = styled(shown_pieces(pieces, show_trivial), self.style_for, pattern)
        return self.text_lines(text, width)

    def row_strips(
        self,
        row: Row,
        width: int,
        two_columns: bool,
        note_counts: Mapping[int, int],
        *,
        show_trivial: bool,
        pattern: re.Pattern[str] | None,
    ) -> list[Strip]:
        """Every line of a row (without the blank line after it)."""
        lw, rw = column_widths(width, two_columns)
        style_for = self.style_for
        sep = Segment(SEPARATOR, style_for("separator"))
        left = self.side_lines(
            row.left, lw, row.kind == "unique-right", show_trivial=show_trivial, pattern=pattern
        )
        right = (
            self.side_lines(
                row.right, rw, row.kind == "unique-left", show_trivial=show_trivial, pattern=pattern
            )
            if rw
            else []
        )
        height = max(len(left), len(right), 1)
        strips: list[Strip] = []
        mark = GUTTER[row.kind]
        flag = " "
        if row.discrepancies:
            flag = SEVERITY_MARK.get(row.discrepancies[0].severity, "~")
        note = "✎" if note_counts.get(row.group) else " "
        gutter_style = style_for("gutter")
        flag_style = style_for("conflict" if row.has_conflict else "discrepancy")
        for n in range(height):
            segs: list[Segment] = []
            if n == 0:
                segs += [
                    Segment(" "),
                    Segment(mark, gutter_style),
                    Segment(flag, flag_style),
                    Segment(note, style_for("note")),
                    Segment(" "),
                ]
            else:
                segs.append(Segment(" " * GUTTER_WIDTH))
            segs += left[n] if n < len(left) else [Segment(" " * lw)]
            if rw:
                segs.append(sep)
                segs += right[n] if n < len(right) else [Segment(" " * rw)]
            strips.append(Strip(segs, width))
        for line, role in row_annotations(row, note_counts, width - GUTTER_WIDTH):
            text = Text(line, style_for(role), no_wrap=True, end="")
            text.truncate(width - GUTTER_WIDTH, overflow="ellipsis")
            body = self._render(text, width - GUTTER_WIDTH)
            strips.append(Strip([Segment(" " * GUTTER_WIDTH), *body], width))
        return strips

    def filler_strip(self, width: int, two_columns: bool) -> Strip:
        """The blank line after a row (the separator continues through it)."""
        lw, rw = column_widths(width, two_columns)
        segs = [Segment(" " * (GUTTER_WIDTH + lw))]
        if rw:
            segs += [Segment(SEPARATOR, self.style_for("separator")), Segment(" " * rw)]
        return Strip(segs)

    def header_strip(
        self, width: int, left_title: str, right_title: str, position: str = ""
    ) -> Strip:
        """Line 0 of the view: the two versions' names, and the cursor's `position` at the
        right end (the right column's title gives way to it; one column keeps its title)."""
        style = self.style_for("header")
        lw, rw = column_widths(width, bool(right_title))
        segs = [Segment(" " * GUTTER_WIDTH, style)]
        titles = [(left_title, lw), (right_title, rw)] if rw else [(left_title, lw)]
        for n, (title, w) in enumerate(titles):
            if n:
                segs.append(Segment(SEPARATOR, style))
            last = n == 1 and position and w > len(position) + 8  # two columns only
            text = Text(title, style, no_wrap=True, end="")
            text.truncate(w - len(position) - 2 if last else w, overflow="ellipsis", pad=True)
            if last:
                text.append("  " + position, self.style_for("label"))
            segs += list(text.render(self.console, end=""))
        return Strip(segs).adjust_cell_length(width, style)

    def notice_strip(self, line: str, width: int, base: Style) -> Strip:
        """A line of the notice shown when there are no rows."""
        text = Text(line, self.style_for("absent"), end="")
        text.truncate(width - GUTTER_WIDTH, overflow="ellipsis")
        strip = Strip([Segment(" " * GUTTER_WIDTH), *text.render(self.console, end="")])
        return strip.adjust_cell_length(width, base)
