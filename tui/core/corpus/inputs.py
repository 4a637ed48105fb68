"""Provides the corpus inputs: a folder tree of article files or JSON Lines, one record each.

A record names where an article came from (`key`: the input path, or `file.jsonl#id`) and is
turned into an `Article` by the load stage, so a corpus reads every format the app reads.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from tui.core.errors import InputError
from tui.core.load.article import Article
from tui.core.load.articles import FORMATS, load_article
from tui.core.load.parse import article_from_text


@dataclass(frozen=True, slots=True)
class Record:
    """One article of a corpus, not yet loaded."""

    key: str
    """Where it came from: the file path, or `<file.jsonl>#<id>` for a JSON Lines record."""
    path: str
    """The file to read (a JSON Lines file for a record)."""
    line: int = -1
    """Line number (from 0) in a JSON Lines file, or -1 for an article file."""
    offset: int = -1
    """Byte offset of that line (a record is read with one seek), or -1."""


def iter_records(inputs: list[str]) -> Iterator[Record | InputError]:
    """Every article the inputs name: folders recursively (sorted), JSON Lines line by line.

    Args:
        inputs: folders, article files or `.jsonl` files.

    Yields:
        A Record per article, or an InputError for an input that cannot be used.
    """
    for arg in inputs:
        path = Path(arg)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if any(part.startswith(".") for part in child.relative_to(path).parts):
                    continue
                if child.suffix.lower() in FORMATS:
                    yield Record(str(child), str(child))
                elif child.suffix.lower() == ".jsonl":
                    yield from _jsonl(child)
        elif path.is_file() and path.suffix.lower() == ".jsonl":
            yield from _jsonl(path)
        elif path.is_file():
            yield Record(str(path), str(path))
        else:
            yield InputError(arg, "no such file or folder")


def _jsonl(path: Path) -> Iterator[Record | InputError]:
    try:
        with path.open("rb") as fh:
            offset = 0
            for n, line in enumerate(fh):
                if line.strip():
                    yield Record(f"{path}#{_record_id(line, n)}", str(path), n, offset)
                offset += len(line)
    except OSError as exc:
        yield InputError(str(path), exc.strerror or "cannot read")


def _record_id(line: bytes, n: int) -> str:
    try:
        obj = json.loads(line)
    except ValueError:
        return str(n)
    value = obj.get("id") if isinstance(obj, dict) else None
    return str(value) if value is not None else str(n)


def load_record(record: Record) -> Article:
    """Load one record as an Article (its id is the record key).

    Raises:
        InputError: the file or JSON line cannot be read or holds no article text.
    """
    if record.line < 0:
        return load_article(record.path, article_id=record.key)
    body, fmt = record_source(record)
    return article_from_text(body, record.key, record.key, fmt=fmt)


def record_source(record: Record) -> tuple[str, str]:
    """The article text a JSON Lines record stands for, and its format (`txt` or `html`).

    A `text` record becomes title, text, date and url as paragraphs: what a `.txt` file of the
    article would hold (so a story's copy of it loads the same in the app).

    Raises:
        InputError: the line cannot be read, is not a JSON object, or has no text or html.
    """
    where = f"{record.path}:{record.line + 1}"
    try:
        with open(record.path, "rb") as fh:
            raw = _line_of(fh, record)
    except OSError as exc:
        raise InputError(record.path, exc.strerror or "cannot read") from None
    try:
        obj = json.loads(raw)
    except ValueError as exc:
        raise InputError(where, f"not JSON ({exc})") from None
    if not isinstance(obj, dict):
        raise InputError(where, "not a JSON object")
    body, fmt = obj.get("text"), "txt"
    if not isinstance(body, str) or not body.strip():
        body, fmt = obj.get("html"), "html"
    if not isinstance(body, str) or not body.strip():
        raise InputError(where, "no text or html")
    if fmt == "txt":
        head = [str(obj[k]) for k in ("title",) if isinstance(obj.get(k), str)]
        tail = [str(obj[k]) for k in ("date", "url") if isinstance(obj.get(k), str)]
        body = "\n\n".join([*head, body, *tail])
    return body, fmt


def _line_of(fh: BinaryIO, record: Record) -> bytes:
    if record.offset >= 0:
        fh.seek(record.offset)
        return fh.readline()
    for n, raw in enumerate(fh):
        if n == record.line:
            return raw
    raise InputError(record.key, "record not found")
