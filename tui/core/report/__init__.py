"""Provides the report stage: the review written out.

The report model and its Markdown, HTML and JSON writers, and the JSON documents of the
CLI commands. It sits on top: it may use every other stage and the analysis.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.core._lazy import lazy_exports

if TYPE_CHECKING:
    from tui.core.report.links import link_url
    from tui.core.report.serialize import (
        alignment_document,
        articles_document,
        diff_document,
        facts_document,
        notelist_document,
    )
    from tui.core.report.writer import (
        FORMATS,
        REPORT_SCHEMA,
        render,
        report_document,
    )

_HOMES = {
    "FORMATS": "writer",
    "REPORT_SCHEMA": "writer",
    "render": "writer",
    "report_document": "writer",
    "alignment_document": "serialize",
    "articles_document": "serialize",
    "diff_document": "serialize",
    "facts_document": "serialize",
    "notelist_document": "serialize",
    "link_url": "links",
}

__all__ = [
    "FORMATS",
    "REPORT_SCHEMA",
    "alignment_document",
    "articles_document",
    "diff_document",
    "facts_document",
    "link_url",
    "notelist_document",
    "render",
    "report_document",
]


__getattr__ = lazy_exports(__name__, _HOMES)
