"""Provides load_semantic() and SemanticModel: an offline sentence embedding for the aligner.

The model is a static embedding distilled from the sentence transformer all-MiniLM-L6-v2
(Apache-2.0) with model2vec's distillation: one vector per WordPiece token of MiniLM's own
vocabulary, computed once at build time by `bench/build_semantic_model.py` and shipped in
`semantic_model/` beside this module (see its NOTICE.md). A sentence's vector is the mean of
its tokens' vectors, L2-normalised, so two sentences' cosine is a dot product. No network, no
torch: the tokenizer is BERT's uncased WordPiece (`wordpiece`), and the vectors are one int8
numpy array with one float32 scale per token (7.7 MB; sentence cosines within .003 of the
float vectors'). `load_semantic("transformer")` gives the real MiniLM forward pass instead
(`semantic_transformer`, the optional `semantic` extra).

Nothing heavy is imported with this module: numpy is imported by the first `load_semantic()`.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from tui.core.align.embedder import Embedder
from tui.core.align.wordpiece import WordPiece

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

DISABLE_ENV = "SIDEBYSIDE_NO_SEMANTIC"
"""Set to 1 (or any value but "" and "0") to run the aligner on its lexical signals only."""

MODEL_DIR = Path(__file__).resolve().parent / "semantic_model"
"""The shipped model: vectors.npz (int8 `vectors`, float32 `scales`, one row per token) and
vocab.txt (the token of each row, one a line)."""

MODEL_NAME = "minilm-l6-v2-static"
"""What the shipped vectors are (model2vec distillation of all-MiniLM-L6-v2, PCA to 256 dims)."""

_CHUNK = 256
"""Texts pooled together in one padded gather (sorted by length, so little padding)."""


class SemanticModel(Embedder):
    """Sentence vectors from a static token embedding; cached per text for the process.

    Args:
        vectors: one row per token id (int8 with `scales`, or any float dtype; kept as it is,
            pooled in float32).
        vocab: the token of each row, in order.
        name: what the model is, for figures and the JSON.
        scales: each row's factor when `vectors` are quantised (row * scale is the vector).
    """

    def __init__(
        self,
        vectors: NDArray[Any],
        vocab: Sequence[str],
        name: str,
        scales: NDArray[np.float32] | None = None,
    ) -> None:
        super().__init__()
        if len(vocab) != vectors.shape[0]:
            raise ValueError(f"{len(vocab)} tokens for {vectors.shape[0]} vectors")
        if scales is not None and scales.shape != (vectors.shape[0],):
            raise ValueError(f"{scales.shape} scales for {vectors.shape[0]} vectors")
        self._vectors = vectors
        self._scales = scales
        self._wordpiece = WordPiece(vocab)
        self.name = name
        self.dim = int(vectors.shape[1])

    def tokens(self, text: str) -> list[int]:
        """The token ids a text is pooled from (unknown words left out)."""
        return self._wordpiece.ids(text)

    def _pool(self, texts: Sequence[str]) -> NDArray[np.float32]:
        """Mean token vector of each text, L2-normalised; texts of like length padded together."""
        import numpy as np

        ids = [self._wordpiece.ids(text) for text in texts]
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        order = sorted(range(len(ids)), key=lambda k: len(ids[k]))
        pad = self._vectors.shape[0]  # one past the table: masked out below
        for start in range(0, len(order), _CHUNK):
            rows = [k for k in order[start : start + _CHUNK] if ids[k]]
            if not rows:
                continue
            width = len(ids[rows[-1]])
            grid = np.full((len(rows), width), pad, dtype=np.int64)
            for r, k in enumerate(rows):
                grid[r, : len(ids[k])] = ids[k]
            real = grid < pad
            grid[~real] = 0
            weight = real.astype(np.float32)
            if self._scales is not None:
                weight *= self._scales[grid]
            vecs = np.einsum("nt,ntd->nd", weight, self._vectors[grid].astype(np.float32))
            out[rows] = vecs
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        out /= np.where(norms > 0, norms, np.float32(1.0))
        return out


def semantic_disabled() -> bool:
    """Whether the environment turns the semantic signal off (SIDEBYSIDE_NO_SEMANTIC)."""
    return os.environ.get(DISABLE_ENV, "").strip() not in ("", "0")


@functools.cache
def _load(kind: str, folder: Path) -> Embedder | None:
    try:
        if kind == "transformer":
            from tui.core.align.semantic_transformer import load_transformer

            return load_transformer(folder)
        import numpy as np

        with np.load(folder / "vectors.npz", allow_pickle=False) as data:
            vectors, scales = data["vectors"], data["scales"]
        vocab = (folder / "vocab.txt").read_text(encoding="utf-8").split("\n")
        return SemanticModel(vectors, vocab, MODEL_NAME, scales)
    except (ImportError, OSError, ValueError, KeyError, RuntimeError):
        return None


def load_semantic(
    kind: Literal["static", "transformer"] = "static", *, folder: Path | None = None
) -> Embedder | None:
    """A semantic model, loaded once per process; None when it cannot be used.

    Args:
        kind: "static" (the shipped static vectors: numpy only, ~50 us a sentence) or
            "transformer" (the real MiniLM-L6 forward pass, int8 ONNX: needs the optional
            `semantic` extra, i.e. onnxruntime; ~5-15 ms a sentence, so meant for the few
            uncertain candidate pairs, not for every sentence).
        folder: a model folder; the shipped one by default.

    Returns:
        The model, or None (never an exception) when SIDEBYSIDE_NO_SEMANTIC is set, numpy or
        onnxruntime is missing, or the files are absent or broken: the aligner then runs on its
        lexical signals only.
    """
    if semantic_disabled() or kind not in ("static", "transformer"):
        return None
    return _load(kind, MODEL_DIR if folder is None else folder)
