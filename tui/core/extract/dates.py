"""Provides find_dates(): date and time expressions in a sentence, resolved to date ranges.

Explicit dates ("June 17, 2025", "June 2024", "in 2024"), weekdays ("on Tuesday") and relative
expressions ("last year", "earlier this month", "this week") are resolved against the article's
publication date when it has one; without one, relative expressions stay relative and say so.
"""

from __future__ import annotations

import calendar
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta

_RE0 = re.compile(r"[A-Za-z]{3,}")
_RE1 = re.compile(r"[A-Za-z]+\.?")
_RE2 = re.compile(r"\d+")


MONTHS = (
    {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
    | {"sept": 9}
    | {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name}
)
"""Month names and abbreviations -> month number."""

WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
"""Weekday names -> 0 (Monday) .. 6 (Sunday)."""

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_PART = r"(?:(?P<part>early|earlier|mid|late|later|end of|the end of|the start of|start of)[\s-]+)?"

_DATE_PATTERN = (
    r"\b(?:"
    rf"(?P<iso>{_YEAR}-[01]\d-[0-3]\d)"
    rf"|(?P<mdy>{_MONTH}\s+{_DAY})(?:,?\s+(?P<mdy_y>{_YEAR}))?"
    rf"|(?P<dmy>{_DAY}\s+{_MONTH})(?:,?\s+(?P<dmy_y>{_YEAR}))?"
    rf"|{_PART}(?P<my>{_MONTH})(?:,?\s+(?P<my_y>{_YEAR}))?"
    rf"|(?P<wd>{_WEEKDAY})"
    rf"|(?:(?P<rpart>earlier|later|late|early)\s+)?(?P<rel>last|this|next|past)\s+"
    r"(?P<unit>year|month|week|weekend)(?:'s|’s)?"
    r"|(?P<yday>yesterday|today|tonight)"
    rf"|(?:(?P<ypart>early|late|mid|the end of|end of)[\s-]+)?(?P<y>{_YEAR})(?![-\d])"
    r")\b"
)


@functools.cache
def date_re() -> re.Pattern[str]:
    """Date expressions; relative words are matched case-insensitively, names need capitals.

    Compiled on first use: a process that only reads dates (the app) never needs it.
    """
    return re.compile(_DATE_PATTERN, re.IGNORECASE)


def __getattr__(name: str) -> re.Pattern[str]:
    """`DATE_RE`: the compiled pattern under the name it had before `date_re()`."""
    if name == "DATE_RE":
        return date_re()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@dataclass(frozen=True, slots=True)
class DateMention:
    """One date expression in a text, resolved when possible."""

    start: int
    """Offset in the text searched."""
    end: int
    """Offset just past it."""
    text: str
    """As written."""
    value: str
    """"2025-06-17", "2025-06", "2024", "2025-06-16/2025-06-18", "--06-17" (year unknown) or
    "relative: last year" when it cannot be resolved."""
    lo: date | None
    """First day it can mean (None when unresolved)."""
    hi: date | None
    """Last day it can mean (None when unresolved)."""
    resolved: bool = True
    """False when a relative expression had no article date to resolve against."""
    month_day: tuple[int, int] | None = None
    """(month, day) when the expression names a day of a month but not the year."""


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _part_range(lo: date, hi: date, part: str | None) -> tuple[date, date]:
    """Narrow a range to its early/mid/late part (thirds, generously overlapping)."""
    if not part:
        return lo, hi
    part = part.lower()
    span = (hi - lo).days
    if part in ("early", "the start of", "start of"):
        return lo, lo + timedelta(days=span // 2)
    if part == "mid":
        return lo + timedelta(days=span // 4), lo + timedelta(days=3 * span // 4)
    if part in ("late", "end of", "the end of"):
        return lo + timedelta(days=span // 2), hi
    return lo, hi


def _parse_iso(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def _month_number(text: str) -> int:
    return MONTHS[text.lower().rstrip(".")]


def _range_value(lo: date, hi: date) -> str:
    if lo == hi:
        return lo.isoformat()
    if lo.day == 1 and hi == _month_end(lo.year, lo.month):
        return f"{lo.year:04d}-{lo.month:02d}"
    if lo == date(lo.year, 1, 1) and hi == date(lo.year, 12, 31):
        return f"{lo.year:04d}"
    return f"{lo.isoformat()}/{hi.isoformat()}"


def find_dates(text: str, article_date: str | None) -> list[DateMention]:
    """Find and resolve the date expressions of one sentence.

    Args:
        text: the sentence.
        article_date: the article's publication date (ISO 8601), or None.

    Returns:
        The mentions, in text order.
    """
    today = _parse_iso(article_date)
    out: list[DateMention] = []
    for m in date_re().finditer(text):
        mention = _resolve(m, today)
        if mention is None:
            continue
        before = text[max(0, m.start() - 40) : m.start()].rstrip().rsplit(None, 1)[-1:]
        word = before[0].casefold() if before else ""
        if mention.lo is not None and mention.hi is not None and word in _OPEN_AFTER:
            start = mention.value if "/" not in mention.value else mention.lo.isoformat()
            mention = replace(mention, hi=date.max, value=f"{start}/..")
        elif mention.lo is not None and mention.hi is not None and word in _OPEN_BEFORE:
            end = mention.value if "/" not in mention.value else mention.hi.isoformat()
            mention = replace(mention, lo=date.min, value=f"../{end}")
        out.append(mention)
    return out


_OPEN_AFTER = frozenset({"since", "after", "from"})
"""Words before a date that make it the start of an open period ("since 2024")."""

_OPEN_BEFORE = frozenset({"by", "until", "till", "before"})
"""Words before a date that make it the end of an open period ("by late April 2025")."""


def _case_ok(m: re.Match[str]) -> bool:
    """Month and weekday names must be capitalised ("may" is a verb, "march" a noun)."""
    for key in ("mdy", "dmy", "my", "wd"):
        g = m.group(key)
        if g:
            name = _RE0.search(g)
            if name and not name.group(0)[0].isupper():
                return False
    return True


def _resolve(m: re.Match[str], today: date | None) -> DateMention | None:
    if not _case_ok(m):
        return None
    text = m.group(0)
    start, end = m.start(), m.end()
    g = m.groupdict()

    def make(lo: date, hi: date) -> DateMention:
        return DateMention(start, end, text, _range_value(lo, hi), lo, hi)

    def unresolved(what: str, month_day: tuple[int, int] | None = None) -> DateMention:
        value = f"--{month_day[0]:02d}-{month_day[1]:02d}" if month_day else f"relative: {what}"
        return DateMention(start, end, text, value, None, None, False, month_day)

    try:
        if g["iso"]:
            d = date.fromisoformat(g["iso"])
            return make(d, d)
        if g["mdy"] or g["dmy"]:
            md = g["mdy"] or g["dmy"]
            name = _RE1.search(md)
            num = _RE2.search(md)
            assert name is not None and num is not None
            month, day = _month_number(name.group(0)), int(num.group(0))
            year_text = g["mdy_y"] or g["dmy_y"]
            if year_text:
                d = date(int(year_text), month, day)
                return make(d, d)
            if today is None:
                return unresolved(text, (month, day))
            d = date(today.year, month, day)
            if (d - today).days > 183:
                d = date(today.year - 1, month, day)
            return make(d, d)
        if g["my"]:
            month = _month_number(g["my"])
            if g["my_y"]:
                year = int(g["my_y"])
            elif today is None:
                return unresolved(text)
            elif month > today.month:
                # "in November" in a June article: last November or the coming one.
                lo, hi = _part_range(
                    date(today.year - 1, month, 1), _month_end(today.year, month), None
                )
                return make(lo, hi)
            else:
                year = today.year
            lo, hi = _part_range(date(year, month, 1), _month_end(year, month), g["part"])
            return make(lo, hi)
        if g["wd"]:
            if today is None:
                return unresolved(text)
            back = (today.weekday() - WEEKDAYS[g["wd"].lower()]) % 7
            d = today - timedelta(days=back)
            return make(d, d)
        if g["rel"]:
            return _relative(g, today, make, unresolved)
        if g["yday"]:
            if today is None:
                return unresolved(text.lower())
            d = today - timedelta(days=1) if g["yday"].lower() == "yesterday" else today
            return make(d, d)
        if g["y"]:
            year = int(g["y"])
            lo, hi = _part_range(date(year, 1, 1), date(year, 12, 31), g["ypart"])
            return make(lo, hi)
    except (ValueError, KeyError):
        return None
    return None


def _relative(
    g: dict[str, str | None],
    today: date | None,
    make: Callable[[date, date], DateMention],
    unresolved: Callable[[str], DateMention],
) -> DateMention | None:
    """Resolve "last year", "earlier this month", "this week"..."""
    rel = (g["rel"] or "").lower()
    unit = (g["unit"] or "").lower()
    part = (g["rpart"] or "").lower() or None
    if rel == "past":
        return None  # "the past year" is a duration, not a date
    phrase = f"{part + ' ' if part else ''}{rel} {unit}"
    if today is None:
        return unresolved(phrase)
    shift = {"last": -1, "this": 0, "next": 1}[rel]
    if unit == "year":
        y = today.year + shift
        lo, hi = date(y, 1, 1), date(y, 12, 31)
    elif unit == "month":
        y, mth = today.year, today.month + shift
        if mth < 1:
            y, mth = y - 1, 12
        elif mth > 12:
            y, mth = y + 1, 1
        lo, hi = date(y, mth, 1), _month_end(y, mth)
    elif unit == "week":
        monday = today - timedelta(days=today.weekday()) + timedelta(weeks=shift)
        lo, hi = monday, monday + timedelta(days=6)
    else:  # weekend
        saturday = today - timedelta(days=today.weekday()) + timedelta(days=5, weeks=shift)
        if rel == "last" and saturday > today:
            saturday -= timedelta(weeks=1)
        lo, hi = saturday, saturday + timedelta(days=1)
    if shift == 0 and part == "earlier":
        hi = min(hi, today)
    elif shift == 0 and part == "later":
        lo = max(lo, today)
    elif part in ("early", "late"):
        lo, hi = _part_range(lo, hi, part)
    return make(lo, hi)


def overlaps(a: DateMention, b: DateMention) -> bool | None:
    """Whether two mentions can mean the same day (None when that cannot be told).

    Args:
        a: one mention.
        b: another.

    Returns:
        True when their ranges overlap, False when they cannot both hold, None when unknown.
    """
    if a.lo is not None and b.lo is not None and a.hi is not None and b.hi is not None:
        return a.lo <= b.hi and b.lo <= a.hi
    ma = a.month_day or ((a.lo.month, a.lo.day) if a.lo is not None and a.lo == a.hi else None)
    mb = b.month_day or ((b.lo.month, b.lo.day) if b.lo is not None and b.lo == b.hi else None)
    if ma is not None and mb is not None and (a.month_day or b.month_day):
        return ma == mb
    return None
