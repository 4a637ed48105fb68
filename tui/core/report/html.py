"""Provides to_html(): the review report as one self-contained HTML file.

A small embedded stylesheet (light and dark), no script and no external asset, so the file
opens anywhere with no network. All article and note text is escaped. Each version's slot in
the collation is a `<p class="slot" data-article=...>` inside `<div class="group"
data-group=...>`, with `<del>`/`<ins>` classed by change (trivial/substantive and sub-kind).
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

from tui.core.align.aligner import Group
from tui.core.analysis import Analysis, slot_text
from tui.core.compare.diff import Op
from tui.core.compare.discrepancy import SEVERITIES, Variant
from tui.core.numbering import group_label, sentence_label
from tui.core.report.links import link_url
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
    sentence_groups,
    share_matched,
    similarity_reading,
    summary_line,
    unique_passages,
)

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
        target = link_url(a.url)  # only http(s) becomes a link; javascript: etc. stay text
        url = f'<a href="{_h(target)}">{_h(target)}</a>' if target else _h(a.url or "") or "-"
        rows.append(
            [
                _td(ident),
                _td(_h(a.title) or "-"),
                _td(_h(a.outlet) or "-"),
                _td(_h(a.date or "") or "-"),
                _td(url),
                _td(_h(length_label(a))),
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
            + [_td("—" if r == c else percent(share_matched(al, r, c)), "num") for c in ids]
            for r in ids
        ]
        out.append(_html_table(["", *(_h(i) for i in ids)], matrix, "similarity"))
    out.append(f'<p class="reading">{_h(similarity_reading(al))}</p></section>')
    return out


def _html_quote(text: str) -> str:
    return f"“{_h(text)}”" if text else '<span class="muted">(not stated)</span>'


def _sentence_link(index: dict[tuple[str, int], int], v: Variant) -> str:
    """A variant's sentence ref, linked to its group in the collation when it has one."""
    if v.sentence is None:
        return "-"
    gid = index.get((v.article, v.sentence))
    label = sentence_label([v.sentence])
    return f'<a href="#g{gid}">{label}</a>' if gid is not None else label


def _html_discrepancies(analysis: Analysis, linked: bool) -> list[str]:
    out = [f'<section id="discrepancies"><h2>{SECTION_TITLES["discrepancies"]}</h2>']
    ordered = ordered_discrepancies(analysis)
    index = sentence_groups(analysis.alignment) if linked else {}
    if not ordered:
        out.append("<p>No discrepancies found.</p>")
    for severity in [*SEVERITIES, *sorted({d.severity for d in ordered} - set(SEVERITIES))]:
        these = [d for d in ordered if d.severity == severity]
        if not these:
            continue
        title = _h(SEVERITY_TITLES.get(severity, severity.title()))
        out.append(f'<h3 class="sev-{_h(severity)}">{title} ({len(these)})</h3>')
        for d in these:
            where = f" · group {group_label(d.group)}" if d.group is not None else ""
            out.append(
                f'<div class="discrepancy" id="{_h(d.id)}" data-severity="{_h(d.severity)}">'
                f"<h4>{_h(d.id)} · {_h(d.kind)}{where}</h4><p>{_h(d.summary)}</p>"
            )
            header = [_h(v.article) for v in d.variants]
            arts = [analysis.alignment.article(v.article) for v in d.variants]
            says = [_td(_html_quote(v.text)) for v in d.variants]
            refs = [_td(_sentence_link(index, v), "where") for v in d.variants]
            context = []
            for a, v in zip(arts, d.variants, strict=True):
                before, words, after = context_parts(a, v)
                marked = f"<mark>{_h(words)}</mark>" if words else ""
                context.append(_td(_h(before) + marked + _h(after)))
            rows = [["<th>Says</th>", *says], ["<th>Sentence</th>", *refs]]
            rows.append(["<th>In context</th>", *context])
            out.append(_html_table(["", *header], rows, "variants") + "</div>")
    found = unique_passages(analysis)
    total = sum(len(p) for _, p in found)
    out.append(f'<h3 id="unique">{UNIQUE_TITLE} ({total})</h3>')
    if not found:
        out.append("<p>Every passage is in at least two versions.</p>")
    for art, passages in found:
        out.append(
            f'<h4>{_h(art)} ({len(passages)})</h4><ul class="unique" data-article="{_h(art)}">'
        )
        for p in passages:
            where = f"{sentence_label(p.sentences)} · group {group_label(p.group)}"
            link = f'<a href="#g{p.group}">{where}</a>' if linked else where
            out.append(f"<li>{link}: {_h(p.text)}</li>")
        out.append("</ul>")
    out.append("</section>")
    return out


def _html_note(analysis: Analysis, note: ReportNote, linked: bool) -> str:
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
        shown = (
            f'<a href="#g{g}">{group_label(g)}</a>' if linked else group_label(g) for g in groups
        )
        meta.append("Groups: " + ", ".join(shown))
    if meta:
        parts.append(f'<p class="muted">{" · ".join(meta)}</p>')
    parts.append(f'<p>Quote: <q class="stored">{_h(note.quote)}</q></p>')
    if note.places:
        rows = [
            [
                _td(_h(p.article)),
                _td(_h(p.status), f"status-{_h(p.status)}"),
                _td(place_where(p), "where"),
                _td(_html_quote(p.quote)),
            ]
            for p in note.places
        ]
        parts.append(_html_table(["Version", "Status", "Sentence", "Text there"], rows, "places"))
    parts.append("</div>")
    return "".join(parts)


def _html_notes(
    analysis: Analysis, notes: Sequence[ReportNote], verdicts: Sequence[str], linked: bool
) -> list[str]:
    out = [f'<section id="notes"><h2>{SECTION_TITLES["notes"]}</h2>']
    if not notes:
        out.append("<p>No notes.</p>")
    for verdict, these in notes_by_verdict(notes, verdicts):
        out.append(f'<h3 class="verdict">{_h(verdict)} ({len(these)})</h3>')
        out += [_html_note(analysis, n, linked) for n in these]
    orphans = [n for n in notes if n.orphaned]
    if orphans:
        out.append(f'<h3 id="orphaned">Orphaned notes ({len(orphans)})</h3>')
        out.append(
            '<p class="muted">Their text changed so much that they are found in no version; '
            "stored quote shown.</p>"
        )
        out += [_html_note(analysis, n, linked) for n in orphans]
    out.append("</section>")
    return out


def _html_group(
    analysis: Analysis,
    group: Group,
    notes_here: Sequence[ReportNote],
    related: Sequence[Related] = (),
) -> str:
    al = analysis.alignment
    present = group.articles
    unique = len(present) == 1
    parts = [
        f'<div class="group" id="g{group.id}" data-group="{group.id}" '
        f'data-kind="{_h(group.kind)}">',
        f"<h4>Group {group_label(group.id)} · {_h(group.kind)}{_h(moved_heading(group))}</h4>",
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
        if moved_note(al, group, art.id):
            note += f' <em class="moved">{_h(moved_note(al, group, art.id))}</em>'
        cls = "slot unique" if unique else "slot"
        parts.append(
            f'<p class="{cls}" data-article="{_h(art.id)}"><span class="id">{_h(art.id)}</span> '
            f'<span class="where">{sentence_label(slot)}{role}</span>{note}: '
            f'<span class="text">{body}</span></p>'
        )
    absent = [a.id for a in al.articles if a.id not in present]
    if absent and not unique:
        parts.append(f'<p class="muted absent">absent from {_h(", ".join(absent))}</p>')
    if related:
        parts.append(f'<p class="muted related">{_h(related_text(related))}</p>')
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
    by_group = group_notes(analysis.alignment, notes)
    related = related_by_group(analysis.alignment)
    out += [
        _html_group(analysis, g, by_group.get(g.id, ()), related.get(g.id, ()))
        for g in analysis.alignment.groups
    ]
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
    title = _h(f"Review report: {report_title(analysis)}")
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{title}</title><style>{_STYLE}</style></head><body>",
        f"<header><h1>{title}</h1>",
    ]
    if generated:
        out.append(f'<p class="muted generated">Generated {_h(generated)}</p>')
    out.append(f'<p class="summary">{_h(summary_line(analysis, notes))}</p>')
    toc = [k for k in SECTION_TITLES if collation or k != "collation"]
    out.append(
        "<nav><ul>"
        + "".join(f'<li><a href="#{k}">{SECTION_TITLES[k]}</a></li>' for k in toc)
        + "</ul></nav></header><main>"
    )
    out += _html_versions(analysis)
    out += _html_discrepancies(analysis, collation)
    out += _html_notes(analysis, notes, verdicts, collation)
    if collation:
        out += _html_collation(analysis, notes)
    out.append("</main></body></html>")
    return "\n".join(out) + "\n"
