"""Provides the loader's bound on sentence length, which keeps every later stage linear.

Some stages do work per sentence that grows with the square of its length (the facts
extractor looks at the words around every date and number; the word diff and the
similarity scores compare whole sentences). A real sentence is rarely over a few hundred
characters, but an input can hold a 200 KB "sentence" with no stop at all. `bound_spans()`
cuts any sentence longer than `MAX_SENTENCE_CHARS` into pieces at word boundaries, so the
work per piece is bounded and the total stays linear in the input.

The other bound is on the number of sentences. Every stage pays per sentence (a Sentence, its
features and facts, a group, a line in each report: about 50-100 µs in all), so a flood of
tiny sentences ("Ok. " 20,000 times is 80 KB) costs 25-30 s per MB where prose (100+
characters a sentence) costs under 1. `sentence_limit()` allows `FREE_SENTENCES` in any file
and, in a longer text, one per `CHARS_PER_SENTENCE` characters: real prose, even the short
sentences of easy-language German (~50 characters), stays far below it; the loader refuses a
file over it with `TooLargeInput` ("too large: over N sentences ..."), naming the file.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # segment is a parsing module: the app process never imports it
    from tui.core.load.segment import Span

MAX_SENTENCE_CHARS = 600
"""A sentence longer than this is cut into pieces of at most this many characters."""

FREE_SENTENCES = 1_000
"""Sentences any file may hold, however short they are."""

CHARS_PER_SENTENCE = 20
"""Beyond FREE_SENTENCES, a text may hold one sentence per this many characters."""

_LOOKBACK = 120
"""How far back from the limit a piece looks for a space to end at before cutting a word."""


def sentence_limit(chars: int) -> int:
    """The most sentences a text of this many characters may hold (see the module docstring)."""
    return max(FREE_SENTENCES, chars // CHARS_PER_SENTENCE)


def sentence_limit_problem(chars: int, limit: int) -> str:
    """The one-line problem of a text over its sentence limit."""
    return (
        f"too large: over {limit:,} sentences (the limit for {chars:,} characters: "
        f"{FREE_SENTENCES:,}, or one per {CHARS_PER_SENTENCE} characters)"
    )


def bound_spans(
    text: str, spans: Iterable[Span], limit: int = MAX_SENTENCE_CHARS
) -> Iterator[Span]:
    """The spans, with every one longer than limit cut into pieces at spaces.

    Args:
        text: the text the spans point into (offsets relative to its start).
        spans: sentence spans, trimmed of surrounding whitespace.
        limit: the longest piece, in characters.

    Yields:
        Spans of at most limit characters, trimmed, covering the same words in order.
    """
    for span in spans:
        start, end = span.start, span.end
        if end - start <= limit:
            yield span
            continue
        while start < end:
            while start < end and text[start].isspace():
                start += 1
            if start >= end:
                break
            cut = min(start + limit, end)
            if cut < end:
                space = text.rfind(" ", max(start + 1, cut - _LOOKBACK), cut + 1)
                cut = space if space > start else cut
            stop = cut
            while stop > start and text[stop - 1].isspace():
                stop -= 1
            yield type(span)(start, stop)
            start = cut
