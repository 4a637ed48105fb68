"""Provides find_discrepancies() and check_facts(): the facts of every version, and where the
versions disagree.

A value is only a `conflict` when two statements cannot both be true once wording,
formatting, transliteration and relative dates are accounted for. The rules run per aligned
group (numbers, dates, quotes, hedges, attributions), then across the story.
"""

from __future__ import annotations

from tui.core.align.aligner import Alignment, Group
from tui.core.compare.attributions import group_attributions
from tui.core.compare.claims import story_claims, story_descriptions
from tui.core.compare.dates import group_dates
from tui.core.compare.discrepancy import SEVERITIES, Discrepancy, Draft, to_variant
from tui.core.compare.hedges import group_hedges
from tui.core.compare.numbers import group_numbers
from tui.core.compare.quantities import story_quantities
from tui.core.compare.quotes import group_quotes
from tui.core.compare.story import story_events, story_names, story_numbers
from tui.core.extract.fact import Fact, Found
from tui.core.extract.facts import Memo, extract_found


def find_discrepancies(alignment: Alignment) -> tuple[Discrepancy, ...]:
    """Compare facts across versions.

    Within each group: numbers and dates stated for the same thing (conflict when they cannot
    both hold, variant when the same value is worded differently, missing when a version names
    the counted thing without its number), quotations worded differently, hedges present in
    one version only, and attributions to different sources. Across the story: one-off events
    (signed, founded, began...) dated differently, and names spelled differently.

    Args:
        alignment: the aligned versions.

    Returns:
        Discrepancies, conflicts first, then missing, then variants; ids "d1", "d2"... follow
        that order.
    """
    return check_facts(alignment)[1]


class _SameGroup:
    """The sentence pairs a group rule has compared: both in one group of several versions
    (a dict of sentence -> group, instead of every pair of members: linear in the versions)."""

    __slots__ = ("group_of",)

    def __init__(self) -> None:
        self.group_of: dict[tuple[str, int], int] = {}

    def __contains__(self, pair: object) -> bool:
        if not isinstance(pair, tuple) or len(pair) != 2:
            return False
        g = self.group_of.get(pair[0])
        return g is not None and g == self.group_of.get(pair[1])


def _slot_of(group: Group) -> dict[str, tuple[int, ...]]:
    """group.slot() of every article present, in group.articles order, from one pass."""
    out: dict[str, list[int]] = {}
    for m in group.members:
        out.setdefault(m.article, []).append(m.sentence)
    return {art: tuple(xs) for art, xs in out.items()}


def _drop_covered(drafts: list[Draft], story: list[Draft]) -> list[Draft]:
    """The drafts plus the story-wide figure drafts, without number conflicts those cover."""
    covered = {id(f) for d in story for f, _ in d.variants if f is not None}
    kept = [
        d
        for d in drafts
        if not (
            d.kind == "number"
            and d.severity == "conflict"
            and all(f is None or id(f) in covered for f, _ in d.variants)
        )
    ]
    return kept + story


def check_facts(alignment: Alignment) -> tuple[tuple[Fact, ...], tuple[Discrepancy, ...]]:
    """The facts of every version and the discrepancies between them, from one extraction.

    Returns:
        (facts in collection then sentence order, as extract_facts() gives them per article;
        discrepancies as find_discrepancies() gives them).
    """
    order = {a.id: n for n, a in enumerate(alignment.articles)}
    articles = {a.id: a for a in alignment.articles}
    facts: list[Fact] = []
    per_sentence: dict[tuple[str, int], list[tuple[Fact, Found]]] = {}
    memo = Memo()
    for article in alignment.articles:
        for fact, found in extract_found(article, memo):
            facts.append(fact)
            per_sentence.setdefault((article.id, fact.sentence), []).append((fact, found))
    numbers: dict[str, list[Found]] = {a.id: [] for a in alignment.articles}
    for (art, _), xs in per_sentence.items():
        numbers[art].extend(x for f, x in xs if f.kind == "number")
    drafts: list[Draft] = []
    compared = _SameGroup()
    for group in alignment.groups:
        if len(group.articles) < 2:
            continue
        where = _slot_of(group)  # group.slot() per article is a scan of every member
        slots = {
            art: [x for i in where[art] for x in per_sentence.get((art, i), ())] for art in where
        }
        texts = {
            art: " ".join(articles[art].sentences[i].text for i in where[art]) for art in where
        }
        first = min(group.members, key=lambda m: (order[m.article], m.sentence))
        pos = (order[first.article], first.sentence, group.id)
        drafts.extend(group_numbers(group.id, slots, texts, pos, numbers))
        drafts.extend(group_dates(group.id, slots, pos))
        quoted = group_quotes(group.id, slots, pos)
        drafts.extend(quoted)
        drafts.extend(group_hedges(articles, group.id, where, pos))
        if not any(d.kind == "attribution" for d in quoted):  # said once is enough
            drafts.extend(group_attributions(group.id, slots, pos))
        for m in group.members:
            compared.group_of[(m.article, m.sentence)] = group.id
    drafts.extend(story_events(per_sentence, compared, order))
    drafts.extend(story_numbers(per_sentence, compared, order))
    drafts = _drop_covered(drafts, story_quantities(per_sentence, order, alignment.articles))
    drafts.extend(story_names(per_sentence, order))
    drafts.extend(story_claims(alignment.articles, order))
    drafts.extend(story_descriptions(alignment.articles, order))
    rank = {s: n for n, s in enumerate(SEVERITIES)}
    drafts.sort(key=lambda d: (rank[d.severity], d.order))
    out: list[Discrepancy] = []
    for n, d in enumerate(drafts, 1):
        variants = sorted(
            (to_variant(f, art) for f, art in d.variants),
            key=lambda v: (order[v.article], v.sentence if v.sentence is not None else -1),
        )
        out.append(Discrepancy(f"d{n}", d.kind, d.severity, d.summary, tuple(variants), d.group))
    return tuple(facts), tuple(out)
