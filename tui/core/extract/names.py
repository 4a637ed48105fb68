"""Provides find_names(): the people, organisations and places a sentence names, and the pass
that decides each name's kind across the whole article.
"""

from __future__ import annotations

import re
from functools import lru_cache

from tui.core.extract.fact import Found, Taken, words_with_spans
from tui.core.extract.lexicon import (
    ADJ_SUFFIX,
    DEMONYMS,
    MONTH_OR_DAY,
    NAME_STOP,
    ORG_WORDS,
    PLACE_BEFORE,
    PLACE_WORDS,
    SPEECH,
    TITLE_PREFIXES,
    TITLES,
)
from tui.core.extract.normalize import (
    name_key,
)
from tui.core.load.article import Article, Sentence

_RE0 = re.compile(r"['’]s$")
_RE1 = re.compile(r"['’]s?$")
_RE2 = re.compile(r"(?:ly|ing|ed)$")
_RE3 = re.compile(r"[\w.-]+")


def _is_headline(toks: list[tuple[str, int, int]]) -> bool:
    """Title Case text without a final stop (a headline): its capitals say nothing about names."""
    if toks and toks[-1][0] in (".", "!", "?", "”", '"', "»", ":"):
        return False
    words = [t[0] for t in toks if t[0][0].isalpha() and len(t[0]) > 3]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def _name_parts(run: list[tuple[str, int, int]]) -> list[list[tuple[str, int, int]]]:
    """Split a run of capitalised words at titles, possessives and acronym prefixes."""
    parts: list[list[tuple[str, int, int]]] = [[]]
    for k, t in enumerate(run):
        w = t[0]
        nxt = run[k + 1][0] if k + 1 < len(run) else ""
        if w.rstrip(".") in TITLES:
            parts.append([])
            continue
        if w.isupper() and len(w) > 1 and nxt and not nxt.isupper():
            parts.append([t])  # "DPRK Kim Jong Un": the acronym stands apart
            parts.append([])
            continue
        parts[-1].append(t)
        if _RE0.search(w) and nxt:
            parts.append([])  # "Russia's Kursk": two names
    return parts


def find_names(text: str, inner_caps: set[str], lower: set[str], taken: Taken) -> list[Found]:
    toks = words_with_spans(text)
    if _is_headline(toks):
        return []
    out: list[Found] = []
    run: list[tuple[str, int, int]] = []

    def flush() -> None:
        for part in _name_parts(run):
            while part and (part[-1][0] in ("of", "the", "and") or part[-1][0] in DEMONYMS):
                part.pop()
            while part and part[0][0] in ("of", "the", "and"):
                part.pop(0)
            if not part:
                continue
            s, e = part[0][1], part[-1][2]
            surface = ADJ_SUFFIX.sub("", _RE1.sub("", text[s:e]))
            words = surface.split()
            if all(
                w in DEMONYMS or w in TITLE_PREFIXES or w in ("North", "South", "East", "West")
                for w in words
            ):
                continue
            e = s + len(surface)
            if taken.overlaps(s, e):
                continue
            key = name_key(surface)
            if key:
                out.append(Found("name", s, e, surface, key))
        run.clear()

    for i, t in enumerate(toks):
        w = t[0]
        is_cap = w[0].isupper() and w not in MONTH_OR_DAY
        if (
            is_cap
            and not run
            and (
                w in NAME_STOP
                or (
                    (i == 0 or (i <= 2 and toks[i - 1][0] in "“\"«‘'(—–-:["))
                    and w not in inner_caps
                    and (w.casefold() in lower or _RE2.search(w) is not None)
                )
            )
        ):
            pass  # the run is empty: nothing to flush
        elif is_cap or (
            run and w in ("of", "the") and i + 1 < len(toks) and toks[i + 1][0][:1].isupper()
        ):
            run.append(t)
        elif run:
            flush()
    if run:
        flush()
    return out


def capitalised_inside(article: Article) -> set[str]:
    """Capitalised words that appear capitalised inside a sentence somewhere in the article."""
    out: set[str] = set()
    for s in article.sentences:
        out.update(_inner_capitals(s.text))
    return out


@lru_cache(maxsize=1 << 14)
def _inner_capitals(text: str) -> frozenset[str]:
    """One sentence's share of capitalised_inside() (versions repeat sentences verbatim)."""
    toks = [t[0] for t in words_with_spans(text)]
    if _is_headline([(t, 0, 0) for t in toks]):
        return frozenset()
    return frozenset(
        w for k, w in enumerate(toks[1:], 1) if w[0].isupper() and toks[k - 1] not in '.!?:“"«'
    )


_SPEECH_AFTER = re.compile(rf"\s*(?:['’]s)?,?\s+{SPEECH}\b")


_PLACE_ABBREVIATIONS = ("U.S.", "U.K.", "DPRK", "US", "UK", "EU")

_Traits = tuple[bool, bool, frozenset[str], str, bool, bool]


def _traits(text: str, f: Found) -> _Traits:
    """What assign_name_kinds() reads of one name in its sentence, whatever the article: a
    title before or speech verb after, a place preposition before, the first and last word
    when it may be a person's full name, an organisation by its words, and place words."""
    before = _RE3.findall(text[max(0, f.start - 60) : f.start])[-1:]
    prev = before[0].rstrip(".") if before else ""
    words = f.text.split()
    n = len(f.value.split())
    org_or_place = any(w in ORG_WORDS or w in PLACE_WORDS for w in words)
    return (
        prev.capitalize() in TITLES or _SPEECH_AFTER.match(text, f.end) is not None,
        prev.casefold() in PLACE_BEFORE,
        frozenset((f.value.split()[0], f.value.split()[-1]))
        if 2 <= n <= 4 and not org_or_place
        else frozenset(),
        "organisation"
        if any(w in ORG_WORDS for w in words)
        or (f.text.isupper() and "." not in f.text and len(f.text) > 2 and f.text != "DPRK")
        else "",
        any(w in PLACE_WORDS for w in words) or f.text in _PLACE_ABBREVIATIONS,
        len(words) <= 2,
    )


def assign_name_kinds(
    per_sentence: list[tuple[Sentence, list[Found]]], cache: dict[int, _Traits] | None = None
) -> dict[int, str]:
    """The kind of every name: "person", "place", "organisation" or "" (unsure), by id() of
    its Found (which is not changed: the per-sentence memo shares it across articles).

    Organisations by their words (Council, Ministry, Agency...) or as acronyms; people by a
    title before them, a speech verb after them, or a surname seen alone elsewhere; places by
    their words (Region, Republic...) or a preposition before them somewhere in the article.

    Args:
        per_sentence: each sentence with its findings.
        cache: each name's traits by id() of its Found, kept across the articles of one run
            (the Found objects stay alive in the memo that shares them).
    """
    if cache is None:
        cache = {}
    names: list[tuple[Found, _Traits]] = []
    for sentence, found in per_sentence:
        for f in found:
            if f.kind == "name":
                t = cache.get(id(f))
                if t is None:
                    t = cache[id(f)] = _traits(sentence.text, f)
                names.append((f, t))
    singles = {f.value for f, _ in names if " " not in f.value}
    people: set[str] = set()
    places: set[str] = set()
    for f, (titled, place_before, ends, _, _, _) in names:
        if titled or (ends and not ends.isdisjoint(singles)):
            people.add(f.value)
        if place_before:
            places.add(f.value)
    people_words = {w for v in people if " " in v for w in v.split()}
    kinds: dict[int, str] = {}
    for f, (_, _, _, org, place_words, short) in names:
        if org:
            kinds[id(f)] = org
        elif f.value in people or f.value in people_words:
            kinds[id(f)] = "person"
        elif place_words or (f.value in places and short):
            kinds[id(f)] = "place"
    return kinds
