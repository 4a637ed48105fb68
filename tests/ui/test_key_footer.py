"""The compare screen's footer: keys greyed while the analysis runs, enabled in place after."""

from __future__ import annotations

import threading
from collections.abc import Sequence

from textual.widgets._footer import FooterKey

from tests.ui.helpers import ready
from tui.core.analysis import Analysis
from tui.core.articles import Article
from tui.core.collection import Collection
from tui.ui.app import SideBySideApp
from tui.ui.screens.compare import NEEDS_ANALYSIS
from tui.ui.synthetic import synthetic_analysis
from tui.ui.widgets.key_footer import KeyFooter


def _keys(app: SideBySideApp) -> dict[str, FooterKey]:
    footer = app.compare_screen.query_one(KeyFooter)
    return {key.action: key for key in footer.query(FooterKey)}


def _greyed(keys: dict[str, FooterKey]) -> set[str]:
    return {action for action, key in keys.items() if key.has_class("-disabled")}


async def test_footer_keys_wait_for_the_analysis_then_enable_without_a_rebuild() -> None:
    analysis = synthetic_analysis(7, 3)
    release = threading.Event()

    def slow(
        articles: Sequence[Article], reference: str | None, threshold: float | None
    ) -> Analysis:
        release.wait(10)
        return analysis

    app = SideBySideApp(Collection(analysis.articles, (), None), analyzer=slow)
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
