"""One numbering for readers: the CLI's text output counts sentences and groups from 1, as the
app and the reports do, while `--json` keeps its 0-based fields (issue 16 item 1)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tui.cli import main

ALPHA = (
    "Officials said 40 people died on Tuesday.\n\n"
    "The river rose by three metres overnight. Rescue teams reached the village at dawn.\n"
)
BETA = "Forty people died, officials said.\n\nRescue teams got to the village at dawn.\n"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(list(argv)) == 0
    return capsys.readouterr().out


def test_facts_text_counts_groups_and_sentences_from_1(
    capsys: pytest.CaptureFixture[str],
) -> None:
    doc = json.loads(run(capsys, "facts", "--json"))
    text = run(capsys, "facts", "--discrepancies-only")
    grouped = next(d for d in doc["discrepancies"] if d["group"] is not None)
    assert (
        f"{grouped['id']} {grouped['severity']} {grouped['kind']} · group {grouped['group'] + 1}:"
        in text
    )
    v = next(v for v in grouped["variants"] if v["sentence"] is not None)
    assert f"    {v['article']} s{v['sentence'] + 1} @{v['start']}-{v['end']}:" in text


def test_diff_and_align_text_count_from_1(capsys: pytest.CaptureFixture[str]) -> None:
    doc = json.loads(run(capsys, "diff", "--json"))
    first = doc["groups"][0]
    ref = "+".join(str(i + 1) for i in first["reference"]["sentences"])
    text = run(capsys, "diff")
    assert f"group {first['id'] + 1} · {first['kind']} · {doc['reference']} [s{ref}]" in text
    assert not re.search(r"^group 0 ", text, flags=re.M)
    table = run(capsys, "align")
    assert "[s1]" in table and "[s0]" not in table


def test_notes_text_counts_from_1_says_1_note_and_leaves_no_lock_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "alpha.txt").write_text(ALPHA, encoding="utf-8")
    (tmp_path / "beta.txt").write_text(BETA, encoding="utf-8")
    added = run(
        capsys,
        *("notes", str(tmp_path), "--add", "--article", "alpha", "--sentence", "2"),
        *("--verdict", "1", "--text", "ok"),
    )
    assert "on alpha s3 in" in added  # --sentence is the JSON index (0-based); s3 to a reader
    listed = run(capsys, "notes", str(tmp_path))
    assert "alpha s3" in listed and "alpha:2" not in listed
    assert "\n1 note: 1 anchored\n" in listed
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "alpha.txt",
        "beta.txt",
        "sidebyside.notes.json",
    ]
