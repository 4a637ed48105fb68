"""Provides the loader's bound on sentence length, which keeps every later stage linear.

Some stages do work per sentence that grows with the square of its length (the facts
extractor looks at the words around every date and number; the word diff and the
similarity scores compare whole sentences). A real sentence is rarely over a few hundred
characters, but an input can hold a 200 KB "sentence" with no stop at all. `bound_spans()`
cuts any sentence longer than `MAX_SENTENCE_CHARS` into pieces at word boundaries, so the
work per piece is bounded and the total stays linear in the input.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # segment is a parsing module: the app process never imports it
    from tui.core.load.segment import Span

MAX_SENTENCE_CHARS = 600
"""A sentence longer than this is cut into pieces of at most this many characters."""

_LOOKBACK = 120
"""How far back from the limit a piece looks for a space to end at before cutting a word."""


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
