"""Provides the naive baseline as a whole process: load PATHs, score all pairs, print JSON.

`python -m bench.naive_align PATH ...`: every sentence of every version against every sentence
of every other version (rapidfuzz token_set_ratio, C loop), then a JSON line of matches per
pair. The yardstick `make bench` holds `sidebyside align --json` against.
"""

from __future__ import annotations

import json
import sys

from bench.align_bench import naive_pair
from tui.core.load.collection import load_collection


def main(paths: list[str]) -> int:
    """Load, score every pair, print the counts."""
    articles = load_collection(paths).articles
    counts = {
        f"{a.id}-{b.id}": naive_pair(a, b)
        for i, a in enumerate(articles)
        for b in articles[i + 1 :]
    }
    sys.stdout.write(json.dumps(counts, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
