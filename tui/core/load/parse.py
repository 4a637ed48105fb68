"""Provides article_from_text(): decoded text to an Article.

Front matter, page junk, paragraphs (hard-wrapped text and Markdown blocks, lines broken by
the scrape joined back), sentences with source offsets, and the metadata (title, date, URL,
outlet).
"""

from __future__ import annotations

import hashlib
import itertools
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from tui.core.errors import (
    EmptyInput,
    MalformedInput,
    TooLargeInput,
)
from tui.core.load.article import Article, Junk, Sentence
from tui.core.load.bounds import bound_spans, sentence_limit, sentence_limit_problem
from tui.core.load.markup import (
    MD_FENCE,
    MD_HEADING,
    MD_HEADING_TAIL,
    MD_ITEM,
    MD_LINKDEF,
    MD_QUOTE,
    MD_RULE,
    MD_SETEXT,
    MD_TABLE_RULE,
    MappedText,
    clean_inline,
)
from tui.core.load.sanitize import cleaned

if TYPE_CHECKING:  # HTML is parsed on first use: text and Markdown inputs need no parser
    from tui.core.load.html import HtmlText


TERMINAL = ".!?…:;\"'”’»)]"
"""A paragraph ending in one of these is complete (not a sentence broken by the scrape)."""


MAX_TITLE_WORDS = 30
"""A headline is one line of at most this many words."""


_URL_DATE = re.compile(r"/((?:19|20)\d\d)/([01]?\d)/([0-3]?\d)(?:/|$)")


@dataclass(slots=True)
class _Line:
    """One non-blank body line."""

    start: int
    end: int
    clean: MappedText
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
            if MD_FENCE.match(line):
                in_fence = not in_fence
                out.append(None)
                continue
            if not in_fence:
                if MD_SETEXT.match(line) and out and out[-1] is not None:
                    out[-1].kind = "heading"
                    out.append(None)
                    continue
                if MD_RULE.match(line) or MD_TABLE_RULE.match(line):
                    out.append(None)
                    continue
                if MD_LINKDEF.match(line):
                    junk.append(Junk(line, s, e, "link definition"))
                    out.append(None)
                    continue
                for pattern, name in (
                    (MD_QUOTE, "quote"),
                    (MD_HEADING, "heading"),
                    (MD_ITEM, "item"),
                ):
                    m = pattern.match(source[s:e])
                    if m:
                        kind, s = name, s + m.end()
                if kind == "heading":
                    tail = MD_HEADING_TAIL.search(source[s:e])
                    e = s + tail.start() if tail else e
        clean = clean_inline(source, s, e, "md" if fmt == "md" and not in_fence else "txt", junk)
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


def _paragraph_text(para: list[_Line]) -> MappedText:
    out = MappedText()
    for k, ln in enumerate(para):
        if k and out.chars:
            out.add(" ", out.ends[-1], ln.clean.starts[0] if ln.clean.chars else ln.start)
        out.extend(ln.clean)
    return out


def _strip_lead(text: MappedText, source: str, junk: list[Junk], meta: _Meta) -> None:
    from tui.core.load.junk import lead_junk

    lead = len(text.text) - len(text.text.lstrip())
    found = lead_junk(text.text[lead:])
    if not found:
        return
    n = lead + found.length
    s, e = text.starts[lead], text.ends[n - 1]
    junk.append(Junk(source[s:e].rstrip(), s, s + len(source[s:e].rstrip()), found.reason))
    if found.outlet:
        meta.outlets.append(found.outlet)
    if found.date:
        meta.dates.append(found.date)
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
        TooLargeInput: more sentences than sentence_limit() allows for the text's length.
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
    limit = sentence_limit(len(source))
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
        spans = list(bound_spans(flat, split_sentences(flat, most=limit - len(sentences))))
        if len(sentences) + len(spans) > limit:
            raise TooLargeInput(where, sentence_limit_problem(len(source), limit))
        for span in spans:
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
