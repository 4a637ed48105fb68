"""Provides story_claims(): one version asserting what another denies, across the whole story.

A contradiction needs the same predicate with opposite polarity, a shared subject (capitals
stand for their countries: "Moscow" is "Russia") and at least two shared words of what is
claimed. When the claimed things only overlap ("took part in combat" vs "massive military
assistance"), it is still reported, marked as a possible contradiction with both scopes shown.
Claims are extracted once per distinct sentence text, and compared once per distinct pair of
claims, so repeated sentences across many versions cost nothing more.
"""

from __future__ import annotations

from tui.core.compare.discrepancy import Draft
from tui.core.extract.claims import Claim, find_claims, may_assert
from tui.core.extract.descriptions import Description, find_descriptions
from tui.core.extract.fact import Fact, source_offsets
from tui.core.load.article import Article

MIN_SHARED = 2
"""Shared words of the claimed thing (besides the subject) for a contradiction."""

Where = tuple[Article, int]


def _shared(pos: Claim, neg: Claim) -> tuple[frozenset[str], frozenset[str]]:
    who = pos.subject & neg.subject
    if len(who) < min(len(pos.subject), len(neg.subject)):
        who = frozenset()  # "Entertainment Weekly" is not "Summit Entertainment"
    what = (pos.subject | pos.objects) & (neg.subject | neg.objects)
    return who, what - who


def _fact(article: Article, index: int, claim: Claim) -> Fact:
    sentence = article.sentences[index]
    offsets = source_offsets(article, sentence)
    start = offsets[claim.start]
    end = max(start, offsets[max(claim.end - 1, claim.start)] + 1)
    text = sentence.text[claim.start : claim.end]
    sign = "+" if claim.positive else "-"
    return Fact("claim", article.id, index, start, end, text, sign + claim.predicate)


def story_claims(articles: tuple[Article, ...], order: dict[str, int]) -> list[Draft]:
    """Contradictions between versions, one discrepancy per pair of opposed claims."""
    seen: dict[str, list[Where]] = {}
    for article in articles:
        for sentence in article.sentences:
            seen.setdefault(sentence.text, []).append((article, sentence.index))
    negatives: dict[str, list[tuple[str, Claim]]] = {}
    for text in seen:
        for c in find_claims(text):
            if not c.positive:
                negatives.setdefault(c.predicate, []).append((text, c))
    if not negatives:
        return []
    wanted = frozenset(negatives)
    drafts: list[Draft] = []
    for text, wheres in seen.items():
        if not may_assert(text, wanted):
            continue
        for pos in find_claims(text, wanted):
            if not pos.positive:
                continue
            for neg_text, neg in negatives.get(pos.predicate, []):
                who, what = _shared(pos, neg)
                if not who or len(what) < MIN_SHARED:
                    continue
                others = [w for w in seen[neg_text] if all(w[0].id != a.id for a, _ in wheres)]
                if not others:
                    continue  # one version qualifying itself is not two versions disagreeing
                drafts.append(_draft(text, pos, wheres, neg_text, neg, others, what, order))
    return drafts


def _draft(
    text: str,
    pos: Claim,
    wheres: list[Where],
    neg_text: str,
    neg: Claim,
    others: list[Where],
    what: frozenset[str],
    order: dict[str, int],
) -> Draft:
    said = text[pos.start : pos.end]
    denied = neg_text[neg.start : neg.end]
    facts = [_fact(a, i, pos) for a, i in _first_per_article(wheres)]
    facts += [_fact(a, i, neg) for a, i in _first_per_article(others)]
    facts.sort(key=lambda f: (order[f.article], f.sentence))
    names = ", ".join(f"{f.article} s{f.sentence}" for f in facts)
    scope = ""
    if len(what) * 2 < min(len(pos.objects), len(neg.objects)):
        scope = " (possible contradiction: the claims only overlap, their scopes differ)"
    summary = f"asserted vs denied ({names}): “{said}” vs “{denied}”{scope}"
    first = facts[0]
    return Draft(
        "contradiction",
        "conflict",
        summary,
        [(f, f.article) for f in facts],
        None,
        (order[first.article], first.sentence, -1),
    )


def _first_per_article(wheres: list[Where]) -> list[Where]:
    out: dict[str, Where] = {}
    for article, index in wheres:
        out.setdefault(article.id, (article, index))
    return list(out.values())


def story_descriptions(articles: tuple[Article, ...], order: dict[str, int]) -> list[Draft]:
    """One thing described in ways that cannot both hold, in different versions: destroyed vs
    partly collapsed, the only one vs the main one of several. One discrepancy per thing."""
    by_thing: dict[tuple[str, str], list[tuple[Article, int, Description]]] = {}
    memo: dict[str, list[Description]] = {}
    for article in articles:
        for sentence in article.sentences:
            found = memo.get(sentence.text)
            if found is None:
                found = memo[sentence.text] = find_descriptions(sentence.text)
            for d in found:
                by_thing.setdefault((d.kind, d.noun), []).append((article, sentence.index, d))
    drafts: list[Draft] = []
    for (kind, noun), members in by_thing.items():
        values: dict[str, set[str]] = {}
        for article, _, d in members:
            values.setdefault(d.value, set()).add(article.id)
        if len(values) < 2 or len(set().union(*values.values())) < 2:
            continue
        if all(len(set().union(*values.values())) == len(a) for a in values.values()):
            continue  # every version says both: nothing between versions
        firsts: dict[tuple[str, str], tuple[Article, int, Description]] = {}
        for m in members:
            firsts.setdefault((m[0].id, m[2].value), m)
        facts = sorted(
            (_described(a, i, d) for a, i, d in firsts.values()),
            key=lambda f: (order[f.article], f.sentence),
        )
        shown = " vs ".join(f"“{f.text}” ({f.article} s{f.sentence})" for f in facts)
        what = "how much of it was damaged" if kind == "extent" else "whether it is the only one"
        drafts.append(
            Draft(
                "contradiction",
                "conflict",
                f"the {noun}, {what}: {shown}",
                [(f, f.article) for f in facts],
                None,
                (order[facts[0].article], facts[0].sentence, -1),
            )
        )
    return drafts


def _described(article: Article, index: int, d: Description) -> Fact:
    sentence = article.sentences[index]
    offsets = source_offsets(article, sentence)
    start = offsets[d.start]
    end = max(start, offsets[max(d.end - 1, d.start)] + 1)
    return Fact("claim", article.id, index, start, end, sentence.text[d.start : d.end], d.value)
