"""Provides Article, Sentence and Junk: one loaded version of the story, its sentences with
their offsets into the source text, and the page furniture set aside from its body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

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

    @property
    def heading(self) -> str:
        """What to call the article: its title, else its first sentence (the first line of the
        body, often the headline), else its file name."""
        if self.title:
            return self.title
        if self.sentences:
            return self.sentences[0].text
        return Path(self.path).name if self.path not in ("", "-") else self.id

    @property
    def named_outlet(self) -> str:
        """The outlet when the text, URL or page names one ("" when it only fell back to the id)."""
        return self.outlet if self.outlet and self.outlet != self.id else ""


_HASH_SUFFIX = re.compile(r"_(?=[0-9a-f]*[a-f])(?=[0-9a-f]*[0-9])[0-9a-f]{8,}$", re.IGNORECASE)


def article_id_from_name(name: str) -> str:
    """The short id of a file: its stem without a trailing hash-like suffix.

    `000_7ca5ec0bd355909c.txt` -> "000": an underscore and 8 or more hex characters (with at
    least one letter and one digit, so `story_20250617` keeps its date) are dropped.

    Args:
        name: a file name or path.

    Returns:
        The id (the whole stem when stripping would leave nothing).
    """
    stem = Path(name).stem if name not in ("", "-") else (name or "article")
    short = _HASH_SUFFIX.sub("", stem)
    return short or stem
