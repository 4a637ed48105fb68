"""Shared by the report tests: the seeds' analysis with notes, and small HTML/Markdown readers."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from html.parser import HTMLParser

from markdown_it import MarkdownIt

from tui.core.analysis import Analysis, analyze
from tui.core.collection import load_collection
from tui.core.report import NotePlace, ReportNote
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


def seed_notes(analysis: Analysis) -> tuple[ReportNote, ...]:
    """Three notes on the seeds: two on groups present in several versions, one orphaned."""
    shared = [g for g in analysis.alignment.groups if len(g.articles) >= 3]
    first, second = shared[0], shared[-1]

    def places(group_id: int, moved: str | None = None) -> tuple[NotePlace, ...]:
        group = analysis.alignment.groups[group_id]
        out = []
        for art in analysis.articles:
            slot = group.slot(art.id)
            if slot:
                status = "moved" if art.id == moved else "anchored"
                out.append(NotePlace(art.id, status, slot[0], art.sentences[slot[0]].text[:40]))
        return tuple(out)

    first_places = places(first.id, moved=first.articles[-1])
    return (
        ReportNote(
            "n1", "disputed", HOSTILE, first_places[0].quote, first_places, ("numbers", "a|b")
        ),
        ReportNote("n2", "supported", "Matches the agency wire.", "x", places(second.id)),
        ReportNote(
            "n3",
            "false",
            "The claim this was about is gone.",
            "a sentence that no longer exists",
            (NotePlace(analysis.reference, "orphaned", None, "a sentence that no longer exists"),),
        ),
    )
