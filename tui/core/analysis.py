"""Provides analyze(): alignment, word diffs and fact checks of a collection, in one value.

The app, the reports and the CLI all call this one function, so they always agree. The
alignment is computed at once; the word diffs (per slot) and the fact check (facts and
discrepancies together) are computed on first use and kept, so a command pays only for
what it prints. Pickling an Analysis computes every piece first, and `complete()` does the
same in place. `stages()` hands the pieces out one at a time, in the order the app shows them
(the alignment, the diffs of the pair on screen, the fact check, the other diffs), so the app
can show the first comparison before the rest is computed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import groupby
from typing import TYPE_CHECKING, Any, TypeVar, overload

from tui.core.align.aligner import Alignment, Group, align
from tui.core.compare.diff import Differ, Op
from tui.core.load.article import Article

if TYPE_CHECKING:  # the fact stage imports when the facts are first asked for (the app's
    # process then shows its first comparison without it, see tui.ui.preload)
    from tui.core.compare.discrepancy import Discrepancy
    from tui.core.extract.fact import Fact

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything the core knows about a collection of versions."""

    alignment: Alignment
    """Groups in reading order and the similarity matrix."""
    diffs: Mapping[tuple[int, str], tuple[Op, ...]]
    """(group id, article id) -> word diff of that article's slot against the reference slot.

    Only for groups where both the reference and the article are present, article != reference.
    """
    facts: Sequence[Fact]
    """Facts of every article, in collection then sentence order."""
    discrepancies: Sequence[Discrepancy]
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

    def complete(self) -> Analysis:
        """Compute every lazy piece now (in a worker, before the UI reads it); returns self."""
        for piece in (self.diffs, self.facts, self.discrepancies):
            if isinstance(piece, (LazyDiffs, LazySeq)):
                piece.compute_all()
        return self


class LazyDiffs(Mapping[tuple[int, str], tuple[Op, ...]]):
    """The word diffs of an alignment, each computed on first access and kept.

    Versions of one story repeat each other: the same edit of a sentence shows up in many
    rewrites, so diffs are memoised on the two texts and each distinct pair is diffed once
    (on the 20 x 300 bench story, 1,577 distinct pairs of 4,668 diffs).
    """

    __slots__ = ("_alignment", "_by_text", "_cache", "_differ", "_keys")

    def __init__(self, alignment: Alignment) -> None:
        self._alignment = alignment
        ref = alignment.reference
        self._keys: dict[tuple[int, str], Group] = {
            (g.id, art): g
            for g in alignment.groups
            if g.slot(ref)
            for art in g.articles
            if art != ref
        }
        self._cache: dict[tuple[int, str], tuple[Op, ...]] = {}
        self._by_text: dict[tuple[str, str], tuple[Op, ...]] = {}
        self._differ = Differ()  # each reference slot tokenised and scanned once

    def __getitem__(self, key: tuple[int, str]) -> tuple[Op, ...]:
        ops = self._cache.get(key)
        if ops is None:
            group = self._keys[key]  # KeyError for a key without a diff, as a dict
            alignment = self._alignment
            ref_text = slot_text(alignment.article(alignment.reference), group)
            texts = (ref_text, slot_text(alignment.article(key[1]), group))
            ops = self._by_text.get(texts)
            if ops is None:
                ops = self._by_text[texts] = self._differ.diff(*texts)
            self._cache[key] = ops
        return ops

    def __contains__(self, key: object) -> bool:
        return key in self._keys

    def __iter__(self) -> Iterator[tuple[int, str]]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    def compute_all(self) -> dict[tuple[int, str], tuple[Op, ...]]:
        """Every diff, as a plain dict in key order."""
        return {key: self[key] for key in self._keys}

    def __reduce__(self) -> tuple[Any, ...]:
        return (dict, (self.compute_all(),))


class LazySeq(Sequence[T]):
    """A tuple computed on first use (by a shared, once-only computation) and kept."""

    __slots__ = ("_compute", "_items")

    def __init__(self, compute: Callable[[], tuple[T, ...]]) -> None:
        self._compute: Callable[[], tuple[T, ...]] | None = compute
        self._items: tuple[T, ...] | None = None

    def compute_all(self) -> tuple[T, ...]:
        """The items, computed now if not yet."""
        if self._items is None:
            assert self._compute is not None
            self._items, self._compute = self._compute(), None
        return self._items

    @overload
    def __getitem__(self, index: int) -> T: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[T, ...]: ...
    def __getitem__(self, index: int | slice) -> T | tuple[T, ...]:
        return self.compute_all()[index]

    def __len__(self) -> int:
        return len(self.compute_all())

    def __iter__(self) -> Iterator[T]:
        return iter(self.compute_all())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, LazySeq):
            other = other.compute_all()
        return self.compute_all() == other

    def __hash__(self) -> int:
        return hash(self.compute_all())

    def __repr__(self) -> str:
        return repr(self.compute_all())

    def __reduce__(self) -> tuple[Any, ...]:
        return (tuple, (self.compute_all(),))


def slot_text(article: Article, group: Group) -> str:
    """The text of an article's slot in a group (its sentences joined by a space)."""
    return " ".join(article.sentences[i].text for i in group.slot(article.id))


def analyze(
    articles: Sequence[Article], reference: str | None = None, threshold: float | None = None
) -> Analysis:
    """Align the versions; word diffs against the reference and the fact check follow lazily.

    Args:
        articles: the versions, in collection order.
        reference: id of the reference version (default: the first).
        threshold: alignment threshold (default: the engine's).

    Returns:
        The Analysis (its diffs, facts and discrepancies computed on first use).
    """
    alignment = align(articles, reference=reference, threshold=threshold)
    checked: list[tuple[tuple[Fact, ...], tuple[Discrepancy, ...]]] = []

    def check() -> tuple[tuple[Fact, ...], tuple[Discrepancy, ...]]:
        if not checked:
            from tui.core.compare.check import check_facts

            checked.append(check_facts(alignment))  # one extraction serves both
        return checked[0]

    return Analysis(
        alignment,
        LazyDiffs(alignment),
        LazySeq(lambda: check()[0]),
        LazySeq(lambda: check()[1]),
    )


def analyze_all(
    articles: Sequence[Article], reference: str | None = None, threshold: float | None = None
) -> Analysis:
    """analyze() with every piece computed before it returns (for the app's workers)."""
    return analyze(articles, reference, threshold).complete()


STAGES = ("pair", "alignment", "diffs", "facts")
"""What stages() yields: (stage, payload) with payload an Alignment, a dict of some diffs (keys
as in Analysis.diffs), or the (facts, discrepancies) pair; analysis_stages() starts with "pair":
(the alignment of the reference and the first other version alone, its diffs)."""

DIFF_CHUNK = 2000
"""About how many diffs one "diffs" stage after the fact check holds (whole versions each)."""


def stages(analysis: Analysis, first: str | None = None) -> Iterator[tuple[str, object]]:
    """The pieces of an analysis, each computed when the previous one has been taken.

    Order: the alignment; the diffs of the reference against `first` (the pair the app shows
    first); the facts and discrepancies; then the other diffs, a few versions a chunk, in
    collection order. Together the "diffs" pieces hold every diff exactly once.

    Args:
        analysis: a lazy (see analyze()) or complete analysis.
        first: id of the version compared first (default: the first one not the reference).

    Yields:
        (stage, payload) pairs, stage one of STAGES.
    """
    yield "alignment", analysis.alignment
    order = {a.id: i for i, a in enumerate(analysis.articles)}
    keys = sorted(analysis.diffs, key=lambda k: (order[k[1]], k[0]))  # computes no diff
    by_article = {art: list(ks) for art, ks in groupby(keys, key=lambda k: k[1])}
    if first not in by_article:
        first = next(iter(by_article), None)
    diffs = analysis.diffs
    yield "diffs", {k: diffs[k] for k in by_article.pop(first, [])}
    yield "facts", (tuple(analysis.facts), tuple(analysis.discrepancies))
    chunk: dict[tuple[int, str], tuple[Op, ...]] = {}
    for ks in by_article.values():
        chunk.update((k, diffs[k]) for k in ks)
        if len(chunk) >= DIFF_CHUNK:
            yield "diffs", chunk
            chunk = {}
    if chunk:
        yield "diffs", chunk


PAIR_FIRST_SENTENCES = 2000
"""From this many sentences in all versions, analysis_stages() aligns the first pair alone first
(below it, all versions align about as fast, and the rows would change under the reader)."""


def analysis_stages(
    articles: Sequence[Article],
    reference: str | None = None,
    threshold: float | None = None,
    first: str | None = None,
    pair_first: bool | None = None,
) -> Iterator[tuple[str, object]]:
    """analyze() piece by piece: on a big story, the reference and `first` aligned alone come
    first (a fraction of the time of all versions), then stages() of the analysis.

    Args:
        articles: the versions, in collection order.
        reference: id of the reference version (default: the first).
        threshold: alignment threshold (default: the engine's).
        first: id of the version compared first (default: the first one not the reference).
        pair_first: align the pair alone first (None: from PAIR_FIRST_SENTENCES sentences on,
            with three versions or more).

    Yields:
        ("pair", (Alignment of the two, their diffs)) when the pair comes first, then what
        stages() yields.
    """
    if pair_first is None:
        pair_first = sum(len(a.sentences) for a in articles) >= PAIR_FIRST_SENTENCES
    ids = [a.id for a in articles]
    ref = reference if reference is not None else (ids[0] if ids else None)
    if first is None or first == ref or first not in ids:
        first = next((i for i in ids if i != ref), None)
    if pair_first and len(ids) > 2 and ref in ids and first is not None:
        pair = align([a for a in articles if a.id in (ref, first)], ref, threshold)
        yield "pair", (pair, LazyDiffs(pair).compute_all())
    yield from stages(analyze(articles, reference, threshold), first)
