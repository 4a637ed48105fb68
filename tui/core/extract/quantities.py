"""Provides assign_measures() and measure_of(): what a number measures, so that figures for
the same thing can be compared across a whole story, aligned or not.

A measure is a short key: "injured", "killed", "count:aftershock", "population",
"magnitude@geological survey", "money:usd", "share:traffic@india", "cable:damaged". Numbers
whose measure cannot be told are left without one ("") and are only compared inside aligned
groups. Each measured number also gets its scope: "" for the story's own event, or the time
markers of a sentence that speaks of another time ("In January", "earlier this year", "in
2003"), and whether the sentence presents the figure as an update ("rose to").
"""

from __future__ import annotations

import re
from bisect import bisect_left

from tui.core.extract.fact import TOKEN, Found, lemma

_RE0 = re.compile(r"[,;.]\s")


def _ws(words: str) -> frozenset[str]:
    return frozenset(words.split())


KILLED = _ws("killed kill kills killing dead died die dies deaths death fatalities perished toll")
INJURED = _ws("injured injuring injure injures injuries hurt hurting wounded wounding wounds")
DAMAGED = _ws("damaged damaging cut severed snapped broken broke ruptured")
DESTROYED = _ws("destroyed leveled levelled razed flattened collapsed toppled")
ARRESTED = _ws("arrested detained")
MISSING = _ws("missing")
HOMELESS = _ws("homeless displaced evacuated")
_PREDICATES = (
    [(w, "killed") for w in KILLED]
    + [(w, "injured") for w in INJURED]
    + [(w, "damaged") for w in DAMAGED]
    + [(w, "destroyed") for w in DESTROYED]
    + [(w, "arrested") for w in ARRESTED]
    + [(w, "missing") for w in MISSING]
    + [(w, "homeless") for w in HOMELESS]
)
PREDICATE_CLASS = dict(_PREDICATES)
"""Predicate word -> the class of what happened to what is counted."""

PEOPLE_CLASSES = frozenset({"killed", "injured", "arrested", "missing", "homeless"})
"""Classes that count people: the counted noun may be left out ("50 injured")."""

GENERIC = _ws("people person persons other others one civilian civilians")
"""Counted nouns that add nothing to a casualty measure."""

EVENT_NOUNS = _ws("aftershock tremor explosion blast")
"""Nouns whose count is a measure on its own ("three aftershocks")."""

THING_SYNONYMS = {"line": "cable", "circuit": "cable", "home": "house", "persons": "people"}
"""Counted nouns folded together in measure keys only."""

_QUAKE = _ws("magnitude earthquake quake temblor tremor")
_SKIP_BEFORE = _ws("other others another a an further additional more")
_BE = _ws("were was are is have has had been be being reportedly also all")
_LINK = _ws("and or")
_CLAUSE_END = frozenset(',;:.!?()[]“”"«»—–')
_PLACE_PREP = _ws("in to for from between across at")
_NOUN_END = _ws(
    "in to for from between across at on was were is are had has have by with that which"
)
_AGENCY = re.compile(
    r"(?:(?:the\s+)?(?:U\.S\.|United\s+States|US)\s+)?Geological\s+Survey"
    r"|\b[A-Z]{3,6}\b"
    r"|(?:[A-Z][\w.'’-]*\s+){1,4}(?:Survey|Agency|Center|Centre|Institute|Observatory)\b"
    r"|\bseismolog\w*\s+(?:center|centre|institute)\b"
)
_AGENCY_DROP = re.compile(
    r"^(?:the\s+)?(?:official\s+)?(?:u\.s\.|united\s+states|us)?\s*|\s+news\s+agency$|\w+['’]s\s+"
)
_NOT_AGENCY = frozenset({"GMT", "AM", "PM", "CEO", "USA", "THE"})
_CURRENCY_AFTER = re.compile(
    r"[\s-]*(?:(?:million|billion|thousand)[\s-]*)?(euros?|dollars?|pounds?|yen|yuan|rubles?)\b",
    re.I,
)
_CURRENCY_WORD = {"euro": "eur", "dollar": "usd", "pound": "gbp", "yen": "jpy", "yuan": "cny"}
_CURRENCY_SIGN = {"$": "usd", "€": "eur", "£": "gbp", "¥": "jpy"}
_UPDATE = re.compile(
    r"\b(?:(?:rose|risen|climbed|increased|jumped|grew|revised|raised)\s+(?:\w+\s+)?to"
    r"|revised|updated\s+(?:toll|figure)|latest\s+(?:toll|figure)|now\s+stands)\b",
    re.I,
)
_PAST = re.compile(
    r"\b(?:then|previously|earlier\s+this\s+year|last\s+(?:year|month|week)|ago|in\s+the\s+past"
    r"|(?:January|February|March|April|June|July|August|September|October|November|December)"
    r"|(?i:in|of|since)\s+(?:1[89]|20)\d\d)\b"
)
_OFFER = re.compile(r"\b(?:offers?|offered|bids?|bidding|asking|proposals?|proposed)\b", re.I)
_WEEKDAY = re.compile(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")


def _agency_key(text: str) -> str:
    key = _AGENCY_DROP.sub("", " ".join(text.split()).casefold()).strip()
    key = _AGENCY_DROP.sub("", key).strip()
    return "geological survey" if key in ("usgs", "geological survey") else key


def agencies_in(text: str) -> list[str]:
    """Sources of a measurement named in a piece of text ("U.S. Geological Survey", "IRNA")."""
    out: list[str] = []
    for m in _AGENCY.finditer(text):
        if m.group(0) in _NOT_AGENCY:
            continue
        key = _agency_key(m.group(0))
        if key and key not in out:
            out.append(key)
    return out


def _thing(word: str) -> str:
    w = lemma(word)
    return THING_SYNONYMS.get(w, w)


class _Tokens:
    """The sentence's word tokens with their starts, for lookups around each number."""

    __slots__ = ("starts", "toks")

    def __init__(self, text: str) -> None:
        self.toks = [(m.group(0), m.start(), m.end()) for m in TOKEN.finditer(text)]
        self.starts = [s for _, s, _ in self.toks]

    def index(self, pos: int) -> int:
        return bisect_left(self.starts, pos)


def _predicate_after(toks: _Tokens, end: int, limit: int) -> str:
    i = toks.index(end)
    for k in range(i, min(len(toks.toks), i + limit)):
        w = toks.toks[k][0]
        lw = w.casefold()
        if w in _CLAUSE_END:
            return ""
        if lw in PREDICATE_CLASS:
            return PREDICATE_CLASS[lw]
        nxt = toks.toks[k + 1][0] if k + 1 < len(toks.toks) else ""
        if lw in _LINK and not nxt[:1].isupper():
            return ""
        if w[0].isdigit():
            return ""
    return ""


def _predicate_before(toks: _Tokens, start: int) -> str:
    i = toks.index(start) - 1
    for k in range(i, max(-1, i - 3), -1):
        w = toks.toks[k][0]
        lw = w.casefold()
        if w in _CLAUSE_END:
            return ""
        if lw in PREDICATE_CLASS:
            return PREDICATE_CLASS[lw]
        if lw not in _SKIP_BEFORE:
            return ""
    return ""


def _words_before(toks: _Tokens, start: int, n: int) -> list[str]:
    i = toks.index(start)
    return [w.casefold() for w, _, _ in toks.toks[max(0, i - n) : i]]


def _share(toks: _Tokens, f: Found, inherited: str) -> tuple[str, str]:
    """The thing a percentage is a share of and the place it is in: ("traffic", "india")."""
    i = toks.index(f.end)
    tt = toks.toks
    head = ""
    k = i
    if k < len(tt) and tt[k][0].casefold() == "of":
        k += 1
        while k < len(tt) and tt[k][0].casefold() in ("the", "their", "its", "all", "his", "her"):
            k += 1
        words: list[str] = []
        while k < len(tt) and len(words) < 5:
            w = tt[k][0]
            if w in _CLAUSE_END or w.casefold() in _NOUN_END or w[0].isdigit():
                break
            words.append(w)
            k += 1
        head = _thing(words[-1]) if words else ""
    elif not inherited:
        return "", ""
    place = ""
    for j in range(k, min(len(tt), k + 6)):
        w = tt[j][0]
        if w in _CLAUSE_END:
            break
        if w.casefold() in _PLACE_PREP:
            m = j + 1
            if m < len(tt) and tt[m][0].casefold() == "the":
                m += 1
            caps: list[str] = []
            while m < len(tt) and tt[m][0][:1].isupper() and len(caps) < 3:
                caps.append(tt[m][0])
                m += 1
            if caps:
                place = " ".join(caps).casefold()
                break
    return head or inherited, place


def measure_of(
    text: str,
    f: Found,
    toks: _Tokens | None = None,
    inherited: str = "",
    magnitude: bool | None = None,
) -> str:
    """What one number of a sentence measures ("" when it cannot be told).

    Args:
        text: the sentence.
        f: a number found in it.
        toks: the sentence's tokens (computed when not given).
        inherited: the thing the previous percentage of the sentence was a share of, for
            lists such as "55 percent of traffic in Saudi Arabia, 52 percent in Egypt".
    """
    if toks is None:
        toks = _Tokens(text)
    if f.value.endswith("%"):
        head, place = _share(toks, f, inherited)
        return f"share:{head}@{place}" if head and place else ""
    sign = text[f.start - 1 : f.start] if f.start else ""
    currency = _CURRENCY_SIGN.get(sign, "")
    if not currency:
        m = _CURRENCY_AFTER.match(text, f.end)
        if m:
            word = m.group(1).casefold().rstrip("s")
            currency = _CURRENCY_WORD.get(word, word)
    if currency:
        if _OFFER.search(text):
            return ""  # offers and bids of several parties are different sums, not reports
        return f"money:{currency}"
    before = _words_before(toks, f.start, 2)
    if before[-2:] == ["population", "of"] or before[-2:] == ["home", "to"]:
        return "population"
    head = f.subject.split()[-1] if f.subject else ""
    thing = _thing(head) if head else ""
    caps = [w.casefold() for w in f.subject.split()[:-1] if w[:1].isupper()]
    who = " ".join([*caps, thing])  # "Ukrainian troops" are not "Russian troops"
    if thing in ("inhabitant", "resident"):
        return "population"
    if (
        (magnitude if magnitude is not None else "magnitude" in text.casefold())
        and f.lo is not None
        and f.lo < 10
        and (f.hi is None or f.hi < 10)
        and (not thing or thing in _QUAKE or "magnitude" in f.subject.casefold())
    ):
        return ""  # magnitudes are keyed by agency in assign_measures
    cls = _predicate_after(toks, f.end, 4) or _predicate_before(toks, f.start)
    if cls in PEOPLE_CLASSES and (f.lo is None or f.lo != int(f.lo)):
        cls = ""  # "a 6.7-magnitude quake killed": people are counted in whole numbers
    if cls in PEOPLE_CLASSES:
        if not thing or thing in GENERIC or thing in PREDICATE_CLASS or head in PREDICATE_CLASS:
            return cls
        return f"{who}:{cls}"
    if thing in EVENT_NOUNS:
        return f"count:{thing}"
    if thing and f.subject and not head[:1].isupper():
        cls = cls or _predicate_after(toks, f.end, 12)
        if cls in ("damaged", "destroyed"):
            return f"{who}:{cls}"
    return ""


def _magnitudes(text: str, numbers: list[Found]) -> None:
    """Key each magnitude by the agencies that give it, named between it and the number before."""
    if "magnitude" not in text.casefold():
        return
    prev_end = 0
    for f in numbers:
        small = f.lo is not None and f.lo < 10 and (f.hi is None or f.hi < 10)
        if small and not f.measure and not f.value.endswith("%") and "." in f.text:
            names = agencies_in(text[prev_end : f.start])
            if not names:
                tail = _RE0.split(text[f.end : f.end + 200], maxsplit=1)[0]
                names = agencies_in(tail)
            if names:
                f.measure = "magnitude@" + names[-1]
                f.measures = tuple(f"magnitude@{n}" for n in names)
        prev_end = f.end


def sentence_scope(text: str) -> tuple[str, ...]:
    """Time markers of a sentence that may speak of another time than the story's event.

    Weekdays are returned as "weekday:<name>": the story-wide rule decides which weekday is
    the story's own.
    """
    marks = [m.group(0).casefold() for m in _PAST.finditer(text)]
    marks += [f"weekday:{m.group(0).casefold()}" for m in _WEEKDAY.finditer(text)]
    return tuple(dict.fromkeys(marks))


def assign_measures(text: str, numbers: list[Found]) -> None:
    """Set measure, scope and updated on the numbers of one sentence (in place)."""
    if not numbers:
        return
    toks = _Tokens(text)
    magnitude = "magnitude" in text.casefold()
    inherited = ""
    measured = False
    for f in numbers:
        f.measure = measure_of(text, f, toks, inherited, magnitude)
        if f.measure.startswith("share:"):
            inherited = f.measure[6:].split("@", 1)[0]
        f.measures = (f.measure,) if f.measure else ()
    _magnitudes(text, numbers)
    for f in numbers:
        measured = measured or bool(f.measure)
    if not measured:
        return
    scope = sentence_scope(text)
    updated = bool(_UPDATE.search(text))
    for f in numbers:
        if f.measure:
            f.scope = scope
            f.updated = updated
