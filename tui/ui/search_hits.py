"""Provides version_hits() and hits_line(): a search's hits in every version, not only the two
on screen, for the search bar ("in every version: A 000 4 · B 001 3 · 002 0 · 004 5": the
number of sentences with a hit)."""

from __future__ import annotations

from collections.abc import Sequence

from tui.core.load.article import Article
from tui.ui.render import search_pattern


def version_hits(articles: Sequence[Article], term: str) -> tuple[tuple[str, int], ...]:
    """Per version (in order), how many of its sentences contain the term (as the compare
    view matches it: literal, any case); () for an empty term."""
    pattern = search_pattern(term)
    if pattern is None:
        return ()
    return tuple((a.id, sum(1 for s in a.sentences if pattern.search(s.text))) for a in articles)


def hits_line(hits: Sequence[tuple[str, int]], pair: tuple[str, str]) -> str:
    """The hits by version, the two on screen as A and B and first; "" for no term."""
    if not hits:
        return ""

    def label(article: str) -> str:
        if article == pair[0]:
            return f"A {article}"
        return f"B {article}" if article == pair[1] else article

    ordered = sorted(hits, key=lambda h: (h[0] != pair[0], h[0] != pair[1]))
    parts = [f"{label(a)} {n}" for a, n in ordered]
    elsewhere = sum(n for a, n in hits if a not in pair)
    none_here = not any(n for a, n in hits if a in pair)
    tail = " · ] next version" if elsewhere and none_here else ""
    return "in every version: " + " · ".join(parts) + tail
