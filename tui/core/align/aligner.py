"""Provides align(): N-way sentence alignment of several versions of one story.

The versions are aligned progressively: the longest version starts the collation (one group
per sentence), then each other version, in an order that does not depend on the order of the
files (by content hash), is aligned against the groups built so far. The reference only sets
the reading order at the end, so choosing another one never changes which sentences are
grouped. One version against the groups:

1. Candidates: for each sentence, the group slots that share the most IDF weight of uncommon
   content stems (an inverted index; stems in too many slots and function words are left out),
   at most `Tuning.candidates` of them. So the cost grows about linearly with the number of
   sentences instead of with the number of sentence pairs.
2. Scores, with rapidfuzz's C scorers run over each sentence's candidates (`process.extract`;
   `cdist` would need numpy, which is not a dependency): character similarity (`ratio`) of the
   content words, IDF-weighted Dice overlap of content stems (numbers written as digits or
   words, British or American spelling), how much of each side the other contains, and a bonus
   for a shared number.
3. Order: mutual best matches are anchors; the longest run of anchors in the same order on both
   sides is the backbone. A candidate that sits between the backbone anchors of its neighbours
   and shares content gets a bonus, one that jumps across them a small penalty (moves are still
   found, they just need a better score).
4. Links: mutual best matches above the threshold, then split/merge links (a sentence mostly
   contained in its best partner), then gap links (weaker matches between sentences and groups
   left over between two linked passages). They are accepted strongest first while every
   version's part of a group stays one run of consecutive sentences (a "slot"), so a group is
   1:1, 1:n (split), n:1 (merge) or n:m.
5. Closest group: when the version's sentences are much shorter than the collated ones (an
   easy-language rewrite that splits most sentences), each sentence still unlinked goes to its
   closest group between the groups of its linked neighbours (closest: the link score plus
   the share of the short sentence's content that the group holds). A link refused because
   its sentence would not yet continue the group's run is offered again once its neighbour
   has joined.

Groups then get a kind (identical, reworded, partial, unique), scored links, and a reading
order that follows the reference, with each other version's unique passages placed after the
group of the sentence that precedes them in their own text. The weights and cut-offs
(`Tuning`) were tuned on the dev split of the DEplain-web sentence-alignment benchmark.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tui.core.align.tuning import DEFAULT_THRESHOLD, Tuning
from tui.core.load.article import Article

# The scoring modules (and rapidfuzz under them) import on the first align(): a process that
# only reads Alignments (the app unpickling one from the launch's analysis process) skips them.
if TYPE_CHECKING:
    from tui.core.align.collation import Collation

__all__ = [
    "DEFAULT_THRESHOLD",
    "KINDS",
    "Alignment",
    "Group",
    "Link",
    "PairSimilarity",
    "SentenceRef",
    "Tuning",
    "align",
    "normalise",
]

KINDS = ("identical", "reworded", "partial", "unique")
"""Group kinds, from closest to loosest."""


def normalise(text: str) -> str:
    """A comparison form of a sentence (`tui.core.align.similarity.normalise`).

    Args:
        text: a sentence.

    Returns:
        The folded text.
    """
    from tui.core.align.similarity import normalise as fold

    return fold(text)


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
    """Scored cross-version links: each non-pivot sentence to its closest pivot sentence (the
    pivot is the reference when present, else the first article in collection order)."""
    moved_in: tuple[str, ...] = ()
    """Ids of the versions that tell this passage out of the reading order (tui.core.align.moves),
    in collection order; empty when every version tells it in step."""

    @property
    def moved(self) -> bool:
        """Whether some version tells this passage at a clearly different place."""
        return bool(self.moved_in)

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
    related: tuple[Link, ...] = ()
    """Weaker "also related" links: two sentences in different groups that probably report the
    same thing (tui.core.align.refine), strongest first; shown, not grouped."""

    def article(self, article_id: str) -> Article:
        """The article with this id."""
        for a in self.articles:
            if a.id == article_id:
                return a
        raise KeyError(article_id)


def _version_key(article: Article) -> tuple[str, str]:
    digest = hashlib.sha256("\n".join(s.text for s in article.sentences).encode()).hexdigest()
    return (digest, article.id)


def align(
    articles: Sequence[Article],
    reference: str | None = None,
    threshold: float | None = None,
    tuning: Tuning | None = None,
    semantic: bool = True,
) -> Alignment:
    """Align the sentences of several versions of one story.

    Args:
        articles: the versions, in collection order (one is allowed: every sentence is unique;
            a version with no sentences is allowed too).
        reference: id of the article whose order the groups follow (default: the first).
        threshold: minimum 1:1 link score in [0, 1] (default: the engine's tuned value).
        tuning: the engine's weights (default: the tuned ones); `threshold` overrides its own.
        semantic: use the semantic signal when its model is there (False: lexical only).

    Returns:
        The Alignment.

    Raises:
        KeyError: `reference` names no article.
        ValueError: two articles share an id.
    """
    arts = tuple(articles)
    if not arts:
        return Alignment(reference or "", (), (), ())
    if len({a.id for a in arts}) != len(arts):
        raise ValueError("article ids must be unique")
    ref = reference if reference is not None else arts[0].id
    ref_art = next((a for a in arts if a.id == ref), None)
    if ref_art is None:
        raise KeyError(ref)
    tune = tuning or Tuning()
    if threshold is not None:
        scale = threshold / tune.threshold if tune.threshold else 1.0
        tune = _replace(
            tune,
            threshold=threshold,
            floor=tune.floor * scale,
            contain_score=tune.contain_score * scale,
            gap_threshold=tune.gap_threshold * scale,
        )
    col, order = collate(arts, tune)
    related = _refine(col, semantic) if tune.refine else ()
    return _finish(arts, ref, col, order, related)


def collate(arts: Sequence[Article], tune: Tuning) -> tuple[Collation, list[str]]:
    """The collation of the versions before the story-wide pass, and their processing order.

    Args:
        arts: the versions (at least one).
        tune: the engine's weights.

    Returns:
        The Collation and the version ids in the order they were folded in.
    """
    from tui.core.align.collation import Collation
    from tui.core.align.similarity import Idf, normalise

    texts = {a.id: [s.text for s in a.sentences] for a in arts}
    norms = {a.id: [normalise(t) for t in texts[a.id]] for a in arts}
    idf = Idf([t for a in arts for t in norms[a.id]], tune.stem)
    col = Collation(texts, norms, idf, tune)
    col.headed = {a.id for a in arts if a.title and a.sentences and a.sentences[0].text == a.title}
    ranked = sorted(arts, key=_version_key)
    base = max(ranked, key=lambda a: a.words)  # the fullest version starts the collation
    col.order = [col.new_group(base.id, (i,)) for i in range(len(texts[base.id]))]
    rest = [a.id for a in ranked if a.id != base.id]
    col.done.append(base.id)
    for art_id in rest:
        col.add_version(art_id)
        col.done.append(art_id)
    return col, [base.id, *rest]


def _refine(col: Collation, semantic: bool) -> tuple[Link, ...]:
    """The story-wide correction of the groups (tui.core.align.refine), where it applies."""
    from tui.core.align import refine as rf

    if not rf.applies(col):
        return ()
    model, sem = rf.choose_model(semantic)
    shift = 1.5 * (col.tune.threshold - DEFAULT_THRESHOLD)  # --threshold moves it too
    if shift:
        model = dataclasses.replace(model, theta=min(0.98, max(0.02, model.theta + shift)))
    pairs = rf.refine(col, model, sem)
    order = {v: k for k, v in enumerate(col.texts)}
    links = []
    for x, y, p in pairs:
        a, b = (x, y) if (order[x[0]], x[1]) < (order[y[0]], y[1]) else (y, x)
        links.append(Link(SentenceRef(*a), SentenceRef(*b), round(p, 4)))
    return tuple(links)


def _replace(tune: Tuning, **changes: float) -> Tuning:
    values = {name: getattr(tune, name) for name in Tuning.__dataclass_fields__}
    values.update(changes)
    return Tuning(**values)


def _reading_order(col: Collation, ref: str, versions: list[str]) -> list[int]:
    """Groups in the reference's order; each other group (taken version by version, in
    processing order) right after the group of the sentence before it in that version.

    The order is a doubly linked list (None is both ends), so each placement is O(1)."""
    where: dict[tuple[str, int], int] = {}
    for g, slots in col.slots.items():
        for v, slot in slots.items():
            for i in slot:
                where[(v, i)] = g
    nxt: dict[int | None, int | None] = {None: None}
    prv: dict[int | None, int | None] = {None: None}

    def put_after(at: int | None, g: int) -> None:
        after = nxt[at]
        nxt[at], prv[g], nxt[g], prv[after] = g, at, after, g

    for g in dict.fromkeys(where[(ref, i)] for i in range(len(col.texts[ref]))):
        put_after(prv[None], g)
    placed = set(nxt) - {None}
    for v in versions:
        last: int | None = None
        pending: dict[int, None] = {}
        for i in range(len(col.texts[v])):
            g = where[(v, i)]
            if g in placed:
                for p in pending:
                    put_after(prv[g], p)
                placed.update(pending)
                pending = {}
                last = g
            elif last is None:
                pending[g] = None
            else:
                put_after(last, g)
                placed.add(g)
                last = g
        for p in pending:
            put_after(prv[None], p)
        placed.update(pending)
    order: list[int] = []
    cur = nxt[None]
    while cur is not None:
        order.append(cur)
        cur = nxt[cur]
    return order


def _finish(
    arts: tuple[Article, ...],
    ref: str,
    col: Collation,
    versions: list[str],
    related: tuple[Link, ...] = (),
) -> Alignment:
    from tui.core.align.moves import moved_parts

    rank = {a.id: k for k, a in enumerate(arts)}
    order = _reading_order(col, ref, versions)
    moved = moved_parts([col.slots[g] for g in order], [a.id for a in arts])
    groups: list[Group] = []
    for gid, moved_in in zip(order, moved, strict=True):
        slots = col.slots[gid]
        versions = sorted(slots, key=lambda v: rank[v])
        members = tuple(SentenceRef(v, i) for v in versions for i in slots[v])
        links = _group_links(col, slots, ref if ref in slots else versions[0], rank)
        kind = _kind(col, slots, links)
        groups.append(Group(len(groups), kind, members, links, moved_in))
    return Alignment(ref, arts, tuple(groups), _similarity(arts, col), related)


def _group_links(
    col: Collation, slots: dict[str, tuple[int, ...]], pivot: str, rank: dict[str, int]
) -> tuple[Link, ...]:
    from tui.core.align.similarity import pair_score

    if len(slots) < 2:
        return ()
    pivot_feats = [(i, col.feat(pivot, (i,))) for i in slots[pivot]]
    links: list[Link] = []
    for v in sorted(slots, key=lambda v: rank[v]):
        if v == pivot:
            continue
        for i in slots[v]:
            mine = col.feat(v, (i,))
            score, j = max((pair_score(mine, f, col.idf, col.tune), -j) for j, f in pivot_feats)
            p, q = SentenceRef(pivot, -j), SentenceRef(v, i)
            a, b = (p, q) if rank[pivot] < rank[v] else (q, p)
            links.append(Link(a, b, round(score, 4)))
    return tuple(links)


def _kind(col: Collation, slots: dict[str, tuple[int, ...]], links: tuple[Link, ...]) -> str:
    if len(slots) < 2:
        return "unique"
    if any(len(s) > 1 for s in slots.values()):
        return "partial"
    norms = {col.feat(v, s).norm for v, s in slots.items()}
    if len(norms) == 1:
        return "identical"
    weights = [col.feat(v, s).weight for v, s in slots.items()]
    if min(weights) < 0.5 * max(weights):
        return "partial"
    return "reworded"


def _similarity(arts: tuple[Article, ...], col: Collation) -> tuple[PairSimilarity, ...]:
    """The matrix: per pair, sentences and words matched in shared groups, mean slot score.

    The mean score of a pair is taken over at most `Tuning.similarity_sample` of their shared
    groups, evenly spread in reading order (all of them for stories of usual length).
    """
    from tui.core.align.similarity import pair_score

    words = {a.id: [len(s.text.split()) for s in a.sentences] for a in arts}
    at = {g: k for k, g in enumerate(col.order)}
    # version -> group -> (sentences, words) of its slot, for groups with 2+ versions
    share: dict[str, dict[int, tuple[int, int]]] = {a.id: {} for a in arts}
    for g in col.order:
        slots = col.slots[g]
        if len(slots) > 1:
            for v, slot in slots.items():
                share[v][g] = (len(slot), sum(words[v][i] for i in slot))
    cap = col.tune.similarity_sample
    out: list[PairSimilarity] = []
    for x, a in enumerate(arts):
        for b in arts[x + 1 :]:
            sa_, sb_ = share[a.id], share[b.id]
            both = sorted(sa_.keys() & sb_.keys(), key=at.__getitem__)
            na, nb = len(words[a.id]), len(words[b.id])
            ta, tb = sum(words[a.id]), sum(words[b.id])
            pick = both if len(both) <= cap else [both[k * len(both) // cap] for k in range(cap)]
            scores = [
                pair_score(
                    col.feat(a.id, col.slots[g][a.id]),
                    col.feat(b.id, col.slots[g][b.id]),
                    col.idf,
                    col.tune,
                )
                for g in pick
            ]
            out.append(
                PairSimilarity(
                    a.id,
                    b.id,
                    sum(sa_[g][0] for g in both) / na if na else 0.0,
                    sum(sb_[g][0] for g in both) / nb if nb else 0.0,
                    sum(sa_[g][1] for g in both) / ta if ta else 0.0,
                    sum(sb_[g][1] for g in both) / tb if tb else 0.0,
                    sum(scores) / len(scores) if scores else 0.0,
                )
            )
    return tuple(out)
