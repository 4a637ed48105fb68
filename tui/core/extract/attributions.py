"""Provides find_attributions(): who a sentence says a statement comes from ("according to",
"X said", "sources told").
"""

from __future__ import annotations

import re
from bisect import bisect_right

from tui.core.extract.fact import Found
from tui.core.extract.lexicon import SOURCE_NOUNS, SPEECH
from tui.core.extract.normalize import (
    name_key,
)

_RE0 = re.compile(r"\bwas\s+quoted\s+as\s+saying\s+by\s+(?P<src>[^,.;]{2,60})")


_SPEECH_NEXT = re.compile(rf"(?:['’]s?)?\s+(?:{SPEECH})\b")
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.I)
_ACCORDING = re.compile(
    r"\baccording\s+to\s+(?P<src>[^,.;:“\"«]{2,80}?)(?=[,.;:]|\s+(?:that|which)\b|$)", re.I
)
_CITED = re.compile(
    r"\b(?P<x>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*|the\s+[\w\s-]{1,40}?)\s+cited\s+"
    r"(?P<y>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)\s+as\s+saying"
)
_CITING = re.compile(
    r"\bciting\s+(?P<src>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*|" + SOURCE_NOUNS + ")"
)
_SOURCE_SAID = re.compile(rf"\b(?P<src>{SOURCE_NOUNS})\s+(?:{SPEECH}|described)\b", re.I)


def find_attributions(text: str, names: list[Found], quotes: list[Found]) -> list[Found]:
    out: list[Found] = []
    q_starts = [q.start for q in quotes]  # quotations are in text order and do not overlap
    starts: list[int] = []  # of the attributions found so far, sorted, for taken()

    def outside(s: int, e: int) -> bool:
        i = bisect_right(q_starts, s) - 1
        return not (i >= 0 and e <= quotes[i].end)

    def taken(pos: int) -> bool:
        """Whether pos is inside an attribution found so far (they are short: a few back)."""
        i = bisect_right(starts, pos)
        return any(a.start <= pos < a.end for a in by_start[max(0, i - 8) : i])

    by_start: list[Found] = []

    def add(s: int, e: int, source: str, via: str = "") -> None:
        src = _ARTICLE.sub("", source.strip(" ,."))
        if not src or not outside(s, e):
            return
        value = name_key(src) + (f" via {name_key(via)}" if via else "")
        found = Found("attribution", s, e, text[s:e], value, subject=src)
        out.append(found)
        i = bisect_right(starts, s)
        starts.insert(i, s)
        by_start.insert(i, found)

    for m in _ACCORDING.finditer(text):
        add(m.start(), m.end(), m.group("src"))
    for m in _CITED.finditer(text):
        add(m.start(), m.end(), m.group("x"), m.group("y"))
    for m in _CITING.finditer(text):
        if "cited" in text[max(0, m.start() - 40) : m.start()]:
            continue
        add(m.start(), m.end(), m.group("src"))
    for m in _RE0.finditer(text):
        add(m.start(), m.end(), m.group("src"))
    for n in names:
        hit = _SPEECH_NEXT.match(text[n.end : n.end + 80])
        if hit and not taken(n.start):
            add(n.start, n.end + hit.end(), n.text)
    for m in _SOURCE_SAID.finditer(text):
        if not taken(m.start()):
            add(m.start(), m.end(), m.group("src"))
    return out
