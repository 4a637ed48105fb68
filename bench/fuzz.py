"""Provides `make fuzz`: fuzzing of the loaders, splitter, aligner, facts, reports and sidecars.

`python -m bench.fuzz [SECONDS_PER_TARGET] [TARGET ...] [--atheris]` (default 120 s per target).
Each target draws inputs with hypothesis (random bytes, mutated seeds, hostile text and HTML:
controls and terminal escapes, BOMs, invalid UTF-8, right-to-left and combining marks, huge
lines, tiny sentences, javascript:/data: links; sidecars with every value swapped for a wrong
type, lone surrogates, huge numbers, deep nesting) in rounds of fresh seeds until its time is
up, and fails on

- any exception other than `InputError`;
- any run slower than 2 s per MB of input (1 s at least, for the fixed costs), in CPU time
  (time.process_time(): on a shared machine the wall clock counts other processes too; the
  runs over the budget by the wall clock are printed beside);
- an `href` in an HTML report that is neither `#…` nor http(s) (active content);
- a control character (other than tab and line feed) in an article field, a text report, a
  note read from a sidecar or the `notes --json` document;
- a sidecar that reads but does not write back to the same text (sidecar target).

`--atheris` runs the same targets under atheris (coverage-guided, libFuzzer; bench/fuzz_atheris.py)
when it is installed (`pip install atheris`), else says so and uses hypothesis.
It prints the cases, failures and slowest run per target, and exits 1 when anything failed.
The tests run the same targets with a few hundred fixed-seed cases (tests/core/test_fuzz.py).
"""

from __future__ import annotations

import contextlib
import copy
import io
import json
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from tui.core.errors import InputError

SEEDS = sorted((Path(__file__).parents[1] / "seeds").glob("*.txt"))
"""The five bundled articles, the base of the mutations."""

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""A control character that must never reach a terminal."""

HREF = re.compile(r"""href\s*=\s*["']?\s*([^"'\s>]*)""", re.IGNORECASE)
"""Link targets in an HTML report."""

SECONDS_PER_MB = 2.0
"""The time budget of one run per MB of input."""

MIN_SECONDS = 1.0
"""The time budget of one run of a small input."""

_PIECES = [
    "\x1b]52;c;aGVsbG8=\x07",
    "\x1b[31m",
    "\x1b[2J",
    "\x9b1m",
    "\x07",
    "\x00",
    "\ufeff",
    "\u202e",
    "\u0301",
    "שלום",
    "مرحبا",
    "Mr. ",
    "U.S. ",
    "z. B. ",
    "3.5 ",
    "1,200 ",
    "on Tuesday ",
    "June 17, 2025 ",
    '"',
    "'",
    ". ",
    "! ",
    "? ",
    ": ",
    "\n",
    "\n\n",
    "---\n",
    "# ",
    "* ",
    "[a](javascript:alert(1)) ",
    "<b>",
    "&amp;",
    "&#27;",
    "https://example.com/x ",
    "javascript:alert(1)",
    "word ",
    "said ",
    "killed ",
    "Reuters ",
]
"""Fragments the text strategy glues together: escapes, scripts, stops, markup, facts."""

_text = st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=20)), max_size=120).map(
    "".join
)
"""Hostile article text."""

_html = st.builds(
    lambda head, url, body: (
        f'<html><head><meta charset="{head}"><title>{body[:40]}</title>'
        f'<link rel="canonical" href="{url}"><meta property="og:url" content="{url}"></head>'
        f"<body><article><p>{body}</p></article></body></html>"
    ),
    st.sampled_from(["utf-8", "cp1251", "latin-1", "bogus", "undefined", ""]),
    st.sampled_from(
        ["javascript:alert(1)", "  JaVaScRiPt:x", "data:text/html,x", "https://ex.com/a", "x"]
    ),
    _text,
)
"""Hostile HTML pages with hostile metadata."""


@st.composite
def _mutated_seed(draw: st.DrawFn) -> bytes:
    data = bytearray(SEEDS[draw(st.integers(0, len(SEEDS) - 1))].read_bytes())
    for _ in range(draw(st.integers(0, 12))):
        at = draw(st.integers(0, max(len(data) - 1, 0)))
        op = draw(st.sampled_from(["flip", "insert", "cut", "repeat"]))
        if op == "flip" and data:
            data[at] = draw(st.integers(0, 255))
        elif op == "insert":
            data[at:at] = draw(st.sampled_from(_PIECES)).encode("utf-8")
        elif op == "cut":
            del data[at : at + draw(st.integers(1, 400))]
        else:
            data[at:at] = bytes(data[at : at + 40]) * draw(st.integers(1, 60))
    return bytes(data)


_small_raw = st.one_of(
    st.binary(max_size=3000),
    _mutated_seed(),
    _text.map(lambda t: t.encode("utf-8", "surrogatepass")),
    _html.map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.sampled_from([b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b""]).flatmap(
        lambda bom: _text.map(lambda t: bom + t.encode("utf-8", "replace"))
    ),
)
_raw = st.one_of(
    _small_raw,
    st.integers(1, 40).map(lambda k: b"on Tuesday and " * (k * 500)),
    st.integers(1, 40).map(lambda k: b"Ok. " * (k * 500)),
)
"""File contents: random, mutated seeds, hostile text and HTML, BOMs, huge and tiny sentences."""

_name = st.sampled_from(["a.txt", "b.md", "c.html", "d.htm", "e\x1b[2J.txt", "f"])
"""File names, one of them hostile."""


_NOTE = {
    "id": "n1",
    "created": "2026-01-01T00:00:00Z",
    "updated": "2026-01-02T00:00:00Z",
    "author": "ann",
    "verdict": "disputed",
    "text": "Who counted?\nA second line.",
    "tags": ["numbers"],
    "anchors": [
        {
            "article": "000",
            "file_sha256": "0" * 64,
            "exact": "Rescue teams reached the village at dawn.",
            "prefix": "before ",
            "suffix": " after",
            "start": 10,
            "end": 51,
        }
    ],
    "history": [
        {
            "updated": "2026-01-01T00:00:00Z",
            "author": "ann",
            "verdict": "",
            "text": "first",
            "tags": [],
            "reason": "edit",
        }
    ],
}
"""A valid note: the base the sidecar strategy mutates."""

_json_leaf = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.just(10**4000),
    st.floats(),
    st.text(max_size=20),
    st.sampled_from([*_PIECES, "\ud800", "x\udfffy", "", "supported", "1"]),
)
_json = st.recursive(
    _json_leaf,
    lambda kids: st.one_of(
        st.lists(kids, max_size=4), st.dictionaries(st.text(max_size=8), kids, max_size=4)
    ),
    max_leaves=12,
)
"""Any JSON value, and a few that are not quite (lone surrogates, a 4,000-digit number)."""


@st.composite
def _sidecar_raw(draw: st.DrawFn) -> bytes:
    notes = [
        {**copy.deepcopy(_NOTE), "id": f"n{k}", "created": f"2026-01-0{k + 1}T00:00:00Z"}
        for k in range(draw(st.integers(0, 3)))
    ]
    doc: dict[str, object] = {"schema": "sidebyside.notes/1", "notes": notes, "deleted": []}
    if draw(st.booleans()):
        doc["verdicts"] = ["supported", "disputed"]
    for _ in range(draw(st.integers(0, 5))):
        # swap one value somewhere for anything: walk down from the top at random
        node: object = doc
        while True:
            keys = list(node) if isinstance(node, dict) else list(range(len(node)))  # type: ignore[arg-type]
            if not keys:
                break
            key = draw(st.sampled_from(keys))
            child = node[key]  # type: ignore[index]
            if not isinstance(child, (dict, list)) or not child or draw(st.booleans()):
                node[key] = draw(_json)  # type: ignore[index]
                break
            node = child
    text = json.dumps(
        doc, ensure_ascii=draw(st.booleans()), indent=draw(st.sampled_from([None, 2]))
    )
    raw = bytearray(text.encode("utf-8", "surrogatepass"))
    for _ in range(draw(st.integers(0, 3))):
        at = draw(st.integers(0, len(raw)))
        piece = draw(
            st.sampled_from(
                [b"9" * 5000, b"[" * 3000, b"1e999", b"NaN", b"\\ud800", b"\xff", b",", b"}"]
            )
        )
        raw[at:at] = piece
    return bytes(raw)


_sidecars = st.one_of(_sidecar_raw(), st.binary(max_size=400))
"""Sidecar file contents: mutated valid sidecars, and random bytes."""


@dataclass
class Tally:
    """What one target saw."""

    cases: int = 0
    """Inputs run."""
    failures: list[str] = field(default_factory=list)
    """One line per failure (kind, detail)."""
    slowest: float = 0.0
    """The slowest run, in seconds per MB (at least MIN_SECONDS' worth of input)."""
    timed: bool = True
    """False when the engine does not time runs (atheris: instrumented code is slower)."""
    slow_wall: int = 0
    """Runs over the budget in wall-clock time. The budget is checked on CPU time (what the
    run itself costs): on a shared machine the wall clock also counts the other processes'
    turns on the cores. Printed beside, not a failure."""


def _articles_of(raws: list[bytes], names: list[str]) -> list[object]:
    from tui.core.load.articles import article_from_bytes

    out = []
    for k, (raw, name) in enumerate(zip(raws, names, strict=True)):
        with contextlib.suppress(InputError):
            out.append(article_from_bytes(raw, f"v{k}", name))
    return out


def _check_article_fields(articles: list[object]) -> list[str]:
    bad = []
    for art in articles:
        fields = [art.source, art.title, art.outlet, art.id, art.url or ""]  # type: ignore[attr-defined]
        fields += [s.text for s in art.sentences]  # type: ignore[attr-defined]
        if any(CONTROL.search(f) for f in fields):
            bad.append("control character in an article field")
    return bad


def load_case(raw: bytes, name: str) -> list[str]:
    """Load one file; the problems found."""
    return _check_article_fields(_articles_of([raw], [name]))


def split_case(text: str) -> list[str]:
    """Split a text into sentences; spans must be in order, inside the text, non-empty."""
    from tui.core.load.segment import split_sentences

    spans = split_sentences(text)
    last = 0
    for s in spans:
        if not (last <= s.start < s.end <= len(text)):
            return [f"bad span {s.start}-{s.end} after {last} in {len(text)} chars"]
        last = s.end
    return []


def pipeline_case(raws: list[bytes], names: list[str]) -> list[str]:
    """Load, align, diff, check facts and write every report; the problems found."""
    from tui.core.analysis import analyze
    from tui.core.report.writer import render

    articles = _articles_of(raws, names)
    problems = _check_article_fields(articles)
    if not articles:
        return problems
    analysis = analyze(articles)  # type: ignore[arg-type]
    html_text = render("html", analysis, generated="2026-01-01")
    md_text = render("md", analysis, generated="2026-01-01")
    render("json", analysis, generated="2026-01-01")
    for href in HREF.findall(html_text):
        if not (href.startswith("#") or re.match(r"https?://", href, re.IGNORECASE)):
            problems.append(f"active link in the HTML report: {href[:40]!r}")
    if CONTROL.search(md_text.replace("\t", "")):
        problems.append("control character in the Markdown report")
    return problems


def _seed_articles() -> list[object]:
    from tui.core.load.articles import load_article

    return [load_article(p, article_id=p.name[:3]) for p in SEEDS]


_SEED_ARTICLES: list[object] = []
"""The seeds, loaded once for the sidecar target (its notes are located in them)."""


def sidecar_case(raw: bytes) -> list[str]:
    """Parse a sidecar, write it back, read that again, and list its notes as `notes --json`."""
    from tui.commands._common import print_json
    from tui.core.notes.placement import locate
    from tui.core.notes.sidecar import parse_sidecar
    from tui.core.report.serialize import notelist_document

    sidecar = parse_sidecar(raw, "fuzz.notes.json")
    text = sidecar.to_json()
    if parse_sidecar(text.encode("utf-8"), "again.notes.json").to_json() != text:
        return ["roundtrip: a sidecar read, written and read again changed"]
    problems = []
    for note in sidecar.notes:
        fields = [note.id, note.author, note.verdict, note.text, *note.tags]
        fields += [x for a in note.anchors for x in (a.article, a.exact, a.prefix, a.suffix)]
        fields += [x for h in note.history for x in (h.author, h.verdict, h.text, h.reason)]
        if any(CONTROL.search(f.replace("\t", "").replace("\n", "")) for f in fields):
            problems.append("control character in a note read from a sidecar")
    if not _SEED_ARTICLES:
        _SEED_ARTICLES.extend(_seed_articles())
    located = locate(sidecar.notes, _SEED_ARTICLES)  # type: ignore[arg-type]
    with contextlib.redirect_stdout(io.StringIO()) as out:
        print_json(notelist_document(located, sidecar.verdicts))
    if CONTROL.search(out.getvalue().replace("\n", "")):
        problems.append("control character in the notes --json output")
    return problems


def _timed(tally: Tally, size: int, run: Callable[[], list[str]]) -> None:
    """Run one input; the budget is on the process's CPU time (see Tally.slow_wall)."""
    tally.cases += 1
    t0, c0 = time.perf_counter(), time.process_time()
    try:
        problems = run()
    except InputError:
        problems = []
    except Exception as exc:  # the fuzzer's whole point: report, never stop
        problems = [f"crash: {type(exc).__name__}: {str(exc)[:120]}"]
    cpu, wall = time.process_time() - c0, time.perf_counter() - t0
    mb = size / 1e6
    budget = max(SECONDS_PER_MB * mb, MIN_SECONDS)
    tally.slowest = max(tally.slowest, cpu / max(mb, MIN_SECONDS / SECONDS_PER_MB))
    tally.slow_wall += wall > budget
    if cpu > budget:
        problems.append(f"slow: {cpu:.2f} s CPU ({wall:.2f} s wall) for {size} bytes")
    tally.failures += problems


def _target(name: str, tally: Tally, small: bool, until: float) -> Callable[[], None]:
    """The hypothesis test of one target, recording into tally (never raising).

    Inputs drawn after `until` (a perf_counter time) are not run, so a round ends on time."""
    raw_files = _small_raw if small else _raw

    def timed(size: int, run: Callable[[], list[str]]) -> None:
        if time.perf_counter() < until:
            _timed(tally, size, run)

    if name == "load":

        @given(raw_files, _name)
        def load(raw: bytes, fname: str) -> None:
            timed(len(raw), lambda: load_case(raw, fname))

        return load
    if name == "split":

        @given(_text)
        def split(text: str) -> None:
            timed(len(text.encode("utf-8", "surrogatepass")), lambda: split_case(text))

        return split
    if name == "sidecar":

        @given(_sidecars)
        def sidecar(raw: bytes) -> None:
            timed(len(raw), lambda: sidecar_case(raw))

        return sidecar

    @given(st.lists(st.tuples(raw_files, _name), min_size=2, max_size=4))
    def pipeline(files: list[tuple[bytes, str]]) -> None:
        raws, names = [f[0] for f in files], [f[1] for f in files]
        timed(sum(map(len, raws)), lambda: pipeline_case(raws, names))

    return pipeline


TARGETS = ("load", "split", "sidecar", "pipeline")
"""The fuzz targets, in the order they run."""


def run_target(
    name: str, examples: int, seed: int, *, small: bool = False, until: float = float("inf")
) -> Tally:
    """Run one target for a number of examples drawn from one seed.

    Args:
        name: one of TARGETS.
        examples: how many inputs hypothesis draws.
        seed: the random seed (same seed, same inputs).
        small: leave out the huge inputs (repeated dates, floods of tiny sentences).
        until: a time.perf_counter() deadline: inputs drawn after it are not run.

    Returns:
        The tally: cases run, failures, slowest run.
    """
    from hypothesis import seed as with_seed

    tally = Tally()
    test = _target(name, tally, small, until)
    configured = settings(
        max_examples=examples,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
        phases=[Phase.generate],
    )(test)
    with_seed(seed)(configured)()
    return tally


def warm_up() -> None:
    """Run each target once on a small valid input, untimed: the first run of a process pays
    for the imports (rapidfuzz, the HTML extractor, the report writers), not the input."""
    page = b"<html><head><title>T</title></head><body><article><p>A b. C d.</p></article></body>"
    with contextlib.suppress(InputError):
        load_case(page, "a.html")
        pipeline_case([SEEDS[0].read_bytes(), page], ["a.txt", "b.html"])
        sidecar_case(json.dumps({"schema": "sidebyside.notes/1", "notes": [_NOTE]}).encode())


def _hypothesis(name: str, seconds: float) -> Tally:
    tally, seed, t0 = Tally(), 0, time.perf_counter()
    while time.perf_counter() - t0 < seconds:
        part = run_target(name, 200, seed, until=t0 + seconds)
        tally.cases += part.cases
        tally.failures += part.failures
        tally.slowest = max(tally.slowest, part.slowest)
        tally.slow_wall += part.slow_wall
        seed += 1
    return tally


def main(argv: list[str]) -> int:
    """Fuzz every target (or the named ones) for the given seconds each."""
    seconds = float(argv[0]) if argv and argv[0].replace(".", "").isdigit() else 120.0
    names = [a for a in argv if a in TARGETS] or list(TARGETS)
    engine: Callable[[str, float], Tally] = _hypothesis
    if "--atheris" in argv:
        from bench import fuzz_atheris

        if fuzz_atheris.available():
            engine = fuzz_atheris.run
        else:
            print("atheris is not installed (pip install atheris): fuzzing with hypothesis")
    failed = total = 0
    warm_up()
    for name in names:
        t0 = time.perf_counter()
        tally = engine(name, seconds)
        total += tally.cases
        failed += len(tally.failures)
        took = time.perf_counter() - t0
        slowest = (
            f"slowest {tally.slowest:.2f} CPU s/MB ({tally.slow_wall} over by the wall clock)"
            if tally.timed
            else "time not checked"
        )
        print(
            f"{name}: {tally.cases} cases in {took:.0f} s, {len(tally.failures)} failures, "
            f"{slowest}",
            flush=True,
        )
        kinds: dict[str, int] = {}
        for line in tally.failures:
            kinds[line.split(":")[0]] = kinds.get(line.split(":")[0], 0) + 1
        if kinds:
            print("  by kind: " + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())))
        for line in sorted(set(tally.failures))[:10]:
            print(f"  {line}")
    print(f"total: {total} cases, {failed} failures")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
