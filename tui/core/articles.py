"""Provides Article and load_article(): decode a file, drop scrape noise, split sentences.

INTERIM: the data model below is the contract the rest of the core codes against; the loading
rules are a first cut that the loader work replaces (same signatures).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from tui.core.errors import BinaryInput, EmptyInput, MissingInput, TooLargeInput

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
"""Files larger than this are refused unless `--max-bytes` says otherwise."""

SUPPORTED_SUFFIXES = (".txt", ".md", ".html", ".htm")
"""File name endings that a folder scan picks up."""


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of an article's body."""

    index: int
    """Position in the article, from 0, across paragraphs."""
    text: str
    """The sentence as read: junk and markup removed, whitespace collapsed to single spaces."""
    start: int
    """Offset of its first character in the decoded source text."""
    end: int
    """Offset just past its last character in the decoded source text."""
    paragraph: int
    """Index of its paragraph, from 0."""


@dataclass(frozen=True, slots=True)
class Junk:
    """A line or fragment recognised as page furniture, kept out of the body but not lost."""

    text: str
    """The junk as it stands in the source."""
    start: int
    """Offset in the decoded source text."""
    end: int
    """Offset just past it in the decoded source text."""
    reason: str = ""
    """Why it was set aside: "navigation", "credit", "related", "url trailer", "outlet tag"..."""


@dataclass(frozen=True, slots=True)
class Article:
    """One version of the story, as loaded from one file."""

    id: str
    """Stable id from the file name (its stem, made unique by the loader of a collection)."""
    path: str
    """The file it came from, as given ("-" for stdin)."""
    source: str
    """The decoded file text (line ends normalised to \\n); offsets point into it."""
    sentences: tuple[Sentence, ...]
    """The body, sentence by sentence, in reading order."""
    paragraphs: tuple[tuple[int, ...], ...]
    """Sentence indices per paragraph."""
    title: str = ""
    """The headline, or "" when none was found."""
    outlet: str = ""
    """Publisher, from a URL in the text or the file name."""
    date: str | None = None
    """Publication date, ISO 8601 (YYYY-MM-DD), when the text states one."""
    url: str | None = None
    """The article's URL when the text states one."""
    junk: tuple[Junk, ...] = ()
    """Page junk and credits set aside, in source order."""
    warnings: tuple[str, ...] = ()
    """Non-fatal remarks, e.g. "decoded as cp1252"."""
    sha256: str = ""
    """Hash of the raw file bytes, for notes anchoring."""
    fmt: str = "txt"
    """Source format: "txt", "md" or "html"."""
    extra: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
    """Free-form metadata; not part of equality."""

    @property
    def words(self) -> int:
        """Number of words in the body."""
        return sum(len(s.text.split()) for s in self.sentences)


_SENT_END = re.compile(r"(?<=[.!?])[\"'”»]?\s+(?=[\"'“«A-Z0-9])")


def article_from_text(text: str, article_id: str, path: str = "", raw: bytes | None = None) -> Article:
    """Build an Article from decoded text (interim splitter: blank-line paragraphs, regex stops).

    Args:
        text: the decoded source.
        article_id: the id to give it.
        path: where it came from.
        raw: the raw bytes, for the hash (defaults to the UTF-8 text).

    Returns:
        The Article.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    sentences: list[Sentence] = []
    paragraphs: list[tuple[int, ...]] = []
    for para in re.finditer(r"[^\n]+(?:\n[^\n]+)*", text):
        chunk = para.group(0)
        if not chunk.strip():
            continue
        idx: list[int] = []
        pos = 0
        pieces = [m.end() for m in _SENT_END.finditer(chunk)] + [len(chunk)]
        for cut in pieces:
            piece = chunk[pos:cut]
            lead = len(piece) - len(piece.lstrip())
            body = piece.strip()
            if body:
                s = para.start() + pos + lead
                idx.append(len(sentences))
                sentences.append(
                    Sentence(len(sentences), " ".join(body.split()), s, s + len(body), len(paragraphs))
                )
            pos = cut
        if idx:
            paragraphs.append(tuple(idx))
    if not sentences:
        raise EmptyInput(path or article_id, "no text")
    digest = hashlib.sha256(raw if raw is not None else text.encode("utf-8")).hexdigest()
    title = sentences[0].text if not sentences[0].text.endswith(".") else ""
    return Article(
        id=article_id,
        path=path,
        source=text,
        sentences=tuple(sentences),
        paragraphs=tuple(paragraphs),
        title=title,
        outlet=article_id,
        sha256=digest,
    )


def load_article(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES, article_id: str | None = None) -> Article:
    """Load one article file.

    Args:
        path: the file.
        max_bytes: refuse files larger than this.
        article_id: the id to give it (default: the file stem).

    Returns:
        The Article.

    Raises:
        InputError: missing, empty, binary, too large or undecodable.
    """
    p = Path(path)
    if not p.exists():
        raise MissingInput(str(path), "no such file")
    size = p.stat().st_size
    if size > max_bytes:
        raise TooLargeInput(str(path), f"too large ({size} bytes, limit {max_bytes})")
    return article_from_bytes(p.read_bytes(), article_id or p.stem, str(path))


def article_from_bytes(raw: bytes, article_id: str, path: str) -> Article:
    """Decode raw file bytes and build the Article (see load_article)."""
    if b"\x00" in raw:
        raise BinaryInput(str(path), "binary file (NUL bytes)")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BinaryInput(path, f"not UTF-8 (byte 0x{raw[exc.start]:02x} at {exc.start})") from exc
    if not text.strip():
        raise EmptyInput(path, "empty file")
    return article_from_text(text, article_id, path, raw)
