"""Shared helpers of the pilot tests: apps over a synthetic analysis with known row kinds."""

from __future__ import annotations

import tempfile
import threading
from collections.abc import Sequence
from pathlib import Path

from textual.pilot import Pilot

from tui.core.analysis import Analysis
from tui.core.load.article import Article
from tui.core.load.collection import Collection
from tui.ui.app import SideBySideApp, app_for_analysis
from tui.ui.screens.compare import CompareScreen
from tui.ui.synthetic import synthetic_analysis


def synthetic_app(groups: int = 70, versions: int = 3) -> SideBySideApp:
    """The app over synthetic_analysis(): row i is group i; i % 7 gives its kind (see PATTERN).

    Its notes sidecar is a fresh (never written) path, so no note from elsewhere shows up.
    """
    notes = Path(tempfile.mkdtemp(prefix="sidebyside-ui-")) / "notes.json"
    return app_for_analysis(synthetic_analysis(groups, versions), notes_path=notes)


def held_app(groups: int, versions: int = 3) -> tuple[SideBySideApp, threading.Event, Analysis]:
    """An app whose analysis (synthetic_analysis) is held back until the event is set.

    Returns:
        The app, the event that releases the analysis, and the analysis it will get.
    """
    analysis = synthetic_analysis(groups, versions)
    release = threading.Event()

    def slow(
        articles: Sequence[Article], reference: str | None, threshold: float | None
    ) -> Analysis:
        release.wait(10)
        return analysis

    return SideBySideApp(Collection(analysis.articles, (), None), analyzer=slow), release, analysis


async def ready(pilot: Pilot[None]) -> CompareScreen:
    """Wait for the analysis worker and return the compare screen."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    app = pilot.app
    assert isinstance(app, SideBySideApp)
    assert app.compare_screen.analysis is not None
    return app.compare_screen
