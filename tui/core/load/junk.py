"""Provides the rules that tell scraped page furniture from an article's text, and read metadata.

classify_line() looks at one line (markup already stripped, whitespace collapsed) and says
whether it is junk and why; lead_junk() finds an outlet tag or dateline at the start of a
paragraph ("(MENAFN) ...", "MOSCOW (Reuters) - ...", "RIVERSIDE, March 4, 2025 -- ...");
a place and date alone on a line ("Riverside, 2025-03-04") is a dateline too. parse_date()
reads the date formats a page states; outlet_from_url() names the publisher of a URL. Every
rule is general (shapes of lines), none is keyed to a particular file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

KNOWN_OUTLETS = {
    "themoscowtimes.com": "The Moscow Times",
    "reuters.com": "Reuters",
    "apnews.com": "AP News",
    "bbc.com": "BBC",
    "bbc.co.uk": "BBC",
    "nytimes.com": "The New York Times",
    "washingtonpost.com": "The Washington Post",
    "theguardian.com": "The Guardian",
    "aljazeera.com": "Al Jazeera",
    "cnn.com": "CNN",
    "dw.com": "DW",
    "france24.com": "France 24",
    "tass.com": "TASS",
    "tass.ru": "TASS",
    "news.az": "News.Az",
    "menafn.com": "MENAFN",
    "kyivindependent.com": "The Kyiv Independent",
    "nknews.org": "NK News",
    "yna.co.kr": "Yonhap",
    "koreaherald.com": "The Korea Herald",
    "koreatimes.co.kr": "The Korea Times",
    "rt.com": "RT",
    "interfax.com": "Interfax",
    "spiegel.de": "Der Spiegel",
    "zeit.de": "Die Zeit",
    "faz.net": "FAZ",
    "sueddeutsche.de": "Süddeutsche Zeitung",
    "lemonde.fr": "Le Monde",
}
"""Domains whose publisher name is not just the domain; any other domain is named as is."""

AGENCIES = frozenset(
    {
        "reuters",
        "associated press",
        "ap",
        "afp",
        "agence france-presse",
        "tass",
        "ria novosti",
        "interfax",
        "xinhua",
        "yonhap",
        "kyodo",
        "bloomberg",
        "dpa",
        "epa",
        "anadolu",
        "kcna",
        "menafn",
        "ukrinform",
        "unian",
    }
)
"""News agencies and wires: a line with just one of these names is a credit."""

NAV_WORDS = frozenset(
    [
        "date",
        "px",
        "pt",
        "em",
        "rem",
        "share",
        "tweet",
        "print",
        "email",
        "mail",
        "comments",
        "comment",
        "advertisement",
        "ad",
        "ads",
        "reply",
        "like",
        "likes",
        "follow",
        "subscribe",
        "menu",
        "home",
        "search",
        "views",
        "min",
        "mins",
        "read",
        "updated",
        "published",
        "photo",
        "photos",
        "video",
        "videos",
        "listen",
        "font",
        "size",
        "text",
        "close",
        "open",
        "more",
        "next",
        "previous",
        "prev",
        "back",
        "top",
        "login",
        "sign",
        "in",
        "up",
        "register",
        "cookie",
        "cookies",
        "accept",
        "skip",
        "to",
        "content",
        "copy",
        "link",
        "whatsapp",
        "facebook",
        "twitter",
        "telegram",
        "linkedin",
        "x",
        "vk",
        "ok",
        "am",
        "pm",
        "gmt",
        "utc",
        "msk",
    ]
)
"""Words that widget and navigation residue is made of."""

_MONTHS = {
    **{
        m: i + 1
        for i, m in enumerate(
            [
                "january",
                "february",
                "march",
                "april",
                "may",
                "june",
                "july",
                "august",
                "september",
                "october",
                "november",
                "december",
            ]
        )
    },
    **{
        m: i + 1
        for i, m in enumerate(
            ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        )
    },
    "sept": 9,
    **{
        m: i + 1
        for i, m in enumerate(
            [
                "januar",
                "februar",
                "märz",
                "april",
                "mai",
                "juni",
                "juli",
                "august",
                "september",
                "oktober",
                "november",
                "dezember",
            ]
        )
    },
    "jänner": 1,
    "okt": 10,
    "dez": 12,
}
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_WEEKDAY = (
    r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|montag|dienstag|mittwoch|donnerstag"
    r"|freitag|samstag|sonntag)"
)
_DATE_PATTERNS = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        r"(?P<y>(?:19|20)\d\d)-(?P<m>[01]?\d)-(?P<d>[0-3]?\d)(?![\d])",
        r"(?P<y>(?:19|20)\d\d)/(?P<m>[01]?\d)/(?P<d>[0-3]?\d)(?![\d])",
        rf"\b(?P<mn>{_MONTH_RE})\.?\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)",
        rf"\b(?P<d>[0-3]?\d)(?:st|nd|rd|th|\.)?\s+(?P<mn>{_MONTH_RE})\.?,?\s+(?P<y>(?:19|20)\d\d)",
        r"(?<![\d.])(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<y>(?:19|20)\d\d)(?![\d])",
    )
)
_DATE_LINE = re.compile(
    rf"^(?:(?:published|updated|posted|date|datum|stand|veröffentlicht|last updated)\s*(?:on|am)?"
    rf"\s*:?\s*)?(?:{_WEEKDAY},?\s+)?(?P<date>.{{6,30}}?)(?:\s*(?:,|at|um|-|–|\|)?\s*"
    r"\d{1,2}[:.]\d{2}(?:\s*(?:am|pm|a\.m\.|p\.m\.))?(?:\s*(?:[A-Z]{2,4}|uhr|utc|gmt|msk))?)?\s*$",
    re.IGNORECASE,
)
_URL = re.compile(r"https?://[^\s<>\"'()]+[^\s<>\"'().,;:!?]|www\.[^\s<>\"'()]+[^\s<>\"'().,;:!?]")
_TRAILER = re.compile(
    r"^(?:original\s+(?:url|link|article|source)|source\s+(?:url|link)|article\s+(?:url|link)"
    r"|url|link|source|read\s+(?:more|the\s+original|the\s+full\s+(?:article|story))(?:\s+at)?"
    r"|originally\s+published\s+(?:at|on|by))\s*:?\s*(?P<url>\S+)?$",
    re.IGNORECASE,
)
_RELATED = re.compile(
    r"^(?:related(?:\s+(?:article|articles|story|stories|news|content|reading|coverage|post|posts))?"
    r"|read\s+(?:also|more|next)|see\s+also|also\s+read|more\s+on\s+this(?:\s+story)?|recommended"
    r"|you\s+may\s+also\s+like|lesen\s+sie\s+auch|mehr\s+zum\s+thema|auch\s+interessant)\s*[:|–—-]",
    re.IGNORECASE,
)
_CREDIT = re.compile(
    r"^\(?\s*(?:with\s+)?(?:additional\s+)?(?:reporting|writing|editing|compiled|translated"
    r"|research|production)\s+by\b"
    r"|\bcontributed\s+(?:to\s+)?(?:this\s+|the\s+)?(?:reporting|report|story|article|coverage)"
    r"\s*\.?\)?$"
    r"|^\(?\s*(?:photo|image|picture|file\s+photo|credit|photo\s+credit|foto|bild)\s*:",
    re.IGNORECASE,
)
_BYLINE = re.compile(r"^(?:[Bb]y|[Vv]on)\s+[A-Z][\w.'’-]+(?:\s+[\w.'’&,-]+){0,6}$")
_DOMAIN_NAME = re.compile(r"^[A-Za-z][\w-]*(?:\.[A-Za-z]{2,})+$")
_ALLCAPS_NAME = re.compile(r"^[A-Z][A-Z0-9&-]{1,9}$")
_LEAD_TAG = re.compile(
    r"^\((?P<name>[A-Z][\w.&'’-]*(?:\s[A-Z][\w.&'’-]*){0,2})\)\s*[-–—:]?\s*(?=\S)"
)
_LEAD_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’-]+(?:[ ,]+[A-Z][A-Za-z.'’-]+){0,3})\s*"
    r"\((?P<name>[A-Z][\w.&'’ -]{1,30})\)\s*[-–—:]\s*(?=\S)"
)
_PLACE = r"(?P<place>[A-Z][\w.'’-]+(?:[ ]+[A-Z][\w.'’-]+){0,3}(?:,[ ]*[A-Z][\w.'’-]+)?)"
_PLACE_DATE_LINE = re.compile(rf"^{_PLACE},\s*(?P<date>[^,].{{5,30}}?)[\s.]*$")
"""A dateline alone on its line: "Riverside, 2025-03-04", "BERLIN, 4 March 2025"."""
_LEAD_PLACE_DATE = re.compile(rf"^{_PLACE},\s*(?P<date>\S.{{5,30}}?)\s*(?:--|[-–—:])\s*(?=\S)")
"""A dateline opening a paragraph: "RIVERSIDE, March 4, 2025 -- The council..."."""
_WORD = re.compile(r"[^\W\d_]{3,}")


@dataclass(frozen=True, slots=True)
class LineVerdict:
    """What classify_line() decided about one line."""

    reason: str
    """Why it is junk ("navigation", "url", "url trailer", "related", "credit", "byline",
    "dateline", "outlet"); "" when the line is article text."""
    date: str | None = None
    """An ISO date the line states (widget residue and datelines)."""
    url: str | None = None
    """A URL the line states (bare URL lines and trailers)."""
    outlet: str | None = None
    """A publisher the line names (a lone outlet line)."""


def parse_date(text: str) -> str | None:
    """The first full date (day, month, year) in text, as YYYY-MM-DD, or None.

    Understands 2025-06-17, 2025/06/17, June 17, 2025, Jun. 17 2025, 17 June 2025,
    17. Juni 2025 and 17.06.2025. A month and day without a year is not a date here.
    """
    best: tuple[int, str] | None = None
    for pattern in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            parts = m.groupdict()
            month = int(parts["m"]) if parts.get("m") else _MONTHS[parts["mn"].lower()]
            day, year = int(parts["d"]), int(parts["y"])
            if 1 <= month <= 12 and 1 <= day <= 31:
                if best is None or m.start() < best[0]:
                    best = (m.start(), f"{year:04d}-{month:02d}-{day:02d}")
                break
    return best[1] if best else None


def find_urls(text: str) -> list[str]:
    """Every http(s) or www. URL in text, in order."""
    return _URL.findall(text)


def outlet_from_url(url: str) -> str:
    """The publisher of a URL: a known name, else its domain without "www.".

    Args:
        url: an absolute URL (or www.…).

    Returns:
        "The Moscow Times" for themoscowtimes.com, "example.org" for an unknown domain, "" when
        the URL has no host.
    """
    host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
    host = host.lower().removeprefix("www.").removeprefix("m.").removeprefix("amp.")
    if not host:
        return ""
    parts = host.split(".")
    for i in range(len(parts) - 1):
        name = KNOWN_OUTLETS.get(".".join(parts[i:]))
        if name:
            return name
    return host


def _is_navigation(line: str) -> bool:
    tokens = line.split()
    if len(tokens) > 12:
        return False
    stripped = re.sub(r"(?:19|20)\d\d-\d\d-\d\d", " ", line)
    words = [w.lower() for w in _WORD.findall(stripped)]
    if any(w not in NAV_WORDS for w in words):
        return False
    # Only nav words, numbers and symbols; a bare number or symbol run counts too.
    return not any(t[-1:] in ".!?" and len(t) > 3 for t in tokens) or not words


def classify_line(line: str) -> LineVerdict:
    """Decide whether one line is page furniture.

    Args:
        line: the line's text, markup stripped and whitespace collapsed.

    Returns:
        The verdict; `reason` is "" for article text.
    """
    text = line.strip()
    if not text:
        return LineVerdict("")
    low = text.lower()
    urls = find_urls(text)
    if urls and urls[0] == text.strip("<>"):
        return LineVerdict("url", url=urls[0])
    trailer = _TRAILER.match(text)
    if trailer and (trailer.group("url") is None or find_urls(trailer.group("url"))):
        return LineVerdict("url trailer", url=urls[0] if urls else None)
    words = text.split()
    if _RELATED.match(text) and len(words) <= 40:
        return LineVerdict("related")
    if _CREDIT.search(text) and len(words) <= 16:
        return LineVerdict("credit")
    if len(words) <= 4 and text[-1] not in ".!?":
        name = text.strip("—–-() ")
        if name.lower() in AGENCIES or _DOMAIN_NAME.match(name) or _ALLCAPS_NAME.match(name):
            return LineVerdict("outlet", outlet=name)
    if _BYLINE.match(text) and len(words) <= 8 and text[-1] not in ".!?":
        return LineVerdict("byline")
    date_line = _DATE_LINE.match(text)
    if date_line and len(words) <= 10:
        stated = date_line.group("date").strip(" ,.")
        if any(p.fullmatch(stated) for p in _DATE_PATTERNS):
            return LineVerdict("dateline", date=parse_date(stated))
    place_date = _PLACE_DATE_LINE.match(text)
    if place_date and len(words) <= 10 and _dateline_parts(place_date):
        return LineVerdict("dateline", date=parse_date(place_date.group("date")))
    if _is_navigation(text):
        return LineVerdict("navigation", date=parse_date(text))
    if low.startswith(("advertisement", "anzeige", "werbung")) and len(words) <= 2:
        return LineVerdict("navigation")
    return LineVerdict("")


@dataclass(frozen=True, slots=True)
class LeadJunk:
    """An outlet tag or dateline at the start of a paragraph."""

    length: int
    """How many characters of the paragraph it takes (trailing space included)."""
    reason: str
    """"outlet tag" or "dateline"."""
    outlet: str
    """The outlet it names ("MENAFN", "Reuters"; "" for a place and date)."""
    date: str | None = None
    """The ISO date a dateline states ("RIVERSIDE, March 4, 2025 --"), else None."""


def lead_junk(paragraph: str) -> LeadJunk | None:
    """Find "(MENAFN) " or "MOSCOW (Reuters) - " at the start of a paragraph.

    Args:
        paragraph: the paragraph text (markup stripped).

    Returns:
        The LeadJunk, or None when the paragraph starts with its own text.
    """
    m = _LEAD_TAG.match(paragraph)
    if m:
        name = m.group("name")
        if name.isupper() or _DOMAIN_NAME.match(name) or name.lower() in AGENCIES:
            return LeadJunk(m.end(), "outlet tag", name)
        return None
    m = _LEAD_DATELINE.match(paragraph)
    if m and m.group("place").split()[0].isupper():
        return LeadJunk(m.end(), "dateline", m.group("name").strip())
    m = _LEAD_PLACE_DATE.match(paragraph)
    if m and _dateline_parts(m):
        return LeadJunk(m.end(), "dateline", "", parse_date(m.group("date")))
    return None


def _dateline_parts(m: re.Match[str]) -> bool:
    """True when a place-and-date match is a dateline: the date is one whole date (day, month
    and year) and the "place" is not a weekday ("On Tuesday, March 4, 2025 - ...")."""
    stated = m.group("date").strip(" ,.")
    if re.search(_WEEKDAY, m.group("place"), re.IGNORECASE):
        return False
    return any(p.fullmatch(stated) for p in _DATE_PATTERNS)
