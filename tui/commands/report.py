"""Provides `sidebyside report PATH ... [--format md|html|json] [--output FILE] [--notes FILE]`.

The review report of a collection: the versions and their similarity, the discrepancies, the
notes of the collection's sidecar, and the collation (`--no-collation` leaves it out). Markdown
to stdout by default. The app's export calls the same core function (tui.core.report.writer.render).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from tui.commands._common import check_reference, load_inputs
from tui.commands.arguments import add_input_arguments
from tui.core.analysis import analyze
from tui.core.errors import MissingInput, UsageError
from tui.core.load.collection import Collection
from tui.core.notes.model import DEFAULT_VERDICTS
from tui.core.notes.placement import locate
from tui.core.notes.sidecar import Sidecar, parse_sidecar, sidecar_location, with_shared
from tui.core.report.writer import FORMATS, ReportNote, render, report_notes
from tui.resources import seeds_dir


def add_parser(sub: Any) -> argparse.ArgumentParser:
    """Register the subcommand."""
    p: argparse.ArgumentParser = sub.add_parser(
        "report",
        help="write the review report (Markdown, HTML or JSON)",
        description="Write the review report of the versions: their metadata and similarity, "
        "the discrepancies, your notes grouped by verdict, and the collation with word diffs.",
    )
    add_input_arguments(p)
    p.add_argument(
        "--format",
        choices=FORMATS,
        default=None,
        help="md, html (one self-contained file) or json (schema sidebyside.report/1); default: "
        "from the --output file's ending (.html, .htm, .json), else md",
    )
    p.add_argument(
        "--output", "-o", metavar="FILE", default=None, help="write to FILE (default: stdout)"
    )
    p.add_argument(
        "--notes",
        metavar="FILE",
        default=None,
        help="notes sidecar to report (default: the collection's sidebyside.notes.json)",
    )
    p.add_argument(
        "--reference",
        metavar="ID",
        default=None,
        help="article id the diffs and the reading order follow (default: the first article)",
    )
    p.add_argument(
        "--no-collation",
        dest="collation",
        action="store_false",
        help="leave out the collation (a short report)",
    )
    return p


def _sidecar(collection: Collection, override: str | None) -> Sidecar | None:
    """The collection's notes sidecar (None when there is none yet).

    The same sidecar as `sidebyside notes` (the bundled samples' notes live in the user data
    folder, never in the seeds folder).

    Raises:
        MissingInput: `--notes FILE` names a file that does not exist.
        CorruptSidecar: the sidecar is not a notes file this version can read.
    """
    location = sidecar_location(collection, override, keep_out=[seeds_dir()])
    try:
        raw = location.path.read_bytes()
    except FileNotFoundError:
        if override is not None:
            raise MissingInput(override, "no such notes file") from None
        if location.shared is None:
            return None
        raw = b""
    except IsADirectoryError:
        raise UsageError(str(location.path), "is a folder, not a notes file") from None
    except OSError as exc:
        raise UsageError(str(location.path), f"cannot read ({exc.strerror})") from None
    own = parse_sidecar(raw, str(location.path))
    if location.shared is None:
        return own
    try:
        shared = location.shared.read_bytes()
    except OSError as exc:
        raise UsageError(str(location.shared), f"cannot read ({exc.strerror})") from None
    return with_shared(own, parse_sidecar(shared, str(location.shared)))


SUFFIX_FORMATS = {".html": "html", ".htm": "html", ".json": "json", ".md": "md"}
"""Output file endings that choose the format when --format is not given."""


def _format(given: str | None, output: str | None) -> str:
    """--format, else the one the output file's ending names, else Markdown."""
    if given is not None:
        return given
    if output is not None:
        return SUFFIX_FORMATS.get(Path(output).suffix.lower(), "md")
    return "md"


def _write(path: str, text: str) -> None:
    """Write the report atomically: a temp file beside it, then a rename."""
    target = Path(path)
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    except OSError as exc:
        raise UsageError(path, f"cannot write ({exc.strerror})") from None
    umask = os.umask(0)
    os.umask(umask)
    try:
        os.fchmod(fd, 0o666 & ~umask)  # mkstemp makes it private; a report is an ordinary file
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.replace(temp, target)
    except OSError as exc:
        Path(temp).unlink(missing_ok=True)
        raise UsageError(path, f"cannot write ({exc.strerror})") from None


def run(args: argparse.Namespace) -> int:
    """Build the report and write it."""
    collection = load_inputs(args)
    reference = check_reference(collection, args.reference)
    sidecar = _sidecar(collection, args.notes)
    analysis = analyze(collection.articles, reference)
    notes: tuple[ReportNote, ...] = ()
    verdicts: tuple[str, ...] = DEFAULT_VERDICTS
    if sidecar is not None:
        notes = report_notes(locate(sidecar.notes, analysis.articles), analysis.articles)
        verdicts = sidecar.verdicts
    text = render(
        _format(args.format, args.output),
        analysis,
        notes,
        verdicts=verdicts,
        collation=args.collation,
    )  # no sidecar path in the report: it goes to colleagues, the local path means nothing
    if args.output is not None:
        _write(args.output, text)
        return 0
    try:
        sys.stdout.write(text)
    except UnicodeEncodeError:  # a terminal that cannot show the text: send UTF-8 bytes
        sys.stdout.flush()
        sys.stdout.buffer.write(text.encode("utf-8"))
    return 0
