"""Provides Tuning: the alignment engine's weights and cut-offs, tuned on the benchmark's dev split.

Kept apart from the engine so that the scorers (tui.core.align.similarity), the collation
(tui.core.align.collation) and align() read one set of values.
"""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_THRESHOLD = 0.32
"""Minimum score of a 1:1 link (tuned on the benchmark's dev split)."""


@dataclass(frozen=True, slots=True)
class Tuning:
    """The engine's weights and cut-offs (defaults tuned on the benchmark's dev split)."""

    threshold: float = DEFAULT_THRESHOLD
    """Minimum score of a 1:1 link (the other stages scale with it when align() is given one)."""
    w_dice: float = 0.56
    """Weight of the IDF-weighted Dice overlap of content stems."""
    w_ratio: float = 0.44
    """Weight of rapidfuzz `ratio` on the content words."""
    w_tset: float = 0.0
    """Weight of rapidfuzz `token_set_ratio` on the content words (off: 5x slower, no better)."""
    number_bonus: float = 0.15
    """Added when both sentences state numbers and share one."""
    floor: float = 0.2
    """Minimum score of a link before the order bonus (the bonus ranks, it cannot lift)."""
    contain: float = 0.3
    """Minimum share of a sentence's content found in its partner for a split/merge link."""
    contain_score: float = 0.23
    """Minimum score of a split/merge link."""
    order_bonus: float = 0.19
    """Added to a candidate that sits between the anchors of its neighbours."""
    bonus_contain: float = 0.25
    """The order bonus goes only to candidates sharing at least this much content."""
    order_penalty: float = 0.045
    """Taken from a candidate that jumps across its neighbours' anchors."""
    stem: int = 5
    """Words are cut to this many characters before comparing content."""
    max_postings: int = 30
    """Stems found in more representative slots than this do not make candidates."""
    candidates: int = 10
    """Slots scored per sentence: those sharing the most IDF weight of uncommon stems."""
    reps: int = 3
    """Slots of a group that stand for it when a new version is compared with it."""
    similarity_sample: int = 40
    """Shared groups (at most) that a pair's mean score is taken over."""
    gap_threshold: float = 0.19
    """Minimum score of a link between sentences left over between two linked passages."""
    max_gap: int = 20
    """Longest stretch (in groups or sentences) that gap filling looks into."""
    gap_contain: float = 0.3
    """Minimum share of one side's content found in the other for a gap link."""
    short_ratio: float = 0.6
    """A version whose sentences are this much shorter (mean words) than the groups' is a
    split-heavy rewrite: each of its sentences left over is linked to its closest group."""
    refine: bool = True
    """Run the story-wide pass (tui.core.align.refine) where it applies."""
    close_threshold: float = 0.25
    """Minimum score of such a closest-group link (link score plus the share of the
    sentence's content found in the group)."""
