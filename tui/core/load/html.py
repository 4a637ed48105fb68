"""Provides html_to_text(): the readable text of an HTML page, and what its head says.

Standard library `html.parser` only. Scripts, styles, forms, navigation, page headers and
footers and asides are dropped; block elements (p, div, h1-h6, li, br, ...) become paragraph
breaks (a blank line); when the page has an <article> or <main> with real text, only that is
kept. The first <h1> always leads the text (even when it sat in a dropped <header>). Offsets of
an HTML article point into this extracted text, which is Article.source for HTML files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

SKIP_TAGS = frozenset(
    {"script", "style", "noscript", "template", "svg", "nav", "header", "footer", "aside"}
    | {"form", "button", "select", "iframe", "head", "figure", "object", "canvas", "dialog"}
)
"""Elements whose text is page furniture, not the story."""

BLOCK_TAGS = frozenset(
    {"p", "div", "br", "li", "ul", "ol", "dl", "dt", "dd", "tr", "table", "blockquote"}
    | {"section", "article", "main", "pre", "hr", "h1", "h2", "h3", "h4", "h5", "h6"}
    | {"figcaption", "address", "details", "summary", "body", "html"}
)
"""Elements that start and end a paragraph."""

_VOID = frozenset({"br", "hr", "img", "meta", "link", "input", "wbr", "source", "area", "col"})
_MIN_MAIN_CHARS = 200
_DATE_META = (
    "article:published_time",
    "date",
    "pubdate",
    "publish-date",
    "publishdate",
    "dc.date",
    "dc.date.issued",
    "parsely-pub-date",
    "sailthru.date",
    "datepublished",
    "og:published_time",
)


@dataclass(slots=True)
class HtmlText:
    """What html_to_text() found."""

    text: str = ""
    """The readable text: paragraphs separated by blank lines."""
    title: str = ""
    """The first <h1>, else og:title, else <title>."""
    url: str = ""
    """og:url or <link rel=canonical>."""
    site: str = ""
    """og:site_name."""
    date: str = ""
    """article:published_time or a similar meta, else the first <time datetime>, as written."""
    meta: dict[str, str] = field(default_factory=dict)
    """Every <meta> name/property -> content seen (lower-case keys)."""


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, bool]] = []  # (text, inside article/main)
        self.current: list[str] = []
        self.skip = 0
        self.main = 0
        self.pre = 0
        self.stack: list[str] = []
        self.in_title = False
        self.title_parts: list[str] = []
        self.h1_parts: list[str] | None = None
        self.h1 = ""
        self.h1_emitted = False
        self.found = HtmlText()

    # -- structure
    def _flush(self) -> None:
        text = "".join(self.current)
        text = text if self.pre else " ".join(text.split())
        if text.strip():
            self.blocks.append((text.strip("\n"), self.main > 0))
        self.current = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if key:
                self.found.meta.setdefault(key, a.get("content", "").strip())
            return
        if tag == "link" and "canonical" in a.get("rel", "").lower().split():
            self.found.url = self.found.url or a.get("href", "").strip()
            return
        if tag == "time" and not self.found.date and a.get("datetime"):
            self.found.date = a["datetime"].strip()
        if tag == "title":
            self.in_title = True
        if tag == "h1" and not self.h1 and self.h1_parts is None:
            self.h1_parts = []
        if tag in _VOID:
            if tag in ("br", "hr") and not self.skip:
                self._flush()
            return
        self.stack.append(tag)
        if tag in SKIP_TAGS:
            self.skip += 1
        if tag in ("article", "main"):
            self.main += 1
        if tag == "pre":
            self.pre += 1
        if tag in BLOCK_TAGS and not self.skip:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag == "h1" and self.h1_parts is not None:
            self.h1 = " ".join("".join(self.h1_parts).split())
            self.h1_parts = None
            self.h1_emitted = self.h1_emitted or not self.skip
        if tag in _VOID or tag not in self.stack:
            return
        while self.stack:
            top = self.stack.pop()
            if top in SKIP_TAGS:
                self.skip -= 1
            if top in ("article", "main"):
                self.main -= 1
            if top == "pre":
                self.pre -= 1
            if top in BLOCK_TAGS and not self.skip:
                self._flush()
            if top == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title_parts.append(data)
        if self.h1_parts is not None:
            self.h1_parts.append(data)
        if not self.skip:
            self.current.append(data)


def _body_paragraphs(html: str) -> list[str]:
    """The article body's paragraphs as trafilatura finds them ([] when it finds none).

    Imported here: a launch on text files never pays for it (about 0.3 s to import).
    """
    import trafilatura

    text = trafilatura.extract(
        html, include_comments=False, include_images=False, favor_precision=True
    )
    if not text:
        return []
    return [line.strip() for line in text.split("\n") if line.strip()]


def html_to_text(html: str) -> HtmlText:
    """Extract the readable text and head metadata of an HTML document.

    Args:
        html: the decoded page.

    Returns:
        The HtmlText (text may be "" when the page has no readable text).
    """
    parser = _Extractor()
    parser.feed(html)
    parser.close()
    parser._flush()
    found = parser.found
    blocks = parser.blocks
    if sum(len(t) for t, in_main in blocks if in_main) >= _MIN_MAIN_CHARS:
        blocks = [(t, m) for t, m in blocks if m]
    texts = _body_paragraphs(html) or [t for t, _ in blocks]
    if parser.h1 and (not texts or " ".join(texts[0].split()) != parser.h1):
        if parser.h1 in texts:
            texts.remove(parser.h1)
        texts.insert(0, parser.h1)
    found.text = "\n\n".join(texts)
    meta = found.meta
    title = " ".join("".join(parser.title_parts).split())
    # "<title>Headline | Outlet</title>": keep the headline part.
    title = re.split(r"\s+[|–—]\s+|\s+-\s+(?=[^-]*$)", title)[0] if title else ""
    found.title = parser.h1 or meta.get("og:title", "") or title
    found.url = meta.get("og:url", "") or found.url
    found.site = meta.get("og:site_name", "")
    for key in _DATE_META:
        if meta.get(key):
            found.date = meta[key]
            break
    return found
