"""Provides the no-subcommand entry: `sidebyside [PATH ...]` opens the app."""

from __future__ import annotations

import argparse
import os
import sys
from concurrent.futures import Future
from pathlib import Path
from typing import TYPE_CHECKING

from tui.commands._common import check_reference, load_inputs
from tui.core.errors import UsageError
from tui.core.load.collection import Collection
from tui.ui.preload import Loaded, SidecarHint, pause_gc, resume_gc, sidecar_hint, start_launch

if TYPE_CHECKING:
    from tui.core.analysis import Analysis
    from tui.ui.app import SideBySideApp
    from tui.ui.feed import AnalysisFeed


def add_app_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the app's options (PATH and --max-bytes are added by the CLI)."""
    parser.add_argument("--reference", metavar="ID", help="id of the reference version")
    parser.add_argument(
        "--theme",
        metavar="NAME",
        default=None,
        help="Textual theme, e.g. textual-dark (default) or textual-light",
    )
    parser.add_argument(
        "--notes", metavar="FILE", type=Path, default=None, help="notes sidecar file"
    )


def _keyboard_from_terminal() -> None:
    """After an article was read from a pipe (`-`), read the keys from the terminal instead."""
    if sys.stdin is None or sys.stdin.isatty():
        return
    try:
        tty = os.open("/dev/tty", os.O_RDONLY)
    except OSError as exc:
        raise UsageError("-", "the app needs a terminal for the keyboard (no /dev/tty)") from exc
    os.dup2(tty, 0)
    os.close(tty)


class Launch:
    """A started launch: the inputs loading and the analysis running (see `start`)."""

    def __init__(self, loaded: Future[Loaded], analysis: AnalysisFeed | Future[Analysis]) -> None:
        self._loaded = loaded
        self._analysis = analysis

    def inputs(
        self,
    ) -> tuple[Collection, str | None, AnalysisFeed | Future[Analysis] | None, SidecarHint | None]:
        """Wait for the inputs: the collection, the checked reference, the running analysis
        (its feed of pieces; None: no article) and the notes sidecar's state.

        Raises:
            InputError: bad input (nothing loaded, a bad option or reference).
        """
        try:
            collection, reference, hint = self._loaded.result()
        except BaseException:
            resume_gc(freeze=False)  # no app will run to resume it
            raise
        pending = self._analysis if collection.articles else None
        return collection, reference, pending, hint


def start(args: argparse.Namespace) -> Launch:
    """Start loading the inputs (bad files become notifications) and analysing them at once.

    The first half of a launch: nothing here imports Textual or the parsing modules. The
    loading and the analysis run in a child process (see `tui.ui.preload`) while the app is
    being imported and built; `Launch.inputs()` then waits for the collection.
    """
    pause_gc()  # the app resumes the collector once the first comparison is on screen

    def load() -> Loaded:
        collection = load_inputs(args, strict=False)
        reference = check_reference(collection, args.reference)
        # where the notes are and whether there are any, found here too: the app then opens
        # an absent sidecar (no note to mark) after its first frame
        return collection, reference, sidecar_hint(collection, args.notes)

    try:
        loaded, analysis = start_launch(load)
    except BaseException:
        resume_gc(freeze=False)  # no app will run to resume it
        raise
    return Launch(loaded, analysis)


def build_app(args: argparse.Namespace, launch: Launch) -> SideBySideApp:
    """The second half of a launch: import the app, take the inputs, build it.

    `bench/ui_bench.py` times both halves.

    Raises:
        InputError: bad input (from the loading) or an unknown theme.
    """
    from tui.ui.app import make_app  # Textual imports while the inputs load

    collection, reference, pending, hint = launch.inputs()
    app = make_app(collection, reference=reference, notes_path=args.notes, pending=pending)
    app.sidecar_hint = hint
    if args.theme is not None:
        if args.theme not in app.available_themes:
            names = ", ".join(sorted(app.available_themes))
            raise UsageError("--theme", f"unknown theme '{args.theme}' (have: {names})")
        app.theme = args.theme
    return app


def _corpus_index(args: argparse.Namespace) -> Path | None:
    """DIR/index.json when the one PATH is a `sidebyside corpus` output folder."""
    paths = list(args.paths or [])
    if len(paths) == 1 and (Path(paths[0]) / "index.json").is_file():
        return Path(paths[0]) / "index.json"
    return None


def run_stories(args: argparse.Namespace, index_path: Path) -> int:
    """The story list; enter opens a story in Compare, quitting Compare returns to the list."""
    import json

    from tui.ui.app import StoriesApp

    index = json.loads(index_path.read_text("utf-8"))
    while True:
        chosen = StoriesApp(index).run()
        if not chosen:
            return 0
        story = argparse.Namespace(**{**vars(args), "paths": chosen})
        code = run_compare(story)
        if code:
            return code


def run(args: argparse.Namespace) -> int:
    """Load the inputs (bad files become notifications) and run the app."""
    index = _corpus_index(args)
    if index is not None:
        return run_stories(args, index)
    return run_compare(args)


def run_compare(args: argparse.Namespace) -> int:
    """The compare app on the inputs."""
    launch = start(args)
    app = build_app(args, launch)  # bad input raises here, before the terminal is asked for
    _keyboard_from_terminal()
    app.run()
    return int(app.return_code or 0)
