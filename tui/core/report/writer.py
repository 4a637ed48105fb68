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

from collections.abc import Sequence
from typing import Any

from tui.core.align.aligner import Alignment
from tui.core.analysis import Analysis
from tui.core.notes.sidecar import SidecarLocation
from tui.core.report.html import html_diff, to_html
from tui.core.report.markdown import md_diff, md_escape, to_markdown
from tui.core.report.model import (
    NOTE_STATUSES,
    SECTION_TITLES,
    NotePlace,
    ReportNote,
    note_groups,
    notes_by_verdict,
    ordered_discrepancies,
    report_notes,
    share_matched,
    similarity_reading,
    unique_passages,
)
from tui.core.report.serialize import (
    alignment_document,
    dumps_json,
    facts_document,
    notelist_document,
)

__all__ = [
    "FORMATS",
    "NOTE_STATUSES",
    "REPORT_SCHEMA",
    "SECTION_TITLES",
    "NotePlace",
    "ReportNote",
    "html_diff",
    "md_diff",
    "md_escape",
    "note_groups",
    "note_to_dict",
    "notes_by_verdict",
    "ordered_discrepancies",
    "render",
    "report_document",
    "report_notes",
    "share_matched",
    "similarity_reading",
    "to_html",
    "to_json",
    "to_markdown",
]

REPORT_SCHEMA = "sidebyside.report/1"
"""Schema id of the JSON report."""

FORMATS = ("md", "html", "json")
"""Report formats, as `--format` spells them."""


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
    sidecar: SidecarLocation | None = None,
) -> dict[str, Any]:
    """The JSON report: the `align`, `facts` and `notes` documents plus the report's reading.

    Args:
        analysis: the analysis of the versions.
        notes: the notes, resolved against these versions (report_notes()).
        verdicts: the sidecar's verdict labels, in their configured order.
        collation: include the groups' word diffs in the alignment part.
        generated: a stamp to record; None records null.
        sidecar: where the notes came from (recorded in the notes part).

    Returns:
        {"schema": "sidebyside.report/1", "generated", "reference", "reading", "alignment"
        (as `align --json`), "facts" (as `facts --json`, discrepancies in report order),
        "notes" (as `notes --json`), "review" (notes by verdict with their places, orphans,
        and "unique": the passages one version alone tells, 0-based like all JSON)}.
    """
    order = {d.id: n for n, d in enumerate(ordered_discrepancies(analysis))}
    facts = facts_document(analysis)
    facts["discrepancies"].sort(key=lambda d: order.get(d["id"], len(order)))
    notes_part = notelist_document((), verdicts, sidecar)
    notes_part["notes"] = [
        dict(n.record) if n.record is not None else note_to_dict(n, analysis.alignment)
        for n in notes
    ]
    return {
        "schema": REPORT_SCHEMA,
        "generated": generated,
        "reference": analysis.reference,
        "reading": similarity_reading(analysis.alignment),
        "alignment": alignment_document(analysis.alignment, analysis if collation else None),
        "facts": facts,
        "notes": notes_part,
        "review": {
            "by_verdict": [
                {"verdict": v, "notes": [note_to_dict(n, analysis.alignment) for n in ns]}
                for v, ns in notes_by_verdict(notes, verdicts)
            ],
            "orphaned": [note_to_dict(n, analysis.alignment) for n in notes if n.orphaned],
            "unique": [
                {"article": art, "group": p.group, "sentences": list(p.sentences), "text": p.text}
                for art, passages in unique_passages(analysis)
                for p in passages
            ],
        },
    }


def to_json(
    analysis: Analysis,
    notes: Sequence[ReportNote] = (),
    *,
    verdicts: Sequence[str] = (),
    collation: bool = True,
    generated: str | None = None,
    sidecar: SidecarLocation | None = None,
) -> str:
    """The JSON report as text (UTF-8, indented, stable key order); see report_document()."""
    document = report_document(
        analysis,
        notes,
        verdicts=verdicts,
        collation=collation,
        generated=generated,
        sidecar=sidecar,
    )
    return dumps_json(document)


def render(
    fmt: str,
    analysis: Analysis,
    notes: Sequence[ReportNote] = (),
    *,
    verdicts: Sequence[str] = (),
    collation: bool = True,
    generated: str | None = None,
    sidecar: SidecarLocation | None = None,
) -> str:
    """The report in one of FORMATS ("md", "html", "json"); see to_markdown() for the arguments.

    `sidecar` (where the notes came from) is recorded in the JSON report only.
    """
    if fmt == "json":
        return to_json(
            analysis,
            notes,
            verdicts=verdicts,
            collation=collation,
            generated=generated,
            sidecar=sidecar,
        )
    renderers = {"md": to_markdown, "html": to_html}
    if fmt not in renderers:
        raise ValueError(f"unknown report format {fmt!r} (have: {', '.join(FORMATS)})")
    return renderers[fmt](
        analysis, notes, verdicts=verdicts, collation=collation, generated=generated
    )
