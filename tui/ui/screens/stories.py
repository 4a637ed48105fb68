"""Provides StoriesScreen: the story list of a corpus output folder (`sidebyside DIR`).

One line per story of `DIR/index.json`, in the index's ranking; enter posts
`StoriesScreen.Opened` with the story's member files (the app opens them in Compare): the
index's `files`, where a JSON Lines record is the copy of its text in the story's folder.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList
from textual.widgets.option_list import Option


class StoriesScreen(Screen[None]):
    """The corpus's stories, most worth checking first."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("q", "app.quit", "quit")]

    @dataclass
    class Opened(Message):
        """The user chose a story."""

        story: str
        """The story id."""
        paths: list[str]
        """Files of its members the app can load (a JSON Lines member's copy in the story)."""

    def __init__(self, index: dict[str, Any]) -> None:
        super().__init__()
        self.index = index
        """The corpus index document (index.json)."""

    def compose(self) -> ComposeResult:
        yield Header()
        options = []
        for story in self.index.get("stories", []):
            dates = story.get("dates") or []
            label = (
                f"{story.get('conflicts', 0):>2}! {len(story['articles']):>3} versions  "
                f"{(story.get('title') or story['id'])[:70]}  "
                f"{', '.join((story.get('outlets') or [])[:3])} {dates[0] if dates else ''}"
            )
            options.append(Option(label, id=story["id"]))
        yield OptionList(*options, id="stories")
        yield Footer()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        story = next(s for s in self.index["stories"] if s["id"] == event.option.id)
        self.post_message(self.Opened(story["id"], list(story.get("files") or story["articles"])))
