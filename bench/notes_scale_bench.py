"""Provides main(): notes at scale: save latency at 100 to 19,000 notes, listing a big sidecar.

1. Save latency (issue 15): one store adds 50 notes to a sidecar that already holds 100,
   8,000, 10,000 and 19,000 notes (written directly, as another instance would have); p50 /
   p95 per save, fsync on. A flat save cost means p50 grows with the file's bytes (the whole
   file is rewritten and fsynced) but has no cliff at a cache size. Target: p50 <= 50 ms at
   10,000 notes.
2. Listing (issue 15, issue 17 item 5): `sidebyside notes --json` and the table output, whole
   processes, on 10,000 notes and on a 50 MB sidecar (19,000 notes with long texts).

Figures are printed; main() returns 1 when a save loses a note.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tui.core.notes.anchor import Anchor
from tui.core.notes.model import Note
from tui.core.notes.sidecar import Sidecar
from tui.core.notes.store import NoteStore
from tui.resources import seeds_dir

ANCHOR = Anchor(
    "000",
    "0" * 64,
    "Rescue teams reached the village of Marnay at dawn, officials said on Tuesday.",
    "The river rose by three metres. ",
    " Aid is expected on Friday, the",
    400,
    478,
)


def _sidecar(path: Path, count: int, words: int = 0) -> None:
    """Write a sidecar of `count` notes (each text `words` filler words long)."""
    filler = " lorem ipsum dolor sit amet" * (words // 5)
    notes = tuple(
        Note(
            id=f"{i:012x}",
            created=f"2026-01-01T00:00:00.{i:06d}Z",
            updated=f"2026-01-01T00:00:00.{i:06d}Z",
            author="bench",
            verdict="disputed",
            text=f"seed note {i}{filler}",
            tags=("bench",),
            anchors=(ANCHOR,),
        )
        for i in range(count)
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(Sidecar(notes=notes).to_json(), encoding="utf-8")


def _ms(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return 1000 * ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def save_latency(folder: Path) -> bool:
    """Print p50/p95 save latency at several sidecar sizes; False if a note went missing."""
    print("save latency (50 adds each, one anchor per note, fsync on):")
    print(f"  {'notes before':>12} {'MB':>6} {'p50 ms':>8} {'p95 ms':>8}")
    ok = True
    for size in (100, 8000, 10_000, 19_000):
        path = folder / f"save{size}" / "notes.json"
        _sidecar(path, size)
        store = NoteStore.open(path, author="bench")
        times: list[float] = []
        for i in range(50):
            t0 = time.perf_counter()
            store.add("2", f"timed note {i}", [ANCHOR], ["bench"])
            times.append(time.perf_counter() - t0)
        ok &= len(NoteStore.open(path).notes) == size + 50
        mb = path.stat().st_size / 1e6
        print(f"  {size:>12} {mb:>6.1f} {_ms(times, 0.5):>8.1f} {_ms(times, 0.95):>8.1f}")
    return ok


def listing(folder: Path) -> None:
    """Time `sidebyside notes` (JSON and table) on big sidecars, whole processes."""
    seeds = [str(p) for p in sorted(seeds_dir().glob("*.txt"))]
    print("listing, whole process (seconds):")
    for label, count, words in (("10,000 notes", 10_000, 0), ("19,000 notes", 19_000, 400)):
        path = folder / f"list{count}" / "notes.json"
        _sidecar(path, count, words)
        mb = path.stat().st_size / 1e6
        for extra in (["--json"], []):
            t0 = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "tui", "notes", *seeds, "--notes", str(path), *extra],
                check=True,
                stdout=subprocess.DEVNULL,
            )
            took = time.perf_counter() - t0
            print(f"  {label} ({mb:.0f} MB) notes {' '.join(extra) or '(table)':<8} {took:6.2f}")


def main() -> int:
    """Run the figures; 1 if a note was lost."""
    with tempfile.TemporaryDirectory() as tmp:
        ok = save_latency(Path(tmp))
        listing(Path(tmp))
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
