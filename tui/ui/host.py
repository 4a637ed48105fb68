"""Provides the typed Protocols through which screens and the palette reach the app.

Screens and widgets never import the App class (`tui.ui.app` imports them): what they tell the
app goes up as messages, and what they must ask it (the notes of a row, running an action from
the palette) goes through these Protocols, which `SideBySideApp` satisfies. Each check is an
`isinstance(self.app, ...)`, so a screen run in another app (a test's) degrades quietly.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from rich.style import Style
from rich.text import Text


@runtime_checkable
class NotesHost(Protocol):
    """An app that keeps the reviewer's notes (the grid's ✎ column, the Detail section)."""

    def note_counts(self) -> dict[int, int]:
        """Group id -> number of notes."""
        ...

    def note_section(self, group: int, note_style: Style, label_style: Style) -> Text:
        """The notes of a group, as the Detail view shows them."""
        ...


@runtime_checkable
class ActionHost(Protocol):
    """An app that runs a compare action from anywhere (the command palette)."""

    async def run_compare_action(self, action: str) -> None:
        """Run the action on the compare screen (back to it first)."""
        ...
