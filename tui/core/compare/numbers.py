"""Provides group_numbers(): the rule for numbers inside one aligned group."""

from __future__ import annotations

import re

from tui.core.compare.discrepancy import (
    Draft,
    Slots,
    describe,
    match_facts,
    num_overlap,
    same_subject,
    version_pairs,
)
from tui.core.extract.fact import Fact, Found, lemma
from tui.core.extract.normalize import (
    canonical,
)

_Matched = tuple[
    list[tuple[int, int]], list[int], list[int], list[tuple[int, int]], list[int], list[int]
]


def _match(xs: list[tuple[Fact, Found]], ys: list[tuple[Fact, Found]]) -> _Matched:
    """Numbers of two versions paired: same value for the same thing first, then same value
    for anything (indices into xs and ys, then into what the first pass left over)."""
    pairs, lx, ly = match_facts(
        xs,
        ys,
        lambda p, q: num_overlap(p, q) and (same_subject(p, q) or not (p.subject and q.subject)),
    )
    more, lx2, ly2 = match_facts([xs[k] for k in lx], [ys[k] for k in ly], num_overlap)
    return pairs, lx, ly, more, lx2, ly2


def group_numbers(
    gid: int,
    slots: Slots,
    texts: dict[str, str],
    pos: tuple[int, int, int],
    everywhere: dict[str, list[Found]],
) -> list[Draft]:
    drafts: list[Draft] = []
    nums = {a: [x for x in slots[a] if x[0].kind == "number"] for a in slots}
    conflicts: dict[str, Draft] = {}
    variants: dict[str, Draft] = {}
    if not any(nums.values()):
        return drafts
    for a, b, matched in version_pairs(nums, lambda f: num_overlap(f, f), _match, both=False):
        xs, ys = nums[a], nums[b]
        pairs, lx, ly, more, lx2, ly2 = matched
        rest_x = [xs[k] for k in lx]
        rest_y = [ys[k] for k in ly]
        for fa, fb in [(xs[p], ys[q]) for p, q in pairs] + [
            (rest_x[p], rest_y[q]) for p, q in more
        ]:
            if fa[0].value == fb[0].value and fa[1].qualifier != fb[1].qualifier:
                key = canonical(fa[0].text) + "|" + fa[1].subject
                d = variants.get(key)
                if d is None:
                    d = Draft(
                        "number",
                        "variant",
                        f"{describe([fa[0], fb[0]])} {fa[1].subject}: qualified differently",
                        [],
                        gid,
                        pos,
                    )
                    variants[key] = d
                for f in (fa[0], fb[0]):
                    if all(f is not v for v, _ in d.variants):
                        d.variants.append((f, f.article))
        left_a = [rest_x[k] for k in lx2]
        left_b = [rest_y[k] for k in ly2]
        for fa in left_a:
            for fb in left_b:
                if same_subject(fa[1], fb[1]):
                    # one discrepancy per counted thing, however many versions disagree
                    thing = lemma(fb[1].subject.split()[-1])
                    d = conflicts.get(thing)
                    if d is None:
                        d = conflicts[thing] = Draft("number", "conflict", "", [], gid, pos)
                    for f in (fa[0], fb[0]):
                        if all(f is not v for v, _ in d.variants):
                            d.variants.append((f, f.article))
                    d.summary = f"{describe(v for v, _ in d.variants if v)} {fb[1].subject}"
        for fx, other, other_text in [(x, b, texts[b]) for x in left_a] + [
            (y, a, texts[a]) for y in left_b
        ]:
            head = fx[1].subject.split()[-1:] if fx[1].subject else []
            if (
                head
                and fx[1].lo == fx[1].hi
                and not nums[other]
                and re.search(rf"\b{re.escape(head[0])}\b", other_text, re.I)
                and not any(num_overlap(fx[1], y) for y in everywhere[other])
            ):
                drafts.append(
                    Draft(
                        "number",
                        "missing",
                        f"{fx[0].text} {fx[1].subject}: the number is left out in {other}",
                        [(fx[0], fx[0].article), (None, other)],
                        gid,
                        pos,
                    )
                )
    drafts.extend(conflicts.values())
    drafts.extend(variants.values())
    return drafts
