"""Provides main(): the `sidebyside` command line.

`sidebyside [PATH ...]` opens the app; subcommands print what the core computes, as a readable
table or as JSON (`--json`). Each subcommand lives in its own module under `tui.commands` with
`add_parser(subparsers)` and `run(args) -> int`. Exit codes: 0 ok, 2 bad input or usage,
1 internal error (set SIDEBYSIDE_DEBUG=1 to see its traceback).
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from tui import __version__
from tui.commands.arguments import add_input_arguments
from tui.core.errors import InputError

COMMANDS = ("articles", "align", "diff", "facts", "notes", "report", "corpus", "serve")
"""Subcommand modules under tui.commands, in the order `--help` lists them."""


class _Parser(argparse.ArgumentParser):
    """argparse with exit code 2 and a one-line message for usage errors."""

    def error(self, message: str) -> None:  # type: ignore[override]
        sys.stderr.write(f"{self.prog}: {message}\n")
        raise SystemExit(2)


def build_parser() -> argparse.ArgumentParser:
    """The full parser: app options plus one subparser per available command."""
    parser = _Parser(
        prog="sidebyside",
        description="Compare several versions of one news story: shared passages, word diffs, "
        "conflicting facts, and your notes. With no subcommand, opens the app.",
        epilog="Open the app: sidebyside [PATH ...] [--reference ID] [--theme NAME] "
        "[--notes FILE] [--max-bytes N]  (no PATH: the bundled sample articles). "
        "Run 'sidebyside COMMAND --help' for a command's options.",
    )
    parser.add_argument("--version", action="version", version=f"sidebyside {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMANDS:
        try:
            module = importlib.import_module(f"tui.commands.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"tui.commands.{name}":
                raise
            continue
        p = module.add_parser(sub)
        p.add_argument("--version", action="version", version=f"sidebyside {__version__}")
        p.set_defaults(func=module.run)
    return parser


def _split_app_args(argv: list[str]) -> bool:
    """True when argv names no subcommand (so it is `sidebyside [PATH ...]`, the app)."""
    for arg in argv:
        if arg in ("-h", "--help", "--version"):
            return False
        if not arg.startswith("-") or arg == "-":
            return arg not in COMMANDS
    return True


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code. Nothing on stderr is a raw control code."""
    from tui.commands.safe_stream import CleanStream

    stderr = sys.stderr
    sys.stderr = CleanStream(stderr)  # type: ignore[assignment]
    try:
        return _main(argv)
    finally:
        sys.stderr = stderr


def _main(argv: Sequence[str] | None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        if _split_app_args(args_list):
            from tui.commands import app as app_command

            app_parser = _Parser(prog="sidebyside", description="Open the app.")
            add_input_arguments(app_parser)
            app_command.add_app_arguments(app_parser)
            app_parser.add_argument(
                "--version", action="version", version=f"sidebyside {__version__}"
            )
            return int(app_command.run(app_parser.parse_args(args_list)))
        parser = build_parser()
        args = parser.parse_args(args_list)
        return int(args.func(args))
    except InputError as exc:
        for error in getattr(exc, "errors", (exc,)):  # InputErrors: every failing file
            sys.stderr.write(f"sidebyside: {error}\n")
        return 2
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130
    except SystemExit as exc:
        return int(exc.code or 0) if isinstance(exc.code, int) else 2
    except Exception as exc:
        if os.environ.get("SIDEBYSIDE_DEBUG"):
            raise
        sys.stderr.write(f"sidebyside: internal error: {type(exc).__name__}: {exc}\n")
        return 1
