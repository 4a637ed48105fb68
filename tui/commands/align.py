"""Provides `sidebyside align PATH ... [--json] [--reference ID] [--threshold T]`.

Without `--json`, a collation table: one row per group in reading order, one column per
version. With `--json`, the sidebyside.alignment/1 document (groups with their word diffs
against the reference and the ids of their discrepancies). Rich is imported only for the table,
so the JSON path starts fast (the benchmark scorer runs it once per document).
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from tui.commands._common import load_analysis, print_json, print_wrapped
from tui.commands.arguments import add_input_arguments
from tui.core.numbering import group_label, sentence_label

if TYPE_CHECKING:
    from rich.console import Console

    from tui.core.analysis import Analysis

KIND_STYLE = {
    "identical": "dim",
    "reworded": "",
    "partial": "yellow",
    "unique": "bold magenta",
}
"""How each group kind is shown in the table."""

MIN_COLUMN = 24
"""Below this many cells per version column, the collation is printed stacked, not as a table."""


def _threshold(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"must be between 0 and 1, got {text}")
    return value


def add_parser(sub: Any) -> argparse.ArgumentParser:
    """Register the subcommand."""
    p: argparse.ArgumentParser = sub.add_parser(
        "align",
        help="align the sentences of the versions",
        description="Align the sentences of several versions of one story: which sentences say "
        "the same thing (moved, split or merged too), and which appear in one version only.",
    )
    add_input_arguments(p)
    p.add_argument("--json", action="store_true", help="print JSON (schema sidebyside.alignment/1)")
    p.add_argument(
        "--reference",
        metavar="ID",
        default=None,
        help="article id whose order the groups follow (default: the first article)",
    )
    p.add_argument(
        "--threshold",
        type=_threshold,
        default=None,
        metavar="T",
        help="minimum score of a 1:1 link, 0-1 (default: the tuned value); "
        "lower finds more, looser matches",
    )
    return p


def run(args: argparse.Namespace) -> int:
    """Align the loaded articles and print the result."""
    from tui.core.report.serialize import alignment_document

    analysis = load_analysis(args, threshold=args.threshold)
    if args.json:
        print_json(alignment_document(analysis.alignment, analysis))
        return 0
    print_table(analysis)
    return 0


def _cell(analysis: Analysis, group_index: int, article_id: str, width: int) -> str:
    group = analysis.alignment.groups[group_index]
    article = analysis.alignment.article(article_id)
    slot = group.slot(article_id)
    if not slot:
        return ""
    text = " ".join(article.sentences[i].text for i in slot)
    label = sentence_label(slot)
    if len(text) > width:
        text = text[: width - 1].rstrip() + "…"
    return f"[{label}] {text}"


def print_table(analysis: Analysis) -> None:
    """Print the collation table and the similarity matrix with rich."""
    from rich.console import Console

    console = Console()
    alignment = analysis.alignment
    ids = [a.id for a in alignment.articles]
    if (console.width - 24) // max(1, len(ids)) < MIN_COLUMN:
        print_stacked(analysis, console)
    else:
        print_collation(analysis, console)
    _print_similarity(analysis, console)


def print_stacked(analysis: Analysis, console: Console) -> None:
    """The collation for a narrow terminal: one block per group, one wrapped line per version."""
    from rich.text import Text

    alignment = analysis.alignment
    console.print(Text(f"Alignment (reference: {alignment.reference})", "bold"))
    for group in alignment.groups:
        score = f" {min(k.score for k in group.links):.2f}" if group.links else ""
        flags = " !" if analysis.discrepancies_of(group.id) else ""
        head = Text(f"{group_label(group.id):>3} ")
        head.append(group.kind + score + flags, style=KIND_STYLE.get(group.kind, ""))
        console.print(head)
        for art in alignment.articles:
            cell = _cell(analysis, group.id, art.id, 10**9)
            if cell:
                print_wrapped(console, Text(f"{art.id} {cell}"), 4, 6)


def print_collation(analysis: Analysis, console: Console) -> None:
    """The collation table: one row per group, one column per version."""
    from rich.table import Table
    from rich.text import Text

    alignment = analysis.alignment
    ids = [a.id for a in alignment.articles]
    width = max(24, (console.width - 14) // max(1, len(ids)) * 2)
    table = Table(title=f"Alignment (reference: {alignment.reference})", show_lines=False)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("kind", no_wrap=True)
    for art_id in ids:
        table.add_column(art_id, overflow="fold", ratio=1)
    for group in alignment.groups:
        score = f" {min(k.score for k in group.links):.2f}" if group.links else ""
        flags = " !" if analysis.discrepancies_of(group.id) else ""
        table.add_row(
            group_label(group.id),
            Text(group.kind + score + flags, style=KIND_STYLE.get(group.kind, "")),
            *(Text(_cell(analysis, group.id, a, width)) for a in ids),
        )
    console.print(table)


def _print_similarity(analysis: Analysis, console: Console) -> None:
    from rich.table import Table

    alignment = analysis.alignment
    if alignment.similarity:
        sim = Table(title="Similarity (share of sentences matched, mean link score)")
        for col in ("a", "b", "a in b", "b in a", "words a", "words b", "mean score"):
            sim.add_column(col, justify="left" if col in ("a", "b") else "right")
        for s in alignment.similarity:
            sim.add_row(
                s.a,
                s.b,
                f"{s.matched_a:.0%}",
                f"{s.matched_b:.0%}",
                f"{s.words_a:.0%}",
                f"{s.words_b:.0%}",
                f"{s.mean_score:.2f}",
            )
        console.print(sim)
