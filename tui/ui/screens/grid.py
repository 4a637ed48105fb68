"""Provides GridScreen: the agreement grid (groups x versions) and the similarity matrix.

Each cell says, with a symbol first and a colour second, whether a version has the group and
how it relates to the reference: ● reference, = identical, ≈ reworded, ◐ partial, · absent,
! conflicting fact, ○ present without a reference sentence; ✎ marks rows with notes. Enter
returns the group to the compare screen, which puts its cursor there. Below WIDE columns the
table takes the whole width and `m` shows the similarity panel.
"""

from __future__ import annotations

import asyncio
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Label, Static

from tui.core.analysis import Analysis, slot_text
from tui.ui.host import NotesHost
from tui.ui.render import (
    CELL_HELP,
    CELL_SYMBOLS,
    cell_state,
    group_discrepancies,
    similarity_table,
)

PREVIEW = 24
"""Characters of the reference sentence shown per row, at least: the column takes the width the
table has left, so on a wide terminal whole sentences show and on a narrow one it still fits."""

SIDE = 40
"""Columns taken by the similarity panel beside the table (its CSS width, border, scrollbar)."""

WIDE = 120
"""From this width the similarity panel and legend sit beside the table; below it the table
takes the whole width, a two-line legend sits under it and `m` shows the panel."""

SHORT_HELP = {
    "reference": "ref",
    "identical": "same",
    "reworded": "reworded",
    "partial": "partial",
    "absent": "absent",
    "conflict": "conflict",
    "present": "no ref",
}
"""The narrow legend's word per cell state."""


def short_legend() -> str:
    """The legend in two lines for a narrow terminal, ✎ included."""
    marks = "  ".join(f"{CELL_SYMBOLS[s]} {w}" for s, w in SHORT_HELP.items())
    keys = "enter: open the row in Compare · m: similarity matrix and legend"
    return f"{marks}  ✎ notes  ↕ moved\n{keys}"


FIRST_ROWS = 200
"""Rows added before the grid first shows."""

BATCH_ROWS = 250
"""Rows added per step after that."""


class GridScreen(Screen[int | None]):
    """Rows are groups in reading order, columns are versions."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,o", "close", "Back"),
        Binding("m", "toggle_side", "Similarity"),
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("g,home", "first_row", "Top", show=False),
        Binding("G,end", "last_row", "End", show=False),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {f"grid--{state}" for state in CELL_SYMBOLS}

    def __init__(self, analysis: Analysis, group: int | None = None) -> None:
        super().__init__()
        self.analysis = analysis
        """The analysis shown."""
        self.start_group = group
        """The group to put the cursor on at first."""
        self._preview = PREVIEW

    def compose(self) -> ComposeResult:
        with Horizontal(id="grid-body"):
            yield DataTable(id="grid", cursor_type="row", zebra_stripes=True)
            with Vertical(id="grid-side"):
                yield Label(
                    "Similarity\n[dim]share of the row version's\n"
                    "sentences matched in the column's[/]"
                )
                yield Static(id="matrix")
                yield Static(id="legend")
        yield Static(short_legend(), id="grid-legend-line")
        yield Footer()

    @property
    def table(self) -> DataTable[Text | str]:
        """The grid table."""
        return self.query_one(DataTable)

    def on_mount(self) -> None:
        analysis = self.analysis
        table = self.table
        ref = analysis.reference
        ids = [a.id for a in analysis.articles]
        # fixed widths: the table then skips measuring every cell (5,000 rows open fast)
        table.add_column("#", key="#", width=len(str(len(analysis.alignment.groups))))
        table.add_column("✎", key="notes")
        notes = self.note_counts()
        narrow = self.app.size.width < WIDE
        self.set_class(narrow, "-narrow")
        self.query_one("#grid-side").display = not narrow
        self.query_one("#grid-legend-line").display = narrow
        for art_id in ids:
            label = ("★" if art_id == ref else "") + art_id
            table.add_column(label, key=art_id, width=max(3, len(label)))
        # the text column takes the width the table has left (measured once, at opening)
        used = sum(c.width + 2 * table.cell_padding for c in table.columns.values())
        side = 0 if narrow else SIDE
        room = self.app.size.width - side - used - 2 * table.cell_padding - 2  # 2: scrollbar
        self._preview = max(PREVIEW if not narrow else 8, room)
        table.add_column("reference text", key="text", width=self._preview)
        styles = {
            s: self.get_component_rich_style(f"grid--{s}", partial=True) for s in CELL_SYMBOLS
        }
        self._styles = styles
        self._notes = notes
        self._found = group_discrepancies(analysis)
        groups = analysis.alignment.groups
        target = min(self.start_group or 0, max(0, len(groups) - 1))
        # rows up to the cursor (and a screenful more) now, the rest in batches that leave the
        # event loop free between them, so a 5,000-row grid opens at once and stays responsive
        first = max(FIRST_ROWS, target + FIRST_ROWS)
        self._add_rows(0, first)
        if groups:
            table.move_cursor(row=target)
        if first < len(groups):
            self.run_worker(self._add_rest(first), group="grid-rows", exclusive=True)
        self._show_matrix()
        table.focus()

    def _add_rows(self, start: int, stop: int) -> None:
        analysis = self.analysis
        ref = analysis.reference
        ref_art = analysis.alignment.article(ref)
        ids = [a.id for a in analysis.articles]
        table, styles, notes, found = self.table, self._styles, self._notes, self._found
        for group in analysis.alignment.groups[start:stop]:
            count = notes.get(group.id, 0)
            cells: list[Text | str] = [
                str(group.id + 1),
                "✎" + (str(count) if count > 1 else "") if count else "",
            ]
            for art_id in ids:
                state = cell_state(analysis, group, art_id, found.get(group.id, ()))
                move = "↕" if art_id in group.moved_in else " "  # told elsewhere in that version
                cells.append(Text(f" {CELL_SYMBOLS[state]}{move}", styles[state], justify="center"))
            if group.slot(ref):
                preview = slot_text(ref_art, group)
            else:
                first = group.articles[0]
                preview = f"({first}) " + slot_text(analysis.alignment.article(first), group)
            if len(preview) > self._preview:
                preview = preview[: self._preview - 1] + "…"
            cells.append(preview)
            table.add_row(*cells, key=str(group.id))

    async def _add_rest(self, start: int) -> None:
        total = len(self.analysis.alignment.groups)
        for begin in range(start, total, BATCH_ROWS):
            await asyncio.sleep(0.02)  # let key presses and repaints in between
            self._add_rows(begin, min(total, begin + BATCH_ROWS))

    def note_counts(self) -> dict[int, int]:
        """Group id -> number of notes, from the app's notes (the ✎ column)."""
        app = self.app
        return app.note_counts() if isinstance(app, NotesHost) else {}

    def _show_matrix(self) -> None:
        ids, rows = similarity_table(self.analysis)
        matrix = Table(box=None, padding=(0, 1), show_edge=False)
        matrix.add_column("")
        for art_id in ids:
            matrix.add_column(art_id, justify="right")
        for row in rows:
            matrix.add_row(*row)
        self.query_one("#matrix", Static).update(matrix)
        legend = Text()
        for state, symbol in CELL_SYMBOLS.items():
            legend.append(
                f" {symbol} ", self.get_component_rich_style(f"grid--{state}", partial=True)
            )
            legend.append(f" {CELL_HELP[state]}\n")
        legend.append(" ✎ ", self.get_component_rich_style("grid--present", partial=True))
        legend.append(" the row has notes (✎2: two)\n")
        legend.append(" ↕ ")
        legend.append(" moved in that version\n")
        legend.append("\nenter: open the row in Compare")
        self.query_one("#legend", Static).update(legend)

    @on(DataTable.RowSelected)
    def _selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        key = event.row_key.value
        self.dismiss(int(key) if key is not None else None)

    def action_cursor_down(self) -> None:
        """Next row."""
        self.table.action_cursor_down()

    def action_cursor_up(self) -> None:
        """Previous row."""
        self.table.action_cursor_up()

    def action_first_row(self) -> None:
        """First row."""
        self.table.move_cursor(row=0)

    def action_last_row(self) -> None:
        """Last row (of those added so far)."""
        self.table.move_cursor(row=self.table.row_count - 1)

    def action_toggle_side(self) -> None:
        """Show or hide the similarity matrix and legend (hidden below WIDE columns)."""
        side = self.query_one("#grid-side")
        side.display = not side.display

    def action_close(self) -> None:
        """Back to Compare without moving."""
        self.dismiss(None)
