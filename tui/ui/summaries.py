"""Provides discrepancy_line(): the line under a compare row, leading with the values that differ.

A row's summary is cut at the column's width, so what disagrees comes first: each distinct value
with the versions that state it, those on screen as A and B, the others named with "off screen"
(`! conflict · date: “last year” = 2024 (A) vs “June 2024” = 2024-06 (002 off screen) vs …`).
The discrepancy's own summary follows for the subject. move_line() says where a moved
passage stands in each version; position_line() says where the cursor is.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from typing import TYPE_CHECKING

from tui.core.align.aligner import Alignment, Group
from tui.core.numbering import place_label

if TYPE_CHECKING:
    from tui.core.compare.discrepancy import Discrepancy, Variant

SEVERITY_MARK = {"conflict": "!", "missing": "?", "variant": "~"}
"""Gutter/annotation mark per discrepancy severity."""

VALUE_KINDS = ("number", "date")
"""Kinds whose variants are compared by their normalised value rather than their words."""

QUOTE_CHARS = 32
"""Longest quoted wording in a lead before it is cut."""


def _said(d: Discrepancy, v: Variant) -> str:
    if v.sentence is None or not (v.text or v.value):
        return "not stated"
    words = " ".join(v.text.split())
    quoted = f"“{words if len(words) <= QUOTE_CHARS else words[: QUOTE_CHARS - 1] + '…'}”"
    if d.kind in VALUE_KINDS and v.value:
        return v.value if v.value == words or not words else f"{quoted} = {v.value}"
    return quoted


def _who(articles: list[str], pair: tuple[str, str]) -> str:
    seen = [("A" if a == pair[0] else "B") for a in articles if a in pair and a]
    off = [a for a in articles if a not in pair or not a]
    parts = [", ".join(dict.fromkeys(seen))] if seen else []
    if off:
        parts.append(", ".join(dict.fromkeys(off)) + " off screen")
    return "; ".join(parts)


def value_lead(d: Discrepancy, pair: tuple[str, str] = ("", "")) -> str:
    """The differing values, each in its version's words with who states it:
    "“last year” = 2024 (A) vs “in 2025” = 2025 (B; 004 off screen)". Empty when the
    discrepancy has fewer than two distinct values."""
    by_value: dict[str, list[str]] = {}
    for v in d.variants:
        by_value.setdefault(_said(d, v), []).append(v.article)
    if len(by_value) < 2:
        return ""
    return " vs ".join(f"{value} ({_who(arts, pair)})" for value, arts in by_value.items())


def discrepancy_line(d: Discrepancy, pair: tuple[str, str] = ("", "")) -> str:
    """One annotation line for a discrepancy, the differing values first.

    Args:
        d: the discrepancy.
        pair: ids of the versions on screen (left, right); others are named "off screen".
    """
    mark = SEVERITY_MARK.get(d.severity, "~")
    lead = value_lead(d, pair)
    head = f"{mark} {d.severity} · {d.kind}: "
    return head + (f"{lead} · {d.summary}" if lead else d.summary)


def move_line(alignment: Alignment, group: Group, pair: tuple[str, str] = ("", "")) -> str:
    """The line under a moved passage: which versions tell it elsewhere, and where it stands
    in each and in the reference: "↕ moved: B 003 tells it at s9 of 10, A 000 at s3 of 15".

    Versions not on screen are named "off screen"; "" when the group is not moved.
    """
    if not group.moved:
        return ""

    def at(article: str) -> str:
        return place_label(group.slot(article), len(alignment.article(article).sentences))

    def who(article: str) -> str:
        if article == pair[1] and article:
            return f"B {article}"
        if article == pair[0] and article:
            return f"A {article}"
        return f"{article} (off screen)"

    ordered = sorted(group.moved_in, key=lambda a: (a not in pair, a))
    told = [f"{who(a)} tells it at {at(a)}" for a in ordered]
    steady = [a for a in group.articles if a not in group.moved_in]
    for article in sorted(steady, key=lambda a: (a != alignment.reference, a not in pair))[:1]:
        told.append(f"{who(article)} at {at(article)}")  # where it is told in step
    return "↕ moved: " + ", ".join(told)


def position_line(cursor: int, total: int, differences: Sequence[int], short: bool = False) -> str:
    """Where the cursor is: "row 5/39 · difference 3/12" (the last difference at or before
    the cursor, of all); `short` says "diff". "" when there are no rows.

    Args:
        cursor: the cursor's row index.
        total: number of rows.
        differences: indices of the rows that differ (n/p go to them), ascending.
        short: the narrow form, for a compare view under 100 cells.
    """
    if not total:
        return ""
    passed = bisect_right(differences, cursor)
    word = "diff" if short else "difference"
    return f"row {cursor + 1}/{total} · {word} {passed}/{len(differences)}"
