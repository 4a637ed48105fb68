"""Provides what every subcommand shares: loading the PATH arguments, printing JSON."""

from __future__ import annotations

import argparse
import re
import sys
from typing import TYPE_CHECKING, Any

from tui.core.errors import InputErrors, UsageError
from tui.core.load.article import DEFAULT_MAX_BYTES
from tui.core.load.collection import Collection, load_collection
from tui.resources import seed_paths

_C1 = re.compile("[\x7f-\x9f]")
"""DEL and the C1 controls, which json.dumps(ensure_ascii=False) leaves raw."""

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

    from tui.core.analysis import Analysis


def load_inputs(args: argparse.Namespace, *, strict: bool = True) -> Collection:
    """Load the articles named by args.paths (the bundled seeds when none).

    Args:
        args: parsed arguments with `paths` and `max_bytes`.
        strict: when True, any bad path raises (the CLI: exit 2); when False, errors are
            returned in the Collection (the app: notifications) unless nothing loaded at all.

    Raises:
        InputError: the bad path (strict, or when no article loaded); several bad paths are
            one InputErrors holding each, so every failing file is named.
    """
    paths = list(args.paths) or [str(p) for p in seed_paths()]
    max_bytes = args.max_bytes if args.max_bytes is not None else DEFAULT_MAX_BYTES
    if max_bytes <= 0:
        raise UsageError("--max-bytes", "must be a positive number of bytes")
    collection = load_collection(
        paths, max_bytes=max_bytes, read_stdin=lambda: sys.stdin.buffer.read()
    )
    if collection.errors and (strict or not collection.articles):
        errors = collection.errors
        raise errors[0] if len(errors) == 1 else InputErrors(tuple(errors))
    return collection


def check_reference(collection: Collection, reference: str | None) -> str | None:
    """Validate a --reference id against the loaded articles."""
    if reference is None:
        return None
    ids = [a.id for a in collection.articles]
    if reference not in ids:
        raise UsageError(
            "--reference", f"no article with id '{reference}' (have: {', '.join(ids)})"
        )
    return reference


def load_analysis(args: argparse.Namespace, *, threshold: float | None = None) -> Analysis:
    """Load the inputs (strictly), check `--reference` and analyze them: align, diff, facts.

    Raises:
        InputError: a bad path, an unknown reference, or nothing to compare.
    """
    from tui.core.analysis import analyze

    collection = load_inputs(args)
    if not collection.articles:
        raise UsageError(args.command, "no articles to compare")
    reference = check_reference(collection, args.reference)
    return analyze(collection.articles, reference=reference, threshold=threshold)


def print_json(document: dict[str, Any]) -> None:
    """Print a JSON document to stdout (UTF-8, indented, stable key order)."""
    from tui.core.report.serialize import dumps_json

    # JSON escapes C0 controls itself; C1 (U+009B is CSI on some terminals) only as \u escapes
    text = dumps_json(document)
    sys.stdout.write(_C1.sub(lambda m: f"\\u{ord(m.group()):04x}", text))


def print_wrapped(console: Console, text: Text, indent: int = 0, hang: int | None = None) -> None:
    """Print `text` wrapped at word boundaries, every line kept inside its indent.

    Args:
        console: where to print (its width is the wrap width, 80 for a pipe or file).
        text: one logical line.
        indent: spaces before the first line.
        hang: spaces before each further line (default: `indent`), so a continuation never
            falls back to column 0.
    """
    from rich.text import Text

    hang = indent if hang is None else hang
    width = max(20, console.width - max(indent, hang))
    for n, line in enumerate(text.wrap(console, width, overflow="fold")):
        line.rstrip()
        console.print(Text(" " * (indent if n == 0 else hang)) + line, soft_wrap=True)
