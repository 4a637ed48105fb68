"""Provides load_semantic() and SemanticModel: an offline sentence embedding for the aligner.

The model is a static embedding distilled from the sentence transformer all-MiniLM-L6-v2
(Apache-2.0) with model2vec's distillation: one vector per WordPiece token of MiniLM's own
vocabulary, computed once at build time by `bench/build_semantic_model.py` and shipped in
`semantic_model/` beside this module (see its NOTICE.md). A sentence's vector is the mean of
its tokens' vectors, L2-normalised, so two sentences' cosine is a dot product. No network, no
torch: the tokenizer is BERT's uncased WordPiece, written out below, and the vectors are one
int8 numpy array with one float32 scale per token (7.6 MB; the
sentence cosines differ from the float vectors' by at most 0.003).

Nothing heavy is imported with this module: numpy is imported by the first `load_semantic()`.
"""

from __future__ import annotations

import functools
import os
import re
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

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

_MAX_WORD_CHARS = 100
"""BERT's WordPiece gives up (unknown token) on longer words."""


def _is_punctuation(char: str) -> bool:
    code = ord(char)
    if 33 <= code <= 47 or 58 <= code <= 64 or 91 <= code <= 96 or 123 <= code <= 126:
        return True
    return unicodedata.category(char).startswith("P")


def _is_cjk(code: int) -> bool:
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0x20000 <= code <= 0x2A6DF
        or 0x2A700 <= code <= 0x2B81F
        or 0xF900 <= code <= 0xFAFF
        or 0x2F800 <= code <= 0x2FA1F
    )


_ASCII_PIECE = re.compile(r"[a-z0-9]+|[^a-z0-9\s]")
"""For ASCII text: BERT's pieces are runs of letters and digits, and every other visible char."""
_ASCII_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def bert_words(text: str) -> list[str]:
    """BERT's uncased normaliser and pre-tokeniser: lowercase words and single punctuation marks.

    Args:
        text: any text.

    Returns:
        The pieces WordPiece splits further: accents stripped, control characters dropped,
        each punctuation mark and each CJK ideograph a piece of its own.
    """
    if text.isascii():
        return _ASCII_PIECE.findall(_ASCII_CONTROL.sub("", text.lower()))
    out: list[str] = []
    word: list[str] = []
    for char in unicodedata.normalize("NFD", text.lower()):
        code = ord(char)
        cat = unicodedata.category(char)
        if char.isspace() or cat == "Zs":
            if word:
                out.append("".join(word))
                word = []
        elif code == 0 or code == 0xFFFD or cat in ("Cc", "Cf", "Mn"):
            continue
        elif _is_punctuation(char) or _is_cjk(code):
            if word:
                out.append("".join(word))
                word = []
            out.append(char)
        else:
            word.append(char)
    if word:
        out.append("".join(word))
    return out


class WordPiece:
    """Greedy longest-match WordPiece over a fixed vocabulary (BERT's, "##" continues a word)."""

    def __init__(self, vocab: Sequence[str]) -> None:
        self._ids = {token: i for i, token in enumerate(vocab)}
        self._word_ids = functools.lru_cache(maxsize=65536)(self._split)

    def _split(self, word: str) -> tuple[int, ...]:
        if len(word) > _MAX_WORD_CHARS:
            return ()
        ids: list[int] = []
        start = 0
        while start < len(word):
            end = len(word)
            while end > start:
                piece = word[start:end] if start == 0 else "##" + word[start:end]
                found = self._ids.get(piece)
                if found is not None:
                    ids.append(found)
                    break
                end -= 1
            else:
                return ()  # the whole word is unknown: model2vec drops [UNK]
            start = end
        return tuple(ids)

    def ids(self, text: str) -> list[int]:
        """The token ids of a text, unknown words left out."""
        return [i for word in bert_words(text) for i in self._word_ids(word)]


class SemanticModel:
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
        if len(vocab) != vectors.shape[0]:
            raise ValueError(f"{len(vocab)} tokens for {vectors.shape[0]} vectors")
        if scales is not None and scales.shape != (vectors.shape[0],):
            raise ValueError(f"{scales.shape} scales for {vectors.shape[0]} vectors")
        self._vectors = vectors
        self._scales = scales
        self._wordpiece = WordPiece(vocab)
        self._cache: dict[str, NDArray[np.float32]] = {}
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

    def embed(self, texts: Iterable[str]) -> NDArray[np.float32]:
        """The texts' vectors, one row each, L2-normalised (all zeros for a text of no known word).

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


def semantic_disabled() -> bool:
    """Whether the environment turns the semantic signal off (SIDEBYSIDE_NO_SEMANTIC)."""
    return os.environ.get(DISABLE_ENV, "").strip() not in ("", "0")


@functools.cache
def _load(folder: Path) -> SemanticModel | None:
    try:
        import numpy as np

        with np.load(folder / "vectors.npz", allow_pickle=False) as data:
            vectors, scales = data["vectors"], data["scales"]
        vocab = (folder / "vocab.txt").read_text(encoding="utf-8").split("\n")
        return SemanticModel(vectors, vocab, MODEL_NAME, scales)
    except (ImportError, OSError, ValueError, KeyError):
        return None


def load_semantic(folder: Path | None = None) -> SemanticModel | None:
    """The shipped semantic model, loaded once per process; None when it cannot be used.

    Args:
        folder: a model folder (vectors.npz and vocab.txt); the shipped one by default.

    Returns:
        The model, or None (never an exception) when SIDEBYSIDE_NO_SEMANTIC is set, numpy is
        missing, or the files are absent or broken: the aligner then runs lexical only.
    """
    if semantic_disabled():
        return None
    return _load(MODEL_DIR if folder is None else folder)
