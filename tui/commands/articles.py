"""Provides `sidebyside articles PATH ... [--json]`: what was loaded."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from rich.console import Console
from rich.table import Table

from tui.commands._common import load_inputs, print_json
from tui.commands.arguments import add_input_arguments
from tui.core.report.serialize import articles_document


def add_parser(sub: Any) -> argparse.ArgumentParser:
    """Register the subcommand."""
    p: argparse.ArgumentParser = sub.add_parser(
        "articles",
        help="list the loaded articles",
        description="List what was loaded from each file.",
    )
    add_input_arguments(p)
    p.add_argument("--json", action="store_true", help="print JSON (schema sidebyside.articles/1)")
    return p


def run(args: argparse.Namespace) -> int:
    """Print the loaded articles."""
    collection = load_inputs(args)
    for notice in collection.notices:
        sys.stderr.write(f"sidebyside: {notice}\n")
    if args.json:
        print_json(articles_document(collection.articles))
        return 0
    table = Table(title="Articles")
    for col in ("id", "title", "outlet", "date", "sentences", "words"):
        table.add_column(col, justify="right" if col in ("sentences", "words") else "left")
    for a in collection.articles:
        table.add_row(
            a.id,
            a.title or "-",
            a.named_outlet or "-",
            a.date or "-",
            str(len(a.sentences)),
            str(a.words),
        )
    Console().print(table)
    for a in collection.articles:
        for w in a.warnings:
            sys.stderr.write(f"sidebyside: {a.path}: {w}\n")
    return 0
