"""Provides load_transformer() and TransformerModel: MiniLM-L6's real forward pass, int8 ONNX.

The optional, slower and better semantic model: all-MiniLM-L6-v2 (Apache-2.0) exported once to
ONNX with torch at build time (`bench/build_semantic_model.py --onnx`), its weights quantised
to int8 (per channel, reduced range: sentence cosines within .02 of the float model), and run
by onnxruntime (the `semantic` extra). Mean pooling over the tokens, as sentence-transformers
does, then L2 normalisation. The tokenizer is the same WordPiece as the static model's, over
MiniLM's full 30,522-token vocabulary, with [CLS] and [SEP] and at most 256 tokens.

A sentence costs about 5-15 ms on two cores (~30 tokens), so use it on the uncertain
candidate pairs only; its vectors are cached per text like the static model's.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.core.align.embedder import Embedder
from tui.core.align.wordpiece import WordPiece

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

ONNX_FILE = "minilm-l6-v2-int8.onnx"
"""The quantised graph, in the model folder beside the static vectors."""

VOCAB_FILE = "minilm-vocab.txt"
"""MiniLM's WordPiece vocabulary, one token a line, in id order."""

TRANSFORMER_NAME = "minilm-l6-v2-int8"
"""What the model is, for figures and the JSON."""

MAX_TOKENS = 256
"""all-MiniLM-L6-v2's max_seq_length: longer sentences are cut (with [CLS] and [SEP])."""

_BATCH = 32
"""Sentences run together (sorted by length, so little padding)."""


class TransformerModel(Embedder):
    """Sentence vectors from MiniLM-L6 run by onnxruntime.

    Args:
        session: an onnxruntime InferenceSession of the exported graph (inputs input_ids,
            attention_mask, token_type_ids; output the last hidden state).
        vocab: the token of each id, in order (must hold [CLS] and [SEP]).
        name: what the model is.
    """

    def __init__(self, session: Any, vocab: Sequence[str], name: str = TRANSFORMER_NAME) -> None:
        super().__init__()
        ids = {token: i for i, token in enumerate(vocab)}
        if "[CLS]" not in ids or "[SEP]" not in ids:
            raise ValueError("vocabulary has no [CLS] or [SEP]")
        self._cls, self._sep = ids["[CLS]"], ids["[SEP]"]
        self._session = session
        self._wordpiece = WordPiece(vocab)
        self.name = name
        self.dim = int(session.get_outputs()[0].shape[-1])

    def tokens(self, text: str) -> list[int]:
        """The ids the model reads: [CLS], the text's tokens (cut to fit), [SEP]."""
        return [self._cls, *self._wordpiece.ids(text)[: MAX_TOKENS - 2], self._sep]

    def _pool(self, texts: Sequence[str]) -> NDArray[np.float32]:
        import numpy as np

        ids = [self.tokens(t) for t in texts]
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        order = sorted(range(len(ids)), key=lambda k: len(ids[k]))
        for start in range(0, len(order), _BATCH):
            rows = order[start : start + _BATCH]
            width = len(ids[rows[-1]])
            grid = np.zeros((len(rows), width), dtype=np.int64)
            mask = np.zeros_like(grid)
            for r, k in enumerate(rows):
                grid[r, : len(ids[k])] = ids[k]
                mask[r, : len(ids[k])] = 1
            feeds = {"input_ids": grid, "attention_mask": mask, "token_type_ids": 0 * grid}
            hidden = self._session.run(None, feeds)[0]
            weight = mask[..., None].astype(np.float32)
            out[rows] = (hidden * weight).sum(axis=1) / weight.sum(axis=1)
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        out /= np.where(norms > 0, norms, np.float32(1.0))
        return out


def load_transformer(folder: Path, threads: int | None = None) -> TransformerModel | None:
    """The transformer model in a folder, or None when onnxruntime or the files are missing.

    Args:
        folder: holds minilm-l6-v2-int8.onnx and minilm-vocab.txt.
        threads: onnxruntime's intra-op threads (default: up to 2 of the machine's cores).

    Raises:
        OSError, ValueError, RuntimeError: the files are broken (load_semantic() turns these
        into None).
    """
    try:
        import onnxruntime
    except ImportError:
        return None
    graph = folder / ONNX_FILE
    if not graph.is_file():
        return None
    vocab = (folder / VOCAB_FILE).read_text(encoding="utf-8").rstrip("\n").split("\n")
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = threads or min(2, os.cpu_count() or 1)
    options.inter_op_num_threads = 1
    options.log_severity_level = 3
    try:
        session = onnxruntime.InferenceSession(
            str(graph), options, providers=["CPUExecutionProvider"]
        )
    except Exception as exc:  # onnxruntime raises its own exception types for bad graphs
        raise RuntimeError(f"{graph}: {exc}") from exc
    return TransformerModel(session, vocab)
