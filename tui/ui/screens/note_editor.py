"""Provides NoteEditor: the dialog that adds or edits a note (verdict, text, tags).

A new note goes on the whole group (every version that has it) unless the "On" row, reached
with shift+tab from the text or tab from the verdict, is set (left/right) to one version only.
The last field of a new note, "On the words", pins it to a phrase of the text (a selection
typed from the keyboard) instead of whole sentences. A note edited on its row gets both fields
too, "On" starting at "where it is now": changing either re-anchors the note.

Keys: 1..9 pick the verdict (the sidecar's labels, "1" is the first; 0 clears it) whenever the
focus is not in a text field; picking one moves on to the text. The text is multi-line, so
enter there starts a new line: ctrl+s saves from anywhere, enter saves from the verdict row and
the tags field. Tab moves between the fields, escape cancels.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.reactive import reactive
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Input, Label, Static, TextArea

from tui.core.notes.model import Note
from tui.resources import styles_dir
from tui.ui.notes_controller import NoteDraft, parse_tags

QUOTE = 240
"""Characters of the quoted text shown atop the dialog."""


class VerdictPicker(Widget, can_focus=True):
    """The verdict labels on one line; the chosen one is highlighted."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "step(-1)", "Prev", show=False),
        Binding("right", "step(1)", "Next", show=False),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {"verdict--key", "verdict--chosen"}

    DEFAULT_CSS = """
    VerdictPicker {
        height: auto;
    }
    """

    chosen: reactive[int] = reactive(0)
    """The chosen verdict's key (1..n), 0 for none."""

    def __init__(self, verdicts: tuple[str, ...], chosen: int = 0, *, id: str | None = None):
        super().__init__(id=id)
        self.verdicts = verdicts
        """The labels; key "1" is the first."""
        self.set_reactive(VerdictPicker.chosen, chosen)

    def render(self) -> Text:
        key_style = self.get_component_rich_style("verdict--key", partial=True)
        chosen_style = self.get_component_rich_style("verdict--chosen", partial=True)
        out = Text()
        for n, label in enumerate(self.verdicts, 1):
            if n > 1:
                out.append("  ")
            part = Text()
            part.append(str(n), key_style)
            part.append(f" {label}")
            if n == self.chosen:
                part.stylize(chosen_style)
                part = Text.assemble("[", part, "]")
            else:
                part = Text.assemble(" ", part, " ")
            out.append_text(part)
        return out

    def action_step(self, step: int) -> None:
        """Move the choice left or right."""
        n = len(self.verdicts)
        self.chosen = (self.chosen - 1 + step) % n + 1 if self.chosen else (1 if step > 0 else n)


class ScopePicker(Widget, can_focus=True):
    """Where a new note goes: the whole group, or one version's sentence(s) only."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "step(-1)", "Prev", show=False),
        Binding("right,space", "step(1)", "Next", show=False),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {"scope--chosen", "scope--other"}

    DEFAULT_CSS = """
    ScopePicker {
        height: 1;
    }
    """

    chosen: reactive[int] = reactive(0)
    """Index of the chosen scope."""

    def __init__(self, scopes: Sequence[tuple[str, str]], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.scopes = tuple(scopes)
        """(key, label) pairs; key "" is the whole group."""

    @property
    def value(self) -> str:
        """The chosen scope's key ("" for the whole group)."""
        return self.scopes[self.chosen][0] if self.scopes else ""

    def render(self) -> Text:
        chosen_style = self.get_component_rich_style("scope--chosen", partial=True)
        other_style = self.get_component_rich_style("scope--other", partial=True)
        out = Text.assemble(("On", "bold"), (" ←→", other_style))
        for n, (_, label) in enumerate(self.scopes):
            out.append("  ")
            if n == self.chosen:
                out.append(f"[{label}]", chosen_style)
            else:
                out.append(f" {label} ", other_style)
        return out

    def action_step(self, step: int) -> None:
        """Choose the next or previous scope."""
        if self.scopes:
            self.chosen = (self.chosen + step) % len(self.scopes)


class NoteEditor(ModalScreen[NoteDraft | None]):
    """Add or edit a note: verdict (one key), text (multi-line), tags."""

    CSS_PATH = styles_dir() / "notes.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        # Not a priority binding: the key then waits behind the keys typed before it in the
        # focused field's queue, so a fast "text + ctrl+s" saves all of the text.
        Binding("ctrl+s", "save", "Save"),
        # Before the focused field sees them, so keys typed right after a tab (a fast typist,
        # a paste, tmux send-keys) land in the next field, not the one being left.
        Binding("tab", "app.focus_next", show=False, priority=True),
        Binding("shift+tab", "app.focus_previous", show=False, priority=True),
        Binding("enter", "save", "Save", show=False),
        Binding("escape", "cancel", "Cancel"),
        *(Binding(str(n), f"verdict({n})", show=False) for n in range(10)),
    ]

    def __init__(
        self,
        verdicts: tuple[str, ...],
        *,
        title: str,
        quote: str = "",
        note: Note | None = None,
        scopes: Sequence[tuple[str, str]] = (),
        draft: NoteDraft | None = None,
        lands: Callable[[str, str], str] | None = None,
    ) -> None:
        super().__init__()
        self.lands = lands
        """(scope, words) -> the line saying where the new note will be anchored (None: no line)."""
        self.verdicts = verdicts
        """The sidecar's verdict labels."""
        self.heading = title
        """The dialog's title line."""
        self.quote = quote
        """The text the note is about."""
        self.note = note
        """The note edited (None: a new note)."""
        self.scopes = tuple(scopes)
        """Where a new note may go, (key, label); the first is the default ("" = the group)."""
        self.start = draft
        """Fields to start from (a draft that could not be saved), over the note's."""
        self._kept = ""

    def compose(self) -> ComposeResult:
        note, start = self.note, self.start
        verdict = start.verdict if start else (note.verdict if note else "")
        text = start.text if start else (note.text if note else "")
        tags = start.tags if start else (note.tags if note else ())
        chosen = self.verdicts.index(verdict) + 1 if verdict in self.verdicts else 0
        self._kept = verdict if verdict and not chosen else ""
        kept = self._kept
        quote = " ".join(self.quote.split())
        if len(quote) > QUOTE:
            quote = quote[: QUOTE - 1] + "…"
        with Vertical(id="note-dialog"):
            yield Static(Text(self.heading), id="note-title")
            yield Static(Text(f"“{quote}”"), id="note-quote")
            yield Label(
                Text.assemble(
                    ("Verdict", "bold"),
                    (f" (press 1–9, 0 none{f'; now “{kept}”' if kept else ''})", "dim"),
                ),
                classes="note-field",
            )
            yield VerdictPicker(self.verdicts, chosen, id="note-verdict")
            if len(self.scopes) > 1:
                scope = ScopePicker(self.scopes, id="note-scope")
                keys = [k for k, _ in self.scopes]
                if start is not None and start.scope in keys:
                    scope.chosen = keys.index(start.scope)
                yield scope
            yield Label("Note", classes="note-field")
            area = TextArea(text, id="note-text", soft_wrap=True)
            area.show_line_numbers = False
            if self.app.is_headless:
                area.cursor_blink = False
            yield area
            yield Label("Tags [dim](spaces or commas)[/]", classes="note-field")
            field = Input(" ".join(tags), id="note-tags", placeholder="tags")
            if self.app.is_headless:
                field.cursor_blink = False
            yield field
            if note is None or self.scopes:  # editing on its row: the anchor can change
                yield Label(
                    "On the words [dim](optional: a phrase of the text)[/]", classes="note-field"
                )
                words = Input(
                    start.quote if start else "",
                    id="note-words",
                    placeholder="empty: the whole sentence"
                    + ("" if note is None else " (or, on “where it is now”, unchanged)"),
                )
                if self.app.is_headless:
                    words.cursor_blink = False
                yield words
            if self.lands is not None:
                yield Static("", id="note-lands")
            yield Static(
                "[b]ctrl+s[/] save · [b]enter[/] save (outside the text) · "
                "[b]tab[/] next field · [b]esc[/] cancel",
                id="note-keys",
            )

    def on_mount(self) -> None:
        for scope in self.query(ScopePicker).results(ScopePicker):
            self.watch(scope, "chosen", lambda _: self._show_landing(), init=False)
        self._show_landing()
        area = self.text_area
        area.move_cursor(area.document.end)  # editing usually adds to the end
        self.picker.focus()

    @property
    def picker(self) -> VerdictPicker:
        """The verdict row."""
        return self.query_one(VerdictPicker)

    @property
    def text_area(self) -> TextArea:
        """The note text."""
        return self.query_one("#note-text", TextArea)

    def draft(self) -> NoteDraft:
        """The fields as they are now."""
        chosen = self.picker.chosen
        verdict = self.verdicts[chosen - 1] if 0 < chosen <= len(self.verdicts) else ""
        if not chosen and self._kept:
            verdict = self._kept  # a label the sidecar no longer lists: kept as it is
        return NoteDraft(
            verdict=verdict,
            text=self.text_area.text.strip("\n"),
            tags=parse_tags(self.query_one("#note-tags", Input).value),
            scope=scopes[0].value if (scopes := self.query(ScopePicker)) else "",
            quote=self._words(),
        )

    def _words(self) -> str:
        """The "On the words" field (a new note, or a note edited on its row), trimmed."""
        fields = self.query("#note-words").results(Input)
        return next((f.value.strip() for f in fields), "")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "verdict" and parameters:
            key = parameters[0]
            return isinstance(key, int) and key <= len(self.verdicts)
        return True

    def action_verdict(self, key: int) -> None:
        """Choose a verdict by its key (0: none) and go on to the text."""
        self.picker.chosen = key
        if self.focused is self.picker:
            # set_focus, not focus(): focus() waits for the next idle, and keys typed right
            # after the verdict (a fast typist, a browser) would still go to the picker
            self.set_focus(self.text_area)

    def action_save(self) -> None:
        """Save (an empty note is not saved)."""
        draft = self.draft()
        if draft.empty:
            self.notify("Nothing to save: choose a verdict or write a note.", timeout=3)
            return
        self.dismiss(draft)

    def action_cancel(self) -> None:
        """Close without saving."""
        self.dismiss(None)

    @on(Input.Changed, "#note-words")
    def _show_landing(self) -> None:
        """Say where the note will be anchored, for the scope and words as they are now."""
        if self.lands is None:
            return
        scopes = self.query(ScopePicker).results(ScopePicker)
        scope = next((s.value for s in scopes), "")
        self.query_one("#note-lands", Static).update(Text(self.lands(scope, self._words())))

    @on(Input.Submitted, "#note-tags, #note-words")
    def _tags_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()
