"""Provides Embedder: sentence vectors cached per text, and their cosines.

The common part of the semantic models (the static vectors in `semantic`, the transformer in
`semantic_transformer`): a cache keyed by text, and cosines of pairs and of matrices.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray


class Embedder:
    """Sentence vectors, L2-normalised and cached per text for the life of the object.

    Subclasses set `name` and `dim` and compute the vectors of texts not yet cached in
    `_pool()`; everything else (cache, cosines of pairs and matrices) is here.
    """

    name: str
    dim: int

    def __init__(self) -> None:
        self._cache: dict[str, NDArray[np.float32]] = {}

    def _pool(self, texts: Sequence[str]) -> NDArray[np.float32]:
        raise NotImplementedError

    def embed(self, texts: Iterable[str]) -> NDArray[np.float32]:
        """The texts' vectors, one row each, L2-normalised (all zeros for a text with no token).

        Args:
            texts: sentences; repeats and texts seen before come from the cache.

        Returns:
            A float32 array of shape (len(texts), dim).
        """
        import numpy as np

        texts = list(texts)
        missing = list(dict.fromkeys(t for t in texts if t not in self._cache))
        if missing:
            for text, vec in zip(missing, self._pool(missing), strict=True):
                self._cache[text] = vec
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.stack([self._cache[t] for t in texts])

    def matrix(self, left: Sequence[str], right: Sequence[str]) -> NDArray[np.float32]:
        """Cosines of every left text with every right text: shape (len(left), len(right))."""
        return self.embed(left) @ self.embed(right).T  # type: ignore[no-any-return]

    def similarity(self, a: str, b: str) -> float:
        """The cosine of two texts, in [-1, 1] (0 when either has no known word)."""
        va, vb = self.embed((a, b))
        return float(va @ vb)

    def similarities(self, pairs: Sequence[tuple[str, str]]) -> list[float]:
        """The cosine of each (a, b) pair, in order."""
        if not pairs:
            return []
        left = self.embed(a for a, _ in pairs)
        right = self.embed(b for _, b in pairs)
        return [float(x) for x in (left * right).sum(axis=1)]

    @property
    def cached(self) -> int:
        """How many distinct texts have a vector in the cache."""
        return len(self._cache)
