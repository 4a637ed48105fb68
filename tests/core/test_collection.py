"""load_collection(): every bad path is one error naming it, the others still load."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tui.core.errors import (
    BinaryInput,
    DuplicateInput,
    EmptyInput,
    InputError,
    MissingInput,
    TooLargeInput,
    UnreadableInput,
)
from tui.core.load import articles as articles_module
from tui.core.load.collection import load_collection
from tui.resources import seed_paths

GOOD = "Headline here\n\nKim met Shoigu. They talked.\n"


@pytest.fixture
def good(tmp_path: Path) -> Path:
    path = tmp_path / "good.txt"
    path.write_text(GOOD, encoding="utf-8")
    return path


def make_bad(tmp_path: Path, kind: str) -> str:
    """Create one kind of bad input in tmp_path and return the path to give."""
    if kind == "missing":
        return str(tmp_path / "nope.txt")
    if kind == "empty folder":
        (tmp_path / "empty").mkdir()
        (tmp_path / "empty" / "notes.pdf").write_bytes(b"%PDF")
        return str(tmp_path / "empty")
    if kind == "empty file":
        (tmp_path / "e.txt").write_bytes(b"")
        return str(tmp_path / "e.txt")
    if kind == "whitespace":
        (tmp_path / "w.txt").write_bytes(b" \n\t \r\n")
        return str(tmp_path / "w.txt")
    if kind == "binary":
        (tmp_path / "b.txt").write_bytes(b"GIF89a\x00\x01\x02")
        return str(tmp_path / "b.txt")
    if kind == "too large":
        (tmp_path / "big.txt").write_bytes(b"word. " * 200)
        return str(tmp_path / "big.txt")
    if kind == "symlink loop":
        os.symlink(tmp_path / "b.md", tmp_path / "a.md")
        os.symlink(tmp_path / "a.md", tmp_path / "b.md")
        return str(tmp_path / "a.md")
    if kind == "broken symlink":
        os.symlink(tmp_path / "gone.txt", tmp_path / "link.txt")
        return str(tmp_path / "link.txt")
    if kind == "device":
        return os.devnull
    raise AssertionError(kind)


BAD = [
    ("missing", MissingInput, "{p}: no such file or folder"),
    ("empty folder", MissingInput, "{p}: folder has no supported files (.txt, .md, .html, .htm)"),
    ("empty file", EmptyInput, "{p}: empty file"),
    ("whitespace", EmptyInput, "{p}: only whitespace"),
    ("binary", BinaryInput, "{p}: binary file (NUL byte at 6)"),
    ("too large", TooLargeInput, "{p}: too large (1200 bytes, limit 1000)"),
    ("symlink loop", UnreadableInput, "{p}: symlink loop"),
    ("broken symlink", MissingInput, "{p}: broken symlink (target missing)"),
    ("device", UnreadableInput, "{p}: not a regular file (device, pipe or socket)"),
]


@pytest.mark.parametrize(("kind", "error", "message"), BAD, ids=[b[0] for b in BAD])
def test_bad_path_is_one_error_and_others_load(
    tmp_path: Path, good: Path, kind: str, error: type[InputError], message: str
) -> None:
    bad = make_bad(tmp_path, kind)
    collection = load_collection([bad, str(good)], max_bytes=1000)
    assert [a.id for a in collection.articles] == ["good"]
    assert len(collection.errors) == 1
    assert type(collection.errors[0]) is error
    assert str(collection.errors[0]) == message.format(p=bad)


def test_permission_denied(tmp_path: Path, good: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Tests run as root, where chmod 000 does not block reads: simulate the OS refusing.
    locked = tmp_path / "locked.txt"
    locked.write_text(GOOD, encoding="utf-8")
    real_open = open

    def guarded_open(file: object, *args: object, **kwargs: object) -> object:
        if str(file) == str(locked):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(articles_module, "open", guarded_open, raising=False)
    collection = load_collection([str(locked), str(good)])
    assert [a.id for a in collection.articles] == ["good"]
    assert [str(e) for e in collection.errors] == [f"{locked}: permission denied"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_permission_denied_for_real(tmp_path: Path) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text(GOOD, encoding="utf-8")
    locked.chmod(0)
    collection = load_collection([str(locked)])
    assert [str(e) for e in collection.errors] == [f"{locked}: permission denied"]


def test_same_file_and_folder_twice_load_once(tmp_path: Path, good: Path) -> None:
    other = tmp_path / "other.md"
    other.write_text("# Other\n\nText here.\n", encoding="utf-8")
    collection = load_collection([str(tmp_path), str(good), str(tmp_path), str(good)])
    assert [a.id for a in collection.articles] == ["good", "other"]
    assert collection.errors == ()
    assert all(isinstance(n, DuplicateInput) for n in collection.notices)
    assert [str(n) for n in collection.notices] == [
        f"{good}: already loaded from a folder given earlier, loaded once",
        f"{tmp_path}: folder given twice, loaded once",
        f"{good}: file given twice, loaded once",
    ]


def test_folder_is_sorted_and_skips_hidden_and_other_files(tmp_path: Path) -> None:
    for name in ("b.txt", "a.html", "c.md", ".hidden.txt", "d.pdf"):
        (tmp_path / name).write_text("<p>Text here.</p>" if name.endswith("html") else "Text.")
    (tmp_path / "sub.txt").mkdir()
    collection = load_collection([str(tmp_path)])
    assert [a.id for a in collection.articles] == ["a", "b", "c"]
    assert collection.folder == tmp_path.resolve()


def test_seed_ids_are_short_and_unique(tmp_path: Path) -> None:
    collection = load_collection([str(p) for p in seed_paths()])
    assert [a.id for a in collection.articles] == ["000", "001", "002", "003", "004"]


def test_clashing_ids_stay_unique(tmp_path: Path) -> None:
    for name in ("000_7ca5ec0bd355909c.txt", "000_1111aaaa2222bbbb.txt"):
        (tmp_path / name).write_text(GOOD, encoding="utf-8")
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "000_1111aaaa2222bbbb.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "y").mkdir()
    (tmp_path / "y" / "000_1111aaaa2222bbbb.txt").write_text(GOOD, encoding="utf-8")
    collection = load_collection([str(tmp_path), str(tmp_path / "x"), str(tmp_path / "y")])
    assert [a.id for a in collection.articles] == [
        "000",
        "000_7ca5ec0bd355909c",
        "000_1111aaaa2222bbbb",
        "000-2",
    ]


def test_stdin(good: Path) -> None:
    collection = load_collection(["-", "-"], read_stdin=lambda: GOOD.encode("utf-16"))
    assert [(a.id, a.path) for a in collection.articles] == [("stdin", "-")]
    assert [str(n) for n in collection.notices] == ["-: given twice, read once"]
    too_big = load_collection(["-"], max_bytes=10, read_stdin=lambda: GOOD.encode())
    assert [str(e) for e in too_big.errors] == [f"-: too large ({len(GOOD)} bytes, limit 10)"]
    absent = load_collection(["-"])
    assert [str(e) for e in absent.errors] == ["-: standard input is not available"]
