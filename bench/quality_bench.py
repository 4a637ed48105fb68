"""Provides main(): alignment quality on the DEplain-web benchmark, with its own scorer.

Runs ../shared/eval/score_alignment.py on `python -m tui align {simple} {complex} --json` for
the dev and test splits, all documents and each domain (language learner: CC_BY_4, bible:
CC_BY_SA_3), and prints the scorer's pair and unit lines. The engine was tuned on dev only;
test is printed to report. Skipped, with a note, when ../shared/eval is not there.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"
"""The benchmark folder beside the checkout (not part of the project)."""

DOMAINS = (("all", []), ("language learner", ["CC_BY_4"]), ("bible", ["CC_BY_SA_3"]))
"""Name and scorer --licenses arguments of each domain."""

PUBLISHED = "published on test: CATS-C3G .882 (LL .970, bible .467), MASSalign .848, baseline .851"
"""The scorer README's re-scoring of released aligner outputs, for reading the figures."""


def main() -> int:
    """Print the figures (or why they are skipped)."""
    scorer = EVAL / "score_alignment.py"
    if not scorer.is_file():
        print(f"skipped: {scorer} not found (the benchmark is not shipped with the project)")
        return 0
    tool = f"{shlex.quote(sys.executable)} -m tui align {{simple}} {{complex}} --json"
    jobs = str(max(1, min(4, os.cpu_count() or 1)))
    for name, licenses in DOMAINS:
        cmd = [sys.executable, str(scorer), "--splits", "dev", "test", "--jobs", jobs]
        cmd += ["--cmd", tool, *(["--licenses", *licenses] if licenses else [])]
        proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if proc.returncode != 0:
            print(f"{name}: scorer failed: {proc.stderr.strip().splitlines()[-1:]}")
            return 1
        print(f"-- {name}")
        for line in proc.stdout.splitlines():
            if re.match(r"split=(dev|test) ", line):
                print("  " + " ".join(line.split()))
    print(PUBLISHED)
    return 0
