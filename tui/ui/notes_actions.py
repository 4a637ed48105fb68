"""Provides NotesActions: the app's note keys, dialogs, row markers and report export.

`SideBySideApp` mixes NotesActions in: it opens the sidecar at startup (read-only, with an error
notification, when the file is corrupt; saying where it is when the articles' folder is not
writable), resolves the notes whenever an analysis arrives and pushes the row markers down to
the compare view. The keys (`a`, `e`, `x`, ctrl+z, `N`, `E`) are listed in `tui.ui.keys.KEYS` as
`app.<action>`, so the compare screen binds them, the help lists them and the palette offers
them (other palette entries are in `tui.ui.notes_commands`). Every change is saved at once by
the store; a quiet notification confirms it.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.style import Style
from rich.text import Text

from tui.core.errors import InputError

# The dialogs (editor, list, confirm) import on first use: they and their widgets (TextArea,
# DataTable) are not needed for the first screen, and importing them slowed every launch. So do
# the notes store and controller, when the launch found no sidecar file: it opens after the
# first frame (see `NotesActions.on_mount`).
if TYPE_CHECKING:
    from textual.app import App

    from tui.core.analysis import Analysis
    from tui.core.notes.model import Clock, Note
    from tui.core.notes.placement import LocatedNote
    from tui.ui.notes_controller import NoteDraft, NotesController
    from tui.ui.preload import SidecarHint
    from tui.ui.screens.compare import CompareScreen

    _Base = App[None]
else:
    _Base = object

NOTE_ACTIONS = frozenset(
    {"add_note", "edit_note", "delete_note", "undo_note", "notes_list", "export_report"}
)
"""The app actions of the notes keys."""

NEEDS_ANALYSIS = frozenset({"add_note", "edit_note", "delete_note", "export_report"})
"""Note actions that need the comparison (greyed out while it runs)."""

POLL_SECONDS = 2.0
"""How often the app looks for notes saved by another instance (a stat when nothing changed)."""

SAVED_TIMEOUT = 2.0
"""Seconds the quiet "saved" confirmation stays."""

QUARANTINE_COMMAND = "notes: move the unreadable sidecar aside and start a new one"
"""The palette line offered while the notes are read-only."""


def where_line(path: Path, reason: str) -> str:
    """Where the notes go, the path said once: "Notes: <path> (<why there>)."."""
    why = reason.split("; notes are kept in", 1)[0].strip()
    home = str(Path.home())
    shown = "~" + str(path)[len(home) :] if str(path).startswith(home + "/") else str(path)
    return f"Notes: {shown} ({why})." if why else f"Notes: {shown}."


def notes_section(items: Iterable[LocatedNote], note_style: Style, label_style: Style) -> Text:
    """The Detail view's notes section: each note's verdict, status, text, tags and places."""
    out = Text()
    out.append("Notes\n", "bold underline")
    found = False
    for item in items:
        found = True
        note = item.note
        out.append(f"✎ {note.verdict or 'no verdict'}", note_style)
        out.append(f" · {item.status}", label_style)
        if note.tags:
            out.append(" · " + " ".join(f"#{t}" for t in note.tags), label_style)
        out.append("\n")
        for line in (note.text or "").splitlines() or [""]:
            if line.strip():
                out.append(f"    {line}\n")
        places = " · ".join(
            f"{p.anchor.article} "
            + ("+".join(f"s{s + 1}" for s in p.sentences) or p.resolution.status)
            for p in item.placements
        )
        out.append(f"    in {places}\n", label_style)
    if not found:
        out.append("  none on this row (a adds one)\n", label_style)
    return out


class NotesActions(_Base):
    """The notes side of the app: the sidecar, the note keys, the dialogs and the markers.

    Set `notes_clock`, `notes_author`, `notes_data_dir` or `notes_new_id` on the app before it
    runs to make notes repeat exactly (tests, snapshots).
    """

    notes_clock: Clock | None = None
    """The notes store's clock (None: now, in UTC)."""
    notes_author: str | None = None
    """Author recorded on changes (None: the login name)."""
    notes_data_dir: Path | None = None
    """User data folder for the fallback sidecar and reports (None: platformdirs')."""
    notes_new_id: Any = None
    """Makes note ids (None: random)."""
    sidecar_hint: SidecarHint | None = None
    """The sidecar as the launch found it (None: unknown, open it at mount)."""
    _notes: NotesController | None = None
    _notes_deferred = False
    _where_said = False

    # ----------------------------------------------------------------- the store

    @property
    def notes(self) -> NotesController:
        """The notes controller (opens the sidecar on first use, saying what went wrong)."""
        if self._notes is None:
            from tui.core.notes.model import utc_now
            from tui.ui.notes_controller import NotesController

            controller = NotesController(
                self.collection,  # type: ignore[attr-defined]
                self.notes_path,  # type: ignore[attr-defined]
                clock=self.notes_clock or utc_now,
                author=self.notes_author,
                data_dir=self.notes_data_dir,
                new_id=self.notes_new_id,
            )
            self._notes = controller
            controller.open()
            self._say_where(startup=True)
            if self._notes_deferred:  # opened after the launch: resolve against what is shown
                self._notes_deferred = False
                if self._compare.analysis is not None:
                    self.analysis_shown(self._compare.analysis)
        return self._notes

    def _say_where(self, *, startup: bool = False) -> None:
        controller = self.notes
        if controller.read_only and controller.store is not None:
            self._say(
                f"{controller.store.reason}. Notes are read-only. To start a new sidecar, "
                f"ctrl+p → “{QUARANTINE_COMMAND}”.",
                title="Notes read-only",
                severity="error",
                timeout=15,
            )
        elif (
            controller.location is not None
            and (controller.location.fallback or not startup)
            and not (startup and self._where_said)
        ):
            location = controller.location
            self._say(where_line(location.path, location.reason), title="Notes sidecar", timeout=5)

    @property
    def _compare(self) -> CompareScreen:
        return self.compare_screen  # type: ignore[attr-defined,no-any-return]

    def on_mount(self) -> None:
        hint = self.sidecar_hint
        if hint is not None and not hint.exists and self.notes_data_dir is None:
            # no sidecar file yet, so no note to mark: the launch needs no notes store (nor its
            # modules); say where the notes go now, as opening it would, and open it at the
            # first poll for changes (or the first note key, see `notes`)
            if hint.fallback:
                self._say(where_line(hint.path, hint.reason), title="Notes sidecar", timeout=5)
            self._where_said = True
            self._notes_deferred = True
        else:
            _ = self.notes  # open the sidecar now, so its problems show at startup
        self.set_interval(POLL_SECONDS, self.poll_notes)

    def poll_notes(self) -> bool:
        """Take in notes another instance saved; True (markers refreshed) when any changed."""
        if self._notes_deferred:  # the launch left it closed: open it (and resolve) now
            return bool(self.notes.located)
        if self._notes is None or not self._notes.reload():
            return False
        self.refresh_note_marks()
        return True

    def analysis_shown(self, analysis: Analysis) -> None:
        """Resolve the notes against the analysis the compare screen just showed."""
        if self._notes_deferred and self._notes is None:
            return  # the sidecar opens after the first frame and resolves the notes then
        if analysis is not self.notes.analysis:
            self.notes.set_analysis(analysis)
            self.refresh_note_marks()

    def refresh_note_marks(self) -> None:
        """Push the row markers (group -> note count) down to the compare view."""
        self._compare.view.set_note_counts(self.notes.note_counts())

    def note_counts(self) -> dict[int, int]:
        """Group id -> number of notes (the grid's markers)."""
        return self.notes.note_counts()

    def note_section(self, group: int, note_style: Style, label_style: Style) -> Text:
        """The notes of a group for the Detail view."""
        return notes_section(self.notes.notes_of_group(group), note_style, label_style)

    # ----------------------------------------------------------------- helpers

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in NEEDS_ANALYSIS and self._compare.analysis is None:
            return None
        return super().check_action(action, parameters)  # type: ignore[safe-super]

    def _current_group(self) -> int | None:
        group = self._compare.view.current_group
        if group is None or self._compare.analysis is None:
            self._say("No row to annotate yet.", timeout=3)
            return None
        if self.notes.analysis is not self._compare.analysis:
            self.notes.set_analysis(self._compare.analysis)
        return group

    def _writable(self) -> bool:
        controller = self.notes
        if controller.read_only and controller.store is not None:
            self._say(
                f"{controller.store.reason}. Nothing was changed; ctrl+p → “{QUARANTINE_COMMAND}”.",
                title="Notes read-only",
                severity="warning",
                timeout=8,
            )
            return False
        return True

    def _say(self, message: str, **options: Any) -> None:
        """Notify without markup: paths and note text may hold brackets."""
        self.notify(message, markup=False, **options)

    def _failed(self, exc: InputError) -> None:
        self._say(
            f"{exc}. Your note is back in the editor: ctrl+s tries again, esc drops it.",
            title="Note not saved",
            severity="error",
            timeout=10,
        )

    def _changed(self, what: str) -> None:
        self.refresh_note_marks()
        path = self.notes.path
        self._say(f"{what} · {path.name if path else ''}", timeout=SAVED_TIMEOUT)

    def _pick(self, group: int, verb: str, then: Any) -> None:
        """Run `then(note)` on the row's note, asking which one when there are several."""
        located = self.notes.notes_of_group(group)
        if not located:
            self._say("No note on this row (a adds one).", timeout=3)
            return
        if len(located) == 1:
            then(located[0].note)
            return
        from tui.ui.screens.notes_list import NotesListScreen

        ids = {item.note.id for item in located}
        items = [i for i in self.notes.items() if i.note.id in ids]

        def picked(choice: tuple[str, str] | None) -> None:
            if choice is not None:
                then(self.notes.store.get(choice[1]))  # type: ignore[union-attr]

        self.push_screen(
            NotesListScreen(
                items,
                self.notes.verdicts,
                title=f"Notes on group {group + 1}: which one to {verb}?",
                hint=f"enter: {verb} · esc: cancel",
            ),
            picked,
        )

    def _scopes(self, group: int) -> list[tuple[str, str]]:
        return self.notes.scopes(group, self._compare.right)

    def _title(self, verb: str, group: int) -> str:
        # no versions here: the dialog's last line says where the note is or will land
        return f"{verb} · group {group + 1}"

    # ----------------------------------------------------------------- actions

    def action_add_note(self) -> None:
        """Add a note on the current row, anchored in every version that has it."""
        group = self._current_group()
        if group is None or not self._writable():
            return

        def saved(draft: NoteDraft | None) -> None:
            if draft is None:
                return
            try:
                self.notes.add_to_group(group, draft)
            except InputError as exc:
                self._failed(exc)
                open_editor(draft)  # nothing typed is lost
                return
            self._changed("Note saved")

        def open_editor(draft: NoteDraft | None = None) -> None:
            from tui.ui.screens.note_editor import NoteEditor

            editor = NoteEditor(
                self.notes.verdicts,
                title=self._title("New note", group),
                quote=self.notes.group_quote(group),
                scopes=self._scopes(group),
                draft=draft,
                lands=lambda scope, words: self.notes.landing(group, scope, words),
            )
            self.push_screen(editor, saved)

        open_editor()

    def edit_note(self, note: Note, group: int | None = None) -> None:
        """Open the editor on a note (its group's text as the quote, else its stored quote)."""
        if not self._writable():
            return

        def saved(draft: NoteDraft | None) -> None:
            if draft is None:
                return
            try:
                self.notes.edit(note.id, draft, group)
            except InputError as exc:
                self._failed(exc)
                open_editor(draft)  # nothing typed is lost
                return
            self._changed("Note saved")

        if group is not None:
            title, quote = self._title("Edit note", group), self.notes.group_quote(group)
        else:
            title, quote = (
                f"Edit note · not found in the text · was in {', '.join(note.articles)}",
                note.quote,
            )

        def open_editor(draft: NoteDraft | None = None) -> None:
            from tui.ui.notes_controller import KEEP
            from tui.ui.screens.note_editor import NoteEditor

            moves: dict[str, Any] = {}  # on its row, the note's anchor can change too
            if group is not None:
                scopes = [(KEEP, "where it is now"), *self._scopes(group)]
                moves = {
                    "scopes": scopes,
                    "lands": lambda s, w: self.notes.landing(group, s, w, note),
                }
            editor = NoteEditor(
                self.notes.verdicts, title=title, quote=quote, note=note, draft=draft, **moves
            )
            self.push_screen(editor, saved)

        open_editor()

    def delete_note(self, note: Note) -> None:
        """Delete a note after asking."""
        from tui.ui.screens.confirm import ConfirmScreen
        from tui.ui.screens.notes_list import one_line

        if not self._writable():
            return

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            try:
                self.notes.delete(note.id)
            except InputError as exc:
                self._failed(exc)
                return
            self._changed("Note deleted (ctrl+z brings it back)")

        detail = f"{note.verdict or 'no verdict'}: {one_line(note.text, 120)}"
        self.push_screen(ConfirmScreen("Delete this note?", detail), answered)

    def action_edit_note(self) -> None:
        """Edit a note of the current row (several: pick one first)."""
        group = self._current_group()
        if group is None or not self._writable():
            return
        self._pick(group, "edit", lambda note: self.edit_note(note, group))

    def action_delete_note(self) -> None:
        """Delete a note of the current row, after asking."""
        group = self._current_group()
        if group is None or not self._writable():
            return
        self._pick(group, "delete", self.delete_note)

    def action_undo_note(self) -> None:
        """Undo the last note change of this session."""
        if not self._writable():
            return
        try:
            done = self.notes.undo()
        except InputError as exc:
            self._failed(exc)
            return
        if not done:
            self._say("No note change to undo.", timeout=3)
            return
        undone = {"add": "added note removed", "edit": "edit undone", "delete": "note restored"}
        self._changed(f"Undo: {undone.get(done, done)}")

    def action_notes_list(self) -> None:
        """List every note; enter jumps to its row."""
        from tui.ui.screens.notes_list import NotesListScreen, one_line

        controller = self.notes
        if controller.reload():
            self.refresh_note_marks()
        where = ""
        if controller.location is not None:
            from tui.ui.notes_controller import shown_path

            where = f"sidecar: {shown_path(controller.location.path)}"
            if controller.read_only:
                where += " (read-only: unreadable file)"

        def chosen(choice: tuple[str, str] | None) -> None:
            if choice is None:
                return
            verb, note_id = choice
            item = next((i for i in controller.items() if i.note.id == note_id), None)
            if item is None:
                return
            if verb == "edit":
                self.edit_note(item.note, item.group)
                return
            if verb == "delete":
                self.delete_note(item.note)
                return
            if item.group is None:
                self._say(
                    f"This note is {item.status}: its text is not in the loaded versions. "
                    f"Quote: “{one_line(item.note.quote, 80)}”",
                    timeout=6,
                )
                return
            self._compare.goto_group(item.group)

        listing = NotesListScreen(controller.items(), controller.verdicts, where=where, manage=True)
        self.push_screen(listing, chosen)

    def action_export_report(self, fmt: str = "md") -> None:
        """Write the review report (md, html or json) beside the sidecar and say where."""
        try:
            path = self.notes.export(fmt)
        except InputError as exc:
            self._say(str(exc), title="Report not written", severity="error", timeout=10)
            return
        from tui.ui.notes_controller import REPORT_NAMES

        self._say(f"{REPORT_NAMES[fmt]} report written to {path}", title="Report", timeout=8)

    def action_quarantine_notes(self) -> None:
        """Move an unreadable sidecar aside (timestamped name) and start a new one."""
        controller = self.notes
        if not controller.read_only:
            self._say("The notes sidecar is fine: nothing to move aside.", timeout=4)
            return
        try:
            aside = controller.quarantine()
        except InputError as exc:
            self._say(str(exc), title="Could not move the sidecar", severity="error", timeout=10)
            return
        self.refresh_note_marks()
        if aside is None:
            self._say(
                f"Another instance had already started a new sidecar: {controller.path}.",
                title="New notes sidecar",
                timeout=10,
            )
            return
        self._say(
            f"The unreadable sidecar is now {aside}; new notes go to {controller.path}.",
            title="New notes sidecar",
            timeout=10,
        )

    def action_where_notes(self) -> None:
        """Say where the notes sidecar is, and why there."""
        self._say_where()
