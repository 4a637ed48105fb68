"""Provides KEYS: every key binding of the app, grouped, in one table.

The compare screen builds its BINDINGS from it, the help screen lists it and the command palette
offers every action in it, so the three never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding, BindingType


@dataclass(frozen=True, slots=True)
class KeySpec:
    """One action and the keys that run it."""

    keys: str
    """Textual key names, comma-separated ("j,down")."""
    action: str
    """Action name on the compare screen (without "action_")."""
    label: str
    """Short label for the footer."""
    help: str
    """One line for the help screen and the command palette."""
    group: str
    """Help section."""
    show: bool = False
    """Shown in the footer."""
    display: str = ""
    """How the help screen writes the keys (default: from `keys`)."""
    palette: bool = True
    """Offered in the command palette."""

    @property
    def shown_keys(self) -> str:
        """The keys as the help screen prints them."""
        return self.display or " ".join(self.keys.split(","))


GROUPS = ("Move", "Jump", "Versions", "Views", "Search", "Notes", "App")
"""Help sections, in order."""

KEYS: tuple[KeySpec, ...] = (
    # Move (bound on the compare view itself, so the article list keeps its own arrows)
    KeySpec("up,k", "cursor_up", "Up", "previous row", "Move", display="↑ k"),
    KeySpec("down,j", "cursor_down", "Down", "next row", "Move", display="↓ j"),
    KeySpec("pageup", "page_up", "PgUp", "one screen up", "Move", display="PgUp"),
    KeySpec("pagedown", "page_down", "PgDn", "one screen down", "Move", display="PgDn"),
    KeySpec("g,home", "first_row", "Top", "first row", "Move", display="g Home"),
    KeySpec("G,end", "last_row", "End", "last row", "Move", display="G End"),
    KeySpec("enter", "open_detail", "Detail", "detail of the row", "Move", palette=False),
    # Jump
    KeySpec(
        "n", "next_difference", "Diff", "next difference (any non-identical row)", "Jump", True
    ),
    KeySpec("p", "prev_difference", "Prev diff", "previous difference", "Jump"),
    KeySpec("u", "next_unique", "Unique", "next unique passage (only on one side)", "Jump", True),
    KeySpec("U", "prev_unique", "Prev unique", "previous unique passage", "Jump"),
    KeySpec("c", "next_conflict", "Conflict", "next conflicting fact", "Jump", True),
    KeySpec("C", "prev_conflict", "Prev conflict", "previous conflicting fact", "Jump"),
    # Versions
    KeySpec(
        "right_square_bracket",
        "next_version",
        "Version",
        "next version on the right",
        "Versions",
        True,
        "]",
    ),
    KeySpec(
        "left_square_bracket",
        "prev_version",
        "Prev ver",
        "previous version on the right",
        "Versions",
        False,
        "[",
    ),
    KeySpec("r", "swap_reference", "Ref", "make the right version the reference", "Versions"),
    KeySpec(
        "s", "toggle_sidebar", "Articles", "show or hide the articles sidebar", "Versions", True
    ),
    # Views
    KeySpec("o", "open_grid", "Grid", "agreement grid and similarity matrix", "Views", True),
    KeySpec(
        "d", "open_detail", "Detail", "every version of the current row, with facts", "Views", True
    ),
    KeySpec(
        "t",
        "toggle_trivial",
        "Trivial",
        "show or hide trivial changes (case, punctuation)",
        "Views",
    ),
    KeySpec(
        "L",
        "app.load_problems",
        "Problems",
        "list the load problems (files not loaded or skipped, a failed comparison)",
        "Views",
    ),
    # Search
    KeySpec("slash", "open_search", "Search", "search both columns", "Search", True, "/"),
    # Notes (actions on the app, see tui/ui/notes_actions.py)
    KeySpec("a", "app.add_note", "Note", "add a note to the current row", "Notes", True),
    KeySpec("e", "app.edit_note", "Edit note", "edit a note of the current row", "Notes"),
    KeySpec("x", "app.delete_note", "Del note", "delete a note of the current row", "Notes"),
    KeySpec("ctrl+z", "app.undo_note", "Undo", "undo the last note change", "Notes"),
    KeySpec("N", "app.notes_list", "Notes", "list every note (enter: go to its row)", "Notes"),
    KeySpec("E", "app.export_report", "Export", "export the review report (Markdown)", "Notes"),
)
"""Every compare-screen action. App-wide keys (tab, ?, ctrl+p, q) are in APP_KEYS."""

APP_KEYS: tuple[KeySpec, ...] = (
    KeySpec("question_mark", "help", "Help", "this help", "App", True, "?"),
    KeySpec("q", "quit", "Quit", "quit", "App"),
    KeySpec(
        "ctrl+p",
        "command_palette",
        "Palette",
        "every action by name",
        "App",
        False,
        "ctrl+p",
        False,
    ),
    KeySpec(
        "tab",
        "focus_next",
        "Focus",
        "switch focus (articles, compare, search)",
        "App",
        False,
        "tab shift+tab",
        False,
    ),
)
"""Keys bound on the app, listed in the help."""

SEARCH_KEYS: tuple[KeySpec, ...] = (
    KeySpec(
        "enter",
        "search_next",
        "Next",
        "next match (also ↓)",
        "Search",
        display="enter ↓",
        palette=False,
    ),
    KeySpec(
        "shift+enter",
        "search_prev",
        "Prev",
        "previous match (also ↑)",
        "Search",
        display="shift+enter ↑",
        palette=False,
    ),
    KeySpec(
        "escape",
        "close_search",
        "Close",
        "close the search, clear highlights",
        "Search",
        display="esc",
        palette=False,
    ),
)
"""Keys of the search bar (listed in the help)."""

ARTICLE_KEYS: tuple[KeySpec, ...] = (
    KeySpec(
        "escape",
        "leave",
        "Back",
        "back to the compare view (below 120 columns: hide the list)",
        "Versions",
        display="esc (in list)",
        palette=False,
    ),
    KeySpec(
        "enter",
        "pick",
        "Show",
        "show the highlighted version on the right",
        "Versions",
        display="enter (in list)",
        palette=False,
    ),
    KeySpec(
        "r",
        "make_reference",
        "Reference",
        "make the highlighted version the reference",
        "Versions",
        display="r (in list)",
        palette=False,
    ),
)
"""Keys of the article list when it has focus (listed in the help)."""

MOVE_ACTIONS = frozenset(k.action for k in KEYS if k.group == "Move" and k.action != "open_detail")
"""Actions bound on the compare view rather than the screen."""


def bindings(specs: tuple[KeySpec, ...]) -> list[BindingType]:
    """Textual bindings for a set of key specs."""
    return [Binding(s.keys, s.action, s.label, show=s.show) for s in specs]


def all_keys() -> tuple[KeySpec, ...]:
    """Every key spec, for the help screen."""
    return (*KEYS, *ARTICLE_KEYS, *SEARCH_KEYS, *APP_KEYS)
