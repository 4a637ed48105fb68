"""`sidebyside articles` on bad input: one line on stderr naming the path, exit code 2."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tui.cli import main
from tui.resources import seed_paths

GOOD = "Headline here\n\nKim met Shoigu. They talked.\n"


def make(tmp_path: Path, kind: str) -> str:
    if kind == "missing":
        return str(tmp_path / "nope.txt")
    if kind == "empty folder":
        (tmp_path / "empty").mkdir()
        return str(tmp_path / "empty")
    if kind == "empty file":
        (tmp_path / "e.txt").write_bytes(b"")
        return str(tmp_path / "e.txt")
    if kind == "whitespace":
        (tmp_path / "w.md").write_bytes(b"  \n \n")
        return str(tmp_path / "w.md")
    if kind == "binary":
        (tmp_path / "b.txt").write_bytes(bytes(range(256)))
        return str(tmp_path / "b.txt")
    if kind == "undecodable":
        (tmp_path / "u.txt").write_bytes(b"\xfd\xfe\xff" + bytes(range(1, 32)) * 3)
        return str(tmp_path / "u.txt")
    if kind == "too large":
        (tmp_path / "big.txt").write_bytes(b"Word here. " * 100)
        return str(tmp_path / "big.txt")
    if kind == "symlink loop":
        os.symlink(tmp_path / "y.txt", tmp_path / "x.txt")
        os.symlink(tmp_path / "x.txt", tmp_path / "y.txt")
        return str(tmp_path / "x.txt")
    raise AssertionError(kind)


CASES = [
    ("missing", "no such file or folder"),
    ("empty folder", "folder has no supported files (.txt, .md, .html, .htm)"),
    ("empty file", "empty file"),
    ("whitespace", "only whitespace"),
    ("binary", "binary file (NUL byte at 0)"),
    ("undecodable", "not UTF-8 (byte 0xfd at 0); no text encoding fits"),
    ("too large", "too large (1100 bytes, limit 500)"),
    ("symlink loop", "symlink loop"),
]


@pytest.mark.parametrize(("kind", "problem"), CASES, ids=[c[0] for c in CASES])
def test_bad_input_exits_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str, problem: str
) -> None:
    path = make(tmp_path, kind)
    assert main(["articles", path, "--max-bytes", "500"]) == 2
    captured = capsys.readouterr()
    assert captured.err == f"sidebyside: {path}: {problem}\n"
    assert captured.out == ""


def test_every_bad_path_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a, b = make(tmp_path, "missing"), make(tmp_path, "empty file")
    assert main(["articles", a, b]) == 2
    assert capsys.readouterr().err == (  # in the order given
        f"sidebyside: {a}: no such file or folder\nsidebyside: {b}: empty file\n"
    )


def test_an_app_launch_where_every_file_fails_names_every_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 16 item 14: the app (which opens with the files that load) names every failing
    file when none loads, not only the first."""
    a, b = make(tmp_path, "missing"), make(tmp_path, "empty file")
    assert main([a, b]) == 2
    assert capsys.readouterr().err == (
        f"sidebyside: {a}: no such file or folder\nsidebyside: {b}: empty file\n"
    )


def test_duplicates_are_a_notice_not_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "good.txt"
    path.write_text(GOOD, encoding="utf-8")
    assert main(["articles", "--json", str(path), str(path)]) == 0
    captured = capsys.readouterr()
    assert captured.err == f"sidebyside: {path}: file given twice, loaded once\n"
    assert [a["id"] for a in json.loads(captured.out)["articles"]] == ["good"]


def test_articles_json_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["articles", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["schema"] == "sidebyside.articles/1"
    assert [a["id"] for a in doc["articles"]] == ["000", "001", "002", "003", "004"]
    first = doc["articles"][0]
    for key in ("id", "path", "title", "outlet", "date", "url", "junk", "paragraphs", "sentences"):
        assert key in first
    assert first["date"] == "2025-06-17" and first["outlet"] == "The Moscow Times"
    assert {"text", "start", "end", "reason"} <= set(first["junk"][0])
    assert first["sentences"][0] == {
        "index": 0,
        "text": first["title"],
        "start": first["sentences"][0]["start"],
        "end": first["sentences"][0]["end"],
    }
    source = Path(seed_paths()[0]).read_text(encoding="utf-8")
    for s in first["sentences"][1:4]:
        assert " ".join(source[s["start"] : s["end"]].split()) == s["text"]


def test_legacy_encoding_warns_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes("Müller aß in Köln. Er war satt.".encode("cp1252"))
    assert main(["articles", str(path)]) == 0
    err = capsys.readouterr().err
    assert err == (f"sidebyside: {path}: not UTF-8 (byte 0xfc at 1); decoded as cp1252 (guessed)\n")


def test_subprocess_exact_stderr_and_exit_code(tmp_path: Path) -> None:
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    run = subprocess.run(
        [sys.executable, "-m", "tui", "articles", str(binary)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert run.returncode == 2
    assert run.stderr == f"sidebyside: {binary}: binary file (NUL byte at 8)\n"
    assert run.stdout == ""
