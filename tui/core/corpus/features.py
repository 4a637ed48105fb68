"""Provides the per-article features the clustering needs: words, names, figures, MinHash.

Computed where the article is loaded (a Dask worker), so only these small values travel.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from tui.core.load.article import Article

_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]+")
_NAME = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*")
_FIGURE = re.compile(r"\b\d[\d,.]*\b")
COMMON_CAPS = frozenset(
    [
        "The",
        "A",
        "An",
        "In",
        "On",
        "At",
        "It",
        "He",
        "She",
        "They",
        "We",
        "I",
        "But",
        "And",
        "Or",
        "If",
        "As",
        "By",
        "For",
        "To",
        "Of",
        "This",
        "That",
        "These",
        "Those",
        "His",
        "Her",
        "Their",
        "Its",
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "According",
        "After",
        "Before",
        "When",
        "While",
        "There",
        "Here",
    ]
)
SHINGLE = 5
"""Words per shingle for near-duplicate MinHash."""
PERMUTATIONS = 64
"""MinHash permutations."""


WORDS = 200
"""Most frequent content words kept per article (bounds what travels to the driver)."""
_YEAR = re.compile(r"\b(?:19[5-9]\d|20[0-4]\d)\b")


@dataclass(frozen=True, slots=True)
class Features:
    """What the clustering reads of one article: small counts, never the text itself."""

    key: str
    """The record key (input path or JSON Lines id)."""
    words: tuple[tuple[str, int], ...]
    """Content words of title and body (lower-cased, no stop words) with their counts."""
    names: tuple[tuple[str, int], ...]
    """Capitalised names (`Name_Name`), figures (`#12`) and years (`Y2008`) with counts."""
    date: str | None
    """ISO date when known."""
    outlet: str
    """Publisher."""
    title: str
    """Headline."""
    sentences: int
    """Body sentences."""
    minhash: tuple[int, ...]
    """MinHash signature of the word shingles (PERMUTATIONS values)."""


def _counts(tokens: list[str], limit: int) -> tuple[tuple[str, int], ...]:
    return tuple(sorted(Counter(tokens).most_common(limit)))


def features_of(article: Article) -> Features:
    """The Features of one loaded article."""
    from datasketch import MinHash  # lazy: only corpus runs need it
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    body = " ".join(s.text for s in article.sentences)
    words = [w.lower() for w in _WORD.findall(body)]
    shingles = {" ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    mh = MinHash(num_perm=PERMUTATIONS, scheme="affine32")
    mh.update_batch([s.encode("utf-8") for s in shingles])
    full = f"{article.title}. {body}"
    names = [
        m.replace(" ", "_")
        for m in _NAME.findall(full)
        if m.split()[0] not in COMMON_CAPS or " " in m
    ]
    figures = [f"#{f.rstrip('.,')}" for f in _FIGURE.findall(full)]
    years = {f"Y{y}" for y in _YEAR.findall(full)}
    if article.date:
        years.add(f"Y{article.date[:4]}")
    content = [w for w in (w.lower() for w in _WORD.findall(full)) if w not in ENGLISH_STOP_WORDS]
    return Features(
        key=article.id,
        words=_counts(content, WORDS),
        names=_counts(names + figures + sorted(years), WORDS),
        date=article.date,
        outlet=article.outlet,
        title=article.title,
        sentences=len(article.sentences),
        minhash=tuple(int(v) for v in mh.hashvalues),
    )
