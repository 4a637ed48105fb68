"""Provides the text normalisation shared by word diffs and fact checks.

Folding quote and dash styles, British to American spelling, number words to digits, and
transliteration variants of names, so that two wordings of the same value compare equal.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

_RE0, _RE1 = re.compile(r"\d+(?:,\d{3})+"), re.compile(r"\d+(?:\.\d+)?")
_RE2 = re.compile(r"\s+")
_RE3 = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")
_RE4 = re.compile(r"(?<=\d),(?=\d{3}\b)")
_RE5 = re.compile(r"\d+(?:\.\d+)?|[^\W\d_]+(?:['\-][^\W\d_]+)*|\d+")
_RE6 = re.compile(r"ks(?=[aeiouy])")
_RE7, _RE8, _RE9, _RE10 = (re.compile(p) for p in (r"yy$", r"iy$", r"ey$", r"^ye"))
_RE11, _RE12 = re.compile(r"'s\b|'$"), re.compile(r"[^\W_]+")


TOKEN_RE = re.compile(
    r"\d+(?:[.,]\d+)*"  # numbers, with thousands separators and decimals: 1,000 5.33
    r"|\w+(?:['’\-‐]\w+)*"  # words, with inner hyphens and apostrophes: Jong-un Russia's
    r"|\s+"  # whitespace runs
    r"|[^\w\s]",  # any other single character (punctuation, quotes, dashes)
)
"""Word tokens; every character of a text is in exactly one token."""

QUOTE_CHARS = '"“”„‟«»‹›〝〞＂'
"""Characters that open or close a quotation (single quotes are left out: apostrophes)."""

_QUOTE_FOLD = str.maketrans(
    {**dict.fromkeys(QUOTE_CHARS, '"'), "‘": "'", "’": "'", "‚": "'", "‛": "'", "`": "'"}
)
_DASH_FOLD = str.maketrans(dict.fromkeys("‐‑‒–—―−﹘﹣－", "-"))

BRITISH_TO_AMERICAN = {
    "defence": "defense",
    "offence": "offense",
    "licence": "license",
    "pretence": "pretense",
    "colour": "color",
    "honour": "honor",
    "favour": "favor",
    "labour": "labor",
    "neighbour": "neighbor",
    "behaviour": "behavior",
    "armour": "armor",
    "rumour": "rumor",
    "harbour": "harbor",
    "humour": "humor",
    "vigour": "vigor",
    "endeavour": "endeavor",
    "centre": "center",
    "metre": "meter",
    "litre": "liter",
    "theatre": "theater",
    "fibre": "fiber",
    "calibre": "caliber",
    "programme": "program",
    "catalogue": "catalog",
    "dialogue": "dialog",
    "analogue": "analog",
    "grey": "gray",
    "jewellery": "jewelry",
    "manoeuvre": "maneuver",
    "sceptical": "skeptical",
    "plough": "plow",
    "mould": "mold",
    "tyre": "tire",
    "kerb": "curb",
    "cheque": "check",
    "aluminium": "aluminum",
    "paediatric": "pediatric",
    "enrol": "enroll",
    "fulfil": "fulfill",
    "whilst": "while",
    "amongst": "among",
}
"""British spellings and their American forms (inflections are handled by suffix rules)."""

_ISE_STEMS = (
    "organis",
    "recognis",
    "realis",
    "apologis",
    "criticis",
    "mobilis",
    "authoris",
    "characteris",
    "emphasis",
    "finalis",
    "legalis",
    "minimis",
    "maximis",
    "modernis",
    "normalis",
    "prioritis",
    "stabilis",
    "summaris",
    "utilis",
    "demilitaris",
    "militaris",
    "nationalis",
    "privatis",
    "sanitis",
    "scrutinis",
    "destabilis",
    "neutralis",
    "symbolis",
    "specialis",
    "jeopardis",
    "analys",
    "paralys",
)
_DOUBLE_L = ("travell", "cancell", "labell", "modell", "fuell", "signall", "counsell", "channell")

NUMBER_WORDS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
"""Number words below a hundred."""

SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
"""Multiplier words."""

TRANSLITERATIONS = {
    "kiev": "kyiv",
    "kharkov": "kharkiv",
    "odessa": "odesa",
    "lvov": "lviv",
    "nikolaev": "mykolaiv",
    "nikolayev": "mykolaiv",
    "dnepr": "dnipro",
    "dnipropetrovsk": "dnipro",
    "zaporozhye": "zaporizhzhia",
    "zaporizhia": "zaporizhzhia",
    "lugansk": "luhansk",
    "artemovsk": "bakhmut",
    "zelenski": "zelensky",
    "zelenskiy": "zelensky",
    "zelenskyy": "zelensky",
    "gaddafi": "qaddafi",
    "kadhafi": "qaddafi",
    "gadhafi": "qaddafi",
    "mohammed": "muhammad",
    "mohamed": "muhammad",
    "mohammad": "muhammad",
    "muhammed": "muhammad",
    "evgeny": "yevgeny",
    "yevgeniy": "yevgeny",
    "evgeniy": "yevgeny",
    "dmitri": "dmitry",
    "dmitriy": "dmitry",
    "yury": "yuri",
    "yuriy": "yuri",
    "pyeongyang": "pyongyang",
}
"""Spellings of one name in several transliterations, folded to one."""


def tokenize(text: str) -> list[str]:
    """Split text into tokens whose concatenation is exactly the text.

    Args:
        text: any text.

    Returns:
        Word, number, whitespace and single-character punctuation tokens.
    """
    return TOKEN_RE.findall(text)


def is_word(token: str) -> bool:
    """True for word and number tokens (not whitespace or punctuation)."""
    return bool(token) and (token[0].isalnum() or token[0] == "_")


def fold_style(text: str) -> str:
    """Fold quote and dash styles to ASCII and collapse whitespace (case is kept)."""
    return " ".join(text.translate(_QUOTE_FOLD).translate(_DASH_FOLD).split())


@lru_cache(maxsize=1 << 16)
def american(word: str) -> str:
    """The American spelling of a lowercase word (unchanged when not a known British form).

    Args:
        word: a lowercase word.

    Returns:
        The word, respelled when British.
    """
    if word in BRITISH_TO_AMERICAN:
        return BRITISH_TO_AMERICAN[word]
    for brit, am in BRITISH_TO_AMERICAN.items():
        if len(brit) > 4 and word.startswith(brit) and word[len(brit) :] in ("s", "d", "ed"):
            return am + word[len(brit) :]
        if brit.endswith("our") and word.startswith(brit) and word[len(brit) :] in ("ed", "ing"):
            return am + word[len(brit) :]
    for stem in _ISE_STEMS:
        rest = word[len(stem) :]
        if word.startswith(stem) and rest in ("e", "es", "ed", "ing", "ation", "ations", "er"):
            return stem[:-1] + "z" + rest
    for stem in _DOUBLE_L:
        if word.startswith(stem) and word[len(stem) :] in ("ed", "ing", "er", "ers", "or", "ors"):
            return stem[:-1] + word[len(stem) :]
    return word


def parse_number(words: list[str]) -> int | float | None:
    """The value of a number written with digits and/or words ("1,000", "five thousand").

    Args:
        words: lowercase tokens without whitespace, e.g. ["one", "thousand"] or ["1,000"].

    Returns:
        The value, or None when the words are not a number.
    """
    if not words:
        return None
    total = 0.0
    current = 0.0
    seen = False
    for w in words:
        w = w.replace("-", " ")
        parts = w.split()
        for p in parts:
            if _RE0.fullmatch(p):
                current += float(p.replace(",", ""))
            elif _RE1.fullmatch(p):
                current += float(p)
            elif p in NUMBER_WORDS:
                current += NUMBER_WORDS[p]
            elif p == "hundred":
                current = (current or 1) * 100
            elif p in SCALES:
                total += (current or 1) * SCALES[p]
                current = 0
            elif p == "and" and seen:
                continue
            else:
                return None
            seen = True
    value = total + current
    return int(value) if value == int(value) else value


def number_words_to_digits(text: str) -> str:
    """Rewrite number words and formatted numbers as plain digits ("one thousand" -> "1000").

    Args:
        text: lowercase text.

    Returns:
        The text with every number run replaced by its digits.
    """
    tokens = [t for t in _RE2.split(text) if t]
    out: list[str] = []
    i = 0
    while i < len(tokens):
        j = i
        while j < len(tokens) and _numberish(tokens[j], j > i):
            j += 1
        while j > i and tokens[j - 1] == "and":
            j -= 1
        if j > i:
            value = parse_number(tokens[i:j])
            if value is not None:
                out.append(str(value))
                i = j
                continue
        out.append(tokens[i])
        i += 1
    return " ".join(out)


def _numberish(token: str, inner: bool) -> bool:
    if _RE3.fullmatch(token):
        return True
    parts = token.split("-")
    if all(p in NUMBER_WORDS or p in SCALES for p in parts):
        return True
    return inner and token == "and"


def canonical(text: str) -> str:
    """A comparison key for text: trivial differences (case, punctuation, quote and dash style,
    whitespace, number formatting, British/American spelling) do not change it.

    Args:
        text: any text.

    Returns:
        Lowercase words separated by single spaces.
    """
    folded = fold_style(text).casefold()
    folded = _RE4.sub("", folded)
    words = _RE5.findall(folded)
    words = [american(w.replace("'", "")) for w in words]
    return number_words_to_digits(" ".join(words))


def squash(text: str) -> str:
    """canonical() without spaces and hyphens: "Kim Jong Un" and "Kim Jong-un" squash alike."""
    return canonical(text).replace("-", "").replace(" ", "")


def strip_accents(text: str) -> str:
    """Text without combining accents ("Zelenskyy" stays, "Dvořák" -> "Dvorak")."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@lru_cache(maxsize=1 << 16)
def translit_word(word: str) -> str:
    """Fold one lowercase name word over common transliteration variants (Sergey -> sergei).

    Args:
        word: a lowercase word.

    Returns:
        The folded spelling.
    """
    if word in TRANSLITERATIONS:
        return TRANSLITERATIONS[word]
    w = word
    w = _RE6.sub("x", w)
    w = _RE7.sub("y", w)
    w = _RE8.sub("y", w)
    w = _RE9.sub("ei", w)
    w = _RE10.sub("e", w)
    return TRANSLITERATIONS.get(w, w)


@lru_cache(maxsize=1 << 16)
def name_key(name: str) -> str:
    """A comparison key for a name: case, accents, hyphenation, spacing, possessives and
    transliteration variants do not change it ("Kim Jong-un" == "Kim Jong Un").

    Args:
        name: a name as written.

    Returns:
        Lowercase folded words separated by single spaces.
    """
    text = strip_accents(fold_style(name)).casefold()
    text = _RE11.sub("", text)
    words = _RE12.findall(text)
    return " ".join(translit_word(w) for w in words)


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Spans of quoted text, between matching quotation marks (straight quotes pair in order).

    Args:
        text: a sentence.

    Returns:
        (start, end) of each quotation's inside; an unclosed quote runs to the end.
    """
    if not any(c in text for c in QUOTE_CHARS):
        return []
    spans: list[tuple[int, int]] = []
    opening = {"“": "”", "«": "»", "„": "“", "‹": "›", '"': '"', "＂": "＂"}
    i = 0
    first = next((k for k, c in enumerate(text) if c in QUOTE_CHARS), -1)
    if first >= 0 and _closes(text, first):
        # the quotation opened in an earlier sentence and closes here
        spans.append((0, first))
        i = first + 1
    while i < len(text):
        ch = text[i]
        if ch in opening:
            close = text.find(opening[ch], i + 1)
            if ch == "„" and close < 0:
                close = text.find("”", i + 1)
            if close < 0:
                spans.append((i + 1, len(text)))  # an unclosed quote runs to the end
                break
            spans.append((i + 1, close))
            i = close + 1
        else:
            i += 1
    return spans


def _closes(text: str, k: int) -> bool:
    """Whether the quotation mark at k closes a quotation (one opened before the text)."""
    ch = text[k]
    if ch in "”»›":
        return "“" not in text[:k] and "«" not in text[:k] and "‹" not in text[:k]
    if ch in '"＂':
        before = text[k - 1] if k else " "
        after = text[k + 1] if k + 1 < len(text) else " "
        return not before.isspace() and (after.isspace() or after in ".,;:!?)")
    return False


QUALIFIERS = {
    "more than": (1.0, None),
    "over": (1.0, None),
    "at least": (1.0, None),
    "upwards of": (1.0, None),
    "in excess of": (1.0, None),
    "nearly": (0.8, 1.0),
    "almost": (0.8, 1.0),
    "close to": (0.8, 1.0),
    "up to": (0.0, 1.0),
    "as many as": (0.0, 1.0),
    "as much as": (0.0, 1.0),
    "at most": (0.0, 1.0),
    "fewer than": (0.0, 1.0),
    "less than": (0.0, 1.0),
    "under": (0.0, 1.0),
    "about": (0.8, 1.2),
    "around": (0.8, 1.2),
    "approximately": (0.8, 1.2),
    "roughly": (0.8, 1.2),
    "some": (0.8, 1.2),
    "an estimated": (0.8, 1.2),
    "estimated": (0.8, 1.2),
}
"""Qualifier -> (low, high) multipliers of the stated number (None: no upper bound)."""

VAGUE = {
    "tens of thousands": (20_000.0, 99_999.0),
    "hundreds of thousands": (200_000.0, 999_999.0),
    "thousands": (2_000.0, 99_999.0),
    "hundreds": (200.0, 999.0),
    "dozens": (24.0, 199.0),
    "scores": (40.0, 199.0),
    "millions": (2_000_000.0, 999_999_999.0),
    "a dozen": (12.0, 12.0),
    "a hundred": (100.0, 100.0),
    "a thousand": (1_000.0, 1_000.0),
}
"""Vague amounts -> the range they can mean."""

_NUMWORD = (
    r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy"
    r"|eighty|ninety|hundred|thousand|million|billion)"
)
_DIGITS = r"\d+(?:,\d{3})*(?:\.\d+)?"
_AMOUNT = (
    rf"(?:{_DIGITS}(?:\s+(?:hundred|thousand|million|billion))?"
    rf"|{_NUMWORD}(?:[\s-]+(?:and\s+)?{_NUMWORD})*)"
)
_QUAL = "|".join(sorted((re.escape(q) for q in QUALIFIERS), key=len, reverse=True))
_VAGUE = "|".join(sorted((re.escape(v) for v in VAGUE), key=len, reverse=True))
_NUMBER_PATTERN = (
    rf"\b(?:(?P<qual>{_QUAL})\s+)?"
    rf"(?:(?P<vague>{_VAGUE})\b|(?:between\s+)?(?P<amount>{_AMOUNT})"
    rf"(?:\s*(?:-|–|to|and)\s*(?P<upper>{_AMOUNT}))?(?P<pct>\s*%|\s+per\s?cent|\s+percent)?)"
    r"(?![\w,.]\w)"
)


@cache
def number_re() -> re.Pattern[str]:
    """Numbers with their qualifier, range and percent sign.

    Compiled on first use: a process that only reads facts (the app) never needs it.
    """
    return re.compile(_NUMBER_PATTERN, re.IGNORECASE)


def __getattr__(name: str) -> re.Pattern[str]:
    """`NUMBER_RE`: the compiled pattern under the name it had before `number_re()`."""
    if name == "NUMBER_RE":
        return number_re()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
