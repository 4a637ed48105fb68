"""Provides the app-wide messages: what the analysis worker reports back."""

from __future__ import annotations

from textual.message import Message

from tui.core.analysis import Analysis


class AnalysisReady(Message):
    """The worker finished analysing the collection."""

    def __init__(self, analysis: Analysis, generation: int) -> None:
        super().__init__()
        self.analysis = analysis
        """Alignment, diffs and facts of the collection."""
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
