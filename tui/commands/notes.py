"""Provides `sidebyside notes PATH ... [--json] [--notes FILE] [--add ...] [--quarantine]`.

Lists the reviewer notes of a collection with the status of each anchor (anchored, moved,
orphaned, absent) and says where the sidecar is; `--add` adds one note on one sentence through
the same store as the app (same file, lock, merge and rules).
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from tui.commands._common import load_inputs, print_json
from tui.commands.arguments import add_input_arguments
from tui.core.errors import UsageError
from tui.core.load.collection import Collection
from tui.core.notes.anchor import Anchor, anchor_quote, anchor_sentence
from tui.core.notes.placement import LocatedNote, locate
from tui.core.notes.sidecar import SidecarLocation, sidecar_location
from tui.core.notes.store import NoteStore
from tui.core.numbering import sentence_label
from tui.core.report.serialize import NOTELIST_SCHEMA, notelist_document
from tui.resources import seeds_dir

TEXT_CHARS = 200
"""Characters of a note's first line the table shows (`--json` gives the whole text)."""


def add_parser(sub: Any) -> argparse.ArgumentParser:
    """Register the subcommand."""
    p: argparse.ArgumentParser = sub.add_parser(
        "notes",
        help="list reviewer notes, or add one",
        description="List the reviewer notes kept for these articles, with where each one is "
        "anchored now (anchored, moved, orphaned, or absent when its article is not loaded), or "
        "add a note on one sentence with --add.",
    )
    add_input_arguments(p)
    p.add_argument("--json", action="store_true", help=f"print JSON (schema {NOTELIST_SCHEMA})")
    p.add_argument(
        "--notes",
        metavar="FILE",
        default=None,
        help="the notes sidecar (default: sidebyside.notes.json next to the articles, or the "
        "user data folder when that folder is not writable)",
    )
    p.add_argument(
        "--add",
        action="store_true",
        help="add a note (needs --article, --sentence, --verdict, --text)",
    )
    p.add_argument("--article", metavar="ID", help="article id of the note (see `articles`)")
    p.add_argument(
        "--sentence",
        metavar="N",
        type=int,
        help="sentence index in that article, from 0 (as in `articles --json`)",
    )
    p.add_argument(
        "--quote",
        metavar="WORDS",
        help="anchor the note on these words of the sentence, not the whole sentence "
        "(first occurrence; case and spacing are forgiven when no exact match)",
    )
    p.add_argument("--verdict", metavar="V", help="verdict key (1-9) or label, e.g. 2 or disputed")
    p.add_argument("--text", metavar="T", help="the note's text")
    p.add_argument(
        "--tags", metavar="TAG", nargs="+", default=[], help="tags (space or comma separated)"
    )
    p.add_argument("--author", metavar="NAME", default=None, help="author (default: login name)")
    p.add_argument(
        "--quarantine",
        action="store_true",
        help="move a sidecar that cannot be read aside (timestamped name) and start a new one",
    )
    return p


def _sentence_anchor(collection: Collection, args: argparse.Namespace) -> Anchor:
    missing = [
        f"--{k}" for k in ("article", "sentence", "verdict", "text") if getattr(args, k) is None
    ]
    if missing:
        raise UsageError("--add", f"also needs {', '.join(missing)}")
    by_id = {a.id: a for a in collection.articles}
    article = by_id.get(args.article)
    if article is None:
        have = ", ".join(by_id)
        raise UsageError("--article", f"no article with id '{args.article}' (have: {have})")
    count = len(article.sentences)
    if not 0 <= args.sentence < count:
        raise UsageError(
            "--sentence",
            f"no sentence {args.sentence} in {article.id} (it has {count}, numbered from 0)",
        )
    if args.quote is None:
        return anchor_sentence(article, args.sentence)
    anchor = anchor_quote(article, [args.sentence], args.quote)
    if anchor is None:
        raise UsageError(
            "--quote", f"{args.quote!r} is not in sentence {args.sentence} of {article.id}"
        )
    return anchor


def _where(item: LocatedNote) -> str:
    parts = []
    for p in item.placements:
        if p.sentences:
            parts.append(f"{p.article} {sentence_label(p.sentences)}")
        else:
            parts.append(f"{p.anchor.article} {p.resolution.status}")
    return " ".join(parts) or "-"


RICH_ROWS = 500
"""Above this many notes the listing is plain aligned columns: rich lays a table out at ~2.5 ms
a row (a 19,000-note sidecar took 50 s), plain lines cost microseconds."""


def _print_plain(columns: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    widths = [max(len(c), *(len(r[k]) for r in rows)) for k, c in enumerate(columns[:-1])]
    lines = [columns, *rows]
    sys.stdout.writelines(
        "  ".join(v.ljust(w) for v, w in zip(line, widths, strict=False)) + "  " + line[-1] + "\n"
        for line in lines
    )


def _print_table(
    place: SidecarLocation, store: NoteStore, located: tuple[LocatedNote, ...]
) -> None:
    from rich.console import Console
    from rich.table import Table

    sys.stdout.write(f"Notes: {place.path} ({place.reason})\n")
    if place.shared is not None and not store.shared_reason:
        count = len(store.shared_ids)
        sys.stdout.write(f"Shared, read only: {place.shared} ({count} notes shown)\n")
    if not located:
        sys.stdout.write("No notes yet.\n")
        return
    columns = ("id", "verdict", "status", "where", "text")
    rows = []
    for item in located:
        note = item.note
        text = note.text.splitlines()[0] if note.text.strip() else ""
        if len(text) > TEXT_CHARS:  # folding a long text costs rich much time; --json has it all
            text = text[: TEXT_CHARS - 1] + "…"
        rows.append((note.id, note.verdict or "-", item.status, _where(item), text))
    if len(rows) > RICH_ROWS:
        _print_plain(columns, rows)
    else:
        table = Table()
        for col in columns:
            table.add_column(col, overflow="fold")
        for item, row in zip(located, rows, strict=True):
            table.add_row(*row, style={"orphaned": "bold red", "moved": "yellow"}.get(item.status))
        Console().print(table)
    counts = {s: sum(i.status == s for i in located) for s in ("anchored", "moved", "orphaned")}
    summary = ", ".join(f"{n} {s}" for s, n in counts.items() if n)
    noun = "note" if len(located) == 1 else "notes"
    sys.stdout.write(f"{len(located)} {noun}: {summary}\n")
    for item in located:
        for p in item.placements:
            if p.resolution.status == "orphaned":
                quote = " ".join(p.anchor.exact.split())
                sys.stdout.write(f'{item.note.id}: orphaned quote in {p.article}: "{quote}"\n')


def run(args: argparse.Namespace) -> int:
    """List the notes, add one, or quarantine a bad sidecar."""
    collection = load_inputs(args)
    place = sidecar_location(collection, args.notes, keep_out=[seeds_dir()])
    store = NoteStore.open(place.path, author=args.author, shared=place.shared)
    if store.shared_reason:
        sys.stderr.write(f"sidebyside: {store.shared_reason} (its notes are not shown)\n")
    if args.quarantine:
        if not store.read_only:
            raise UsageError("--quarantine", f"{place.path} reads fine: nothing to move aside")
        aside = store.quarantine()
        if aside is None:
            sys.stderr.write(f"sidebyside: {place.path} reads fine now; nothing moved\n")
        else:
            sys.stderr.write(f"sidebyside: moved {place.path} aside to {aside}; new sidecar\n")
        return 0
    if store.read_only:
        sys.stderr.write(f"sidebyside: {store.reason} (--quarantine moves it aside)\n")
        return 2
    added = None
    if args.add:
        anchor = _sentence_anchor(collection, args)
        verdict = store.verdict(args.verdict)
        tags = [t for chunk in args.tags for t in chunk.split(",")]
        added = store.add(verdict, args.text, [anchor], tags)
    elif any(
        getattr(args, k) is not None for k in ("article", "sentence", "quote", "verdict", "text")
    ):
        raise UsageError("--article/--sentence/--quote/--verdict/--text", "only go with --add")
    notes = store.notes if added is None else (store.get(added.id),)
    located = locate(notes, collection.articles)
    if args.json:
        doc = notelist_document(
            located,
            store.verdicts,
            place,
            shared_ids=store.shared_ids,
            shared_problem=store.shared_reason,
        )
        print_json(doc)
        return 0
    if added is not None:
        item = located[0]
        sys.stdout.write(
            f"added note {added.id} ({added.verdict}) on {_where(item)} in {place.path}\n"
        )
        return 0
    _print_table(place, store, located)
    return 0
