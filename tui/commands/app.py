"""Provides the no-subcommand entry: `sidebyside [PATH ...]` opens the app."""

from __future__ import annotations

import argparse
import os
import sys
from concurrent.futures import Future
from pathlib import Path
from typing import TYPE_CHECKING

from tui.commands._common import check_reference, load_inputs
from tui.core.collection import Collection
from tui.core.errors import UsageError

if TYPE_CHECKING:
    from tui.core.analysis import Analysis
    from tui.ui.app import SideBySideApp


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


def start(args: argparse.Namespace) -> tuple[Collection, str | None, Future[Analysis] | None]:
    """Load the inputs (bad files become notifications) and start the analysis at once.

    The first half of a launch: nothing here imports Textual, so the analysis (in a child
    process, see `tui.ui.preload`) runs while the app is being imported and built.

    Returns:
        The collection, the checked reference and the started analysis (None: no article).
    """
    from tui.ui.preload import pause_gc, resume_gc, start_analysis

    pause_gc()  # the app resumes the collector once the first comparison is on screen
    try:
        collection = load_inputs(args, strict=False)
        reference = check_reference(collection, args.reference)
    except BaseException:
        resume_gc(freeze=False)  # no app will run to resume it
        raise
    pending = None
    if collection.articles:
        # start aligning before Textual is imported; the app's worker picks the result up
        pending = start_analysis(collection.articles, reference)
    return collection, reference, pending


def build_app(
    args: argparse.Namespace,
    collection: Collection,
    reference: str | None,
    pending: Future[Analysis] | None,
) -> SideBySideApp:
    """The second half of a launch: import the app and build it (`bench/ui_bench.py` times both)."""
    from tui.ui.app import make_app

    app = make_app(collection, reference=reference, notes_path=args.notes, pending=pending)
    if args.theme is not None:
        if args.theme not in app.available_themes:
            names = ", ".join(sorted(app.available_themes))
            raise UsageError("--theme", f"unknown theme '{args.theme}' (have: {names})")
        app.theme = args.theme
    return app


def run(args: argparse.Namespace) -> int:
    """Load the inputs (bad files become notifications) and run the app."""
    collection, reference, pending = start(args)
    _keyboard_from_terminal()
    app = build_app(args, collection, reference, pending)
    app.run()
    return int(app.return_code or 0)
