"""Provides the compare stage: how aligned versions differ.

Word diffs with each change classed trivial or substantive (`diff`), and the rules that turn
the extracted facts into discrepancies: conflicts, missing facts and variants, one module per
kind inside an aligned group and one for the whole story, run by `check_facts`. It uses
`load`, `extract` and `align`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.core._lazy import lazy_exports

if TYPE_CHECKING:
    from tui.core.compare.check import (
        check_facts,
        find_discrepancies,
    )
    from tui.core.compare.diff import (
        Differ,
        Op,
        classify,
        count_changes,
        word_diff,
    )
    from tui.core.compare.discrepancy import (
        DISCREPANCY_KINDS,
        SEVERITIES,
        Discrepancy,
        Variant,
    )

_HOMES = {
    "check_facts": "check",
    "find_discrepancies": "check",
    "Differ": "diff",
    "Op": "diff",
    "classify": "diff",
    "count_changes": "diff",
    "word_diff": "diff",
    "DISCREPANCY_KINDS": "discrepancy",
    "SEVERITIES": "discrepancy",
    "Discrepancy": "discrepancy",
    "Variant": "discrepancy",
}

__all__ = [
    "DISCREPANCY_KINDS",
    "SEVERITIES",
    "Differ",
    "Discrepancy",
    "Op",
    "Variant",
    "check_facts",
    "classify",
    "count_changes",
    "find_discrepancies",
    "word_diff",
]


__getattr__ = lazy_exports(__name__, _HOMES)
