"""Provides moved_parts(): which versions tell a shared passage out of the story's order.

Groups are read in the reference's order. In another version the shared passages usually come
in the same order; a passage that version tells much earlier or later (a quote moved to the
top, a background paragraph moved to the end) is a move. Per version, the longest run of its
shared groups that keeps the reading order is its backbone (a longest increasing
subsequence); a shared group off the backbone whose rank differs from its rank in the reading
order by at least `MIN_SHIFT` is moved in that version. Small local swaps (two neighbouring
sentences told the other way round) are not reported: they are rewording, not restructuring.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping, Sequence

MIN_SHIFT = 2
"""A group is moved in a version when it sits at least this many shared groups away."""


def longest_increasing(seq: Sequence[int]) -> set[int]:
    """Indices into seq of one longest strictly increasing subsequence (patience sorting)."""
    tails: list[int] = []
    tail_at: list[int] = []
    prev = [-1] * len(seq)
    for k, x in enumerate(seq):
        j = bisect.bisect_left(tails, x)
        if j == len(tails):
            tails.append(x)
            tail_at.append(k)
        else:
            tails[j] = x
            tail_at[j] = k
        prev[k] = tail_at[j - 1] if j else -1
    out: set[int] = set()
    k = tail_at[-1] if tail_at else -1
    while k >= 0:
        out.add(k)
        k = prev[k]
    return out


def moved_parts(
    slots: Sequence[Mapping[str, Sequence[int]]], versions: Sequence[str]
) -> list[tuple[str, ...]]:
    """The versions in which each group is told out of the reading order.

    Args:
        slots: per group, in reading order, each version's sentence indices in it.
        versions: the version ids, in the order the result lists them.

    Returns:
        Per group, the ids of the versions whose part of it is moved (empty when none).
    """
    moved: list[list[str]] = [[] for _ in slots]
    for v in versions:
        # v's shared groups in v's own order (by the first sentence of its part)
        mine = sorted((min(s[v]), g) for g, s in enumerate(slots) if len(s) > 1 and s.get(v))
        seq = [g for _, g in mine]
        keep = longest_increasing(seq)
        ranked = {g: r for r, g in enumerate(sorted(seq))}
        for k, g in enumerate(seq):
            if k not in keep and abs(ranked[g] - k) >= MIN_SHIFT:
                moved[g].append(v)
    return [tuple(m) for m in moved]
