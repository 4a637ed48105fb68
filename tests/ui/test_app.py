"""Pilot tests: loading states, errors, one article, the palette, large inputs."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

import pytest
from textual.command import Hit
from textual.notifications import Notify

from tests.ui.helpers import held_app, ready, synthetic_app
from tui.core.analysis import Analysis
from tui.core.compare.discrepancy import Discrepancy, Variant
from tui.core.errors import BinaryInput, MissingInput
from tui.core.load.article import Article
from tui.core.load.collection import Collection
from tui.ui.app import SideBySideApp, app_for_analysis
from tui.ui.commands import PALETTE, CompareCommands, command_text
from tui.ui.keys import KEYS
from tui.ui.synthetic import fixed_analyzer, synthetic_analysis
from tui.ui.widgets.compare_view import CompareView


async def test_load_errors_become_error_notifications_and_the_rest_opens() -> None:
    analysis = synthetic_analysis(14, 2)
    errors = (MissingInput("nope.txt", "no such file"), BinaryInput("x.bin", "binary file"))
    app = SideBySideApp(
        Collection(analysis.articles, errors, None), analyzer=fixed_analyzer(analysis)
    )
    seen: list[object] = []
    async with app.run_test(size=(100, 30), message_hook=seen.append) as pilot:
        screen = await ready(pilot)
        notes = [m.notification for m in seen if isinstance(m, Notify)]
        assert [(n.message, n.severity) for n in notes if n.severity == "error"] == [
            ("nope.txt: no such file", "error"),
            ("x.bin: binary file", "error"),
        ]
        assert len(screen.view.rows) == 14


async def test_analysis_failure_is_a_notification_not_a_crash() -> None:
    analysis = synthetic_analysis(7, 2)

    def broken(
        articles: Sequence[Article], reference: str | None, threshold: float | None
    ) -> Analysis:
        raise ValueError("boom")

    app = SideBySideApp(Collection(analysis.articles, (), None), analyzer=broken)
    seen: list[object] = []
    async with app.run_test(size=(100, 30), message_hook=seen.append) as pilot:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert app.is_running
        errors = [m.notification for m in seen if isinstance(m, Notify)]
        assert any("ValueError: boom" in n.message and n.severity == "error" for n in errors)
        assert "Could not compare" in app.compare_screen.view.notice


async def test_one_article_reads_in_one_column_and_says_comparing_needs_two() -> None:
    async with synthetic_app(groups=10, versions=1).run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        assert screen.right is None
        assert "comparing needs two" in screen.view.left_title
        assert screen.view.right_title == ""
        assert len(screen.view.rows) == 10
        assert {r.kind for r in screen.view.rows} == {"single"}
        await pilot.press("right_square_bracket", "j")
        assert screen.right is None
        assert screen.view.cursor == 1


async def test_one_article_says_why_the_grid_key_does_nothing() -> None:
    seen: list[object] = []
    app = synthetic_app(groups=10, versions=1)
    async with app.run_test(size=(80, 24), message_hook=seen.append) as pilot:
        screen = await ready(pilot)
        await pilot.press("o")
        await pilot.pause()
        assert pilot.app.screen is screen
        said = [m.notification.message for m in seen if isinstance(m, Notify)]
        assert any("Only one version" in s for s in said), said


async def test_actions_wait_for_the_analysis() -> None:
    app, release, _ = held_app(70)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.compare_screen
        assert screen.check_action("next_difference", ()) is None
        assert screen.check_action("toggle_sidebar", ()) is True
        release.set()
        await ready(pilot)
        assert screen.check_action("next_difference", ()) is True


async def test_a_big_comparison_is_one_widget_not_one_per_row() -> None:
    app = app_for_analysis(synthetic_analysis(5000, 3))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        assert len(screen.view.rows) == 5000
        assert len(list(screen.query("*"))) < 60
        await pilot.press("G")
        assert screen.view.cursor == 4999
        await pilot.press("g", "c")
        assert screen.view.cursor == 5


def test_palette_offers_every_non_motion_action() -> None:
    offered = {s.action for s in PALETTE}
    assert {k.action for k in KEYS if k.palette} <= offered
    assert {"next_conflict", "open_grid", "open_search", "help", "quit"} <= offered


@pytest.mark.parametrize(
    ("query", "action", "row"),
    [
        ("next conflict", "next_conflict", 5),
        ("next unique", "next_unique", 2),
        ("next row", "cursor_down", 1),
        ("last row", "last_row", 69),
    ],
)
async def test_palette_command_runs_the_action(query: str, action: str, row: int) -> None:
    app = synthetic_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot)
        provider = CompareCommands(screen)
        hits = [h async for h in provider.search(query)]
        spec = next(s for s in PALETTE if s.action == action)
        hit = next(h for h in hits if isinstance(h, Hit) and h.text == command_text(spec))
        await hit.command()
        await pilot.pause()
        assert screen.view.cursor == row


async def test_palette_command_from_the_grid_returns_to_compare() -> None:
    app = synthetic_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot)
        await pilot.press("o")
        await pilot.pause()
        await app.run_compare_action("next_conflict")
        await pilot.pause()
        assert app.screen is screen
        assert screen.view.cursor == 5


async def test_theme_can_be_light() -> None:
    app = app_for_analysis(synthetic_analysis(7, 2), theme="textual-light")
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot)
        assert not app.current_theme.dark
        view = screen.query_one(CompareView)
        insert = view.style_for("insert")
        assert insert.underline and insert.color is not None
        assert view.style_for("delete").strike


async def test_switching_theme_restyles_the_compare_view() -> None:
    app = app_for_analysis(synthetic_analysis(7, 2), theme="textual-dark")
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot)
        view = screen.query_one(CompareView)
        dark = view.style_for("insert").color
        dark_gutter = next(seg for seg in view._row_strips(0)[0] if seg.text == "=")
        assert dark_gutter.style is not None
        assert dark_gutter.style.color == view.style_for("gutter").color
        app.theme = "textual-light"
        await pilot.pause()
        assert view.style_for("insert").color != dark
        gutter = next(seg for seg in view._row_strips(0)[0] if seg.text == "=")
        assert gutter.style is not None
        assert gutter.style.color == view.style_for("gutter").color
        assert dark_gutter.style.color != gutter.style.color


async def test_while_analysing_the_articles_and_a_progress_indicator_show() -> None:
    app, release, analysis = held_app(7)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.compare_screen
        assert screen.query_one("#progress").display
        assert "Aligning 3 versions" in screen.view.notice
        assert all(a.id in screen.view.notice for a in analysis.articles)
        await pilot.press("j")  # not frozen: keys are handled while the worker runs
        release.set()
        await ready(pilot)
        assert not screen.query_one("#progress").display
        assert len(screen.view.rows) == 7


async def test_story_wide_variants_mark_rows_without_repeating_a_line() -> None:
    base = synthetic_analysis(7, 2)
    spread = Discrepancy(
        "d9",
        "name",
        "variant",
        "one name, spelled 2 ways",
        (Variant("v0", 0, None, None, "Kim Jong Un", "kim"), Variant("v1", 1, None, None, "", "")),
        None,
    )
    analysis = dataclasses.replace(base, discrepancies=(*base.discrepancies, spread))
    async with app_for_analysis(analysis).run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot)
        view = screen.view
        rows = {r.group: r for r in view.rows}
        assert spread in rows[0].discrepancies and spread in rows[1].discrepancies
        assert not any("spelled" in text for text, _ in view._annotations(rows[0]))
        assert "~" in view._row_strips(0)[0].text[:5]
        conflict = rows[5]
        assert any("6,000 vs 5,000" in text for text, _ in view._annotations(conflict))


async def test_at_80_columns_the_sidebar_lies_over_the_text_not_beside_it() -> None:
    async with synthetic_app(groups=10, versions=3).run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        width = screen.view.size.width
        await pilot.press("s")
        await pilot.pause()
        assert screen.sidebar.display
        assert screen.view.size.width == width
        assert screen.sidebar.region.width > 0
        assert screen.sidebar.region.x == 0
