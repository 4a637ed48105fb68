"""Provides Anchor, the helpers that make anchors, and resolve(): re-anchoring after edits.

An anchor pins a note to a span of an article's decoded source text (`Article.source`): the
quoted text, 32 characters of context on each side, the offsets, and the file's hash. When the
file changes, `resolve()` finds the span again, in this order:

1. the offsets, when the text there is still the quote (and the file is unchanged, or the
   context still agrees);
2. the exact quote elsewhere: the occurrence whose context agrees best, then the one closest to
   the old offset; a short quote (under `SHORT_QUOTE` characters) is only accepted when both
   sides of its context agree (a wrong anchor is worse than an orphan);
3. a fuzzy match over the article's sentences (one to three in a row, or a part of one),
   scored on quote (0.7), context (0.2) and position (0.1), accepted only above
   `MIN_QUOTE_SIMILARITY` and `MIN_SCORE`, never for quotes under `MIN_FUZZY_QUOTE`
   characters, and for quotes under `LONG_QUOTE` only where the context agrees;
4. otherwise the anchor is orphaned: the caller keeps it and shows its quote.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from tui.core.errors import UsageError

if TYPE_CHECKING:  # types only: anchors load without the loader and the aligner
    from tui.core.align.aligner import Group
    from tui.core.load.article import Article

CONTEXT = 32
"""Characters of context kept on each side of the quote."""

MIN_QUOTE_SIMILARITY = 0.72
"""A fuzzy candidate's text must be at least this similar to the quote (0..1)."""

MIN_SCORE = 0.7
"""A fuzzy candidate's combined score (quote, context, position) must reach this."""

MIN_CONTEXT_FOR_SHORT = 0.5
"""A short quote found elsewhere is accepted only when both sides of its context agree at least
this much (a long one: the mean of the two sides)."""

SHORT_QUOTE = 24
"""Quotes shorter than this (in characters) count as short: they need their context."""

MIN_FUZZY_QUOTE = 16
"""Quotes shorter than this are never matched fuzzily."""

LONG_QUOTE = 60
"""A fuzzy candidate for a quote shorter than this must also have agreeing context."""

MIN_CONTEXT_FOR_FUZZY = 0.6
"""The context agreement (0..1, mean of the two sides) a short fuzzy candidate needs."""

STATUSES = ("anchored", "moved", "orphaned", "absent")
"""Resolution statuses: at its place; found elsewhere or changed; not found; article not loaded."""


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where a note is attached in one article."""

    article: str
    """Article id."""
    file_sha256: str
    """Hash of the article file's bytes when the anchor was made."""
    exact: str
    """The quoted text, as in the source."""
    prefix: str
    """Up to CONTEXT characters of source text before the quote."""
    suffix: str
    """Up to CONTEXT characters of source text after the quote."""
    start: int
    """Offset of the quote in the decoded source text (`Article.source`)."""
    end: int
    """Offset just past the quote."""

    def to_dict(self) -> dict[str, Any]:
        """The sidecar object (keys in the documented order)."""
        return {
            "article": self.article,
            "file_sha256": self.file_sha256,
            "exact": self.exact,
            "prefix": self.prefix,
            "suffix": self.suffix,
            "start": self.start,
            "end": self.end,
        }

    @classmethod
    def from_dict(cls, data: Any) -> Anchor:
        """Read a sidecar anchor object.

        Raises:
            ValueError: a key is missing or has the wrong type.
        """
        if not isinstance(data, dict):
            raise ValueError("an anchor is not an object")
        strings = ("article", "file_sha256", "exact", "prefix", "suffix")
        for key in strings:
            if not isinstance(data.get(key), str):
                raise ValueError(f"anchor key '{key}' is missing or not a string")
        for key in ("start", "end"):
            value = data.get(key)
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                raise ValueError(f"anchor key '{key}' is missing or not an offset")
        return cls(
            article=data["article"],
            file_sha256=data["file_sha256"],
            exact=data["exact"],
            prefix=data["prefix"],
            suffix=data["suffix"],
            start=data["start"],
            end=data["end"],
        )


@dataclass(frozen=True, slots=True)
class Resolution:
    """Where an anchor is in the current text of its article."""

    status: str
    """One of STATUSES."""
    start: int
    """Offset of the span found (-1 when orphaned or absent)."""
    end: int
    """Offset just past it (-1 when orphaned or absent)."""
    score: float
    """Confidence in [0, 1] (1 for an exact match at the old place, 0 when not found)."""
    method: str = ""
    """How it was found: "offsets", "exact", "fuzzy", or "" when not found."""

    @property
    def found(self) -> bool:
        """True when the anchor points somewhere in the current text."""
        return self.status in ("anchored", "moved")


ORPHANED = Resolution("orphaned", -1, -1, 0.0)
"""The resolution of an anchor that could not be found."""

ABSENT = Resolution("absent", -1, -1, 0.0)
"""The resolution of an anchor whose article is not loaded."""


def make_anchor(article: Article, start: int, end: int) -> Anchor:
    """An anchor on a span of the article's source text.

    Args:
        article: the article.
        start: offset of the first character in `article.source`.
        end: offset just past the last one.

    Raises:
        UsageError: the span is empty or outside the text.
    """
    if not 0 <= start < end <= len(article.source):
        raise UsageError(article.id, f"no text at offsets {start}..{end}")
    source = article.source
    return Anchor(
        article=article.id,
        file_sha256=article.sha256,
        exact=source[start:end],
        prefix=source[max(0, start - CONTEXT) : start],
        suffix=source[end : end + CONTEXT],
        start=start,
        end=end,
    )


def _sentence(article: Article, index: int) -> tuple[int, int]:
    if not 0 <= index < len(article.sentences):
        count = len(article.sentences)
        raise UsageError(article.id, f"no sentence {index} (it has {count}, numbered from 0)")
    s = article.sentences[index]
    return s.start, s.end


def anchor_sentence(article: Article, index: int) -> Anchor:
    """An anchor on one sentence of one version.

    Args:
        article: the article.
        index: the sentence index (`Sentence.index`, from 0).

    Raises:
        UsageError: there is no such sentence.
    """
    return make_anchor(article, *_sentence(article, index))


def anchor_sentences(article: Article, indices: Iterable[int]) -> Anchor:
    """An anchor spanning several sentences of one version (first start to last end)."""
    spans = [_sentence(article, i) for i in indices]
    if not spans:
        raise UsageError(article.id, "no sentence to anchor")
    return make_anchor(article, min(s for s, _ in spans), max(e for _, e in spans))


def anchor_group(articles: Iterable[Article], group: Group) -> tuple[Anchor, ...]:
    """Anchors for an alignment group: one per version that has the group.

    Args:
        articles: the loaded versions (e.g. `Alignment.articles`).
        group: the group (its members name article ids and sentence indices).

    Returns:
        One anchor per article present in the group, in the group's member order; a split or
        merged slot (several sentences) gets one anchor spanning them.
    """
    by_id = {a.id: a for a in articles}
    anchors: list[Anchor] = []
    for article_id in group.articles:
        if article_id in by_id:
            anchors.append(anchor_sentences(by_id[article_id], group.slot(article_id)))
    return tuple(anchors)


def _flexible(text: str) -> re.Pattern[str]:
    return re.compile(r"\s+".join(re.escape(word) for word in text.split()))


def anchor_selection(article: Article, index: int, start: int, end: int) -> Anchor:
    """An anchor on a text selection within one sentence.

    Args:
        article: the article.
        index: the sentence index.
        start: offset of the selection in the sentence as displayed (`Sentence.text`).
        end: offset just past it.

    Returns:
        The anchor on the matching source span (whitespace differences are bridged; when the
        selection cannot be found in the source, the closest span by fuzzy match).

    Raises:
        UsageError: no such sentence, or the selection is empty or outside the sentence.
    """
    s_start, s_end = _sentence(article, index)
    shown = article.sentences[index].text
    if not 0 <= start < end <= len(shown) or not shown[start:end].strip():
        raise UsageError(article.id, f"no text at {start}..{end} in sentence {index}")
    raw = article.source[s_start:s_end]
    selected = shown[start:end].strip()
    lead = len(shown[start:end]) - len(shown[start:end].lstrip())
    hits = [m for m in _flexible(selected).finditer(raw)]
    if hits:
        # Same words in order: the occurrence at the same place among its repeats.
        before = len(_flexible(selected).findall(shown[: start + lead]))
        hit = hits[min(before, len(hits) - 1)]
        return make_anchor(article, s_start + hit.start(), s_start + hit.end())
    from rapidfuzz import fuzz  # here: reading notes (no fuzzy match) needs no rapidfuzz

    found = fuzz.partial_ratio_alignment(selected, raw)
    if found is not None and found.score >= 60 and found.dest_end > found.dest_start:
        return make_anchor(article, s_start + found.dest_start, s_start + found.dest_end)
    return make_anchor(article, s_start, s_end)


def anchor_quote(article: Article, indices: Iterable[int], quote: str) -> Anchor | None:
    """An anchor on the first occurrence of a quoted phrase within some sentences.

    The phrase is looked for in each sentence as displayed, first as typed, then ignoring case;
    runs of whitespace match any whitespace.

    Args:
        article: the article.
        indices: the sentences to look in (e.g. a group's slot), in reading order.
        quote: the words to anchor on.

    Returns:
        The anchor on those words in the source, or None when no sentence contains them.

    Raises:
        UsageError: the quote is blank, or an index names no sentence.
    """
    words = quote.split()
    if not words:
        raise UsageError(article.id, "the quote is empty")
    indices = list(indices)
    for index in indices:
        _sentence(article, index)
    pattern = r"\s+".join(re.escape(word) for word in words)
    for flags in (0, re.IGNORECASE):
        for index in indices:
            hit = re.search(pattern, article.sentences[index].text, flags)
            if hit:
                return anchor_selection(article, index, hit.start(), hit.end())
    return None


def _similar(a: str, b: str) -> float:
    from rapidfuzz import fuzz

    if not a and not b:
        return 1.0
    return fuzz.ratio(a, b) / 100.0


def _side(saved: str, now: str, *, before: bool) -> float:
    if not saved:
        # The quote was at an edge of the text: nothing to compare if text was added there.
        return 1.0 if not now else 0.5
    n = min(len(saved), len(now)) or len(saved)  # context is cut short at a text's edge
    return _similar(saved[-n:], now[-n:]) if before else _similar(saved[:n], now[:n])


def _sides(anchor: Anchor, source: str, start: int, end: int) -> tuple[float, float]:
    prefix = source[max(0, start - CONTEXT) : start]
    suffix = source[end : end + CONTEXT]
    return _side(anchor.prefix, prefix, before=True), _side(anchor.suffix, suffix, before=False)


def _context(anchor: Anchor, source: str, start: int, end: int) -> float:
    pre, suf = _sides(anchor, source, start, end)
    return (pre + suf) / 2


def _agrees(anchor: Anchor, source: str, start: int, end: int) -> bool:
    """Whether the context at a place where the quote stands is the anchor's context.

    A long quote needs the two sides to agree on average; a short one on both sides (one
    unchanged neighbour is not enough: a deleted sentence's neighbours are still there).
    """
    pre, suf = _sides(anchor, source, start, end)
    if len(anchor.exact.strip()) >= SHORT_QUOTE:
        return (pre + suf) / 2 >= MIN_CONTEXT_FOR_SHORT
    return min(pre, suf) >= MIN_CONTEXT_FOR_SHORT


def _position(anchor: Anchor, source: str, start: int) -> float:
    return 1.0 - min(1.0, abs(start - anchor.start) / max(len(source), 1))


def _score(quote: float, context: float, position: float) -> float:
    return 0.7 * quote + 0.2 * context + 0.1 * position


def _status(anchor: Anchor, start: int, end: int) -> str:
    return "anchored" if (start, end) == (anchor.start, anchor.end) else "moved"


def _exact(anchor: Anchor, article: Article) -> Resolution | None:
    source, quote = article.source, anchor.exact
    best: tuple[float, float, int] | None = None
    pos = source.find(quote)
    while pos >= 0:
        context = _context(anchor, source, pos, pos + len(quote))
        key = (round(context, 3), -abs(pos - anchor.start), pos)
        if best is None or key[:2] > best[:2]:
            best = (key[0], key[1], pos)
        pos = source.find(quote, pos + 1)
    if best is None:
        return None
    context, _, start = best
    end = start + len(quote)
    if len(quote.strip()) < SHORT_QUOTE and not _agrees(anchor, source, start, end):
        return None
    score = _score(1.0, context, _position(anchor, source, start))
    return Resolution(_status(anchor, start, end), start, end, round(score, 3), "exact")


def _spans(article: Article, length: int) -> Iterable[tuple[int, int]]:
    sentences = article.sentences
    for i, first in enumerate(sentences):
        for last in sentences[i : i + 3]:
            yield first.start, last.end
            if last.end - first.start > 1.5 * length:
                break


def _fuzzy(anchor: Anchor, article: Article) -> Resolution | None:
    from rapidfuzz import fuzz

    source, quote = article.source, anchor.exact
    if len(quote.strip()) < MIN_FUZZY_QUOTE:
        return None
    best: Resolution | None = None
    for span_start, span_end in _spans(article, len(quote)):
        text = source[span_start:span_end]
        if len(quote) < 0.6 * len(text):
            part = fuzz.partial_ratio_alignment(quote, text)
            if part is None or part.dest_end <= part.dest_start:
                continue
            start, end = span_start + part.dest_start, span_start + part.dest_end
            similarity = _similar(quote, source[start:end])
        else:
            start, end = span_start, span_end
            similarity = _similar(quote, text)
        if similarity < MIN_QUOTE_SIMILARITY:
            continue
        context = _context(anchor, source, start, end)
        if len(quote) < LONG_QUOTE and context < MIN_CONTEXT_FOR_FUZZY:
            continue  # a changed part of a sentence is only trusted where its context is
        score = _score(similarity, context, _position(anchor, source, start))
        if score >= MIN_SCORE and (best is None or score > best.score):
            best = Resolution("moved", start, end, round(score, 3), "fuzzy")
    return best


def resolve(anchor: Anchor, article: Article) -> Resolution:
    """Find an anchor in the current text of its article (a pure function).

    Args:
        anchor: the anchor as saved.
        article: the article as loaded now (same id).

    Returns:
        The Resolution: "anchored" (same offsets, same text), "moved" (found elsewhere, or the
        text changed a little), or "orphaned" (not found: keep the note, show its quote).
    """
    source = article.source
    in_place = 0 <= anchor.start < anchor.end <= len(source) and (
        source[anchor.start : anchor.end] == anchor.exact
    )
    if in_place and (
        anchor.file_sha256 == article.sha256 or _agrees(anchor, source, anchor.start, anchor.end)
    ):
        return Resolution("anchored", anchor.start, anchor.end, 1.0, "offsets")
    found = _exact(anchor, article) or _fuzzy(anchor, article)
    return found if found is not None else ORPHANED


def sentences_in(article: Article, start: int, end: int) -> tuple[int, ...]:
    """Indices of the article's sentences that overlap a source span (a resolved anchor)."""
    return tuple(s.index for s in article.sentences if s.start < end and start < s.end)
