"""Provides extract_facts(): every fact of every sentence of one article.

It runs the per-kind extractors sentence by sentence (memoised for repeated sentences) and
turns their findings into Fact values with offsets into the article's source text.
"""

from __future__ import annotations

import re
from functools import lru_cache

from tui.core.extract.attributions import find_attributions
from tui.core.extract.date_facts import find_date_facts
from tui.core.extract.fact import FACT_KINDS, Fact, Found, Taken, source_offsets
from tui.core.extract.names import assign_name_kinds, capitalised_inside, find_names
from tui.core.extract.numbers import find_numbers
from tui.core.extract.quantities import assign_measures
from tui.core.extract.quotes import find_quotes
from tui.core.load.article import Article, Sentence

_RE0 = re.compile(r"\b[a-z][\w’'-]*")
_RE1 = re.compile(r"\W*(\w+)")


_URL = re.compile(r"(?:https?://|www\.)\S+|\b[\w-]+\.(?:com|org|net|az|ru|ua|uk)\b\S*", re.I)


def _sentence_facts(
    text: str, article_date: str | None, inner_caps: set[str], lower: set[str]
) -> list[Found]:
    urls = [(m.start(), m.end()) for m in _URL.finditer(text)]
    in_url = Taken(urls)
    dates = [d for d in find_date_facts(text, article_date) if not in_url.covers(d.start)]
    taken = Taken([(d.start, d.end) for d in dates] + urls)
    numbers = find_numbers(text, taken)
    assign_measures(text, numbers)
    names = find_names(text, inner_caps, lower, taken)
    quotes = find_quotes(text, names)
    attributions = find_attributions(text, names, quotes)
    found = [*numbers, *dates, *names, *quotes, *attributions]
    found.sort(key=lambda f: (f.start, FACT_KINDS.index(f.kind)))
    return found


@lru_cache(maxsize=1 << 14)
def _lower_words(text: str) -> tuple[str, ...]:
    return tuple(_RE0.findall(text))


class Memo:
    """What one run has extracted, shared across the versions of a story (which repeat many
    sentences word for word): each sentence's findings, and each name's traits."""

    __slots__ = ("names", "sentences")

    def __init__(self) -> None:
        self.sentences: dict[tuple[str, str | None, bool, bool], list[Found]] = {}
        self.names: dict[int, tuple[bool, bool, frozenset[str], str, bool, bool]] = {}


def extract_found(article: Article, memo: Memo | None = None) -> list[tuple[Fact, Found]]:
    """The facts of an article with what comparison needs.

    Args:
        article: the article.
        memo: sentence results already computed in this run, shared across the versions of a
            story (which repeat many sentences word for word).
    """
    caps = capitalised_inside(article)
    lower = {w for s in article.sentences for w in _lower_words(s.text)}
    out: list[tuple[Fact, Found]] = []
    per_sentence: list[tuple[Sentence, list[Found]]] = []
    for sentence in article.sentences:
        first = _RE1.match(sentence.text)
        word = first.group(1) if first else ""
        key = (sentence.text, article.date, word in caps, word.casefold() in lower)
        found = memo.sentences.get(key) if memo is not None else None
        if found is None:
            found = _sentence_facts(sentence.text, article.date, caps, lower)
            if memo is not None:
                memo.sentences[key] = found
        per_sentence.append((sentence, found))  # shared with the memo: never changed
    kinds = assign_name_kinds(per_sentence, memo.names if memo is not None else None)
    for sentence, found in per_sentence:
        if not found:
            continue
        offsets = source_offsets(article, sentence)
        for f in found:
            start = offsets[f.start]
            end = max(start, offsets[max(f.end - 1, f.start)] + 1) if f.end > f.start else start
            out.append(
                (
                    Fact(
                        f.kind,
                        article.id,
                        sentence.index,
                        start,
                        end,
                        f.text,
                        f.value,
                        kinds.get(id(f), "") if f.kind == "name" else f.subject,
                        f.qualifier,
                        f.speaker,
                        f.resolved,
                        f.measure,
                    ),  # positional: the field order of Fact (keywords cost a tenth more)
                    f,
                )
            )
    return out


def extract_facts(article: Article) -> tuple[Fact, ...]:
    """Extract the facts of every sentence of an article.

    Args:
        article: the article (its date, when known, resolves relative dates).

    Returns:
        Numbers, dates, names, quotations and attributions, in sentence then text order, with
        offsets into `article.source`.
    """
    return tuple(f for f, _ in extract_found(article))
