"""Provides SideBySideApp and make_app(): the reading app over a loaded collection.

The app computes nothing itself: `analyze()` runs in a thread worker that posts the pieces of
the analysis as they are computed (`AnalysisArrived`: the alignment, the diffs of the pair on
screen, the fact check, the other diffs; or `AnalysisFailed`); the handlers put them together
(`tui.ui.feed.Assembly`) and push the analysis as far as it got down to the compare screen,
which shows the comparison from the alignment on, with a progress line naming what still runs.
The launch's analysis (`tui.ui.preload`) arrives the same way from its process: pieces already
there when the compare screen is mounted (or within `LOADING_GRACE` after) show in its first
frame, without a loading screen or a worker.
Loading errors of some files become error notifications while the rest opens.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from concurrent.futures import Future
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, ClassVar

from textual import events, work
from textual.app import App
from textual.binding import BindingType
from textual.worker import get_current_worker

from tui.core.analysis import Analysis, analysis_stages, analyze, stages
from tui.core.load.collection import Collection, load_collection
from tui.resources import styles_dir
from tui.ui.commands import CompareCommands
from tui.ui.feed import AnalysisFeed, Assembly, Piece
from tui.ui.keys import APP_KEYS, KEYS, bindings
from tui.ui.messages import AnalysisArrived, AnalysisFailed
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
        pending: AnalysisFeed | Future[Analysis] | None = None,
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
        self.analyzer: Analyzer = analyzer or analyze
        """The core function the worker calls (tests and benchmarks pass a fixed one)."""
        self.compare_screen = CompareScreen(collection.articles, on_ready=self._screen_ready)
        """The main screen."""
        self.compare_problems: list[str] = []
        """Comparisons that failed this session (listed by `L` with the load errors)."""
        self._generation = 0
        self._pending = AnalysisFeed.of_future(pending) if isinstance(pending, Future) else pending
        self._assembly: Assembly | None = None
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
        feed, self._pending = self._pending, None
        if feed is None:
            self.request_analysis(self.initial_reference)
            return
        # the launch's alignment is often a few milliseconds from done by now: wait that long
        # rather than draw a loading screen that its result replaces at once
        feed.wait_first(LOADING_GRACE)
        self._generation += 1
        self._assembly = Assembly(len(self.collection.articles))
        generation = self._generation

        def arrived(piece: Piece | None, error: BaseException | None) -> None:
            if error is not None:
                self.post_message(AnalysisFailed(_problem(error), generation))
            else:
                self.post_message(AnalysisArrived(piece, generation))

        pieces = feed.listen(arrived)  # later pieces come as messages, from the feed's thread
        for piece in pieces:
            self._assembly.add(piece)
        if self._assembly.analysis() is not None:
            self._present(None)  # the first frame shows the comparison
        else:
            self.compare_screen.show_loading(self.initial_reference)

    # ----------------------------------------------------------------- analysis worker

    def request_analysis(self, reference: str | None, first: str | None = None) -> None:
        """Start (or restart) the analysis with a reference; the screen shows progress.

        Args:
            reference: the reference version (None: the first).
            first: the version whose diffs come first (the one the screen will show).
        """
        self._generation += 1
        self._assembly = Assembly(len(self.collection.articles))
        self.compare_screen.show_loading(reference)
        self._analyze(reference, self._generation, first)

    @work(thread=True, exclusive=True, group="analysis", exit_on_error=False)
    def _analyze(self, reference: str | None, generation: int, first: str | None) -> None:
        worker = get_current_worker()
        try:
            articles = self.collection.articles
            if self.analyzer is analyze:  # the pair on screen aligned alone first
                pieces = analysis_stages(articles, reference, self.threshold, first)
            else:
                pieces = stages(self.analyzer(articles, reference, self.threshold), first)
            for piece in pieces:  # each piece computed as the last one went
                if worker.is_cancelled:
                    return
                self.post_message(AnalysisArrived(piece, generation))
        except Exception as exc:  # a core bug must not take the app down
            self.post_message(AnalysisFailed(_problem(exc), generation))
            return
        self.post_message(AnalysisArrived(None, generation))

    def on_analysis_arrived(self, message: AnalysisArrived) -> None:
        if message.generation != self._generation or self._assembly is None:
            return
        if not self.is_running:  # shutting down: the screen's widgets may be gone already
            return
        if message.piece is None:  # all there
            self.compare_screen.show_stage(None)
            return
        self._assembly.add(message.piece)
        self._present(message.piece)

    def _present(self, piece: Piece | None) -> None:
        """Push the analysis as far as it arrived down to the screen."""
        assert self._assembly is not None
        analysis = self._assembly.analysis()
        if analysis is None:
            return
        screen = self.compare_screen
        shown = screen.analysis
        if shown is None or shown.alignment is not analysis.alignment:
            place = _same_place(shown, analysis, screen.view.current_group)
            self._show(analysis)  # the first comparison of this analysis (or of all versions)
            if place is not None:
                screen.goto_group(place)
        elif piece is not None and piece[0] == "diffs":
            # the screen's analysis shares the diffs filled in place: redraw only when the pair
            # on screen got some
            if any(art == screen.right for _, art in piece[1]):
                screen.show_analysis(shown)
        else:
            screen.show_analysis(analysis)
            self.analysis_shown(analysis)  # the notes (and the report export) see the facts
        screen.show_stage(self._assembly.running())

    def _show(self, analysis: Analysis) -> None:
        self.compare_screen.show_analysis(analysis)
        self.analysis_shown(analysis)
        self.call_after_refresh(resume_gc)  # the launch is over once this is on screen

    def on_compare_screen_reference_chosen(self, message: CompareScreen.ReferenceChosen) -> None:
        shown = self.compare_screen.analysis
        self.request_analysis(message.article, shown.reference if shown is not None else None)

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
        if message.generation == self._generation and self.is_running:
            self.compare_problems.append(message.problem)
            self.notify(message.problem, title="Could not compare", severity="error", timeout=10)
            if self.compare_screen.analysis is None:
                self.compare_screen.show_failure(message.problem)
            else:  # what arrived stays on screen
                self.compare_screen.show_stage(None)
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


def _same_place(old: Analysis | None, new: Analysis, group: int | None) -> int | None:
    """The group of `new` holding the first reference sentence of `group` in `old` (the pair
    aligned alone numbers its groups otherwise than all versions do)."""
    if old is None or group is None or old.reference != new.reference:
        return None
    slot = old.alignment.groups[group].slot(old.reference)
    if not slot:
        return None
    return next((g.id for g in new.alignment.groups if slot[0] in g.slot(new.reference)), None)


def _problem(error: BaseException) -> str:
    """One line for an analysis that failed."""
    return f"{type(error).__name__}: {error}"


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
    pending: AnalysisFeed | Future[Analysis] | None = None,
) -> SideBySideApp:
    """Build the app from loaded data or from paths (for `make run`, tests and snapshots).

    Args:
        source: a loaded Collection, or paths to load (bad ones become notifications).
        reference: id of the reference version (default: the first).
        theme: Textual theme name (default: textual-dark).
        notes_path: the notes sidecar (default: the collection's, see sidecar_location).
        threshold: alignment threshold (default: the engine's).
        analyzer: replaces analyze() (tests, benchmarks).
        pending: the analysis already started for `reference`, piece by piece (see
            preload.start_launch) or whole.

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
