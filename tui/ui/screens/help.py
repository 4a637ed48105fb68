"""Provides HelpScreen: every key binding, grouped (opened with `?`)."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.ui.keys import GROUPS, all_keys

MARKS: tuple[tuple[str, str], ...] = (
    ("=", "identical in both versions"),
    ("≈", "reworded (deleted words struck, inserted underlined)"),
    ("⇄", "split or merged: one sentence here is several there (⇄ A4 = B5+6)"),
    ("◀", "only in the reference (left)"),
    ("▶", "only in the right version"),
    ("!", "conflicting fact (summary under the row)"),
    ("?", "a fact missing from one version"),
    ("~", "a variant (a name spelled two ways)"),
    ("↕", "moved: a version tells this passage at another place (where, under the row)"),
    ("✎", "the row has notes"),
    ("∅", "not in this version"),
)
"""The compare view's gutter marks and what each says (readable without colour)."""


def help_table() -> Table:
    """The bindings as a table: one section per group."""
    table = Table(box=None, show_header=False, padding=(0, 1), expand=False)
    table.add_column("keys", style="bold", no_wrap=True)
    table.add_column("what")
    specs = all_keys()
    for group in GROUPS:
        rows = [s for s in specs if s.group == group]
        if not rows:
            continue
        table.add_row(f"[u]{group}[/u]", "")
        seen: set[tuple[str, str]] = set()
        for spec in rows:
            if (spec.shown_keys, spec.help) in seen:
                continue
            seen.add((spec.shown_keys, spec.help))
            table.add_row(spec.shown_keys, spec.help)
        table.add_row("", "")
    table.add_row("[u]Marks in Compare[/u]", "")
    for mark, meaning in MARKS:
        table.add_row(mark, meaning)
    table.add_row("", "")
    table.add_row("[u]Grid and detail[/u]", "")
    table.add_row("enter", "grid: open the row in Compare")
    table.add_row("g G", "grid: first / last row")
    table.add_row("esc", "back to Compare (also o in the grid, d in the detail)")
    table.add_row("", "")
    table.add_row("[u]Mouse[/u]", "")
    table.add_row("wheel", "scroll both columns")
    table.add_row("click", "move the cursor to a row, pick a version in the list")
    return table


class HelpScreen(ModalScreen[None]):
    """The key bindings, grouped."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,question_mark,q", "close", "Close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static("Keys", id="help-title")
            yield Static(help_table(), id="help-table")

    def action_close(self) -> None:
        """Close the help."""
        self.dismiss(None)
