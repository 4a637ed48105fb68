"""Provides the presentation of an Analysis: compare rows, wrapping, grid cells, rich Text.

Nothing here computes alignment, diffs or facts: it only arranges what `analyze()` returned for
one pair of versions (reference on the left, the chosen version on the right) and turns runs of
text into Rich Text with styles looked up by role. The roles map to component classes
(`compare--<role>`) of the widgets, so the theme and the tcss decide the look.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text

from tui.core.align.aligner import Group
from tui.core.analysis import Analysis, slot_text
from tui.core.compare.diff import Op
from tui.core.load.article import Article
from tui.ui.summaries import SEVERITY_MARK as SEVERITY_MARK  # re-exported
from tui.ui.summaries import move_line

if TYPE_CHECKING:  # the data class imports with the facts' first piece, after the first frame
    from tui.core.compare.discrepancy import Discrepancy

ROW_KINDS = ("identical", "reworded", "split", "unique-left", "unique-right", "single")
"""Kinds of compare rows (for one pair of versions)."""

GUTTER = {
    "identical": "=",
    "reworded": "≈",
    "split": "⇄",
    "unique-left": "◀",
    "unique-right": "▶",
    "single": " ",
}
"""Gutter symbol per row kind: the row kind reads without colour."""

ROLES = (
    "equal",
    "delete",
    "insert",
    "delete-trivial",
    "insert-trivial",
    "unique",
    "absent",
    "match",
    "cursor",
    "gutter",
    "conflict",
    "discrepancy",
    "note",
    "label",
    "header",
    "separator",
)
"""Style roles; each is the component class `compare--<role>`."""

CELL_SYMBOLS = {
    "reference": "●",
    "identical": "=",
    "reworded": "≈",
    "partial": "◐",
    "absent": "·",
    "conflict": "!",
    "present": "○",
}
"""Grid cell symbol per state."""

CELL_HELP = {
    "reference": "the reference version",
    "identical": "identical to the reference",
    "reworded": "reworded",
    "partial": "partial match",
    "absent": "absent",
    "conflict": "conflicting fact",
    "present": "present, no reference",
}
"""Grid legend."""

Piece = tuple[str, str]
"""A run of text and its style role."""

StyleFor = Callable[[str], Style]
"""Looks up the Rich style of a role."""


@dataclass(frozen=True, slots=True)
class Row:
    """One compare row: a group as seen by the pair (reference, right version)."""

    group: int
    """The alignment group id."""
    kind: str
    """One of ROW_KINDS."""
    left: tuple[Piece, ...]
    """Runs of the reference side (empty when absent)."""
    right: tuple[Piece, ...]
    """Runs of the right side (empty when absent)."""
    label: str = ""
    """Split/merge label such as "A4 = B5+B6" (1-based sentence numbers), else ""."""
    discrepancies: tuple[Discrepancy, ...] = ()
    """Discrepancies found in this group, most serious first."""
    pair: tuple[str, str] = ("", "")
    """Ids of the versions on screen (reference, right): summaries name the others."""
    moved: str = ""
    """The "↕ moved: …" line when some version tells this passage elsewhere, else ""."""

    @property
    def left_plain(self) -> str:
        """The reference side as plain text."""
        return "".join(t for t, _ in self.left)

    @property
    def right_plain(self) -> str:
        """The right side as plain text."""
        return "".join(t for t, _ in self.right)

    @property
    def is_difference(self) -> bool:
        """Any row that is not identical (what n/p jump to)."""
        return self.kind not in ("identical", "single")

    @property
    def is_unique(self) -> bool:
        """A passage on one side only (what u/U jump to)."""
        return self.kind in ("unique-left", "unique-right")

    @property
    def has_conflict(self) -> bool:
        """A conflicting fact in this group (what c/C jump to)."""
        return any(d.severity == "conflict" for d in self.discrepancies)


def _clean(text: str) -> str:
    return text.replace("\n", " ").replace("\t", " ")


def _numbers(slot: tuple[int, ...]) -> str:
    return "+".join(str(i + 1) for i in slot)


SEVERITY_ORDER = {"conflict": 0, "missing": 1, "variant": 2}
"""Most serious first."""


def group_discrepancies(analysis: Analysis) -> dict[int, tuple[Discrepancy, ...]]:
    """Group id -> its discrepancies, most serious first.

    A discrepancy found within one group belongs to it; one spanning several groups
    (`group` None) belongs to every group holding one of its variants' sentences.
    """
    where: dict[tuple[str, int], int] = {}
    for group in analysis.alignment.groups:
        for m in group.members:
            where[(m.article, m.sentence)] = group.id
    found: dict[int, list[Discrepancy]] = {}
    for d in analysis.discrepancies:
        if d.group is not None:
            groups = {d.group}
        else:
            groups = {
                where[(v.article, v.sentence)]
                for v in d.variants
                if v.sentence is not None and (v.article, v.sentence) in where
            }
        for gid in groups:
            found.setdefault(gid, []).append(d)
    return {
        gid: tuple(sorted(ds, key=lambda d: SEVERITY_ORDER.get(d.severity, 9)))
        for gid, ds in found.items()
    }


def pair_row(
    analysis: Analysis,
    group: Group,
    right: str | None,
    discrepancies: tuple[Discrepancy, ...] | None = None,
) -> Row | None:
    """The compare row of a group for the pair (reference, right), or None when neither is in it.

    Args:
        analysis: the analysis.
        group: one of its groups.
        right: id of the version on the right (None: one version only).
        discrepancies: the group's discrepancies (default: looked up in the analysis).

    Returns:
        The Row, or None when the group has neither version.
    """
    ref = analysis.reference
    left_slot = group.slot(ref)
    right_slot = group.slot(right) if right is not None else ()
    if discrepancies is None:
        discrepancies = group_discrepancies(analysis).get(group.id, ())
    if not left_slot and not right_slot:
        return None
    ref_art = analysis.alignment.article(ref)
    if right is None:
        return Row(group.id, "single", ((_clean(slot_text(ref_art, group)), "equal"),), ())
    right_art = analysis.alignment.article(right)
    if not right_slot:
        text = _clean(slot_text(ref_art, group))
        return Row(
            group.id, "unique-left", ((text, "unique"),), (), "", discrepancies, (ref, right)
        )
    if not left_slot:
        text = _clean(slot_text(right_art, group))
        return Row(
            group.id, "unique-right", (), ((text, "unique"),), "", discrepancies, (ref, right)
        )
    ops = analysis.diffs.get((group.id, right))
    if ops is None:
        a, b = slot_text(ref_art, group), slot_text(right_art, group)
        ops = (
            (Op("equal", a),)
            if a == b
            else (Op("delete", a, "substantive"), Op("insert", b, "substantive"))
        )
    left: list[Piece] = []
    right_pieces: list[Piece] = []
    changed = False
    for op in ops:
        text = _clean(op.text)
        if op.kind == "equal":
            left.append((text, "equal"))
            right_pieces.append((text, "equal"))
            continue
        changed = True
        suffix = "-trivial" if op.change == "trivial" else ""
        if op.kind == "delete":
            left.append((text, "delete" + suffix))
        else:
            right_pieces.append((text, "insert" + suffix))
    label = ""
    if len(left_slot) > 1 or len(right_slot) > 1:
        kind = "split"
        label = f"A{_numbers(left_slot)} = B{_numbers(right_slot)}"
    else:
        kind = "reworded" if changed else "identical"
    return Row(group.id, kind, tuple(left), tuple(right_pieces), label, discrepancies, (ref, right))


def build_rows(analysis: Analysis, right: str | None) -> list[Row]:
    """Every compare row of the pair (reference, right), in reading order.

    Groups holding neither version are left out (the grid shows them).
    """
    by_group = group_discrepancies(analysis)
    rows: list[Row] = []
    for group in analysis.alignment.groups:
        row = pair_row(analysis, group, right, by_group.get(group.id, ()))
        if row is not None and group.moved and right is not None:
            row = replace(row, moved=move_line(analysis.alignment, group, row.pair))
        if row is not None:
            rows.append(row)
    return rows


_WORD = re.compile(r"\S+\s*")


def _hard_cut(text: str, start: int, end: int, width: int) -> list[int]:
    """Offsets that cut text[start:end] into pieces at most `width` cells wide."""
    cuts: list[int] = []
    col = 0
    for i in range(start, end):
        w = cell_len(text[i])
        if col + w > width and col:
            cuts.append(i)
            col = 0
        col += w
    return cuts


def wrap_offsets(text: str, width: int) -> list[int]:
    """Where a greedy word wrap at `width` cells starts each new line (not including 0).

    Args:
        text: one paragraph (no newlines).
        width: the column width in cells (at least 1 is used).

    Returns:
        Character offsets, ascending.
    """
    width = max(1, width)
    ascii_ = text.isascii()
    if ascii_ and len(text) <= width:
        return []
    offsets: list[int] = []
    col = 0
    for m in _WORD.finditer(text):
        word = m.group()
        body = word.rstrip()
        wlen = len(body) if ascii_ else cell_len(body)
        full = len(word) if ascii_ else cell_len(word)
        start = m.start()
        if col and col + wlen > width:
            offsets.append(start)
            col = 0
        if wlen > width:
            cuts = _hard_cut(text, start, start + len(body), width)
            offsets.extend(cuts)
            tail = start + len(body) - (cuts[-1] if cuts else start)
            col = tail + (full - wlen)
            continue
        col += full
    return offsets


def styled(pieces: Sequence[Piece], style_for: StyleFor, search: re.Pattern[str] | None) -> Text:
    """Rich Text of runs, each styled by its role, with search matches highlighted."""
    text = Text(no_wrap=True, end="")
    for chunk, role in pieces:
        text.append(chunk, style_for(role))
    if search is not None:
        text.highlight_regex(search, style_for("match"))
    return text


def search_pattern(term: str) -> re.Pattern[str] | None:
    """Case-insensitive literal pattern of a search term (None for an empty term)."""
    term = term.strip()
    return re.compile(re.escape(term), re.IGNORECASE) if term else None


def shown_pieces(pieces: Sequence[Piece], show_trivial: bool) -> list[Piece]:
    """Runs with trivial changes shown as plain text when `show_trivial` is False."""
    if show_trivial:
        return list(pieces)
    return [(t, "equal" if r.endswith("-trivial") else r) for t, r in pieces]


def article_label(article: Article) -> str:
    """A short name for a version: id and outlet (the id alone when no outlet is named)."""
    if article.named_outlet:
        return f"{article.id} {article.named_outlet}"
    return article.id


def header_label(article: Article, role: str, position: str = "") -> str:
    """A column header: role, id, position among the versions, then the outlet or, when none is
    named, the heading (title, else first line), so every column says whose text it is."""
    head = f"{role} {article.id}{f' ({position})' if position else ''}"
    return (
        f"{head} {article.named_outlet}" if article.named_outlet else f"{head} · {article.heading}"
    )


def cell_state(
    analysis: Analysis,
    group: Group,
    article: str,
    discrepancies: tuple[Discrepancy, ...] | None = None,
) -> str:
    """The grid state of one version in one group (a key of CELL_SYMBOLS).

    Args:
        analysis: the analysis.
        group: the group.
        article: the version's id.
        discrepancies: the group's (default: from group_discrepancies()).
    """
    if not group.slot(article):
        return "absent"
    if discrepancies is None:
        discrepancies = group_discrepancies(analysis).get(group.id, ())
    slot = set(group.slot(article))
    for d in discrepancies:
        if d.severity == "conflict" and any(
            v.article == article and (v.sentence is None or v.sentence in slot) and v.text
            for v in d.variants
        ):
            return "conflict"
    if article == analysis.reference:
        return "reference"
    ops = analysis.diffs.get((group.id, article))
    if ops is None:
        return "present"
    if group.kind == "partial":
        return "partial"
    return "identical" if all(op.kind == "equal" for op in ops) else "reworded"


def share(value: float | None) -> str:
    """A share in [0, 1] as a whole percentage ("–" when unknown)."""
    return "–" if value is None else f"{round(value * 100)}%"


def similarity_table(analysis: Analysis) -> tuple[list[str], list[list[str]]]:
    """The pairwise similarity matrix: share of the row version's sentences matched in the column's.

    Returns:
        Column ids and one row of cells per version (first cell: the row's id).
    """
    ids = [a.id for a in analysis.articles]
    cells: dict[tuple[str, str], float] = {}
    for p in analysis.alignment.similarity:
        cells[(p.a, p.b)] = p.matched_a
        cells[(p.b, p.a)] = p.matched_b
    rows = []
    for a in ids:
        rows.append([a, *("·" if a == b else share(cells.get((a, b))) for b in ids)])
    return ids, rows


@dataclass(frozen=True, slots=True)
class ArticleStats:
    """What the article list shows about one version (counted from the Analysis)."""

    sentences: int
    """Number of sentences."""
    matched: float | None
    """Share of its sentences matched in the reference (None: unknown or it is the reference)."""
    uniques: int
    """Sentences in groups where no other version has a counterpart."""
    conflicts: int
    """Conflicting discrepancies it takes part in."""


def article_stats(analysis: Analysis | None, article: Article) -> ArticleStats:
    """Counts for the article list (sentences only while the analysis runs)."""
    if analysis is None:
        return ArticleStats(len(article.sentences), None, 0, 0)
    matched: float | None = None
    ref = analysis.reference
    for p in analysis.alignment.similarity:
        if p.a == article.id and p.b == ref:
            matched = p.matched_a
        elif p.b == article.id and p.a == ref:
            matched = p.matched_b
    if matched is None and article.id != ref and article.sentences:
        together = sum(
            len(g.slot(article.id))
            for g in analysis.alignment.groups
            if g.slot(ref) and g.slot(article.id)
        )
        matched = together / len(article.sentences)
    uniques = sum(
        len(g.slot(article.id)) for g in analysis.alignment.groups if g.articles == (article.id,)
    )
    conflicts = sum(
        1
        for d in analysis.discrepancies
        if d.severity == "conflict" and any(v.article == article.id and v.text for v in d.variants)
    )
    return ArticleStats(len(article.sentences), matched, uniques, conflicts)


def detail_text(
    analysis: Analysis, group: Group, article: Article, style_for: StyleFor, show_trivial: bool
) -> Text:
    """One version's sentence(s) of a group, diffed inline against the reference."""
    if not group.slot(article.id):
        return Text("(absent)", style_for("absent"))
    ops: Sequence[Op] | None = analysis.diffs.get((group.id, article.id))
    if ops is None:
        return Text(_clean(slot_text(article, group)), style_for("equal"))
    pieces: list[Piece] = []
    for op in ops:
        run = _clean(op.text)
        before = pieces[-1][0] if pieces else ""
        if pieces and pieces[-1][1] != "equal" and before and run:
            # a deletion next to an insertion, or a change whose space went with the deleted
            # words ("6,000 " -> "5,000" + "said"): without colour they would read as one word
            spaced = op.kind != "equal" or any(p[0][-1:].isspace() for p in pieces[-2:])
            if spaced and not before[-1].isspace() and not run[0].isspace():
                pieces.append((" ", "equal"))
        if op.kind == "equal":
            pieces.append((run, "equal"))
        else:
            suffix = "-trivial" if op.change == "trivial" else ""
            pieces.append((run, op.kind + suffix))
    text = styled(shown_pieces(pieces, show_trivial), style_for, None)
    text.no_wrap = False
    return text


def facts_of(analysis: Analysis, group: Group, article: str) -> list[str]:
    """Lines listing the facts stated in an article's slot of a group."""
    slot = set(group.slot(article))
    return [
        f"{f.kind}: {f.text}" for f in analysis.facts if f.article == article and f.sentence in slot
    ]


def styles_from(lookup: Mapping[str, Style]) -> StyleFor:
    """A StyleFor over a mapping (unknown roles: no style)."""
    empty = Style()
    return lambda role: lookup.get(role, empty)
