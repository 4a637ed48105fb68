"""Provides main(): the semantic signal's cost and how well it separates gold pairs.

Cost: the shipped model's load time, its per-sentence cost (cold, then cached), the memory it
holds (tracemalloc peak and RSS delta), and the embedding time of a 20 x 300 collection.
Quality, on the gold sentences of ../shared/eval/news-dev (real English news) and on the seeds'
hand alignment in tests/core/test_align.py: every sentence is linked to its best-scoring
sentence in each other version when that score reaches a threshold t; pair P/R/F1 against the
gold pairs at the best t per story, and micro over all news stories at one shared t. Scores:
the cosine alone, rapidfuzz token_set_ratio alone, and 0.3 * cosine + 0.7 * token_set_ratio.
The news part is skipped, with a note, when the benchmark is not there.
"""

from __future__ import annotations

import json
import resource
import sys
import time
import tracemalloc
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
NEWS = ROOT.parent / "shared" / "eval" / "news-dev" / "stories"
"""The news-dev benchmark beside the checkout (not part of the project)."""

INDEPENDENT = ("qeshm-earthquake", "nichols-sentencing", "undersea-cables")
"""The stories whose outlets wrote their own versions: where a semantic signal must help."""

Story = tuple[dict[str, list[str]], set[frozenset[tuple[str, int]]]]
"""(each version's sentences, the gold cross-version pairs of (version, index))."""

Scorer = Callable[[Sequence[str], Sequence[str]], Any]
"""Scores of every left sentence against every right one: an array of shape (len, len)."""


def news_story(folder: Path) -> Story:
    """The gold sentences and pairs of one news-dev story."""
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    texts = {name: art["sentences"] for name, art in gold["articles"].items()}
    pairs = set()
    for group in gold["groups"]:
        members = [tuple(m) for m in group["members"]]
        pairs |= {frozenset((a, b)) for a in members for b in members if a[0] != b[0]}
    return texts, pairs


def seed_stories() -> dict[str, Story]:
    """Per hand-aligned pair of seeds: their sentences (as the project splits them), gold pairs."""
    try:
        sys.path.insert(0, str(ROOT))
        from tests.core.test_align import SEED_GOLD, seed_articles
    except ImportError:
        return {}
    arts = seed_articles()
    texts = {name: [s.text for s in art.sentences] for name, art in arts.items()}
    out = {}
    for (a, b), snippets in SEED_GOLD.items():
        pairs = set()
        for snip_a, snip_b in snippets:
            ia = [i for i, t in enumerate(texts[a]) if snip_a in t]
            ib = [j for j, t in enumerate(texts[b]) if snip_b in t]
            pairs |= {frozenset(((a, i), (b, j))) for i in ia for j in ib}
        out[f"seeds {a}/{b} (hand gold)"] = {a: texts[a], b: texts[b]}, pairs
    return out


def best_links(texts: dict[str, list[str]], scorer: Scorer) -> list[tuple[float, frozenset[Any]]]:
    """Each sentence's best-scoring partner in each other version, with the score."""
    links: dict[frozenset[Any], float] = {}
    names = sorted(texts)
    for a in names:
        for b in names:
            if a == b or not texts[a] or not texts[b]:
                continue
            scores = scorer(texts[a], texts[b])
            for i, row in enumerate(scores):
                j = max(range(len(row)), key=row.__getitem__)
                key = frozenset(((a, i), (b, j)))
                links[key] = max(links.get(key, -1.0), float(row[j]))
    return sorted(((s, k) for k, s in links.items()), key=lambda x: -x[0])


def prf(links: list[tuple[float, frozenset[Any]]], gold: set[Any], t: float) -> tuple[float, ...]:
    """(P, R, F1, TP, NPRED) of the links that score at least t."""
    pred = {k for s, k in links if s >= t}
    tp = len(pred & gold)
    p = tp / len(pred) if pred else 0.0
    r = tp / len(gold) if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0), tp, len(pred)


THRESHOLDS = [i / 100 for i in range(5, 100)]


def best_threshold(links: list[tuple[float, frozenset[Any]]], gold: set[Any]) -> tuple[float, ...]:
    """(t, P, R, F1) at the threshold with the best F1."""
    return max(((t, *prf(links, gold, t)[:3]) for t in THRESHOLDS), key=lambda x: x[3])


def ranking(texts: dict[str, list[str]], gold: set[Any], scorer: Scorer) -> tuple[float, float]:
    """(AUC of gold pairs against all other cross-version pairs, top-1 accuracy).

    Top-1: of the sentences with a gold partner in another version, how often the best-scoring
    sentence of that version is a gold partner (the choice the aligner makes).
    """
    pos: list[float] = []
    neg: list[float] = []
    hits = total = 0
    names = sorted(texts)
    for a in names:
        for b in names:
            if a == b or not texts[a] or not texts[b]:
                continue
            scores = scorer(texts[a], texts[b])
            for i, row in enumerate(scores):
                partners = {j for j in range(len(row)) if frozenset(((a, i), (b, j))) in gold}
                if a < b:
                    for j, v in enumerate(row):
                        (pos if j in partners else neg).append(float(v))
                if partners:
                    total += 1
                    hits += max(range(len(row)), key=row.__getitem__) in partners
    import numpy as np

    p, n = np.array(pos), np.sort(np.array(neg))
    auc = float(
        np.searchsorted(n, p, side="left").sum()
        + 0.5 * (np.searchsorted(n, p, side="right") - np.searchsorted(n, p, side="left")).sum()
    ) / max(len(p) * len(n), 1)
    return auc, hits / max(total, 1)


def scorers(model: Any) -> dict[str, Scorer]:
    """cosine, token_set_ratio and their 0.3/0.7 mix, as matrix scorers."""
    import numpy as np
    from rapidfuzz import fuzz, process, utils

    def tsr(left: Sequence[str], right: Sequence[str]) -> Any:
        return (
            process.cdist(left, right, scorer=fuzz.token_set_ratio, processor=utils.default_process)
            / 100
        )

    def cos(left: Sequence[str], right: Sequence[str]) -> Any:
        return np.asarray(model.matrix(left, right))

    return {
        "cosine": cos,
        "token_set": tsr,
        "0.3cos+0.7tsr": lambda x, y: 0.3 * cos(x, y) + 0.7 * tsr(x, y),
    }


def hybrid(static: Any, transformer: Any, margin: float = 0.05, top: int = 3) -> Scorer:
    """The static mix everywhere; where a row's best two are within `margin`, its `top`
    candidates are rescored with the transformer mix (the "uncertain pairs only" policy)."""
    import numpy as np

    mix_static = scorers(static)["0.3cos+0.7tsr"]
    tsr = scorers(static)["token_set"]

    def score(left: Sequence[str], right: Sequence[str]) -> Any:
        m = np.array(mix_static(left, right), dtype=np.float64)
        if m.shape[1] < 2:
            return m
        lex = tsr(left, right)
        for i, row in enumerate(m):
            best = np.argsort(-row)[:top]
            if row[best[0]] - row[best[1]] >= margin:
                continue
            cands = [right[j] for j in best]
            cos = transformer.similarities([(left[i], c) for c in cands])
            for j, c in zip(best, cos, strict=True):
                m[i, j] = 0.3 * c + 0.7 * lex[i, j]
        return m

    return score


def quality(model: Any, label: str, only: Sequence[str] = ()) -> None:
    """Print per-story best-threshold figures and the news micro average at one threshold."""
    stories: dict[str, Story] = {}
    if NEWS.is_dir():
        stories = {p.name: news_story(p) for p in sorted(NEWS.iterdir()) if p.is_dir()}
    else:
        print(f"  news-dev skipped: {NEWS} not found (the benchmark is not shipped)")
    stories |= seed_stories()
    chosen = model if isinstance(model, dict) else scorers(model)
    for name, score in chosen.items():
        if only and name not in only:
            continue
        print(f"  {label} / {name}: best t per story -> t P R F1, AUC, top-1")
        news_links = {}
        for story, (texts, gold) in stories.items():
            links = best_links(texts, score)
            if story in {p.name for p in NEWS.glob("*")}:
                news_links[story] = (links, gold)
            t, p, r, f = best_threshold(links, gold)
            auc, top1 = ranking(texts, gold, score)
            mark = " (indep.)" if story in INDEPENDENT else ""
            print(
                f"    {story + mark:34} t {t:.2f} P {p:.3f} R {r:.3f} F1 {f:.3f}"
                f"  AUC {auc:.3f} top1 {top1:.3f}"
            )
        if news_links:
            micro = []
            for t in THRESHOLDS:
                tp = npred = ngold = 0
                for links, gold in news_links.values():
                    _, _, _, a, b = prf(links, gold, t)
                    tp, npred, ngold = tp + a, npred + b, ngold + len(gold)
                p, r = tp / max(npred, 1), tp / max(ngold, 1)
                micro.append((2 * p * r / (p + r) if p + r else 0.0, t, p, r))
            f, t, p, r = max(micro)
            ind = [best_threshold(*news_links[s])[3] for s in INDEPENDENT if s in news_links]
            print(
                f"    {'news micro, one t':34} t {t:.2f} P {p:.3f} R {r:.3f} F1 {f:.3f}; "
                f"independent mean (own t) F1 {sum(ind) / max(len(ind), 1):.3f}"
            )


def rss_mb() -> float:
    """The process's peak resident memory, in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cost(kind: str) -> Any:
    """Print load time, memory and per-sentence cost of one kind; return the model (or None)."""
    from tui.core.align.semantic import MODEL_DIR, load_semantic

    files = {
        "static": ["vectors.npz", "vocab.txt"],
        "transformer": ["minilm-l6-v2-int8.onnx", "minilm-vocab.txt"],
    }[kind]
    size = sum((MODEL_DIR / f).stat().st_size for f in files if (MODEL_DIR / f).exists()) / 1e6
    rss0 = rss_mb()
    tracemalloc.start()
    t0 = time.perf_counter()
    model = load_semantic(kind)  # type: ignore[arg-type]
    load_s = time.perf_counter() - t0
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    if model is None:
        print(f"  {kind}: unavailable (disabled, or numpy / onnxruntime / model files missing)")
        return None
    print(
        f"  {kind} {model.name}: {model.dim} dims, files {size:.1f} MB; load "
        f"{load_s * 1000:.0f} ms (imports included), traced peak {peak / 1e6:.1f} MB, "
        f"RSS peak delta {rss_mb() - rss0:.1f} MB"
    )
    sentences = []
    for story in sorted(NEWS.iterdir()) if NEWS.is_dir() else []:
        sentences += [s for v in news_story(story)[0].values() for s in v]
    if not sentences:
        sentences = [s for texts, _ in seed_stories().values() for v in texts.values() for s in v]
    # 20 versions x 300 sentences: real ones, each with a version mark so none is cached; the
    # transformer is timed on one version's 300 (and the 20x300 figure extrapolated)
    versions = 20 if kind == "static" else 1
    batch = [f"{s} v{k}" for k in range(versions) for s in (sentences * 300)[:300]]
    t0 = time.perf_counter()
    model.embed(batch)
    cold = time.perf_counter() - t0
    t0 = time.perf_counter()
    model.embed(batch)
    warm = time.perf_counter() - t0
    per = cold / len(batch)
    print(
        f"  {kind} embed {versions}x300: {cold * 1000:.0f} ms cold ({per * 1e6:.0f} us/sentence; "
        f"20x300 {per * 6000:.1f} s), {warm * 1000:.0f} ms cached; RSS peak now {rss_mb():.0f} MB"
    )
    return model


def main() -> int:
    """Print the cost and quality figures of both routes."""
    static = cost("static")
    if static is None:
        return 0
    quality(static, "static")
    transformer = cost("transformer")
    if transformer is None:
        return 0
    quality(transformer, "transformer", only=("cosine", "0.3cos+0.7tsr"))
    from tui.core.align.semantic import MODEL_DIR
    from tui.core.align.semantic_transformer import load_transformer

    fresh = load_transformer(MODEL_DIR)  # an empty cache, to count what the policy embeds
    t0 = time.perf_counter()
    quality({"hybrid": hybrid(static, fresh)}, "static mix, transformer on rows within .05")
    print(
        f"  hybrid: the transformer embedded {fresh.cached} distinct sentences "
        f"in {time.perf_counter() - t0:.1f} s (whole quality pass, lexical included)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
