"""Provides word_diff(): a word-level diff of two sentences, each change classed.

INTERIM: data model is the contract; classification is done by the diff work.
"""

from __future__ import annotations

from dataclasses import dataclass

OP_KINDS = ("equal", "delete", "insert")
"""Op kinds: text in both, only in the reference (a), only in the other version (b)."""

CHANGE_CLASSES = ("trivial", "substantive")
"""How much a change matters to a fact-checker."""

SUBKINDS = ("number", "date", "name", "quote", "attribution", "hedge", "loaded", "other")
"""Sub-kinds of substantive changes."""


@dataclass(frozen=True, slots=True)
class Op:
    """One run of a word diff."""

    kind: str
    """One of OP_KINDS."""
    text: str
    """The words of this run, with their original spacing."""
    change: str | None = None
    """None for equal runs, else one of CHANGE_CLASSES."""
    subkind: str | None = None
    """For substantive changes, one of SUBKINDS."""


def word_diff(a: str, b: str) -> tuple[Op, ...]:
    """Diff two sentences word by word (interim: whole-sentence replace when different)."""
    if a == b:
        return (Op("equal", a),)
    return (Op("delete", a, "substantive", "other"), Op("insert", b, "substantive", "other"))
