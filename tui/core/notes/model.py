"""Provides the note model: Note, HistoryEntry, Tombstone, the notes errors and time helpers.

Values only (frozen dataclasses and the sidecar's constants); reading and writing the file is in
`sidecar` and `store`.
"""

from __future__ import annotations

import getpass
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from tui.core.errors import InputError, MalformedInput
from tui.core.notes.anchor import Anchor

SCHEMA = "sidebyside.notes/1"
"""The sidecar's schema tag."""

SIDECAR_NAME = "sidebyside.notes.json"
"""The sidecar's file name next to the articles."""

DEFAULT_VERDICTS = ("supported", "disputed", "false", "needs source", "context/other")
"""Verdict labels of a new sidecar; key "1" is the first."""

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


REANCHOR_QUOTE = 200
"""Characters of the old quote a re-anchoring keeps in the history's reason."""


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """A version of a note that was replaced: by a merge (edited in two instances at once) or
    by a re-anchoring (the reason then says where it was)."""

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


def clean_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Tags as stored: stripped, empty ones dropped, each once in first-seen order."""
    return tuple(dict.fromkeys(t.strip() for t in tags if t.strip()))


def reanchored_entry(note: Note) -> HistoryEntry:
    """The history entry a re-anchored note keeps of where it was: its quote and versions."""
    quote = " ".join(note.quote.split())
    if len(quote) > REANCHOR_QUOTE:
        quote = quote[: REANCHOR_QUOTE - 1] + "…"
    where = ", ".join(note.articles) or "nothing"
    reason = f"re-anchored; was on “{quote}” in {where}"
    return HistoryEntry(note.updated, note.author, note.verdict, note.text, note.tags, reason)


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
