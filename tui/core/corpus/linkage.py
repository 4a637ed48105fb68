"""Provides average_link(): average linkage over a sparse similarity graph, with a heap.

Pairs not in the graph count as similarity 0 (they lower an average, never raise it). Each
merge costs the merged cluster's neighbour count plus heap pushes, so a corpus of n articles
with k candidates each costs about O(n k log(n k)), not the O(clusters²) of a naive scan.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable


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
