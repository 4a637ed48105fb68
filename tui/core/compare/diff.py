"""Provides word_diff(): a word-level diff of two sentences, each change classed.

diff-match-patch runs on word tokens (each distinct token is mapped to one character, diffed,
semantically cleaned up and mapped back), so words are never split in half. A change (a delete,
an insert, or a delete paired with the insert that follows it) is classed `trivial` when only
punctuation, case, quote or dash style, whitespace, hyphenation of names, number formatting or
British/American spelling differ, else `substantive` with a sub-kind: number, date, name, quote
(reworded inside quotation marks), attribution, hedge, loaded (a loaded term) or other.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from tui.core.extract.dates import date_re, find_dates
from tui.core.extract.normalize import (
    NUMBER_WORDS,
    SCALES,
    american,
    canonical,
    fold_style,
    is_word,
    name_key,
    number_re,
    quote_spans,
    squash,
    tokenize,
)

OP_KINDS = ("equal", "delete", "insert")
"""Op kinds: text in both, only in the reference (a), only in the other version (b)."""

CHANGE_CLASSES = ("trivial", "substantive")
"""How much a change matters to a fact-checker."""

SUBKINDS = ("number", "date", "name", "quote", "attribution", "hedge", "loaded", "other")
"""Sub-kinds of substantive changes."""

HEDGES = frozenset(
    {
        "reportedly",
        "allegedly",
        "purportedly",
        "supposedly",
        "apparently",
        "possibly",
        "potentially",
        "probably",
        "likely",
        "unlikely",
        "may",
        "might",
        "could",
        "perhaps",
        "presumably",
        "seemingly",
        "unconfirmed",
        "unverified",
        "alleged",
        "suspected",
        "believed",
        "rumoured",
        "rumored",
    }
)
"""Words that soften a claim; adding or dropping one is a hedge change."""

ATTRIBUTION_WORDS = frozenset(
    {
        "said",
        "says",
        "say",
        "stated",
        "states",
        "told",
        "tells",
        "according",
        "reported",
        "reports",
        "report",
        "citing",
        "cited",
        "cites",
        "quoted",
        "quoting",
        "announced",
        "announces",
        "added",
        "noted",
        "explained",
        "indicated",
        "mentioned",
        "declared",
        "claimed",
        "insisted",
        "confirmed",
        "acknowledged",
        "remarked",
        "wrote",
        "tweeted",
        "posted",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "sources",
        "source",
    }
)
"""Words that say who is speaking; a change to them is an attribution change."""

LOADED_TERMS = frozenset(
    {
        "occupiers",
        "occupier",
        "occupying",
        "occupants",
        "occupation",
        "regime",
        "terrorist",
        "terrorists",
        "terrorism",
        "liberation",
        "liberate",
        "liberated",
        "liberating",
        "liberators",
        "invaders",
        "aggressor",
        "aggressors",
        "aggression",
        "militants",
        "militant",
        "insurgents",
        "separatists",
        "rebels",
        "junta",
        "puppet",
        "nazi",
        "nazis",
        "neo-nazi",
        "neo-nazis",
        "fascist",
        "fascists",
        "martyr",
        "martyrs",
        "martyrdom",
        "massacre",
        "genocide",
        "atrocities",
        "atrocity",
        "thugs",
        "extremists",
        "heroic",
        "heroes",
        "brutal",
        "barbaric",
        "so-called",
        "propaganda",
        "hostile",
        "zionist",
        "crusaders",
        "infidels",
        "freedom",
    }
)
"""A small curated list of loaded terms: changing one changes the story's colour."""

ATTRIBUTION_RE = re.compile(
    r"\baccording\s+to\s+[^,.;:]+"
    r"|\bciting\s+[^,.;:]+"
    r"|\bcited\s+[^,.;:]+?\s+as\s+saying"
    r"|\bquoted\s+as\s+saying\s+by\s+[^,.;:]+"
    r"|(?:\b[A-Z][\w.'’-]*\s+){1,4}(?:said|says|reported|reports|told|stated|announced)\b"
)
"""Attribution phrases: a change inside one changes who is said to speak."""

REWRITE_WORDS = 12
"""A change with more words than this on either side is a rewrite: classed "other"."""

_DMP_TIMEOUT = 0.0
"""diff-match-patch timeout in seconds; 0 means no timeout (fine for sentence-sized input)."""


@dataclass(frozen=True, slots=True)
class Op:
    """One run of a word diff."""

    kind: str
    """One of OP_KINDS."""
    text: str
    """The words of this run, with their original spacing."""
    change: str | None = None
    """None for equal runs, else one of CHANGE_CLASSES."""
    subkind: str | None = None
    """For substantive changes, one of SUBKINDS."""


def _diff_tokens(a: list[str], b: list[str]) -> list[tuple[int, list[str]]]:
    """diff-match-patch over token lists: one character per distinct token."""
    table: dict[str, str] = {}
    back: list[str] = []

    def encode(tokens: list[str]) -> str:
        chars = []
        for t in tokens:
            c = table.get(t)
            if c is None:
                n = len(back) + 0x100
                if n >= 0xD800:  # skip the surrogate block
                    n += 0x800
                c = chr(n)
                table[t] = c
                back.append(t)
            chars.append(c)
        return "".join(chars)

    from diff_match_patch import diff_match_patch  # here: reading Ops needs no differ

    dmp = diff_match_patch()
    dmp.Diff_Timeout = _DMP_TIMEOUT
    diffs = dmp.diff_main(encode(a), encode(b), False)
    dmp.diff_cleanupSemantic(diffs)
    out: list[tuple[int, list[str]]] = []
    for op, chars in diffs:
        out.append((op, [back[ord(c) - 0x100 - (0x800 if ord(c) >= 0xE000 else 0)] for c in chars]))
    return out


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def _touches(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return start < end and any(s < end and start < e for s, e in spans)


def _touched(text: str, spans: list[tuple[int, int]], start: int, end: int) -> list[str]:
    """Canonical forms of the spans (numbers with qualifiers) a change touches, in order."""
    if start >= end:
        # an insertion point touches a span it falls strictly inside
        return [canonical(text[s:e]) for s, e in spans if s < start < e]
    return [canonical(text[s:e]) for s, e in spans if s < end and start < e]


def _words(text: str) -> list[str]:
    return [t for t in tokenize(text) if is_word(t)]


def _lower_words(text: str) -> set[str]:
    return {american(w.casefold()) for w in _words(fold_style(text))}


def _has_number(text: str) -> bool:
    for w in _words(text):
        lw = w.casefold()
        if w[0].isdigit() or lw in SCALES or lw in ("dozen", "dozens", "hundreds", "thousands"):
            return True
        if lw in NUMBER_WORDS and lw != "one":
            return True
    return False


def _has_date(text: str) -> bool:
    for m in date_re().finditer(text):
        g = m.group(0)
        if re.search(r"[A-Za-z]{3,}", g) and m.group("my") and not g[0].isupper():
            continue
        return True
    return False


def _proper_names(text: str, at_start: bool) -> set[str]:
    """Capitalised words (not the first word of a sentence) in a chunk of text."""
    names: set[str] = set()
    for i, w in enumerate(_words(text)):
        if i == 0 and at_start:
            continue
        if w[0].isupper() and w.casefold() not in HEDGES | ATTRIBUTION_WORDS:
            names.add(w.casefold())
    return names


def classify(
    deleted: str,
    inserted: str,
    *,
    in_quote: bool = False,
    at_start: bool = False,
    in_date: bool = False,
    in_number: bool = False,
    in_attribution: bool = False,
) -> tuple[str, str | None]:
    """Class one change.

    Args:
        deleted: the reference's words ("" for an insertion).
        inserted: the other version's words ("" for a deletion).
        in_quote: the change lies inside quotation marks.
        at_start: the change starts its sentence (a capital there does not make a name).
        in_date: the change touches a date expression of either sentence.
        in_number: the change touches a number of either sentence, and the numbers it touches
            (with their qualifiers: "more than 15") differ between the two.
        in_attribution: the change touches an attribution ("according to X", "X said").

    Returns:
        (change class, sub-kind or None for trivial changes).
    """
    if canonical(deleted) == canonical(inserted):
        return "trivial", None
    if squash(deleted) == squash(inserted) and (
        any(c in deleted + inserted for c in "-‐‑–—") or _proper_names(deleted + inserted, False)
    ):
        return "trivial", None
    if _proper_names(deleted + " " + inserted, False) and name_key(deleted) == name_key(inserted):
        return "trivial", None  # a transliteration variant: Sergei / Sergey, Kiev / Kyiv
    if max(len(_words(deleted)), len(_words(inserted))) > REWRITE_WORDS:
        return "substantive", "quote" if in_quote else "other"  # a rewrite, not one edit
    both = deleted + " " + inserted
    if in_date or _has_date(deleted) or _has_date(inserted):
        return "substantive", "date"
    if in_number or (
        (_has_number(deleted) or _has_number(inserted))
        and canonical_numbers(deleted) != canonical_numbers(inserted)
    ):
        return "substantive", "number"
    dw, iw = _lower_words(deleted), _lower_words(inserted)
    if (dw ^ iw) & HEDGES:
        return "substantive", "hedge"
    if in_quote:
        return "substantive", "quote"
    if in_attribution or (dw | iw) & ATTRIBUTION_WORDS:
        return "substantive", "attribution"
    if (dw ^ iw) & LOADED_TERMS:
        return "substantive", "loaded"
    dn, in_ = _proper_names(deleted, at_start), _proper_names(inserted, at_start)
    if dn != in_ and (dn or in_) and any(w[0].isupper() for w in _words(both)):
        return "substantive", "name"
    return "substantive", "other"


def canonical_numbers(text: str) -> list[str]:
    """The numbers of a text as canonical digit strings, in order."""
    return [w for w in canonical(text).split() if w[0].isdigit()]


@dataclass(frozen=True, slots=True)
class _Scan:
    """What a diff needs to know of one text: its tokens and the spans a change can touch."""

    tokens: list[str]
    quotes: list[tuple[int, int]]
    dates: list[tuple[int, int]]
    numbers: list[tuple[int, int]]
    attributions: list[tuple[int, int]]


def _scan(text: str) -> _Scan:
    return _Scan(
        tokenize(text),
        quote_spans(text),
        [(m.start, m.end) for m in find_dates(text, None)],
        [m.span() for m in number_re().finditer(text)],
        [m.span() for m in ATTRIBUTION_RE.finditer(text)],
    )


_Classify = tuple[str, str, bool, bool, bool, bool, bool]
"""The arguments of one classify() call: (deleted, inserted, in_quote, at_start, in_date,
in_number, in_attribution)."""


class Differ:
    """Word diffs of many versions against the same reference texts, each scanned once.

    `diff(a, b)` returns exactly what `word_diff(a, b)` does. The reference text `a` is
    tokenised and scanned (quotes, dates, numbers, attributions) on its first diff and kept,
    so the other versions of one slot share that work; a change seen before (the same edit
    recurs across rewrites) is classed once.
    """

    __slots__ = ("_classes", "_scans")

    def __init__(self) -> None:
        self._scans: dict[str, _Scan] = {}
        self._classes: dict[_Classify, tuple[str, str | None]] = {}

    def diff(self, a: str, b: str) -> tuple[Op, ...]:
        """The word diff of `b` against the reference text `a` (see word_diff)."""
        if a == b:
            return (Op("equal", a),) if a else ()
        sa = self._scans.get(a)
        if sa is None:
            sa = self._scans[a] = _scan(a)
        return _diff_scanned(a, b, sa, _scan(b), self._classify)

    def _classify(self, key: _Classify) -> tuple[str, str | None]:
        got = self._classes.get(key)
        if got is None:
            got = self._classes[key] = _classify_key(key)
        return got


def _classify_key(key: _Classify) -> tuple[str, str | None]:
    deleted, inserted, in_quote, at_start, in_date, in_number, in_attr = key
    return classify(
        deleted,
        inserted,
        in_quote=in_quote,
        at_start=at_start,
        in_date=in_date,
        in_number=in_number,
        in_attribution=in_attr,
    )


def word_diff(a: str, b: str) -> tuple[Op, ...]:
    """Diff two sentences word by word and class each change.

    Args:
        a: the reference text.
        b: the other version's text.

    Returns:
        Ops in order; the equal and delete ops rebuild `a` exactly, the equal and insert ops
        rebuild `b` exactly. A delete directly followed by an insert is one replacement: both
        carry the same class. (`Differ` gives the same diffs, faster for many versions.)
    """
    if a == b:
        return (Op("equal", a),) if a else ()
    return _diff_scanned(a, b, _scan(a), _scan(b), _classify_key)


def _diff_scanned(
    a: str,
    b: str,
    sa: _Scan,
    sb: _Scan,
    classify_key: Callable[[_Classify], tuple[str, str | None]],
) -> tuple[Op, ...]:
    runs = [(op, "".join(toks)) for op, toks in _diff_tokens(sa.tokens, sb.tokens) if toks]
    qa, qb = sa.quotes, sb.quotes
    ops: list[Op] = []
    pa = pb = 0
    i = 0
    while i < len(runs):
        op, text = runs[i]
        if op == 0:
            ops.append(Op("equal", text))
            pa += len(text)
            pb += len(text)
            i += 1
            continue
        deleted = inserted = ""
        while i < len(runs) and runs[i][0] != 0:
            if runs[i][0] < 0:
                deleted += runs[i][1]
            else:
                inserted += runs[i][1]
            i += 1
        ea, eb = pa + len(deleted), pb + len(inserted)
        in_quote = (not deleted or _inside(qa, pa, ea)) and (not inserted or _inside(qb, pb, eb))
        in_quote = in_quote and bool(qa if deleted else qb)
        at_start = not a[:pa].strip() and not b[:pb].strip()
        in_date = _touches(sa.dates, pa, ea) or _touches(sb.dates, pb, eb)
        in_number = _touched(a, sa.numbers, pa, ea) != _touched(b, sb.numbers, pb, eb)
        in_attr = _touches(sa.attributions, pa, ea) or _touches(sb.attributions, pb, eb)
        change, subkind = classify_key(
            (deleted, inserted, in_quote, at_start, in_date, in_number, in_attr)
        )
        for kind in ("delete", "insert"):
            text = deleted if kind == "delete" else inserted
            if text:
                ops.append(Op(kind, text, change, subkind))
        pa, pb = ea, eb
    return tuple(ops)


def count_changes(ops: tuple[Op, ...]) -> dict[str, int]:
    """How many changes of each class a diff holds (a replacement counts once).

    Args:
        ops: a word diff.

    Returns:
        {"trivial": n, "substantive": m}.
    """
    counts = {"trivial": 0, "substantive": 0}
    prev: Op | None = None
    for op in ops:
        if op.change is not None and not (
            prev is not None and prev.kind == "delete" and op.kind == "insert"
        ):
            counts[op.change] += 1
        prev = op
    return counts
