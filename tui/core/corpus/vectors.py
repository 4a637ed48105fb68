"""Provides tf-idf vectors from per-article counts and sparse nearest-neighbour candidates.

The vectors are built on the driver from the small counts the workers send (no text travels),
in one pass that holds only the sparse matrix; neighbours come from chunked sparse products, so
memory stays at one chunk of scores however large the corpus.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

CHUNK = 512
"""Rows per sparse product when looking for neighbours."""


def tfidf(
    rows: Sequence[Sequence[tuple[str, int]]], *, max_df: float = 1.0, min_df: int = 1
) -> Any:
    """L2-normalised sublinear tf-idf rows (a scipy CSR matrix) of count lists.

    Args:
        rows: per document, (term, count) pairs.
        max_df: terms in more than this share of documents are dropped.
        min_df: terms in fewer documents than this are dropped.

    Returns:
        CSR matrix, one row per document (an empty row where nothing is left).
    """
    from scipy.sparse import csr_matrix

    vocab: dict[str, int] = {}
    indptr = [0]
    indices: list[int] = []
    data: list[float] = []
    for row in rows:
        for term, count in row:
            indices.append(vocab.setdefault(term, len(vocab)))
            data.append(count)
        indptr.append(len(indices))
    n = len(rows)
    cols = np.asarray(indices, dtype=np.int64)
    values = np.asarray(data, dtype=np.float64)
    df = np.bincount(cols, minlength=len(vocab)) if len(vocab) else np.zeros(0)
    idf = np.log((1 + n) / (1 + df)) + 1
    idf[(df > max_df * n) | (df < min_df)] = 0.0
    if len(cols):
        values = (1 + np.log(values)) * idf[cols]
    matrix = csr_matrix((values, cols, np.asarray(indptr)), shape=(n, max(1, len(vocab))))
    matrix.eliminate_zeros()
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    matrix = csr_matrix(matrix.multiply(1 / norms[:, None]))
    return matrix


def neighbours(matrix: Any, k: int) -> tuple[Any, Any, Any]:
    """Each row's k most similar other rows by dot product (cosine for normalised rows).

    Returns:
        Arrays (i, j, score) with i < j, each pair once, scores > 0.
    """
    n = matrix.shape[0]
    transposed = matrix.T.tocsr()
    firsts, seconds, scores = [], [], []
    for start in range(0, n, CHUNK):
        block = (matrix[start : start + CHUNK] @ transposed).tocsr()
        for r in range(block.shape[0]):
            lo, hi = block.indptr[r], block.indptr[r + 1]
            cols, vals = block.indices[lo:hi], block.data[lo:hi]
            keep = cols != start + r
            cols, vals = cols[keep], vals[keep]
            if len(vals) > k:
                top = np.argpartition(-vals, k)[:k]
                cols, vals = cols[top], vals[top]
            firsts.append(np.full(len(cols), start + r, dtype=np.int64))
            seconds.append(cols.astype(np.int64))
            scores.append(vals)
    if not firsts:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, np.zeros(0)
    i, j, s = np.concatenate(firsts), np.concatenate(seconds), np.concatenate(scores)
    lo, hi = np.minimum(i, j), np.maximum(i, j)
    keyed = lo * n + hi
    _, first = np.unique(keyed, return_index=True)
    keep = first[s[first] > 0]
    return lo[keep], hi[keep], s[keep]
