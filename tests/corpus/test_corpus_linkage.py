"""The heap-based sparse average linkage and the sparse neighbour search, against references."""

from __future__ import annotations

import random

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform

from tui.core.corpus.features import pack
from tui.core.corpus.linkage import average_link, average_link_components
from tui.core.corpus.vectors import neighbours, tfidf


def _scipy_average(sims: np.ndarray, threshold: float) -> list[list[int]]:
    dist = np.clip(1 - sims, 0, None)
    np.fill_diagonal(dist, 0)
    labels = fcluster(linkage(squareform(dist), "average"), 1 - threshold, criterion="distance")
    groups: dict[int, list[int]] = {}
    for i, label in enumerate(labels):
        groups.setdefault(int(label), []).append(i)
    return sorted(groups.values())


def test_average_link_on_all_pairs_matches_scipy() -> None:
    rng = np.random.default_rng(3)
    for _ in range(20):
        centres = rng.random((4, 6))
        points = np.repeat(centres, 6, axis=0) + rng.normal(0, 0.15, (24, 6))
        unit = points / np.linalg.norm(points, axis=1, keepdims=True)
        sims = np.clip(unit @ unit.T, 0, 1)
        n = len(sims)
        edges = [(i, j, float(sims[i, j])) for i in range(n) for j in range(i + 1, n)]
        for threshold in (0.9, 0.97, 0.99):
            assert average_link(n, edges, threshold) == _scipy_average(sims, threshold)


def test_missing_pairs_count_as_zero() -> None:
    # 0-1 and 1-2 are similar, 0-2 unknown: {0,1} + {2} averages (0.9 + 0) / 2 < 0.8
    assert average_link(3, [(0, 1, 0.95), (1, 2, 0.9)], 0.8) == [[0, 1], [2]]
    assert average_link(3, [(0, 1, 0.95), (1, 2, 0.9), (0, 2, 0.85)], 0.8) == [[0, 1, 2]]


def test_neighbours_find_the_most_similar_rows() -> None:
    rng = random.Random(5)
    vocab = [f"w{i}" for i in range(400)]
    docs = [rng.sample(vocab, 30) for _ in range(60)]
    docs += [d[:25] + rng.sample(vocab, 5) for d in docs[:20]]  # 20 near-twins of docs 0-19
    matrix = tfidf([pack(d) for d in docs])
    i, j, s = neighbours(matrix, 3)
    dense = (matrix @ matrix.T).toarray()
    assert np.allclose(s, dense[i, j])  # scored with the full vectors
    found = set(zip(i.tolist(), j.tolist(), strict=True))
    assert all((k, 60 + k) in found for k in range(20))


def test_linkage_by_components_gives_the_same_clusters() -> None:
    rng = np.random.default_rng(11)
    largest = 0
    for _ in range(20):
        n = 60
        pairs = {(int(a), int(b)) for a, b in rng.integers(0, n, (500, 2)) if a < b}
        i = np.array([a for a, _ in sorted(pairs)], dtype=np.int64)
        j = np.array([b for _, b in sorted(pairs)], dtype=np.int64)
        s = rng.random(len(i))
        whole = average_link(n, zip(i.tolist(), j.tolist(), s.tolist(), strict=True), 0.6)
        assert average_link_components(n, i, j, s, 0.6) == whole
        largest = max(largest, *(len(c) for c in whole))
    assert largest > 2  # not only pairs: clusters of clusters were merged too
