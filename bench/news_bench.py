"""Provides main(): alignment quality on the news-dev benchmark (real English news, ECB+).

Runs `python -m tui align STORY/*.txt --json` on each story of ../shared/eval/news-dev and scores
it with the benchmark's score_story.py; prints P/R/F1 per story and the micro average (summed
TP/NPRED/NGOLD). Skipped, with a note, when the benchmark is not there.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path

NEWS = Path(__file__).resolve().parents[2] / "shared" / "eval" / "news-dev"
"""The news-dev benchmark beside the checkout (not part of the project)."""


def main() -> int:
    """Print the per-story and micro-average figures (or why they are skipped)."""
    scorer = NEWS / "score_story.py"
    if not scorer.is_file():
        print(f"skipped: {scorer} not found (the benchmark is not shipped with the project)")
        return 0
    totals = [0, 0, 0]
    with tempfile.TemporaryDirectory() as tmp:
        for story in sorted((NEWS / "stories").iterdir()):
            texts = sorted(str(p) for p in story.glob("*.txt"))
            out = Path(tmp) / f"{story.name}.json"
            cmd = [sys.executable, "-m", "tui", "align", *texts, "--json"]
            out.write_text(subprocess.run(cmd, capture_output=True, text=True, check=True).stdout)
            res = subprocess.run(
                [sys.executable, str(scorer), str(out), str(story)],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            counts = [int(n) for n in re.findall(r"(?:TP|NPRED|NGOLD)\W*(\d+)", res)]
            totals = [a + b for a, b in zip(totals, counts, strict=False)]
            print(f"  {story.name:24} {' '.join(res.split())}")
    tp, npred, ngold = totals
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    counts = f"TP {tp} NPRED {npred} NGOLD {ngold}"
    print(f"  {'all (micro)':24} P {p:.3f} R {r:.3f} F1 {f:.3f} {counts}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
