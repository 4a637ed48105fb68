"""Provides the loader's last step: no control character or terminal escape leaves an article.

An article may carry an OSC 52 sequence (`ESC ] 52 ; c ; … BEL` writes the user's clipboard),
a CSI colour or cursor sequence, a bell, a backspace, or a C1 control (U+009B is CSI on
8-bit terminals). Printed raw, any of them acts on the reader's terminal. `clean_text()`
replaces each whole escape sequence and each remaining control character by spaces of the
same length, so character offsets into the text still hold; `clean_article()` applies it to
every string of an `Article` that can reach a screen (text, title, outlet, url, id, junk).
Tab and line feed are kept; everything else below U+0020, DEL and U+0080-U+009F goes.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, ParamSpec

if TYPE_CHECKING:
    from tui.core.load.article import Article

P = ParamSpec("P")

_ESCAPES = re.compile(
    r"""
      (?: \x1b [\]PX^_] | [\x90\x98\x9d\x9e\x9f] ) [^\x07\x1b\x9c\n]* (?: \x07 | \x1b\\ | \x9c )?
                                                    # OSC, DCS, SOS, PM, APC: payload up to ST/BEL
    | (?: \x1b \[ | \x9b ) [0-?]* [ -/]* [@-~]?       # CSI: parameters, intermediates, final
    | \x1b [ -~]?                                   # any other ESC and the byte after it
    | [\x00-\x08\x0b-\x1f\x7f-\x9f]                 # lone controls (tab and LF stay)
    """,
    re.VERBOSE,
)
"""One terminal escape sequence or one control character."""

_ANY_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""A control character: every escape sequence starts with one (ESC or a C1 control). A plain
character class scans several times faster than _ESCAPES, so clean text costs one quick look."""


def _spaces(match: re.Match[str]) -> str:
    return " " * len(match.group())


def clean_text(text: str) -> str:
    """The text with every escape sequence and control character replaced by spaces.

    Args:
        text: any text.

    Returns:
        A string of the same length: only tab, line feed and printable characters.
    """
    return _ESCAPES.sub(_spaces, text) if _ANY_CONTROL.search(text) else text


def _clean_line(text: str) -> str:
    """One-line text (a sentence, a title): cleaned, with the gaps collapsed."""
    return " ".join(clean_text(text).split()) if _ANY_CONTROL.search(text) else text


def clean_article(article: Article) -> Article:
    """The article with no control character left in anything it shows.

    Args:
        article: a freshly built Article.

    Returns:
        The same Article when it was clean, else a copy with its source, sentences, title,
        outlet, url, id and junk cleaned (offsets unchanged: the source keeps its length).
    """
    fields = (article.source, article.title, article.outlet, article.url or "", article.id)
    if not any(_ANY_CONTROL.search(f) for f in fields) and not any(
        _ANY_CONTROL.search(s.text) for s in article.sentences
    ):
        return article
    return dataclasses.replace(
        article,
        id=_clean_line(article.id) or "article",
        source=clean_text(article.source),
        sentences=tuple(
            dataclasses.replace(s, text=_clean_line(s.text) or "\ufffd") for s in article.sentences
        ),
        title=_clean_line(article.title),
        outlet=_clean_line(article.outlet),
        url=_clean_line(article.url) if article.url else article.url,
        junk=tuple(dataclasses.replace(j, text=clean_text(j.text)) for j in article.junk),
    )


def cleaned(build: Callable[P, Article]) -> Callable[P, Article]:
    """Decorate the function that builds an Article so what it returns is clean_article()ed."""

    @functools.wraps(build)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> Article:
        return clean_article(build(*args, **kwargs))

    return wrapper
