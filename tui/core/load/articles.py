"""Provides Article and load_article(): decode a file, set page junk aside, split sentences.

Loading, step by step:
1. Decode (tui.core.load.decode): UTF-8 with or without BOM, UTF-16/32 with BOM, or a guessed
   legacy code page (cp1251/cp1252) with a warning; CRLF and CR become LF.
2. Format: `.html`/`.htm` become their readable text (tui.core.load.html), which is then the
   article's `source`; `.md` keeps its source and strips markup per character; `.txt` only
   loses stray HTML tags and entities. Every character of a sentence keeps its source offset.
3. Lines that are page furniture (tui.core.load.junk: widget residue, URL trailers, "Related
   article:" lines, agency credits, bylines, datelines, lone outlet names) and outlet tags at
   the start of a paragraph ("(MENAFN)") go to `Article.junk`, not to the body.
4. Paragraphs: each line is a paragraph, except in hard-wrapped text (blank-line blocks) and
   Markdown (blocks, headings, list items); a paragraph that ends without a stop and is
   followed by one starting in lower case is the same sentence broken by the scrape, and joined.
5. Sentences (tui.core.load.segment): offsets into `source`; `Sentence.text` is the sentence with
   markup and junk removed and whitespace collapsed.
6. Metadata: title (first short line without a final stop), date (a stated date line, widget
   residue, HTML meta, or the URL path; a day without a year is not used), url (a bare URL line
   or trailer, HTML canonical), outlet (from the URL, else a credit line or outlet tag, else the
   file id).
"""

from __future__ import annotations

import hashlib
import itertools
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from tui.core.errors import (
    EmptyInput,
    InputError,
    MalformedInput,
    MissingInput,
    TooLargeInput,
    UnreadableInput,
)
from tui.core.load.bounds import bound_spans
from tui.core.load.sanitize import cleaned

# The parsing modules (decode, junk, segment) import where an article is parsed: the app, which
# loads in its analysis process and only unpickles Articles, then never imports them.

if TYPE_CHECKING:  # HTML is parsed on first use: text and Markdown inputs need no parser
    from tui.core.load.html import HtmlText

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


FORMATS = {".txt": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}
"""File name ending -> format; anything else is read as plain text."""

TERMINAL = ".!?…:;\"'”’»)]"
"""A paragraph ending in one of these is complete (not a sentence broken by the scrape)."""

MAX_TITLE_WORDS = 30
"""A headline is one line of at most this many words."""

_HASH_SUFFIX = re.compile(r"_(?=[0-9a-f]*[a-f])(?=[0-9a-f]*[0-9])[0-9a-f]{8,}$", re.IGNORECASE)
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
_MD_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:\s+|$)")
_MD_HEADING_TAIL = re.compile(r"\s+#+\s*$")
_MD_ITEM = re.compile(r"^ {0,3}(?:[-*+]|\d{1,9}[.)])\s+")
_MD_QUOTE = re.compile(r"^ {0,3}(?:>\s?)+")
_MD_RULE = re.compile(r"^ {0,3}(?:([-*_])\s*(?:\1\s*){2,})$")
_MD_SETEXT = re.compile(r"^ {0,3}(?:=+|-+)\s*$")
_MD_FENCE = re.compile(r"^ {0,3}(?:```|~~~)")
_MD_LINKDEF = re.compile(r"^ {0,3}\[[^\]]+\]:\s*\S+")
_MD_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
_URL_DATE = re.compile(r"/((?:19|20)\d\d)/([01]?\d)/([0-3]?\d)(?:/|$)")


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


@dataclass(slots=True)
class _Text:
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

    def extend(self, other: _Text) -> None:
        self.chars.extend(other.chars)
        self.starts.extend(other.starts)
        self.ends.extend(other.ends)

    def drop_head(self, n: int) -> None:
        del self.chars[:n], self.starts[:n], self.ends[:n]

    @property
    def text(self) -> str:
        return "".join(self.chars)


@dataclass(slots=True)
class _Line:
    """One non-blank body line."""

    start: int
    end: int
    clean: _Text
    kind: str = "text"
    """"text", "heading", "item" or "quote" (Markdown structure)."""
    flat: str = ""
    """The clean text, whitespace collapsed (set by _read_lines)."""


@dataclass(slots=True)
class _Meta:
    """Metadata candidates found while reading the lines."""

    dates: list[str] = field(default_factory=list)
    urls: list[str] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)
    title: str = ""


def _unescape(entity: str) -> str:
    from html import unescape  # here: its entity table loads only for text that has one

    return unescape(entity)


def _inline(source: str, start: int, end: int, fmt: str, junk: list[Junk]) -> _Text:
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
    out = _Text()
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


def _front_matter(lines: list[tuple[int, int]], source: str, meta: _Meta) -> int:
    """Read a Markdown `---` front matter block; returns how many lines it takes."""
    from tui.core.load.junk import find_urls, parse_date

    if not lines or source[lines[0][0] : lines[0][1]].strip() != "---":
        return 0
    for k, (s, e) in enumerate(lines[1:60], start=1):
        line = source[s:e]
        if line.strip() in ("---", "..."):
            return k + 1
        key, _, value = line.partition(":")
        key, value = key.strip().lower(), value.strip().strip("\"'")
        if key == "title" and value:
            meta.title = value
        elif key in ("date", "published", "pubdate") and parse_date(value):
            meta.dates.insert(0, parse_date(value) or "")
        elif key in ("url", "link", "source", "canonical") and find_urls(value):
            meta.urls.insert(0, find_urls(value)[0])
        elif key in ("outlet", "publisher", "site", "source_name") and value:
            meta.outlets.insert(0, value)
    return 0


def _read_lines(source: str, fmt: str, junk: list[Junk], meta: _Meta) -> list[_Line | None]:
    """Body lines in order; None marks a paragraph break (blank line, rule, junk)."""
    from tui.core.load.junk import classify_line

    spans: list[tuple[int, int]] = []
    pos = 0
    for raw_line in source.split("\n"):
        spans.append((pos, pos + len(raw_line)))
        pos += len(raw_line) + 1
    out: list[_Line | None] = []
    skip = _front_matter(spans, source, meta) if fmt == "md" else 0
    if skip:
        s, e = spans[0][0], spans[skip - 1][1]
        junk.append(Junk(source[s:e], s, e, "front matter"))
    in_fence = False
    for s, e in spans[skip:]:
        line = source[s:e]
        if not line.strip():
            out.append(None)
            continue
        kind = "text"
        if fmt == "md":
            if _MD_FENCE.match(line):
                in_fence = not in_fence
                out.append(None)
                continue
            if not in_fence:
                if _MD_SETEXT.match(line) and out and out[-1] is not None:
                    out[-1].kind = "heading"
                    out.append(None)
                    continue
                if _MD_RULE.match(line) or _MD_TABLE_RULE.match(line):
                    out.append(None)
                    continue
                if _MD_LINKDEF.match(line):
                    junk.append(Junk(line, s, e, "link definition"))
                    out.append(None)
                    continue
                for pattern, name in (
                    (_MD_QUOTE, "quote"),
                    (_MD_HEADING, "heading"),
                    (_MD_ITEM, "item"),
                ):
                    m = pattern.match(source[s:e])
                    if m:
                        kind, s = name, s + m.end()
                if kind == "heading":
                    tail = _MD_HEADING_TAIL.search(source[s:e])
                    e = s + tail.start() if tail else e
        clean = _inline(source, s, e, "md" if fmt == "md" and not in_fence else "txt", junk)
        body = _Line(s, e, clean, kind, " ".join(clean.text.split()))
        verdict = classify_line(body.flat) if kind != "item" else classify_line("")
        if not body.flat:
            out.append(None)
            continue
        if verdict.reason:
            ls, le = spans_of(body)
            junk.append(Junk(source[ls:le], ls, le, verdict.reason))
            if verdict.date:
                meta.dates.append(verdict.date)
            if verdict.url:
                meta.urls.append(verdict.url)
            if verdict.outlet:
                meta.outlets.append(verdict.outlet)
            out.append(None)
            continue
        out.append(body)
    return out


def spans_of(line: _Line) -> tuple[int, int]:
    """Source span of a line's visible text (markup prefix and trailing space excluded)."""
    if not line.clean.chars:
        return line.start, line.end
    return line.clean.starts[0], line.clean.ends[-1]


def _wrapped(lines: list[_Line | None]) -> bool:
    """True for hard-wrapped text: short lines, most in-block breaks mid-sentence."""
    body = [ln for ln in lines if ln is not None]
    if not body or max(len(ln.flat) for ln in body) > 100:
        return False
    breaks = soft = 0
    for a, b in itertools.pairwise(lines):
        if a is not None and b is not None:
            breaks += 1
            soft += a.flat[-1] not in TERMINAL
    return breaks >= 2 and soft * 2 >= breaks


def _paragraphs(lines: list[_Line | None], fmt: str) -> list[list[_Line]]:
    """Group body lines into paragraphs (see the module docstring, step 4)."""
    joined = fmt == "md" or _wrapped(lines)
    paras: list[list[_Line]] = []
    current: list[_Line] = []
    for ln in lines:
        if ln is None:
            if current:
                paras.append(current)
            current = []
            continue
        starts_new = (
            not joined
            or ln.kind in ("heading", "item")
            or (current and current[-1].kind in ("heading",))
            or (current and current[-1].kind != ln.kind)
        )
        if current and starts_new:
            paras.append(current)
            current = []
        current.append(ln)
    if current:
        paras.append(current)
    # Re-join sentences broken across paragraphs by the scrape.
    merged: list[list[_Line]] = []
    for para in paras:
        if merged and _continues(merged[-1], para):
            merged[-1] = merged[-1] + para
        else:
            merged.append(para)
    return merged


def _continues(prev: list[_Line], nxt: list[_Line]) -> bool:
    last, first = prev[-1].flat, nxt[0].flat
    if prev[0].kind in ("heading", "item") or nxt[0].kind in ("heading", "item"):
        return False
    letter = next((c for c in first if c.isalpha()), "")
    return last[-1] not in TERMINAL and letter.islower()


def _paragraph_text(para: list[_Line]) -> _Text:
    out = _Text()
    for k, ln in enumerate(para):
        if k and out.chars:
            out.add(" ", out.ends[-1], ln.clean.starts[0] if ln.clean.chars else ln.start)
        out.extend(ln.clean)
    return out


def _strip_lead(text: _Text, source: str, junk: list[Junk], meta: _Meta) -> None:
    from tui.core.load.junk import lead_junk

    lead = len(text.text) - len(text.text.lstrip())
    found = lead_junk(text.text[lead:])
    if not found:
        return
    n = lead + found.length
    s, e = text.starts[lead], text.ends[n - 1]
    junk.append(Junk(source[s:e].rstrip(), s, s + len(source[s:e].rstrip()), found.reason))
    meta.outlets.append(found.outlet)
    text.drop_head(n)


def _is_title(para: list[_Line]) -> bool:
    if len(para) != 1:
        return False
    text = para[0].flat
    return (
        bool(text)
        and text[-1] not in ".!?…:;,"
        and len(text.split()) <= MAX_TITLE_WORDS
        and not text[:1].islower()
    )


def _date_of(meta: _Meta, url: str | None) -> str | None:
    from tui.core.load.junk import parse_date

    if meta.dates:
        return meta.dates[0]
    if url:
        m = _URL_DATE.search(url)
        if m:
            return parse_date(f"{m.group(1)}-{m.group(2)}-{m.group(3)}")
    return None


@cleaned
def article_from_text(
    text: str,
    article_id: str,
    path: str = "",
    raw: bytes | None = None,
    *,
    fmt: str = "txt",
    warnings: tuple[str, ...] = (),
    encoding: str = "utf-8",
) -> Article:
    """Build an Article from decoded text.

    Args:
        text: the decoded file text (line ends are normalised here too).
        article_id: the id to give it.
        path: where it came from.
        raw: the raw bytes, for the hash (defaults to the UTF-8 text).
        fmt: "txt", "md" or "html" (HTML is reduced to its readable text, the new source).
        warnings: remarks from decoding, kept in Article.warnings.
        encoding: the codec the bytes were decoded with (Article.extra["encoding"]).

    Returns:
        The Article.

    Raises:
        EmptyInput: no article text (empty, or only page furniture).
        MalformedInput: HTML the parser cannot read.
    """
    from tui.core.load.junk import outlet_from_url, parse_date
    from tui.core.load.segment import split_sentences

    where = path or article_id
    source = text.replace("\r\n", "\n").replace("\r", "\n")
    page: HtmlText | None = None
    if fmt == "html":
        from tui.core.load.html import html_to_text  # here: text and Markdown need no parser

        try:
            page = html_to_text(source)
        except (AssertionError, ValueError) as exc:  # html.parser's own failures
            raise MalformedInput(where, f"cannot parse HTML ({exc})") from exc
        source = page.text
    junk: list[Junk] = []
    meta = _Meta()
    lines = _read_lines(source, fmt, junk, meta)
    paras = _paragraphs(lines, fmt)
    sentences: list[Sentence] = []
    paragraphs: list[tuple[int, ...]] = []
    title = ""
    for p_index, para in enumerate(paras):
        ptext = _paragraph_text(para)
        if p_index == 0 and _is_title(para):
            title = para[0].flat
        else:
            _strip_lead(ptext, source, junk, meta)
        flat = ptext.text
        indices: list[int] = []
        for span in bound_spans(flat, split_sentences(flat)):
            sentence_text = " ".join(flat[span.start : span.end].split())
            if not sentence_text:
                continue
            indices.append(len(sentences))
            sentences.append(
                Sentence(
                    index=len(sentences),
                    text=sentence_text,
                    start=ptext.starts[span.start],
                    end=ptext.ends[span.end - 1],
                    paragraph=len(paragraphs),
                )
            )
        if indices:
            paragraphs.append(tuple(indices))
    if not sentences:
        problem = "no article text (only page furniture)" if junk else "no article text"
        raise EmptyInput(where, problem)
    url = meta.urls[0] if meta.urls else None
    if page is not None:
        url = page.url or url
        if page.date and parse_date(page.date):
            meta.dates.insert(0, parse_date(page.date) or "")
        if page.site:
            meta.outlets.insert(0, page.site)
        title = page.title or title
    title = meta.title or title
    outlet = outlet_from_url(url) if url else ""
    if page is not None and page.site:
        outlet = page.site  # the page names its publisher: better than a domain
    outlet = outlet or (meta.outlets[0] if meta.outlets else "") or article_id
    digest = hashlib.sha256(raw if raw is not None else text.encode("utf-8")).hexdigest()
    return Article(
        id=article_id,
        path=path,
        source=source,
        sentences=tuple(sentences),
        paragraphs=tuple(paragraphs),
        title=title,
        outlet=outlet,
        date=_date_of(meta, url),
        url=url,
        junk=tuple(sorted(junk, key=lambda j: (j.start, j.end))),
        warnings=warnings,
        sha256=digest,
        fmt=fmt,
        extra={"encoding": encoding},
    )


def format_of(name: str) -> str:
    """The format of a file name: "txt", "md" or "html" (unknown endings read as "txt")."""
    return FORMATS.get(Path(name).suffix.lower(), "txt")


def article_from_bytes(raw: bytes, article_id: str, path: str, fmt: str | None = None) -> Article:
    """Decode raw file bytes and build the Article.

    Args:
        raw: the file content.
        article_id: the id to give it.
        path: where it came from (its ending picks the format unless fmt is given).
        fmt: "txt", "md" or "html".

    Returns:
        The Article.

    Raises:
        InputError: empty, binary, undecodable or with no article text. Nothing else.
    """
    from tui.core.load.decode import decode_text

    decoded = decode_text(raw, path)
    fmt = fmt or format_of(path)
    warnings = (decoded.warning,) if decoded.warning else ()
    try:
        return article_from_text(
            decoded.text,
            article_id,
            path,
            raw,
            fmt=fmt,
            warnings=warnings,
            encoding=decoded.encoding,
        )
    except InputError:
        raise
    except RecursionError as exc:  # pathological nesting; never a traceback
        raise MalformedInput(path, "cannot read (too deeply nested)") from exc


def read_file(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Read a file's bytes, turning every OS problem into an InputError.

    Args:
        path: the file.
        max_bytes: refuse files larger than this.

    Returns:
        The bytes.

    Raises:
        MissingInput: no such file.
        UnreadableInput: permission denied, symlink loop, a folder, device or pipe.
        TooLargeInput: over max_bytes.
    """
    name = str(path)
    try:
        info = os.stat(path)
    except FileNotFoundError as exc:
        if os.path.islink(path):
            raise MissingInput(name, "broken symlink (target missing)") from exc
        raise MissingInput(name, "no such file") from exc
    except PermissionError as exc:
        raise UnreadableInput(name, "permission denied") from exc
    except OSError as exc:
        raise UnreadableInput(name, _os_problem(exc)) from exc
    if stat.S_ISDIR(info.st_mode):
        raise UnreadableInput(name, "is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise UnreadableInput(name, "not a regular file (device, pipe or socket)")
    if info.st_size > max_bytes:
        raise TooLargeInput(name, f"too large ({info.st_size} bytes, limit {max_bytes})")
    try:
        with open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except PermissionError as exc:
        raise UnreadableInput(name, "permission denied") from exc
    except OSError as exc:
        raise UnreadableInput(name, _os_problem(exc)) from exc
    if len(data) > max_bytes:
        raise TooLargeInput(name, f"too large (over {max_bytes} bytes, limit {max_bytes})")
    return data


def _os_problem(exc: OSError) -> str:
    import errno

    if exc.errno == errno.ELOOP:
        return "symlink loop"
    if exc.errno == errno.EACCES or exc.errno == errno.EPERM:
        return "permission denied"
    return (exc.strerror or type(exc).__name__).lower()


def load_article(
    path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES, article_id: str | None = None
) -> Article:
    """Load one article file.

    Args:
        path: the file (.txt, .md, .html/.htm; other endings read as plain text).
        max_bytes: refuse files larger than this.
        article_id: the id to give it (default: article_id_from_name()).

    Returns:
        The Article.

    Raises:
        InputError: missing, unreadable, empty, binary, too large, or no article text.
    """
    data = read_file(path, max_bytes)
    return article_from_bytes(data, article_id or article_id_from_name(str(path)), str(path))
