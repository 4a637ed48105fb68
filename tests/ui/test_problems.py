"""Load problems stay listed after their toasts are gone (issue 16 item 14)."""

from __future__ import annotations

from tests.ui.helpers import ready
from tui.core.errors import BinaryInput, DuplicateInput, MissingInput
from tui.core.load.collection import Collection
from tui.ui.app import SideBySideApp
from tui.ui.screens.problems import ProblemsScreen, problems_text
from tui.ui.synthetic import fixed_analyzer, synthetic_analysis


async def test_L_lists_every_load_problem_after_the_toasts() -> None:
    analysis = synthetic_analysis(14, 2)
    errors = (MissingInput("nope.txt", "no such file"), BinaryInput("x.bin", "binary file"))
    notices = (DuplicateInput("a.txt", "given twice, loaded once"),)
    app = SideBySideApp(
        Collection(analysis.articles, errors, None, notices), analyzer=fixed_analyzer(analysis)
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        app.clear_notifications()  # the toasts are gone
        await pilot.press("L")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ProblemsScreen)
        assert screen.problems == (
            ("could not load", "nope.txt: no such file"),
            ("could not load", "x.bin: binary file"),
            ("skipped", "a.txt: given twice, loaded once"),
        )
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ProblemsScreen)


def test_no_problem_says_so() -> None:
    assert "No problems" in problems_text(()).plain
