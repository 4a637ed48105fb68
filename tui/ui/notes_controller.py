"""Provides NotesController: the app's notes state over the core NoteStore, with no widgets.

The controller opens the collection's sidecar (`sidecar_location`, or `--notes`), resolves every
note against the current analysis, and answers what the screens ask: how many notes each group
has (row markers in Compare and the Grid), which notes a group has (Detail, `e`, `x`), which
group a note is in (the notes list jumps there), and the review report of the current analysis
and notes (the same `tui.core.report.render` as `sidebyside report`). Changes go straight
to the store, which saves each one at once; errors are the store's InputError subclasses,
for the app
to turn into notifications.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

from tui.core.analysis import Analysis, slot_text
from tui.core.errors import UsageError
from tui.core.load.collection import Collection
from tui.core.notes.anchor import Anchor, anchor_group, anchor_quote, anchor_sentences
from tui.core.notes.model import Clock, Note, utc_now
from tui.core.notes.placement import LocatedNote, locate, notes_by_sentence
from tui.core.notes.sidecar import SidecarLocation, sidecar_location
from tui.core.notes.store import NoteStore
from tui.resources import seeds_dir

LOCK_TIMEOUT = 2.0
"""Seconds a save in the app waits for another instance's write (the CLI waits longer): a save
runs on the UI thread, so a stuck lock must not freeze the app; the note comes back in the
editor instead, to try again."""

REPORT_SUFFIX = {"md": "md", "html": "html", "json": "json"}
"""File extension per report format."""

REPORT_NAMES = {"md": "Markdown", "html": "HTML", "json": "JSON"}
"""Readable name per report format."""

KEEP = "="
"""The edit dialog's "On" choice that leaves a note in the versions it is on now."""


@dataclass(frozen=True, slots=True)
class NoteDraft:
    """What the note editor returns: the fields a user can set."""

    verdict: str
    """A verdict label of the sidecar, or "" for none."""
    text: str
    """The note text (may span lines)."""
    tags: tuple[str, ...] = ()
    """Free tags."""
    scope: str = ""
    """"" for the whole group, or the one article id it goes on; KEEP (editing) for the
    versions it is on now."""
    quote: str = ""
    """Words of the text to pin it to ("" for the whole sentences)."""

    @property
    def moves(self) -> bool:
        """True when the fields ask for a new anchor (a new note always gets one)."""
        return self.scope != KEEP or bool(self.quote.strip())

    @property
    def empty(self) -> bool:
        """True when there is nothing to save (no verdict, no text, no tags)."""
        return not self.verdict and not self.text.strip() and not self.tags


@dataclass(frozen=True, slots=True)
class NoteItem:
    """One line of the notes list: a located note and where it sits in the current analysis."""

    located: LocatedNote
    """The note with its anchors resolved."""
    group: int | None
    """The group its first found anchor falls in (None when orphaned or absent)."""
    where: str
    """Where it is anchored, e.g. "000 s3 · 001 s4 · 004 orphaned"."""

    @property
    def note(self) -> Note:
        """The note."""
        return self.located.note

    @property
    def status(self) -> str:
        """anchored, moved, orphaned or absent."""
        return self.located.status


def parse_tags(text: str) -> tuple[str, ...]:
    """Tags typed as "a, b c" (commas or spaces), without repeats."""
    return tuple(dict.fromkeys(t for t in text.replace(",", " ").split() if t))


def shown_path(path: Path) -> str:
    """A path as the app shows it: relative to the working folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return str(path)


def write_atomically(path: Path, text: str) -> None:
    """Write a text file through a temp file in the same folder and a rename.

    Raises:
        OSError: the folder cannot be written.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.fchmod(fd, 0o666 & ~umask)  # an ordinary file, not mkstemp's private one
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


@dataclass(slots=True)
class NotesController:
    """The notes of the collection shown in the app, resolved against the current analysis."""

    collection: Collection
    """The loaded articles (their folder decides where the sidecar is)."""
    override: Path | None = None
    """The sidecar given with `--notes` (None: the collection's default)."""
    clock: Clock = utc_now
    """The store's clock (tests and snapshots pass a fixed one)."""
    author: str | None = None
    """Author recorded on changes (None: the login name)."""
    data_dir: Path | None = None
    """The user data folder for the fallback sidecar and reports (None: platformdirs')."""
    new_id: Callable[[], str] | None = None
    """Makes note ids (None: the store's random ids)."""
    store: NoteStore | None = None
    """The store, once open()ed."""
    location: SidecarLocation | None = None
    """Where the sidecar is and why, once open()ed."""
    analysis: Analysis | None = None
    """The analysis the notes are resolved against."""
    located: tuple[LocatedNote, ...] = ()
    """Every note with its anchors resolved (empty until there is an analysis)."""
    _group_of: dict[tuple[str, int], int] = field(default_factory=dict)
    _resolved: dict[Note, LocatedNote] = field(default_factory=dict)

    # ----------------------------------------------------------------- opening

    def open(self) -> NoteStore:
        """Choose the sidecar and read it (a bad file opens read-only, with a reason)."""
        self.location = sidecar_location(
            self.collection, self.override, data_dir=self.data_dir, keep_out=[seeds_dir()]
        )
        self.store = NoteStore.open(
            self.location.path,
            clock=self.clock,
            author=self.author,
            lock_timeout=LOCK_TIMEOUT,
            shared=self.location.shared,
        )
        if self.new_id is not None:
            self.store.new_id = self.new_id
        self.relocate()
        return self.store

    @property
    def ready(self) -> bool:
        """True once the store is open."""
        return self.store is not None

    @property
    def read_only(self) -> bool:
        """True when the sidecar could not be read: notes are never written."""
        return self.store is not None and self.store.read_only

    @property
    def path(self) -> Path | None:
        """The sidecar file."""
        return self.location.path if self.location is not None else None

    def _store(self) -> NoteStore:
        if self.store is None:
            raise UsageError("notes", "the notes sidecar is not open yet")
        return self.store

    @property
    def verdicts(self) -> tuple[str, ...]:
        """The sidecar's verdict labels; key "1" is the first."""
        return self._store().verdicts

    # ----------------------------------------------------------------- resolving

    def set_analysis(self, analysis: Analysis | None) -> None:
        """Resolve the notes against a new analysis (another reference re-numbers groups)."""
        self.analysis = analysis
        self._group_of = {}
        self._resolved = {}
        if analysis is not None:
            for group in analysis.alignment.groups:
                for member in group.members:
                    self._group_of[(member.article, member.sentence)] = group.id
        self.relocate()

    def relocate(self) -> None:
        """Resolve every note again (after a change or a reload)."""
        if self.store is None or self.analysis is None:
            self.located = ()
            return
        # Notes are frozen values: only new or changed ones are resolved again.
        notes = self.store.notes
        fresh = [n for n in notes if n not in self._resolved]
        if fresh:
            self._resolved.update(zip(fresh, locate(fresh, self.analysis.articles), strict=True))
        if len(self._resolved) > 2 * len(notes) + 64:
            self._resolved = {n: self._resolved[n] for n in notes}
        self.located = tuple(self._resolved[n] for n in notes)

    def reload(self) -> bool:
        """Take in what other instances saved; True (and re-resolved) when anything changed."""
        if self.store is None or not self.store.reload():
            return False
        self.relocate()
        return True

    def groups_of(self, item: LocatedNote) -> tuple[int, ...]:
        """The groups a located note's found anchors fall in, in reading order."""
        found = {
            self._group_of[(p.anchor.article, s)]
            for p in item.placements
            for s in p.sentences
            if (p.anchor.article, s) in self._group_of
        }
        return tuple(sorted(found))

    def note_counts(self) -> dict[int, int]:
        """Group id -> number of notes found in it (the row markers)."""
        by_group: dict[int, set[str]] = {}
        for (article, sentence), ids in notes_by_sentence(self.located).items():
            group = self._group_of.get((article, sentence))
            if group is not None:
                by_group.setdefault(group, set()).update(ids)
        return {g: len(ids) for g, ids in by_group.items()}

    def notes_of_group(self, group: int) -> tuple[LocatedNote, ...]:
        """The notes found in a group, oldest first."""
        return tuple(item for item in self.located if group in self.groups_of(item))

    def items(self) -> tuple[NoteItem, ...]:
        """Every note for the notes list, oldest first, with its group and places."""
        out = []
        for item in self.located:
            groups = self.groups_of(item)
            places = []
            for p in item.placements:
                status = p.resolution.status
                if p.resolution.found and p.sentences:
                    where = "+".join(f"s{s + 1}" for s in p.sentences)
                    extra = " moved" if status == "moved" else ""
                    places.append(f"{p.anchor.article} {where}{extra}")
                else:
                    places.append(f"{p.anchor.article} {status}")
            out.append(NoteItem(item, groups[0] if groups else None, " · ".join(places)))
        return tuple(out)

    def group_quote(self, group: int) -> str:
        """The text of a group: the reference's sentence(s), else the first version's."""
        if self.analysis is None:
            return ""
        g = self.analysis.alignment.groups[group]
        ref = self.analysis.reference
        article = ref if g.slot(ref) else g.articles[0]
        return slot_text(self.analysis.alignment.article(article), g)

    # ----------------------------------------------------------------- changes

    def add_to_group(self, group: int, draft: NoteDraft) -> Note:
        """Add a note on a group and save: anchored in every version that has it, or only in
        `draft.scope` (an article id) when that is set; with `draft.quote`, on those words only,
        in each of those versions whose text has them (UsageError when none has).

        Raises:
            InputError: read-only, locked or unwritable sidecar (nothing changed).
        """
        store = self._store()
        note = store.add(draft.verdict, draft.text, self._anchors(group, draft), draft.tags)
        self.relocate()
        return note

    def _anchors(
        self, group: int, draft: NoteDraft, on: tuple[str, ...] = ()
    ) -> tuple[Anchor, ...]:
        """The anchors the fields ask for in a group: its versions, one (draft.scope), or the
        versions `on` (KEEP); narrowed to draft.quote when it is set."""
        if self.analysis is None:
            raise UsageError("notes", "the comparison is not ready yet")
        g = self.analysis.alignment.groups[group]
        article = self.analysis.alignment.article
        if draft.scope == KEEP:
            kept = [a for a in on if g.slot(a)]
            if not kept:
                raise UsageError("On", f"the note is in no version of group {group + 1}")
            anchors = tuple(anchor_sentences(article(a), g.slot(a)) for a in kept)
        elif draft.scope:
            slot = g.slot(draft.scope)
            if not slot:
                raise UsageError(draft.scope, f"not in group {group + 1}")
            anchors = (anchor_sentences(article(draft.scope), slot),)
        else:
            anchors = anchor_group(self.analysis.articles, g)
        return self._quoted(group, anchors, draft.quote) if draft.quote.strip() else anchors

    def scopes(self, group: int, right: str | None) -> list[tuple[str, str]]:
        """Where a note on a group may go: all its versions, or A or B (`right`) alone."""
        assert self.analysis is not None
        g = self.analysis.alignment.groups[group]
        scopes = [("", f"all {len(g.articles)} versions" if len(g.articles) > 1 else "the row")]
        for article, role in ((self.analysis.reference, "A"), (right, "B")):
            if article is not None and g.slot(article) and len(g.articles) > 1:
                scopes.append((article, f"{role} {article} only"))
        return scopes

    def landing(self, group: int, scope: str, quote: str, note: Note | None = None) -> str:
        """Where a note with this scope and "On the words" would be anchored, exactly (for
        an edited `note`, KEEP without words leaves it where it is)."""
        draft = NoteDraft("", "", (), scope, quote)
        if note is not None and not draft.moves:
            return "Stays where it is: " + ", ".join(note.articles)
        try:
            anchors = self._anchors(group, draft, note.articles if note else ())
        except UsageError as exc:
            return f"{exc.problem}: not saved like this"
        verb = "Will be re-anchored in " if note is not None else "Will be anchored in "
        return verb + ", ".join(a.article for a in anchors)

    def _quoted(self, group: int, anchors: tuple[Anchor, ...], quote: str) -> tuple[Anchor, ...]:
        """The anchors narrowed to the quoted words, in each version whose text has them."""
        assert self.analysis is not None
        g = self.analysis.alignment.groups[group]
        found = []
        for anchor in anchors:
            article = self.analysis.alignment.article(anchor.article)
            narrowed = anchor_quote(article, g.slot(anchor.article), quote)
            if narrowed is not None:
                found.append(narrowed)
        if not found:
            where = anchors[0].article if len(anchors) == 1 else f"any of {len(anchors)} versions"
            shown = " ".join(quote.split())
            raise UsageError("On the words", f"“{shown}” is not in the text of {where}")
        return tuple(found)

    def edit(self, note_id: str, draft: NoteDraft, group: int | None = None) -> Note:
        """Change a note's verdict, text and tags and save (an unchanged verdict is kept as it
        is, even a label the sidecar no longer lists); on its `group`, a draft that `moves`
        re-anchors it (the store keeps where it was in its history)."""
        store = self._store()
        before = store.get(note_id)
        verdict = None if draft.verdict == before.verdict else draft.verdict
        anchors = (
            self._anchors(group, draft, before.articles)
            if group is not None and draft.moves
            else None
        )
        note = store.edit(
            note_id, verdict=verdict, text=draft.text, tags=draft.tags, anchors=anchors
        )
        self.relocate()
        return note

    def delete(self, note_id: str) -> Note:
        """Delete a note and save; returns it as it was."""
        note = self._store().delete(note_id)
        self.relocate()
        return note

    def undo(self) -> str:
        """Undo the last note change of this session; returns "add", "edit", "delete" or ""."""
        done = self._store().undo()
        self.relocate()
        return done

    def quarantine(self) -> Path | None:
        """Move a bad sidecar aside and start a new one; returns where the bad file went, or
        None when another instance had already done so (the store then reads the new one)."""
        aside = self._store().quarantine()
        self.relocate()
        return aside

    # ----------------------------------------------------------------- report

    def report_text(self, fmt: str) -> str:
        """The review report of the current analysis and notes (as `sidebyside report`)."""
        if self.analysis is None:
            raise UsageError("report", "the comparison is not ready yet")
        store = self._store()
        articles = self.analysis.articles
        from tui.core.report.writer import render, report_notes  # on first export: not at launch

        notes = report_notes(locate(store.notes, articles), articles)
        return render(fmt, self.analysis, notes, verdicts=store.verdicts)

    def report_paths(self, fmt: str) -> Sequence[Path]:
        """Where to write a report, in order of preference.

        Beside the sidecar (which is in the articles' folder unless `--notes` or the fallback
        says otherwise), named after it (`sidebyside.notes.json` -> `sidebyside.report.md`);
        then the user data folder.
        """
        sidecar = self.path or Path.cwd() / "sidebyside.notes.json"
        stem = sidecar.name.removesuffix(".json").removesuffix(".notes") or "sidebyside"
        name = f"{stem}.report.{REPORT_SUFFIX[fmt]}"
        base = self.data_dir or Path(platformdirs.user_data_dir("sidebyside", appauthor=False))
        fallback = base / "reports" / name
        return (
            (sidecar.with_name(name), fallback)
            if sidecar.parent != fallback.parent
            else (fallback,)
        )

    def export(self, fmt: str) -> Path:
        """Write the report to the first writable place of report_paths(); returns the file.

        Raises:
            UsageError: the comparison is not ready, or no place could be written.
        """
        text = self.report_text(fmt)
        problem = ""
        for path in self.report_paths(fmt):
            try:
                write_atomically(path, text)
            except OSError as exc:
                problem = f"cannot write ({exc.strerror or exc})"
                continue
            return path
        raise UsageError(str(self.report_paths(fmt)[0]), problem or "cannot write")
