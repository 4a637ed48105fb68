"""Provides the app-wide messages: what the analysis worker reports back."""

from __future__ import annotations

from textual.message import Message

from tui.ui.feed import Piece


class AnalysisArrived(Message):
    """A piece of the analysis arrived (from the worker or the launch's process)."""

    def __init__(self, piece: Piece | None, generation: int) -> None:
        super().__init__()
        self.piece = piece
        """(stage, payload) as `tui.core.analysis.stages()` yields it; None: all arrived."""
        self.generation = generation
        """Which request this answers (older answers are dropped)."""


class AnalysisFailed(Message):
    """The worker could not analyse the collection."""

    def __init__(self, problem: str, generation: int) -> None:
        super().__init__()
        self.problem = problem
        """One line saying what went wrong."""
        self.generation = generation
        """Which request this answers."""
