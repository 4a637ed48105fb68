"""Provides group_hedges(): a hedge ("reportedly", "allegedly") present in some versions of a
sentence and absent from others.
"""

from __future__ import annotations

import re
from functools import lru_cache

from tui.core.compare.discrepancy import Draft
from tui.core.extract.fact import Fact, source_offsets
from tui.core.extract.lexicon import HEDGE_WORDS, STOP
from tui.core.extract.normalize import (
    quote_spans,
)
from tui.core.load.article import Article

_RE0 = re.compile(r"[A-Za-z]+")
_RE1 = re.compile(r"[^\W\d_]+")


HEDGING_VERBS = frozenset({"claimed", "claims", "claim", "alleged", "alleges", "allege"})
"""Speech verbs that report without vouching ("claims" vs "said"); "claims" only as a verb."""

_CLAIMER = re.compile(r"(?:\b(?:he|she|they|it|who)|[A-Z][\w’'-]+|officials|media)\s+$")


@lru_cache(maxsize=1 << 14)
def _hedges_in(text: str) -> tuple[tuple[str, int, int], ...]:
    spans = quote_spans(text)
    out = []
    for m in _RE0.finditer(text):
        word = m.group(0)
        if word != word.lower() and (m.start() > 0 or word == "May"):
            continue  # "May" the month; a capital mid-sentence is a name
        lw = word.casefold()
        hedge = lw in HEDGE_WORDS or (
            lw in HEDGING_VERBS and _CLAIMER.search(text, max(0, m.start() - 40), m.start())
        )
        if hedge and not any(s <= m.start() < e for s, e in spans):
            out.append((m.group(0), m.start(), m.end()))
    return tuple(out)


def _claim_after(text: str, end: int) -> str:
    """The stem of the word a hedge qualifies ("reportedly sent arms" -> "sent")."""
    words: list[str] = _RE1.findall(text[end:])
    for w in words[:4]:
        if w.casefold() not in STOP and w.casefold() not in HEDGE_WORDS:
            return w.casefold()[:5]
    return ""


def group_hedges(
    articles: dict[str, Article],
    gid: int,
    where: dict[str, tuple[int, ...]],
    pos: tuple[int, int, int],
) -> list[Draft]:
    """Hedges in one group; `where` holds each present article's sentence indices."""
    arts = list(where)
    found: dict[str, list[Fact]] = {}
    claims: set[str] = set()
    for art_id in arts:
        article = articles[art_id]
        facts: list[Fact] = []
        for i in where[art_id]:
            sentence = article.sentences[i]
            hedges = _hedges_in(sentence.text)
            if not hedges:
                continue
            offsets = source_offsets(article, sentence)
            for word, s, e in hedges:
                facts.append(
                    Fact("hedge", art_id, i, offsets[s], offsets[e - 1] + 1, word, word.casefold())
                )
                claim = _claim_after(sentence.text, e)
                if claim:
                    claims.add(claim)
        found[art_id] = facts
    hedged = [a for a in arts if found[a]]
    if not hedged or not claims:
        return []
    # a version states the claim flatly only if it makes the claim at all ("sent", "arrived")
    patterns = [re.compile(rf"\b{re.escape(c)}") for c in claims]
    flat = []
    for a in arts:
        if not found[a]:
            text = " ".join(articles[a].sentences[i].text for i in where[a]).casefold()
            if any(p.search(text) for p in patterns):
                flat.append(a)
    if not hedged or not flat:
        return []
    words = sorted({f.value for a in hedged for f in found[a]})
    variants: list[tuple[Fact | None, str]] = [(f, a) for a in hedged for f in found[a][:1]]
    variants += [(None, a) for a in flat]
    return [
        Draft(
            "hedge",
            "variant",
            f"hedged ({', '.join(words)}) in {', '.join(hedged)}; "
            f"stated flatly in {', '.join(flat)}: more certain in {', '.join(flat)}",
            variants,
            gid,
            pos,
        )
    ]
