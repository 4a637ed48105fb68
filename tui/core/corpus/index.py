"""Provides write_index(): `index.json` and `index.md` of a corpus run, stories ranked.

Ranked by what a fact-checker should look at first: conflicts, then versions, outlets and
unique content.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any


def rank(stories: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Stories most worth checking first."""
    return sorted(
        stories,
        key=lambda s: (
            -s["conflicts"],
            -len(s["articles"]),
            -len(s["outlets"]),
            -s["unique_passages"],
            s["id"],
        ),
    )


def write_index(
    out: Path,
    stories: Sequence[dict[str, Any]],
    failed: Sequence[str],
    duplicates: Mapping[str, Sequence[str]],
    articles: int,
) -> dict[str, Any]:
    """Write index.json and index.md into out; returns the index document."""
    ranked = rank(stories)
    doc = {
        "schema": "sidebyside.corpus/1",
        "articles": articles,
        "stories": [
            {
                "id": s["id"],
                "title": s["title"],
                "articles": [a["key"] for a in s["articles"]],
                "outlets": s["outlets"],
                "dates": s["dates"],
                "conflicts": s["conflicts"],
                "discrepancies": s["discrepancies"],
                "unique_passages": s["unique_passages"],
                "path": f"stories/{s['id']}",
                "files": s.get("files", []),
            }
            for s in ranked
        ],
        "duplicates": {k: list(v) for k, v in sorted(duplicates.items())},
        "failed": list(failed),
    }
    (out / "index.json").write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n", "utf-8")
    lines = [
        "# Corpus index",
        "",
        f"{articles} articles · {len(ranked)} stories · {len(failed)} failed",
        "",
        "| # | story | versions | outlets | dates | conflicts | discrepancies | unique |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for n, s in enumerate(ranked, 1):
        title = (s["title"] or s["id"]).replace("|", "\\|")
        lines.append(
            f"| {n} | [{title}](stories/{s['id']}/report.md) | {len(s['articles'])} | "
            f"{', '.join(s['outlets'][:5])} | {' – '.join(s['dates'][:1] + s['dates'][-1:])} | "
            f"{s['conflicts']} | {s['discrepancies']} | {s['unique_passages']} |"
        )
    (out / "index.md").write_text("\n".join(lines) + "\n", "utf-8")
    return doc
