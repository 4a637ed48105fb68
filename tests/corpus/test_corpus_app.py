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
            "articles": ["crawl.jsonl#c", "crawl.jsonl#d"],
            "files": ["/out/stories/s2/articles/001-c.txt", "/out/stories/s2/articles/002-d.txt"],
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
    assert app.return_value == [  # JSON Lines members open from their copies in the story
        "/out/stories/s2/articles/001-c.txt",
        "/out/stories/s2/articles/002-d.txt",
    ]


async def test_a_story_without_files_opens_its_articles() -> None:
    app = StoriesApp(INDEX)
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
    assert app.return_value == ["a.txt", "b.txt"]


def test_other_commands_do_not_import_dask() -> None:
    code = (
        "import sys; from tui.cli import build_parser; build_parser(); "
        "import tui.commands.corpus; print('dask' in sys.modules, 'distributed' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]
