"""Provides a check that a refactor left every CLI output byte-identical.

Run once before a restructuring and once after, then compare the two folders:

    python -m bench.same_output write /tmp/before
    ... refactor ...
    python -m bench.same_output write /tmp/after
    python -m bench.same_output compare /tmp/before /tmp/after

It runs ``align``, ``diff``, ``facts``, ``notes`` and ``report`` (every format) on the
bundled seeds and on every DEplain document in ``../shared/eval/deplain-web`` (skipped when
that folder is absent), in process, and writes each command's stdout and exit code to one
file. The notes come from one fixed sidecar copied into place before each run, so the only
thing that can change the bytes is the code.
"""

from __future__ import annotations

import contextlib
import io
import json
import shutil
import sys
import tempfile
from pathlib import Path

from tui.cli import main
from tui.resources import seeds_dir

DEPLAIN = Path(__file__).resolve().parents[2] / "shared" / "eval" / "deplain-web"

_NOTES = {
    "format": "sidebyside.notes/1",
    "notes": [],
}


def _inputs() -> list[tuple[str, list[str]]]:
    seeds = sorted(str(p) for p in seeds_dir().glob("*.txt"))
    runs = [("seeds", seeds)]
    for split in ("dev", "test"):
        folder = DEPLAIN / split
        if not folder.is_dir():
            continue
        for doc in sorted(folder.iterdir()):
            pair = [str(doc / "complex.txt"), str(doc / "simple.txt")]
            if all(Path(p).is_file() for p in pair):
                runs.append((f"deplain-{split}-{doc.name}", pair))
    return runs


def _run(argv: list[str]) -> str:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    return f"exit {code}\n--- stdout\n{out.getvalue()}--- stderr\n{err.getvalue()}"


def _sidecar(folder: Path, paths: list[str]) -> Path:
    """A sidecar with one note per article on its second sentence, made by the CLI once."""
    sidecar = folder / "notes.json"
    for k, path in enumerate(paths[:3]):
        _run(
            [
                "notes",
                *paths,
                "--notes",
                str(sidecar),
                "--add",
                "--article",
                Path(path).stem.split("_")[0],
                "--sentence",
                "2",
                "--verdict",
                ("supported", "disputed", "misleading")[k % 3],
                "--text",
                f"note {k}",
                "--author",
                "bench",
            ]
        )
    return sidecar


def write(out_dir: Path) -> int:
    """Writes every command's output for every input into ``out_dir``.

    The sidecars live beside ``out_dir`` (``_sidecars``), made on the first run and reused by
    the next, so before and after read the same notes.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    fixtures = out_dir.parent / "_sidecars"
    fixtures.mkdir(exist_ok=True)
    count = 0
    for name, paths in _inputs():
        fixture = fixtures / f"{name}.json"
        if not fixture.exists():
            with tempfile.TemporaryDirectory() as tmp:
                made = _sidecar(Path(tmp), paths)
                if made.exists():
                    shutil.copy(made, fixture)
                else:
                    fixture.write_text(json.dumps(_NOTES))
        commands = {
            "align": ["align", *paths],
            "align.json": ["align", "--json", *paths],
            "diff": ["diff", *paths],
            "diff.json": ["diff", "--json", *paths],
            "facts": ["facts", *paths],
            "facts.json": ["facts", "--json", *paths],
            "notes": ["notes", *paths, "--notes", "{notes}"],
            "notes.json": ["notes", "--json", *paths, "--notes", "{notes}"],
            "report.md": ["report", "--format", "md", *paths, "--notes", "{notes}"],
            "report.html": ["report", "--format", "html", *paths, "--notes", "{notes}"],
            "report.json": ["report", "--format", "json", *paths, "--notes", "{notes}"],
        }
        for label, argv in commands.items():
            with tempfile.TemporaryDirectory() as tmp:
                notes = Path(tmp) / "notes.json"
                shutil.copy(fixture, notes)
                text = _run([a.replace("{notes}", str(notes)) for a in argv])
            (out_dir / f"{name}.{label}.txt").write_text(text.replace(str(notes), "NOTES"))
            count += 1
    print(f"wrote {count} outputs to {out_dir}")
    return 0


def compare(before: Path, after: Path) -> int:
    """Prints the files that differ; exit 1 when any does."""
    names = sorted({p.name for p in before.glob("*.txt")} | {p.name for p in after.glob("*.txt")})
    differ = [
        n
        for n in names
        if not (before / n).exists()
        or not (after / n).exists()
        or (before / n).read_bytes() != (after / n).read_bytes()
    ]
    for n in differ:
        print(f"differs: {n}")
    print(f"{len(names) - len(differ)}/{len(names)} outputs byte-identical")
    return 1 if differ else 0


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "write":
        sys.exit(write(Path(sys.argv[2])))
    if len(sys.argv) == 4 and sys.argv[1] == "compare":
        sys.exit(compare(Path(sys.argv[2]), Path(sys.argv[3])))
    sys.exit("usage: python -m bench.same_output write DIR | compare BEFORE AFTER")
