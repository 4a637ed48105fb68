"""The app opens progressively: the comparison shows once the alignment is there, before the word
diffs of the other versions and the fact check, with a progress line naming what still runs;
keys work meanwhile, and the pieces that arrive later update the screen."""

from __future__ import annotations

import tempfile
import threading
from collections.abc import Sequence
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Label

from tui.core.analysis import Analysis, LazySeq, analysis_stages, stages
from tui.core.load.article import Article
from tui.core.load.collection import Collection
from tui.ui.app import SideBySideApp
from tui.ui.feed import AnalysisFeed
from tui.ui.synthetic import synthetic_analysis


def _notes() -> Path:
    return Path(tempfile.mkdtemp(prefix="sidebyside-ui-")) / "notes.json"


def _progress(app: SideBySideApp) -> str | None:
    """The progress line's text, None when hidden."""
    screen = app.compare_screen
    if not screen.query_one("#progress").display:
        return None
    return str(screen.query_one("#progress-label", Label).content)


async def _until(pilot: Pilot[None], done: object, what: str) -> None:
    for _ in range(500):
        await pilot.pause(0.01)
        if callable(done) and done():
            return
    raise AssertionError(f"timed out waiting for {what}")


def _slow_facts_app() -> tuple[SideBySideApp, threading.Event, Analysis]:
    """An app whose fact check (only) waits for an event: alignment and diffs come at once."""
    analysis = synthetic_analysis(60, 4)
    assert analysis.discrepancies  # the late piece must change something
    release = threading.Event()
    checked: list[bool] = []

    def held_facts() -> tuple[object, ...]:
        release.wait(20)
        checked.append(True)
        return tuple(analysis.facts)

    def held_discrepancies() -> tuple[object, ...]:
        release.wait(20)
        return tuple(analysis.discrepancies)

    def analyzer(
        articles: Sequence[Article], reference: str | None, threshold: float | None
    ) -> Analysis:
        return Analysis(
            analysis.alignment,
            dict(analysis.diffs),
            LazySeq(held_facts),  # type: ignore[arg-type]
            LazySeq(held_discrepancies),  # type: ignore[arg-type]
        )

    app = SideBySideApp(
        Collection(analysis.articles, (), None), analyzer=analyzer, notes_path=_notes()
    )
    return app, release, analysis


async def test_the_comparison_shows_and_keys_work_before_the_fact_check_is_done() -> None:
    app, release, analysis = _slow_facts_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.compare_screen
        await _until(pilot, lambda: _progress(app) == "Checking facts…", "the facts stage")
        assert screen.analysis is not None
        assert screen.view.rows  # the comparison is on screen
        assert not screen.analysis.discrepancies
        assert not any(row.discrepancies for row in screen.view.rows)
        # the diffs of the pair on screen are there: reworded rows show their word diff
        assert any(row.kind == "reworded" for row in screen.view.rows)
        # keys work meanwhile: move down, switch the version on the right
        start = screen.view.current_group
        await pilot.press("j")
        assert screen.view.current_group != start
        first_right = screen.right
        await pilot.press("right_square_bracket")
        assert screen.right != first_right
        assert not release.is_set()  # all that happened while the facts were held
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert _progress(app) is None
        assert tuple(screen.analysis.discrepancies) == tuple(analysis.discrepancies)
        assert any(row.discrepancies for row in screen.view.rows)  # the screen was redrawn
        assert screen.right != first_right  # and kept the reader's choices


async def test_pieces_from_the_launch_feed_show_one_after_the_other() -> None:
    analysis = synthetic_analysis(40, 3)
    pieces = list(stages(analysis))
    assert [stage for stage, _ in pieces][:3] == ["alignment", "diffs", "facts"]
    feed = AnalysisFeed()
    feed.put(pieces[0])  # only the alignment has arrived when the app starts
    app = SideBySideApp(Collection(analysis.articles, (), None), pending=feed, notes_path=_notes())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.compare_screen
        assert screen.analysis is not None and screen.view.rows
        assert _progress(app) == "Comparing words…"
        right = screen.right
        # without its diffs a reworded row compares the slot texts whole
        reworded = [r.group for r in screen.view.rows if r.kind == "reworded"]
        assert reworded
        assert not any((g, right) in screen.analysis.diffs for g in reworded)
        feed.put(pieces[1])
        await _until(pilot, lambda: _progress(app) == "Checking facts…", "the diffs")
        assert all((g, right) in screen.analysis.diffs for g in reworded)
        for piece in pieces[2:]:
            feed.put(piece)
        feed.finish()
        await _until(pilot, lambda: _progress(app) is None, "the end of the feed")
        assert screen.analysis.discrepancies == analysis.discrepancies
        assert dict(screen.analysis.diffs) == dict(analysis.diffs)
        assert not app.workers  # the launch's pieces needed no worker


async def test_a_failure_after_the_alignment_keeps_the_comparison_and_says_so() -> None:
    analysis = synthetic_analysis(30, 3)
    feed = AnalysisFeed()
    feed.put(next(stages(analysis)))
    app = SideBySideApp(Collection(analysis.articles, (), None), pending=feed, notes_path=_notes())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        feed.fail(RuntimeError("fact check broke"))
        await _until(pilot, lambda: _progress(app) is None, "the failure")
        assert app.compare_screen.view.rows
        assert any("fact check broke" in n.message for n in app._notifications)


async def test_the_pair_aligned_alone_shows_first_and_the_cursor_keeps_its_sentence() -> None:
    from tui.core.load.collection import load_collection
    from tui.resources import seed_paths

    collection = load_collection(seed_paths())
    pieces = list(analysis_stages(collection.articles, pair_first=True))  # as a big story
    assert next(stage for stage, _ in analysis_stages(collection.articles)) == "alignment"
    assert pieces[0][0] == "pair"
    feed = AnalysisFeed()
    feed.put(pieces[0])
    app = SideBySideApp(collection, pending=feed, notes_path=_notes())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.compare_screen
        assert screen.analysis is not None and len(screen.analysis.articles) == 2
        assert _progress(app) == "Aligning all 5 versions…"
        for _ in range(6):
            await pilot.press("j")
        group = screen.view.current_group
        assert group is not None
        sentence = screen.analysis.alignment.groups[group].slot(screen.analysis.reference)[0]
        # a version not aligned yet is refused, not shown wrongly
        screen.show_right(collection.articles[3].id)
        assert screen.right == collection.articles[1].id
        for piece in pieces[1:]:
            feed.put(piece)
        feed.finish()
        await _until(pilot, lambda: _progress(app) is None, "the end of the feed")
        assert len(screen.analysis.articles) == 5
        group = screen.view.current_group
        assert group is not None
        assert sentence in screen.analysis.alignment.groups[group].slot(screen.analysis.reference)
        screen.show_right(collection.articles[3].id)
        assert screen.right == collection.articles[3].id
