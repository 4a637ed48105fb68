"""Provides DetailScreen: every version's sentence(s) of one group, stacked, with facts.

Each version is diffed inline against the reference (deleted words struck, inserted words
underlined), followed by the page junk the loader set aside there (dimmed) and its facts; the
group's discrepancies are listed with every variant, then the group's notes.
"""

from __future__ import annotations

from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from tui.core.analysis import Analysis
from tui.core.report.model import moved_note, related_of
from tui.ui.host import NotesHost
from tui.ui.page_junk import junk_line, junk_near
from tui.ui.render import (
    ROLES,
    SEVERITY_MARK,
    article_label,
    detail_text,
    facts_of,
    group_discrepancies,
    styles_from,
)


class DetailScreen(Screen[None]):
    """One group in full: all versions, diffs, facts and discrepancies."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,d", "close", "Back"),
        Binding("j,down", "scroll_down", "Down", show=False),
        Binding("k,up", "scroll_up", "Up", show=False),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {f"compare--{role}" for role in ROLES}

    def __init__(self, analysis: Analysis, group: int, show_trivial: bool = True) -> None:
        super().__init__()
        self.analysis = analysis
        """The analysis shown."""
        self.group = group
        """The group id shown."""
        self.show_trivial = show_trivial
        """Trivial changes muted (True) or plain."""

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="detail"):
            yield Static(id="detail-title", classes="detail-title")
            yield Static(id="detail-body")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#detail-body", Static).update(self.body())
        group = self.analysis.alignment.groups[self.group]
        title = f"Group {self.group + 1} of {len(self.analysis.alignment.groups)} · {group.kind}"
        self.query_one("#detail-title", Static).update(title)
        self.query_one(VerticalScroll).focus()

    def body(self) -> Text:
        """The whole detail as one Text."""
        analysis = self.analysis
        group = analysis.alignment.groups[self.group]
        lookup = {r: self.get_component_rich_style(f"compare--{r}", partial=True) for r in ROLES}
        style_for = styles_from(lookup)
        out = Text()
        for article in analysis.articles:
            slot = group.slot(article.id)
            mark = "★ " if article.id == analysis.reference else "  "
            where = (
                "sentence" + ("s " if len(slot) > 1 else " ") + "+".join(str(i + 1) for i in slot)
                if slot
                else "absent"
            )
            out.append(f"{mark}{article_label(article)}", "bold")
            moved = moved_note(analysis.alignment, group, article.id)
            out.append(f" · {where}{f' · ↕ {moved}' if moved else ''}\n", style_for("label"))
            if slot:
                out.append_text(detail_text(analysis, group, article, style_for, self.show_trivial))
                out.append("\n")
                for junk in junk_near(article, slot):  # README: junk shows dimmed in Detail
                    out.append(junk_line(junk) + "\n", style_for("label") + Style(dim=True))
                facts = facts_of(analysis, group, article.id)
                if facts:
                    out.append("facts: " + " · ".join(facts) + "\n", style_for("label"))
            out.append("\n")
        related = related_of(analysis.alignment, group)
        if related:  # sentences of other groups that probably report the same thing
            out.append("Also related (in other groups)\n", "bold underline")
            for here, there, other, score in related:
                text = analysis.alignment.article(there.article).sentences[there.sentence].text
                text = text if len(text) <= 90 else text[:89] + "…"
                ends = (
                    f"{here.article} s{here.sentence + 1} ~ {there.article} s{there.sentence + 1}"
                )
                out.append(f"  {ends} (group {other + 1}, p {score:.2f}): {text}\n")
            out.append("\n")
        discrepancies = group_discrepancies(analysis).get(self.group, ())
        out.append("Discrepancies\n", "bold underline")
        if not discrepancies:
            out.append("  none found in this group\n", style_for("label"))
        for d in discrepancies:
            role = "conflict" if d.severity == "conflict" else "discrepancy"
            mark = SEVERITY_MARK.get(d.severity, "~")
            out.append(f"{mark} {d.id} {d.severity} · {d.kind}: {d.summary}\n", style_for(role))
            for v in d.variants:
                where = f"s{v.sentence + 1}" if v.sentence is not None else "—"
                said = f'"{v.text}"' if v.text else "(not stated)"
                out.append(f"    {v.article} {where}: {said}\n")
        for section in self.extra_sections():
            out.append("\n")
            out.append_text(section)
        return out

    def extra_sections(self) -> list[Text]:
        """More sections after the discrepancies: the group's notes (from the app's notes)."""
        app = self.app
        if not isinstance(app, NotesHost):
            return []
        note = self.get_component_rich_style("compare--note", partial=True)
        label = self.get_component_rich_style("compare--label", partial=True)
        return [app.note_section(self.group, note, label)]

    def action_scroll_down(self) -> None:
        """Scroll down."""
        self.query_one(VerticalScroll).scroll_down()

    def action_scroll_up(self) -> None:
        """Scroll up."""
        self.query_one(VerticalScroll).scroll_up()

    def action_close(self) -> None:
        """Back to Compare."""
        self.dismiss(None)
