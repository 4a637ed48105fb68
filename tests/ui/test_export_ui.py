"""Pilot tests of the app's report export: the key and the palette write what the CLI writes.

The app and `sidebyside report` call the same core function; these tests hold them to it by
comparing the app's file with the CLI's `--output` for the same articles and sidecar, byte for
byte, in every format.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ui.notes_helpers import (
    add_note,
    copy_seeds,
    notes_app,
    notifications,
    ready,
    sidecar_notes,
)
from tui.cli import main
from tui.core.notes.model import SIDECAR_NAME
from tui.ui.notes_controller import REPORT_NAMES

SIZE = (120, 36)


async def palette(pilot, text: str) -> None:  # type: ignore[no-untyped-def]
    """Run a command palette entry by typing its text."""
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*text)
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()


@pytest.mark.parametrize(
    ("how", "fmt"),
    [
        ("E", "md"),
        ("report (markdown", "md"),  # palette queries: the best hit runs on enter
        ("report as html", "html"),
        ("report as json", "json"),
    ],
)
async def test_export_writes_the_cli_report_beside_the_sidecar(
    tmp_path: Path, how: str, fmt: str
) -> None:
    articles = copy_seeds(tmp_path / "articles")
    seen: list[object] = []
    async with notes_app(articles).run_test(size=SIZE, message_hook=seen.append) as pilot:
        await ready(pilot)
        await pilot.press("j")
        await add_note(pilot, "2", "|`<x>")
        if how == "E":
            await pilot.press("E")
            await pilot.pause()
        else:
            await palette(pilot, how)
    written = tmp_path / "articles" / f"sidebyside.report.{fmt}"
    assert written.exists()
    said = [n.message for n in notifications(seen) if n.title == "Report"]
    assert said == [f"{REPORT_NAMES[fmt]} report written to {written}"]
    expected = tmp_path / f"cli.{fmt}"
    assert main(["report", *articles, "--format", fmt, "--output", str(expected)]) == 0
    assert written.read_bytes() == expected.read_bytes()
    assert [n["text"] for n in sidecar_notes(tmp_path / "articles" / SIDECAR_NAME)] == ["|`<x>"]


async def test_export_follows_the_notes_option(tmp_path: Path) -> None:
    articles = copy_seeds(tmp_path / "articles")
    sidecar = tmp_path / "review" / "story.notes.json"
    sidecar.parent.mkdir()
    async with notes_app(articles, notes=sidecar).run_test(size=SIZE) as pilot:
        await ready(pilot)
        await add_note(pilot, "1", "kept")
        await pilot.press("E")
        await pilot.pause()
    assert (tmp_path / "review" / "story.report.md").exists()
    assert not (tmp_path / "articles" / "sidebyside.report.md").exists()


async def test_export_falls_back_to_the_data_dir_when_the_folder_cannot_be_written(
    tmp_path: Path,
) -> None:
    articles = copy_seeds(tmp_path / "articles")
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the sidecar's folder should be")
    data = tmp_path / "data"
    seen: list[object] = []
    app = notes_app(articles, notes=blocker / SIDECAR_NAME, data_dir=data)
    async with app.run_test(size=SIZE, message_hook=seen.append) as pilot:
        await ready(pilot)
        await pilot.press("E")
        await pilot.pause()
    written = data / "reports" / "sidebyside.report.md"
    assert written.exists()
    assert [n.message for n in notifications(seen) if n.title == "Report"] == [
        f"Markdown report written to {written}"
    ]
    expected = tmp_path / "cli.md"
    assert main(["report", *articles, "--output", str(expected)]) == 0
    assert written.read_bytes() == expected.read_bytes()
