"""Provides main(): article-body extraction quality of our HTML loader on real web pages.

Runs `article_from_bytes(..., fmt="html")` (trafilatura for the body, our junk rules on top)
over the dev half of the Zyte article-extraction benchmark in ../shared/eval/article-extraction
and scores the joined sentence texts with that folder's own scorer (4-token shingles, precision
and recall averaged over pages, F1 from the means): the same figures as running
`score_extraction.py` against `sidebyside articles FILE --json`, without a process per page.
Target: F1 >= .96. Skipped when ../shared is absent.
"""

from __future__ import annotations

import gzip
import importlib.util
import json
import statistics
import time
from pathlib import Path
from types import ModuleType

from tui.core.errors import InputError
from tui.core.load.articles import article_from_bytes

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval" / "article-extraction"
TARGET_F1 = 0.96


def _scorer(folder: Path) -> ModuleType:
    path = folder / "score_extraction.py"
    spec = importlib.util.spec_from_file_location("score_extraction", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def extract(page: bytes, name: str) -> str | None:
    """The article text our loader gives for one page (None when it refuses the page)."""
    try:
        article = article_from_bytes(page, name, f"{name}.html", fmt="html")
    except InputError:
        return None
    return " ".join(s.text for s in article.sentences)


def score(folder: Path = EVAL) -> tuple[float, float, float, int, int]:
    """Precision, recall, F1, pages and pages that failed to load."""
    sc = _scorer(folder)
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    rows, failed = [], 0
    for key in sorted(truth):
        with gzip.open(folder / "html" / f"{key}.html.gz") as f:
            text = extract(f.read(), key[:16])
        failed += text is None
        rows.append(sc.tp_fp_fn(truth[key].get("articleBody", ""), text or ""))
    p = statistics.mean(sc.prec(*r) for r in rows if r[0] + r[1] > 0)
    r = statistics.mean(sc.rec(*r) for r in rows if r[0] + r[2] > 0)
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f1, len(rows), failed


def main() -> int:
    """Print the figures; non-zero when F1 falls below the target."""
    if not (EVAL / "ground-truth.json").is_file():
        print(f"skipped: {EVAL} is absent")
        return 0
    t0 = time.perf_counter()
    p, r, f1, pages, failed = score()
    took = time.perf_counter() - t0
    print(f"pages {pages}; failed to load {failed}; {took / pages * 1000:.0f} ms a page")
    print(f"P={p:.3f} R={r:.3f} F1={f1:.3f} (target >= {TARGET_F1:.2f})")
    return 0 if f1 >= TARGET_F1 else 1
