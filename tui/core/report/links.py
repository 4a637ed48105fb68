"""Provides the one rule for which URLs from an article may become links in a report.

An article's URL comes from the input (a bare URL line, an HTML canonical link or og:url) and
can be anything: `javascript:alert(1)`, ` JavaScript:…`, `data:text/html,…`, `vbscript:`.
Only an absolute http(s) URL with a host and nothing a browser would strip or reinterpret
(whitespace, control characters, quotes, angle brackets, backslashes) becomes a link;
everything else is shown as text.
"""

from __future__ import annotations

import re

_HTTP_URL = re.compile(
    r"https?://[^\s\"'<>\\`\x00-\x1f\x7f-\x9f/?#]+(?:[/?#][^\s\"'<>\\`\x00-\x1f\x7f-\x9f]*)?",
    re.ASCII | re.IGNORECASE,
)
"""An http(s) URL with a host; no character outside a plain URL anywhere in it."""


def link_url(url: str | None) -> str | None:
    """The URL if it may be a link target, else None.

    Args:
        url: a URL as the input stated it (or None).

    Returns:
        The URL, unchanged, when it is http:// or https:// (any case) with a host and only
        plain URL characters; None for every other scheme, a relative URL or anything odd.
    """
    if not url or not _HTTP_URL.fullmatch(url):
        return None
    return url
