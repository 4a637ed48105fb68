"""Provides tf-idf vectors from per-article counts and sparse nearest-neighbour candidates.

The vectors are built on the driver from the small counts the workers send (no text travels),
in one pass that holds only the sparse matrix; neighbours come from chunked sparse products, so
memory stays at one chunk of scores however large the corpus.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from tui.core.corpus.features import HASH_BITS, Packed, unpack

CHUNK = 512
"""Rows per sparse product when looking for neighbours."""
TOP_TERMS = 24
"""Heaviest terms of a row used to look for its neighbours (all of them score)."""
MAX_POSTINGS = 1000
"""A term of more rows than this is not used to look for neighbours (it still scores)."""


def tfidf(rows: Sequence[Packed], *, max_df: float = 1.0, min_df: int = 1) -> Any:
    """L2-normalised sublinear tf-idf rows (a scipy CSR matrix) of packed term counts.

    Args:
        rows: per document, its Packed terms.
        max_df: terms in more than this share of documents are dropped.
        min_df: terms in fewer documents than this are dropped.

    Returns:
        CSR matrix, one row per document (an empty row where nothing is left).
    """
    from scipy.sparse import csr_matrix

    n = len(rows)
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum([len(r) for r in rows], out=indptr[1:])
    # the hashes are the columns (HASH_BITS wide): no vocabulary, no sort; intermediates are
    # dropped as soon as used (the driver's peak memory on 100k articles)
    hashes, counts = unpack(np.concatenate(rows) if n else np.zeros(0, dtype=np.int64))
    cols = hashes.astype(np.int32)
    del hashes
    df = np.bincount(cols, minlength=1 << HASH_BITS).astype(np.float64)
    idf = np.log((1 + n) / (1 + df)) + 1
    idf[(df > max_df * n) | (df < min_df)] = 0.0
    values = np.log(np.maximum(counts, 1).astype(np.float64))
    del counts
    values += 1
    values *= idf[cols]
    matrix = csr_matrix((values, cols, indptr), shape=(n, 1 << HASH_BITS))
    del values, cols
    matrix.eliminate_zeros()
    lengths = np.diff(matrix.indptr)
    norms = np.sqrt(np.bincount(np.repeat(np.arange(n), lengths), matrix.data**2, minlength=n))
    norms[norms == 0] = 1.0
    matrix.data /= np.repeat(norms, lengths)
    return matrix


def neighbours(matrix: Any, k: int) -> tuple[Any, Any, Any]:
    """Each row's k most similar other rows by dot product (cosine for normalised rows).

    Candidates are looked for with each row's TOP_TERMS heaviest terms, leaving out terms of
    more than MAX_POSTINGS rows, so the search costs O(n) rather than O(n²) as the corpus
    grows; the candidates are then scored with their full vectors.

    Returns:
        Arrays (i, j, score) with i < j, each pair once, scores > 0.
    """
    n = matrix.shape[0]
    search = _pruned(matrix)
    transposed = search.T.tocsr()
    firsts, seconds = [], []
    for start in range(0, n, CHUNK):
        block = (search[start : start + CHUNK] @ transposed).tocsr()
        for r in range(block.shape[0]):
            lo, hi = block.indptr[r], block.indptr[r + 1]
            cols, vals = block.indices[lo:hi], block.data[lo:hi]
            keep = cols != start + r
            cols, vals = cols[keep], vals[keep]
            if len(vals) > k:
                cols = cols[np.argpartition(-vals, k)[:k]]
            firsts.append(np.full(len(cols), start + r, dtype=np.int64))
            seconds.append(cols.astype(np.int64))
    if not firsts:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, np.zeros(0)
    i, j = np.concatenate(firsts), np.concatenate(seconds)
    lo, hi = np.minimum(i, j), np.maximum(i, j)
    _, first = np.unique(lo * n + hi, return_index=True)
    lo, hi = lo[first], hi[first]
    s = dots(matrix, lo, hi)
    keep = s > 0
    return lo[keep], hi[keep], s[keep]


def dots(matrix: Any, rows: Any, others: Any) -> Any:
    """Dot products of matrix rows rows[n] and others[n], a block of pairs at a time."""
    out = np.zeros(len(rows))
    step = 32768
    for start in range(0, len(rows), step):
        a = matrix[rows[start : start + step]]
        b = matrix[others[start : start + step]]
        out[start : start + step] = np.asarray(a.multiply(b).sum(axis=1)).ravel()
    return out


def _pruned(matrix: Any) -> Any:
    """The rows' TOP_TERMS heaviest terms, without terms of more than MAX_POSTINGS rows."""
    from scipy.sparse import csr_matrix

    m = csr_matrix(matrix, copy=True)
    for r in np.flatnonzero(np.diff(m.indptr) > TOP_TERMS):
        lo, hi = m.indptr[r], m.indptr[r + 1]
        row = m.data[lo:hi]
        row[np.argpartition(-row, TOP_TERMS)[TOP_TERMS:]] = 0.0
    df = np.bincount(m.indices[m.data > 0], minlength=m.shape[1])
    m.data[df[m.indices] > MAX_POSTINGS] = 0.0
    m.eliminate_zeros()
    return m
