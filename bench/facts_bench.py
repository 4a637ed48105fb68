"""Provides main(): speed of word_diff(), extract_facts() and find_discrepancies() (printed).

1. word_diff on every aligned (reference, version) slot pair of the seeds, and on long
   sentence pairs (400 words, a few words changed): per-pair time.
2. extract_facts on every seed; find_discrepancies on the seeds' alignment.
3. A 20-version story of ~300 sentences each (the seeds' sentences, shuffled and reworded):
   analyze() end to end, and the share of it spent in facts and diffs.
No targets are asserted; the figures go in the report.
"""

from __future__ import annotations

import random
import re
import statistics
import time
from collections.abc import Callable
from dataclasses import replace

from tui.core.align.aligner import align
from tui.core.analysis import analyze, slot_text
from tui.core.compare.check import find_discrepancies
from tui.core.compare.diff import word_diff
from tui.core.extract.facts import extract_facts
from tui.core.load.article import Article
from tui.core.load.collection import load_collection
from tui.core.load.parse import article_from_text
from tui.resources import seed_paths


def _time(fn: Callable[[], object], runs: int = 5) -> float:
    """Median wall time of fn in seconds."""
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def _big_story(seeds: tuple[Article, ...], versions: int, sentences: int) -> list[Article]:
    rng = random.Random(7)
    pool = [s.text for a in seeds for s in a.sentences if len(s.text.split()) > 5]
    base = [rng.choice(pool) for _ in range(sentences)]
    swaps = [("1,000", "one thousand"), ("said", "stated"), ("last year", "in 2024"), (",", ";")]
    out = []
    for v in range(versions):
        lines = []
        for line in base:
            if rng.random() < 0.1:
                continue
            if rng.random() < 0.3:
                a, b = rng.choice(swaps)
                line = re.sub(rf"(?<![\w,]){re.escape(a)}(?![\w,])", b, line)
            lines.append(line)
        article = article_from_text("\n\n".join(lines), f"v{v:02d}")
        out.append(replace(article, date="2025-06-17"))
    return out


def main() -> int:
    """Print the figures."""
    seeds = load_collection([str(p) for p in seed_paths()]).articles
    alignment = align(seeds)
    ref = alignment.article(alignment.reference)
    pairs = [
        (slot_text(ref, g), slot_text(alignment.article(a), g))
        for g in alignment.groups
        if g.slot(ref.id)
        for a in g.articles
        if a != ref.id
    ]
    t = _time(lambda: [word_diff(a, b) for a, b in pairs])
    print(
        f"word_diff, seeds: {len(pairs)} slot pairs in {t * 1000:.1f} ms "
        f"({t / max(1, len(pairs)) * 1e6:.0f} us per pair)"
    )
    words = [f"word{i}" for i in range(400)]
    long_a = " ".join(words)
    long_b = " ".join(w if i % 50 else "changed" for i, w in enumerate(words))
    t = _time(lambda: word_diff(long_a, long_b))
    print(f"word_diff, 400-word sentences, 8 changes: {t * 1000:.1f} ms")
    t = _time(lambda: [extract_facts(a) for a in seeds])
    n = sum(len(extract_facts(a)) for a in seeds)
    print(f"extract_facts, 5 seeds: {n} facts in {t * 1000:.1f} ms")
    t = _time(lambda: find_discrepancies(alignment))
    print(f"find_discrepancies, seeds: {len(find_discrepancies(alignment))} in {t * 1000:.1f} ms")
    story = _big_story(seeds, 20, 300)
    t0 = time.perf_counter()
    big = align(story)
    t_align = time.perf_counter() - t0
    t0 = time.perf_counter()
    found = find_discrepancies(big)
    t_facts = time.perf_counter() - t0
    t0 = time.perf_counter()
    result = analyze(story)
    t_all = time.perf_counter() - t0
    print(
        f"20 versions x ~300 sentences: align {t_align:.2f} s, find_discrepancies "
        f"{t_facts:.2f} s ({len(found)} found), analyze() {t_all:.2f} s "
        f"({len(result.diffs)} diffs, {len(result.facts)} facts)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
