"""Shared by the report tests: the seeds' analysis with notes, and small HTML/Markdown readers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from html.parser import HTMLParser

from markdown_it import MarkdownIt

from tui.core.analysis import Analysis, analyze
from tui.core.load.collection import load_collection
from tui.core.notes.anchor import Anchor, anchor_group
from tui.core.notes.model import Note
from tui.core.notes.placement import locate
from tui.core.notes.sidecar import Sidecar
from tui.core.report.writer import ReportNote, report_notes
from tui.resources import seed_paths

HOSTILE = "Check <script>alert(1)</script> | a `code` span, *stars*\n  - and [a](http://x) &amp;"
"""A note text that would break HTML, a Markdown table, a code span, emphasis or a list."""

VOID = frozenset({"meta", "br", "link", "img", "hr", "input", "wbr", "source"})


@dataclass
class Node:
    """An element of a parsed HTML document."""

    tag: str
    attrs: dict[str, str]
    children: list[Node | str] = field(default_factory=list)

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def find_all(self, tag: str | None = None, **attrs: str) -> list[Node]:
        found = []
        for c in self.children:
            if isinstance(c, Node):
                if (tag is None or c.tag == tag) and all(
                    c.attrs.get(k.rstrip("_").replace("_", "-")) == v for k, v in attrs.items()
                ):
                    found.append(c)
                found += c.find_all(tag, **attrs)
        return found

    def has_class(self, name: str) -> bool:
        return name in self.attrs.get("class", "").split()


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse_html(text: str) -> Node:
    """Parse an HTML document into a Node tree."""
    builder = _TreeBuilder()
    builder.feed(text)
    builder.close()
    return builder.root


def markdown_to_html(text: str) -> str:
    """Render Markdown the way GitHub does for what the report uses (tables, strikethrough)."""
    return MarkdownIt("commonmark").enable("table").enable("strikethrough").render(text)


@cache
def seed_analysis() -> Analysis:
    """The analysis of the five bundled seeds, reference 000."""
    return analyze(load_collection([str(p) for p in seed_paths()]).articles)


def seed_sidecar(analysis: Analysis) -> Sidecar:
    """Three notes on the seeds, as the notes store saves them.

    n1 (disputed, hostile text) on the first group shared by three or more versions, with one
    anchor's offsets off so it resolves as moved; n2 (supported) on the last such group; n3
    (false) quoting text that is in no version, so it is orphaned.
    """
    shared = [g for g in analysis.alignment.groups if len(g.articles) >= 3]
    first, second = shared[0], shared[-1]
    n1_anchors = list(anchor_group(analysis.articles, first))
    last = n1_anchors[-1]
    n1_anchors[-1] = replace(last, start=last.start + 7, end=last.end + 7)
    ref = analysis.alignment.article(analysis.reference)
    lost = Anchor(ref.id, ref.sha256, "a sentence that no longer exists", "", "", 10, 42)
    stamp = "2025-06-18T10:00:00Z"

    def note(nid: str, verdict: str, text: str, anchors: Sequence[Anchor], *tags: str) -> Note:
        return Note(nid, stamp, stamp, "tester", verdict, text, tags, tuple(anchors))

    return Sidecar(
        notes=(
            note("n1", "disputed", HOSTILE, n1_anchors, "numbers", "a|b"),
            note(
                "n2",
                "supported",
                "Matches the agency wire.",
                anchor_group(analysis.articles, second),
            ),
            note("n3", "false", "The claim this was about is gone.", [lost]),
        )
    )


def seed_notes(analysis: Analysis) -> tuple[ReportNote, ...]:
    """The seed sidecar's notes, located in the seeds and turned into report notes."""
    notes = seed_sidecar(analysis).notes
    return report_notes(locate(notes, analysis.articles), analysis.articles)
