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


@pytest.mark.parametrize(
    ("target", "examples"), [("load", 300), ("split", 300), ("sidecar", 300), ("pipeline", 60)]
)
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


def test_the_sidecar_target_runs_on_a_note_with_an_escape() -> None:
    """A note with a terminal escape reads cleaned, so the target finds nothing to report."""
    from bench import fuzz

    doc = {"schema": "sidebyside.notes/1", "notes": [{**fuzz._NOTE, "text": "a\x1b[2Jb"}]}
    raw = fuzz.json.dumps(doc).encode()
    assert fuzz.sidecar_case(raw) == []  # cleaned on reading: nothing reaches the output
    from tui.core.notes.sidecar import parse_sidecar

    (note,) = parse_sidecar(raw, "x").notes
    assert note.text == "a    b"


def test_atheris_engine_is_skipped_cleanly_when_absent(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from bench import fuzz, fuzz_atheris

    monkeypatch.setattr(fuzz_atheris, "available", lambda: False)
    monkeypatch.setattr(fuzz, "warm_up", lambda: None)
    assert fuzz.main(["0.5", "split", "--atheris"]) == 0
    out = capsys.readouterr().out
    assert "atheris is not installed" in out
    assert out.splitlines()[1].startswith("split: ")
