"""Provides main(): the notes sidecar under stress: kill -9 trials, save latency, two writers.

1. Save latency: one store adds notes (one anchor each, like the app's) to a sidecar that
   already holds 0, 100 and 1,000 notes; p50 / p95 / max per save (each save re-reads the
   file if it changed, merges, writes a temp file, fsyncs it, keeps the .bak, replaces, fsyncs
   the folder).
2. Kill -9: the same trials as tests/core/test_notes_crash.py, more of them (`trials`): a
   writer forked from a warm process adds and deletes notes until SIGKILL at a random moment;
   after each kill the sidecar must parse and hold every note whose save had returned.
3. Two writers: two processes add 500 notes each to one sidecar; all 1,000 must be there;
   then four writers × 200 notes, all 800 must be there.
5. Disk full: a 192 KB tmpfs (root only, skipped otherwise) filled by saves until one fails;
   the sidecar must still parse and hold every note saved before.
4. Re-anchoring on the seeds: every sentence and a random 1-3 word selection in it, after an
   editor's note is inserted at the top and one sentence is deleted (for every sentence in
   turn), and after each sentence is reworded: how many land right, wrong, or orphaned, and
   the time per resolve().

Figures are printed; a lost note or a failed check makes main() return 1.
"""

from __future__ import annotations

import importlib.util
import json
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType

from tui.core.notes.anchor import Anchor, anchor_sentence, make_anchor, resolve
from tui.core.notes.model import SIDECAR_NAME
from tui.core.notes.store import NoteStore

CRASH_TESTS = Path(__file__).resolve().parents[1] / "tests" / "core" / "test_notes_crash.py"
"""The kill-trial harness (shared with the test suite)."""

ANCHOR = Anchor(
    "a",
    "0" * 64,
    "Rescue teams reached the village of Marnay at dawn, officials said on Tuesday.",
    "The river rose by three metres. ",
    " Aid is expected on Friday, the",
    400,
    478,
)


def _harness() -> ModuleType | None:
    if not CRASH_TESTS.exists():
        return None
    spec = importlib.util.spec_from_file_location("_notes_crash", CRASH_TESTS)
    if spec is None or spec.loader is None:
        return None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _ms(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return 1000 * ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def save_latency(folder: Path) -> None:
    """Print p50/p95 save latency at several sidecar sizes."""
    print("save latency (one anchor per note, fsync on):")
    heads = ("saves", "p50 ms", "p95 ms", "max ms", "saves/s")
    print(f"  {'notes before':>12} " + " ".join(f"{h:>8}" for h in heads))
    for size in (0, 100, 1000):
        path = folder / f"lat{size}" / SIDECAR_NAME
        store = NoteStore.open(path, author="bench")
        for i in range(size):
            store.add("1", f"seed note {i}", [ANCHOR])
        times: list[float] = []
        start = time.perf_counter()
        for i in range(100):
            t0 = time.perf_counter()
            store.add("2", f"timed note {i}\nsecond line", [ANCHOR], ["bench"])
            times.append(time.perf_counter() - t0)
        rate = len(times) / (time.perf_counter() - start)
        print(
            f"  {size:>12} {len(times):>8} {_ms(times, 0.5):>8.2f} {_ms(times, 0.95):>8.2f} "
            f"{1000 * max(times):>8.2f} {rate:>8.0f}"
        )


def kill_trials(harness: ModuleType, folder: Path, trials: int) -> bool:
    """Run the kill -9 trials; print figures; False if a note was lost."""
    start = time.perf_counter()
    try:
        figures = harness.run_kill_trials(folder, trials, harness.MAX_DELAY * 2, seed=2026)
    except AssertionError as exc:
        print(f"kill -9 trials: FAILED: {exc}")
        return False
    took = time.perf_counter() - start
    print(
        f"kill -9 trials: {figures['trials']} kills, 0 notes lost, "
        f"{figures['trials_with_saves']} kills after at least one save, "
        f"{figures['saves']} saves checked, {figures['torn']} kills left a temp file "
        f"(cleaned by the next save), {took:.1f} s"
    )
    return True


def two_writers(
    harness: ModuleType, folder: Path, count: int, names: tuple[str, ...] = ("ann", "bob")
) -> bool:
    """len(names) processes add `count` notes each; print throughput; False if any is missing."""
    import subprocess

    n = len(names)
    sidecar = folder / f"writers{n}" / SIDECAR_NAME
    sidecar.parent.mkdir()
    go = sidecar.parent / "go"
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", harness.WRITER, str(sidecar), who, str(count), str(go)],
            stdout=subprocess.PIPE,
            text=True,
            env=harness.python_env(),
        )
        for who in names
    ]
    for w in writers:
        assert w.stdout is not None
        w.stdout.readline()
    start = time.perf_counter()
    go.touch()
    codes = [w.wait() for w in writers]
    took = time.perf_counter() - start
    notes = json.loads(sidecar.read_text(encoding="utf-8"))["notes"]
    ok = codes == [0] * n and len({note["id"] for note in notes}) == n * count
    print(
        f"{n} writers: {n * count} saves in {took:.1f} s ({n * count / took:.0f} saves/s), "
        f"{len(notes)} notes in the sidecar{'' if ok else '  FAILED'}"
    )
    return ok


def disk_full(size_kb: int = 192) -> bool:
    """Fill a small tmpfs with notes until a save fails; every note saved before must remain.

    Needs root (to mount the tmpfs); prints why it is skipped otherwise. False on a lost note
    or a sidecar that no longer parses.
    """
    import os
    import subprocess

    if os.geteuid() != 0:
        print("disk full: skipped (mounting a small tmpfs needs root)")
        return True
    with tempfile.TemporaryDirectory(prefix="notes-full-") as tmp:
        mount = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size_kb}k", "tmpfs", tmp],
            capture_output=True,
            text=True,
        )
        if mount.returncode != 0:
            print(f"disk full: skipped (mount failed: {mount.stderr.strip()[:80]})")
            return True
        try:
            sidecar = Path(tmp) / SIDECAR_NAME
            store = NoteStore.open(sidecar, author="ann", lock_timeout=5)
            saved, error = 0, ""
            for i in range(100_000):
                try:
                    store.add("1", f"note {i} " + "x" * 200, [])
                except Exception as exc:  # the point: which error, and was anything lost
                    error = f"{type(exc).__name__}: {str(exc)[:80]}"
                    break
                saved += 1
            notes = json.loads(sidecar.read_text(encoding="utf-8"))["notes"]
            ok = bool(error) and len(notes) >= saved
            print(
                f"disk full ({size_kb} KB tmpfs): {saved} saves, then {error or 'no error'}; "
                f"{len(notes)} notes in the sidecar{'' if ok else '  FAILED'}"
            )
            return ok
        finally:
            subprocess.run(["umount", tmp], check=False)


def reanchoring() -> bool:
    """Print re-anchoring figures on the seeds; False if any anchor landed in a wrong place."""
    import random
    import re

    from tui.core.load.articles import load_article
    from tui.core.load.parse import article_from_text
    from tui.resources import seed_paths

    rng = random.Random(6)
    note = "An editor's note was added at the top of this story.\n\n"
    counts = {k: 0 for k in ("right", "wrong", "orphaned", "gone: orphaned", "gone: found")}
    took: list[float] = []

    def check(anchor: Anchor, edited: object, expected: int | None) -> None:
        t0 = time.perf_counter()
        found = resolve(anchor, edited)  # type: ignore[arg-type]
        took.append(time.perf_counter() - t0)
        if expected is None:
            counts["gone: found" if found.found else "gone: orphaned"] += 1
        elif not found.found:
            counts["orphaned"] += 1
        else:
            counts["right" if found.start == expected else "wrong"] += 1

    for path in seed_paths():
        article = load_article(path)
        src = article.source
        for gone in article.sentences:
            edited = article_from_text(note + src[: gone.start] + src[gone.end :], article.id)
            for s in article.sentences:
                shift = len(note) - (gone.end - gone.start if s.start > gone.start else 0)
                words = list(re.finditer(r"\S+", src[s.start : s.end]))
                i = rng.randrange(len(words))
                j = min(len(words) - 1, i + rng.randrange(3))
                a, b = s.start + words[i].start(), s.start + words[j].end()
                same = s.index != gone.index
                check(anchor_sentence(article, s.index), edited, s.start + shift if same else None)
                check(make_anchor(article, a, b), edited, a + shift if same else None)
        for s in article.sentences:
            old = src[s.start : s.end]
            new = re.sub(r"\d+", lambda m: str(int(m.group()) + 7), old, count=1)
            new = (
                new.replace(" said", " stated", 1) if new != old else old.replace(" the ", " a ", 1)
            )
            if new == old:
                continue
            edited = article_from_text(note + src[: s.start] + new + src[s.end :], article.id)
            check(anchor_sentence(article, s.index), edited, s.start + len(note))
    total = sum(counts.values())
    print(
        f"re-anchoring on the seeds: {total} resolves, "
        + ", ".join(f"{v} {k}" for k, v in counts.items())
        + f"; resolve() p50 {_ms(took, 0.5):.2f} ms, p95 {_ms(took, 0.95):.2f} ms"
    )
    return counts["wrong"] == 0


def main(trials: int = 500) -> int:
    """Run the three parts and print their figures."""
    harness = _harness()
    with tempfile.TemporaryDirectory(prefix="notes-bench-") as tmp:
        folder = Path(tmp)
        save_latency(folder)
        anchors_ok = reanchoring()
        if harness is None:
            print(f"kill -9 and two-writer parts skipped: {CRASH_TESTS} not found")
            return 0 if anchors_ok else 1
        (folder / "kills").mkdir()
        ok = kill_trials(harness, folder / "kills", trials)
        ok = two_writers(harness, folder, 500) and ok
        ok = two_writers(harness, folder, 200, ("ann", "bob", "cyd", "dee")) and ok
        ok = disk_full() and ok
    return 0 if ok and anchors_ok else 1


if __name__ == "__main__":
    raise SystemExit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 500))
