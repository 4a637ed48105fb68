"""Provides main(): the pipeline's time on pathological inputs (issue 17, item 2), printed.

Each case is two versions (the second half as long), loaded from bytes and run end to end:
analyze(), then the HTML and Markdown reports, as `sidebyside report` does. The figure to
watch is s/MB: bounded work means it stays flat as the input grows.

- `no stop`: one sentence of ~200 KB, words and no punctuation.
- `repeated dates`: the issue's reproducer, "on Tuesday and " repeated, no stop (120 KB).
- `tiny sentences`: "Ok. " repeated (40,000 sentences in 160 KB).

Before the sentence bound (loader cuts sentences over 600 characters at spaces), `sidebyside
facts` / `align` on `repeated dates` ran for over 60 s (killed) and `no stop` took 1.3 s;
`tiny sentences` is unchanged (linear, but ~150 µs per sentence: 25-30 s/MB).
No targets are asserted; the figures go in the report.
"""

from __future__ import annotations

import time

from tui.core.analysis import analyze
from tui.core.load.articles import article_from_bytes
from tui.core.report.writer import render

CASES = {
    "no stop": lambda n: " ".join(f"word{i % 500}" for i in range(n // 8)).encode(),
    "repeated dates": lambda n: b"on Tuesday and " * (n // 15) + b".",
    "tiny sentences": lambda n: b"Ok. " * (n // 4),
}
"""Input generators: size in bytes -> file content."""


def _run(raw: bytes) -> float:
    t0 = time.perf_counter()
    arts = [
        article_from_bytes(b"Title\n\n" + raw, "a", "a.txt"),
        article_from_bytes(b"Other\n\n" + raw[: len(raw) // 2], "b", "b.txt"),
    ]
    analysis = analyze(arts)
    render("html", analysis, generated="2026-01-01")
    render("md", analysis, generated="2026-01-01")
    return time.perf_counter() - t0


def main() -> int:
    """Print seconds and s/MB per case at three sizes."""
    print(f"{'case':16} {'KB':>6} {'seconds':>8} {'s/MB':>6}")
    for name, make in CASES.items():
        for size in (30_000, 60_000, 120_000):
            raw = make(size)
            took = _run(raw)
            mb = len(raw) * 1.5 / 1e6
            print(f"{name:16} {len(raw) * 1.5 / 1000:6.0f} {took:8.2f} {took / mb:6.1f}")
    return 0
