"""Provides find_descriptions(): how a sentence describes one thing, where two versions can
describe it in ways that cannot both hold.

Two kinds, each keyed by the thing's noun (lemma):
- extent: "part of a hospital collapsed", "the airport sustained minor damage" (partial) vs
  "the hospital was destroyed", "razed" (total);
- uniqueness: "the only hospital" (one) vs "the main hospital", "one of the major hospitals",
  "the largest hospital" (one of several).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tui.core.extract.fact import lemma
from tui.core.extract.lexicon import STOP

PARTIAL = frozenset(["damaged", "cracked"])
"""Predicates of damage short of destruction."""

_DET = r"(?i:the|a|an|one\s+of\s+the|part\s+of\s+(?:a|an|the))"
_NOUN_PHRASE = re.compile(
    rf"\b(?P<det>{_DET})\s+(?:(?:[a-z]+(?:-[a-z]+)?)\s+)?(?P<noun>(?!(?:was|were|is|are|been|be|has|have|had|of|on|in|at|to|for|from|with|and|or)\b)[a-z]{{3,}}(?<!ed)(?<!ly))\b(?!['’])"
)
_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are|be)\s+(?:\w+\s+){0,2}$")
_CLAUSE_START = re.compile(
    r"[.;:!?]|\b(?:and|but|while|that|which|whereas|said|says|told|reported|added)\b"
)
_PREDICATE = re.compile(
    r"\b(?:(?P<part>partly|partially|partial)\s+)?(?P<verb>destroyed|razed|leveled|levelled"
    r"|flattened|obliterated|demolished|damaged|cracked|collapsed)\b"
    r"|\b(?P<minor>minor|slight|light|some|limited)\s+damage\b",
    re.I,
)
_UNIQUE = re.compile(
    r"\b(?:(?P<only>the\s+only)|(?P<several>the\s+(?:main|largest|biggest|principal)"
    r"|one\s+of\s+the(?:\s+[a-z]+)?))\s+(?P<noun>[a-z]{3,})\b",
    re.I,
)
_NOT_THINGS = frozenset(
    "way thing one time reason person people place option answer part country world".split()  # noqa: SIM905
)


@dataclass(frozen=True, slots=True)
class Description:
    """One description of one thing in a sentence."""

    kind: str
    """"extent" or "uniqueness"."""
    noun: str
    """The thing's noun, as a lemma ("hospital")."""
    value: str
    """"partial" / "total" for extent; "only" / "one of several" for uniqueness."""
    start: int
    """Offset of the words in the sentence."""
    end: int
    """Offset just past them."""


def _extent(text: str) -> list[Description]:
    out: list[Description] = []
    for m in _PREDICATE.finditer(text):
        if m.group("minor"):
            value = "partial"
        else:
            verb = m.group("verb").casefold()
            if verb != "collapsed" and not _PASSIVE.search(text, max(0, m.start() - 24), m.start()):
                continue  # "an earthquake razed villages", "the damaged area": not said of a thing
            value = "partial" if m.group("part") or verb in PARTIAL else "total"
        lo = max(0, m.start() - 160)
        for c in _CLAUSE_START.finditer(text, lo, m.start()):
            lo = c.end()
        phrase = next(
            (
                p
                for p in _NOUN_PHRASE.finditer(text, lo, m.start())
                if p.group("noun") not in _NOT_THINGS and p.group("noun") not in STOP
            ),
            None,
        )
        if phrase is None:
            continue
        det = phrase.group("det").casefold()
        if m.group("verb") and m.group("verb").casefold() == "collapsed":
            value = "partial" if det.startswith("part") else "total"
        elif det.startswith("part"):
            value = "partial"
        out.append(
            Description("extent", lemma(phrase.group("noun")), value, phrase.start(), m.end())
        )
    return out


def _uniqueness(text: str) -> list[Description]:
    out: list[Description] = []
    for m in _UNIQUE.finditer(text):
        noun = m.group("noun").casefold()
        if noun in _NOT_THINGS:
            continue
        value = "only" if m.group("only") else "one of several"
        if (
            value == "one of several"
            and m.group(0).casefold().startswith("one of")
            and not (noun.endswith("s"))
        ):
            continue  # "one of the main hospitals": the noun is plural
        out.append(Description("uniqueness", lemma(noun), value, m.start(), m.end()))
    return out


def find_descriptions(text: str) -> list[Description]:
    """The extent and uniqueness descriptions of one sentence, in text order."""
    found = _extent(text) + _uniqueness(text)
    found.sort(key=lambda d: d.start)
    return found
