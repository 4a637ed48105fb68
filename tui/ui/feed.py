"""Provides AnalysisFeed and Assembly: an analysis arriving piece by piece, and put together.

The launch's analysis process (`tui.ui.preload`) and the app's analysis worker both hand out
the pieces of `tui.core.analysis.stages()` (the alignment, the diffs of the pair on screen,
the fact check, the other diffs; before them all, the reference and the first other version
aligned alone) as they are computed. An `AnalysisFeed` holds the pieces
received so far and passes each new one to a listener (the app, from the thread that received
it), so the app can show the comparison as soon as the alignment is there. `Assembly` turns
the pieces into an Analysis the screens can read at any stage: diffs not yet there are absent
(the rows then compare the slot texts whole), the facts and discrepancies empty until checked.
This module imports no Textual: the launch imports it before the app.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tui.core.align.aligner import Alignment
    from tui.core.analysis import Analysis
    from tui.core.compare.diff import Op

Piece = tuple[str, Any]
"""(stage, payload): a stage of `tui.core.analysis.STAGES` or "complete" (a whole Analysis)."""

Listener = Callable[[Piece | None, BaseException | None], None]
"""Called with each piece (None once all arrived) or with the error that ended the feed."""

STAGE_LABELS = {
    "pair": "Aligning all {n} versions…",
    "alignment": "Comparing words…",
    "diffs": "Checking facts…",
    "facts": "Comparing the other versions…",
}
"""What the progress line says is running once a stage's piece has arrived (the next one; the
diffs after the fact check keep the "facts" label)."""


class AnalysisFeed:
    """The pieces of one analysis, as they arrive from another thread or process."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._arrived = threading.Condition(self._lock)
        self._pieces: list[Piece] = []
        self._done = False
        self._error: BaseException | None = None
        self._listener: Listener | None = None

    @classmethod
    def of_future(cls, future: Future[Analysis]) -> AnalysisFeed:
        """A feed of one "complete" piece, the analysis a future holds (or its error)."""
        feed = cls()

        def finished(done: Future[Analysis]) -> None:
            error = done.exception()
            if error is not None:
                feed.fail(error)
            else:
                feed.put(("complete", done.result()))
                feed.finish()

        future.add_done_callback(finished)
        return feed

    # ----------------------------------------------------------------- producer side

    def put(self, piece: Piece) -> None:
        """Add a piece (the producer's thread); the listener hears of it at once."""
        with self._lock:
            self._pieces.append(piece)
            self._arrived.notify_all()
            listener = self._listener
        if listener is not None:
            listener(piece, None)

    def finish(self) -> None:
        """Say every piece has arrived."""
        self._end(None)

    def fail(self, error: BaseException) -> None:
        """End the feed with an error (pieces already there stay)."""
        self._end(error)

    def _end(self, error: BaseException | None) -> None:
        with self._lock:
            if self._done:
                return
            self._done, self._error = True, error
            self._arrived.notify_all()
            listener = self._listener
        if listener is not None:
            listener(None, error)

    # ----------------------------------------------------------------- consumer side

    def wait_first(self, timeout: float | None) -> bool:
        """Wait up to `timeout` seconds for a first piece or the end; True when either came."""
        with self._lock:
            return self._arrived.wait_for(lambda: bool(self._pieces) or self._done, timeout)

    def listen(self, listener: Listener) -> list[Piece]:
        """Hand every later piece (and the end) to `listener`; returns the pieces already there.

        The listener runs in the producer's thread. When the feed has already ended, it is
        called once with the end before this returns.
        """
        with self._lock:
            pieces = list(self._pieces)
            done, error = self._done, self._error
            if not done:
                self._listener = listener
        if done:
            listener(None, error)
        return pieces

    def result(self, timeout: float | None = None) -> Analysis:
        """Wait for the end and put the pieces together (as Future.result does)."""
        with self._lock:
            if not self._arrived.wait_for(lambda: self._done, timeout):
                raise TimeoutError("the analysis is still running")
            pieces, error = list(self._pieces), self._error
        if error is not None:
            raise error
        assembly = Assembly()
        for piece in pieces:
            assembly.add(piece)
        analysis = assembly.analysis()
        assert analysis is not None, "the analysis ended without an alignment"
        return analysis

    def exception(self, timeout: float | None = None) -> BaseException | None:
        """Wait for the end; the error that ended the feed, or None."""
        with self._lock:
            if not self._arrived.wait_for(lambda: self._done, timeout):
                raise TimeoutError("the analysis is still running")
            return self._error


class Assembly:
    """Pieces of an analysis put together: an Analysis readable at every stage."""

    def __init__(self, versions: int = 0) -> None:
        self.versions = versions
        """How many versions are being aligned (for the progress line)."""
        self.pair: Analysis | None = None
        """The reference and the first other version aligned alone, until the alignment."""
        self.alignment: Alignment | None = None
        """The alignment, once arrived."""
        self.diffs: dict[tuple[int, str], tuple[Op, ...]] = {}
        """The diffs arrived so far (filled in place: earlier snapshots see later diffs)."""
        self.checked: tuple[tuple[Any, ...], tuple[Any, ...]] | None = None
        """(facts, discrepancies), once checked."""
        self.stage: str | None = None
        """The last stage that arrived."""
        self.whole: Analysis | None = None
        """A complete analysis that arrived in one piece."""

    def add(self, piece: Piece) -> None:
        """Take in one piece."""
        stage, payload = piece
        self.stage = stage
        if stage == "complete":
            self.whole = payload
        elif stage == "pair":
            from tui.core.analysis import Analysis

            self.pair = Analysis(payload[0], payload[1], (), ())
        elif stage == "alignment":
            self.alignment = payload
            self.pair = None
        elif stage == "diffs":
            self.diffs.update(payload)
        elif stage == "facts":
            self.checked = payload
        else:
            raise ValueError(f"unknown analysis stage {stage!r}")

    def analysis(self) -> Analysis | None:
        """The analysis as far as it arrived (None before the alignment)."""
        from tui.core.analysis import Analysis

        if self.whole is not None:
            return self.whole
        if self.alignment is None:
            return self.pair
        facts, discrepancies = self.checked or ((), ())
        return Analysis(self.alignment, self.diffs, facts, discrepancies)

    def running(self) -> str | None:
        """What the progress line says is running now (None: nothing, all arrived)."""
        if self.whole is not None or self.stage is None:
            return None
        if self.stage in ("pair", "alignment"):
            return STAGE_LABELS[self.stage].format(n=self.versions)
        return STAGE_LABELS["diffs" if self.checked is None else "facts"]
