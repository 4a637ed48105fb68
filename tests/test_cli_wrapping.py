"""CLI text output at 80 columns wraps at word boundaries and keeps indents (issue 16.16)."""

from __future__ import annotations

import json

import pytest

from tui.cli import main


@pytest.fixture(autouse=True)
def eighty_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(list(argv)) == 0
    return capsys.readouterr().out


def test_align_at_80_columns_stacks_versions_and_never_breaks_a_word(
    capsys: pytest.CaptureFixture[str],
) -> None:
    doc = json.loads(run(capsys, "align", "--json"))
    sentences = {a["id"]: [s["text"] for s in a["sentences"]] for a in doc["articles"]}
    lines = run(capsys, "align").splitlines()
    assert all(len(line) <= 80 for line in lines)
    members: dict[str, str] = {}
    current = None
    for line in lines:
        if line.startswith("    ") and not line.startswith("      ") and line[4:7].isdigit():
            current = line[4:]
            members[current] = current
        elif line.startswith("      ") and current is not None:
            members[current] += " " + line.strip()
        elif not line.startswith(" "):
            current = None
    assert len(members) > 40
    for text in members.values():  # "000 [s2+3] text": the text is the sentences, words whole
        art, label, body = text.split(" ", 2)
        idx = [int(i) - 1 for i in label.strip("[s]").split("+")]
        assert body == " ".join(sentences[art][i] for i in idx)


def test_diff_at_80_columns_keeps_every_line_inside_its_indent(
    capsys: pytest.CaptureFixture[str],
) -> None:
    lines = run(capsys, "diff").splitlines()
    assert all(len(line) <= 80 for line in lines)
    body = [x for x in lines[1:] if x and not x.startswith("group ")]
    assert body and all(x.startswith("  ") for x in body)
    diff_lines = [x for x in body if not x.startswith("  0") and x.startswith("    ")]
    assert len(diff_lines) > 60  # wrapped diffs: their continuations stay 4 columns in


def test_facts_at_80_columns_hang_continuations(capsys: pytest.CaptureFixture[str]) -> None:
    lines = run(capsys, "facts", "--discrepancies-only").splitlines()
    assert all(len(line) <= 80 for line in lines)
    for line in lines[1:]:
        assert line.startswith(("d", "   ")), line
    assert any(x.startswith("   ") and not x.startswith("    ") for x in lines)  # wrapped
