"""Provides CompareScreen: the main screen (articles sidebar, compare view, search bar, footer).

The app pushes data down (`show_loading`, `show_analysis`) and hears back through messages
(`ReferenceChosen`); the screen never imports the app. It turns an Analysis into
compare rows for the current pair (reference, right version) and owns every compare action:
jumps, version switching, trivial toggle, search, and opening the grid and detail screens.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Input, Label, LoadingIndicator

from tui.core.analysis import Analysis
from tui.core.load.article import Article
from tui.ui import keys
from tui.ui.render import Row, article_label, build_rows, header_label
from tui.ui.search_hits import hits_line, version_hits
from tui.ui.widgets.article_list import ArticleList
from tui.ui.widgets.compare_view import CompareView
from tui.ui.widgets.key_footer import KeyFooter
from tui.ui.widgets.search_bar import SearchBar

SIDEBAR_MIN_WIDTH = 120
"""Terminal width from which the sidebar shows by default."""

NEEDS_ANALYSIS = frozenset(k.action for k in keys.KEYS) - {"toggle_sidebar"}
"""Actions that wait for the analysis."""


class CompareScreen(Screen[None]):
    """Reference | chosen version, one row per group, with the article list beside it."""

    AUTO_FOCUS = "CompareView"
    """Focus the compare view from the first frame (the sidebar would take it and lose it)."""

    # `?` first: the footer is cut at 80 columns and help is the key that explains the rest
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark", "app.help", "Help"),
        *keys.bindings(tuple(k for k in keys.KEYS if k.action not in keys.MOVE_ACTIONS)),
    ]

    class ReferenceChosen(Message):
        """The reader asked for another reference: the app re-runs the analysis with it."""

        def __init__(self, article: str) -> None:
            super().__init__()
            self.article = article
            """Id of the version that becomes the reference (left column)."""

    def __init__(
        self, articles: Sequence[Article], *, on_ready: Callable[[], None] | None = None
    ) -> None:
        """Make the screen.

        Args:
            articles: every loaded version.
            on_ready: called once the screen is mounted, before its first frame is drawn (the
                app then shows an analysis that is already there, or starts one).
        """
        super().__init__()
        self._on_ready = on_ready
        self.articles: tuple[Article, ...] = tuple(articles)
        """Every loaded version, in collection order."""
        self.analysis: Analysis | None = None
        """The current analysis (None while the worker runs)."""
        self.right: str | None = None
        """Id of the version shown on the right (None with one version)."""
        self.show_trivial = True
        """Trivial changes shown muted (True) or as plain text."""
        self.sidebar_choice: bool | None = None
        """The user's sidebar choice (None: automatic by width)."""
        self._pending_right: str | None = None
        self._keep_group: int | None = None
        self._keep_sentence: tuple[str, int] | None = None

    def compose(self) -> ComposeResult:
        with Horizontal(id="body"):
            yield ArticleList(id="sidebar")
            with Vertical(id="main"):
                # hidden until needed (set now, not once mounted: no second style pass); the
                # loading indicator mounts when shown, so a launch that never shows it skips it
                progress = Horizontal(id="progress")
                progress.display = False
                with progress:
                    yield Label("", id="progress-label")
                view = CompareView(id="compare")
                # styled as focused from its mount: it takes the focus before the first frame
                # (AUTO_FOCUS, on_mount), which would otherwise style it (and its 16 component
                # classes) a second time
                view.set_reactive(CompareView.has_focus, True)
                yield view
                search = SearchBar(id="search")
                search.display = False
                yield search
        yield KeyFooter(compact=True)

    @property
    def view(self) -> CompareView:
        """The compare view."""
        return self.query_one(CompareView)

    @property
    def sidebar(self) -> ArticleList:
        """The article list."""
        return self.query_one(ArticleList)

    async def on_mount(self) -> None:
        self.sidebar.show_articles(self.articles, None, None, None)
        self._auto_sidebar()
        self.view.focus()
        if self._on_ready is not None:
            self._on_ready()
        # the keys in the first frame: the stock footer adds them after it (two more frames)
        await self.query_one(KeyFooter).show_keys()

    _resumed = False

    def _on_screen_resume(self, event: events.ScreenResume) -> None:
        # Runs before Screen's handler. Textual restyles every widget of a resumed screen; on
        # the first resume the mount has just styled them all, so that pass (over the whole
        # screen, before its first frame) would only repeat it.
        if not self._resumed:
            self._resumed = True
            event.refresh_styles = False

    def on_resize(self) -> None:
        self._auto_sidebar()

    def _auto_sidebar(self) -> None:
        show = self.sidebar_choice
        if show is None:
            show = self.app.size.width >= SIDEBAR_MIN_WIDTH
        # below SIDEBAR_MIN_WIDTH the list lies over the left column while it is open, so the
        # two text columns keep their width (squeezed beside it they were ~17 cells each)
        self.sidebar.set_class(self.app.size.width < SIDEBAR_MIN_WIDTH, "-overlay")
        self.sidebar.display = show

    # ----------------------------------------------------------------- data pushed down

    def show_loading(self, reference: str | None) -> None:
        """Say the analysis is running (the app started the worker)."""
        self.analysis = None
        n = len(self.articles)
        progress = self.query_one("#progress")
        progress.display = True
        if not progress.query(LoadingIndicator):
            progress.mount(LoadingIndicator(), before=0)
        label = f"Aligning {n} versions…" if n > 1 else "Reading the article…"
        self.query_one("#progress-label", Label).update(label)
        listing = [
            f"{'★' if a.id == (reference or self.articles[0].id) else ' '} {article_label(a)}"
            f" · {len(a.sentences)} sentences · {a.heading}"
            for a in self.articles
        ]
        self.view.set_rows([], "Loading…", "", notice="\n".join([label, "", *listing]))
        self.sidebar.show_articles(self.articles, None, reference, None)
        self.refresh_bindings()

    def show_stage(self, label: str | None) -> None:
        """Say what part of the analysis still runs behind the comparison (None: nothing)."""
        progress = self.query_one("#progress")
        progress.display = label is not None
        if label is not None:
            if not progress.query(LoadingIndicator):
                progress.mount(LoadingIndicator(), before=0)
            self.query_one("#progress-label", Label).update(label)

    def show_failure(self, problem: str) -> None:
        """Say the analysis failed."""
        self.query_one("#progress").display = False
        self.view.set_rows([], "", "", notice=f"Could not compare: {problem}")

    def show_analysis(self, analysis: Analysis) -> None:
        """Show a finished analysis, keeping the right version and row when possible."""
        self.analysis = analysis
        self.query_one("#progress").display = False
        others = [a.id for a in analysis.articles if a.id != analysis.reference]
        wanted = self._pending_right or self.right
        self.right = wanted if wanted in others else (others[0] if others else None)
        self._pending_right = None
        keep = self._keep_group if self._keep_group is not None else self.view.current_group
        self._keep_group = None
        if self._keep_sentence is not None:
            article, sentence = self._keep_sentence
            keep = next(
                (g.id for g in analysis.alignment.groups if sentence in g.slot(article)), None
            )
            self._keep_sentence = None
        self._show_pair(keep)
        self.refresh_bindings()

    def _title(self, article_id: str, role: str, position: str = "") -> str:
        assert self.analysis is not None
        return header_label(self.analysis.alignment.article(article_id), role, position)

    def _show_pair(self, cursor_group: int | None = None) -> None:
        analysis = self.analysis
        if analysis is None:
            return
        rows = build_rows(analysis, self.right)
        left = self._title(analysis.reference, "A ★")
        if self.right is None:
            only = article_label(analysis.alignment.article(analysis.reference))
            left = f"A ★ {only} — only one version loaded: comparing needs two"
            right = ""
        else:
            n = [a.id for a in analysis.articles if a.id != analysis.reference].index(self.right)
            right = self._title(self.right, "B ▶", f"{n + 1}/{len(analysis.articles) - 1}")
        self.view.set_rows(rows, left, right, cursor_group=cursor_group, notice="No sentences.")
        self.sidebar.show_articles(self.articles, analysis, analysis.reference, self.right)
        if self.query_one(SearchBar).display:
            self._update_search_count()

    # ----------------------------------------------------------------- actions

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in NEEDS_ANALYSIS and self.analysis is None:
            return None
        return True

    def _one_version(self) -> bool:
        """True (and say so) when only one version is loaded: the key has nothing to compare."""
        if len(self.articles) >= 2:
            return False
        self.notify("Only one version is loaded: this key compares versions.", timeout=3)
        return True

    def _jump(self, predicate: Callable[[Row], bool], direction: int, what: str) -> None:
        index = self.view.find(predicate, direction)
        if index is None:
            where = "below" if direction > 0 else "above"
            self.notify(f"No {what} {where}.", timeout=2)
            return
        self.view.move_to(index)

    def action_next_difference(self) -> None:
        """Next non-identical row."""
        self._jump(lambda r: r.is_difference, 1, "difference")

    def action_prev_difference(self) -> None:
        """Previous non-identical row."""
        self._jump(lambda r: r.is_difference, -1, "difference")

    def action_next_unique(self) -> None:
        """Next passage on one side only."""
        self._jump(lambda r: r.is_unique, 1, "unique passage")

    def action_prev_unique(self) -> None:
        """Previous passage on one side only."""
        self._jump(lambda r: r.is_unique, -1, "unique passage")

    def action_next_conflict(self) -> None:
        """Next row with a conflicting fact."""
        self._jump(lambda r: r.has_conflict, 1, "conflict")

    def action_prev_conflict(self) -> None:
        """Previous row with a conflicting fact."""
        self._jump(lambda r: r.has_conflict, -1, "conflict")

    def action_first_row(self) -> None:
        """First row (also from the sidebar)."""
        self.view.action_first_row()

    def action_last_row(self) -> None:
        """Last row (also from the sidebar)."""
        self.view.action_last_row()

    def _cycle(self, step: int) -> None:
        if self._one_version() or self.analysis is None or self.right is None:
            return
        others = [a.id for a in self.analysis.articles if a.id != self.analysis.reference]
        self.right = others[(others.index(self.right) + step) % len(others)]
        self._show_pair(self.view.current_group)

    def action_next_version(self) -> None:
        """Next version on the right."""
        self._cycle(1)

    def action_prev_version(self) -> None:
        """Previous version on the right."""
        self._cycle(-1)

    def show_right(self, article: str) -> None:
        """Show a version on the right (the reference itself is refused with a note)."""
        if self.analysis is None:
            return
        if article == self.analysis.reference:
            self.notify(f"{article} is the reference (left column).", timeout=3)
            return
        if all(a.id != article for a in self.analysis.articles):  # the pair came first
            self.notify(f"{article} is still being aligned: a moment.", timeout=3)
            return
        self.right = article
        self._show_pair(self.view.current_group)

    def make_reference(self, article: str) -> None:
        """Re-run the analysis with another reference (the old one goes to the right)."""
        if self.analysis is None or article == self.analysis.reference:
            return
        self._pending_right = self.analysis.reference
        self._keep_group = None
        # group ids follow the reference's reading order: keep the cursor on the same sentence
        group = self.view.current_group
        self._keep_sentence = None
        if group is not None:
            members = self.analysis.alignment.groups[group].members
            mine = [m for m in members if m.article == article] or list(members)
            self._keep_sentence = (mine[0].article, mine[0].sentence) if mine else None
        self.post_message(self.ReferenceChosen(article))

    def action_swap_reference(self) -> None:
        """Make the right version the reference."""
        if not self._one_version() and self.right is not None:
            self.make_reference(self.right)

    def action_toggle_sidebar(self) -> None:
        """Show or hide the articles sidebar."""
        self.sidebar_choice = not self.sidebar.display
        self._auto_sidebar()
        if self.sidebar.display:
            self.sidebar.focus()
        else:
            self.view.focus()

    def action_toggle_trivial(self) -> None:
        """Show trivial changes muted, or as plain text."""
        self.show_trivial = not self.show_trivial
        self.view.set_show_trivial(self.show_trivial)
        self.notify(
            "Trivial changes shown (muted)." if self.show_trivial else "Trivial changes hidden.",
            timeout=2,
        )

    def action_open_grid(self) -> None:
        """Open the agreement grid."""
        from tui.ui.screens.grid import GridScreen

        if self._one_version() or self.analysis is None:
            return
        self.app.push_screen(GridScreen(self.analysis, self.view.current_group), self.goto_group)

    def action_open_detail(self) -> None:
        """Open the detail of the current row."""
        from tui.ui.screens.detail import DetailScreen

        group = self.view.current_group
        if self.analysis is None or group is None:
            return
        self.app.push_screen(DetailScreen(self.analysis, group, self.show_trivial))

    def goto_group(self, group: int | None) -> None:
        """Put the cursor on a group's row (showing a version that has it if needed)."""
        if group is None or self.analysis is None:
            return
        index = next((i for i, r in enumerate(self.view.rows) if r.group == group), None)
        if index is None:
            g = self.analysis.alignment.groups[group]
            candidates = [a for a in g.articles if a != self.analysis.reference]
            if not candidates:
                return
            self.right = candidates[0]
            self._show_pair(group)
            return
        self.view.move_to(index)

    # ----------------------------------------------------------------- search

    def action_open_search(self) -> None:
        """Open the search bar."""
        self.query_one(SearchBar).open()

    def _update_search_count(self) -> None:
        matches = self.view.search_matches()
        current = matches.index(self.view.cursor) + 1 if self.view.cursor in matches else None
        bar = self.query_one(SearchBar)
        bar.set_count(current, len(matches))
        if self.analysis is not None:  # every version, not only the two on screen
            hits = version_hits(self.analysis.articles, bar.term)
            bar.set_hits(hits_line(hits, (self.analysis.reference, self.right or "")))

    def catch_search_key(self, event: events.Key) -> None:
        """Give the search input a printable key that reached the app while it has focus.

        Keys typed right after `/` were already queued for the compare view; they bubble up
        to the app after the input got the focus (the input stops the keys it receives).
        """
        bar = self.query_one(SearchBar)
        search = bar.query_one(Input)
        if (
            self.app.screen is self
            and bar.display
            and self.focused is search
            and event.is_printable
            and event.character
        ):
            event.stop()
            search.insert_text_at_cursor(event.character)

    @on(SearchBar.Changed)
    def _search_changed(self, event: SearchBar.Changed) -> None:
        self.view.set_search(event.term)
        matches = self.view.search_matches()
        if matches and self.view.cursor not in matches:
            after = [i for i in matches if i > self.view.cursor]
            self.view.move_to(after[0] if after else matches[0])
        self._update_search_count()

    @on(SearchBar.Stepped)
    def _search_stepped(self, event: SearchBar.Stepped) -> None:
        matches = self.view.search_matches()
        if not matches:
            return
        cursor = self.view.cursor
        if event.direction > 0:
            after = [i for i in matches if i > cursor]
            target = after[0] if after else matches[0]
        else:
            before = [i for i in matches if i < cursor]
            target = before[-1] if before else matches[-1]
        self.view.move_to(target)
        self._update_search_count()

    @on(SearchBar.Closed)
    def _search_closed(self) -> None:
        self.view.set_search("")
        self.view.focus()

    # ----------------------------------------------------------------- sidebar

    def _narrow(self) -> bool:
        return self.app.size.width < SIDEBAR_MIN_WIDTH

    @on(ArticleList.Picked)
    def _picked(self, event: ArticleList.Picked) -> None:
        self.show_right(event.article)
        if self._narrow():  # at small sizes the list is a chooser: back to reading
            self.sidebar_choice = False
            self._auto_sidebar()
            self.view.focus()

    @on(ArticleList.Left)
    def _left(self) -> None:
        if self._narrow():
            self.sidebar_choice = False
            self._auto_sidebar()
        self.view.focus()

    @on(ArticleList.ReferenceRequested)
    def _reference_requested(self, event: ArticleList.ReferenceRequested) -> None:
        self.make_reference(event.article)
