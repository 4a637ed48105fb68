"""Provides main(): whole-process times of the CLI commands on a big story, against naive.

Writes the 20 x 300 story of align_bench as files (50 x 300 too with SIDEBYSIDE_BENCH_BIG=1),
then runs, in turn and three times each, `align --json`, `facts --json`, `diff --json`,
`report --format json` and the naive all-pairs baseline (bench/naive_align.py) as separate
processes, and prints each one's median wall time, its peak RSS, and the ratios the issue
sets targets for: align / naive (target <= 0.5 on 20 x 300, <= 0.25 on 50 x 300) and each
other command / align (target <= 1.5). Targets are printed, not asserted.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.story_files import write_story

COMMANDS = {
    "naive": ["-m", "bench.naive_align"],
    "align": ["-m", "tui", "align", "--json"],
    "facts": ["-m", "tui", "facts", "--json"],
    "diff": ["-m", "tui", "diff", "--json"],
    "report": ["-m", "tui", "report", "--format", "json"],
}


def _run(argv: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of one child process."""
    t0 = time.perf_counter()
    with subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) as proc:
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)} exited {proc.returncode}")
    return wall, usage.ru_maxrss / 1024


def _story(versions: int, sentences: int, runs: int = 3) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        paths = [str(p) for p in write_story(Path(tmp), versions, sentences)]
        walls: dict[str, list[float]] = {name: [] for name in COMMANDS}
        peaks: dict[str, float] = dict.fromkeys(COMMANDS, 0.0)
        for _ in range(runs):  # alternate, so a drift in machine speed hits all alike
            for name, args in COMMANDS.items():
                wall, peak = _run([sys.executable, *args, *paths])
                walls[name].append(wall)
                peaks[name] = max(peaks[name], peak)
    med = {name: statistics.median(w) for name, w in walls.items()}
    target = 0.5 if versions <= 20 else 0.25
    print(f"{versions} x {sentences}: median of {runs} whole processes, alternating")
    for name in COMMANDS:
        if name == "naive":
            ratio = ""
        elif name == "align":
            ratio = f"align/naive {med['align'] / med['naive']:.2f} (target <= {target})"
        else:
            ratio = f"{name}/align {med[name] / med['align']:.2f} (target <= 1.5)"
        print(f"  {name:>7} {med[name]:6.2f} s  peak {peaks[name]:6.1f} MiB  {ratio}")


def main() -> int:
    """Print the figures; always 0 (targets are reported, not enforced)."""
    _story(20, 300)
    if os.environ.get("SIDEBYSIDE_BENCH_BIG"):
        _story(50, 300)
    else:
        print("(50 x 300: set SIDEBYSIDE_BENCH_BIG=1; about 4 minutes)")
    return 0
