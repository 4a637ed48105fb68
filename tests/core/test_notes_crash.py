"""Nothing lost: writers killed with SIGKILL mid-save, and two processes writing at once.

A long-lived "zygote" subprocess imports the store once, then forks one writer per trial; the
writer adds (and now and then deletes) notes in a loop and logs each id only after the save
returned. The test kills the writer at a random moment and checks the sidecar: it parses, it
holds every note whose add had returned and none whose delete had returned, and the backup
parses too.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tui.core.notes.anchor import Anchor
from tui.core.notes.model import SIDECAR_NAME
from tui.core.notes.sidecar import parse_sidecar
from tui.core.notes.store import NoteStore

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL")

TRIALS = 240
"""Kill trials in the test suite (bench/notes_stress_bench.py runs more)."""

MAX_DELAY = 0.03
"""Longest wait before the kill, in seconds (a few dozen saves at most)."""

ZYGOTE = r"""
import os, random, sys
import filelock  # the store imports it at its first write: here once, not in every writer
from tui.core.notes.anchor import Anchor
from tui.core.notes.store import NoteStore

ANCHOR = Anchor("a", "0" * 64, "a quote", "before ", " after", 7, 14)

def writer(path, log, seed):
    fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    rng = random.Random(seed)
    store = NoteStore.open(path, author="w%d" % seed)
    os.write(fd, b"open\n")
    mine = []
    i = 0
    while True:
        if mine and rng.random() < 0.15:
            victim = mine.pop(rng.randrange(len(mine)))
            store.delete(victim)
            os.write(fd, ("del %s\n" % victim).encode())
        else:
            text = "note %d of %d\nline two" % (i, seed)
            note = store.add("2", text, [ANCHOR], ["t%d" % (i % 3)])
            mine.append(note.id)
            os.write(fd, ("add %s\n" % note.id).encode())
        i += 1

for line in sys.stdin:
    path, log, seed = line.split("\t")
    pid = os.fork()
    if pid == 0:
        try:
            writer(path, log, int(seed))
        finally:
            os._exit(1)
    print(pid, flush=True)
    os.waitpid(pid, 0)
    print("reaped", flush=True)
"""


def python_env() -> dict[str, str]:
    root = Path(__file__).resolve().parents[2]
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(root), env.get("PYTHONPATH", "")])
    return env


def seed_sidecar(path: Path, count: int) -> list[str]:
    store = NoteStore.open(path, author="seed")
    anchor = Anchor("a", "", "seed quote", "", "", 0, 10)
    return [store.add("1", f"seed {i}", [anchor]).id for i in range(count)]


def check_trial(sidecar: Path, log: Path, seeded: list[str]) -> int:
    """Assert nothing was lost; returns the number of saves that had returned."""
    content = parse_sidecar(sidecar.read_bytes(), str(sidecar))
    sidecar_ids = {n.id for n in content.notes}
    # A delete can return and the writer die before logging it: its tombstone says so.
    tombstones = {t.id for t in content.deleted}
    added: list[str] = []
    deleted: set[str] = set()
    lines = log.read_text().splitlines(keepends=True) if log.exists() else []
    for line in lines:
        if not line.endswith("\n") or line == "open\n":
            continue  # killed while logging: its save had returned, but it is not counted
        kind, note_id = line.split()
        (added.append if kind == "add" else deleted.add)(note_id)
    missing = [i for i in [*seeded, *added] if i not in deleted | sidecar_ids | tombstones]
    assert missing == [], f"notes lost after kill: {missing}"
    assert not set(seeded) & tombstones
    assert not deleted & sidecar_ids, "a deleted note came back"
    backup = sidecar.with_name(sidecar.name + ".bak")
    if backup.exists():
        parse_sidecar(backup.read_bytes(), str(backup))
    reopened = NoteStore.open(sidecar, author="check")
    assert not reopened.read_only, reopened.reason
    return len(added) + len(deleted)


def wait_until_open(log: Path, *, saved: bool = False) -> None:
    """Wait until the writer has opened the store (saved: until its first save has returned)."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if log.exists() and log.stat().st_size > (len("open\n") if saved else 0):
            return
        time.sleep(0.0005)


def run_kill_trials(tmp_path: Path, trials: int, max_delay: float, seed: int) -> dict[str, float]:
    """Run the kill trials; returns figures (used by the stress bench too)."""
    rng = random.Random(seed)
    template = tmp_path / "template.json"
    seeded = seed_sidecar(template, 20)
    zygote = subprocess.Popen(
        [sys.executable, "-c", ZYGOTE],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=python_env(),
    )
    assert zygote.stdin is not None and zygote.stdout is not None
    saves = with_saves = leftovers = 0
    try:
        for trial in range(trials):
            folder = tmp_path / f"t{trial}"
            folder.mkdir()
            sidecar = folder / SIDECAR_NAME
            sidecar.write_bytes(template.read_bytes())
            log = folder / "log"
            zygote.stdin.write(f"{sidecar}\t{log}\t{trial}\n")
            zygote.stdin.flush()
            pid = int(zygote.stdout.readline())
            # so that machine load does not decide where kills land: every trial waits for the
            # store to open, and every other one for the first save, then kills at a random
            # moment (a slow machine would otherwise kill most writers before any save)
            wait_until_open(log, saved=trial % 2 == 1)
            time.sleep(rng.uniform(0, max_delay))
            os.kill(pid, signal.SIGKILL)
            assert zygote.stdout.readline().strip() == "reaped"
            done = check_trial(sidecar, log, seeded)
            saves += done
            with_saves += done > 0
            leftovers += any(p.name.endswith(".tmp") for p in folder.iterdir())
    finally:
        zygote.stdin.close()
        zygote.wait(timeout=10)
    return {"trials": trials, "saves": saves, "trials_with_saves": with_saves, "torn": leftovers}


def test_sigkill_at_random_moments_never_loses_a_saved_note(tmp_path: Path) -> None:
    figures = run_kill_trials(tmp_path, TRIALS, MAX_DELAY, seed=6)
    # The kills must land both before and after saves for the test to mean anything (the odd
    # trials kill after a save by construction; the even ones may land before the first).
    assert figures["trials_with_saves"] >= TRIALS // 2
    assert figures["trials_with_saves"] < TRIALS


WRITER = r"""
import sys, time
from pathlib import Path
from tui.core.notes.store import NoteStore
path, who, count, go = sys.argv[1], sys.argv[2], int(sys.argv[3]), Path(sys.argv[4])
store = NoteStore.open(path, author=who, lock_timeout=60)
print("ready", flush=True)
while not go.exists():
    time.sleep(0.001)
for i in range(count):
    store.add("1", "%s %d" % (who, i), [])
"""


def test_two_processes_adding_500_notes_each_keep_all_1000(tmp_path: Path) -> None:
    sidecar = tmp_path / SIDECAR_NAME
    go = tmp_path / "go"
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(sidecar), who, "500", str(go)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=python_env(),
        )
        for who in ("ann", "bob")
    ]
    for w in writers:
        assert w.stdout is not None and w.stderr is not None
        if w.stdout.readline().strip() != "ready":
            pytest.fail(f"writer failed to start: {w.stderr.read()[-2000:]}")
    go.touch()
    for w in writers:
        _, err = w.communicate(timeout=120)
        assert w.returncode == 0, err[-2000:]
    data = json.loads(sidecar.read_text(encoding="utf-8"))
    texts = sorted(n["text"] for n in data["notes"])
    assert texts == sorted(f"{who} {i}" for who in ("ann", "bob") for i in range(500))
    assert len({n["id"] for n in data["notes"]}) == 1000
