"""Provides the JSON documents of the CLI (`--json`) and reports: plain dicts, stable keys.

Schemas are public (see README): add keys, never rename or remove them.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

import orjson

from tui.core.align.aligner import Alignment, Group, SentenceRef
from tui.core.analysis import Analysis
from tui.core.compare.diff import Op, count_changes
from tui.core.compare.discrepancy import Discrepancy, Variant
from tui.core.extract.fact import Fact
from tui.core.load.article import Article
from tui.core.notes.placement import LocatedNote
from tui.core.notes.sidecar import SidecarLocation

ARTICLES_SCHEMA = "sidebyside.articles/1"
ALIGNMENT_SCHEMA = "sidebyside.alignment/1"
FACTS_SCHEMA = "sidebyside.facts/1"
DIFF_SCHEMA = "sidebyside.diff/1"


def dumps_json(document: Any) -> str:
    """A JSON document as text: indented by two, UTF-8 as is, a final newline.

    The same text as `json.dumps(document, ensure_ascii=False, indent=2) + "\\n"`, through
    orjson (a C encoder, several times faster on big documents). What orjson refuses or writes
    differently (a float such as 1e16, a non-string key, an int beyond 64 bits, a lone
    surrogate) goes through json instead, so the bytes never depend on the encoder.
    """
    if not _plain(document):
        return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    try:
        return orjson.dumps(
            document, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE
        ).decode()
    except (TypeError, orjson.JSONEncodeError):
        return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _plain(value: Any) -> bool:
    """True when orjson writes `value` exactly as json does (no floats in exponent form)."""
    stack = [value]
    while stack:
        item = stack.pop()
        kind = type(item)
        if kind is dict:
            stack.extend(item.values())
        elif kind is list or kind is tuple:
            stack.extend(item)
        elif kind is float and (not (1e-4 <= abs(item) < 1e16 or item == 0.0) or item != item):
            return False
    return True


def article_to_dict(article: Article) -> dict[str, Any]:
    """One article object, as in `articles --json` and `align --json`."""
    return {
        "id": article.id,
        "path": article.path,
        "title": article.title,
        "outlet": article.outlet,
        "date": article.date,
        "url": article.url,
        "format": article.fmt,
        "sha256": article.sha256,
        "warnings": list(article.warnings),
        "words": article.words,
        "junk": [
            {"text": j.text, "start": j.start, "end": j.end, "reason": j.reason}
            for j in article.junk
        ],
        "paragraphs": [list(p) for p in article.paragraphs],
        "sentences": [
            {"index": s.index, "text": s.text, "start": s.start, "end": s.end}
            for s in article.sentences
        ],
    }


def articles_document(articles: tuple[Article, ...] | list[Article]) -> dict[str, Any]:
    """The `articles --json` document."""
    return {"schema": ARTICLES_SCHEMA, "articles": [article_to_dict(a) for a in articles]}


def ref_to_dict(ref: SentenceRef) -> dict[str, Any]:
    """A sentence reference: {"article", "sentence"}."""
    return {"article": ref.article, "sentence": ref.sentence}


def op_to_dict(op: Op) -> dict[str, Any]:
    """One diff op."""
    return {"op": op.kind, "text": op.text, "change": op.change, "subkind": op.subkind}


def group_to_dict(
    group: Group, analysis: Analysis | None = None, sizes: Mapping[str, int] | None = None
) -> dict[str, Any]:
    """One group of `align --json`; with an analysis, its diffs and discrepancy ids too.

    With `sizes` (sentences per article), each member also says where it stands in its own
    article (`position`: 0 at the first sentence, 1 at the last), so a moved passage shows
    where each version tells it.
    """
    members = [ref_to_dict(m) for m in group.members]
    if sizes is not None:
        for m, d in zip(group.members, members, strict=True):
            n = sizes.get(m.article, 0)
            d["position"] = round(m.sentence / (n - 1), 3) if n > 1 else 0.0
    out: dict[str, Any] = {
        "id": group.id,
        "kind": group.kind,
        "members": members,
        "moved": group.moved,
        "moved_in": list(group.moved_in),
        "links": [
            {"a": ref_to_dict(k.a), "b": ref_to_dict(k.b), "score": round(k.score, 4)}
            for k in group.links
        ],
    }
    if analysis is not None:
        out["diffs"] = [
            {"article": art, "ops": [op_to_dict(o) for o in analysis.diffs[(group.id, art)]]}
            for art in group.articles
            if (group.id, art) in analysis.diffs
        ]
        out["discrepancies"] = [d.id for d in analysis.discrepancies_of(group.id)]
    return out


def alignment_document(alignment: Alignment, analysis: Analysis | None = None) -> dict[str, Any]:
    """The `align --json` document."""
    sizes = {a.id: len(a.sentences) for a in alignment.articles}
    return {
        "schema": ALIGNMENT_SCHEMA,
        "reference": alignment.reference,
        "articles": [article_to_dict(a) for a in alignment.articles],
        "groups": [group_to_dict(g, analysis, sizes) for g in alignment.groups],
        "similarity": [
            {
                "a": s.a,
                "b": s.b,
                "matched_a": round(s.matched_a, 4),
                "matched_b": round(s.matched_b, 4),
                "words_a": round(s.words_a, 4),
                "words_b": round(s.words_b, 4),
                "mean_score": round(s.mean_score, 4),
            }
            for s in alignment.similarity
        ],
    }


def fact_to_dict(fact: Fact) -> dict[str, Any]:
    """One fact of `facts --json`."""
    return {
        "kind": fact.kind,
        "article": fact.article,
        "sentence": fact.sentence,
        "start": fact.start,
        "end": fact.end,
        "text": fact.text,
        "value": fact.value,
        "subject": fact.subject,
        "qualifier": fact.qualifier,
        "speaker": fact.speaker,
        "resolved": fact.resolved,
    }


def variant_to_dict(v: Variant) -> dict[str, Any]:
    """One variant of a discrepancy."""
    return {
        "article": v.article,
        "sentence": v.sentence,
        "start": v.start,
        "end": v.end,
        "text": v.text,
        "value": v.value,
    }


def discrepancy_to_dict(d: Discrepancy) -> dict[str, Any]:
    """One discrepancy of `facts --json`."""
    return {
        "id": d.id,
        "kind": d.kind,
        "severity": d.severity,
        "summary": d.summary,
        "group": d.group,
        "variants": [variant_to_dict(v) for v in d.variants],
    }


def facts_document(analysis: Analysis) -> dict[str, Any]:
    """The `facts --json` document."""
    return {
        "schema": FACTS_SCHEMA,
        "reference": analysis.reference,
        "facts": [fact_to_dict(f) for f in analysis.facts],
        "discrepancies": [discrepancy_to_dict(d) for d in analysis.discrepancies],
    }


def diff_document(analysis: Analysis) -> dict[str, Any]:
    """The `diff --json` document: each group's word diffs against the reference."""
    groups: list[dict[str, Any]] = []
    ref = analysis.alignment.article(analysis.reference)
    for group in analysis.alignment.groups:
        diffs = [
            (art, analysis.diffs[(group.id, art)])
            for art in group.articles
            if (group.id, art) in analysis.diffs
        ]
        if not diffs:
            continue
        groups.append(
            {
                "id": group.id,
                "kind": group.kind,
                "reference": {
                    "sentences": list(group.slot(ref.id)),
                    "text": " ".join(ref.sentences[i].text for i in group.slot(ref.id)),
                },
                "diffs": [
                    {
                        "article": art,
                        "sentences": list(group.slot(art)),
                        "counts": count_changes(ops),
                        "ops": [op_to_dict(o) for o in ops],
                    }
                    for art, ops in diffs
                ],
                "discrepancies": [d.id for d in analysis.discrepancies_of(group.id)],
            }
        )
    return {"schema": DIFF_SCHEMA, "reference": analysis.reference, "groups": groups}


NOTELIST_SCHEMA = "sidebyside.notelist/1"
"""Schema of `notes --json` (also the "notes" part of the JSON report)."""


def located_note_to_dict(item: LocatedNote) -> dict[str, Any]:
    """One note of `notes --json`: the sidecar object, its status, and each anchor resolved."""
    data = item.note.to_dict()
    data["status"] = item.status
    data["anchors"] = [
        {
            **p.anchor.to_dict(),
            "status": p.resolution.status,
            "found": {"start": p.resolution.start, "end": p.resolution.end}
            if p.resolution.found
            else None,
            "score": p.resolution.score,
            "method": p.resolution.method,
            "sentences": list(p.sentences),
            "loaded_as": p.article,
        }
        for p in item.placements
    ]
    return data


def notelist_document(
    located: Sequence[LocatedNote],
    verdicts: Sequence[str],
    location: SidecarLocation | None = None,
) -> dict[str, Any]:
    """The `notes --json` document: where the sidecar is, its verdicts, every note located."""
    return {
        "schema": NOTELIST_SCHEMA,
        "sidecar": None
        if location is None
        else {"path": str(location.path), "reason": location.reason, "fallback": location.fallback},
        "verdicts": list(verdicts),
        "notes": [located_note_to_dict(item) for item in located],
    }
