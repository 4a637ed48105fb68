"""The compare screen's footer: keys greyed while the analysis runs, enabled in place after;
an analysis done at launch shows with its keys in the first frame."""

from __future__ import annotations

from concurrent.futures import Future
from pathlib import Path

from rich.console import RenderableType
from textual.screen import Screen
from textual.widgets._footer import FooterKey

from tests.ui.helpers import held_app, ready
from tui.core.analysis import Analysis
from tui.core.load.collection import Collection
from tui.ui.app import SideBySideApp
from tui.ui.screens.compare import NEEDS_ANALYSIS
from tui.ui.synthetic import synthetic_analysis
from tui.ui.widgets.compare_view import CompareView
from tui.ui.widgets.key_footer import KeyFooter


def _keys(app: SideBySideApp) -> dict[str, FooterKey]:
    footer = app.compare_screen.query_one(KeyFooter)
    return {key.action: key for key in footer.query(FooterKey)}


def _greyed(keys: dict[str, FooterKey]) -> set[str]:
    return {action for action, key in keys.items() if key.has_class("-disabled")}


async def test_footer_keys_wait_for_the_analysis_then_enable_without_a_rebuild() -> None:
    app, release, _ = held_app(7)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        loading = _keys(app)
        shown = set(loading) - {"app.command_palette", "command_palette"}
        assert "app.help" in shown
        assert _greyed(loading) == shown & NEEDS_ANALYSIS
        assert all(loading[a]._disabled for a in _greyed(loading))  # mouse clicks refused too
        release.set()
        await ready(pilot)
        await pilot.pause()
        after = _keys(app)
        assert _greyed(after) == set()
        assert not any(key._disabled for key in after.values())
        assert all(after[action] is loading[action] for action in loading)  # the same widgets


async def test_an_analysis_done_at_launch_is_complete_in_the_first_frame(tmp_path: Path) -> None:
    analysis = synthetic_analysis(7, 3)
    pending: Future[Analysis] = Future()
    pending.set_result(analysis)
    app = SideBySideApp(
        Collection(analysis.articles, (), None), pending=pending, notes_path=tmp_path / "n.json"
    )
    first: list[tuple[int, set[str], bool, bool]] = []
    display = app._display

    def first_frame(screen: Screen[object], renderable: RenderableType | None) -> None:
        if not first and screen is app.compare_screen and screen.query(CompareView):
            first.append(
                (
                    len(screen.view.rows),
                    set(_keys(app)) - _greyed(_keys(app)),
                    screen.query_one("#progress").display,
                    screen.focused is screen.view,
                )
            )
        display(screen, renderable)

    app._display = first_frame  # type: ignore[method-assign]
    requests: list[str | None] = []
    app.request_analysis = requests.append  # type: ignore[method-assign]
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
    assert requests == []  # no worker, no loading screen: shown as the screen mounted
    rows, enabled, progress, focused = first[0]
    assert rows == 7
    assert {"app.help", "next_difference", "open_grid"} <= enabled
    assert not progress
    assert focused


async def test_at_80_columns_every_footer_key_shows_whole_left_of_the_palette() -> None:
    """No "d Deta", no key pushed past "^p palette", also with the sidebar focused."""
    from tests.ui.helpers import synthetic_app

    async with synthetic_app(groups=10, versions=3).run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        for keys in ("", "s"):
            if keys:
                await pilot.press(keys)
                await pilot.pause()
                await pilot.pause()
            footer = pilot.app.screen.query_one(KeyFooter)
            shown = list(footer.query(FooterKey))
            palette = next(k for k in shown if k.has_class("-command-palette"))
            others = [k for k in shown if k is not palette]
            assert others
            for key in others:
                text = f"{key.key_display or key.key} {key.description}"
                assert key.region.right <= palette.region.x, text
                assert key.region.width >= len(text), text
