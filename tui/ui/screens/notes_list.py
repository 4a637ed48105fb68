"""Provides NotesListScreen: every note with its verdict, text, places and anchor status.

Enter returns ("go", id) for the highlighted note (the app jumps to its row, or edits/deletes
it when the list was opened to pick one of a row's notes); in the full list `e` and `x` return
("edit", id) and ("delete", id), the only way to reach an orphaned note; 1..9 show only one
verdict, 0 shows them all; escape closes. Orphaned notes are listed with their stored quote:
they are never dropped. The highlighted note is shown whole under the table.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from tui.resources import styles_dir
from tui.ui.notes_controller import NoteItem

STATUS_MARK = {"anchored": "●", "moved": "◐", "orphaned": "✗", "absent": "·"}
"""Symbol per anchor status (the word is shown beside it)."""

TEXT = 70
"""Characters of a note's text shown in the list."""


def one_line(text: str, width: int) -> str:
    """A text on one line, cut with an ellipsis."""
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def note_preview(item: NoteItem) -> Text:
    """The highlighted note in full: verdict and place, its whole text (line breaks kept),
    tags and quote; the table cuts the text to one line, this shows it whole."""
    note = item.note
    out = Text()
    out.append(f"{note.verdict or '—'} · {item.status} · {item.where}", "bold")
    if note.tags:
        out.append(f" · tags: {' '.join(note.tags)}")
    out.append("\n")
    out.append(note.text.strip() or "(no text)")
    if note.quote:
        out.append(f"\non: “{' '.join(note.quote.split())}”", "italic")
    return out


class NotesListScreen(ModalScreen[tuple[str, str] | None]):
    """The notes in a table; enter picks one."""

    CSS_PATH = styles_dir() / "notes.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,N,q", "close", "Close"),
        Binding("0", "filter(0)", "All"),
        *(Binding(str(n), f"filter({n})", show=False) for n in range(1, 10)),
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("e", "choose('edit')", "Edit"),
        Binding("x", "choose('delete')", "Delete"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "notes-list--anchored",
        "notes-list--moved",
        "notes-list--orphaned",
        "notes-list--absent",
    }

    def __init__(
        self,
        items: Sequence[NoteItem],
        verdicts: tuple[str, ...],
        *,
        title: str = "Notes",
        hint: str = "",
        where: str = "",
        manage: bool = False,
    ) -> None:
        super().__init__()
        self.items: tuple[NoteItem, ...] = tuple(items)
        """Every note offered."""
        self.verdicts = verdicts
        """The sidecar's verdict labels (the filter keys)."""
        self.heading = title
        """The title line."""
        self.manage = manage
        """Offer e (edit) and x (delete) besides enter."""
        self.hint = hint or (
            "enter: go to the row · e: edit · x: delete · 1–9: one verdict · 0: all · esc: close"
            if manage
            else "enter: go to the row · 1–9: one verdict · 0: all · esc: close"
        )
        """The keys line."""
        self.where = where
        """Where the sidecar is (shown under the table), or ""."""
        self.verdict_filter = ""
        """The verdict shown alone ("" for all)."""

    def compose(self) -> ComposeResult:
        with Vertical(id="notes-dialog"):
            yield Static(id="notes-title")
            yield DataTable(id="notes-table", cursor_type="row", zebra_stripes=True)
            with VerticalScroll(id="notes-preview-box"):
                yield Static(id="notes-preview")
            yield Static(Text(self.where), id="notes-where")
            yield Static(self.hint, id="notes-keys")

    @property
    def table(self) -> DataTable[Text | str]:
        """The notes table."""
        return self.query_one(DataTable)

    @property
    def shown(self) -> tuple[NoteItem, ...]:
        """The notes the filter lets through, in list order."""
        if not self.verdict_filter:
            return self.items
        return tuple(i for i in self.items if i.note.verdict == self.verdict_filter)

    def on_mount(self) -> None:
        table = self.table
        for label, key in (
            ("verdict", "verdict"),
            ("status", "status"),
            ("where", "where"),
            ("tags", "tags"),
            ("note", "text"),
        ):
            table.add_column(label, key=key)
        self._fill()
        self.call_after_refresh(self._fill)  # again once the screen's styles are in (colours)
        self.query_one("#notes-where").display = bool(self.where)
        table.focus()

    def _fill(self) -> None:
        table = self.table
        table.clear()
        for item in self.shown:
            status = item.status
            style = self.get_component_rich_style(f"notes-list--{status}", partial=True)
            note = item.note
            text = one_line(note.text, TEXT) if note.text.strip() else ""
            if status == "orphaned" or not text:
                quote = one_line(note.quote, TEXT - len(text) - 4) if note.quote else ""
                text = f"{text} “{quote}”".strip() if quote else text
            table.add_row(
                Text(note.verdict or "—"),
                Text(f"{STATUS_MARK.get(status, '?')} {status}", style),
                Text(item.where),
                Text(" ".join(note.tags)),
                Text(text),
                key=note.id,
            )
        count = len(self.shown)
        which = f" · {self.verdict_filter} only" if self.verdict_filter else ""
        title = f"{self.heading} · {count} of {len(self.items)}{which}"
        self.query_one("#notes-title", Static).update(Text(title))
        if not count:
            empty = "No note yet: press a on a row to add one." if not self.items else ""
            self.query_one("#notes-keys", Static).update(
                empty or f"No {self.verdict_filter} note · 0: show all · esc: close"
            )
        else:
            self.query_one("#notes-keys", Static).update(self.hint)

    def action_filter(self, key: int) -> None:
        """Show one verdict (its key), or all (0)."""
        if key == 0 or key > len(self.verdicts):
            self.verdict_filter = ""
        else:
            self.verdict_filter = self.verdicts[key - 1]
        self._fill()

    def action_cursor_down(self) -> None:
        """Next note."""
        self.table.action_cursor_down()

    def action_cursor_up(self) -> None:
        """Previous note."""
        self.table.action_cursor_up()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "choose":
            return self.manage
        return True

    def action_choose(self, verb: str) -> None:
        """Return the highlighted note with a verb (edit, delete)."""
        table = self.table
        if not table.row_count:
            return
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        if key is not None:
            self.dismiss((verb, key))

    def action_close(self) -> None:
        """Close without choosing."""
        self.dismiss(None)

    @on(DataTable.RowHighlighted)
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        item = next((i for i in self.shown if i.note.id == event.row_key.value), None)
        self.query_one("#notes-preview", Static).update(
            note_preview(item) if item is not None else ""
        )
        self.query_one("#notes-preview-box").display = item is not None

    @on(DataTable.RowSelected)
    def _selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.row_key.value is not None:
            self.dismiss(("go", event.row_key.value))
