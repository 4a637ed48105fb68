"""Provides to_markdown(): the review report as GitHub-flavoured Markdown.

Article and note text is escaped (`md_escape`) so a `|`, a backtick or a `<script>` in it shows
as written and cannot break a table, open a code span or inject HTML. Word diffs use
`~~deleted~~` and `**inserted**`, or `<del>`/`<ins>` where Markdown's flanking rules would not
let the marks apply (see md_diff).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

from tui.core.align.aligner import Group
from tui.core.analysis import Analysis, slot_text
from tui.core.compare.diff import Op
from tui.core.compare.discrepancy import SEVERITIES, Variant
from tui.core.numbering import group_label, sentence_label
from tui.core.report.model import (
    SECTION_TITLES,
    SEVERITY_TITLES,
    UNIQUE_TITLE,
    Related,
    ReportNote,
    context_parts,
    group_notes,
    length_label,
    moved_heading,
    moved_note,
    note_groups,
    notes_by_verdict,
    ordered_discrepancies,
    percent,
    place_where,
    related_by_group,
    related_text,
    report_title,
    share_matched,
    similarity_reading,
    summary_line,
    unique_passages,
)

_MD_INLINE = re.compile(r"([\\`*\[\]<>|~]|(?<![^\W_])_|_(?![^\W_]))")
_MD_ENTITY = re.compile(r"&(?=#?\w+;)")
_MD_BLOCK_START = re.compile(r"^([#+=-])")
_MD_LIST_NUMBER = re.compile(r"^(\d+)([.)])")
_MD_ANY = re.compile(r"[\\`*\[\]<>|~_&\n]|^[ \t]*(?:[#+=-]|\d+[.)])")
"""Anything md_escape() would change: most sentences have none and are returned as they are."""


def md_escape(text: str) -> str:
    """Escape text so Markdown shows it literally, in a paragraph or a table cell.

    Backslash-escapes the characters that start emphasis, code spans, links, HTML, tables and
    strikethrough, an `&` that would read as an entity, and block markers at a line start
    (headings, lists). Newlines become `<br>` so a cell or list item stays on one line.
    """
    if not _MD_ANY.search(text):
        return text
    lines = []
    for line in text.split("\n"):
        line = _MD_ENTITY.sub(r"\\&", _MD_INLINE.sub(r"\\\1", line))
        body = line.lstrip(" \t")
        indent = line[: len(line) - len(body)]
        lines.append(indent + _MD_LIST_NUMBER.sub(r"\1\\\2", _MD_BLOCK_START.sub(r"\\\1", body)))
    return "<br>".join(lines)


def _punctuation(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "PS"


def _can_open(prev: str, nxt: str) -> bool:
    """CommonMark: a delimiter run between prev and nxt is left-flanking (may open)."""
    return not nxt.isspace() and (not _punctuation(nxt) or prev.isspace() or _punctuation(prev))


def _can_close(prev: str, nxt: str) -> bool:
    """CommonMark: a delimiter run between prev and nxt is right-flanking (may close)."""
    return not prev.isspace() and (not _punctuation(prev) or nxt.isspace() or _punctuation(nxt))


_MARKS = {"delete": ("~~", "del"), "insert": ("**", "ins"), "strong": ("**", "strong")}
"""Span kinds: the Markdown delimiter and the HTML tag used where the delimiter cannot apply."""


def md_marked(spans: Iterable[tuple[str | None, str]]) -> str:
    """Escape and join text spans, marking some (kinds of _MARKS, None for plain text).

    A marked span keeps its outer whitespace outside the marks. Where Markdown's flanking
    rules would not let the marks open or close (a span that starts or ends with punctuation
    against a letter, as in `officials~~.~~`), the span is written with its HTML tag instead
    (`<del>.</del>`), which GitHub-flavoured Markdown renders the same way.
    """
    pieces: list[tuple[str | None, str]] = []
    for kind, text in spans:
        core = text.strip()
        if kind is not None and core:
            lead = text[: len(text) - len(text.lstrip())]
            trail = text[len(text.rstrip()) :]
            pieces += [(None, lead), (kind, md_escape(core)), (None, trail)]
        else:
            pieces.append((None, md_escape(text)))
    pieces = [p for p in pieces if p[1]]
    out: list[str] = []
    for n, (kind, text) in enumerate(pieces):
        if kind is None:
            out.append(text)
            continue
        prev = out[-1][-1] if out else " "
        after = pieces[n + 1] if n + 1 < len(pieces) else (None, " ")
        nxt = "~" if after[0] is not None else after[1][0]  # a mark or tag: punctuation
        mark, tag = _MARKS[kind]
        if _can_open(prev, text[0]) and _can_close(text[-1], nxt):
            out.append(f"{mark}{text}{mark}")
        else:
            out.append(f"<{tag}>{text}</{tag}>")
    return "".join(out)


def md_diff(ops: Iterable[Op]) -> str:
    """A word diff in Markdown: `~~deleted~~` reference words and `**inserted**` version words.

    See md_marked for the `<del>`/`<ins>` fallback where the marks cannot apply.
    """
    return md_marked((None if op.kind == "equal" else op.kind, op.text) for op in ops)


def _md_table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(c or " " for c in row) + " |" for row in rows]
    return lines


def _md_quote(text: str) -> str:
    return f"“{md_escape(text)}”" if text else "*(not stated)*"


def _md_versions(analysis: Analysis) -> list[str]:
    al = analysis.alignment
    rows = []
    for a in al.articles:
        ident = f"{md_escape(a.id)} (reference)" if a.id == al.reference else md_escape(a.id)
        rows.append(
            [
                ident,
                md_escape(a.title) or "-",
                md_escape(a.outlet) or "-",
                md_escape(a.date or "") or "-",
                md_escape(a.url or "") or "-",
                length_label(a),
            ]
        )
    out = [f"## {SECTION_TITLES['versions']}", ""]
    out += _md_table(["Version", "Title", "Outlet", "Date", "URL", "Length"], rows)
    ids = [a.id for a in al.articles]
    if len(ids) > 1:
        out += ["", "Share of the row version's sentences that have a counterpart in the column's:"]
        out += [""]
        matrix = [
            [f"**{md_escape(r)}**"]
            + ["—" if r == c else percent(share_matched(al, r, c)) for c in ids]
            for r in ids
        ]
        out += _md_table([" ", *(md_escape(i) for i in ids)], matrix)
    out += ["", md_escape(similarity_reading(al)), ""]
    return out


def _md_variant_row(analysis: Analysis, v: Variant) -> list[str]:
    art = analysis.alignment.article(v.article)
    return [
        md_escape(v.article),
        sentence_label([v.sentence]) if v.sentence is not None else "-",
        _md_quote(v.text),
        md_marked(zip((None, "strong", None), context_parts(art, v), strict=True)),
    ]


def _md_discrepancies(analysis: Analysis) -> list[str]:
    out = [f"## {SECTION_TITLES['discrepancies']}", ""]
    ordered = ordered_discrepancies(analysis)
    if not ordered:
        return [*out, "No discrepancies found.", "", *_md_unique(analysis)]
    for severity in [*SEVERITIES, *sorted({d.severity for d in ordered} - set(SEVERITIES))]:
        these = [d for d in ordered if d.severity == severity]
        if not these:
            continue
        out += [f"### {SEVERITY_TITLES.get(severity, severity.title())} ({len(these)})", ""]
        for d in these:
            where = f" · group {group_label(d.group)}" if d.group is not None else ""
            out += [f"#### {md_escape(d.id)} · {md_escape(d.kind)}{where}", ""]
            out += [md_escape(d.summary), ""]
            out += _md_table(
                ["Version", "Sentence", "Says", "In context"],
                (_md_variant_row(analysis, v) for v in d.variants),
            )
            out.append("")
    return [*out, *_md_unique(analysis)]


def _md_unique(analysis: Analysis) -> list[str]:
    found = unique_passages(analysis)
    total = sum(len(p) for _, p in found)
    out = [f"### {UNIQUE_TITLE} ({total})", ""]
    if not found:
        return [*out, "Every passage is in at least two versions.", ""]
    for art, passages in found:
        out += [f"#### {md_escape(art)} ({len(passages)})", ""]
        out += [
            f"- {sentence_label(p.sentences)} · group {group_label(p.group)}: {md_escape(p.text)}"
            for p in passages
        ]
        out.append("")
    return out


def _md_note(analysis: Analysis, note: ReportNote) -> list[str]:
    head = f"#### {md_escape(note.id)} · {md_escape(note.verdict)}"
    out = [head, ""]
    lines = md_escape(note.text).split("<br>")
    for n, line in enumerate(lines):
        body = line.lstrip(" \t")  # an indent would open a code block: keep it, unbreakable
        hard_break = "\\" if n < len(lines) - 1 and body else ""
        out.append(("> " + "\u00a0" * (len(line) - len(body)) + body + hard_break) if body else ">")
    out.append("")
    meta = []
    if note.tags:
        meta.append("Tags: " + ", ".join(md_escape(t) for t in note.tags))
    if note.author:
        meta.append("By: " + md_escape(note.author))
    groups = note_groups(analysis.alignment, note)
    if groups:
        meta.append("Groups: " + ", ".join(group_label(g) for g in groups))
    if meta:
        out += [" · ".join(meta), ""]
    out += [f"Quote: {_md_quote(note.quote)}", ""]
    if note.places:
        out += _md_table(
            ["Version", "Status", "Sentence", "Text there"],
            (
                [md_escape(p.article), p.status, place_where(p), _md_quote(p.quote)]
                for p in note.places
            ),
        )
        out.append("")
    return out


def _md_notes(
    analysis: Analysis, notes: Sequence[ReportNote], verdicts: Sequence[str]
) -> list[str]:
    out = [f"## {SECTION_TITLES['notes']}", ""]
    if not notes:
        return [*out, "No notes.", ""]
    for verdict, these in notes_by_verdict(notes, verdicts):
        out += [f"### {md_escape(verdict)} ({len(these)})", ""]
        for note in these:
            out += _md_note(analysis, note)
    orphans = [n for n in notes if n.orphaned]
    if orphans:
        out += [f"### Orphaned notes ({len(orphans)})", ""]
        out += [
            "Their text changed so much that they are found in no version; stored quote shown.",
            "",
        ]
        for note in orphans:
            out += _md_note(analysis, note)
    return out


def _md_group(
    analysis: Analysis,
    group: Group,
    notes_here: Sequence[ReportNote],
    related: Sequence[Related] = (),
) -> list[str]:
    al = analysis.alignment
    ref = al.reference
    present = group.articles
    moved = md_escape(moved_heading(group))
    out = [f"### Group {group_label(group.id)} · {md_escape(group.kind)}{moved}", ""]
    for art in al.articles:
        slot = group.slot(art.id)
        label = f"**{md_escape(art.id)}**"
        if not slot:
            continue
        where = sentence_label(slot)
        text = slot_text(art, group)
        if art.id == ref:
            body = md_escape(text)
            tag = " (reference)"
        elif (group.id, art.id) in analysis.diffs:
            body = md_diff(analysis.diffs[(group.id, art.id)])
            tag = ""
        else:
            body = md_escape(text)
            tag = ""
        if len(present) == 1:
            tag += f" *unique to {md_escape(art.id)}*"
        if moved_note(al, group, art.id):
            tag += f" *{md_escape(moved_note(al, group, art.id))}*"
        out.append(f"- {label} {where}{tag}: {body}")
    absent = [a.id for a in al.articles if a.id not in present]
    if absent and len(present) > 1:
        out.append(f"- *absent from {md_escape(', '.join(absent))}*")
    if related:
        out.append(f"- *{md_escape(related_text(related))}*")
    if notes_here:
        listed = ", ".join(f"{md_escape(n.id)} ({md_escape(n.verdict)})" for n in notes_here)
        out.append(f"- *notes: {listed}*")
    out.append("")
    return out


def _md_collation(analysis: Analysis, notes: Sequence[ReportNote]) -> list[str]:
    out = [f"## {SECTION_TITLES['collation']}", ""]
    out += [
        f"Each version against {md_escape(analysis.reference)}: ~~reference words~~ it drops, "
        "**its own words** it adds.",
        "",
    ]
    by_group = group_notes(analysis.alignment, notes)
    related = related_by_group(analysis.alignment)
    for group in analysis.alignment.groups:
        out += _md_group(analysis, group, by_group.get(group.id, ()), related.get(group.id, ()))
    return out


def to_markdown(
    analysis: Analysis,
    notes: Sequence[ReportNote] = (),
    *,
    verdicts: Sequence[str] = (),
    collation: bool = True,
    generated: str | None = None,
) -> str:
    """The review report as Markdown (GitHub flavour: tables and ~~strikethrough~~).

    Args:
        analysis: the analysis of the versions.
        notes: the notes, resolved against these versions.
        verdicts: the verdict labels in their configured order (notes group by verdict).
        collation: include section 4, the collation (long).
        generated: a stamp to print under the title (e.g. a date); None prints none.

    Returns:
        The Markdown text, ending with a newline.
    """
    out = [f"# Review report: {md_escape(report_title(analysis))}", ""]
    if generated:
        out += [f"Generated {md_escape(generated)}", ""]
    out += [md_escape(summary_line(analysis, notes)), ""]
    out += _md_versions(analysis)
    out += _md_discrepancies(analysis)
    out += _md_notes(analysis, notes, verdicts)
    if collation:
        out += _md_collation(analysis, notes)
    return "\n".join(out).rstrip("\n") + "\n"
