"""Provides junk_near(): the page junk the loader set aside around one passage of an article.

The Detail view lists it, dimmed, under the version's text, so a reviewer sees what was taken
out of the file there (a dateline, a credit, widget residue) and why.
"""

from __future__ import annotations

from collections.abc import Sequence

from tui.core.load.article import Article, Junk

JUNK_CHARS = 70
"""Longest junk text shown before it is cut."""


def junk_near(article: Article, slot: Sequence[int]) -> list[Junk]:
    """Junk between the sentence before the slot and the slot's last sentence.

    Junk after an article's last sentence goes with its last passage, so every piece of junk
    belongs to exactly one passage of its article.
    """
    if not slot or not article.junk:
        return []
    first, last = min(slot), max(slot)
    start = article.sentences[first - 1].end if first > 0 else 0
    end = article.sentences[last].end if last + 1 < len(article.sentences) else len(article.source)
    return [j for j in article.junk if start <= j.start < end]


def junk_line(junk: Junk) -> str:
    """ "set aside (dateline): “June 17, 2025”" for one piece of junk."""
    text = " ".join(junk.text.split())
    if len(text) > JUNK_CHARS:
        text = text[: JUNK_CHARS - 1] + "…"
    return f"set aside ({junk.reason or 'junk'}): “{text}”"
