"""Provides the per-article features the clustering needs: words, names, figures, MinHash.

Computed where the article is loaded (a Dask worker), so only these small values travel.
"""

from __future__ import annotations

import functools
import re
import zlib
from collections import Counter
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

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
HASH_BITS = 20
"""Terms are hashed to this many bits (stable across processes: crc32)."""
_COUNT_BITS = 16
_YEAR = re.compile(r"\b(?:19[5-9]\d|20[0-4]\d)\b")

Packed = NDArray[np.int64]
"""Hashed terms with counts, one int64 each: `hash << 16 | count`, sorted."""


@dataclass(frozen=True, slots=True, eq=False)
class Features:
    """What the clustering reads of one article: hashed counts (a few KB), never the text."""

    key: str
    """The record key (input path or JSON Lines id)."""
    words: Packed
    """Content words of title and body (lower-cased, no stop words)."""
    names: Packed
    """Capitalised names (`Name_Name`), figures (`#12`) and years (`Y2008`)."""
    parts: Packed
    """The single words of the names (no figures, years or common capitals)."""
    date: str | None
    """ISO date when known."""
    outlet: str
    """Publisher."""
    title: str
    """Headline."""
    sentences: int
    """Body sentences."""
    minhash: NDArray[np.uint32]
    """MinHash signature of the word shingles (PERMUTATIONS values)."""


def pack(tokens: list[str], limit: int = WORDS) -> Packed:
    """The `limit` most frequent tokens, hashed, with their counts (see Packed)."""
    mask = (1 << HASH_BITS) - 1
    counts: Counter[int] = Counter(zlib.crc32(t.encode("utf-8")) & mask for t in tokens)
    top = counts.most_common(limit)
    packed = [(h << _COUNT_BITS) | min(c, (1 << _COUNT_BITS) - 1) for h, c in top]
    return np.array(sorted(packed), dtype=np.int64)


def unpack(packed: Packed) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
    """(term hashes, counts) of a Packed array."""
    return packed >> _COUNT_BITS, packed & ((1 << _COUNT_BITS) - 1)


def _crc32(data: bytes) -> int:
    return zlib.crc32(data)


@functools.cache
def permutations() -> object:
    """The MinHash permutations, drawn once per process (seed 1, as datasketch's default)."""
    from datasketch import MinHash

    return MinHash(num_perm=PERMUTATIONS, scheme="affine32").permutations


def features_of(article: Article) -> Features:
    """The Features of one loaded article."""
    from datasketch import MinHash  # lazy: only corpus runs need it
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    body = " ".join(s.text for s in article.sentences)
    words = [w.lower() for w in _WORD.findall(body)]
    shingles = {" ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    mh = MinHash(
        num_perm=PERMUTATIONS, hashfunc=_crc32, permutations=permutations(), scheme="affine32"
    )
    mh.update_batch([s.encode("utf-8") for s in shingles])
    full = f"{article.title}. {body}"
    found = _NAME.findall(full)
    names = [m.replace(" ", "_") for m in found if m.split()[0] not in COMMON_CAPS or " " in m]
    parts = [w for m in found for w in m.split() if w not in COMMON_CAPS]
    figures = [f"#{f.rstrip('.,')}" for f in _FIGURE.findall(full)]
    years = {f"Y{y}" for y in _YEAR.findall(full)}
    if article.date:
        years.add(f"Y{article.date[:4]}")
    content = [w for w in (w.lower() for w in _WORD.findall(full)) if w not in ENGLISH_STOP_WORDS]
    return Features(
        key=article.id,
        words=pack(content),
        names=pack(names + figures + sorted(years)),
        parts=pack(parts),
        date=article.date,
        outlet=article.outlet,
        title=article.title,
        sentences=len(article.sentences),
        minhash=np.asarray(mh.hashvalues, dtype=np.uint32),
    )
