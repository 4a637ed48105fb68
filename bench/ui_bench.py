"""Provides main(): how fast the reading app starts and answers keys (printed figures).

1. Launch to the first full compare screen on the bundled seeds, against an empty Textual app,
   each in a fresh Python process (interpreter start and imports included), headless, same
   size, bytecode cached for both, median of nine runs (the two alternate, so load on the
   machine hits both alike). Target: within 1.3x of the empty app.
   Each launch is timed from the spawn to the moment its first screen is complete (the child
   prints a monotonic timestamp then); the time to process exit, which adds the interpreter's
   teardown (larger for a bigger heap, and no part of what a user waits for), is printed too.
2. Key press to refreshed screen in a synthetic 5,000-group comparison, for moving the cursor
   (j) and jumping to the next difference (n): the pilot round trip (key event, handler,
   repaint of the screen) and the handler plus rendering every visible line of the compare view
   from cold caches. Target: median under 30 ms.
"""

from __future__ import annotations

import asyncio
import functools
import os
import pickle
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from rich.console import RenderableType
from textual import events
from textual._compositor import CompositorUpdate
from textual.screen import Screen

RUNS = 9
"""Process launches per app (ours and the empty app alternate, so load on the machine hits both)."""

PRESSES = 60
"""Key presses per key in the 5,000-group test."""

SIZE = (160, 48)
"""Terminal size."""

_EMPTY = """
import asyncio
from textual.app import App
from textual.widgets import Footer, Static

class Empty(App[None]):
    def compose(self):
        yield Static("hello")
        yield Footer()

async def main():
    app = Empty()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        print("SCREEN", time.monotonic())

asyncio.run(main())
"""

_SCREEN = """
async def main():
    async with app.run_test(size=SIZE) as pilot:
        while app.compare_screen.analysis is None or not app.compare_screen.view.rows:
            await asyncio.sleep(0.002)
        await pilot.pause()
        print("SCREEN", time.monotonic())

asyncio.run(main())
"""
"""Run `app` until its compare screen shows the analysis, and print when (both launch scripts)."""

_OURS = (
    """
import argparse
import asyncio
from tui import cli
from tui.commands import app as app_command

# as `sidebyside --theme textual-dark` does (tui.cli.main, tui.commands.app.run): parse, start
# loading the bundled seeds and analysing them, then import Textual, take the inputs, build the app
parser = argparse.ArgumentParser()
cli.add_input_arguments(parser)
app_command.add_app_arguments(parser)
args = parser.parse_args(["--theme", "textual-dark", *ARGS])
launch = app_command.start(args)
app = app_command.build_app(args, launch)
"""
    + _SCREEN
)


_CORE = """
from tui.core.analysis import analyze
from tui.core.load.collection import load_collection
from tui.resources import seed_paths

analyze(load_collection(seed_paths()).articles)
"""

_UI_ONLY = (
    """
import argparse, asyncio, pickle
from concurrent.futures import Future
from tui.ui.preload import pause_gc

pause_gc()  # as the launch does
with open(PICKLE, "rb") as f:  # the seeds' analysis, computed beforehand: no aligning here
    collection, analysis, hint = pickle.load(f)
pending = Future()
pending.set_result(analysis)
loaded = Future()
loaded.set_result((collection, None, hint))
from tui.commands.app import Launch, build_app

args = argparse.Namespace(notes=None, theme="textual-dark")
app = build_app(args, Launch(loaded, pending))
"""
    + _SCREEN
)


# Launches run as on a user's machine, where Python caches bytecode (pip compiles it at install):
# an inherited PYTHONDONTWRITEBYTECODE=1 would recompile our sources on every launch, while the
# empty app's Textual comes precompiled from site-packages. A warm-up launch writes the caches.
_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _launch(code: str) -> tuple[float, float]:
    """Seconds from spawn to the first screen (exit when the code prints none) and to exit."""
    t0 = time.monotonic()  # CLOCK_MONOTONIC: the same clock in the child
    done = subprocess.run(
        [sys.executable, "-c", f"import time\nSIZE = {SIZE!r}\n{code}"],
        check=True,
        capture_output=True,
        env=_ENV,
        stdin=subprocess.DEVNULL,
    )
    t1 = time.monotonic()
    shown = [line.split()[1] for line in done.stdout.decode().splitlines() if line[:7] == "SCREEN "]
    return (float(shown[-1]) - t0 if shown else t1 - t0), t1 - t0


_DONE = """
async def main():
    async with app.run_test(size=SIZE) as pilot:
        while app.compare_screen.analysis is None or not app.compare_screen.view.rows:
            await asyncio.sleep(0.002)
        await pilot.pause()
        print("SCREEN", time.monotonic())
        await asyncio.sleep(0.5)
        await pilot.press("j", "right_square_bracket")  # keys work while the rest arrives
        while app.compare_screen.query_one("#progress").display:
            await asyncio.sleep(0.01)
        print("DONE", time.monotonic())
        import resource
        await asyncio.sleep(0.2)  # the analysis process has been reaped by now
        who = (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
        print("RSS", *(resource.getrusage(w).ru_maxrss for w in who))

asyncio.run(main())
"""
"""Like _SCREEN, then waits until every piece of the analysis arrived (DONE)."""

BIG = (50, 300)
"""Versions x sentences of the big story (bench.story_files)."""


def _busy() -> subprocess.Popen[bytes]:
    """A CPU-bound process that runs until killed (the machine is busy meanwhile)."""
    return subprocess.Popen([sys.executable, "-c", "while True: pass"])


def big_story() -> None:
    """Print launch to the first compare screen on a 50 x 300 story, and to the complete one."""
    from bench.story_files import write_story

    with tempfile.TemporaryDirectory() as tmp:
        paths = [str(p) for p in write_story(Path(tmp), *BIG)]
        code = f"ARGS = {paths!r}\n" + _OURS.replace(_SCREEN, _DONE)
        _launch(code)  # warm-up
        firsts: list[float] = []
        dones: list[float] = []
        peaks: list[tuple[float, ...]] = []
        for _ in range(3):
            t0 = time.monotonic()
            done = subprocess.run(
                [sys.executable, "-c", f"import time\nSIZE = {SIZE!r}\n{code}"],
                check=True,
                capture_output=True,
                env=_ENV,
                stdin=subprocess.DEVNULL,
            )
            lines = done.stdout.decode().splitlines()[-3:]
            marks = {line.split()[0]: line.split()[1:] for line in lines}
            firsts.append(float(marks["SCREEN"][0]) - t0)
            dones.append(float(marks["DONE"][0]) - t0)
            peaks.append(tuple(int(kb) / 1024 for kb in marks["RSS"]))
    n, m = BIG
    print(
        f"app on {n}x{m}: launch to first compare screen median "
        f"{statistics.median(firsts):.2f} s (target <= 2 s), to the complete analysis "
        f"{statistics.median(dones):.2f} s (median of 3)"
    )
    print(
        f"  peak RSS: app process {max(p[0] for p in peaks):.0f} MiB, analysis process "
        f"{max(p[1] for p in peaks):.0f} MiB (target <= 150 MiB each)"
    )


def startup(busy: bool = False) -> None:
    """Print launch-to-compare time against an empty app (busy: while a CPU-bound process
    runs)."""
    from tui.core.analysis import analyze
    from tui.core.load.collection import load_collection
    from tui.resources import seed_paths
    from tui.ui.preload import sidecar_hint

    collection = load_collection(seed_paths())
    with tempfile.TemporaryDirectory() as tmp:
        dump = Path(tmp) / "analysis.pickle"
        # with what the loading process also sends the app: the notes sidecar's state
        hint = sidecar_hint(collection, None)
        dump.write_bytes(pickle.dumps((collection, analyze(collection.articles), hint)))
        prefix = f"PICKLE = {str(dump)!r}\n"
        runs: dict[str, list[tuple[float, float]]] = {"empty": [], "ours": [], "core": [], "ui": []}
        ours = "ARGS = []\n" + _OURS
        codes = {"empty": _EMPTY, "ours": ours, "core": _CORE, "ui": prefix + _UI_ONLY}
        for code in codes.values():  # warm-up: bytecode caches
            _launch(code)
        hog = _busy() if busy else None
        try:
            for i in range(RUNS):
                # ours and the empty app back to back, in alternating order, then the breakdown
                pair = ("empty", "ours") if i % 2 == 0 else ("ours", "empty")
                for name in (*pair, "core", "ui"):
                    runs[name].append(_launch(codes[name]))
        finally:
            if hog is not None:
                hog.kill()
                hog.wait()

    def median(name: str, which: int = 0) -> float:
        return statistics.median(r[which] for r in runs[name])

    e, o = median("empty"), median("ours")
    if busy:
        print("while another CPU-bound process runs:")
    print(f"launch to first screen, empty Textual app: {e * 1000:7.0f} ms (median of {RUNS})")
    print(f"launch to full compare screen, seeds:      {o * 1000:7.0f} ms (median of {RUNS})")
    print(f"ratio: {o / e:.2f}x (target <= 1.30x)")
    print(
        f"  of which: core alone (import, load, analyse, no Textual, to exit) "
        f"{median('core') * 1000:.0f} ms; app with the analysis precomputed "
        f"{median('ui') * 1000:.0f} ms"
    )
    e_exit, o_exit = median("empty", 1), median("ours", 1)
    print(
        f"  to process exit (teardown included): empty {e_exit * 1000:.0f} ms, "
        f"ours {o_exit * 1000:.0f} ms, ratio {o_exit / e_exit:.2f}x"
    )


async def _keys() -> None:
    from tui.ui.app import app_for_analysis
    from tui.ui.synthetic import synthetic_analysis

    t0 = time.perf_counter()
    analysis = synthetic_analysis(5000, 3)
    print(f"synthetic 5,000-group analysis built in {(time.perf_counter() - t0) * 1000:.0f} ms")
    app = app_for_analysis(analysis, theme="textual-dark")
    async with app.run_test(size=SIZE) as pilot:
        t0 = time.perf_counter()
        while app.compare_screen.analysis is None or not app.compare_screen.view.rows:
            await asyncio.sleep(0.002)
        await pilot.pause()
        print(f"5,000 rows laid out and shown in {(time.perf_counter() - t0) * 1000:.0f} ms")
        view = app.compare_screen.view
        height = view.size.height
        driver = app._driver
        assert driver is not None
        writes: list[float] = []
        original = app._display

        def display(screen: Screen[object], renderable: RenderableType | None) -> None:
            # headless apps skip the terminal write: build the bytes anyway, as a terminal would
            if isinstance(renderable, CompositorUpdate):
                renderable.render_segments(app.console)
                writes.append(time.perf_counter())
            original(screen, renderable)

        app._display = display  # type: ignore[method-assign]
        steps = (("j", view.action_cursor_down), ("n", app.compare_screen.action_next_difference))
        for key, action in steps:
            await pilot.press("g")
            trips = []
            for _ in range(PRESSES):
                writes.clear()
                event = events.Key(key, key)
                event.set_sender(app)
                t = time.perf_counter()
                driver.send_message(event)
                deadline = t + 2.0
                while not writes and time.perf_counter() < deadline:
                    await asyncio.sleep(0)
                if not writes:
                    raise RuntimeError("no screen update within 2 s")
                trips.append(writes[0] - t)
                await pilot.pause()
            await pilot.press("g")
            direct = []
            for _ in range(PRESSES):
                view._strips.clear()
                t = time.perf_counter()
                action()
                for y in range(height):
                    view.render_line(y)
                direct.append(time.perf_counter() - t)
            print(
                f"key {key!r}: key event to screen update rendered: median "
                f"{statistics.median(trips) * 1000:5.1f} ms "
                f"(p90 {sorted(trips)[int(PRESSES * 0.9)] * 1000:5.1f}) (target < 30 ms); "
                f"handler + cold render of {height} lines: median "
                f"{statistics.median(direct) * 1000:5.1f} ms"
            )
        print(f"compare view row {view.cursor} of {len(view.rows)} after the runs")


def main() -> int:
    """Run both measurements and print the figures."""
    for run in (startup, functools.partial(startup, busy=True), big_story):
        try:
            run()
        except subprocess.CalledProcessError as exc:
            print(f"startup: failed: {exc.stderr.decode(errors='replace').strip()[-300:]}")
    asyncio.run(_keys())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
