"""Provides merge(): the three-way merge of two versions of a sidecar, by note id.

A pure function: the store calls it under the lock with what it last read, its own version and
what is on disk now.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime

from tui.core.notes.model import HistoryEntry, Note, Tombstone, parse_time
from tui.core.notes.sidecar import Sidecar

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
