"""Notes hardening (issue 17, items 4 and 5): a sidecar's strings never carry a control
character or terminal escape to the terminal or a report, and a big listing stays cheap."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from tui.cli import main
from tui.commands import notes as notes_command
from tui.core.notes.sidecar import parse_sidecar
from tui.resources import seeds_dir

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
OSC52 = "\x1b]52;c;aGVsbG8=\x07"


def _note(i: int, **fields: object) -> dict[str, object]:
    note: dict[str, object] = {
        "id": f"n{i:05d}",
        "created": "2026-01-01T00:00:00Z",
        "updated": "2026-01-01T00:00:00Z",
        "author": "x",
        "verdict": "supported",
        "text": f"note {i}",
        "tags": [],
        "anchors": [],
        "history": [],
    }
    note.update(fields)
    return note


def _sidecar(folder: Path, notes: list[dict[str, object]]) -> Path:
    path = folder / "sidebyside.notes.json"
    doc = {"schema": "sidebyside.notes/1", "notes": notes, "deleted": []}
    path.write_text(json.dumps(doc))
    return path


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    out = tmp_path / "story"
    out.mkdir()
    for p in sorted(seeds_dir().glob("*.txt"))[:2]:
        shutil.copy(p, out / p.name)
    return out


HOSTILE = _note(
    1,
    id="a\x1b[2Jb",
    author=f"x{OSC52}",
    verdict="supported\x1b[31m",
    text=f"evil {OSC52} text \x9b31m and a bell\x07",
    tags=["t\x1b[1m"],
    anchors=[
        {
            "article": "zz\x1b[5m",
            "file_sha256": "0" * 64,
            "exact": "quote \x1b[2J here",
            "prefix": "",
            "suffix": "",
            "start": 0,
            "end": 5,
        }
    ],
    history=[
        {
            "updated": "2026-01-01T00:00:00Z",
            "author": "y\x1b[0m",
            "verdict": "",
            "text": f"old {OSC52}",
            "tags": [],
            "reason": "edit\x9d0;t\x9c",
        }
    ],
)
"""A note with an escape in every string a screen or a report shows."""


def test_parsed_sidecar_strings_carry_no_control_character(folder: Path) -> None:
    path = _sidecar(folder, [HOSTILE])
    (note,) = parse_sidecar(path.read_bytes(), str(path)).notes
    (anchor,) = note.anchors
    (entry,) = note.history
    strings = [note.id, note.author, note.verdict, note.text, *note.tags]
    strings += [anchor.article, anchor.exact, entry.author, entry.text, entry.reason]
    assert not [s for s in strings if CONTROL.search(s)]
    assert len(note.text) == len(HOSTILE["text"])  # type: ignore[arg-type]  # same length


@pytest.mark.parametrize(
    "argv",
    [
        ["notes"],
        ["notes", "--json"],
        ["report", "--format", "md"],
        ["report", "--format", "html"],
        ["report", "--format", "json"],
    ],
)
def test_no_escape_from_a_sidecar_reaches_the_output(
    folder: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    _sidecar(folder, [HOSTILE])
    assert main([argv[0], str(folder), *argv[1:]]) == 0
    captured = capsys.readouterr()
    out = captured.out + captured.err
    assert "evil" in out or "evil" in json.dumps(out)
    assert not CONTROL.search(out.replace("\t", ""))


def test_a_long_listing_is_plain_lines_one_per_note(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Over RICH_ROWS notes the table is plain columns (rich took 50 s on 19,000 notes)."""
    monkeypatch.setattr(notes_command, "RICH_ROWS", 3)
    _sidecar(folder, [_note(i, text=f"note {i}\nsecond line") for i in range(5)])
    assert main(["notes", str(folder)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1].split() == ["id", "verdict", "status", "where", "text"]
    assert [line.split()[:3] for line in lines[2:7]] == [
        [f"n{i:05d}", "supported", "orphaned"] for i in range(5)
    ]
    assert lines[2].endswith("note 0")
    assert lines[7] == "5 notes: 5 orphaned"
