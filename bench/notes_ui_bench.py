"""Provides main(): what the app's notes cost per change and per new analysis (printed figures).

On a synthetic 2,000-group comparison of 3 versions with N notes on groups (N = 100, 1,000),
the time of what the app does when an analysis arrives (resolve every note, count the notes
per group for the row markers), after a note change (resolve what changed, recount), to list
the notes, and of one save through the store (lock, merge, fsync, rename, recount), median of
several runs. Nothing is asserted: figures only.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from tui.core.load.collection import Collection
from tui.ui.notes_controller import NoteDraft, NotesController
from tui.ui.synthetic import synthetic_analysis

RUNS = 5
"""Timed runs per figure (the median is printed)."""


def _median_ms(work: object, runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()  # type: ignore[operator]
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> int:
    """Print the figures."""
    analysis = synthetic_analysis(groups=2000, versions=3)
    groups = [g.id for g in analysis.alignment.groups if len(g.articles) > 1]
    print("notes in the app (synthetic 2,000 groups x 3 versions)")
    for count in (100, 1000):
        with tempfile.TemporaryDirectory() as folder:
            collection = Collection(analysis.articles, (), Path(folder))
            controller = NotesController(collection, Path(folder) / "notes.json", author="bench")
            controller.open()
            controller.set_analysis(analysis)
            for n in range(count):
                controller.add_to_group(groups[n % len(groups)], NoteDraft("1", f"note {n}"))
            c = controller
            cold = _median_ms(lambda c=c: (c.set_analysis(analysis), c.note_counts()))
            refresh = _median_ms(lambda c=c: (c.relocate(), c.note_counts()))
            listing = _median_ms(c.items)
            save = _median_ms(lambda c=c: c.add_to_group(groups[0], NoteDraft("2", "more")))
            print(
                f"  {count:>5} notes: new analysis (resolve all) {cold:7.1f} ms · after a change"
                f" {refresh:6.1f} ms · list {listing:6.1f} ms · one save {save:6.1f} ms"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
