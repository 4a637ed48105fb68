"""Provides the per-article features the clustering needs: words, names, figures, MinHash.

Computed where the article is loaded (a Dask worker), so only these small values travel.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tui.core.load.article import Article

_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]+")
_NAME = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*")
_FIGURE = re.compile(r"\b\d[\d,.]*\b")
_COMMON_CAPS = frozenset(
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


@dataclass(frozen=True, slots=True)
class Features:
    """What the clustering reads of one article."""

    key: str
    """The record key (input path or JSON Lines id)."""
    text: str
    """Title and body words, lower-cased, space-joined (the TF-IDF input)."""
    names: str
    """Capitalised names and figures, one token each (`Name_Name`), space-joined."""
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


def features_of(article: Article) -> Features:
    """The Features of one loaded article."""
    from datasketch import MinHash  # lazy: only corpus runs need it

    body = " ".join(s.text for s in article.sentences)
    words = [w.lower() for w in _WORD.findall(body)]
    shingles = {" ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    mh = MinHash(num_perm=PERMUTATIONS, scheme="affine32")
    mh.update_batch([s.encode("utf-8") for s in shingles])
    full = f"{article.title}. {body}"
    names = [
        m.replace(" ", "_")
        for m in _NAME.findall(full)
        if m.split()[0] not in _COMMON_CAPS or " " in m
    ]
    figures = [f"#{f.rstrip('.,')}" for f in _FIGURE.findall(full)]
    return Features(
        key=article.id,
        text=" ".join(w.lower() for w in _WORD.findall(full)),
        names=" ".join(names + figures),
        date=article.date,
        outlet=article.outlet,
        title=article.title,
        sentences=len(article.sentences),
        minhash=tuple(int(v) for v in mh.hashvalues),
    )
