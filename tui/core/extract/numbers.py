"""Provides find_numbers(): the numbers a sentence states, with what they count (the subject
after the number) and the event they belong to.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from tui.core.extract.fact import TOKEN, WINDOW, Found, Taken, lemma, words_with_spans
from tui.core.extract.lexicon import MONTH_OR_DAY, ONE_OFF_EVENTS, PLURAL_FREE, STOP
from tui.core.extract.normalize import (
    QUALIFIERS,
    SCALES,
    VAGUE,
    number_re,
    parse_number,
)

_RE0 = re.compile(r"\d{1,2}")
_RE1 = re.compile(r"[,;:.!?“”\"«»()]")
_RE2 = re.compile(r"[^\W\d_]+")


def _subject_after(text: str, pos: int) -> str:
    """The counted noun after a number ("military construction workers")."""
    words: list[str] = []
    for m in TOKEN.finditer(text, pos):
        w = m.group(0)
        if not w[0].isalnum():
            break
        lw = w.casefold()
        if lw == "of" and not words:
            continue
        if lw in STOP or w[0].isdigit():
            break
        words.append(w)
        if len(words) == 4:
            break
    if not words:
        return ""
    head = len(words) - 1
    for k in range(len(words) - 1, -1, -1):
        lw = words[k].casefold()
        if (lw.endswith("s") and not lw.endswith("ss")) or lw in PLURAL_FREE:
            head = k
            break
    return " ".join(words[: head + 1])


def _plural_head(subject: str) -> bool:
    head = subject.split()[-1].casefold() if subject else ""
    return head in PLURAL_FREE or (head.endswith("s") and not head.endswith("ss"))


def find_numbers(text: str, taken: Taken) -> list[Found]:
    out: list[Found] = []
    for m in number_re().finditer(text):
        if taken.overlaps(m.start(), m.end()):
            continue
        qual = (m.group("qual") or "").casefold()
        lo: float
        hi: float | None
        if m.group("vague"):
            vague = m.group("vague").casefold()
            lo, hi = VAGUE[vague]
            value = vague if vague not in ("a dozen", "a hundred", "a thousand") else str(int(lo))
        else:
            amount = m.group("amount")
            words = amount.casefold().replace("-", " ").split()
            if words == ["one"] and not m.group("upper"):
                continue  # "one of", "one such": a pronoun far more often than a count
            if _RE0.fullmatch(amount) and text[m.end() : m.end() + 1] in ("-",):
                continue
            n = parse_number(words)
            if n is None:
                continue
            lo = hi = float(n)
            value = str(n)
            upper = m.group("upper")
            if upper and upper.casefold() in SCALES and "-" in m.group(0):
                n = n * SCALES[upper.casefold()]  # "$2.6-million": one amount, not a range
                lo = hi = float(n)
                value = str(int(n) if n == int(n) else n)
                upper = None
            if upper:
                u = parse_number(upper.casefold().replace("-", " ").split())
                if u is None or u < n:
                    continue
                hi = float(u)
                value = f"{n}-{u}"
            if m.group("pct"):
                value += "%"
        if qual:
            a, b = QUALIFIERS[qual]
            lo, hi = lo * a, (hi * b if (b is not None and hi is not None) else None)
        subject = "" if m.group("pct") else _subject_after(text, m.end())
        if lo < 10 and not any(c.isdigit() for c in m.group(0)) and not _plural_head(subject):
            continue  # "the two sat down": a pronoun, not a count
        out.append(
            Found(
                "number",
                m.start(),
                m.end(),
                m.group(0),
                value,
                subject=subject,
                qualifier=qual,
                lo=lo,
                hi=hi,
                around=clause_words(text, m.start(), m.end() + len(subject) + 1),
            )
        )
    return out


def event_of(
    text: str, start: int, end: int, tokens: list[tuple[str, int, int]] | None = None
) -> tuple[str, str, frozenset[str]]:
    """The one-off event verb near a date and the content words around it.

    Args:
        text: the sentence.
        start: where the date starts.
        end: where it ends.
        tokens: words_with_spans(text), when the caller has it (one tokenisation for all the
            dates of a long sentence).
    """
    if tokens is None:
        lo = max(0, start - WINDOW)
        tokens = [(w, s + lo, e + lo) for w, s, e in words_with_spans(text[lo : end + WINDOW])]
    first = bisect_left(tokens, start, key=lambda t: t[2])
    toks = tokens[max(0, first - 17) : first + 40]
    before = [t for t in toks if t[2] <= start]
    after = [t for t in toks if t[1] >= end]
    verb_at: tuple[str, int, int] | None = None
    for t in reversed(before[-10:]):
        if t[0] in ".;:!?":
            break
        if t[0].casefold() in ONE_OFF_EVENTS:
            verb_at = t
            break
    if verb_at is None:
        for t in after[:6]:
            if t[0] in ".;:!?":
                break
            if t[0].casefold() in ONE_OFF_EVENTS:
                verb_at = t
                break
    if verb_at is None:
        return "", "", frozenset()
    idx = toks.index(verb_at)
    window = toks[max(0, idx - 6) : idx] + toks[idx + 1 : idx + 7]
    context = frozenset(
        lemma(w)
        for w, s, e in window
        if w[0].isalpha()
        and w.casefold() not in STOP
        and not (start <= s and e <= end)
        and w not in MONTH_OR_DAY
        and w.casefold() not in ("year", "month", "week", "last", "earlier", "later", "two")
    )
    return ONE_OFF_EVENTS[verb_at[0].casefold()], verb_at[0].casefold(), context


def clause_words(text: str, start: int, end: int) -> frozenset[str]:
    """Content words within the clause of [start, end) (up to 8 words either side)."""
    left = _RE1.split(text[max(0, start - 160) : start])[-1]  # 8 words fit in 160 characters
    right = _RE1.split(text[end : end + 160])[0]
    words = _RE2.findall(left)[-8:] + _RE2.findall(right)[:8]
    return frozenset(lemma(w) for w in words if w.casefold() not in STOP and len(w) > 2)
