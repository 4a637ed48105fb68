"""Provides the story-wide rules: the same number, one-off event or name stated differently in
sentences the alignment did not pair.
"""

from __future__ import annotations

from collections.abc import Container

from tui.core.compare.discrepancy import Draft, date_overlap, describe, same_subject, surface_of
from tui.core.extract.fact import Fact, Found, lemma


def story_numbers(
    per_sentence: dict[tuple[str, int], list[tuple[Fact, Found]]],
    compared: Container[tuple[tuple[str, int], tuple[str, int]]],
    order: dict[str, int],
) -> list[Draft]:
    """Exact counts of the same thing in the same context that differ across the story.

    Strict on purpose: both numbers exact (no qualifier, not vague), the same counted noun
    with the same capitalised modifiers ("North Korean troops" is not "Ukrainian troops"), and
    at least three content words shared by the clauses around them.
    """
    counts = [
        x
        for xs in per_sentence.values()
        for x in xs
        if x[0].kind == "number"
        and x[1].subject
        and x[1].lo is not None
        and x[1].lo == x[1].hi
        and not x[1].qualifier
        and not x[0].value.endswith("%")
        and not x[1].measures  # compared by story_quantities
    ]
    drafts: dict[str, Draft] = {}
    buckets: dict[str, list[tuple[Fact, Found]]] = {}
    for x in counts:
        buckets.setdefault(lemma(x[1].subject.split()[-1]), []).append(x)
    pairs = ((xs[i], y) for xs in buckets.values() for i in range(len(xs)) for y in xs[i + 1 :])
    for (fa, xa), (fb, xb) in pairs:
        if fa.article == fb.article or fa.value == fb.value:
            continue
        if ((fa.article, fa.sentence), (fb.article, fb.sentence)) in compared:
            continue  # the group check has seen this pair
        if not same_subject(xa, xb) or _caps(xa.subject) != _caps(xb.subject):
            continue
        subject_words = {lemma(w) for w in (xa.subject + " " + xb.subject).split()}
        if len((xa.around & xb.around) - subject_words) < 3:
            continue
        thing = lemma(xa.subject.split()[-1])
        d = drafts.get(thing)
        if d is None:
            d = drafts[thing] = Draft(
                "number", "conflict", "", [], None, (order[fa.article], fa.sentence, -1)
            )
        for f in (fa, fb):
            if all(f is not v for v, _ in d.variants):
                d.variants.append((f, f.article))
        shown = " vs ".join(dict.fromkeys(f"“{v.text}”" for v, _ in d.variants if v))
        d.summary = f"{shown} {xa.subject} (in unaligned sentences)"
    return list(drafts.values())


def _caps(subject: str) -> frozenset[str]:
    return frozenset(w for w in subject.split() if w[:1].isupper())


def story_events(
    per_sentence: dict[tuple[str, int], list[tuple[Fact, Found]]],
    compared: Container[tuple[tuple[str, int], tuple[str, int]]],
    order: dict[str, int],
) -> list[Draft]:
    events = [
        x
        for xs in per_sentence.values()
        for x in xs
        if x[0].kind == "date" and x[1].event and len(x[1].context) >= 2
    ]
    parent = list(range(len(events)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    clash: set[int] = set()
    for i, (fa, xa) in enumerate(events):
        for j in range(i + 1, len(events)):
            fb, xb = events[j]
            if fa.article == fb.article or xa.event != xb.event:
                continue
            if len(xa.context & xb.context) < 2:
                continue
            parent[find(i)] = find(j)
            if (
                (fa.article, fa.sentence),
                (fb.article, fb.sentence),
            ) not in compared and date_overlap(xa, xb) is False:
                clash.add(i)
                clash.add(j)
    clusters: dict[int, list[int]] = {}
    for i in range(len(events)):
        clusters.setdefault(find(i), []).append(i)
    drafts: list[Draft] = []
    for members in clusters.values():
        if not any(i in clash for i in members):
            continue
        facts = sorted(
            (events[i][0] for i in members), key=lambda f: (order[f.article], f.sentence)
        )
        event = events[members[0]][1]
        thing = " ".join(
            sorted(set.intersection(*(set(events[i][1].context) for i in members)) or event.context)
        )
        found = {id(events[i][0]): events[i][1] for i in members}
        sides: list[list[Fact]] = []  # mutually compatible statements, side by side
        for f in facts:
            if not f.resolved:
                continue
            side = next(
                (
                    side
                    for side in sides
                    if all(date_overlap(found[id(f)], found[id(g)]) for g in side)
                ),
                None,
            )
            if side is None:
                sides.append([f])
            else:
                side.append(f)
        shown = " vs ".join(
            ", ".join(dict.fromkeys(f"“{f.text}” = {f.value} ({f.article})" for f in side))
            for side in sides
        )
        drafts.append(
            Draft(
                "date",
                "conflict",
                f"{thing} {event.verb}: {shown}",
                [(f, f.article) for f in facts],
                None,
                (order[facts[0].article], facts[0].sentence, -1),
            )
        )
    return drafts


def story_names(
    per_sentence: dict[tuple[str, int], list[tuple[Fact, Found]]], order: dict[str, int]
) -> list[Draft]:
    by_key: dict[str, dict[str, list[Fact]]] = {}
    for xs in per_sentence.values():
        for fact, _ in xs:
            if fact.kind == "name":
                by_key.setdefault(fact.value, {}).setdefault(surface_of(fact), []).append(fact)
    drafts: list[Draft] = []
    for spellings in by_key.values():
        if len(spellings) < 2:
            continue
        firsts: list[Fact] = []
        for facts in spellings.values():
            seen: set[str] = set()
            for f in sorted(facts, key=lambda f: (order[f.article], f.sentence)):
                if f.article not in seen:
                    seen.add(f.article)
                    firsts.append(f)
        firsts.sort(key=lambda f: (order[f.article], f.sentence))
        drafts.append(
            Draft(
                "name",
                "variant",
                f"one name, spelled {len(spellings)} ways: {describe(firsts)}",
                [(f, f.article) for f in firsts],
                None,
                (order[firsts[0].article], firsts[0].sentence, -1),
            )
        )
    return drafts
