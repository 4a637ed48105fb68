"""Provides story_quantities(): figures for the same measure compared across the whole story.

Every number extraction could key by what it measures (`Found.measures`: injured, killed,
population, magnitude by agency, money by currency, share of something somewhere, cables
damaged...) is bucketed by that key, whatever sentence or version states it, aligned or not.
Each figure is an interval: "at least four" is [4, inf), "about 50" is [40, 60], "up to 80"
is [64, 80] (a ceiling a report says was reached), "6.1" is [6.06, 6.14]. Two versions
conflict when their intervals for one measure cannot both hold. The cost is linear in the
number of figures: one dict of buckets, and per bucket one pass over its articles.
"""

from __future__ import annotations

import re

from tui.core.compare.discrepancy import Draft
from tui.core.extract.fact import Fact, Found
from tui.core.extract.quantities import sentence_scope
from tui.core.load.article import Article

CEILINGS = frozenset({"up to", "as many as", "as much as"})
"""Qualifiers read as "the figure reached": [0.8 n, n] rather than [0, n]."""

_DECIMALS = re.compile(r"(\d+)\.(\d+)")
_DIGITS = re.compile(r"\d[\d,]*")
_ANAPHORA = re.compile(r"\W*(?:It|They|This|That|These|Those|Its|Their)\b")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")

Member = tuple[Fact, Found, float, float]


def interval(fact: Fact, found: Found, rounded: bool = False) -> tuple[float, float]:
    """The values a stated figure allows, with rounding of its last decimal.

    Args:
        fact: the figure.
        found: its extraction (bounds and qualifier).
        rounded: read a round figure as rounded ("160 million" may be 161 million, a
            "population of 120,000" 118,000): amounts of money and figures from 10,000 up.
    """
    lo = found.lo if found.lo is not None else 0.0
    hi = found.hi if found.hi is not None else float("inf")
    if found.qualifier in CEILINGS and found.hi is not None:
        lo = 0.8 * found.hi
    m = _DECIMALS.search(fact.text)
    if m and found.lo:
        mantissa = float(m.group(0))
        if mantissa:
            tol = 0.4 * 10 ** -len(m.group(2)) * (found.lo / mantissa)
            lo, hi = lo - tol, hi + tol
    elif found.lo and (rounded or found.lo >= 10_000) and found.lo == int(found.lo):
        digits = _DIGITS.findall(fact.text)
        written = digits[0].replace(",", "") if digits else ""
        zeros = len(written) - len(written.rstrip("0")) if written.strip("0") else 0
        if zeros:
            tol = 0.5 * 10**zeros * (found.lo / int(written))
            lo, hi = lo - tol, hi + tol
    return lo, hi


def _label(measure: str) -> str:
    if measure.startswith("share:"):
        what, _, where = measure[6:].partition("@")
        return f"share of {what} in {where.title()}"
    if measure.startswith("magnitude@"):
        return f"magnitude according to the {measure[10:].title()}"
    if measure.startswith("money:"):
        return f"amount in {measure[6:].upper()}"
    if measure.startswith("count:"):
        return f"number of {measure[6:]}s"
    if ":" in measure:
        thing, _, what = measure.partition(":")
        return f"{thing}s {what}"
    return f"number {measure}"


def _main_weekdays(members: list[tuple[Fact, Found]]) -> set[str]:
    """The weekday(s) the story's own event is dated by: named by the most versions."""
    arts: dict[str, set[str]] = {}
    for fact, found in members:
        for mark in found.scope:
            if mark.startswith("weekday:"):
                arts.setdefault(mark, set()).add(fact.article)
    if not arts:
        return set()
    top = max(len(a) for a in arts.values())
    return {m for m, a in arts.items() if len(a) == top}


def _scope_key(marks_in: tuple[str, ...], main: set[str]) -> str:
    """The figure's time: "now" for the story's own event; "past:<years>" or "past:?"."""
    marks = [m for m in marks_in if m not in main]
    if not marks:
        return "now"
    years = sorted({y for m in marks for y in _YEAR.findall(m)})
    return "past:" + (",".join(years) if years else "?")


def _conflicting(members: list[Member]) -> tuple[Member, Member] | None:
    """Two members of different articles whose intervals cannot both hold (linear)."""
    best_lo: dict[str, Member] = {}
    best_hi: dict[str, Member] = {}
    for m in members:
        art = m[0].article
        if art not in best_lo or m[2] > best_lo[art][2]:
            best_lo[art] = m
        if art not in best_hi or m[3] < best_hi[art][3]:
            best_hi[art] = m
    tops = sorted(best_lo.values(), key=lambda m: -m[2])[:2]
    for low in best_hi.values():
        for top in tops:
            if top[0].article != low[0].article:
                if top[2] > low[3]:
                    return top, low
                break
    return None


def _money_clusters(members: list[Member]) -> list[list[Member]]:
    """Amounts of one currency split where they differ by more than half again: such
    sums are taken for different things (a haul and a record heist), not disagreeing reports."""
    ordered = sorted(members, key=lambda m: m[2])
    out: list[list[Member]] = []
    for m in ordered:
        if out and m[2] <= 1.5 * max(out[-1][-1][2], 1e-9):
            out[-1].append(m)
        else:
            out.append([m])
    return out


def _scopes(
    measured: list[tuple[Fact, Found]], articles: tuple[Article, ...]
) -> dict[int, tuple[str, ...]]:
    """Each figure's time markers; a sentence opening with a pronoun ("It killed 612 people")
    speaks of what the sentence before named, so it takes that sentence's markers too."""
    by_id = {a.id: a for a in articles}
    out: dict[int, tuple[str, ...]] = {}
    for fact, found in measured:
        marks = found.scope
        article = by_id.get(fact.article)
        if (
            article is not None
            and 0 < fact.sentence < len(article.sentences)
            and _ANAPHORA.match(article.sentences[fact.sentence].text)
        ):
            marks = marks + sentence_scope(article.sentences[fact.sentence - 1].text)
        out[id(found)] = marks
    return out


def story_quantities(
    per_sentence: dict[tuple[str, int], list[tuple[Fact, Found]]],
    order: dict[str, int],
    articles: tuple[Article, ...] = (),
) -> list[Draft]:
    """Conflicting figures for one measure anywhere in the story, one discrepancy per measure.

    A figure the sentence presents as an update ("rose to") makes the discrepancy a variant
    that says so, not a conflict; figures of another time ("In January", "in 2003") are only
    compared with figures of that time.
    """
    measured = [
        (fact, found)
        for xs in per_sentence.values()
        for fact, found in xs
        if fact.kind == "number" and found.measures
    ]
    main = _main_weekdays(measured)
    scopes = _scopes(measured, articles)
    buckets: dict[tuple[str, str], list[Member]] = {}
    for fact, found in measured:
        lo, hi = interval(fact, found, rounded=any(m.startswith("money:") for m in found.measures))
        scope = _scope_key(scopes[id(found)], main)
        for measure in found.measures:
            buckets.setdefault((measure, scope), []).append((fact, found, lo, hi))
    drafts: list[Draft] = []
    for (measure, scope), members in buckets.items():
        if len({m[0].article for m in members}) < 2:
            continue
        groups = [members]
        if measure.startswith("money:"):
            groups = _money_clusters(members)
        if scope.startswith("past:") and scope != "past:?":
            groups = [g + buckets.get((measure, "past:?"), []) for g in groups]
        for group in groups:
            pair = _conflicting(group)
            if pair is None:
                continue
            drafts.append(_draft(measure, scope, group, pair, order))
    return drafts


def _draft(
    measure: str,
    scope: str,
    members: list[Member],
    pair: tuple[Member, Member],
    order: dict[str, int],
) -> Draft:
    members = sorted(members, key=lambda m: (order[m[0].article], m[0].sentence, m[0].start))
    seen: set[tuple[str, str]] = set()
    variants: list[tuple[Fact | None, str]] = []
    for fact, _, _, _ in members:
        if (fact.article, fact.text) not in seen:
            seen.add((fact.article, fact.text))
            variants.append((fact, fact.article))
    shown = " vs ".join(
        f"“{t}” ({', '.join(dict.fromkeys(f.article for f, _, _, _ in members if f.text == t))})"
        for t in dict.fromkeys(f.text for f, _, _, _ in members)
    )
    when = "" if scope == "now" else " (of another time than the story's event)"
    summary = f"{_label(measure)}{when}: {shown}"
    severity = "conflict"
    if any(m[1].updated for m in pair):
        severity = "variant"
        summary += "; one version presents its figure as an update"
    first = members[0][0]
    return Draft(
        "number", severity, summary, variants, None, (order[first.article], first.sentence, -1)
    )
