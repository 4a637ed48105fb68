"""Clustering quality of `tui.core.corpus` on news-dev's 772 ECB+ articles (+ 91 distractors).

Prints pairwise P/R/F1 from the benchmark's own scorer: topics 1-17 (tuning) and 18-35 (check),
and all 35. Run: `.venv/bin/python -m bench.corpus_bench [THRESHOLD]`.
"""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from tui.core.corpus.clustering import THRESHOLD, cluster
from tui.core.corpus.features import features_of
from tui.core.load.articles import article_from_bytes, load_article

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"
DEV = EVAL / "news-dev" / "clusters"
DISTRACTORS = EVAL / "article-extraction" / "html"


def _score(pred: list[list[str]], gold: dict[str, object]) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        p, g = Path(tmp) / "pred.json", Path(tmp) / "gold.json"
        p.write_text(json.dumps(pred))
        g.write_text(json.dumps(gold))
        out = subprocess.run(
            [sys.executable, str(DEV.parent / "score_clusters.py"), str(p), str(g)],
            capture_output=True,
            text=True,
            check=True,
        )
        return out.stdout.strip().replace("\n", " | ")


def main(threshold: float = THRESHOLD) -> int:
    """Print the clustering figures."""
    if not DEV.exists():
        print("corpus clustering: skipped (../shared/eval/news-dev not available)")
        return 0
    gold_doc = json.loads((DEV / "clusters.json").read_text())
    gold = {k: (v["story"] if isinstance(v, dict) else v) for k, v in gold_doc.items()}
    feats = {}
    for path in sorted((DEV / "articles").iterdir()):
        feats[path.name] = features_of(load_article(path, article_id=path.name))
    distractors = []
    for p in sorted(DISTRACTORS.glob("*.html.gz")):
        raw = gzip.decompress(p.read_bytes())
        distractors.append(features_of(article_from_bytes(raw, f"x/{p.name}", p.name[:-3])))
    for label, lo, hi in (("topics 1-17", 1, 17), ("topics 18-35", 18, 35), ("all", 1, 35)):
        keys = [k for k in feats if lo <= int(gold[k].split("-")[0]) <= hi]
        result = cluster([feats[k] for k in keys] + distractors, threshold=threshold)
        sub = {k: gold_doc[k] for k in keys}
        print(
            f"corpus clustering {label} (+{len(distractors)} distractors): "
            f"{_score([list(s) for s in result.stories], sub)}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(*(float(a) for a in sys.argv[1:2])))
