"""Detail shows the page junk set aside around each version's passage, dimmed (issue 16
item 12: the README promised it)."""

from __future__ import annotations

from pathlib import Path

from tests.ui.helpers import ready
from tui.core.load.articles import load_article
from tui.resources import seed_paths
from tui.ui.app import make_app
from tui.ui.page_junk import junk_line, junk_near
from tui.ui.screens.detail import DetailScreen


def test_every_piece_of_junk_belongs_to_one_passage() -> None:
    for path in seed_paths():
        article = load_article(path)
        found = [j for i in range(len(article.sentences)) for j in junk_near(article, [i])]
        assert found == list(article.junk), Path(path).name


def test_the_dateline_and_outlet_of_000_go_with_its_first_paragraph() -> None:
    article = load_article(next(p for p in seed_paths() if Path(p).name.startswith("000")))
    lines = [junk_line(j) for j in junk_near(article, [1])]
    assert lines == ["set aside (dateline): “June 17, 2025”", "set aside (outlet): “TASS”"]


async def test_detail_lists_the_junk_dimmed() -> None:
    async with make_app([str(p) for p in seed_paths()]).run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("j", "d")
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, DetailScreen)
        body = screen.body()
        at = body.plain.index("set aside (dateline): “June 17, 2025”")
        assert any(span.start <= at < span.end and "dim" in str(span.style) for span in body.spans)
