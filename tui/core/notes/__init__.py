"""Provides the notes stage: the reviewer's notes and verdicts.

One module per concern: `model` (Note, HistoryEntry, Tombstone, errors, time), `sidecar` (the
JSON file: parse, serialize, where it lives), `merge` (three-way merge between instances),
`placement` (notes resolved against the loaded articles), `store` (NoteStore: atomic write,
lock, undo, corrupt files kept aside) and `anchor` (re-anchoring after an article changes). It
uses only `load` and the core errors.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.core._lazy import lazy_exports

if TYPE_CHECKING:
    from tui.core.notes.anchor import (
        Anchor,
        Resolution,
        make_anchor,
        resolve,
    )
    from tui.core.notes.merging import merge
    from tui.core.notes.model import (
        CorruptSidecar,
        HistoryEntry,
        Note,
        NotesLocked,
        NotesReadOnly,
        NotesWriteError,
        Tombstone,
    )
    from tui.core.notes.placement import (
        LocatedNote,
        Placement,
        group_notes,
        locate,
        notes_by_sentence,
    )
    from tui.core.notes.sidecar import (
        Sidecar,
        SidecarLocation,
        parse_sidecar,
        sidecar_location,
        with_shared,
    )
    from tui.core.notes.store import NoteStore

_HOMES = {
    "Anchor": "anchor",
    "Resolution": "anchor",
    "make_anchor": "anchor",
    "resolve": "anchor",
    "merge": "merging",
    "CorruptSidecar": "model",
    "HistoryEntry": "model",
    "Note": "model",
    "NotesLocked": "model",
    "NotesReadOnly": "model",
    "NotesWriteError": "model",
    "Tombstone": "model",
    "LocatedNote": "placement",
    "Placement": "placement",
    "group_notes": "placement",
    "locate": "placement",
    "notes_by_sentence": "placement",
    "Sidecar": "sidecar",
    "SidecarLocation": "sidecar",
    "parse_sidecar": "sidecar",
    "sidecar_location": "sidecar",
    "with_shared": "sidecar",
    "NoteStore": "store",
}

__all__ = [
    "Anchor",
    "CorruptSidecar",
    "HistoryEntry",
    "LocatedNote",
    "Note",
    "NoteStore",
    "NotesLocked",
    "NotesReadOnly",
    "NotesWriteError",
    "Placement",
    "Resolution",
    "Sidecar",
    "SidecarLocation",
    "Tombstone",
    "group_notes",
    "locate",
    "make_anchor",
    "merge",
    "notes_by_sentence",
    "parse_sidecar",
    "resolve",
    "sidecar_location",
    "with_shared",
]


__getattr__ = lazy_exports(__name__, _HOMES)
