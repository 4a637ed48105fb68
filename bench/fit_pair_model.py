"""Fits the story-wide pass's pair model (tui.core.align.refine) on the news-dev stories.

`python -m bench.fit_pair_model [--check]`: for every pair of sentences of two versions of each
hand-aligned news-dev story, the pair model's inputs (computed by the engine's own code) and
whether the gold groups pair them; a logistic regression (scikit-learn) with and without the
semantic cosine; then, for each, the agreement cut-off theta chosen by leave-one-story-out pair
F1 (the weights refitted without the story scored). Prints the PairModel literals to paste into
refine.py and the held-out figures. `--check` only prints the figures of the shipped
models. With SIDEBYSIDE_SEMANTIC=transformer, the semantic model is the MiniLM forward pass
(TRANSFORMER_MODEL; needs the `semantic` extra). Needs ../shared/eval/news-dev (skipped,
with a note, without it).
"""

from __future__ import annotations

import dataclasses
import itertools
import json
import os
import sys
from pathlib import Path
from typing import Any

from bench.news_bench import NEWS

THETAS = (0.1, 0.15, 0.2, 0.25, 0.3)
"""Cut-offs tried."""

NAMES = ("lexical", "contained_a", "contained_b", "cosine", "shared_number", "both_numbers")


def _gold_keys(story: Path, arts: list[Any]) -> tuple[dict[str, dict[int, list[Any]]], set[Any]]:
    sys.path.insert(0, str(NEWS.parent))
    from score_alignment import cover, locate  # type: ignore[import-not-found]

    gold = json.loads((story / "gold.json").read_text(encoding="utf-8"))
    keys: dict[str, dict[int, list[Any]]] = {}
    for art in arts:
        name = Path(art.path).name
        text = (story / name).read_text(encoding="utf-8")
        spans, cursor = [], 0
        for k, s in enumerate(gold["articles"][name]["sentences"]):
            at = text.find(s, cursor)
            at = at if at >= 0 else text.find(s)
            spans.append((k, at, at + len(s)))
            cursor = at + len(s)
        sents = [
            {"index": s.index, "text": s.text, "start": s.start, "end": s.end}
            for s in art.sentences
        ]
        found = locate(text, sents)
        keys[art.id] = {i: [(name, k) for k in cover(sp, spans)] for i, sp in found.items()}
    pairs = set()
    for g in gold["groups"]:
        for x, y in itertools.combinations(map(tuple, g["members"]), 2):
            if x[0] != y[0]:
                pairs.add(frozenset([x, y]))
    return keys, pairs


def _rows(semantic: bool) -> list[tuple[str, tuple[float, ...], int]]:
    from tui.core.align import refine as rf
    from tui.core.align.aligner import collate
    from tui.core.align.tuning import Tuning
    from tui.core.load import load_article

    sem = None
    if semantic:
        from tui.core.align import semantic as semantic_module

        kind = "transformer" if os.environ.get("SIDEBYSIDE_SEMANTIC") == "transformer" else "static"
        sem = semantic_module.load_semantic(kind)
    out = []
    for story in sorted((NEWS / "stories").iterdir()):
        arts = [load_article(p) for p in sorted(story.glob("*.txt"))]
        col, _ = collate(arts, Tuning())
        heads = {(v, 0) for v in col.headed}
        refs = [(v, i) for v in col.texts for i in range(len(col.texts[v])) if (v, i) not in heads]
        pairs = rf._Pairs(col, refs, rf.SEMANTIC_MODEL, sem, every_pair=True)
        keys, gold = _gold_keys(story, arts)
        for (a, b), feats in sorted(pairs.features.items()):
            ga, gb = keys[refs[a][0]].get(refs[a][1], []), keys[refs[b][0]].get(refs[b][1], [])
            if not ga or not gb:
                continue
            label = any(frozenset([x, y]) in gold for x in ga for y in gb)
            out.append((story.name, feats, int(label)))
    return out


def _fit(rows: list[tuple[str, tuple[float, ...], int]], semantic: bool) -> dict[str, float]:
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    cols = [0, 1, 2, 3, 4, 5, 6] if semantic else [0, 1, 2, 4, 5, 6]
    x = np.array([[r[1][c] for c in cols] for r in rows])
    y = np.array([r[2] for r in rows])
    m = LogisticRegression(max_iter=2000).fit(x, y)
    names = [*NAMES, "distance"]
    w = dict.fromkeys(names, 0.0)
    for c, coef in zip(cols, m.coef_[0], strict=True):
        w[names[c]] = round(float(coef), 3)
    w["bias"] = round(float(m.intercept_[0]), 3)
    return w


def _score(model: Any, semantic: bool, only: str | None = None) -> tuple[int, int, int]:
    """Summed TP/NPRED/NGOLD of align() with this pair model (all stories or one)."""
    from bench.news_bench import score_story
    from tui.core.align import refine as rf

    saved = rf.SEMANTIC_MODEL, rf.LEXICAL_MODEL
    saved_t = rf.TRANSFORMER_MODEL
    rf.SEMANTIC_MODEL = rf.LEXICAL_MODEL = rf.TRANSFORMER_MODEL = model
    try:
        totals = [0, 0, 0]
        for story in sorted((NEWS / "stories").iterdir()):
            if only is None or story.name == only:
                counts = score_story(story, semantic)
                totals = [a + b for a, b in zip(totals, counts, strict=True)]
        return totals[0], totals[1], totals[2]
    finally:
        rf.SEMANTIC_MODEL, rf.LEXICAL_MODEL = saved
        rf.TRANSFORMER_MODEL = saved_t


def _f1(tp: int, npred: int, ngold: int) -> float:
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def main(argv: list[str] | None = None) -> int:
    """Fit and print (or, with --check, only score the shipped models)."""
    from tui.core.align import refine as rf

    args = sys.argv[1:] if argv is None else argv
    if not (NEWS / "stories").is_dir():
        print(f"skipped: {NEWS} not found (the benchmark is not shipped with the project)")
        return 0
    transformer = os.environ.get("SIDEBYSIDE_SEMANTIC") == "transformer"
    first = rf.TRANSFORMER_MODEL if transformer else rf.SEMANTIC_MODEL
    for semantic, shipped in ((True, first), (False, rf.LEXICAL_MODEL)):
        label = ("transformer" if transformer else "semantic") if semantic else "lexical"
        if "--check" in args:
            print(f"{label}: micro F1 {_f1(*_score(shipped, semantic)):.3f} (shipped weights)")
            continue
        rows = _rows(semantic)
        stories = sorted({r[0] for r in rows})
        best = None
        for theta in THETAS:
            totals = [0, 0, 0]
            for held in stories:
                w = _fit([r for r in rows if r[0] != held], semantic)
                model = rf.PairModel(theta=theta, **w)
                counts = _score(model, semantic, only=held)
                totals = [a + b for a, b in zip(totals, counts, strict=True)]
            f1 = _f1(*totals)
            print(f"{label} theta {theta}: held-out micro F1 {f1:.3f}")
            if best is None or f1 > best[0]:
                best = (f1, theta)
        assert best is not None
        final = rf.PairModel(theta=best[1], **_fit(rows, semantic))
        fields = ", ".join(f"{k}={v}" for k, v in dataclasses.asdict(final).items())
        print(f"{label}: {len(rows)} pairs; PairModel({fields})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
