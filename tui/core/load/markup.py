"""Provides clean_inline(): one line's inline markup removed (HTML tags and entities in text,
Markdown links, code, emphasis and escapes), each kept character mapped to its source span,
and the Markdown block patterns the paragraph parser reads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tui.core.load.article import Junk

_TAG = re.compile(r"<(?:/?[A-Za-z][\w:-]*(?:\s[^<>]{0,300}?)?/?|!--.*?--)>")


_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,10});")


_MD_LINK = re.compile(
    r"(?P<img>!)?\[(?P<text>[^\]]*)\]\((?P<href>[^()\s]*(?:\([^()\s]*\))?[^()\s]*)"
    r"(?:\s+\"[^\"]*\")?\)"
)


_MD_REFLINK = re.compile(r"\[(?P<text>[^\]]+)\]\[[^\]]*\]")


_MD_AUTOLINK = re.compile(r"<(?P<url>(?:https?|mailto):[^>\s]+)>")


_MD_CODE = re.compile(r"(`+)(?P<text>.+?)\1")


_MD_EMPHASIS = (
    re.compile(r"(?<![\w*\\])(\*{1,3})(?=[^\s*])(?P<text>.+?)(?<=[^\s*\\])\1(?![\w*])"),
    re.compile(r"(?<![\w_\\])(_{1,3})(?=[^\s_])(?P<text>.+?)(?<=[^\s_\\])\1(?![\w_])"),
    re.compile(r"(~~)(?=\S)(?P<text>.+?)(?<=\S)~~"),
)


_MD_ESCAPE = re.compile(r"\\[!-/:-@\[-`{-~]")


MD_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:\s+|$)")


MD_HEADING_TAIL = re.compile(r"\s+#+\s*$")


MD_ITEM = re.compile(r"^ {0,3}(?:[-*+]|\d{1,9}[.)])\s+")


MD_QUOTE = re.compile(r"^ {0,3}(?:>\s?)+")


MD_RULE = re.compile(r"^ {0,3}(?:([-*_])\s*(?:\1\s*){2,})$")


MD_SETEXT = re.compile(r"^ {0,3}(?:=+|-+)\s*$")


MD_FENCE = re.compile(r"^ {0,3}(?:```|~~~)")


MD_LINKDEF = re.compile(r"^ {0,3}\[[^\]]+\]:\s*\S+")


MD_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")


@dataclass(slots=True)
class MappedText:
    """Cleaned text with, per character, the source span it stands for."""

    chars: list[str] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)

    def add(self, ch: str, start: int, end: int) -> None:
        self.chars.append(ch)
        self.starts.append(start)
        self.ends.append(end)

    def add_run(self, text: str, start: int) -> None:
        """Add text copied as is from source[start : start + len(text)]."""
        self.chars.extend(text)
        self.starts.extend(range(start, start + len(text)))
        self.ends.extend(range(start + 1, start + len(text) + 1))

    def extend(self, other: MappedText) -> None:
        self.chars.extend(other.chars)
        self.starts.extend(other.starts)
        self.ends.extend(other.ends)

    def drop_head(self, n: int) -> None:
        del self.chars[:n], self.starts[:n], self.ends[:n]

    @property
    def text(self) -> str:
        return "".join(self.chars)


def _unescape(entity: str) -> str:
    from html import unescape  # here: its entity table loads only for text that has one

    return unescape(entity)


def clean_inline(source: str, start: int, end: int, fmt: str, junk: list[Junk]) -> MappedText:
    """Clean one line's inline markup, keeping each kept character's source span."""
    seg = source[start:end]
    drop = bytearray(len(seg))
    repl: dict[int, tuple[str, int]] = {}

    def cut(a: int, b: int) -> None:
        drop[a:b] = b"\x01" * (b - a)

    for m in _TAG.finditer(seg):
        cut(m.start(), m.end())
        junk.append(Junk(m.group(0), start + m.start(), start + m.end(), "html tag"))
    for m in _ENTITY.finditer(seg):
        value = _unescape(m.group(0))
        if value != m.group(0):
            repl[m.start()] = (value, m.end())
    if fmt == "md":
        for m in _MD_CODE.finditer(seg):
            cut(m.start(), m.start("text"))
            cut(m.end("text"), m.end())
        for m in _MD_LINK.finditer(seg):
            if m.group("img"):
                cut(m.start(), m.end())
                junk.append(Junk(m.group(0), start + m.start(), start + m.end(), "image"))
            else:
                cut(m.start(), m.start("text"))
                cut(m.end("text"), m.end())
        for m in _MD_REFLINK.finditer(seg):
            cut(m.start(), m.start("text"))
            cut(m.end("text"), m.end())
        for m in _MD_AUTOLINK.finditer(seg):
            cut(m.start(), m.start("url"))
            cut(m.end("url"), m.end())
        for pattern in _MD_EMPHASIS:
            for m in pattern.finditer(seg):
                cut(m.start(), m.start("text"))
                cut(m.end("text"), m.end())
        for m in _MD_ESCAPE.finditer(seg):
            cut(m.start(), m.start() + 1)
    out = MappedText()
    if not repl and not any(drop):
        out.add_run(seg, start)
        return out
    i, n = 0, len(seg)
    while i < n:
        if i in repl and not drop[i]:
            value, stop = repl[i]
            for ch in value:
                out.add(ch, start + i, start + stop)
            i = stop
            continue
        if not drop[i]:
            out.add(seg[i], start + i, start + i + 1)
        i += 1
    return out
