"""Provides `make stress`: the notes kill -9 stress run with many more trials than `make bench`.

`python -m bench.notes_stress [TRIALS]` (default 3000).
"""

from __future__ import annotations

import sys

from bench.notes_stress_bench import main

if __name__ == "__main__":
    raise SystemExit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 3000))
