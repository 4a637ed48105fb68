"""Notes on the bundled samples never land inside the checkout or the installed package."""

from __future__ import annotations

from pathlib import Path

from tui.core.load.collection import load_collection
from tui.resources import seed_paths, seeds_dir
from tui.ui.notes_controller import NotesController


def test_notes_on_the_bundled_seeds_go_to_the_data_dir(tmp_path: Path) -> None:
    controller = NotesController(load_collection(seed_paths()), data_dir=tmp_path)
    controller.open()
    assert controller.location is not None
    path = controller.location.path
    assert path.is_relative_to(tmp_path), path
    assert not path.is_relative_to(seeds_dir())
    assert "bundled samples" in controller.location.reason


def test_notes_on_a_copy_of_the_seeds_stay_next_to_it(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    for p in seed_paths():
        (folder / p.name).write_bytes(p.read_bytes())
    controller = NotesController(load_collection([folder]), data_dir=tmp_path / "data")
    controller.open()
    assert controller.location is not None
    assert controller.location.path == folder.resolve() / "sidebyside.notes.json"
