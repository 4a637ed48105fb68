"""Provides find_quotes(): the quotations in a sentence and who is quoted."""

from __future__ import annotations

import re

from tui.core.extract.fact import Found
from tui.core.extract.lexicon import SPEECH
from tui.core.extract.normalize import (
    canonical,
    quote_spans,
)

_RE0 = re.compile(r"\s*(?:[.,;]|$)")


def _speaker_near(text: str, names: list[Found], qs: int, qe: int) -> str:
    """Who says a quote at [qs, qe): the named subject of a speech verb nearest to it."""
    best: tuple[int, str] | None = None
    name_alt = [(n.start, n.end, n.value) for n in names if not (qs <= n.start and n.end <= qe)]
    pron = r"(?:he|she|they|it|we|i)"
    for m in re.finditer(
        r"\b(?:cited|quoted|quoting|citing)\s+(?P<c>[^,.;]{1,60}?)\s+as\s+saying", text, re.I
    ):
        for s, e, v in name_alt:
            if m.start("c") <= s and e <= m.end("c"):
                dist = min(abs(m.start() - qe), abs(qs - m.end()))
                if best is None or dist < best[0]:
                    best = (dist - 1000, v)
    for s, e, v in name_alt:
        rest = text[e : e + 200]
        lead = text[max(0, s - 200) : s]
        hit = re.match(
            rf"(?:['’]s?)?(?:,[^,]{{1,80}},)?\s+(?:was\s+quoted\s+as\s+saying|{SPEECH})\b", rest
        ) or (re.search(rf"[,\"”»]\s*{SPEECH}\s+$", lead) and _RE0.match(rest))
        if hit:
            dist = min(abs(s - qe), abs(qs - e))
            if best is None or dist < best[0]:
                best = (dist, v)
    for m in re.finditer(rf"\b{pron}\s+{SPEECH}\b", text, re.I):
        dist = min(abs(m.start() - qe), abs(qs - m.end()))
        if best is None or dist < best[0]:
            best = (dist, "")
    return best[1] if best else ""


def find_quotes(text: str, names: list[Found]) -> list[Found]:
    out: list[Found] = []
    for s, e in quote_spans(text):
        inner = text[s:e]
        stripped = inner.strip(" ,.")
        if len(stripped.split()) < 2:
            continue
        s2 = s + inner.index(stripped)
        value = canonical(stripped)
        out.append(
            Found(
                "quote",
                s2,
                s2 + len(stripped),
                stripped,
                value,
                speaker=_speaker_near(text, names, s, e),
            )
        )
    return out
