"""Provides the sidecar file format: parse and serialize, and where a collection's sidecar lives.

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

`parse_sidecar` refuses anything malformed with CorruptSidecar (the store then keeps the file as
it is); `Sidecar.to_json` writes the canonical text; `sidecar_location` picks the file for a
collection.
"""

from __future__ import annotations

import hashlib
import json
import operator
import os
import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import platformdirs

from tui.core.load.sanitize import clean_text
from tui.core.notes.anchor import Anchor
from tui.core.notes.model import (
    DEFAULT_VERDICTS,
    SCHEMA,
    SIDECAR_NAME,
    CorruptSidecar,
    HistoryEntry,
    Note,
    Tombstone,
)

if TYPE_CHECKING:
    from tui.core.load.collection import Collection


_NOTE_KEYS = ("id", "created", "updated", "author", "verdict", "text", "tags", "anchors", "history")


# Every string read from a sidecar goes through clean_text(): a control character or terminal
# escape in a note (its text, author, verdict, tags, id, quote) never reaches a terminal or a
# report (issue 17, item 4). The next save writes the cleaned strings.


def _strings(value: Any, what: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"{what} is not a list of strings")
    return tuple(map(clean_text, value))


def _string(data: dict[str, Any], key: str, what: str) -> str:
    value = data.get(key)
    if not isinstance(value, str):
        raise ValueError(f"{what} key '{key}' is missing or not a string")
    return clean_text(value)


def _clean_anchor(anchor: Anchor) -> Anchor:
    texts = (anchor.article, anchor.exact, anchor.prefix, anchor.suffix)
    if all(clean_text(t) is t for t in texts):
        return anchor
    article, exact, prefix, suffix = map(clean_text, texts)
    return replace(anchor, article=article, exact=exact, prefix=prefix, suffix=suffix)


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
                reason=clean_text(str(item.get("reason", ""))),
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
        anchors=tuple(_clean_anchor(Anchor.from_dict(a)) for a in anchors),
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
        notes = sorted(self.notes, key=_BY_CREATED)
        encoded = _ENCODED
        parts = []
        for note in notes:  # the cache inlined: this loop runs once per note on every save
            seen = encoded.get(note.id)
            parts.append(seen[1] if seen is not None and seen[0] is note else _note_json(note))
        _trim(_ENCODED, notes, len(notes))
        head, tail = json.dumps(data, ensure_ascii=False, indent=2).split(f'"{placeholder}"', 1)
        if not notes:
            return head + "[]" + tail + "\n"
        return "".join((head, "[\n", ",\n".join(parts), "\n  ]", tail, "\n"))


_BY_CREATED = operator.attrgetter("created", "id")
"""The order of the notes in the file."""

_ENCODED: dict[str, tuple[Note, str]] = {}
"""Last encoded version of each note id: the Note and its text. Looked up by identity (a note
a save did not change is the same object), so a hit costs no hashing of the note's fields."""

_PARSED: dict[str, tuple[dict[str, Any], Note]] = {}
"""Last parsed version of each note id: its raw object and the Note (most notes are the same on
every read, and comparing the raw objects is much cheaper than building Notes again)."""

_SPARE = 1000
"""Entries a cache keeps beyond twice the notes of the sidecar last read or written."""


def _note_json(note: Note) -> str:
    """A note's part of the sidecar text, indented as an item of "notes"."""
    seen = _ENCODED.get(note.id)
    if seen is not None and seen[0] is note:
        return seen[1]
    text = json.dumps(note.to_dict(), ensure_ascii=False, indent=2)
    encoded = "\n".join("    " + line for line in text.split("\n"))
    _ENCODED[note.id] = (note, encoded)
    return encoded


def _trim(cache: dict[str, Any], notes: Iterable[Note], count: int) -> None:
    """Keep only these notes' entries once a cache outgrows the sidecar (other ids, old files).

    The bound follows the sidecar's size, so there is no cliff at a fixed number of notes.
    """
    if len(cache) > 2 * count + _SPARE:
        keep = {n.id: cache[n.id] for n in notes if n.id in cache}
        cache.clear()
        cache.update(keep)


def _parse_note(data: Any) -> Note:
    if not isinstance(data, dict) or not isinstance(data.get("id"), str):
        return _note_from_dict(data)
    seen = _PARSED.get(data["id"])
    if seen is not None and seen[0] == data:
        return seen[1]
    note = _note_from_dict(data)
    _PARSED[note.id] = (data, note)
    return note


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
"""A JSON escape of a UTF-16 surrogate: only then can a parsed string hold a lone one."""


def _encodable(data: Any) -> bool:
    """True when every string in the parsed JSON can be written back as UTF-8."""
    try:
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except (UnicodeEncodeError, RecursionError):
        return False
    return True


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
    except RecursionError as exc:
        raise CorruptSidecar(path, f"not valid JSON (nested too deeply); {kept}") from exc
    except ValueError as exc:  # an integer of more than sys.get_int_max_str_digits() digits
        raise CorruptSidecar(path, f"not valid JSON (a number too long to read); {kept}") from exc
    if _SURROGATE_ESCAPE.search(text) is not None and not _encodable(data):
        raise CorruptSidecar(path, f"a string holds a lone surrogate (\\uD800-\\uDFFF); {kept}")
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
        _trim(_PARSED, notes, len(notes))
        deleted = []
        for item in raw_deleted:
            if not isinstance(item, dict):
                raise ValueError("a deleted entry is not an object")
            deleted.append(
                Tombstone(
                    _string(item, "id", "deleted"),
                    _string(item, "deleted", "deleted"),
                    clean_text(str(item.get("author", ""))),
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


def with_shared(own: Sidecar | None, shared: Sidecar) -> Sidecar:
    """Own notes plus the shared sidecar's notes that own has not edited or deleted (by id)."""
    mine = own or Sidecar()
    hidden = {n.id for n in mine.notes} | {t.id for t in mine.deleted}
    extra = tuple(n for n in shared.notes if n.id not in hidden)
    return replace(mine, notes=mine.notes + extra) if extra else mine


@dataclass(frozen=True, slots=True)
class SidecarLocation:
    """Where the notes of a collection live, and why there."""

    path: Path
    """The sidecar file."""
    reason: str
    """One line for the user, e.g. "next to the articles" or why the data folder is used."""
    fallback: bool = False
    """True when the articles' folder was not writable and the user data folder is used."""
    shared: Path | None = None
    """The articles' folder's own sidecar when that folder is not writable: its notes are shown,
    read only, beside those of `path` (where new notes go)."""


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
        is writable; else `<data_dir>/notes/<folder name>-<key>.notes.json`, with the reason
        (and the folder's own sidecar as `shared`, when there is one to read).
    """
    if override is not None:
        return SidecarLocation(Path(override), "given with --notes")
    shared: Path | None = None
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
            if candidate.is_file() and os.access(candidate, os.R_OK):
                shared = candidate
                why += f"; its {SIDECAR_NAME} is shown read only"
    else:
        name, why = "stdin", "the articles came from standard input"
    base = data_dir or Path(platformdirs.user_data_dir("sidebyside", appauthor=False))
    path = base / "notes" / f"{name}-{collection_key(collection)}.notes.json"
    return SidecarLocation(path, f"{why}; notes are kept in {path}", fallback=True, shared=shared)
