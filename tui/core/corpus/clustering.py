"""Provides cluster(): near-duplicates collapsed by MinHash LSH, stories by TF-IDF + names.

Near-duplicates (MinHash Jaccard >= DUPLICATE) are merged first and kept with a count. Stories
are then found among the remaining articles: candidate neighbours from a nearest-neighbour index
over TF-IDF word vectors, a score that mixes word cosine with the cosine of named entities and
figures (what tells two earthquakes apart), a date window where both dates are known, and
average linkage over the candidate graph. A story has at least two articles.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from tui.core.corpus.features import PERMUTATIONS, Features

DUPLICATE = 0.8
"""MinHash Jaccard at or above which two articles are near-copies."""
THRESHOLD = 0.18
"""Average-link score at or above which two clusters are one story (tuned on news-dev)."""
NAME_WEIGHT = 0.5
"""Share of the score from named entities and figures (the rest from words)."""
NEIGHBOURS = 30
"""Candidate neighbours per article."""
DATE_WINDOW = 10
"""Days: two articles with known dates further apart than this are different stories."""


@dataclass(frozen=True, slots=True)
class Clustering:
    """Stories and near-duplicates of a corpus."""

    stories: tuple[tuple[str, ...], ...]
    """Each story's article keys (two or more), largest story first."""
    duplicates: dict[str, tuple[str, ...]]
    """Kept article key -> keys of its near-copies folded into it."""


def cluster(
    features: Sequence[Features], *, threshold: float = THRESHOLD, name_weight: float = NAME_WEIGHT
) -> Clustering:
    """Group articles into stories.

    Args:
        features: one per article.
        threshold: average-link score to merge two clusters.
        name_weight: share of the score from names and figures.

    Returns:
        The Clustering (singletons are left out of the stories).
    """
    kept, duplicates = _collapse(features)
    groups = _stories(kept, threshold, name_weight)
    stories = []
    for group in groups:
        keys = [k for f in group for k in (f.key, *duplicates.get(f.key, ()))]
        if len(keys) >= 2:
            stories.append(tuple(sorted(keys)))
    stories.sort(key=lambda s: (-len(s), s))
    return Clustering(tuple(stories), duplicates)


def _collapse(features: Sequence[Features]) -> tuple[list[Features], dict[str, tuple[str, ...]]]:
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=DUPLICATE, num_perm=PERMUTATIONS)
    kept: list[Features] = []
    dups: dict[str, list[str]] = {}
    for f in features:
        mh = MinHash(num_perm=PERMUTATIONS, hashvalues=list(f.minhash), scheme="affine32")
        hits = lsh.query(mh)
        if hits:
            dups.setdefault(min(hits), []).append(f.key)
            continue
        lsh.insert(f.key, mh)
        kept.append(f)
    return kept, {k: tuple(v) for k, v in dups.items()}


def _days(date: str | None) -> int | None:
    if not date or len(date) < 10:
        return None
    from datetime import date as _date

    try:
        return _date.fromisoformat(date[:10]).toordinal()
    except ValueError:
        return None


def _stories(
    kept: Sequence[Features], threshold: float, name_weight: float
) -> list[list[Features]]:
    if len(kept) < 2:
        return [[f] for f in kept]
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.neighbors import NearestNeighbors

    words = TfidfVectorizer(sublinear_tf=True, stop_words="english", min_df=1, max_df=0.5)
    wv = words.fit_transform([f.text for f in kept])
    names = TfidfVectorizer(sublinear_tf=True, token_pattern=r"\S+", lowercase=False)
    nv = names.fit_transform([f.names or "_" for f in kept])
    k = min(NEIGHBOURS, len(kept))
    index = NearestNeighbors(n_neighbors=k, metric="cosine").fit(wv)
    _, near = index.kneighbors(wv)
    days = [_days(f.date) for f in kept]
    score: dict[tuple[int, int], float] = {}
    for i, row in enumerate(near):
        for j in row:
            j = int(j)
            if i == j or (min(i, j), max(i, j)) in score:
                continue
            if days[i] is not None and days[j] is not None and abs(days[i] - days[j]) > DATE_WINDOW:  # type: ignore[operator]
                continue
            w = float(wv[i].multiply(wv[j]).sum())
            n = float(nv[i].multiply(nv[j]).sum())
            score[(min(i, j), max(i, j))] = (1 - name_weight) * w + name_weight * n
    return [[kept[i] for i in members] for members in _average_link(len(kept), score, threshold)]


def _average_link(n: int, score: dict[tuple[int, int], float], threshold: float) -> list[list[int]]:
    """Average linkage over a sparse score graph (missing pairs score 0)."""
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    total: dict[int, dict[int, float]] = {i: {} for i in range(n)}
    for (i, j), s in score.items():
        total[i][j] = s
        total[j][i] = s
    while True:
        best, pair = threshold, None
        for a, row in total.items():
            for b, s in row.items():
                if a < b:
                    avg = s / (len(members[a]) * len(members[b]))
                    if avg >= best:
                        best, pair = avg, (a, b)
        if pair is None:
            break
        a, b = pair
        members[a].extend(members.pop(b))
        row_b = total.pop(b)
        for c, s in row_b.items():
            if c == a:
                continue
            total[c].pop(b, None)
            total[a][c] = total[a].get(c, 0.0) + s
            total[c][a] = total[a][c]
        total[a].pop(b, None)
    return [sorted(m) for m in members.values()]
