"""Provides analyze(): alignment, word diffs and fact checks of a collection, in one value.

The app, the reports and the CLI all call this one function, so they always agree.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from tui.core.align.aligner import Alignment, Group, align
from tui.core.compare.check import check_facts
from tui.core.compare.diff import Op, word_diff
from tui.core.compare.discrepancy import Discrepancy
from tui.core.extract.fact import Fact
from tui.core.load.article import Article


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything the core knows about a collection of versions."""

    alignment: Alignment
    """Groups in reading order and the similarity matrix."""
    diffs: Mapping[tuple[int, str], tuple[Op, ...]]
    """(group id, article id) -> word diff of that article's slot against the reference slot.

    Only for groups where both the reference and the article are present, article != reference.
    """
    facts: tuple[Fact, ...]
    """Facts of every article, in collection then sentence order."""
    discrepancies: tuple[Discrepancy, ...]
    """Discrepancies, most serious first."""

    @property
    def articles(self) -> tuple[Article, ...]:
        """The versions, in collection order."""
        return self.alignment.articles

    @property
    def reference(self) -> str:
        """Id of the reference article."""
        return self.alignment.reference

    def discrepancies_of(self, group: int) -> tuple[Discrepancy, ...]:
        """The discrepancies found in one group."""
        return tuple(d for d in self.discrepancies if d.group == group)


def slot_text(article: Article, group: Group) -> str:
    """The text of an article's slot in a group (its sentences joined by a space)."""
    return " ".join(article.sentences[i].text for i in group.slot(article.id))


def analyze(
    articles: Sequence[Article], reference: str | None = None, threshold: float | None = None
) -> Analysis:
    """Align the versions, diff every aligned slot against the reference, and check facts.

    Args:
        articles: the versions, in collection order.
        reference: id of the reference version (default: the first).
        threshold: alignment threshold (default: the engine's).

    Returns:
        The Analysis.
    """
    alignment = align(articles, reference=reference, threshold=threshold)
    ref = alignment.article(alignment.reference)
    diffs: dict[tuple[int, str], tuple[Op, ...]] = {}
    for group in alignment.groups:
        if not group.slot(ref.id):
            continue
        ref_text = slot_text(ref, group)
        for art_id in group.articles:
            if art_id == ref.id:
                continue
            diffs[(group.id, art_id)] = word_diff(
                ref_text, slot_text(alignment.article(art_id), group)
            )
    facts, discrepancies = check_facts(alignment)  # one extraction serves both
    return Analysis(alignment, diffs, facts, discrepancies)
