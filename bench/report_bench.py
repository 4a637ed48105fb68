"""Provides main(): how long the review report takes to render, and how big it is (printed).

1. The five seeds with 50 notes (group notes on the groups shared by several versions): each
   format, with and without the collation; median render time (the analysis is done once
   beforehand and not counted) and output size.
2. A 20-version story built from all the seeds' sentences (about 80; each version drops some
   and swaps a few), analysed once, then rendered in each format: median time and size.
No targets are asserted; the figures go in the report.
"""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Callable

from tui.core.analysis import Analysis, analyze
from tui.core.load.collection import load_collection
from tui.core.load.parse import article_from_text
from tui.core.report.writer import FORMATS, NotePlace, ReportNote, render
from tui.resources import seed_paths


def _time(fn: Callable[[], object], runs: int = 5) -> float:
    """Median wall time of fn in seconds."""
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def _notes(analysis: Analysis, count: int) -> tuple[ReportNote, ...]:
    groups = [g for g in analysis.alignment.groups if len(g.articles) > 1] or list(
        analysis.alignment.groups
    )
    verdicts = ("supported", "disputed", "false", "needs source")
    notes = []
    for n in range(count):
        g = groups[n % len(groups)]
        places = tuple(NotePlace(a, "anchored", g.slot(a), "quote") for a in g.articles)
        notes.append(ReportNote(f"n{n}", verdicts[n % 4], f"Note {n} | `x`", "quote", places))
    return tuple(notes)


def _big_story(versions: int) -> Analysis:
    pool = [s.text for p in seed_paths() for s in load_collection([str(p)]).articles[0].sentences]
    rng = random.Random(7)
    base = list(dict.fromkeys(pool))
    arts = []
    for v in range(versions):
        text = [s for s in base if rng.random() > 0.15]
        for _ in range(10):
            i, j = rng.randrange(len(text)), rng.randrange(len(text))
            text[i], text[j] = text[j], text[i]
        arts.append(article_from_text("\n\n".join(text), f"v{v:02d}", f"v{v:02d}.txt"))
    return analyze(arts)


def main() -> int:
    """Print the figures."""
    seeds = analyze(load_collection([str(p) for p in seed_paths()]).articles)
    notes = _notes(seeds, 50)
    print("seeds, 50 notes (render only, median of 5):")
    for fmt in FORMATS:
        for collation in (True, False):
            text = render(fmt, seeds, notes, collation=collation)
            took = _time(lambda f=fmt, c=collation: render(f, seeds, notes, collation=c))
            label = "full" if collation else "--no-collation"
            print(
                f"  {fmt:4} {label:15} {took * 1000:7.1f} ms  {len(text.encode()) / 1024:7.1f} KiB"
            )
    t0 = time.perf_counter()
    big = _big_story(20)
    groups = len(big.alignment.groups)
    print(f"20 versions, {groups} groups: analyze {time.perf_counter() - t0:.2f} s, then render:")
    for fmt in FORMATS:
        text = render(fmt, big, ())
        took = _time(lambda f=fmt: render(f, big, ()), runs=3)
        print(f"  {fmt:4} {took * 1000:7.1f} ms  {len(text.encode()) / 1024:8.1f} KiB")
    return 0
