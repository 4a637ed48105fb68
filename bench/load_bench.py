"""Provides main(): loading speed and sentence-boundary agreement with human segmentation.

1. load_article() on the seeds and on a synthetic article near the 5 MB limit: time, MB/s.
2. split_sentences() against DEplain-web's gold sentence splits (German, ../shared/eval):
   boundary precision, recall and F1, with quotation marks and whitespace ignored. Skipped
   when the data is not there. No targets are asserted; the figures go in the report.
"""

from __future__ import annotations

import json
import re
import statistics
import time
from pathlib import Path

from tui.core.load.article import DEFAULT_MAX_BYTES
from tui.core.load.articles import article_from_bytes, load_article
from tui.core.load.segment import split_sentences
from tui.resources import seed_paths

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval" / "deplain-web"
_SQUASH = re.compile(r"[\s“”„\"‚‘’«»]+")


def _ends(sentences: list[str]) -> set[int]:
    out, pos = set(), 0
    for s in sentences:
        pos += len(_SQUASH.sub("", s))
        out.add(pos)
    return out


def _agreement(folder: Path) -> tuple[int, int, int, int]:
    tp = fp = fn = docs = 0
    for doc in sorted(folder.glob("*/*/gold.json")):
        gold = json.loads(doc.read_text(encoding="utf-8"))
        for side in ("simple", "complex"):
            text = (doc.parent / f"{side}.txt").read_text(encoding="utf-8")
            want = _ends([s for para in gold[side] for s in para])
            got = _ends([text[s.start : s.end] for s in split_sentences(text)])
            tp, fp, fn = tp + len(want & got), fp + len(got - want), fn + len(want - got)
        docs += 1
    return tp, fp, fn, docs


def main() -> int:
    """Print the figures."""
    paths = seed_paths()
    times = []
    for _ in range(20):
        t0 = time.perf_counter()
        for p in paths:
            load_article(p)
        times.append(time.perf_counter() - t0)
    print(f"seeds: {len(paths)} articles loaded in {statistics.median(times) * 1000:.1f} ms")

    para = (
        "Shoigu said on Tuesday that North Korea will send 1,000 sappers to Russia. "
        '"We agreed," he told reporters in Pyongyang, citing Gen. Kim and the U.S. response. '
        "The move, worth about 5.33 million dollars, was criticised by the U.N. and others.\n\n"
    )
    raw = (para * (DEFAULT_MAX_BYTES // len(para) - 1)).encode("utf-8")
    t0 = time.perf_counter()
    article = article_from_bytes(raw, "big", "big.txt")
    took = time.perf_counter() - t0
    print(
        f"synthetic: {len(raw) / 1e6:.1f} MB, {len(article.sentences)} sentences in "
        f"{took:.2f} s ({len(raw) / 1e6 / took:.1f} MB/s)"
    )

    if not EVAL.is_dir():
        print(f"segmentation agreement: skipped ({EVAL} not found)")
        return 0
    t0 = time.perf_counter()
    tp, fp, fn, docs = _agreement(EVAL)
    took = time.perf_counter() - t0
    p, r = tp / max(1, tp + fp), tp / max(1, tp + fn)
    f1 = 2 * p * r / max(1e-9, p + r)
    print(
        f"segmentation vs DEplain-web gold ({docs} document pairs, German): boundaries "
        f"P={p:.3f} R={r:.3f} F1={f1:.3f} (tp={tp} fp={fp} fn={fn}) in {took:.2f} s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
