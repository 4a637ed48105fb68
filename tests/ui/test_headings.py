"""Headers and sidebar name every version: outlet when named, else its first line; titles wrap
instead of being cut (issue 16 item 5)."""

from __future__ import annotations

from pathlib import Path

from tests.ui.helpers import ready
from tui.core.load.articles import load_article
from tui.resources import seed_paths
from tui.ui.app import make_app
from tui.ui.render import header_label
from tui.ui.widgets.article_list import TEXT_WIDTH, title_lines


def _seed(prefix: str) -> str:
    return next(str(p) for p in seed_paths() if Path(p).name.startswith(prefix))


def test_an_article_without_title_is_called_by_its_first_line() -> None:
    untitled = load_article(_seed("002"))
    assert untitled.title == ""
    assert untitled.heading == untitled.sentences[0].text
    assert untitled.named_outlet == ""  # the outlet only fell back to the id
    label = header_label(untitled, "B ▶", "2/4")
    assert label.startswith("B ▶ 002 (2/4) · North Korea will deploy 1,000 military sappers")
    named = load_article(_seed("003"))
    assert header_label(named, "B ▶", "3/4") == "B ▶ 003 (3/4) News.Az"


def test_a_long_title_wraps_whole_in_the_sidebar() -> None:
    titled = load_article(_seed("000"))
    lines = title_lines(titled)
    assert len(titled.title) > TEXT_WIDTH
    assert " ".join(lines) == titled.title  # every word kept, none cut
    assert all(len(line) <= TEXT_WIDTH for line in lines)


async def test_headers_and_sidebar_name_the_versions_at_160_columns() -> None:
    async with make_app([str(p) for p in seed_paths()]).run_test(size=(160, 48)) as pilot:
        screen = await ready(pilot)
        assert screen.view.left_title == "A ★ 000 The Moscow Times"
        assert screen.view.right_title.startswith("B ▶ 001 (1/4) · North Korea to Dispatch")
        entries = [str(screen.sidebar.get_option_at_index(i).prompt) for i in range(5)]
        assert "Kursk Region, Shoigu Says" in entries[0]
        assert "(no title)" not in "".join(entries)
        assert "North Korea will deploy 1,000" in entries[2]
