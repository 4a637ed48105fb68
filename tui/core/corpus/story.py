"""Provides analyse_story(): one story's files through the same analysis as `sidebyside`.

Writes `DIR/stories/<id>/report.{json,md,html}` and `story.json` (members, provenance,
ranking figures, and `files`: what the app opens). A JSON Lines member has no file of its own,
so its text is written to `DIR/stories/<id>/articles/`. `story.json` is written last,
atomically: a story with it is done (resume).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from tui.core.corpus.inputs import Record, load_record, record_source
from tui.core.load.article import Article

NEAR_COPY = 0.8
"""Containment of one version's 5-word shingles in another's at which it is a near-copy."""


def story_id(keys: Sequence[str]) -> str:
    """A stable id from the member keys (so a re-run finds the same story done)."""
    return "s" + hashlib.sha1("\n".join(sorted(keys)).encode()).hexdigest()[:10]


def _shingles(article: Article) -> set[str]:
    words = re.findall(r"\w+", " ".join(s.text for s in article.sentences).lower())
    return {" ".join(words[i : i + 5]) for i in range(max(1, len(words) - 4))}


def provenance(articles: Sequence[Article]) -> dict[str, Any]:
    """The earliest version and which versions are near-copies of which (containment both ways)."""
    dated = [a for a in articles if a.date]
    earliest = min(dated, key=lambda a: (a.date or "", a.id)).id if dated else None
    sh = {a.id: _shingles(a) for a in articles}
    pairs = []
    for i, a in enumerate(articles):
        for b in articles[i + 1 :]:
            inter = len(sh[a.id] & sh[b.id])
            a_in_b = inter / max(1, len(sh[a.id]))
            b_in_a = inter / max(1, len(sh[b.id]))
            if max(a_in_b, b_in_a) >= NEAR_COPY:
                pairs.append(
                    {"a": a.id, "b": b.id, "a_in_b": round(a_in_b, 3), "b_in_a": round(b_in_a, 3)}
                )
    return {"earliest": earliest, "near_copies": pairs}


def is_done(out: Path, sid: str) -> bool:
    """True when the story's outputs are complete (story.json exists)."""
    return (out / "stories" / sid / "story.json").is_file()


def analyse_story(records: Sequence[Record], out: str) -> dict[str, Any]:
    """Analyse one story and write its outputs; returns its story.json document.

    Args:
        records: the member articles (two or more).
        out: the corpus output folder.

    Returns:
        The story summary (also written to `stories/<id>/story.json`).
    """
    from tui.core.analysis import analyze
    from tui.core.report.writer import render

    sid = story_id([r.key for r in records])
    folder = Path(out) / "stories" / sid
    if is_done(Path(out), sid):
        doc: dict[str, Any] = json.loads((folder / "story.json").read_text("utf-8"))
        return doc
    articles = sorted((load_record(r) for r in records), key=lambda a: (a.date or "9", a.id))
    analysis = analyze(articles)
    folder.mkdir(parents=True, exist_ok=True)
    by_key = {r.key: r for r in records}
    files = [member_file(by_key[a.id], folder, n) for n, a in enumerate(articles, 1)]
    for fmt in ("json", "md", "html"):
        _write(folder / f"report.{fmt}", render(fmt, analysis))
    severities = [d.severity for d in analysis.discrepancies]
    unique = sum(1 for g in analysis.alignment.groups if len(g.articles) == 1)
    doc = {
        "id": sid,
        "title": articles[0].title,
        "articles": [
            {"key": a.id, "title": a.title, "outlet": a.outlet, "date": a.date} for a in articles
        ],
        "outlets": sorted({a.outlet for a in articles if a.outlet and a.outlet != a.id}),
        "dates": sorted({a.date for a in articles if a.date}),
        "conflicts": severities.count("conflict"),
        "discrepancies": len(severities),
        "unique_passages": unique,
        "provenance": provenance(articles),
        "files": files,
    }
    _write(folder / "story.json", json.dumps(doc, indent=2, ensure_ascii=False) + "\n")
    return doc


def member_file(record: Record, folder: Path, n: int) -> str:
    """A file the app can open for one member: its own, or a copy of a JSON Lines record's text.

    Returns:
        An absolute path (the app may be started from another folder).
    """
    if record.line < 0:
        return str(Path(record.path).resolve())
    body, fmt = record_source(record)
    name = re.sub(r"[^\w.-]+", "_", record.key.rsplit("#", 1)[-1])[:60]
    path = folder / "articles" / f"{n:03d}-{name}.{fmt}"
    path.parent.mkdir(exist_ok=True)
    _write(path, body)
    return str(path.resolve())


def _write(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)
