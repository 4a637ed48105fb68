"""Provides `sidebyside diff PATH ... [--json] [--reference ID]`: word diffs per group.

Without `--json`, every aligned group's members are shown against the reference sentence:
deletions struck through in red, insertions underlined in green, trivial changes dimmed (without
colours: `[-deleted-]{+inserted+}`), each line followed by its count of substantive and trivial
changes and their sub-kinds. With
`--json`, the sidebyside.diff/1 document.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from tui.commands._common import load_analysis, print_json, print_wrapped
from tui.commands.arguments import add_input_arguments
from tui.core.numbering import group_label, sentence_label

if TYPE_CHECKING:
    from rich.text import Text

    from tui.core.analysis import Analysis
    from tui.core.compare.diff import Op

STYLES = {
    ("delete", "substantive"): "bold red strike",
    ("insert", "substantive"): "bold green underline",
    ("delete", "trivial"): "dim strike",
    ("insert", "trivial"): "dim underline",
}
"""Rich styles of changed runs, by (op kind, change class)."""


def add_parser(sub: Any) -> argparse.ArgumentParser:
    """Register the subcommand."""
    p: argparse.ArgumentParser = sub.add_parser(
        "diff",
        help="word diffs of aligned sentences against the reference",
        description="For every group of aligned sentences, a word-level diff of each version "
        "against the reference, with each change classed trivial (punctuation, case, quote or "
        "dash style, number formatting, spelling) or substantive (number, date, name, quote, "
        "attribution, hedge, loaded term, other).",
    )
    add_input_arguments(p)
    p.add_argument("--json", action="store_true", help="print JSON (schema sidebyside.diff/1)")
    p.add_argument(
        "--reference",
        metavar="ID",
        default=None,
        help="article id the others are compared with (default: the first article)",
    )
    return p


def run(args: argparse.Namespace) -> int:
    """Diff the aligned sentences and print them."""
    from tui.core.report.serialize import diff_document

    analysis = load_analysis(args)
    if args.json:
        print_json(diff_document(analysis))
        return 0
    print_diffs(analysis)
    return 0


def render_ops(ops: tuple[Op, ...], markers: bool = False) -> Text:
    """One diff as rich Text: equal runs plain, changes styled by kind and class.

    Args:
        ops: the diff.
        markers: also wrap changes in wdiff-style markers, `[-deleted-]{+inserted+}`, for
            output without colours (a pipe, a file, NO_COLOR).
    """
    from rich.text import Text

    text = Text()
    for op in ops:
        if op.kind == "equal" or op.change is None:
            text.append(op.text)
        elif markers:
            mark = ("[-", "-]") if op.kind == "delete" else ("{+", "+}")
            text.append(mark[0] + op.text + mark[1], style=STYLES[(op.kind, op.change)])
        else:
            text.append(op.text, style=STYLES[(op.kind, op.change)])
    return text


def summary(ops: tuple[Op, ...]) -> str:
    """ "2 substantive (number, hedge), 1 trivial" for one diff."""
    from tui.core.compare.diff import count_changes

    counts = count_changes(ops)
    kinds = sorted({o.subkind for o in ops if o.change == "substantive" and o.subkind})
    parts = []
    if counts["substantive"]:
        parts.append(f"{counts['substantive']} substantive ({', '.join(kinds)})")
    if counts["trivial"]:
        parts.append(f"{counts['trivial']} trivial")
    return ", ".join(parts) or "identical"


def print_diffs(analysis: Analysis) -> None:
    """Print every group's diffs with rich."""
    from rich.console import Console
    from rich.text import Text

    console = Console(highlight=False)
    markers = console.no_color or console.color_system is None
    alignment = analysis.alignment
    ref = alignment.article(alignment.reference)
    console.print(
        Text.assemble(
            ("Word diffs against ", "bold"),
            (ref.id, "bold cyan"),
            ("  (", ""),
            ("deleted", STYLES[("delete", "substantive")]),
            (" / ", ""),
            ("inserted", STYLES[("insert", "substantive")]),
            ("; trivial changes ", ""),
            ("dimmed", "dim"),
            (")", ""),
        )
    )
    shown = 0
    for group in alignment.groups:
        members = [a for a in group.articles if (group.id, a) in analysis.diffs]
        if not members:
            continue
        shown += 1
        slot = sentence_label(group.slot(ref.id))
        flags = [d.id for d in analysis.discrepancies_of(group.id)]
        head = f"group {group_label(group.id)} · {group.kind} · {ref.id} [{slot}]"
        console.print()
        print_wrapped(console, Text(head + (f" · see {', '.join(flags)}" if flags else ""), "bold"))
        print_wrapped(console, Text(" ".join(ref.sentences[i].text for i in group.slot(ref.id))), 2)
        for art in members:
            ops = analysis.diffs[(group.id, art)]
            label = sentence_label(group.slot(art))
            print_wrapped(console, Text(f"{art} [{label}]: {summary(ops)}", "cyan"), 2)
            print_wrapped(console, render_ops(ops, markers), 4)
    if not shown:
        console.print("No aligned sentences to compare.")
