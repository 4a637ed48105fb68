"""Provides `sidebyside facts PATH ... [--json] [--reference ID] [--kind KIND]`.

Without `--json`, the facts of each article (numbers, dates, names, quotations, attributions)
and then the discrepancies across versions, conflicts first. With `--json`, the
sidebyside.facts/1 document.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from tui.commands._common import load_analysis, print_json, print_wrapped
from tui.commands.arguments import add_input_arguments
from tui.core.numbering import group_label, sentence_label

if TYPE_CHECKING:
    from tui.core.analysis import Analysis

FACT_KINDS = ("number", "date", "name", "quote", "attribution")
"""Kinds accepted by --kind (the core's FACT_KINDS, repeated so --help needs no core)."""

SEVERITY_STYLE = {"conflict": "bold red", "missing": "yellow", "variant": "cyan"}
"""How each severity is shown."""


def add_parser(sub: Any) -> argparse.ArgumentParser:
    """Register the subcommand."""
    p: argparse.ArgumentParser = sub.add_parser(
        "facts",
        help="facts of each version and where the versions disagree",
        description="Extract numbers, dates, names, quotations and attributions from every "
        "version, and list the discrepancies between versions: conflicts (cannot both be "
        "true), missing facts, and variants (the same fact worded differently).",
    )
    add_input_arguments(p)
    p.add_argument("--json", action="store_true", help="print JSON (schema sidebyside.facts/1)")
    p.add_argument(
        "--reference",
        metavar="ID",
        default=None,
        help="article id whose order the groups follow (default: the first article)",
    )
    p.add_argument(
        "--kind",
        action="append",
        choices=FACT_KINDS,
        default=None,
        help="list only facts of this kind (repeatable; default: all); discrepancies are "
        "always listed in full",
    )
    p.add_argument(
        "--discrepancies-only",
        action="store_true",
        help="skip the per-article fact lists",
    )
    return p


def run(args: argparse.Namespace) -> int:
    """Extract facts, compare them and print the result."""
    from tui.core.report.serialize import facts_document

    analysis = load_analysis(args)
    if args.json:
        print_json(facts_document(analysis))
        return 0
    print_facts(analysis, kinds=tuple(args.kind or FACT_KINDS), lists=not args.discrepancies_only)
    return 0


def print_facts(
    analysis: Analysis, kinds: tuple[str, ...] = FACT_KINDS, lists: bool = True
) -> None:
    """Print the facts per article and the discrepancies with rich."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console(highlight=False)
    if lists:
        for article in analysis.articles:
            facts = [f for f in analysis.facts if f.article == article.id and f.kind in kinds]
            table = Table(
                title=f"{article.id} · {article.date or 'undated'} · {len(facts)} facts",
                title_justify="left",
            )
            for col in ("sent", "kind", "text", "value", "about"):
                table.add_column(col, overflow="fold", no_wrap=col in ("sent", "kind"))
            for f in facts:
                about = f.subject or f.speaker
                if f.qualifier:
                    about = f"{f.qualifier} · {about}"
                if not f.resolved:
                    about = "unresolved (no article date)" + (f" · {about}" if about else "")
                table.add_row(sentence_label([f.sentence]), f.kind, f.text, f.value, about)
            console.print(table)
    counts = {s: sum(d.severity == s for d in analysis.discrepancies) for s in SEVERITY_STYLE}
    console.print(
        Text.assemble(
            ("Discrepancies: ", "bold"),
            *(
                part
                for s, n in counts.items()
                for part in ((f"{n} {s}", SEVERITY_STYLE[s]), ("  ", ""))
            ),
        )
    )
    for d in analysis.discrepancies:
        where = f"group {group_label(d.group)}" if d.group is not None else "across the story"
        head = Text.assemble(
            (f"{d.id} ", "bold"),
            (d.severity, SEVERITY_STYLE[d.severity]),
            (f" {d.kind} · {where}: ", ""),
            (d.summary, ""),
        )
        print_wrapped(console, head, 0, 3)
        for v in d.variants:
            if v.sentence is None:
                gap = "(no hedge)" if d.kind == "hedge" else "(not stated)"
                console.print(Text(f"    {v.article}: {gap}", "dim"))
            else:
                shown = v.text if len(v.text) <= 90 else v.text[:89].rstrip() + "…"
                line = Text(f"{v.article} {sentence_label([v.sentence])} @{v.start}-{v.end}: ")
                line.append(f"“{shown}”", "bold")
                if d.kind in ("number", "date"):
                    line.append(f" = {v.value}", "dim")
                print_wrapped(console, line, 4, 6)
    if not analysis.discrepancies:
        console.print("No discrepancies found.")
