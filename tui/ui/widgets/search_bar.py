"""Provides SearchBar: the `/` search line under the compare view.

Typing highlights matches in both columns (the screen does that on `SearchBar.Changed`);
enter or ↓ goes to the next matching row, shift+enter or ↑ to the previous one (terminals that
cannot send shift+enter still have ↑); escape closes the bar and clears the highlights.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Input, Label


class SearchBar(Horizontal):
    """A search input and its match count."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close search"),
        Binding("shift+enter,up", "step(-1)", "Prev match"),
        Binding("down", "step(1)", "Next match", show=False),
    ]

    class Changed(Message):
        """The search text changed."""

        def __init__(self, term: str) -> None:
            super().__init__()
            self.term = term
            """The new search text ("" when cleared)."""

    class Stepped(Message):
        """The user asked for the next (1) or previous (-1) match."""

        def __init__(self, direction: int) -> None:
            super().__init__()
            self.direction = direction
            """1 for next, -1 for previous."""

    class Closed(Message):
        """The user closed the search."""

    def compose(self) -> ComposeResult:
        search = Input(placeholder="search both columns", id="search-input")
        if self.app.is_headless:
            search.cursor_blink = False
        yield search
        yield Label("", id="search-count")
        yield Label("", id="search-hits")

    @property
    def term(self) -> str:
        """The current search text."""
        return self.query_one(Input).value

    def open(self) -> None:
        """Show the bar and focus the input."""
        self.display = True
        # focus now, not after the queued keys: fast typing right after `/` goes to the input
        self.screen.set_focus(self.query_one(Input))

    def set_hits(self, line: str) -> None:
        """Show the hits in every version under the input ("" hides the line)."""
        hits = self.query_one("#search-hits", Label)
        hits.update(line)
        hits.display = bool(line)

    def set_count(self, current: int | None, total: int) -> None:
        """Show "3/12" (or "no match")."""
        label = self.query_one("#search-count", Label)
        if not self.term.strip():
            label.update("")
        elif total == 0:
            label.update("no match")
        else:
            label.update(f"{current or '-'}/{total} rows")

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.Changed(event.value))

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Stepped(1))

    def action_step(self, direction: int) -> None:
        """Next or previous match."""
        self.post_message(self.Stepped(direction))

    def action_close(self) -> None:
        """Hide the bar; the screen clears the highlights."""
        self.display = False
        self.post_message(self.Closed())
