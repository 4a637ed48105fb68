"""`sidebyside notes`: listing with anchor status, --add, bad input in one line, bad sidecars."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tui.cli import main

ALPHA = (
    "Officials said 40 people died on Tuesday.\n\n"
    "The river rose by three metres overnight. Rescue teams reached the village at dawn.\n"
)
BETA = "Forty people died, officials said.\n\nRescue teams got to the village at dawn.\n"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    f = tmp_path / "story"
    f.mkdir()
    (f / "alpha.txt").write_text(ALPHA, encoding="utf-8")
    (f / "beta.txt").write_text(BETA, encoding="utf-8")
    return f


def listing(folder: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> dict[str, object]:
    assert main(["notes", str(folder), "--json", *extra]) == 0
    return json.loads(capsys.readouterr().out)  # type: ignore[no-any-return]


def add(folder: Path, *options: str) -> int:
    return main(["notes", str(folder), "--add", *options])


def test_empty_listing_says_where_the_sidecar_is(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["notes", str(folder)]) == 0
    out = capsys.readouterr().out
    assert str(folder / "sidebyside.notes.json") in out and "next to the articles" in out
    assert "No notes yet." in out


def test_add_then_list(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rc = add(folder, "--article", "alpha", "--sentence", "2", "--verdict", "2", "--text", "Who?")
    assert rc == 0
    assert "added note" in capsys.readouterr().out
    doc = listing(folder, capsys)
    assert doc["schema"] == "sidebyside.notelist/1"
    assert doc["sidecar"] == {  # type: ignore[comparison-overlap]
        "path": str(folder / "sidebyside.notes.json"),
        "reason": "next to the articles",
        "fallback": False,
        "shared": None,
    }
    (note,) = doc["notes"]  # type: ignore[misc]
    assert (note["verdict"], note["text"], note["status"]) == ("disputed", "Who?", "anchored")
    (anchor,) = note["anchors"]
    assert anchor["article"] == "alpha" and anchor["sentences"] == [2]
    assert anchor["exact"] == "Rescue teams reached the village at dawn."
    sidecar = json.loads((folder / "sidebyside.notes.json").read_text(encoding="utf-8"))
    assert sidecar["schema"] == "sidebyside.notes/1" and len(sidecar["notes"]) == 1


def test_listing_shows_moved_and_orphaned_after_edits(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for sentence in ("0", "2"):
        assert (
            add(
                folder,
                "--article",
                "alpha",
                "--sentence",
                sentence,
                "--verdict",
                "1",
                "--text",
                "t",
            )
            == 0
        )
    capsys.readouterr()
    edited = ALPHA.replace("Officials said 40 people died on Tuesday.", "Nobody knows yet.")
    (folder / "alpha.txt").write_text("Editor's note: updated.\n\n" + edited, encoding="utf-8")
    doc = listing(folder, capsys)
    statuses = sorted(n["status"] for n in doc["notes"])  # type: ignore[attr-defined]
    assert statuses == ["moved", "orphaned"]
    assert main(["notes", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "orphaned quote" in out and "Officials said 40" in out


def test_add_on_a_quote_anchors_those_words_only(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rc = add(
        folder,
        *("--article", "alpha", "--sentence", "1", "--quote", "THREE metres"),
        *("--verdict", "3", "--text", "Gauge says two."),
    )
    assert rc == 0
    capsys.readouterr()
    (note,) = listing(folder, capsys)["notes"]  # type: ignore[misc]
    (anchor,) = note["anchors"]
    assert anchor["exact"] == "three metres" and anchor["sentences"] == [1]
    assert ALPHA[anchor["start"] : anchor["end"]] == "three metres"


def test_quote_only_goes_with_add(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["notes", str(folder), "--quote", "metres"]) == 2
    assert "only go with --add" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (
            ["--article", "gamma", "--sentence", "0", "--verdict", "1", "--text", "t"],
            "--article: no article with id 'gamma'",
        ),
        (
            ["--article", "alpha", "--sentence", "9", "--verdict", "1", "--text", "t"],
            "--sentence: no sentence 9 in alpha",
        ),
        (
            ["--article", "alpha", "--sentence", "-1", "--verdict", "1", "--text", "t"],
            "--sentence: no sentence -1",
        ),
        (
            ["--article", "alpha", "--sentence", "0", "--verdict", "7", "--text", "t"],
            "--verdict: unknown verdict '7'",
        ),
        (
            ["--article", "alpha", "--sentence", "0", "--verdict", "maybe", "--text", "t"],
            "--verdict: unknown verdict",
        ),
        (["--article", "alpha"], "--add: also needs --sentence, --verdict, --text"),
        (
            [
                *("--article", "alpha", "--sentence", "0"),
                *("--quote", "50 people", "--verdict", "1", "--text", "t"),
            ],
            "--quote: '50 people' is not in sentence 0 of alpha",
        ),
    ],
)
def test_bad_add_exits_2_with_one_line_and_writes_nothing(
    folder: Path, capsys: pytest.CaptureFixture[str], options: list[str], message: str
) -> None:
    assert add(folder, *options) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("sidebyside: ") and message in err
    assert not (folder / "sidebyside.notes.json").exists()


def _one_note(history: str = "[]", text: str = '"t"') -> bytes:
    note = (
        '{"id": "a", "created": "2026-01-01T00:00:00Z", "updated": "2026-01-01T00:00:00Z", '
        f'"author": "x", "verdict": "", "text": {text}, "tags": [], "anchors": [], '
        f'"history": {history}}}'
    )
    return f'{{"schema": "sidebyside.notes/1", "notes": [{note}]}}'.encode()


MALFORMED = {
    "not json": b"{ not json",
    "other schema": b'{"schema": "sidebyside.notes/9"}',
    # found by fuzzing (issue 17): each was an internal error (exit 1)
    "history entry an int": _one_note(history="[5]"),
    "lone surrogate": _one_note(text='"\\ud800"'),
    "5,000-digit integer": b'{"schema": "sidebyside.notes/1", "x": ' + b"9" * 5000 + b"}",
    "deep nesting": b'{"schema": "sidebyside.notes/1", "x": '
    + b"[" * 100_000
    + b"]" * 100_000
    + b"}",
}


@pytest.mark.parametrize("content", MALFORMED.values(), ids=MALFORMED.keys())
def test_corrupt_sidecar_exits_2_names_the_file_and_keeps_it(
    folder: Path, capsys: pytest.CaptureFixture[str], content: bytes
) -> None:
    sidecar = folder / "sidebyside.notes.json"
    sidecar.write_bytes(content)
    for argv in (
        ["notes", str(folder)],
        ["notes", str(folder), "--json"],
        [
            "notes",
            str(folder),
            "--add",
            "--article",
            "alpha",
            "--sentence",
            "0",
            "--verdict",
            "1",
            "--text",
            "t",
        ],
    ):
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and str(sidecar) in err and "kept" in err
        assert sidecar.read_bytes() == content
    assert main(["notes", str(folder), "--quarantine"]) == 0
    (aside,) = folder.glob("sidebyside.notes.corrupt-*.json")
    assert aside.read_bytes() == content
    assert listing(folder, capsys)["notes"] == []


def test_notes_option_chooses_the_file(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mine = tmp_path / "elsewhere" / "mine.json"
    opts = ["--article", "beta", "--sentence", "1", "--verdict", "false", "--text", "t"]
    assert add(folder, *opts, "--notes", str(mine), "--tags", "a,b", "c") == 0
    assert not (folder / "sidebyside.notes.json").exists()
    capsys.readouterr()
    doc = listing(folder, capsys, "--notes", str(mine))
    assert doc["sidecar"]["path"] == str(mine)  # type: ignore[index]
    assert doc["notes"][0]["tags"] == ["a", "b", "c"]  # type: ignore[index]


def test_unwritable_folder_uses_the_user_data_folder(
    folder: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    real_access = os.access
    monkeypatch.setattr(
        os, "access", lambda p, m: False if str(p).startswith(str(folder)) else real_access(p, m)
    )
    assert (
        add(folder, "--article", "alpha", "--sentence", "1", "--verdict", "1", "--text", "t") == 0
    )
    capsys.readouterr()
    doc = listing(folder, capsys)
    where = Path(doc["sidecar"]["path"])  # type: ignore[index]
    assert doc["sidecar"]["fallback"] is True  # type: ignore[index]
    assert "not writable" in doc["sidecar"]["reason"]  # type: ignore[index]
    assert where.is_relative_to(tmp_path / "xdg") and where.exists()
    assert not (folder / "sidebyside.notes.json").exists()
    assert len(doc["notes"]) == 1  # type: ignore[arg-type]


def test_a_read_only_folders_notes_show_beside_new_ones(
    folder: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Issue 17 item 6: the team's sidecar in a folder the reviewer cannot write still shows."""
    team = ["--article", "alpha", "--sentence", "0", "--verdict", "2", "--text", "team"]
    assert add(folder, *team) == 0
    shared = folder / "sidebyside.notes.json"
    before = shared.read_bytes()
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    real_access = os.access
    monkeypatch.setattr(
        os,
        "access",
        lambda p, m: False if str(p).startswith(str(folder)) and m & os.W_OK else real_access(p, m),
    )
    mine = ["--article", "alpha", "--sentence", "1", "--verdict", "1", "--text", "mine"]
    assert add(folder, *mine) == 0
    capsys.readouterr()
    doc = listing(folder, capsys)
    assert doc["sidecar"]["fallback"] is True  # type: ignore[index]
    assert "shown read only" in doc["sidecar"]["reason"]  # type: ignore[index]
    assert sorted(n["text"] for n in doc["notes"]) == ["mine", "team"]  # type: ignore[attr-defined]
    # both sidecars are listed: new notes go to "path", the team's is "shared" (read only)
    (team_note,) = [n for n in doc["notes"] if n["text"] == "team"]  # type: ignore[attr-defined]
    assert doc["sidecar"]["shared"] == {  # type: ignore[index]
        "path": str(shared),
        "read_only": True,
        "notes": [team_note["id"]],
        "problem": None,
    }
    assert Path(doc["sidecar"]["path"]) != shared  # type: ignore[index]
    assert main(["notes", str(folder)]) == 0
    assert f"Shared, read only: {shared} (1 notes shown)" in capsys.readouterr().out
    assert shared.read_bytes() == before  # never written
    assert main(["report", str(folder), "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert sorted(n["text"] for n in report["notes"]["notes"]) == ["mine", "team"]


def test_no_paths_means_the_seeds_and_their_notes_stay_out_of_the_seeds_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui.resources import seeds_dir

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert main(["notes", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["sidecar"]["fallback"] is True
    assert Path(doc["sidecar"]["path"]).is_relative_to(tmp_path / "xdg")
    assert not (seeds_dir() / "sidebyside.notes.json").exists()
