"""Provides align(): N-way sentence alignment of several versions of one story.

INTERIM: the data model is the contract (UI, facts, reports and the JSON schema rely on it); the
algorithm below is a first cut that the alignment work replaces (same signatures).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process, utils

from tui.core.articles import Article

KINDS = ("identical", "reworded", "partial", "unique")
"""Group kinds, from closest to loosest."""


@dataclass(frozen=True, slots=True, order=True)
class SentenceRef:
    """One sentence of one article."""

    article: str
    """Article id."""
    sentence: int
    """Sentence index in that article."""


@dataclass(frozen=True, slots=True)
class Link:
    """A cross-version match between two members of a group."""

    a: SentenceRef
    """One end (the earlier article in collection order)."""
    b: SentenceRef
    """The other end."""
    score: float
    """Similarity in [0, 1]."""


@dataclass(frozen=True, slots=True)
class Group:
    """Sentences from different versions that report the same thing (at most one slot each)."""

    id: int
    """Position in reading order, from 0."""
    kind: str
    """One of KINDS."""
    members: tuple[SentenceRef, ...]
    """Sorted by article (collection order) then sentence index; a slot of 2+ is a split/merge."""
    links: tuple[Link, ...] = ()
    """Scored cross-version links."""

    def slot(self, article: str) -> tuple[int, ...]:
        """Sentence indices of `article` in this group (empty when absent)."""
        return tuple(m.sentence for m in self.members if m.article == article)

    @property
    def articles(self) -> tuple[str, ...]:
        """Ids of the articles present, in member order, without repeats."""
        return tuple(dict.fromkeys(m.article for m in self.members))


@dataclass(frozen=True, slots=True)
class PairSimilarity:
    """How much two versions share."""

    a: str
    """Article id."""
    b: str
    """Article id."""
    matched_a: float
    """Share of a's sentences matched in b, in [0, 1]."""
    matched_b: float
    """Share of b's sentences matched in a, in [0, 1]."""
    words_a: float
    """Share of a's words in sentences matched in b."""
    words_b: float
    """Share of b's words in sentences matched in a."""
    mean_score: float
    """Mean score of the a-b links (0 when none)."""


@dataclass(frozen=True, slots=True)
class Alignment:
    """The result of align(): groups in reading order plus the pairwise similarity matrix."""

    reference: str
    """Id of the reference article the reading order follows."""
    articles: tuple[Article, ...]
    """The versions, in collection order."""
    groups: tuple[Group, ...]
    """Groups in reading order."""
    similarity: tuple[PairSimilarity, ...]
    """One entry per unordered pair of articles, in collection order."""

    def article(self, article_id: str) -> Article:
        """The article with this id."""
        for a in self.articles:
            if a.id == article_id:
                return a
        raise KeyError(article_id)


def align(
    articles: Sequence[Article], reference: str | None = None, threshold: float | None = None
) -> Alignment:
    """Align the sentences of several versions (interim: mutual best vs the reference).

    Args:
        articles: two or more versions (one is allowed: every sentence is unique).
        reference: id of the article whose order the groups follow (default: the first).
        threshold: minimum link score in [0, 1] (default: the engine's tuned value).

    Returns:
        The Alignment.
    """
    arts = tuple(articles)
    ref = reference or arts[0].id
    cut = 0.6 if threshold is None else threshold
    ref_art = next(a for a in arts if a.id == ref)
    slots: dict[int, list[tuple[SentenceRef, float]]] = {s.index: [] for s in ref_art.sentences}
    uniques: list[SentenceRef] = []
    ref_texts = [s.text for s in ref_art.sentences]
    for art in arts:
        if art.id == ref:
            continue
        texts = [s.text for s in art.sentences]
        m = process.cdist(texts, ref_texts, scorer=fuzz.token_set_ratio, processor=utils.default_process)
        for i, row in enumerate(m):
            j = int(row.argmax()) if len(row) else -1
            if j >= 0 and row[j] / 100 >= cut and int(m[:, j].argmax()) == i:
                slots[j].append((SentenceRef(art.id, i), float(row[j]) / 100))
            else:
                uniques.append(SentenceRef(art.id, i))
    groups: list[Group] = []
    order = {a.id: n for a, n in zip(arts, range(len(arts)), strict=True)}
    for j, found in slots.items():
        head = SentenceRef(ref, j)
        members = tuple(sorted([head, *(r for r, _ in found)], key=lambda r: (order[r.article], r.sentence)))
        links = tuple(Link(head, r, sc) for r, sc in found)
        kind = "unique" if not found else ("identical" if all(sc >= 0.999 for _, sc in found) else "reworded")
        groups.append(Group(len(groups), kind, members, links))
    for r in uniques:
        groups.append(Group(len(groups), "unique", (r,), ()))
    return Alignment(ref, arts, tuple(groups), ())
