"""Provides ProblemsScreen: every load problem of this session, kept after its toast is gone.

The app passes the lines in (files that could not be loaded, files given twice, a comparison
that failed); the screen only shows them. Opened with `L` or from the command palette.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static


def problems_text(problems: Sequence[tuple[str, str]]) -> Text:
    """The list as text: one entry per problem, its kind first, wrapped by the screen."""
    if not problems:
        return Text("No problems: every file loaded and the versions were compared.")
    text = Text()
    for n, (kind, line) in enumerate(problems):
        if n:
            text.append("\n")
        text.append(f"{kind}: ", "bold")
        text.append(line)
    return text


class ProblemsScreen(ModalScreen[None]):
    """The session's load problems, one per line (esc closes)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,L,q", "close", "Close")]

    def __init__(self, problems: Sequence[tuple[str, str]]) -> None:
        super().__init__()
        self.problems = tuple(problems)
        """(kind, line) pairs: "could not load" / "skipped" / "could not compare", and what."""

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static(f"Problems · {len(self.problems)}", id="help-title")
            yield Static(problems_text(self.problems), id="problems-list")
            yield Static("esc: close", id="problems-keys")

    def action_close(self) -> None:
        """Close the list."""
        self.dismiss(None)
