"""Provides the atheris engine of `make fuzz` (`python -m bench.fuzz --atheris`): coverage-guided.

Each target runs in a child process (libFuzzer ends the process when its time is up):
`python -m bench.fuzz_atheris TARGET SECONDS`. The child instruments the `tui` package, turns
libFuzzer's bytes into the target's inputs (bench/fuzz.py's `*_case` functions: the same checks
as the hypothesis engine) and prints one line per problem; the parent counts libFuzzer's runs
and the problems. libFuzzer's own mutations start from the bundled seeds and a few hostile
pieces. Instrumented code runs several times slower, so the time budget (2 s/MB) is not
checked here (the hypothesis engine checks it); crashes, active links and control
characters are.
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import pkgutil
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.fuzz import _NOTE, SEEDS, Tally

_RUNS = re.compile(r"Done (\d+) runs in")


def available() -> bool:
    """True when atheris can be imported."""
    return importlib.util.find_spec("atheris") is not None


def run(name: str, seconds: float) -> Tally:
    """Fuzz one target for seconds in a child process; its tally."""
    tally = Tally(timed=False)
    with tempfile.TemporaryDirectory() as corpus:
        if name == "sidecar":  # a valid sidecar to mutate: random bytes seldom make JSON
            doc = {"schema": "sidebyside.notes/1", "notes": [_NOTE], "deleted": []}
            (Path(corpus) / "seed").write_text(json.dumps(doc, indent=2))
        else:
            for k, seed in enumerate(SEEDS):
                (Path(corpus) / f"seed{k}").write_bytes(seed.read_bytes())
        argv = [sys.executable, "-m", "bench.fuzz_atheris", name, str(int(seconds)), corpus]
        done = subprocess.run(argv, capture_output=True, text=True, errors="replace", check=False)
    for line in done.stdout.splitlines():
        if line.startswith("PROBLEM "):
            tally.failures.append(line.removeprefix("PROBLEM "))
    runs = _RUNS.search(done.stderr)
    tally.cases = int(runs.group(1)) if runs else 0
    if runs is None:
        tally.failures.append(f"crash: atheris ended without its summary ({done.returncode})")
    return tally


def _one_input(name: str, data: bytes) -> list[str]:
    import atheris

    from bench import fuzz

    fdp = atheris.FuzzedDataProvider(data)
    if name == "load":
        return fuzz.load_case(fdp.ConsumeBytes(fdp.remaining_bytes()), "a.html")
    if name == "split":
        return fuzz.split_case(fdp.ConsumeUnicodeNoSurrogates(fdp.remaining_bytes()))
    if name == "sidecar":
        return fuzz.sidecar_case(data)
    files = fdp.ConsumeIntInRange(2, 4)
    raws = [fdp.ConsumeBytes(len(data) // files) for _ in range(files)]
    return fuzz.pipeline_case(raws, ["a.txt", "b.md", "c.html", "d"][:files])


def _child(name: str, seconds: str, corpus: str) -> None:
    import atheris

    import tui.core

    # every core module now: the stages import each other lazily, on first use, which would
    # be after this block and so never instrumented
    with atheris.instrument_imports(include=["tui"]):
        for module in pkgutil.walk_packages(tui.core.__path__, "tui.core."):
            if module.name not in sys.modules:
                importlib.import_module(module.name)

    from tui.core.errors import InputError

    def test_one_input(data: bytes) -> None:
        try:
            problems = _one_input(name, data)
        except InputError:
            problems = []
        except Exception as exc:  # the fuzzer's whole point: report, never stop
            problems = [f"crash: {type(exc).__name__}: {str(exc)[:120]}"]
        for line in problems:
            print(f"PROBLEM {line}", flush=True)

    max_len = "300000" if name == "pipeline" else "20000"
    args = [sys.argv[0], f"-max_total_time={seconds}", f"-max_len={max_len}", "-timeout=60"]
    atheris.Setup([*args, "-print_final_stats=1", corpus], test_one_input)
    t0 = time.perf_counter()
    atheris.Fuzz()
    print(f"ended after {time.perf_counter() - t0:.0f} s", file=sys.stderr)


if __name__ == "__main__":
    _child(*sys.argv[1:4])
