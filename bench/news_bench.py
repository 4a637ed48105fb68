"""Provides main(): alignment quality on the news-dev benchmark (real English news, ECB+).

Runs `python -m tui align STORY/*.txt --json` on each story of ../shared/eval/news-dev and scores
it with the benchmark's score_story.py; prints P/R/F1 per story and the micro average (summed
TP/NPRED/NGOLD), with the static semantic vectors, without them (`--no-semantic`) and, when
the `semantic` extra is installed, with the MiniLM transformer (`--semantic transformer`).
Skipped, with a note, when the benchmark is not there.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path

NEWS = Path(__file__).resolve().parents[2] / "shared" / "eval" / "news-dev"
"""The news-dev benchmark beside the checkout (not part of the project)."""

INDEPENDENT = ("qeshm-earthquake", "nichols-sentencing", "undersea-cables")
"""The stories whose outlets wrote their own versions (the README of news-dev)."""


def _counts(doc_json: str, story: Path) -> tuple[tuple[int, int, int], str]:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / f"{story.name}.json"
        out.write_text(doc_json, encoding="utf-8")
        res = subprocess.run(
            [sys.executable, str(NEWS / "score_story.py"), str(out), str(story)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    tp, npred, ngold = (int(n) for n in re.findall(r"(?:TP|NPRED|NGOLD)\W*(\d+)", res))
    return (tp, npred, ngold), res


def score_story(story: Path, semantic: bool = True) -> tuple[int, int, int]:
    """TP/NPRED/NGOLD of an in-process align() of one story (for tuning scripts)."""
    from tui.core.align import align
    from tui.core.load import load_article
    from tui.core.report.serialize import alignment_document, dumps_json

    arts = [load_article(p) for p in sorted(story.glob("*.txt"))]
    doc = alignment_document(align(arts, semantic=semantic))
    return _counts(dumps_json(doc), story)[0]


def _f1(tp: int, npred: int, ngold: int) -> str:
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"P {p:.3f} R {r:.3f} F1 {f:.3f}"


def main() -> int:
    """Print the per-story and micro-average figures (or why they are skipped)."""
    if not (NEWS / "score_story.py").is_file():
        print(f"skipped: {NEWS} not found (the benchmark is not shipped with the project)")
        return 0
    modes = [[], ["--no-semantic"]]
    try:
        import onnxruntime  # noqa: F401  (the `semantic` extra)

        modes.append(["--semantic", "transformer"])
    except ImportError:
        print("(no onnxruntime: the --semantic transformer run is skipped)")
    for flags in modes:
        print(f"-- sidebyside align --json {' '.join(flags)}".rstrip())
        totals = [0, 0, 0]
        indep = [0, 0, 0]
        for story in sorted((NEWS / "stories").iterdir()):
            texts = sorted(str(p) for p in story.glob("*.txt"))
            cmd = [sys.executable, "-m", "tui", "align", *texts, "--json", *flags]
            doc = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
            counts, _ = _counts(doc, story)
            totals = [a + b for a, b in zip(totals, counts, strict=True)]
            if story.name in INDEPENDENT:
                indep = [a + b for a, b in zip(indep, counts, strict=True)]
            tag = " (independent)" if story.name in INDEPENDENT else ""
            print(f"  {story.name:24} {_f1(*counts)}  TP {counts[0]} NPRED {counts[1]}{tag}")
        print(f"  {'independent (micro)':24} {_f1(*indep)}")
        tp, npred, ngold = totals
        print(f"  {'all (micro)':24} {_f1(*totals)}  TP {tp} NPRED {npred} NGOLD {ngold}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
