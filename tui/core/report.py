"""Provides the review report: to_markdown(), to_html() and to_json() of an Analysis and its notes.

A report has four sections, in order: the versions (with the similarity matrix and a one-line
reading of it), the discrepancies (conflicts, then missing attributions and hedges, then
variants), the notes grouped by verdict (orphaned notes apart), and the collation (every group in
reading order with each version's word diff against the reference). The CLI (`sidebyside
report`) and the app call these same functions; the output depends only on the inputs (no clock
unless a `generated` stamp is passed in).

Notes come in as plain `ReportNote` values so this module does not depend on how the notes
sidecar is stored; `report_notes()` builds them from the notes store's located notes.
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from tui.core.align import Alignment, Group
from tui.core.analysis import Analysis, slot_text
from tui.core.articles import Article
from tui.core.diff import Op
from tui.core.facts import SEVERITIES, Discrepancy, Variant
from tui.core.notes import LocatedNote
from tui.core.serialize import alignment_document, facts_document

REPORT_SCHEMA = "sidebyside.report/1"
"""Schema id of the JSON report."""

FORMATS = ("md", "html", "json")
"""Report formats, as `--format` spells them."""

NOTE_STATUSES = ("anchored", "moved", "orphaned", "absent")
"""Where a note's anchor stands in one version: where it was, found elsewhere (or changed), lost,
or in a version that is not loaded."""

SECTION_TITLES = {
    "versions": "1. Versions",
    "discrepancies": "2. Discrepancies",
    "notes": "3. Notes",
    "collation": "4. Collation",
}
"""Section ids (HTML anchors) and their headings, in report order."""

SEVERITY_TITLES = {
    "conflict": "Conflicts",
    "missing": "Missing attributions and hedges",
    "variant": "Variants",
}
"""Discrepancy sub-section headings, by severity."""


@dataclass(frozen=True, slots=True)
class NotePlace:
    """Where one note stands in one version."""

    article: str
    """Article id."""
    status: str
    """One of NOTE_STATUSES."""
    sentences: tuple[int, ...] = ()
    """Indices of the sentences the anchor covers now (empty unless found)."""
    quote: str = ""
    """The text the anchor covers now (the stored quote when orphaned)."""


@dataclass(frozen=True, slots=True)
class ReportNote:
    """A note as the report shows it: verdict, text and where it is anchored in each version."""

    id: str
    """Note id."""
    verdict: str
    """The verdict label ("disputed", "false", ...)."""
    text: str
    """The note, possibly several lines."""
    quote: str
    """The quote stored when the note was made."""
    places: tuple[NotePlace, ...] = ()
    """One entry per anchored version, in collection order."""
    tags: tuple[str, ...] = ()
    """Free tags."""
    author: str = ""
    """Who wrote it ("" when unknown)."""
    created: str = ""
    """When it was first saved ("" when unknown)."""
    updated: str = ""
    """When it was last changed ("" when unknown)."""

    @property
    def orphaned(self) -> bool:
        """True when the note was lost in some version and is found in none."""
        live = any(p.status in ("anchored", "moved") for p in self.places)
        return not live and any(p.status == "orphaned" for p in self.places)


def report_notes(
    located: Iterable[LocatedNote], articles: Iterable[Article]
) -> tuple[ReportNote, ...]:
    """Turn the notes store's resolved notes into report notes.

    Args:
        located: notes with their anchors resolved (`tui.core.notes.locate()`).
        articles: the loaded versions (for the text each anchor covers now).

    Returns:
        One ReportNote per note, in the given order; each anchor becomes a NotePlace whose
        quote is the text found now, or the stored quote when the anchor is lost.
    """
    by_id = {a.id: a for a in articles}
    out = []
    for item in located:
        places = []
        for p in item.placements:
            art = by_id.get(p.anchor.article)
            found = p.resolution.found and art is not None
            text = art.source[p.resolution.start : p.resolution.end] if found and art else ""
            quote = " ".join((text if found else p.anchor.exact).split())
            places.append(NotePlace(p.anchor.article, p.resolution.status, p.sentences, quote))
        note = item.note
        out.append(
            ReportNote(
                note.id,
                note.verdict,
                note.text,
                " ".join(note.quote.split()),
                tuple(places),
                note.tags,
                note.author,
                note.created,
                note.updated,
            )
        )
    return tuple(out)


# ---------------------------------------------------------------------------------------------
# What every format shows


def share_matched(alignment: Alignment, a: str, b: str) -> float:
    """Share of a's sentences that have a counterpart in b, in [0, 1].

    Taken from the alignment's similarity matrix when it has the pair, else counted from the
    groups.
    """
    if a == b:
        return 1.0
    for s in alignment.similarity:
        if (s.a, s.b) == (a, b):
            return s.matched_a
        if (s.a, s.b) == (b, a):
            return s.matched_b
    total = len(alignment.article(a).sentences)
    if not total:
        return 0.0
    matched = sum(len(g.slot(a)) for g in alignment.groups if g.slot(b))
    return min(1.0, matched / total)


def _percent(x: float) -> str:
    return f"{round(x * 100)}%"


def _join_ids(ids: Sequence[str]) -> str:
    if len(ids) == 1:
        return ids[0]
    return ", ".join(ids[:-1]) + " and " + ids[-1]


def similarity_reading(alignment: Alignment) -> str:
    """One line that reads the similarity matrix against the reference.

    Versions whose shares round to the same 5% are named together, closest first:
    "Against 000 (reference): 001 shares 85% of its sentences; 002 and 004 share 40%."
    """
    ref = alignment.reference
    others = [a.id for a in alignment.articles if a.id != ref]
    if not others:
        return f"Only one version ({ref}): nothing to compare."
    buckets: dict[int, list[str]] = {}
    for art in others:
        buckets.setdefault(5 * round(share_matched(alignment, art, ref) * 20), []).append(art)
    parts = []
    for n, (pct, ids) in enumerate(sorted(buckets.items(), reverse=True)):
        verb = "shares" if len(ids) == 1 else "share"
        tail = (" of its sentences" if len(ids) == 1 else " of their sentences") if n == 0 else ""
        parts.append(f"{_join_ids(ids)} {verb} {pct}%{tail}")
    return f"Against {ref} (reference): " + "; ".join(parts) + "."


def ordered_discrepancies(analysis: Analysis) -> tuple[Discrepancy, ...]:
    """Discrepancies by severity (conflict, missing, variant), each in the analysis' order."""
    rank = {s: n for n, s in enumerate(SEVERITIES)}
    indexed = sorted(
        enumerate(analysis.discrepancies), key=lambda p: (rank.get(p[1].severity, 99), p[0])
    )
    return tuple(d for _, d in indexed)


def _sentence_text(article: Article, index: int | None) -> str:
    if index is None or not 0 <= index < len(article.sentences):
        return ""
    return article.sentences[index].text


def context_parts(article: Article, variant: Variant) -> tuple[str, str, str]:
    """A variant's sentence cut around the variant's words: (before, words, after).

    When the words are not found in the sentence (or the version drops them), the whole
    sentence is `before`.
    """
    text = _sentence_text(article, variant.sentence)
    at = text.find(variant.text) if variant.text else -1
    if at < 0:
        return text, "", ""
    return text[:at], variant.text, text[at + len(variant.text) :]


def notes_by_verdict(
    notes: Sequence[ReportNote], verdicts: Sequence[str] = ()
) -> tuple[tuple[str, tuple[ReportNote, ...]], ...]:
    """Non-orphaned notes grouped by verdict: verdicts in `verdicts` order first, then others.

    Args:
        notes: the notes, in the order they should be listed within a verdict.
        verdicts: the sidecar's verdict labels, in their configured order.

    Returns:
        (verdict, notes) pairs; verdicts without notes are left out.
    """
    order = list(dict.fromkeys([*verdicts, *(n.verdict for n in notes)]))
    out = []
    for v in order:
        these = tuple(n for n in notes if n.verdict == v and not n.orphaned)
        if these:
            out.append((v, these))
    return tuple(out)


def note_groups(alignment: Alignment, note: ReportNote) -> tuple[int, ...]:
    """Ids of the groups a note's live anchors fall in, in reading order."""
    found: set[int] = set()
    for p in note.places:
        if p.status not in ("anchored", "moved"):
            continue
        for g in alignment.groups:
            if set(p.sentences) & set(g.slot(p.article)):
                found.add(g.id)
    return tuple(sorted(found))


def _group_notes(alignment: Alignment, notes: Sequence[ReportNote]) -> dict[int, list[ReportNote]]:
    by_group: dict[int, list[ReportNote]] = {}
    for n in notes:
        for gid in note_groups(alignment, n):
            by_group.setdefault(gid, []).append(n)
    return by_group


def _sentence_label(sentences: Sequence[int]) -> str:
    return "s" + "+".join(str(i) for i in sentences) if sentences else ""


def _place_where(p: NotePlace) -> str:
    return _sentence_label(p.sentences) or "-"


def _summary_line(analysis: Analysis, notes: Sequence[ReportNote]) -> str:
    n_orphans = sum(1 for n in notes if n.orphaned)
    orphans = f" ({n_orphans} orphaned)" if n_orphans else ""
    return (
        f"{len(analysis.articles)} versions · reference {analysis.reference} · "
        f"{len(analysis.alignment.groups)} groups · {len(analysis.discrepancies)} discrepancies · "
        f"{len(notes)} notes{orphans}"
    )


def _report_title(analysis: Analysis) -> str:
    ref = analysis.alignment.article(analysis.reference)
    return ref.title or ref.id


def _length(article: Article) -> str:
    return f"{article.words} words, {len(article.sentences)} sentences"


# ---------------------------------------------------------------------------------------------
# Markdown

_MD_INLINE = re.compile(r"([\\`*\[\]<>|~]|(?<![^\W_])_|_(?![^\W_]))")
_MD_ENTITY = re.compile(r"&(?=#?\w+;)")
_MD_BLOCK_START = re.compile(r"^([#+=-])")
_MD_LIST_NUMBER = re.compile(r"^(\d+)([.)])")


def md_escape(text: str) -> str:
    """Escape text so Markdown shows it literally, in a paragraph or a table cell.

    Backslash-escapes the characters that start emphasis, code spans, links, HTML, tables and
    strikethrough, an `&` that would read as an entity, and block markers at a line start
    (headings, lists). Newlines become `<br>` so a cell or list item stays on one line.
    """
    lines = []
    for line in text.split("\n"):
        line = _MD_ENTITY.sub(r"\\&", _MD_INLINE.sub(r"\\\1", line))
        body = line.lstrip(" \t")
        indent = line[: len(line) - len(body)]
        lines.append(indent + _MD_LIST_NUMBER.sub(r"\1\\\2", _MD_BLOCK_START.sub(r"\\\1", body)))
    return "<br>".join(lines)


def _md_wrap(text: str, mark: str) -> str:
    """Wrap escaped text in a delimiter, keeping outer whitespace outside it."""
    core = text.strip()
    if not core:
        return text
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()) :]
    return f"{lead}{mark}{md_escape(core)}{mark}{trail}"


def _punctuation(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "PS"


def _can_open(prev: str, nxt: str) -> bool:
    """CommonMark: a delimiter run between prev and nxt is left-flanking (may open)."""
    return not nxt.isspace() and (not _punctuation(nxt) or prev.isspace() or _punctuation(prev))


def _can_close(prev: str, nxt: str) -> bool:
    """CommonMark: a delimiter run between prev and nxt is right-flanking (may close)."""
    return not prev.isspace() and (not _punctuation(prev) or nxt.isspace() or _punctuation(nxt))


def md_diff(ops: Iterable[Op]) -> str:
    """A word diff in Markdown: `~~deleted~~` reference words and `**inserted**` version words.

    Where Markdown's flanking rules would not let the marks open or close (a change that
    starts or ends with punctuation against a letter, as in `officials~~.~~`), that change is
    written `<del>.</del>` or `<ins>.</ins>` instead, which GitHub-flavoured Markdown renders
    the same way.
    """
    pieces: list[tuple[str | None, str]] = []
    for op in ops:
        core = op.text.strip()
        if op.kind in ("delete", "insert") and core:
            lead = op.text[: len(op.text) - len(op.text.lstrip())]
            trail = op.text[len(op.text.rstrip()) :]
            pieces += [(None, lead), (op.kind, md_escape(core)), (None, trail)]
        else:
            pieces.append((None, md_escape(op.text)))
    pieces = [p for p in pieces if p[1]]
    out: list[str] = []
    for n, (kind, text) in enumerate(pieces):
        if kind is None:
            out.append(text)
            continue
        prev = out[-1][-1] if out else " "
        after = pieces[n + 1] if n + 1 < len(pieces) else (None, " ")
        nxt = "~" if after[0] is not None else after[1][0]
        mark, tag = ("~~", "del") if kind == "delete" else ("**", "ins")
        if _can_open(prev, text[0]) and _can_close(text[-1], nxt):
            out.append(f"{mark}{text}{mark}")
        else:
            out.append(f"<{tag}>{text}</{tag}>")
    return "".join(out)


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
                _length(a),
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
            + ["—" if r == c else _percent(share_matched(al, r, c)) for c in ids]
            for r in ids
        ]
        out += _md_table([" ", *(md_escape(i) for i in ids)], matrix)
    out += ["", md_escape(similarity_reading(al)), ""]
    return out


def _md_variant_row(analysis: Analysis, v: Variant) -> list[str]:
    art = analysis.alignment.article(v.article)
    return [
        md_escape(v.article),
        f"s{v.sentence}" if v.sentence is not None else "-",
        _md_quote(v.text),
        "".join(
            md_escape(p) if n != 1 else _md_wrap(p, "**")
            for n, p in enumerate(context_parts(art, v))
        ),
    ]


def _md_discrepancies(analysis: Analysis) -> list[str]:
    out = [f"## {SECTION_TITLES['discrepancies']}", ""]
    ordered = ordered_discrepancies(analysis)
    if not ordered:
        return [*out, "No discrepancies found.", ""]
    for severity in [*SEVERITIES, *sorted({d.severity for d in ordered} - set(SEVERITIES))]:
        these = [d for d in ordered if d.severity == severity]
        if not these:
            continue
        out += [f"### {SEVERITY_TITLES.get(severity, severity.title())} ({len(these)})", ""]
        for d in these:
            where = f" · group {d.group}" if d.group is not None else ""
            out += [f"#### {md_escape(d.id)} · {md_escape(d.kind)}{where}", ""]
            out += [md_escape(d.summary), ""]
            out += _md_table(
                ["Version", "Sentence", "Says", "In context"],
                (_md_variant_row(analysis, v) for v in d.variants),
            )
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
        meta.append("Groups: " + ", ".join(str(g) for g in groups))
    if meta:
        out += [" · ".join(meta), ""]
    out += [f"Quote: {_md_quote(note.quote)}", ""]
    if note.places:
        out += _md_table(
            ["Version", "Status", "Sentence", "Text there"],
            (
                [md_escape(p.article), p.status, _place_where(p), _md_quote(p.quote)]
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


def _md_group(analysis: Analysis, group: Group, notes_here: Sequence[ReportNote]) -> list[str]:
    al = analysis.alignment
    ref = al.reference
    present = group.articles
    out = [f"### Group {group.id} · {md_escape(group.kind)}", ""]
    for art in al.articles:
        slot = group.slot(art.id)
        label = f"**{md_escape(art.id)}**"
        if not slot:
            continue
        where = _sentence_label(slot)
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
        out.append(f"- {label} {where}{tag}: {body}")
    absent = [a.id for a in al.articles if a.id not in present]
    if absent and len(present) > 1:
        out.append(f"- *absent from {md_escape(', '.join(absent))}*")
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
    by_group = _group_notes(analysis.alignment, notes)
    for group in analysis.alignment.groups:
        out += _md_group(analysis, group, by_group.get(group.id, ()))
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
    out = [f"# Review report: {md_escape(_report_title(analysis))}", ""]
    if generated:
        out += [f"Generated {md_escape(generated)}", ""]
    out += [md_escape(_summary_line(analysis, notes)), ""]
    out += _md_versions(analysis)
    out += _md_discrepancies(analysis)
    out += _md_notes(analysis, notes, verdicts)
    if collation:
        out += _md_collation(analysis, notes)
    return "\n".join(out).rstrip("\n") + "\n"


# ---------------------------------------------------------------------------------------------
# HTML

_STYLE = """
:root { --fg: #1d1d1f; --muted: #666; --line: #ddd; --del: #ffe0e0; --ins: #dcf5dc;
  --accent: #2456a6; --conflict: #b3261e; --missing: #9a5b00; --variant: #555; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e6e6e6; --muted: #aaa; --line: #444; --del: #5a2626; --ins: #1f4a26;
    --accent: #8ab4f8; --conflict: #f28b82; --missing: #fdd663; --variant: #bbb; }
  body { background: #161616; } }
body { font: 15px/1.5 system-ui, sans-serif; color: var(--fg); max-width: 72rem;
  margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.5rem; } h2 { border-bottom: 2px solid var(--line); padding-bottom: .2rem; }
table { border-collapse: collapse; margin: .5rem 0 1rem; }
th, td { border: 1px solid var(--line); padding: .25rem .5rem; text-align: left;
  vertical-align: top; }
.wide { overflow-x: auto; } mark { background: none; font-weight: 700; color: inherit; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.muted, .where { color: var(--muted); font-size: .9em; }
del { background: var(--del); text-decoration: line-through; }
ins { background: var(--ins); text-decoration: none; font-weight: 600; }
del.trivial, ins.trivial { font-weight: normal; opacity: .75; }
.sev-conflict { color: var(--conflict); } .sev-missing { color: var(--missing); }
.sev-variant { color: var(--variant); }
.note, .discrepancy, .group { border-left: 3px solid var(--line); padding: .1rem 0 .1rem .8rem;
  margin: 1rem 0; }
.note blockquote { margin: .3rem 0; white-space: pre-wrap; }
.slot { margin: .2rem 0; } .slot .id { font-weight: 700; }
.unique { border-left: 3px solid var(--accent); padding-left: .4rem; }
.tag { border: 1px solid var(--line); border-radius: .6rem; padding: 0 .4rem; font-size: .85em; }
@media print { .group { break-inside: avoid; } }
"""


def _h(text: str) -> str:
    """Escape text for HTML content and attribute values."""
    return html.escape(text, quote=True)


def html_diff(ops: Iterable[Op]) -> str:
    """A word diff in HTML: `<del>` reference words, `<ins>` version words, classed by change."""
    out = []
    for op in ops:
        if op.kind in ("delete", "insert"):
            tag = "del" if op.kind == "delete" else "ins"
            classes = " ".join(c for c in (op.change, op.subkind) if c)
            title = f"{op.change}: {op.subkind}" if op.subkind else (op.change or "")
            out.append(f'<{tag} class="{_h(classes)}" title="{_h(title)}">{_h(op.text)}</{tag}>')
        else:
            out.append(_h(op.text))
    return "".join(out)


def _html_table(header: Sequence[str], rows: Iterable[Sequence[str]], cls: str = "") -> str:
    """A table; header and cells are HTML already."""
    attr = f' class="{cls}"' if cls else ""
    head = "".join(f"<th>{c}</th>" for c in header)
    body = "".join("<tr>" + "".join(rows_cell for rows_cell in row) + "</tr>" for row in rows)
    table = f"<table{attr}><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    return f'<div class="wide">{table}</div>'


def _td(content: str, cls: str = "") -> str:
    attr = f' class="{cls}"' if cls else ""
    return f"<td{attr}>{content}</td>"


def _html_versions(analysis: Analysis) -> list[str]:
    al = analysis.alignment
    rows = []
    for a in al.articles:
        ident = _h(a.id) + (
            ' <span class="muted">(reference)</span>' if a.id == al.reference else ""
        )
        url = f'<a href="{_h(a.url)}">{_h(a.url)}</a>' if a.url else "-"
        rows.append(
            [
                _td(ident),
                _td(_h(a.title) or "-"),
                _td(_h(a.outlet) or "-"),
                _td(_h(a.date or "") or "-"),
                _td(url),
                _td(_h(_length(a))),
            ]
        )
    out = [f'<section id="versions"><h2>{SECTION_TITLES["versions"]}</h2>']
    out.append(_html_table(["Version", "Title", "Outlet", "Date", "URL", "Length"], rows))
    ids = [a.id for a in al.articles]
    if len(ids) > 1:
        out.append(
            '<p class="muted">Share of the row version\'s sentences that have a counterpart '
            "in the column's.</p>"
        )
        matrix = [
            [f"<th>{_h(r)}</th>"]
            + [_td("—" if r == c else _percent(share_matched(al, r, c)), "num") for c in ids]
            for r in ids
        ]
        out.append(_html_table(["", *(_h(i) for i in ids)], matrix, "similarity"))
    out.append(f'<p class="reading">{_h(similarity_reading(al))}</p></section>')
    return out


def _html_quote(text: str) -> str:
    return f"“{_h(text)}”" if text else '<span class="muted">(not stated)</span>'


def _html_discrepancies(analysis: Analysis) -> list[str]:
    out = [f'<section id="discrepancies"><h2>{SECTION_TITLES["discrepancies"]}</h2>']
    ordered = ordered_discrepancies(analysis)
    if not ordered:
        out.append("<p>No discrepancies found.</p>")
    for severity in [*SEVERITIES, *sorted({d.severity for d in ordered} - set(SEVERITIES))]:
        these = [d for d in ordered if d.severity == severity]
        if not these:
            continue
        title = _h(SEVERITY_TITLES.get(severity, severity.title()))
        out.append(f'<h3 class="sev-{_h(severity)}">{title} ({len(these)})</h3>')
        for d in these:
            where = f" · group {d.group}" if d.group is not None else ""
            out.append(
                f'<div class="discrepancy" id="{_h(d.id)}" data-severity="{_h(d.severity)}">'
                f"<h4>{_h(d.id)} · {_h(d.kind)}{where}</h4><p>{_h(d.summary)}</p>"
            )
            header = [_h(v.article) for v in d.variants]
            arts = [analysis.alignment.article(v.article) for v in d.variants]
            says = [_td(_html_quote(v.text)) for v in d.variants]
            refs = [
                _td(f"s{v.sentence}" if v.sentence is not None else "-", "where")
                for v in d.variants
            ]
            context = []
            for a, v in zip(arts, d.variants, strict=True):
                before, words, after = context_parts(a, v)
                marked = f"<mark>{_h(words)}</mark>" if words else ""
                context.append(_td(_h(before) + marked + _h(after)))
            rows = [["<th>Says</th>", *says], ["<th>Sentence</th>", *refs]]
            rows.append(["<th>In context</th>", *context])
            out.append(_html_table(["", *header], rows, "variants") + "</div>")
    out.append("</section>")
    return out


def _html_note(analysis: Analysis, note: ReportNote) -> str:
    parts = [
        f'<div class="note" id="note-{_h(note.id)}" data-verdict="{_h(note.verdict)}">',
        f"<h4>{_h(note.id)} · {_h(note.verdict)}</h4>",
        f"<blockquote>{_h(note.text)}</blockquote>",
    ]
    meta = []
    if note.tags:
        meta.append("Tags: " + " ".join(f'<span class="tag">{_h(t)}</span>' for t in note.tags))
    if note.author:
        meta.append("By: " + _h(note.author))
    groups = note_groups(analysis.alignment, note)
    if groups:
        meta.append("Groups: " + ", ".join(f'<a href="#g{g}">{g}</a>' for g in groups))
    if meta:
        parts.append(f'<p class="muted">{" · ".join(meta)}</p>')
    parts.append(f'<p>Quote: <q class="stored">{_h(note.quote)}</q></p>')
    if note.places:
        rows = [
            [
                _td(_h(p.article)),
                _td(_h(p.status), f"status-{_h(p.status)}"),
                _td(_place_where(p), "where"),
                _td(_html_quote(p.quote)),
            ]
            for p in note.places
        ]
        parts.append(_html_table(["Version", "Status", "Sentence", "Text there"], rows, "places"))
    parts.append("</div>")
    return "".join(parts)


def _html_notes(
    analysis: Analysis, notes: Sequence[ReportNote], verdicts: Sequence[str]
) -> list[str]:
    out = [f'<section id="notes"><h2>{SECTION_TITLES["notes"]}</h2>']
    if not notes:
        out.append("<p>No notes.</p>")
    for verdict, these in notes_by_verdict(notes, verdicts):
        out.append(f'<h3 class="verdict">{_h(verdict)} ({len(these)})</h3>')
        out += [_html_note(analysis, n) for n in these]
    orphans = [n for n in notes if n.orphaned]
    if orphans:
        out.append(f'<h3 id="orphaned">Orphaned notes ({len(orphans)})</h3>')
        out.append(
            '<p class="muted">Their text changed so much that they are found in no version; '
            "stored quote shown.</p>"
        )
        out += [_html_note(analysis, n) for n in orphans]
    out.append("</section>")
    return out


def _html_group(analysis: Analysis, group: Group, notes_here: Sequence[ReportNote]) -> str:
    al = analysis.alignment
    present = group.articles
    unique = len(present) == 1
    parts = [
        f'<div class="group" id="g{group.id}" data-group="{group.id}" '
        f'data-kind="{_h(group.kind)}">',
        f"<h4>Group {group.id} · {_h(group.kind)}</h4>",
    ]
    for art in al.articles:
        slot = group.slot(art.id)
        if not slot:
            continue
        key = (group.id, art.id)
        if key in analysis.diffs:
            body = html_diff(analysis.diffs[key])
        else:
            body = _h(slot_text(art, group))
        role = " (reference)" if art.id == al.reference else ""
        note = f' <em class="muted">unique to {_h(art.id)}</em>' if unique else ""
        cls = "slot unique" if unique else "slot"
        parts.append(
            f'<p class="{cls}" data-article="{_h(art.id)}"><span class="id">{_h(art.id)}</span> '
            f'<span class="where">{_sentence_label(slot)}{role}</span>{note}: '
            f'<span class="text">{body}</span></p>'
        )
    absent = [a.id for a in al.articles if a.id not in present]
    if absent and not unique:
        parts.append(f'<p class="muted absent">absent from {_h(", ".join(absent))}</p>')
    if notes_here:
        links = ", ".join(
            f'<a href="#note-{_h(n.id)}">{_h(n.id)}</a> ({_h(n.verdict)})' for n in notes_here
        )
        parts.append(f'<p class="muted notes">notes: {links}</p>')
    parts.append("</div>")
    return "".join(parts)


def _html_collation(analysis: Analysis, notes: Sequence[ReportNote]) -> list[str]:
    out = [f'<section id="collation"><h2>{SECTION_TITLES["collation"]}</h2>']
    out.append(
        f'<p class="muted">Each version against {_h(analysis.reference)}: <del>reference '
        "words</del> it drops, <ins>its own words</ins> it adds.</p>"
    )
    by_group = _group_notes(analysis.alignment, notes)
    out += [_html_group(analysis, g, by_group.get(g.id, ())) for g in analysis.alignment.groups]
    out.append("</section>")
    return out


def to_html(
    analysis: Analysis,
    notes: Sequence[ReportNote] = (),
    *,
    verdicts: Sequence[str] = (),
    collation: bool = True,
    generated: str | None = None,
) -> str:
    """The review report as one self-contained HTML file (embedded stylesheet, no external assets).

    Args:
        analysis: the analysis of the versions.
        notes: the notes, resolved against these versions.
        verdicts: the verdict labels in their configured order (notes group by verdict).
        collation: include section 4, the collation (long).
        generated: a stamp to print under the title (e.g. a date); None prints none.

    Returns:
        The HTML document, ending with a newline.
    """
    title = _h(f"Review report: {_report_title(analysis)}")
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{title}</title><style>{_STYLE}</style></head><body>",
        f"<header><h1>{title}</h1>",
    ]
    if generated:
        out.append(f'<p class="muted generated">Generated {_h(generated)}</p>')
    out.append(f'<p class="summary">{_h(_summary_line(analysis, notes))}</p>')
    toc = [k for k in SECTION_TITLES if collation or k != "collation"]
    out.append(
        "<nav><ul>"
        + "".join(f'<li><a href="#{k}">{SECTION_TITLES[k]}</a></li>' for k in toc)
        + "</ul></nav></header><main>"
    )
    out += _html_versions(analysis)
    out += _html_discrepancies(analysis)
    out += _html_notes(analysis, notes, verdicts)
    if collation:
        out += _html_collation(analysis, notes)
    out.append("</main></body></html>")
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------------------------------------
# JSON


def note_to_dict(note: ReportNote, alignment: Alignment) -> dict[str, Any]:
    """One note of the JSON report."""
    return {
        "id": note.id,
        "verdict": note.verdict,
        "text": note.text,
        "tags": list(note.tags),
        "author": note.author,
        "created": note.created,
        "updated": note.updated,
        "quote": note.quote,
        "orphaned": note.orphaned,
        "groups": list(note_groups(alignment, note)),
        "places": [
            {
                "article": p.article,
                "status": p.status,
                "sentences": list(p.sentences),
                "quote": p.quote,
            }
            for p in note.places
        ],
    }


def report_document(
    analysis: Analysis,
    notes: Sequence[ReportNote] = (),
    *,
    verdicts: Sequence[str] = (),
    collation: bool = True,
    generated: str | None = None,
) -> dict[str, Any]:
    """The JSON report: the `align` and `facts` documents plus the notes, in one object.

    Args:
        analysis: the analysis of the versions.
        notes: the notes, resolved against these versions.
        verdicts: the verdict labels in their configured order.
        collation: include the groups' word diffs in the alignment part.
        generated: a stamp to record; None records null.

    Returns:
        {"schema": "sidebyside.report/1", "generated", "reference", "reading", "alignment",
        "facts", "notes"}.
    """
    order = {d.id: n for n, d in enumerate(ordered_discrepancies(analysis))}
    facts = facts_document(analysis)
    facts["discrepancies"].sort(key=lambda d: order.get(d["id"], len(order)))
    by_verdict = notes_by_verdict(notes, verdicts)
    return {
        "schema": REPORT_SCHEMA,
        "generated": generated,
        "reference": analysis.reference,
        "reading": similarity_reading(analysis.alignment),
        "alignment": alignment_document(analysis.alignment, analysis if collation else None),
        "facts": facts,
        "notes": {
            "verdicts": list(dict.fromkeys([*verdicts, *(n.verdict for n in notes)])),
            "notes": [note_to_dict(n, analysis.alignment) for _, ns in by_verdict for n in ns],
            "orphaned": [note_to_dict(n, analysis.alignment) for n in notes if n.orphaned],
        },
    }


def to_json(
    analysis: Analysis,
    notes: Sequence[ReportNote] = (),
    *,
    verdicts: Sequence[str] = (),
    collation: bool = True,
    generated: str | None = None,
) -> str:
    """The JSON report as text (UTF-8, indented, stable key order); see report_document()."""
    document = report_document(
        analysis, notes, verdicts=verdicts, collation=collation, generated=generated
    )
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def render(
    fmt: str,
    analysis: Analysis,
    notes: Sequence[ReportNote] = (),
    *,
    verdicts: Sequence[str] = (),
    collation: bool = True,
    generated: str | None = None,
) -> str:
    """The report in one of FORMATS ("md", "html", "json")."""
    renderers = {"md": to_markdown, "html": to_html, "json": to_json}
    if fmt not in renderers:
        raise ValueError(f"unknown report format {fmt!r} (have: {', '.join(FORMATS)})")
    return renderers[fmt](
        analysis, notes, verdicts=verdicts, collation=collation, generated=generated
    )
