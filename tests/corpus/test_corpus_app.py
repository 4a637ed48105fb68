"""The story list of a corpus output, and dask staying out of the other commands."""

from __future__ import annotations

import subprocess
import sys

from tui.ui.app import StoriesApp

INDEX = {
    "stories": [
        {
            "id": "s1",
            "title": "Quake",
            "articles": ["a.txt", "b.txt"],
            "outlets": ["x"],
            "dates": ["2024-01-02"],
            "conflicts": 2,
        },
        {
            "id": "s2",
            "title": "Heist",
            "articles": ["c.txt", "d.txt"],
            "outlets": [],
            "dates": [],
            "conflicts": 0,
        },
    ]
}


async def test_enter_opens_the_story_under_the_cursor() -> None:
    app = StoriesApp(INDEX)
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        await pilot.press("down", "enter")
        await pilot.pause()
    assert app.return_value == ["c.txt", "d.txt"]


def test_other_commands_do_not_import_dask() -> None:
    code = (
        "import sys; from tui.cli import build_parser; build_parser(); "
        "import tui.commands.corpus; print('dask' in sys.modules, 'distributed' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]
