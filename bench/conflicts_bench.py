"""Provides main(): the cost of facts + discrepancies, and the conflicts found on news-dev.

1. check_facts() (extraction of every version and every discrepancy rule) on synthetic stories
   of 20 and 50 versions x 300 sentences (align_bench's versions; the alignment is built
   first and not timed). Targets (issue 14): <= 0.5 s and <= 1.5 s.
2. Pathological single sentences of repeated "on Tuesday and on Tuesday ..." and of repeated
   casualty claims, 10 kB, 100 kB and 1 MB, extracted as one sentence (no loader splitting):
   the cost must grow linearly (target: about 2 s per MB at most).
3. news-dev (../shared/eval/news-dev, not part of the project): `python -m tui facts STORY/*.txt
   --json` scored with its score_facts.py; found / gold and false conflicts per story.
   Skipped, with a note, when the benchmark is not there.
No targets are asserted; the figures go in the report.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.align_bench import corpus_sentences, make_versions
from tui.core.align.aligner import align
from tui.core.compare.check import check_facts
from tui.core.extract.claims import find_claims
from tui.core.extract.facts import extract_facts
from tui.core.load.article import Article, Sentence

NEWS = Path(__file__).resolve().parents[2] / "shared" / "eval" / "news-dev"
"""The news-dev benchmark beside the checkout (not part of the project)."""

UNITS = (
    "On Tuesday and on Tuesday ",
    "Ten people were not killed and 50 injured on Tuesday, Moscow said. ",
)
"""The repeated pieces of the pathological sentences."""


def _one_sentence(text: str) -> Article:
    """An article whose body is the whole text as a single sentence."""
    return Article(
        "long", "long.txt", text, (Sentence(0, text, 0, len(text), 0),), ((0,),), date="2025-06-17"
    )


def _story_cost() -> None:
    pool, _ = corpus_sentences()
    for versions, target in ((20, 0.5), (50, 1.5)):
        alignment = align(make_versions(pool, versions, 300))
        t0 = time.perf_counter()
        facts, found = check_facts(alignment)
        t = time.perf_counter() - t0
        print(
            f"facts + discrepancies, {versions} x 300: {t:.2f} s (target {target} s; "
            f"{len(facts)} facts, {len(found)} discrepancies)",
            flush=True,
        )


def _long_sentences() -> None:
    for unit in UNITS:
        per_mb = []
        for size in (10_000, 100_000, 1_000_000):
            text = (unit * (size // len(unit) + 1))[:size]
            t0 = time.perf_counter()
            n = len(extract_facts(_one_sentence(text)))
            c = len(find_claims(text, frozenset({"kill"})))
            t = time.perf_counter() - t0
            per_mb.append(t / size * 1e6)
            print(
                f"one {size // 1000} kB sentence of {unit.strip()[:24]!r}...: {t:.2f} s "
                f"({n} facts, {c} claims; {t / size * 1e6:.1f} s per MB)",
                flush=True,
            )
        print(f"  growth, s per MB from 10 kB to 1 MB: {per_mb[0]:.1f} -> {per_mb[-1]:.1f}")


def _news_dev() -> None:
    scorer = NEWS / "score_facts.py"
    if not scorer.is_file():
        print(f"news-dev skipped: {scorer} not found (the benchmark is not shipped)")
        return
    totals = [0, 0, 0]
    with tempfile.TemporaryDirectory() as tmp:
        for story in sorted((NEWS / "stories").iterdir()):
            texts = sorted(str(p) for p in story.glob("*.txt"))
            out = Path(tmp) / f"{story.name}.json"
            cmd = [sys.executable, "-m", "tui", "facts", *texts, "--json"]
            out.write_text(subprocess.run(cmd, capture_output=True, text=True, check=True).stdout)
            res = subprocess.run(
                [sys.executable, str(scorer), str(out), str(story)],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            m = re.search(r"FOUND=(\d+) NGOLD=(\d+) FALSE=(\d+)", res)
            if m is None:
                print(f"{story.name}: no score ({res.strip()[:80]})")
                continue
            found, gold, false = (int(x) for x in m.groups())
            totals = [totals[0] + found, totals[1] + gold, totals[2] + false]
            print(f"news-dev {story.name}: found {found}/{gold}, false {false}")
    print(f"news-dev total: found {totals[0]}/{totals[1]}, false {totals[2]}")


def main() -> int:
    """Print the figures."""
    _story_cost()
    _long_sentences()
    _news_dev()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
