"""Provides the align stage: which sentences of the versions say the same thing.

Similarity (lexical and shared facts), the collation into groups (moved, split and merged
sentences too), the tuned thresholds, and `align()`. It may use `load` and `extract`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.core._lazy import lazy_exports

if TYPE_CHECKING:
    from tui.core.align.aligner import (
        DEFAULT_THRESHOLD,
        Alignment,
        Group,
        Link,
        PairSimilarity,
        SentenceRef,
        align,
    )
    from tui.core.align.collation import (
        Collation,
    )
    from tui.core.align.moves import (
        moved_parts,
    )
    from tui.core.align.similarity import (
        pair_score,
    )
    from tui.core.align.tuning import (
        Tuning,
    )

_HOMES = {
    "DEFAULT_THRESHOLD": "aligner",
    "Alignment": "aligner",
    "Group": "aligner",
    "Link": "aligner",
    "PairSimilarity": "aligner",
    "SentenceRef": "aligner",
    "align": "aligner",
    "Collation": "collation",
    "moved_parts": "moves",
    "pair_score": "similarity",
    "Tuning": "tuning",
}

__all__ = [
    "DEFAULT_THRESHOLD",
    "Alignment",
    "Collation",
    "Group",
    "Link",
    "PairSimilarity",
    "SentenceRef",
    "Tuning",
    "align",
    "moved_parts",
    "pair_score",
]


__getattr__ = lazy_exports(__name__, _HOMES)
