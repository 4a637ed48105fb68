"""Search counts hits in every version, not only the two on screen (issue 16, expected list)."""

from __future__ import annotations

from textual.widgets import Label

from tests.ui.helpers import ready
from tui.core.load.collection import load_collection
from tui.resources import seed_paths
from tui.ui.app import make_app
from tui.ui.search_hits import hits_line, version_hits


def test_hits_are_counted_per_version_and_the_pair_comes_first() -> None:
    articles = load_collection([str(p) for p in seed_paths()]).articles
    hits = dict(version_hits(articles, "kiev"))
    assert hits == {"000": 0, "001": 0, "002": 0, "003": 0, "004": 1}
    line = hits_line(tuple(hits.items()), ("000", "001"))
    assert line == "in every version: A 000 0 · B 001 0 · 002 0 · 003 0 · 004 1 · ] next version"
    assert hits_line((), ("000", "001")) == ""


async def test_the_search_bar_lists_hits_in_versions_not_on_screen() -> None:
    async with make_app([str(p) for p in seed_paths()]).run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("slash", *"Kiev")
        await pilot.pause()
        hits = pilot.app.screen.query_one("#search-hits", Label)
        assert hits.display
        assert "004 1" in str(hits.content) and "A 000 0" in str(hits.content)
        assert hits.region.width > 0 and hits.region.y < 24
