"""Provides main(): the pipeline's time on pathological inputs (issue 17, item 2), printed.

Each pipeline case is two versions (the second half as long), loaded from bytes and run end
to end: analyze(), then the HTML and Markdown reports, as `sidebyside report` does. The
figure to watch is s/MB: bounded work means it stays flat as the input grows.

- `no stop`: one sentence of ~200 KB, words and no punctuation.
- `repeated dates`: the issue's reproducer, "on Tuesday and " repeated, no stop (120 KB).
- `tiny sentences`: "Ok. " repeated (30,000 sentences in 120 KB): over the loader's sentence
  limit (1,000, or one per 20 characters), so what is timed is the refusal (`too large`).
- `short sentences`: "The council met on day N. " (~27 characters a sentence, under the
  limit): the pipeline's real per-sentence cost.

Before the sentence length bound (600 characters), `facts` / `align` on `repeated dates` ran
for over 60 s (killed) and `no stop` took 1.3 s. Before the sentence limit, `tiny sentences`
cost 25-30 s/MB (~150 µs a sentence in load, align, facts and the reports).

The splitter table times split_sentences() alone on lines of many quotations, brackets and
colons, which were quadratic (a scan of every quotation per stop, of every cut per colon):
'"Ok." ' x 8,000 took 5.4 s, now ~0.1 s.
No targets are asserted; the figures go in the report.
"""

from __future__ import annotations

import time

from tui.core.analysis import analyze
from tui.core.errors import InputError
from tui.core.load.articles import article_from_bytes
from tui.core.load.segment import split_sentences
from tui.core.report.writer import render

CASES = {
    "no stop": lambda n: " ".join(f"word{i % 500}" for i in range(n // 8)).encode(),
    "repeated dates": lambda n: b"on Tuesday and " * (n // 15) + b".",
    "tiny sentences": lambda n: b"Ok. " * (n // 4),
    "short sentences": lambda n: b"".join(
        b"The council met on day %d. " % i for i in range(n // 27)
    ),
}
"""Pipeline input generators: size in bytes -> file content."""

SPLIT_CASES = {
    "quotations": '"Ok." ',
    "brackets": "(Ok.) ",
    "said": '"Ok," he said. ',
    "colons": "one two three four five: Six. ",
}
"""Splitter inputs: a piece repeated to the size."""


def _run(raw: bytes) -> tuple[float, str]:
    t0 = time.perf_counter()
    try:
        arts = [
            article_from_bytes(b"Title\n\n" + raw, "a", "a.txt"),
            article_from_bytes(b"Other\n\n" + raw[: len(raw) // 2], "b", "b.txt"),
        ]
    except InputError as exc:
        return time.perf_counter() - t0, str(exc).split(":")[1].strip()
    analysis = analyze(arts)
    render("html", analysis, generated="2026-01-01")
    render("md", analysis, generated="2026-01-01")
    return time.perf_counter() - t0, f"{len(analysis.alignment.groups)} groups"


def main() -> int:
    """Print seconds and s/MB per case at three sizes."""
    print(f"{'case':16} {'KB':>6} {'seconds':>8} {'s/MB':>6}  result")
    for name, make in CASES.items():
        for size in (30_000, 60_000, 120_000):
            raw = make(size)
            took, result = _run(raw)
            mb = len(raw) * 1.5 / 1e6
            print(f"{name:16} {len(raw) * 1.5 / 1000:6.0f} {took:8.2f} {took / mb:6.1f}  {result}")
    print(f"\nsplit_sentences alone\n{'case':16} {'KB':>6} {'seconds':>8} {'s/MB':>6}")
    for name, piece in SPLIT_CASES.items():
        for count in (2_000, 8_000):
            text = piece * count
            t0 = time.perf_counter()
            split_sentences(text)
            took = time.perf_counter() - t0
            mb = len(text.encode()) / 1e6
            print(f"{name:16} {mb * 1000:6.0f} {took:8.3f} {took / mb:6.1f}")
    return 0
