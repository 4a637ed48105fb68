"""The fuzz targets of `make fuzz` (bench/fuzz.py), short: a few hundred fixed-seed cases each.

No timing here (that is `make fuzz`): only crashes other than InputError, active links in the
HTML report and control characters in articles or the Markdown report fail.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[2]))
from bench.fuzz import run_target


@pytest.mark.parametrize(("target", "examples"), [("load", 300), ("split", 300), ("pipeline", 60)])
def test_fuzz_target_finds_no_crash_or_injection(target: str, examples: int) -> None:
    tally = run_target(target, examples, seed=17, small=True)
    assert tally.cases == examples
    real = [f for f in tally.failures if not f.startswith("slow")]
    assert real == []


def test_the_fuzzer_reports_a_crash_it_is_shown() -> None:
    """The harness itself: a target that crashes is counted, not swallowed."""
    from bench import fuzz

    tally = fuzz.Tally()
    fuzz._timed(tally, 10, lambda: [][1])
    fuzz._timed(tally, 10, lambda: ["active link in the HTML report: 'javascript:'"])
    assert tally.cases == 2
    assert tally.failures[0].startswith("crash: IndexError")
    assert tally.failures[1].startswith("active link")
