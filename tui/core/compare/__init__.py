"""Provides the compare stage: how aligned versions differ.

Word diffs with each change classed trivial or substantive, and the rules that turn the
extracted facts into discrepancies (conflicts, missing facts, variants). It uses `load`,
`extract` and `align`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tui.core.compare.diff import (
        Op,
        classify,
        count_changes,
        word_diff,
    )
    from tui.core.compare.facts import (
        Discrepancy,
        Fact,
        Variant,
        check_facts,
        extract_facts,
        find_discrepancies,
    )

_HOMES = {
    "Op": "diff",
    "classify": "diff",
    "count_changes": "diff",
    "word_diff": "diff",
    "Discrepancy": "facts",
    "Fact": "facts",
    "Variant": "facts",
    "check_facts": "facts",
    "extract_facts": "facts",
    "find_discrepancies": "facts",
}

__all__ = [
    "Discrepancy",
    "Fact",
    "Op",
    "Variant",
    "check_facts",
    "classify",
    "count_changes",
    "extract_facts",
    "find_discrepancies",
    "word_diff",
]


def __getattr__(name: str) -> Any:
    """Imports a public name from its module on first use, so importing the stage is free."""
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    return getattr(import_module(f"{__name__}.{_HOMES[name]}"), name)
