"""Provides group_dates(): the rule for dates inside one aligned group."""

from __future__ import annotations

import re

from tui.core.compare.discrepancy import (
    Draft,
    Slots,
    date_overlap,
    describe,
    match_facts,
    version_pairs,
)
from tui.core.extract.fact import Found
from tui.core.extract.normalize import (
    canonical,
)

_RE0 = re.compile(r"\d{4}-\d\d-\d\d")


def group_dates(gid: int, slots: Slots, pos: tuple[int, int, int]) -> list[Draft]:
    drafts: list[Draft] = []
    dates = {a: [x for x in slots[a] if x[0].kind == "date"] for a in slots}
    variants: list[Draft] = []
    canonicals: dict[str, str] = {}

    def canon(text: str) -> str:
        c = canonicals.get(text)
        if c is None:
            c = canonicals[text] = canonical(text)
        return c

    for a, b, matched in version_pairs(
        dates,
        lambda f: date_overlap(f, f) is not False,
        lambda xs, ys: match_facts(xs, ys, lambda u, w: date_overlap(u, w) is not False),
        both=True,
    ):
        xs, ys = dates[a], dates[b]
        pairs, lx, ly = matched
        for p, q in pairs:
            fa, fb = xs[p], ys[q]
            if (
                date_overlap(fa[1], fb[1])
                and _day_precise(fa[1])
                and _day_precise(fb[1])
                and canon(fa[0].text) != canon(fb[0].text)
                and not (_YEAR_RE.search(fa[0].text) and _YEAR_RE.search(fb[0].text))
            ):
                merged = next(
                    (d for d in variants if any(v is fa[0] or v is fb[0] for v, _ in d.variants)),
                    None,
                )
                if merged is None:
                    merged = Draft("date", "variant", "", [], gid, pos)
                    variants.append(merged)
                for f in (fa[0], fb[0]):
                    if all(f is not v for v, _ in merged.variants):
                        merged.variants.append((f, f.article))
        if len(lx) == 1 and len(ly) == 1:
            fa, fb = xs[lx[0]], ys[ly[0]]
            same_event = (
                fa[1].event and fa[1].event == fb[1].event and fa[1].context & fb[1].context
            ) or len(_around(fa[1]) & _around(fb[1])) >= 3
            if same_event and date_overlap(fa[1], fb[1]) is False:
                drafts.append(
                    Draft(
                        "date",
                        "conflict",
                        f"{describe([fa[0], fb[0]])}: {fa[0].value} vs {fb[0].value}",
                        [(fa[0], a), (fb[0], b)],
                        gid,
                        pos,
                    )
                )
    for d in variants:
        d.summary = f"{describe(f for f, _ in d.variants if f)}: the same day ({_day(d)})"
    return drafts + variants


_YEAR_RE = re.compile(r"\b(?:1[89]|20)\d\d\b")


def _day_precise(f: Found) -> bool:
    w = f.when
    return w is not None and (w.month_day is not None or (w.lo is not None and w.lo == w.hi))


def _around(f: Found) -> frozenset[str]:
    """Content words of the clause around a date (what the date is the date of)."""
    return f.around


def _day(d: Draft) -> str:
    for f, _ in d.variants:
        if f is not None and _RE0.fullmatch(f.value):
            return f.value
    return next((f.value for f, _ in d.variants if f is not None), "")
