"""Provides SideBySideApp and make_app(): the reading app over a loaded collection.

The app computes nothing itself: `analyze()` runs in a thread worker that posts
`AnalysisReady`/`AnalysisFailed`; the handlers push the result down to the compare screen.
An analysis the launch started (`tui.ui.preload`) that is done by the time the compare screen
is mounted (or within `LOADING_GRACE` after) shows in its first frame, without a loading screen
or a worker.
Loading errors of some files become error notifications while the rest opens.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from concurrent import futures
from concurrent.futures import Future
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, ClassVar

from textual import events, work
from textual.app import App
from textual.binding import BindingType
from textual.worker import get_current_worker

from tui.core.analysis import Analysis, analyze_all
from tui.core.load.collection import Collection, load_collection
from tui.resources import styles_dir
from tui.ui.commands import CompareCommands
from tui.ui.keys import APP_KEYS, KEYS, bindings
from tui.ui.messages import AnalysisFailed, AnalysisReady
from tui.ui.notes_actions import NotesActions
from tui.ui.notes_commands import NotesCommands
from tui.ui.preload import resume_gc
from tui.ui.screens.compare import CompareScreen

if TYPE_CHECKING:
    from tui.ui.synthetic import Analyzer

# Screens other than Compare (help, grid, detail, the notes dialogs) import on first use, so a
# launch only pays for what the first screen shows (tests/ui/test_startup.py checks it).

DEFAULT_THEME = "textual-dark"
"""Theme used when none is given."""

LOADING_GRACE = 0.25
"""Seconds the first frame waits for the launch's analysis before it shows the loading screen."""

GC_PAUSE_LIMIT = 2.0
"""Seconds after which a garbage collector paused for the launch restarts, analysis or not."""


class SideBySideApp(NotesActions, App[None]):
    """Compare several versions of one story: sidebar, compare view, grid, detail, help."""

    TITLE = "sidebyside"
    CSS_PATH: ClassVar[list[str | PurePath]] = [
        styles_dir() / "app.tcss",
        styles_dir() / "compare.tcss",
    ]
    BINDINGS: ClassVar[list[BindingType]] = bindings(
        tuple(k for k in APP_KEYS if k.action in ("help", "quit"))
    )
    COMMANDS = App.COMMANDS | {CompareCommands, NotesCommands}

    def __init__(
        self,
        collection: Collection,
        *,
        reference: str | None = None,
        theme: str | None = None,
        notes_path: Path | None = None,
        threshold: float | None = None,
        analyzer: Analyzer | None = None,
        pending: Future[Analysis] | None = None,
    ) -> None:
        super().__init__()
        self.collection = collection
        """What was loaded (articles and per-path errors)."""
        self.initial_reference = reference
        """The reference asked for on the command line."""
        self.notes_path = notes_path
        """The notes sidecar asked for (`--notes`); None: the collection's (see NotesActions)."""
        self.threshold = threshold
        """Alignment threshold passed to analyze() (None: the engine's)."""
        self.analyzer: Analyzer = analyzer or analyze_all
        """The core function the worker calls (tests and benchmarks pass a fixed one)."""
        self.compare_screen = CompareScreen(collection.articles, on_ready=self._screen_ready)
        """The main screen."""
        self.compare_problems: list[str] = []
        """Comparisons that failed this session (listed by `L` with the load errors)."""
        self._generation = 0
        self._pending = pending
        self._pending_reference = reference
        self.theme = theme or DEFAULT_THEME

    def get_default_screen(self) -> CompareScreen:
        return self.compare_screen

    def on_mount(self) -> None:
        self.set_timer(GC_PAUSE_LIMIT, resume_gc)
        for error in self.collection.errors:  # L lists them again once the toasts are gone
            title = "Could not load (L lists all)"
            self.notify(str(error), title=title, severity="error", timeout=10)

    def _screen_ready(self) -> None:
        """The compare screen is mounted (its first frame is not drawn yet): show or start."""
        if not self.collection.articles:
            self.compare_screen.show_failure("no article loaded")
            return
        pending = self._pending
        if pending is not None:
            # the launch's analysis is often a few milliseconds from done by now: wait that
            # long rather than draw a loading screen that its result replaces at once
            futures.wait([pending], timeout=LOADING_GRACE)
        if pending is not None and pending.done() and pending.exception() is None:
            # the launch's analysis finished while the app started: the first frame shows it,
            # rather than a loading screen replaced at once
            self._pending = None
            self._generation += 1
            self._show(pending.result())
        else:
            self.request_analysis(self.initial_reference)

    # ----------------------------------------------------------------- analysis worker

    def request_analysis(self, reference: str | None) -> None:
        """Start (or restart) the analysis with a reference; the screen shows progress."""
        self._generation += 1
        self.compare_screen.show_loading(reference)
        self._analyze(reference, self._generation)

    @work(thread=True, exclusive=True, group="analysis", exit_on_error=False)
    def _analyze(self, reference: str | None, generation: int) -> None:
        pending, self._pending = self._pending, None
        try:
            if pending is not None and reference == self._pending_reference:
                analysis = pending.result()
            else:
                analysis = self.analyzer(self.collection.articles, reference, self.threshold)
        except Exception as exc:  # a core bug must not take the app down
            self.post_message(AnalysisFailed(f"{type(exc).__name__}: {exc}", generation))
            return
        if not get_current_worker().is_cancelled:
            self.post_message(AnalysisReady(analysis, generation))

    def on_analysis_ready(self, message: AnalysisReady) -> None:
        if message.generation == self._generation:
            self._show(message.analysis)

    def _show(self, analysis: Analysis) -> None:
        self.compare_screen.show_analysis(analysis)
        self.analysis_shown(analysis)
        self.call_after_refresh(resume_gc)  # the launch is over once this is on screen

    def on_compare_screen_reference_chosen(self, message: CompareScreen.ReferenceChosen) -> None:
        self.request_analysis(message.article)

    def action_load_problems(self) -> None:
        """List every load problem of the session (toasts go, this list stays)."""
        from tui.ui.screens.problems import ProblemsScreen

        problems = [
            *(("could not load", str(e)) for e in self.collection.errors),
            *(("skipped", str(n)) for n in self.collection.notices),
            *(("could not compare", p) for p in self.compare_problems),
        ]
        self.push_screen(ProblemsScreen(problems))

    def on_analysis_failed(self, message: AnalysisFailed) -> None:
        if message.generation == self._generation:
            self.compare_problems.append(message.problem)
            self.notify(message.problem, title="Could not compare", severity="error", timeout=10)
            self.compare_screen.show_failure(message.problem)
            resume_gc()

    def on_key(self, event: events.Key) -> None:
        self.compare_screen.catch_search_key(event)

    # ----------------------------------------------------------------- actions

    def action_help(self) -> None:
        """Show every key binding."""
        from tui.ui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    async def run_compare_action(self, action: str) -> None:
        """Run a compare action from anywhere (the command palette): back to Compare first."""
        if action in {k.action for k in APP_KEYS}:
            await self.run_action(action)
            return
        while self.screen is not self.compare_screen and len(self.screen_stack) > 1:
            self.pop_screen()
        if action in {k.action for k in KEYS}:
            target = (
                self.compare_screen.view
                if hasattr(self.compare_screen.view, f"action_{action}")
                else self.compare_screen
            )
            await target.run_action(action)


def app_for_analysis(analysis: Analysis, **options: object) -> SideBySideApp:
    """The app over an already computed Analysis (synthetic data for tests and benchmarks)."""
    from tui.ui.synthetic import fixed_analyzer

    collection = Collection(analysis.articles, (), None)
    return make_app(collection, analyzer=fixed_analyzer(analysis), **options)  # type: ignore[arg-type]


def make_app(
    source: Collection | Sequence[str | os.PathLike[str]],
    *,
    reference: str | None = None,
    theme: str | None = None,
    notes_path: Path | None = None,
    threshold: float | None = None,
    analyzer: Analyzer | None = None,
    pending: Future[Analysis] | None = None,
) -> SideBySideApp:
    """Build the app from loaded data or from paths (for `make run`, tests and snapshots).

    Args:
        source: a loaded Collection, or paths to load (bad ones become notifications).
        reference: id of the reference version (default: the first).
        theme: Textual theme name (default: textual-dark).
        notes_path: the notes sidecar (default: the collection's, see sidecar_location).
        threshold: alignment threshold (default: the engine's).
        analyzer: replaces analyze() (tests, benchmarks).
        pending: an analysis already started for `reference` (see preload.start_analysis).

    Returns:
        The app, ready to run.
    """
    collection = source if isinstance(source, Collection) else load_collection(list(source))
    return SideBySideApp(
        collection,
        reference=reference,
        theme=theme,
        notes_path=notes_path,
        threshold=threshold,
        analyzer=analyzer,
        pending=pending,
    )


class StoriesApp(App[list[str] | None]):
    """`sidebyside DIR` on a corpus output: the story list; exits with the chosen story's files."""

    TITLE = "sidebyside · stories"

    def __init__(self, index: dict[str, object]) -> None:
        super().__init__()
        self.index = index
        """The corpus index document."""

    def on_mount(self) -> None:
        from tui.ui.screens.stories import StoriesScreen

        self.push_screen(StoriesScreen(self.index))  # type: ignore[arg-type]

    def on_stories_screen_opened(self, message: object) -> None:
        self.exit(list(message.paths))  # type: ignore[attr-defined]
