"""Provides find_claims(): what a sentence asserts or denies, as (subject, predicate, object,
polarity), for the contradiction rule.

Negation and denial forms: not / never / n't / no longer, neither ... nor, has yet to, refused
to, denied, rejected (or dismissed) claims that, "something X has not acknowledged". "Not only
... but also" is not a negation. A denial inside a quotation belongs to whoever is quoted, so
its subject is the speaker named in the sentence, not the words inside the quotes.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from tui.core.extract.lexicon import STOP
from tui.core.extract.normalize import quote_spans

_RE0 = re.compile(r"'s$")
_RE1 = re.compile(r"\b[A-Z][\w’'-]+")


def _ws(words: str) -> frozenset[str]:
    return frozenset(words.split())


CAPITALS = {
    "moscow": "russia",
    "kremlin": "russia",
    "pyongyang": "korea",
    "kyiv": "ukraine",
    "kiev": "ukraine",
    "washington": "america",
    "beijing": "china",
    "tehran": "iran",
    "london": "britain",
    "paris": "france",
    "berlin": "germany",
    "seoul": "korea",
    "tokyo": "japan",
    "cairo": "egypt",
}
"""Capitals (and seats of government) standing for their country as a subject."""

ADMIT = frozenset({"acknowledg", "admit", "confirm", "recogniz", "recognis", "accept"})
"""Stems of admitting something: "denied" is their negation."""

_AUX = _ws(
    "be been being is are was were has have had do does did will would can could shall should "
    "may might must yet ever publicly officially formally previously also always still so far "
    "even really fully directly openly"
)
_NO_PREDICATE = _ws(
    "said say says told know known sure clear only just immediately available possible "
    "enough the a an any"
)
_NEGATION = _ws("not never neither nor n't no longer yet refus declin deni deny reject dismiss")
_NOT_CONTENT = _ws("neither nor something anything nothing never")
_WINDOW = 200
"""Characters either side of a predicate its subject and object are read from."""
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_CUE = re.compile(
    r"\b(?:(?P<not>not|never|no\s+longer)\b(?!\s+only\b)|(?P<nt>\w+n['’]t)\b"
    r"|(?P<nt2>(?:can|don|won|didn|doesn|isn|wasn|aren|weren|hasn|haven|couldn|wouldn)t)\b"
    r"|(?P<neither>neither\b[^.;:]{1,80}?\bnor\b\s+(?:[A-Z][\w’'-]*\s+){1,3})"
    r"|(?P<yet>(?:has|have|had)\s+yet\s+to)\b|(?P<refused>refused\s+to|declined\s+to)\b"
    r"|(?P<denied>denied|denies|deny|rejected\s+claims|dismissed\s+claims))",
    re.I,
)
_CLAUSE = re.compile(r"[,;:()]|\b(?:that|which|who|but|and|while|whereas|although|something)\b")
_STEM = re.compile(r"(?:ing|ed|es|e|s)$")


@dataclass(frozen=True, slots=True)
class Claim:
    """One predicate a sentence asserts (polarity True) or denies (False)."""

    predicate: str
    """The predicate's stem ("acknowledg")."""
    positive: bool
    """False when negated or denied."""
    subject: frozenset[str]
    """Who or what: folded content words before the predicate ("russia")."""
    objects: frozenset[str]
    """Folded content words of what is asserted or denied."""
    start: int
    """Offset of the claim's words in the sentence."""
    end: int
    """Offset just past them."""


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A crude stem that makes "acknowledged", "acknowledges" and "acknowledge" one."""
    w = word.casefold().replace("’", "'")
    return _STEM.sub("", w) if len(w) > 4 else w


@lru_cache(maxsize=1 << 16)
def fold(word: str) -> str:
    """A content word folded for overlap: capitals to countries, demonyms to countries."""
    w = word.casefold().replace("’", "'")
    w = _RE0.sub("", w)
    if w in CAPITALS:
        return CAPITALS[w]
    if word[:1].isupper() and w.endswith("an") and len(w) > 5:
        w = w[:-1]  # Korean -> korea, Russian -> russia
    return stem(w) if not word[:1].isupper() else w


def _content(text: str) -> list[tuple[str, int, int]]:
    return [
        (fold(m.group(0)), m.start(), m.end())
        for m in _WORD.finditer(text)
        if m.group(0).casefold() not in STOP
        and len(m.group(0)) > 2
        and m.group(0).casefold() not in _NOT_CONTENT
    ]


def _predicate_at(text: str, pos: int) -> tuple[str, int, int] | None:
    """The first word after pos that is not an auxiliary or adverb (within four words)."""
    for n, m in enumerate(_WORD.finditer(text, pos)):
        w = m.group(0).casefold()
        if n >= 5:
            return None
        if w in _AUX or w.endswith("ly"):
            continue
        if w in _NO_PREDICATE or w in STOP or m.group(0)[:1].isupper():
            return None  # "not in dispute", "didn't, he was": no verb to compare
        return stem(w), m.start(), m.end()
    return None


def _subject_before(text: str, pos: int) -> tuple[frozenset[str], int]:
    """Folded content words between the start of the clause and pos, and where they start."""
    lo = max(0, pos - _WINDOW)
    for m in _CLAUSE.finditer(text, lo, pos):
        lo = m.end()
    words = [
        (w, s)
        for w, s, _ in _content(text[lo:pos])
        if w not in _AUX
        and w not in _NEGATION
        and not (w.endswith("ly") and text[lo + s].islower())  # "publicly", not "Weekly"
    ]
    return frozenset(w for w, _ in words), lo + (words[0][1] if words else 0)


def _object_after(text: str, pos: int) -> tuple[frozenset[str], int]:
    words = _content(text[pos : pos + _WINDOW])[:12]
    return frozenset(w for w, _, _ in words), pos + (words[-1][2] if words else 0)


def _speaker(text: str, quotes: list[tuple[int, int]]) -> frozenset[str]:
    outside = "".join(
        text[a:b]
        for a, b in zip(
            [0] + [e + 1 for _, e in quotes], [s - 1 for s, _ in quotes] + [len(text)], strict=True
        )
        if b > a
    )
    return frozenset(fold(w) for w in _RE1.findall(outside) if w.casefold() not in STOP)


def find_claims(text: str, wanted: frozenset[str] | None = None) -> list[Claim]:
    """The claims of one sentence.

    Args:
        text: the sentence.
        wanted: when given, positive claims only for these predicate stems (denied ones are
            always returned), so that a story is scanned for assertions of what it denies.

    Returns:
        Claims in text order.
    """
    out: list[Claim] = []
    quotes = _Quotes(text)
    negated: set[int] = set()
    for m in _CUE.finditer(text):
        if m.group("denied"):
            pred: tuple[str, int, int] | None = ("acknowledg", m.start(), m.end())
        else:
            pred = _predicate_at(text, m.end())
        if pred is None:
            continue
        negated.add(pred[1])
        out.append(_claim(text, pred, False, quotes))
    if wanted and may_assert(text, wanted):
        for m in _WORD.finditer(text):
            s = stem(m.group(0))
            if m.start() in negated or (s not in wanted and not (s in ADMIT and wanted & ADMIT)):
                continue
            if m.group(0)[:1].isupper():
                continue
            pred = ("acknowledg" if s in ADMIT else s, m.start(), m.end())
            out.append(_claim(text, pred, True, quotes))
    out = [c for c in out if c.subject]
    out.sort(key=lambda c: c.start)
    return out


def may_assert(text: str, wanted: frozenset[str]) -> bool:
    """Whether some word of the text has a wanted stem: find_claims(text, wanted) can then
    assert something (most sentences have none, and skip the word by word pass)."""
    stems = {stem(w) for w in set(_WORD.findall(text))}
    return not stems.isdisjoint(wanted) or (
        not stems.isdisjoint(ADMIT) and not wanted.isdisjoint(ADMIT)
    )


class _Quotes:
    """A sentence's quotations and, computed once, the names outside them (the speaker)."""

    __slots__ = ("_speaker", "spans", "starts", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.spans = quote_spans(text) if any(c in text for c in '"“”«»') else []
        self.starts = [a for a, _ in self.spans]
        self._speaker: frozenset[str] | None = None

    def opening(self, pos: int) -> int | None:
        """Where the quotation around pos starts (None when pos is not quoted)."""
        i = bisect_right(self.starts, pos) - 1
        return self.spans[i][0] if i >= 0 and pos < self.spans[i][1] else None

    def speaker(self) -> frozenset[str]:
        if self._speaker is None:
            self._speaker = _speaker(self.text, self.spans)
        return self._speaker


def _claim(text: str, pred: tuple[str, int, int], positive: bool, quotes: _Quotes) -> Claim:
    stem_, p_start, p_end = pred
    quoted = quotes.opening(p_start)
    if quoted is not None:
        subject = quotes.speaker()
        start = quoted
    else:
        subject, start = _subject_before(text, p_start)
    objects, end = _object_after(text, p_end)
    if not objects and not positive:
        # "something neither Moscow nor Pyongyang has acknowledged": what is denied comes first
        lo = max(0, start - _WINDOW)
        before = _content(text[lo:start])[-14:]
        objects = frozenset(w for w, _, _ in before)
        if before:
            start = lo + before[0][1]
        end = p_end
    stem_ = "acknowledg" if stem_ in ADMIT else stem_
    return Claim(stem_, positive, subject, objects, start, max(end, p_end))
