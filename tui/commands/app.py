"""Provides the no-subcommand entry: `sidebyside [PATH ...]` opens the app."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from tui.commands._common import check_reference, load_inputs
from tui.core.errors import UsageError


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


def run(args: argparse.Namespace) -> int:
    """Load the inputs (bad files become notifications) and run the app."""
    collection = load_inputs(args, strict=False)
    reference = check_reference(collection, args.reference)
    pending = None
    if collection.articles:
        from tui.ui.preload import start_analysis

        # start aligning before Textual is imported; the app's worker picks the result up
        pending = start_analysis(collection.articles, reference)
    _keyboard_from_terminal()
    from tui.ui.app import make_app

    app = make_app(collection, reference=reference, notes_path=args.notes, pending=pending)
    if args.theme is not None:
        if args.theme not in app.available_themes:
            names = ", ".join(sorted(app.available_themes))
            raise UsageError("--theme", f"unknown theme '{args.theme}' (have: {names})")
        app.theme = args.theme
    app.run()
    return int(app.return_code or 0)
