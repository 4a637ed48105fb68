"""Provides Fact, one thing a sentence states, and Found, the working form extraction fills in.

Also the offsets that map a sentence back into its article's source text and the tokenizer
the extractors share.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from tui.core.extract.dates import DateMention
from tui.core.extract.lexicon import SYNONYMS
from tui.core.load.article import Article, Sentence

_RE0 = re.compile(r"'s$")


FACT_KINDS = ("number", "date", "name", "quote", "attribution")
"""Kinds of extracted facts."""


@dataclass(frozen=True, slots=True)
class Fact:
    """One fact stated in one sentence."""

    kind: str
    """One of FACT_KINDS."""
    article: str
    """Article id."""
    sentence: int
    """Sentence index."""
    start: int
    """Offset in the article's decoded source text."""
    end: int
    """Offset just past it."""
    text: str
    """The words as written."""
    value: str
    """Normalised value used for comparison ("1000", "2024-06-17", "sergei shoigu")."""
    subject: str = ""
    """What it is about: the counted noun of a number ("sappers"), the event a date dates
    ("signed: partnership treaty"), the source of an attribution; for a name, a guess at its
    kind: "person", "place", "organisation" or "" when unsure."""
    qualifier: str = ""
    """For numbers: "more than", "at least", "nearly"... ("" when exact)."""
    speaker: str = ""
    """For quotes: who is quoted, when the sentence says so (a name, not a pronoun)."""
    resolved: bool = True
    """For dates: False when a relative date had no article date to resolve against."""
    measure: str = ""
    """For numbers: what the number measures, compared across the whole story ("injured",
    "population", "magnitude@geological survey", "share:traffic@india"; "" when unknown)."""


TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[^\W_]+(?:['’\-][^\W_]+)*|[^\w\s]", re.UNICODE)


def source_offsets(article: Article, sentence: Sentence) -> list[int]:
    """Map every character of `sentence.text` (and its end) to an offset in `article.source`.

    The sentence text may differ from `source[start:end]`: whitespace collapsed, markup or
    junk removed. Characters are matched in order; whitespace matches any whitespace run and
    source characters that are not in the text are skipped.

    Args:
        article: the article.
        sentence: one of its sentences.

    Returns:
        len(sentence.text) + 1 offsets, non-decreasing, within [sentence.start, sentence.end].
    """
    text, src = sentence.text, article.source
    lo, hi = sentence.start, min(sentence.end, len(src))
    if src[lo:hi] == text:
        return list(range(lo, lo + len(text) + 1))
    out: list[int] = []
    j = lo
    for i, ch in enumerate(text):
        if j < hi and src[j] == ch:
            out.append(j)
            j += 1
            continue
        if ch.isspace():
            out.append(j)
            while j < hi and src[j].isspace():
                j += 1
            continue
        probe = text[i : i + 6]
        found = src.find(probe, j, hi)
        if found < 0:
            found = src.find(ch, j, hi)
        if found < 0:
            out.append(j)
            continue
        out.append(found)
        j = found + 1
    out.append(max(j, out[-1] + 1 if out else lo) if j <= hi else hi)
    return out


@dataclass(slots=True)
class Found:
    """A fact found in a sentence, with what comparison needs (offsets in the sentence text)."""

    kind: str
    start: int
    end: int
    text: str
    value: str
    subject: str = ""
    qualifier: str = ""
    speaker: str = ""
    resolved: bool = True
    lo: float | None = None
    hi: float | None = None
    when: DateMention | None = None
    event: str = ""
    verb: str = ""
    around: frozenset[str] = field(default_factory=frozenset)
    context: frozenset[str] = field(default_factory=frozenset)
    measure: str = ""
    measures: tuple[str, ...] = ()
    scope: tuple[str, ...] = ()
    updated: bool = False


class Taken:
    """Spans already claimed in a sentence (dates, URLs), for overlap tests in O(log n)."""

    __slots__ = ("ends", "starts")

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for s, e in sorted(spans):
            if merged and s <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], e)
            else:
                merged.append([s, e])
        self.starts = [s for s, _ in merged]
        self.ends = [e for _, e in merged]

    def overlaps(self, start: int, end: int) -> bool:
        """Whether [start, end) overlaps a taken span."""
        i = bisect_right(self.starts, end - 1) - 1
        return i >= 0 and self.ends[i] > start

    def covers(self, pos: int) -> bool:
        """Whether pos lies inside a taken span."""
        return self.overlaps(pos, pos + 1)


WINDOW = 400
"""Characters either side of a fact that its context is read from (keeps long sentences linear)."""


def words_with_spans(text: str) -> list[tuple[str, int, int]]:
    return [(m.group(0), m.start(), m.end()) for m in TOKEN.finditer(text)]


@lru_cache(maxsize=1 << 16)
def lemma(word: str) -> str:
    w = word.casefold().replace("’", "'")
    w = _RE0.sub("", w)
    if w in SYNONYMS:
        return SYNONYMS[w]
    if len(w) > 4 and w.endswith("ies"):
        w = w[:-3] + "y"
    elif len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
        w = w[:-1]
    return SYNONYMS.get(w, SYNONYMS.get(w + "s", w))
