"""Provides the aligner's sentence features and scorers: normalise(), Idf, Feat, score_many().

A sentence is compared in a normalised form (case, accents, quotes, thousands separators and
number words folded), by the IDF-weighted Dice overlap of its content stems and the character
similarity (rapidfuzz `ratio`) of its content words, plus a bonus for a shared number.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from tui.core.align.tuning import Tuning
from tui.core.extract.normalize import BRITISH_TO_AMERICAN, NUMBER_WORDS, SCALES


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


STOPWORDS = _words(
    """
    a aber about after against all als also am an and any are as at auch auf aus be been before
    bei being between bin bis bist both but by can could da dann das dass dem den der des did
    die dies diese diesem diesen dieser dieses do doch does dort du durch during each ein eine
    einem einen einer eines er es etwas euch euer eure few for from für haben had has hat hatte
    hatten have having he her here hier him his how i ich if ihm ihn ihr ihre ihrem ihren ihrer
    im in into is ist it its itself ja jede jedem jeden jeder jedes just kann kein keine man me
    mein meine mich mir mit more most muss my nach nicht no noch nor not now nun nur ob oder of
    off ohne on once only or other our out over own same sehr sein seine seinem seinen seiner
    she should sich sie sind so solche soll sollen some such than that the their them then there
    these they this those through to too um und under uns unser unter until up very viel vom von
    vor war waren was we weil wenn wer were what when where which while who whom why wie will
    wir wird with wo would wurde wurden you your zu zum zur über
    """
)
"""Function words of English and German: no content, so no weight in the overlap score."""

_WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)
_THOUSANDS_RE = re.compile(r"(?<=\d)[,.'’ ](?=\d{3}(?!\d))")
_FOLD = str.maketrans(
    {
        "·": "",
        "‧": "",
        "•": "",
        "\u00ad": "",
        "ß": "ss",
        "’": "'",
        "‘": "'",
    }
)


def _accent_table() -> dict[int, str]:
    table = {}
    for code in range(0xC0, 0x250):
        base = "".join(
            c for c in unicodedata.normalize("NFKD", chr(code)) if not unicodedata.combining(c)
        )
        if base != chr(code) and base.isascii():
            table[code] = base.casefold()
    return table


_ACCENTS = _accent_table()


def normalise(text: str) -> str:
    """A comparison form of a sentence: case, accents, quotes and punctuation folded away.

    Args:
        text: a sentence.

    Returns:
        Lowercase words and numbers separated by single spaces.
    """
    text = text.translate(_FOLD).casefold()
    if not text.isascii():
        text = text.translate(_ACCENTS)
    text = _THOUSANDS_RE.sub("", text)
    words = [BRITISH_TO_AMERICAN.get(w, w) for w in _WORD_RE.findall(text)]
    return " ".join(_number_words(words))


def _number_words(words: list[str]) -> list[str]:
    """Runs of English number words as digits ("five thousand" -> "5000", "2 million")."""
    out: list[str] = []
    i = 0
    while i < len(words):
        w = words[i]
        if w not in NUMBER_WORDS and not (
            w.isdigit() and i + 1 < len(words) and words[i + 1] in SCALES
        ):
            out.append(w)
            i += 1
            continue
        total, current = 0, int(w) if w.isdigit() else NUMBER_WORDS[w]
        i += 1
        while i < len(words):
            nxt = words[i]
            if nxt in NUMBER_WORDS:
                current += NUMBER_WORDS[nxt]
            elif nxt == "hundred":
                current = (current or 1) * 100
            elif nxt in SCALES:
                total += (current or 1) * SCALES[nxt]
                current = 0
            else:
                break
            i += 1
        out.append(str(total + current))
    return out


@dataclass(frozen=True, slots=True)
class Feat:
    """What the scorers need to know about one slot's text."""

    norm: str
    """normalise() of the text."""
    content: str
    """The content words of norm (function words left out), for character similarity."""
    stems: frozenset[str]
    """Content stems (words cut to Tuning.stem characters, numbers whole)."""
    numbers: frozenset[str]
    """Numbers stated."""
    weight: float
    """Sum of the IDF of the stems."""


def _stems(norm: str, size: int) -> list[str]:
    return [w if w.isdigit() else w[:size] for w in norm.split() if w not in STOPWORDS]


class Idf:
    """Inverse document frequency of stems over every sentence of every version."""

    def __init__(self, norms: Sequence[str], size: int) -> None:
        df: dict[str, int] = {}
        for norm in norms:
            for s in set(_stems(norm, size)):
                df[s] = df.get(s, 0) + 1
        n = max(1, len(norms))
        self.weight = {s: math.log((n + 1) / (d + 0.5)) for s, d in df.items()}
        """Stem -> IDF weight."""
        self.size = size

    def feat(self, norm: str) -> Feat:
        """Features of a normalised text."""
        stems = frozenset(_stems(norm, self.size))
        return self.combine(norm, stems)

    def combine(self, norm: str, stems: frozenset[str]) -> Feat:
        """Features from a normalised text and its stems."""
        numbers = frozenset(s for s in stems if s.isdigit())
        content = " ".join(w for w in norm.split() if w not in STOPWORDS)
        weight = math.fsum(map(self.weight.__getitem__, stems))
        return Feat(norm, content, stems, numbers, weight)


def score_many(
    query: Feat, cands: Sequence[Feat], idf: Idf, tune: Tuning
) -> list[tuple[float, float, float]]:
    """Score one sentence against candidate slots: (sym, cont_cand, cont_query) each."""
    if not cands:
        return []
    choices = [c.content for c in cands]
    ratio = [0.0] * len(cands)
    tset = [0.0] * len(cands)
    for _, sc, i in process.extract(
        query.content, choices, scorer=fuzz.ratio, limit=None, score_cutoff=0
    ):
        ratio[i] = sc / 100.0
    if tune.w_tset:
        for _, sc, i in process.extract(
            query.content, choices, scorer=fuzz.token_set_ratio, limit=None, score_cutoff=0
        ):
            tset[i] = sc / 100.0
    out = []
    weight = idf.weight.__getitem__
    for i, c in enumerate(cands):
        shared = math.fsum(map(weight, query.stems & c.stems))
        total = query.weight + c.weight
        dice = 2 * shared / total if total else 0.0
        cont_c = shared / c.weight if c.weight else 0.0
        cont_q = shared / query.weight if query.weight else 0.0
        sym = tune.w_dice * dice + tune.w_ratio * ratio[i] + tune.w_tset * tset[i]
        if query.numbers and c.numbers and query.numbers & c.numbers:
            sym += tune.number_bonus
        out.append((min(1.0, sym), cont_c, cont_q))
    return out


def pair_score(a: Feat, b: Feat, idf: Idf, tune: Tuning) -> float:
    """The link score of two slots (as score_many, for one pair)."""
    shared = math.fsum(map(idf.weight.__getitem__, a.stems & b.stems))
    total = a.weight + b.weight
    sym = tune.w_dice * (2 * shared / total if total else 0.0)
    sym += tune.w_ratio * fuzz.ratio(a.content, b.content) / 100.0
    if tune.w_tset:
        sym += tune.w_tset * fuzz.token_set_ratio(a.content, b.content) / 100.0
    if a.numbers & b.numbers:
        sym += tune.number_bonus
    return min(1.0, sym)
