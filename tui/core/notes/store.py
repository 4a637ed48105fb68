"""Provides NoteStore: reviewer notes in a crash-safe JSON sidecar, shared safely by instances.

The format is in `tui.core.notes.sidecar`. Every change saves at once: under a lock file
(`<sidecar>.lock`), the store re-reads the sidecar, merges what other instances wrote since
(three-way, by note id, against the version it last read: both sides' new notes are kept; a note
edited on both sides keeps the newer edit and records the other in its `history`; a deletion
wins over an unchanged note, an edit wins over a concurrent deletion), then writes a temp file
in the same folder, fsyncs it, keeps the previous file as `<sidecar>.bak` (a hard link, or a
copy), `os.replace`s it in and fsyncs the folder.

A sidecar that is not valid JSON or has another schema is never overwritten: the store opens
read-only with a reason to show, and `quarantine()` moves the bad file aside and starts anew.
"""

from __future__ import annotations

import contextlib
import functools
import os
import threading
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Concatenate, ParamSpec, TypeVar

from tui.core.errors import UsageError
from tui.core.notes.anchor import Anchor
from tui.core.notes.files import held_lock, sync_folder, write_synced
from tui.core.notes.merging import merge
from tui.core.notes.model import (
    Clock,
    CorruptSidecar,
    Note,
    NotesLocked,
    NotesReadOnly,
    NotesWriteError,
    Tombstone,
    clean_tags,
    default_author,
    format_time,
    reanchored_entry,
    utc_now,
)
from tui.core.notes.sidecar import Sidecar, parse_sidecar

LOCK_TIMEOUT = 10.0
"""Seconds to wait for another instance's write before giving up."""

_T = TypeVar("_T")
_P = ParamSpec("_P")


def _serialized(
    method: Callable[Concatenate[NoteStore, _P], _T],
) -> Callable[Concatenate[NoteStore, _P], _T]:
    """One change at a time per store (the app may call from a worker thread)."""

    @functools.wraps(method)
    def wrapper(store: NoteStore, /, *args: _P.args, **kwargs: _P.kwargs) -> _T:
        with store._mutex:
            return method(store, *args, **kwargs)

    return wrapper


@dataclass(frozen=True, slots=True)
class _Undo:
    action: str
    before: Note | None
    after: Note | None


@dataclass(slots=True, eq=False)
class NoteStore:
    """The notes of one sidecar: read it, change notes (each change saved at once), undo.

    Construct, then `load()` (or use `NoteStore.open(...)`). Changes raise NotesReadOnly when
    the sidecar could not be read, NotesLocked / NotesWriteError when it cannot be written
    (the change is then not applied), UsageError for an unknown note id or verdict.
    """

    path: Path
    """The sidecar file."""
    clock: Clock = utc_now
    """Returns the current time; timestamps never go backwards within a store."""
    author: str = ""
    """Author recorded on changes ("" leaves it empty; `open()` defaults to the login)."""
    new_id: Callable[[], str] = field(default=lambda: uuid.uuid4().hex[:12])
    """Makes note ids."""
    lock_timeout: float = LOCK_TIMEOUT
    """Seconds to wait for the lock file."""
    read_only: bool = False
    """True when the sidecar could not be read: notes are shown but never written."""
    reason: str = ""
    """Why it is read-only (one line, names the file), or ""."""
    shared: Path | None = None
    """A sidecar read but never written (the articles' folder's, when that folder is not
    writable): its notes show beside this store's; editing or deleting one saves the change
    in this store's sidecar, which then hides the shared version."""
    shared_reason: str = ""
    """Why the shared sidecar's notes are not shown (it could not be read), or ""."""
    _shared: Sidecar = field(default_factory=Sidecar)
    _base: Sidecar = field(default_factory=Sidecar)
    _state: Sidecar = field(default_factory=Sidecar)
    _seen: bytes | None = None
    _last: datetime | None = None
    _undo: list[_Undo] = field(default_factory=list)
    _mutex: threading.RLock = field(default_factory=threading.RLock)

    @classmethod
    def open(
        cls,
        path: str | os.PathLike[str],
        *,
        clock: Clock = utc_now,
        author: str | None = None,
        new_id: Callable[[], str] | None = None,
        lock_timeout: float = LOCK_TIMEOUT,
        shared: str | os.PathLike[str] | None = None,
    ) -> NoteStore:
        """Make a store on a sidecar and read it (read-only with a reason if it is corrupt)."""
        store = cls(Path(path), clock, default_author() if author is None else author)
        if new_id is not None:
            store.new_id = new_id
        store.lock_timeout = lock_timeout
        store.shared = None if shared is None else Path(shared)
        store.load()
        return store

    # --- reading -------------------------------------------------------------------------

    @property
    def lock_path(self) -> Path:
        """The lock file next to the sidecar."""
        return self.path.with_name(self.path.name + ".lock")

    @property
    def backup_path(self) -> Path:
        """The previous version of the sidecar."""
        return self.path.with_name(self.path.name + ".bak")

    @property
    def verdicts(self) -> tuple[str, ...]:
        """Verdict labels; key "1" is the first."""
        return self._state.verdicts

    @property
    def notes(self) -> tuple[Note, ...]:
        """Live notes, sorted by (created, id)."""
        return tuple(sorted(self._all_notes(), key=lambda n: (n.created, n.id)))

    def _all_notes(self) -> list[Note]:
        """This store's notes, then the shared ones it has not edited or deleted."""
        own = list(self._state.notes)
        if self._shared.notes:
            hidden = {n.id for n in own} | {t.id for t in self._state.deleted}
            own.extend(n for n in self._shared.notes if n.id not in hidden)
        return own

    @property
    def shared_ids(self) -> frozenset[str]:
        """Ids of the notes shown from the shared sidecar (not edited or deleted in this one)."""
        hidden = {n.id for n in self._state.notes} | {t.id for t in self._state.deleted}
        return frozenset(n.id for n in self._shared.notes if n.id not in hidden)

    @property
    def deleted(self) -> tuple[Tombstone, ...]:
        """Tombstones of deleted notes."""
        return self._state.deleted

    def get(self, note_id: str) -> Note:
        """The note with this id.

        Raises:
            UsageError: no such note.
        """
        for note in self._all_notes():
            if note.id == note_id:
                return note
        raise UsageError(str(self.path), f"no note with id '{note_id}'")

    def verdict(self, key_or_label: str) -> str:
        """The verdict label for a key ("1".."9") or a label (case-insensitive).

        Raises:
            UsageError: neither a key nor a label of this sidecar.
        """
        value = key_or_label.strip()
        if value.isdigit() and 1 <= int(value) <= len(self.verdicts):
            return self.verdicts[int(value) - 1]
        for label in self.verdicts:
            if label.casefold() == value.casefold():
                return label
        choices = ", ".join(f"{i} {v}" for i, v in enumerate(self.verdicts, 1))
        raise UsageError("--verdict", f"unknown verdict '{key_or_label}' (have: {choices})")

    def _read(self) -> Sidecar | None:
        """The sidecar on disk (None when there is none); records what was seen.

        The bytes are compared with those last read or written (not the file's stat, whose
        times are too coarse to tell two quick saves apart); only changed files are parsed.
        """
        try:
            raw = self.path.read_bytes()
        except (FileNotFoundError, NotADirectoryError):
            self._seen = None
            return None
        except OSError as exc:
            raise NotesWriteError(str(self.path), f"cannot read ({exc.strerror})") from exc
        if raw == self._seen:
            return self._base
        try:
            sidecar = parse_sidecar(raw, str(self.path))
        except CorruptSidecar as exc:
            self.read_only, self.reason = True, str(exc)
            raise
        self._seen = raw
        return sidecar

    @_serialized
    def load(self) -> None:
        """Read the sidecar (a missing one is an empty store). A bad file makes it read-only."""
        self._undo.clear()
        try:
            disk = self._read()
        except (CorruptSidecar, NotesWriteError) as exc:
            self.read_only, self.reason = True, str(exc)
            self._base = self._state = Sidecar()
            return
        self.read_only, self.reason = False, ""
        self._base = self._state = disk or Sidecar()
        self._shared, self.shared_reason = Sidecar(), ""
        if self.shared is not None:
            try:
                self._shared = parse_sidecar(self.shared.read_bytes(), str(self.shared))
            except (CorruptSidecar, OSError) as exc:
                self.shared_reason = (
                    str(exc)
                    if isinstance(exc, CorruptSidecar)
                    else (f"{self.shared}: cannot read ({exc.strerror})")
                )

    @_serialized
    def reload(self) -> bool:
        """Take in what other instances saved since (without writing). True if anything changed."""
        if self.read_only:
            return False
        before = self._state
        with contextlib.suppress(CorruptSidecar):
            disk = self._read()
            if disk is not None:
                self._state = merge(self._base, self._state, disk)
                self._base = disk
        return self._state != before

    # --- writing -------------------------------------------------------------------------

    def _now(self) -> str:
        now = self.clock()
        if now.tzinfo is None:
            now = now.replace(tzinfo=UTC)
        if self._last is not None and now <= self._last:
            now = self._last + timedelta(microseconds=1)
        self._last = now
        return format_time(now)

    def _lock(self) -> contextlib.AbstractContextManager[None]:
        return held_lock(self.lock_path, self.lock_timeout)

    def _commit(self, mine: Sidecar) -> None:
        if self.read_only:
            raise NotesReadOnly(str(self.path), self.reason or "notes are read-only")
        import filelock

        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self._lock():
                disk = self._read()
                if disk is None:
                    merged = mine
                elif disk is self._base:  # nobody wrote since: the merge would return mine
                    merged = replace(mine, verdicts=disk.verdicts, extra=disk.extra)
                else:
                    merged = merge(self._base, mine, disk)
                self._write(merged.to_json().encode("utf-8"), had_file=disk is not None)
        except filelock.Timeout as exc:
            raise NotesLocked(
                str(self.lock_path), f"another instance held the lock for {self.lock_timeout:g} s"
            ) from exc
        except OSError as exc:
            raise NotesWriteError(str(self.path), f"cannot write ({exc.strerror or exc})") from exc
        self._base = self._state = merged

    def _clean_temps(self) -> None:
        prefix = f".{self.path.name}."
        with contextlib.suppress(OSError):
            for entry in os.scandir(self.path.parent):
                if entry.name.startswith(prefix) and entry.name.endswith(".tmp"):
                    with contextlib.suppress(OSError):
                        os.unlink(entry.path)

    def _temp(self) -> Path:
        return self.path.with_name(f".{self.path.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp")

    def _write(self, data: bytes, *, had_file: bool) -> None:
        self._clean_temps()  # left by an instance killed mid-write: we hold the lock
        tmp = self._temp()
        write_synced(tmp, data)
        try:
            if had_file:
                self._keep_backup()
            os.replace(tmp, self.path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        sync_folder(self.path.parent)
        self._seen = data

    def _keep_backup(self) -> None:
        """Make `<sidecar>.bak` the current file, atomically (hard link, else a copy)."""
        tmp = self._temp()
        try:
            os.link(self.path, tmp)
        except OSError:
            write_synced(tmp, self.path.read_bytes())
        os.replace(tmp, self.backup_path)

    # --- changes -------------------------------------------------------------------------

    def _with(self, note: Note | None, *, drop: str = "", tomb: Tombstone | None = None) -> Sidecar:
        notes = [n for n in self._state.notes if n.id != drop and (note is None or n.id != note.id)]
        if note is not None:
            notes.append(note)
        gone = [t for t in self._state.deleted if note is None or t.id != note.id]
        if tomb is not None:
            gone.append(tomb)
        return replace(self._state, notes=tuple(notes), deleted=tuple(gone))

    @_serialized
    def add(
        self,
        verdict: str,
        text: str,
        anchors: Sequence[Anchor],
        tags: Sequence[str] = (),
    ) -> Note:
        """Add a note and save.

        Args:
            verdict: a verdict key ("1") or label ("disputed"), or "" for none.
            text: the note text.
            anchors: where it goes (see tui.core.notes.anchor: anchor_group, anchor_sentence,
                anchor_selection).
            tags: free tags.

        Returns:
            The saved note.
        """
        now = self._now()
        note = Note(
            id=self.new_id(),
            created=now,
            updated=now,
            author=self.author,
            verdict=self.verdict(verdict) if verdict else "",
            text=text,
            tags=clean_tags(tags),
            anchors=tuple(anchors),
        )
        self._commit(self._with(note))
        self._undo.append(_Undo("add", None, note))
        return self.get(note.id)

    @_serialized
    def edit(
        self,
        note_id: str,
        *,
        verdict: str | None = None,
        text: str | None = None,
        tags: Sequence[str] | None = None,
        anchors: Sequence[Anchor] | None = None,
    ) -> Note:
        """Change a note's verdict, text, tags or anchors (None keeps it) and save.

        New anchors re-anchor the note: they may not be empty (a note is never left on
        nothing), and where it was is kept in its history ("re-anchored; was on …").

        Returns:
            The saved note (after merging what other instances saved).

        Raises:
            UsageError: `anchors` is empty (nothing changed).
        """
        before = self.get(note_id)
        if anchors is not None and not anchors:
            raise UsageError(note_id, "a note needs an anchor: not re-anchored on nothing")
        moved = anchors is not None and tuple(anchors) != before.anchors
        after = replace(
            before,
            updated=self._now(),
            author=self.author,
            verdict=before.verdict
            if verdict is None
            else (self.verdict(verdict) if verdict else ""),
            text=before.text if text is None else text,
            tags=before.tags if tags is None else clean_tags(tags),
            anchors=before.anchors if anchors is None else tuple(anchors),
            history=(*before.history, reanchored_entry(before)) if moved else before.history,
        )
        self._commit(self._with(after))
        self._undo.append(_Undo("edit", before, after))
        return self.get(note_id)

    @_serialized
    def delete(self, note_id: str) -> Note:
        """Delete a note (leaving a tombstone) and save. Returns the note as it was."""
        before = self.get(note_id)
        tomb = Tombstone(note_id, self._now(), self.author)
        self._commit(self._with(None, drop=note_id, tomb=tomb))
        self._undo.append(_Undo("delete", before, None))
        return before

    @property
    def can_undo(self) -> bool:
        """True when this session has a note change to undo."""
        return bool(self._undo) and not self.read_only

    @_serialized
    def undo(self) -> str:
        """Undo the last note change of this session (add, edit or delete) and save.

        Returns:
            What was undone, e.g. "add", "edit", "delete", or "" when there was nothing.
        """
        if not self._undo:
            return ""
        last = self._undo[-1]
        now = self._now()
        if last.action == "add" and last.after is not None:
            if any(n.id == last.after.id for n in self._state.notes):
                tomb = Tombstone(last.after.id, now, self.author)
                self._commit(self._with(None, drop=last.after.id, tomb=tomb))
        elif last.before is not None:
            current = next((n for n in self._state.notes if n.id == last.before.id), None)
            restored = replace(
                last.before,
                updated=now,
                author=self.author,
                history=current.history if current is not None else last.before.history,
            )
            self._commit(self._with(restored))
        self._undo.pop()
        return last.action

    @_serialized
    def quarantine(self) -> Path | None:
        """Move a bad sidecar aside (timestamped name) and start a new, empty one.

        Returns:
            Where the bad file now is (e.g. `sidebyside.notes.corrupt-20261123T101500Z.json`),
            or None when, by the time the lock was taken, the sidecar read fine (another
            instance had already moved it aside): the store then simply reloads it.

        Raises:
            UsageError: the store is not read-only (there is nothing to move aside).
        """
        if not self.read_only:
            raise UsageError(str(self.path), "reads fine: nothing to move aside")
        stamp = format_time(self.clock()).replace("-", "").replace(":", "").split(".")[0] + "Z"
        stem = self.path.name.removesuffix(".json")
        aside: Path | None = None
        import filelock

        try:
            with self._lock():
                try:
                    disk = parse_sidecar(self.path.read_bytes(), str(self.path))
                except (CorruptSidecar, OSError):
                    disk = None
                if disk is None:
                    n, aside = 1, self.path.with_name(f"{stem}.corrupt-{stamp}.json")
                    while aside.exists():
                        n += 1
                        aside = self.path.with_name(f"{stem}.corrupt-{stamp}-{n}.json")
                    if self.path.exists():
                        os.replace(self.path, aside)
                    self._write(Sidecar().to_json().encode("utf-8"), had_file=False)
        except filelock.Timeout as exc:
            raise NotesLocked(str(self.lock_path), "another instance holds the lock") from exc
        except OSError as exc:
            raise NotesWriteError(str(self.path), f"cannot move aside ({exc.strerror})") from exc
        self.read_only, self.reason = False, ""
        self._seen = None
        self.load()
        return aside
