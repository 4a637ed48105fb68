"""Provides the notes stage: the reviewer's notes and verdicts.

The `Note` model, the JSON sidecar store (atomic write, lock, three-way merge, corrupt
files kept aside) and re-anchoring notes to sentences after an article changes. It uses
only `load` and the core errors.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tui.core.notes.anchor import (
        Anchor,
        Resolution,
        make_anchor,
        resolve,
    )
    from tui.core.notes.store import (
        CorruptSidecar,
        LocatedNote,
        Note,
        NotesLocked,
        NotesReadOnly,
        NoteStore,
        NotesWriteError,
        Sidecar,
        SidecarLocation,
        locate,
        merge,
        parse_sidecar,
        sidecar_location,
    )

_HOMES = {
    "Anchor": "anchor",
    "Resolution": "anchor",
    "make_anchor": "anchor",
    "resolve": "anchor",
    "CorruptSidecar": "store",
    "LocatedNote": "store",
    "Note": "store",
    "NoteStore": "store",
    "NotesLocked": "store",
    "NotesReadOnly": "store",
    "NotesWriteError": "store",
    "Sidecar": "store",
    "SidecarLocation": "store",
    "locate": "store",
    "merge": "store",
    "parse_sidecar": "store",
    "sidecar_location": "store",
}

__all__ = [
    "Anchor",
    "CorruptSidecar",
    "LocatedNote",
    "Note",
    "NoteStore",
    "NotesLocked",
    "NotesReadOnly",
    "NotesWriteError",
    "Resolution",
    "Sidecar",
    "SidecarLocation",
    "locate",
    "make_anchor",
    "merge",
    "parse_sidecar",
    "resolve",
    "sidecar_location",
]


def __getattr__(name: str) -> Any:
    """Imports a public name from its module on first use, so importing the stage is free."""
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    return getattr(import_module(f"{__name__}.{_HOMES[name]}"), name)
