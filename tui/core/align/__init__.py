"""Provides the align stage: which sentences of the versions say the same thing.

Similarity (lexical, semantic and shared facts), the collation into groups (moved, split and merged
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
    from tui.core.align.embedder import (
        Embedder,
    )
    from tui.core.align.moves import (
        moved_parts,
    )
    from tui.core.align.semantic import (
        SemanticModel,
        load_semantic,
    )
    from tui.core.align.semantic_transformer import (
        TransformerModel,
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
    "Embedder": "embedder",
    "SemanticModel": "semantic",
    "TransformerModel": "semantic_transformer",
    "load_semantic": "semantic",
    "pair_score": "similarity",
    "Tuning": "tuning",
}

__all__ = [
    "DEFAULT_THRESHOLD",
    "Alignment",
    "Collation",
    "Embedder",
    "Group",
    "Link",
    "PairSimilarity",
    "SemanticModel",
    "SentenceRef",
    "TransformerModel",
    "Tuning",
    "align",
    "load_semantic",
    "moved_parts",
    "pair_score",
]


__getattr__ = lazy_exports(__name__, _HOMES)
