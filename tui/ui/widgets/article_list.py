"""Provides ArticleList: the sidebar with one entry per version.

Each entry shows the title, outlet, date, number of sentences, the share matched with the
reference, the unique sentences and the conflicts. The reference is marked ★ and the version
on the right ▶. Enter (or a click) shows the highlighted version on the right; `r` makes it the
reference. The list only posts messages: the screen decides what happens.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.strip import Strip
from textual.style import Style
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.core.analysis import Analysis
from tui.core.load.article import Article
from tui.ui.render import article_stats, share

TEXT_WIDTH = 34
"""Characters of title shown per entry."""


TITLE_LINES = 3
"""Lines a title may wrap onto before it is cut."""


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def title_lines(article: Article) -> list[str]:
    """The entry's title, wrapped at words onto at most TITLE_LINES lines of TEXT_WIDTH; the
    first line of the text (often the headline) or the file name when there is no title."""
    return textwrap.wrap(article.heading, TEXT_WIDTH, max_lines=TITLE_LINES, placeholder=" …") or [
        ""
    ]


class ArticleList(OptionList):
    """The versions, with their counts; reference and right version marked."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("r", "make_reference", "Ref"),
        Binding("escape", "leave", "Back", show=False),
    ]

    _cache_width: int | None = None
    """Content width OptionList's line and render caches were built for."""

    # OptionList clears its caches (and draws again) on every Resize, which comes after the
    # first frame that already drew the entries at that width. The caches here drop themselves
    # when the width they were built for changes, so a Resize at the same width keeps them.
    def _check_cache_width(self) -> None:
        width = self.scrollable_content_region.width
        if width != self._cache_width:
            self._cache_width = width
            self._option_render_cache.clear()
            self._line_cache.clear()

    def _update_lines(self) -> None:
        self._check_cache_width()
        super()._update_lines()

    def _get_option_render(self, option: Option, style: Style) -> list[Strip]:
        self._check_cache_width()
        return super()._get_option_render(option, style)

    def _on_resize(self, event: events.Resize) -> None:  # type: ignore[override]
        event.prevent_default()  # instead of OptionList's handler, which always clears
        if self.scrollable_content_region.width != self._cache_width:
            self._clear_caches()

    class Picked(Message):
        """The user chose a version for the right column."""

        def __init__(self, article: str) -> None:
            super().__init__()
            self.article = article
            """Id of the chosen version."""

    class ReferenceRequested(Message):
        """The user asked to make a version the reference."""

        def __init__(self, article: str) -> None:
            super().__init__()
            self.article = article
            """Id of the version."""

    def show_articles(
        self,
        articles: Sequence[Article],
        analysis: Analysis | None,
        reference: str | None,
        right: str | None,
    ) -> None:
        """Rebuild the entries (keeps the highlight on the same version)."""
        highlighted = self.highlighted
        options = []
        for article in articles:
            stats = article_stats(analysis, article)
            mark = "★" if article.id == reference else ("▶" if article.id == right else " ")
            text = Text()
            text.append(f"{mark} {article.id}", "bold")
            if article.named_outlet:
                text.append(f" · {_cut(article.named_outlet, TEXT_WIDTH - len(article.id) - 5)}")
            for line in title_lines(article):
                text.append(f"\n  {line}", "" if article.title else "italic")
            text.append(f"\n  {article.date or 'no date'} · {stats.sentences} sentences")
            if analysis is not None:
                if article.id == reference:
                    matched = "reference"
                else:
                    matched = f"{share(stats.matched)} matched"
                s = "s" if stats.conflicts != 1 else ""
                text.append(
                    f"\n  {matched} · {stats.uniques} unique · {stats.conflicts} conflict{s}"
                )
            options.append(Option(text, id=article.id))
        self.set_options(options)
        ids = [a.id for a in articles]
        if highlighted is None and right in ids:
            highlighted = ids.index(right)
        if highlighted is not None and highlighted < len(options):
            self.highlighted = highlighted

    class Left(Message):
        """The user pressed escape in the list (back to reading)."""

    def action_leave(self) -> None:
        """Back to the compare view."""
        self.post_message(self.Left())

    def _highlighted_id(self) -> str | None:
        option = self.highlighted_option
        return option.id if option is not None else None

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(self.Picked(event.option.id))

    def action_make_reference(self) -> None:
        """Make the highlighted version the reference."""
        article = self._highlighted_id()
        if article is not None:
            self.post_message(self.ReferenceRequested(article))
