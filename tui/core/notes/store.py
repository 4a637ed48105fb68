"""Provides NoteStore: reviewer notes in a crash-safe JSON sidecar, shared safely by instances.

The sidecar (`sidebyside.notes.json` next to the articles by default) is::

    {"schema": "sidebyside.notes/1",
     "verdicts": ["supported", "disputed", "false", "needs source", "context/other"],
     "notes": [{"id", "created", "updated", "author", "verdict", "text", "tags",
                "anchors": [{"article", "file_sha256", "exact", "prefix", "suffix",
                             "start", "end"}],
                "history": [{"updated", "author", "verdict", "text", "tags", "reason"}]}],
     "deleted": [{"id", "deleted", "author"}]}

indented, keys in that order, notes sorted by (created, id). Verdict keys are positions: "1" is
the first label. `deleted` holds tombstones so that a merge never brings a deleted note back.

Every change saves at once: under a lock file (`<sidecar>.lock`), the store re-reads the sidecar,
merges what other instances wrote since (three-way, by note id, against the version it last
read: both sides' new notes are kept; a note edited on both sides keeps the newer edit and
records the other in its `history`; a deletion wins over an unchanged note, an edit wins over a
concurrent deletion), then writes a temp file in the same folder, fsyncs it, keeps the previous
file as `<sidecar>.bak` (a hard link, or a copy), `os.replace`s it in and fsyncs the folder.

A sidecar that is not valid JSON or has another schema is never overwritten: the store opens
read-only with a reason to show, and `quarantine()` moves the bad file aside and starts anew.
"""

from __future__ import annotations

import contextlib
import functools
import getpass
import hashlib
import json
import os
import threading
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, Concatenate, ParamSpec, TypeVar

import platformdirs

from tui.core.errors import InputError, MalformedInput, UsageError
from tui.core.notes.anchor import ABSENT, Anchor, Resolution, resolve, sentences_in

if TYPE_CHECKING:  # types only: the store loads without the article loader
    import filelock  # imported by the first write (_lock): reading the notes does not lock

    from tui.core.load.article import Article
    from tui.core.load.collection import Collection

SCHEMA = "sidebyside.notes/1"
"""The sidecar's schema tag."""

SIDECAR_NAME = "sidebyside.notes.json"
"""The sidecar's file name next to the articles."""

DEFAULT_VERDICTS = ("supported", "disputed", "false", "needs source", "context/other")
"""Verdict labels of a new sidecar; key "1" is the first."""

LOCK_TIMEOUT = 10.0
"""Seconds to wait for another instance's write before giving up."""

Clock = Callable[[], datetime]
"""Returns the current time (timezone-aware); injected so tests repeat exactly."""


class CorruptSidecar(MalformedInput):
    """The sidecar is not valid JSON, or not a notes sidecar this version reads. It is kept."""


class NotesReadOnly(InputError):
    """A change was asked of a store that opened read-only (see NoteStore.reason)."""


class NotesLocked(InputError):
    """Another instance held the lock file for longer than the timeout."""


class NotesWriteError(InputError):
    """The sidecar could not be written (permissions, disk full...); nothing was changed."""


def utc_now() -> datetime:
    """The default clock: now, in UTC."""
    return datetime.now(UTC)


def format_time(moment: datetime) -> str:
    """A timestamp as the sidecar stores it: ISO 8601, UTC, microseconds, "Z"."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def parse_time(stamp: str) -> datetime:
    """Read a sidecar timestamp (unreadable ones sort first)."""
    try:
        moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return datetime.min.replace(tzinfo=UTC)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def default_author() -> str:
    """The login name, or "" when the system does not say."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return ""


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """A version of a note that a merge replaced (edited in two instances at once)."""

    updated: str
    """When that version was saved."""
    author: str
    """Who saved it."""
    verdict: str
    """Its verdict."""
    text: str
    """Its text."""
    tags: tuple[str, ...]
    """Its tags."""
    reason: str = "concurrent edit"
    """Why it is in the history."""

    def to_dict(self) -> dict[str, Any]:
        """The sidecar object."""
        return {
            "updated": self.updated,
            "author": self.author,
            "verdict": self.verdict,
            "text": self.text,
            "tags": list(self.tags),
            "reason": self.reason,
        }


@dataclass(frozen=True, slots=True)
class Note:
    """One reviewer note: a verdict and a text on one or more anchors."""

    id: str
    """Unique id (12 hex digits by default)."""
    created: str
    """When it was first saved (see format_time)."""
    updated: str
    """When it was last changed."""
    author: str
    """Who last changed it."""
    verdict: str
    """A verdict label (one of the sidecar's verdicts, or "" for none)."""
    text: str
    """Free text, may span lines."""
    tags: tuple[str, ...] = ()
    """Free tags."""
    anchors: tuple[Anchor, ...] = ()
    """Where it is attached: one anchor per version (a group note has several)."""
    history: tuple[HistoryEntry, ...] = ()
    """Versions replaced by concurrent edits in other instances, oldest first."""
    extra: tuple[tuple[str, str], ...] = ()
    """Keys this version does not know, as (key, JSON text), kept as they were."""

    @property
    def articles(self) -> tuple[str, ...]:
        """Ids of the articles it is anchored in."""
        return tuple(dict.fromkeys(a.article for a in self.anchors))

    @property
    def quote(self) -> str:
        """The first anchor's quoted text (what to show for an orphan)."""
        return self.anchors[0].exact if self.anchors else ""

    def to_dict(self) -> dict[str, Any]:
        """The sidecar object (keys in the documented order)."""
        data: dict[str, Any] = {
            "id": self.id,
            "created": self.created,
            "updated": self.updated,
            "author": self.author,
            "verdict": self.verdict,
            "text": self.text,
            "tags": list(self.tags),
            "anchors": [a.to_dict() for a in self.anchors],
            "history": [h.to_dict() for h in self.history],
        }
        for key, text in self.extra:
            data[key] = json.loads(text)
        return data


@dataclass(frozen=True, slots=True)
class Tombstone:
    """A deleted note's id, so that merges do not bring it back."""

    id: str
    """The deleted note's id."""
    deleted: str
    """When it was deleted."""
    author: str
    """Who deleted it."""

    def to_dict(self) -> dict[str, Any]:
        """The sidecar object."""
        return {"id": self.id, "deleted": self.deleted, "author": self.author}


_NOTE_KEYS = ("id", "created", "updated", "author", "verdict", "text", "tags", "anchors", "history")


def _strings(value: Any, what: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"{what} is not a list of strings")
    return tuple(value)


def _string(data: dict[str, Any], key: str, what: str) -> str:
    value = data.get(key)
    if not isinstance(value, str):
        raise ValueError(f"{what} key '{key}' is missing or not a string")
    return value


def _note_from_dict(data: Any) -> Note:
    if not isinstance(data, dict):
        raise ValueError("a note is not an object")
    history = []
    for item in data.get("history", []) or []:
        if not isinstance(item, dict):
            raise ValueError("a history entry is not an object")
        history.append(
            HistoryEntry(
                updated=_string(item, "updated", "history"),
                author=_string(item, "author", "history"),
                verdict=_string(item, "verdict", "history"),
                text=_string(item, "text", "history"),
                tags=_strings(item.get("tags", []), "history tags"),
                reason=str(item.get("reason", "")),
            )
        )
    anchors = data.get("anchors", [])
    if not isinstance(anchors, list):
        raise ValueError("note anchors is not a list")
    extra = tuple(
        (k, json.dumps(v, ensure_ascii=False, sort_keys=True))
        for k, v in sorted(data.items())
        if k not in _NOTE_KEYS
    )
    return Note(
        id=_string(data, "id", "note"),
        created=_string(data, "created", "note"),
        updated=_string(data, "updated", "note"),
        author=_string(data, "author", "note"),
        verdict=_string(data, "verdict", "note"),
        text=_string(data, "text", "note"),
        tags=_strings(data.get("tags", []), "note tags"),
        anchors=tuple(Anchor.from_dict(a) for a in anchors),
        history=tuple(history),
        extra=extra,
    )


@dataclass(frozen=True, slots=True)
class Sidecar:
    """The whole content of a sidecar file."""

    verdicts: tuple[str, ...] = DEFAULT_VERDICTS
    """Verdict labels; key "1" is the first."""
    notes: tuple[Note, ...] = ()
    """Live notes, sorted by (created, id)."""
    deleted: tuple[Tombstone, ...] = ()
    """Tombstones, sorted by id."""
    extra: tuple[tuple[str, str], ...] = ()
    """Top-level keys this version does not know, as (key, JSON text)."""

    def to_json(self) -> str:
        """The file text: indented, stable key order, notes by (created, id), newline at end."""
        # Same text as json.dumps(document, indent=2), but each note's part is cached: a save
        # re-encodes only the notes that changed (the indenting encoder is pure Python).
        placeholder = uuid.uuid4().hex
        data: dict[str, Any] = {
            "schema": SCHEMA,
            "verdicts": list(self.verdicts),
            "notes": placeholder,
            "deleted": [t.to_dict() for t in sorted(self.deleted, key=lambda t: t.id)],
        }
        for key, text in self.extra:
            data[key] = json.loads(text)
        notes = sorted(self.notes, key=lambda n: (n.created, n.id))
        array = "[\n" + ",\n".join(map(_note_json, notes)) + "\n  ]" if notes else "[]"
        document = json.dumps(data, ensure_ascii=False, indent=2)
        return document.replace(f'"{placeholder}"', array, 1) + "\n"


@functools.lru_cache(maxsize=8192)
def _note_json(note: Note) -> str:
    """A note's part of the sidecar text, indented as an item of "notes"."""
    text = json.dumps(note.to_dict(), ensure_ascii=False, indent=2)
    return "\n".join("    " + line for line in text.split("\n"))


_PARSED: dict[str, tuple[dict[str, Any], Note]] = {}
"""Last parsed version of each note id: its raw object and the Note (most notes are the same on
every read, and comparing the raw objects is much cheaper than building Notes again)."""


def _parse_note(data: Any) -> Note:
    if not isinstance(data, dict) or not isinstance(data.get("id"), str):
        return _note_from_dict(data)
    seen = _PARSED.get(data["id"])
    if seen is not None and seen[0] == data:
        return seen[1]
    note = _note_from_dict(data)
    if len(_PARSED) > 50_000:
        _PARSED.clear()
    _PARSED[note.id] = (data, note)
    return note


def parse_sidecar(raw: bytes, path: str) -> Sidecar:
    """Read a sidecar file's bytes.

    Args:
        raw: the file content ("" or whitespace only reads as an empty sidecar).
        path: the file, for error messages.

    Raises:
        CorruptSidecar: not UTF-8, not JSON, another schema, or malformed notes.
    """
    kept = "the file was kept as it is"
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CorruptSidecar(path, f"not UTF-8 (byte at {exc.start}); {kept}") from exc
    if not text.strip():
        return Sidecar()
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno}, column {exc.colno}"
        raise CorruptSidecar(path, f"not valid JSON ({where}); {kept}") from exc
    if not isinstance(data, dict) or "schema" not in data:
        raise CorruptSidecar(path, f"not a notes sidecar (no schema); {kept}")
    if data["schema"] != SCHEMA:
        schema = json.dumps(data["schema"], ensure_ascii=False)[:60]
        raise CorruptSidecar(path, f"unknown schema {schema} (this version reads {SCHEMA}); {kept}")
    try:
        verdicts = _strings(data.get("verdicts", list(DEFAULT_VERDICTS)), "verdicts")
        if not 1 <= len(verdicts) <= 9 or len(set(verdicts)) != len(verdicts) or "" in verdicts:
            raise ValueError("verdicts must be 1 to 9 distinct non-empty labels")
        raw_notes = data.get("notes", [])
        raw_deleted = data.get("deleted", [])
        if not isinstance(raw_notes, list) or not isinstance(raw_deleted, list):
            raise ValueError("notes and deleted must be lists")
        notes = tuple(_parse_note(n) for n in raw_notes)
        deleted = []
        for item in raw_deleted:
            if not isinstance(item, dict):
                raise ValueError("a deleted entry is not an object")
            deleted.append(
                Tombstone(
                    _string(item, "id", "deleted"),
                    _string(item, "deleted", "deleted"),
                    str(item.get("author", "")),
                )
            )
        ids = [n.id for n in notes]
        if len(set(ids)) != len(ids):
            raise ValueError("two notes have the same id")
    except ValueError as exc:
        raise CorruptSidecar(path, f"malformed notes sidecar ({exc}); {kept}") from exc
    extra = tuple(
        (k, json.dumps(v, ensure_ascii=False, sort_keys=True))
        for k, v in sorted(data.items())
        if k not in ("schema", "verdicts", "notes", "deleted")
    )
    live = set(ids)
    return Sidecar(verdicts, notes, tuple(t for t in deleted if t.id not in live), extra)


_Value = Note | Tombstone | None


def _values(sidecar: Sidecar) -> dict[str, Note | Tombstone]:
    values: dict[str, Note | Tombstone] = {t.id: t for t in sidecar.deleted}
    values.update((n.id, n) for n in sidecar.notes)
    return values


def _entry(note: Note) -> HistoryEntry:
    return HistoryEntry(note.updated, note.author, note.verdict, note.text, note.tags)


def _newer(a: Note, b: Note) -> tuple[Note, Note]:
    def key(n: Note) -> tuple[datetime, str]:
        return parse_time(n.updated), json.dumps(n.to_dict(), sort_keys=True)

    return (a, b) if key(a) >= key(b) else (b, a)


def _conflict(mine: _Value, disk: _Value) -> _Value:
    if isinstance(mine, Note) and isinstance(disk, Note):
        winner, loser = _newer(mine, disk)
        seen = {*winner.history, *loser.history}
        same = (loser.verdict, loser.text, loser.tags, loser.anchors) == (
            winner.verdict,
            winner.text,
            winner.tags,
            winner.anchors,
        )
        if not same:
            seen.add(_entry(loser))
        merged = sorted(seen, key=lambda h: (parse_time(h.updated), h.author, h.text))
        return replace(winner, history=tuple(merged))
    if isinstance(mine, Note):
        return mine  # an edit wins over a concurrent deletion: nothing is lost
    if isinstance(disk, Note):
        return disk
    if isinstance(mine, Tombstone) and isinstance(disk, Tombstone):
        return max(mine, disk, key=lambda t: (t.deleted, t.author))
    return mine if mine is not None else disk


def merge(base: Sidecar, mine: Sidecar, disk: Sidecar) -> Sidecar:
    """Three-way merge of two versions of a sidecar by note id (a pure function).

    Args:
        base: the version both sides started from (what this instance last read or wrote).
        mine: this instance's version.
        disk: the version another instance wrote since.

    Returns:
        For each id: the side that changed it; when both did, the newer edit (the other goes
        into the note's history), or the note over a concurrent deletion. Verdicts and unknown
        keys come from disk.
    """
    b, m, d = _values(base), _values(mine), _values(disk)
    notes: list[Note] = []
    deleted: list[Tombstone] = []
    for note_id in sorted({*b, *m, *d}):
        vb, vm, vd = b.get(note_id), m.get(note_id), d.get(note_id)
        if vm is vd or vd is vb or vm == vd or vd == vb:
            value = vm
        elif vm is vb or vm == vb:
            value = vd
        else:
            value = _conflict(vm, vd)
        if isinstance(value, Note):
            notes.append(value)
        elif isinstance(value, Tombstone):
            deleted.append(value)
    return Sidecar(disk.verdicts, tuple(notes), tuple(deleted), disk.extra)


@dataclass(frozen=True, slots=True)
class SidecarLocation:
    """Where the notes of a collection live, and why there."""

    path: Path
    """The sidecar file."""
    reason: str
    """One line for the user, e.g. "next to the articles" or why the data folder is used."""
    fallback: bool = False
    """True when the articles' folder was not writable and the user data folder is used."""


def _writable(folder: Path, sidecar: Path) -> bool:
    if sidecar.exists():
        return os.access(sidecar, os.W_OK) and os.access(folder, os.W_OK | os.X_OK)
    return folder.is_dir() and os.access(folder, os.W_OK | os.X_OK)


def collection_key(collection: Collection) -> str:
    """A short stable key for a collection: its folder, or its articles' hashes (stdin)."""
    if collection.folder is not None:
        basis = os.path.realpath(collection.folder)
    else:
        basis = "\n".join(sorted(a.sha256 or a.id for a in collection.articles))
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:16]


def sidecar_location(
    collection: Collection,
    override: str | os.PathLike[str] | None = None,
    *,
    data_dir: Path | None = None,
    keep_out: Iterable[Path] = (),
) -> SidecarLocation:
    """Choose the sidecar of a collection.

    Args:
        collection: the loaded articles (`Collection.folder` is the first article's folder).
        override: a path given with `--notes FILE`.
        data_dir: the user data folder (default: platformdirs' one for "sidebyside").
        keep_out: folders never written to even when writable: pass the bundled seeds folder
            (`tui.resources.seeds_dir()`), so notes on the samples do not land in a checkout
            or an installed package.

    Returns:
        `--notes FILE` when given; else `sidebyside.notes.json` in the articles' folder when it
        is writable; else `<data_dir>/notes/<folder name>-<key>.notes.json`, with the reason.
    """
    if override is not None:
        return SidecarLocation(Path(override), "given with --notes")
    if collection.folder is not None:
        folder = Path(collection.folder)
        candidate = folder / SIDECAR_NAME
        kept_out = {os.path.realpath(f) for f in keep_out}
        if os.path.realpath(folder) in kept_out:
            name, why = folder.name or "articles", "the bundled samples are not written to"
        elif _writable(folder, candidate):
            return SidecarLocation(candidate, "next to the articles")
        else:
            name, why = folder.name or "articles", f"{folder} is not writable"
    else:
        name, why = "stdin", "the articles came from standard input"
    base = data_dir or Path(platformdirs.user_data_dir("sidebyside", appauthor=False))
    path = base / "notes" / f"{name}-{collection_key(collection)}.notes.json"
    return SidecarLocation(path, f"{why}; notes are kept in {path}", fallback=True)


@dataclass(frozen=True, slots=True)
class Placement:
    """One anchor of a note, resolved against the loaded text."""

    anchor: Anchor
    """The anchor as saved."""
    resolution: Resolution
    """Where it is now (status anchored / moved / orphaned / absent)."""
    sentences: tuple[int, ...]
    """Indices of the sentences it covers now (empty unless found)."""
    article: str = ""
    """Id of the loaded article it resolved in (may differ from anchor.article when the same
    file was loaded under another id); anchor.article when absent."""


@dataclass(frozen=True, slots=True)
class LocatedNote:
    """A note with each anchor resolved: what the notes list and row markers show."""

    note: Note
    """The note."""
    placements: tuple[Placement, ...]
    """One per anchor, in anchor order."""
    status: str
    """The worst of its present anchors: orphaned > moved > anchored; "absent" when none of
    its articles is loaded."""

    def sentences_of(self, article_id: str) -> tuple[int, ...]:
        """Sentence indices it covers in one article."""
        return tuple(i for p in self.placements if p.article == article_id for i in p.sentences)


def locate(notes: Iterable[Note], articles: Iterable[Article]) -> tuple[LocatedNote, ...]:
    """Resolve every anchor of every note against the loaded articles (a pure function).

    An anchor goes with the article of the same id, else with an article whose file has the
    same hash (the same file loaded under another id); otherwise it is "absent".
    """
    loaded = tuple(articles)
    by_id = {a.id: a for a in loaded}
    by_hash = {a.sha256: a for a in loaded if a.sha256}
    located: list[LocatedNote] = []
    for note in notes:
        placements: list[Placement] = []
        for anchor in note.anchors:
            # Ids depend on which files were loaded together: the unchanged file counts too.
            article = by_id.get(anchor.article) or by_hash.get(anchor.file_sha256)
            if article is None:
                placements.append(Placement(anchor, ABSENT, (), anchor.article))
                continue
            found = resolve(anchor, article)
            covered = sentences_in(article, found.start, found.end) if found.found else ()
            placements.append(Placement(anchor, found, covered, article.id))
        present = [p.resolution.status for p in placements if p.resolution.status != "absent"]
        status = next(
            (s for s in ("orphaned", "moved", "anchored") if s in present),
            "absent" if placements else "orphaned",
        )
        located.append(LocatedNote(note, tuple(placements), status))
    return tuple(located)


def notes_by_sentence(located: Iterable[LocatedNote]) -> dict[tuple[str, int], tuple[str, ...]]:
    """Map (article id, sentence index) to the ids of the notes found there (row markers)."""
    found: dict[tuple[str, int], list[str]] = {}
    for item in located:
        for p in item.placements:
            for index in p.sentences:
                ids = found.setdefault((p.article, index), [])
                if item.note.id not in ids:
                    ids.append(item.note.id)
    return {key: tuple(ids) for key, ids in found.items()}


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


def group_notes(
    markers: dict[tuple[str, int], tuple[str, ...]], members: Iterable[Any]
) -> tuple[str, ...]:
    """Ids of the notes on any member of an alignment group (for a row marker).

    Args:
        markers: from notes_by_sentence().
        members: the group's members (`Group.members`: objects with .article and .sentence).
    """
    ids: dict[str, None] = {}
    for m in members:
        ids.update(dict.fromkeys(markers.get((m.article, m.sentence), ())))
    return tuple(ids)


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
    ) -> NoteStore:
        """Make a store on a sidecar and read it (read-only with a reason if it is corrupt)."""
        store = cls(Path(path), clock, default_author() if author is None else author)
        if new_id is not None:
            store.new_id = new_id
        store.lock_timeout = lock_timeout
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
        return tuple(sorted(self._state.notes, key=lambda n: (n.created, n.id)))

    @property
    def deleted(self) -> tuple[Tombstone, ...]:
        """Tombstones of deleted notes."""
        return self._state.deleted

    def get(self, note_id: str) -> Note:
        """The note with this id.

        Raises:
            UsageError: no such note.
        """
        for note in self._state.notes:
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

    def _lock(self) -> filelock.BaseFileLock:
        import filelock

        return filelock.FileLock(
            str(self.lock_path), timeout=self.lock_timeout, poll_interval=0.002, thread_local=False
        )

    def _commit(self, mine: Sidecar) -> None:
        if self.read_only:
            raise NotesReadOnly(str(self.path), self.reason or "notes are read-only")
        import filelock

        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self._lock():
                disk = self._read()
                merged = mine if disk is None else merge(self._base, mine, disk)
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
        _write_synced(tmp, data)
        try:
            if had_file:
                self._keep_backup()
            os.replace(tmp, self.path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        _sync_folder(self.path.parent)
        self._seen = data

    def _keep_backup(self) -> None:
        """Make `<sidecar>.bak` the current file, atomically (hard link, else a copy)."""
        tmp = self._temp()
        try:
            os.link(self.path, tmp)
        except OSError:
            _write_synced(tmp, self.path.read_bytes())
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
            tags=_clean_tags(tags),
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

        Returns:
            The saved note (after merging what other instances saved).
        """
        before = self.get(note_id)
        after = replace(
            before,
            updated=self._now(),
            author=self.author,
            verdict=before.verdict
            if verdict is None
            else (self.verdict(verdict) if verdict else ""),
            text=before.text if text is None else text,
            tags=before.tags if tags is None else _clean_tags(tags),
            anchors=before.anchors if anchors is None else tuple(anchors),
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


def _clean_tags(tags: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(t.strip() for t in tags if t.strip()))


def _write_synced(path: Path, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
    finally:
        os.close(fd)


def _sync_folder(folder: Path) -> None:
    if not hasattr(os, "O_DIRECTORY"):
        return  # Windows: folders cannot be opened for fsync
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
