"""Provides Discrepancy and Variant, and the helpers the discrepancy rules share: drafts, fact
pairs across versions, overlap tests and descriptions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import TypeVar

from tui.core.extract.dates import overlaps
from tui.core.extract.fact import Fact, Found, lemma
from tui.core.extract.normalize import (
    fold_style,
)

DISCREPANCY_KINDS = ("number", "date", "name", "quote", "attribution", "hedge", "contradiction")
"""Kinds of discrepancies."""


SEVERITIES = ("conflict", "missing", "variant")
"""Severities, most serious first."""


@dataclass(frozen=True, slots=True)
class Variant:
    """How one version states (or drops) a fact."""

    article: str
    """Article id."""
    sentence: int | None
    """Sentence index (None when the version drops it)."""
    start: int | None
    """Offset in the source, or None."""
    end: int | None
    """Offset just past it, or None."""
    text: str
    """The words as written ("" when missing)."""
    value: str
    """Normalised value ("" when missing)."""


@dataclass(frozen=True, slots=True)
class Discrepancy:
    """A fact the versions disagree on."""

    id: str
    """Stable id ("d1", "d2"...)."""
    kind: str
    """One of DISCREPANCY_KINDS."""
    severity: str
    """One of SEVERITIES."""
    summary: str
    """One line for a human ("5,000 vs 6,000 military builders")."""
    variants: tuple[Variant, ...]
    """Every version's take, in collection order."""
    group: int | None = None
    """The alignment group it was found in, when within one."""


@dataclass(slots=True)
class Draft:
    kind: str
    severity: str
    summary: str
    variants: list[tuple[Fact | None, str]]
    group: int | None
    order: tuple[int, int, int]


def to_variant(fact: Fact | None, article: str) -> Variant:
    if fact is None:
        return Variant(article, None, None, None, "", "")
    return Variant(fact.article, fact.sentence, fact.start, fact.end, fact.text, fact.value)


def num_overlap(a: Found, b: Found) -> bool:
    alo, ahi = a.lo or 0.0, a.hi
    blo, bhi = b.lo or 0.0, b.hi
    return (ahi is None or blo <= ahi) and (bhi is None or alo <= bhi)


def date_overlap(a: Found, b: Found) -> bool | None:
    if a.when is None or b.when is None:
        return None
    return overlaps(a.when, b.when)


def same_subject(a: Found, b: Found) -> bool:
    ha = [lemma(w) for w in a.subject.split()]
    hb = [lemma(w) for w in b.subject.split()]
    return bool(ha and hb and ha[-1] == hb[-1])


def surface_of(f: Fact) -> str:
    return fold_style(f.text).casefold()


def describe(facts: Iterable[Fact]) -> str:
    seen: dict[str, None] = {}
    for f in facts:
        seen.setdefault(f.text, None)
    return " vs ".join(f"“{t}”" for t in seen)


Slots = dict[str, list[tuple[Fact, Found]]]


def _pairs(slots: Slots, kind: str) -> list[tuple[str, str]]:
    arts = [a for a in slots if any(f.kind == kind for f, _ in slots[a])]
    return [(a, b) for i, a in enumerate(arts) for b in arts[i + 1 :]]


def same_findings(
    xs: list[tuple[Fact, Found]], pairs_itself: Callable[[Found], bool]
) -> tuple[int, ...] | None:
    """The identity of a version's findings, to skip comparing a sentence with its own copy.

    Versions that repeat a sentence share its Found objects (the extraction memo). Two lists
    of the same Found objects in the same order, each of which `pairs_itself`, match one to
    one in match_facts() and leave nothing over: a rule can skip that pair. None when some
    finding does not pair with itself (the pair is then compared in full).
    """
    if not all(pairs_itself(f) for _, f in xs):
        return None
    return tuple(id(f) for _, f in xs)


_M = TypeVar("_M")


def version_pairs(
    found: Mapping[str, list[tuple[Fact, Found]]],
    pairs_itself: Callable[[Found], bool],
    match: Callable[[list[tuple[Fact, Found]], list[tuple[Fact, Found]]], _M],
    *,
    both: bool,
) -> Iterator[tuple[str, str, _M]]:
    """Each pair of versions (in order) whose findings of one kind need comparing, with their
    match: a pair where one side (both=True) or both sides (both=False) found nothing is
    skipped, and so is one sentence repeated word for word (same_findings); the same two
    sentences in other versions are matched once (the match is memoised by their findings)."""
    arts = list(found)
    same = {a: same_findings(found[a], pairs_itself) for a in arts}
    ids_of = {a: tuple(id(x[1]) for x in found[a]) for a in arts}
    memo: dict[tuple[tuple[int, ...], tuple[int, ...]], _M] = {}
    for i, a in enumerate(arts):
        for b in arts[i + 1 :]:
            xs, ys = found[a], found[b]
            if (not xs or not ys) if both else (not xs and not ys):
                continue
            if same[a] is not None and same[a] == same[b]:
                continue  # every finding pairs with itself: nothing to report
            ids = (ids_of[a], ids_of[b])
            matched = memo.get(ids)
            if matched is None:
                matched = memo[ids] = match(xs, ys)
            yield a, b, matched


def match_facts(
    xs: list[tuple[Fact, Found]],
    ys: list[tuple[Fact, Found]],
    same: Callable[[Found, Found], bool],
) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """Greedy one-to-one matching of two fact lists by a compatibility predicate."""
    free = list(range(len(ys)))  # the unused ys, in order: each x takes the first that fits
    pairs: list[tuple[int, int]] = []
    left_x: list[int] = []
    for i, (_, fx) in enumerate(xs):
        for k, j in enumerate(free):
            if same(fx, ys[j][1]):
                del free[k]
                pairs.append((i, j))
                break
        else:
            left_x.append(i)
    return pairs, left_x, free
