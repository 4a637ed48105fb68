"""Provides average_link(): average linkage over a sparse similarity graph, with a heap.

Pairs not in the graph count as similarity 0 (they lower an average, never raise it). Each
merge costs the merged cluster's neighbour count plus heap pushes, so a corpus of n articles
with k candidates each costs about O(n k log(n k)), not the O(clusters²) of a naive scan.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable

import numpy as np
from numpy.typing import NDArray


def average_link(
    n: int, edges: Iterable[tuple[int, int, float]], threshold: float
) -> list[list[int]]:
    """Clusters (lists of node indices, sorted) of average-link similarity >= threshold.

    Args:
        n: number of nodes.
        edges: (i, j, similarity), each unordered pair at most once.
        threshold: two clusters merge while their average similarity is at least this.

    Returns:
        Every node in exactly one cluster, clusters ordered by their smallest node.
    """
    rows: list[dict[int, float]] = [{} for _ in range(n)]
    heap: list[tuple[float, int, int]] = []
    for i, j, s in edges:
        if i == j:
            continue
        rows[i][j] = s
        rows[j][i] = s
        if s >= threshold:
            heap.append((-s, min(i, j), max(i, j)))
    heapq.heapify(heap)
    size = [1] * n
    members: list[list[int]] = [[i] for i in range(n)]
    while heap:
        neg, a, b = heapq.heappop(heap)
        total = rows[a].get(b)
        if total is None or -neg != total / (size[a] * size[b]):
            continue  # a stale entry: one side merged since it was pushed
        if len(rows[a]) < len(rows[b]):
            a, b = b, a
        row_a, row_b = rows[a], rows[b]
        rows[b] = {}
        del row_a[b], row_b[a]
        for c, s in row_b.items():
            row_c = rows[c]
            del row_c[b]
            row_a[c] = row_c[a] = row_a.get(c, 0.0) + s
        size[a] += size[b]
        members[a].extend(members[b])
        members[b] = []
        for c, s in row_a.items():
            avg = s / (size[a] * size[c])
            if avg >= threshold:
                heapq.heappush(heap, (-avg, min(a, c), max(a, c)))
    return sorted((sorted(m) for m in members if m), key=lambda m: m[0])


def average_link_components(
    n: int, i: NDArray[np.int64], j: NDArray[np.int64], s: NDArray[np.float64], threshold: float
) -> list[list[int]]:
    """average_link() one connected component of the edges >= threshold at a time.

    The same clusters (two clusters can only merge when some edge between them reaches the
    threshold, since their average does), with only one component's edges in Python at once.
    """
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    strong = s >= threshold
    graph = coo_matrix((np.ones(int(strong.sum())), (i[strong], j[strong])), shape=(n, n))
    _, label = connected_components(graph, directed=False)
    inside = label[i] == label[j]
    i, j, s = i[inside], j[inside], s[inside]
    order = np.argsort(label[i], kind="stable")
    i, j, s = i[order], j[order], s[order]
    starts = np.searchsorted(label[i], np.arange(label.max() + 2))
    members = np.argsort(label, kind="stable")
    bounds = np.searchsorted(label[members], np.arange(label.max() + 2))
    clusters: list[list[int]] = []
    for c in range(label.max() + 1):
        nodes = members[bounds[c] : bounds[c + 1]]
        if len(nodes) == 1:
            clusters.append([int(nodes[0])])
            continue
        local = {int(x): k for k, x in enumerate(nodes)}
        lo, hi = starts[c], starts[c + 1]
        edges = (
            (local[a], local[b], v)
            for a, b, v in zip(i[lo:hi].tolist(), j[lo:hi].tolist(), s[lo:hi].tolist(), strict=True)
        )
        for group in average_link(len(nodes), edges, threshold):
            clusters.append(sorted(int(nodes[k]) for k in group))
    return sorted(clusters, key=lambda m: m[0])
