"""Provides main(): speed and memory of align() on the seeds and on many long versions.

Inputs: the five seeds; then 20 and 50 versions of a 300-sentence story built from real text
(the sentences of the DEplain-web benchmark documents in ../shared/eval when it is there, else
the seeds' sentences), each version with sentences dropped, moved, lightly reworded and a few
of its own added. A naive all-pairs baseline (every sentence of every version scored against
every sentence of every other version with rapidfuzz) runs on the same inputs; it is timed on
a few version pairs and scaled to all of them. Peak memory is traced with tracemalloc in a
separate run (tracing slows the code down), and the process's max RSS is printed too.
Targets (one core): 20 x 300 under 1 s, 50 x 300 under 3 s, under 500 MB.
"""

from __future__ import annotations

import json
import random
import resource
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from rapidfuzz import fuzz, process, utils

from tui.core.align.aligner import align
from tui.core.load.article import Article, Sentence
from tui.core.load.articles import load_article
from tui.resources import seed_paths

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval" / "deplain-web"
"""The benchmark documents (optional)."""

SWAPS = {"the": "a", "a": "the", "said": "stated", "will": "would", "der": "ein", "die": "eine"}


def corpus_sentences() -> tuple[list[str], str]:
    """Real sentences to build versions from, and where they came from."""
    if EVAL.is_dir():
        out: list[str] = []
        for gold in sorted(EVAL.glob("*/*/gold.json")):
            doc = json.loads(gold.read_text(encoding="utf-8"))
            out.extend(s for para in doc["complex"] for s in para if len(s.split()) >= 4)
        if out:
            return out, f"sentences of the DEplain-web documents in {EVAL}"
    seeds = [s.text for p in seed_paths() for s in load_article(p).sentences]
    return [s for s in seeds if len(s.split()) >= 4], "seed sentences (../shared/eval not found)"


def reword(text: str, rng: random.Random) -> str:
    """A light rewording: a word swapped, dropped or two neighbours exchanged."""
    words = text.split()
    if len(words) < 4:
        return text
    k = rng.randrange(1, len(words) - 1)
    roll = rng.random()
    if roll < 0.4:
        words[k] = SWAPS.get(words[k].lower(), words[k] + "s")
    elif roll < 0.7:
        del words[k]
    else:
        words[k], words[k + 1] = words[k + 1], words[k]
    return " ".join(words)


def make_article(article_id: str, texts: list[str]) -> Article:
    """An Article built directly from sentence texts (one paragraph per sentence)."""
    sents, pos = [], 0
    for i, t in enumerate(texts):
        sents.append(Sentence(i, t, pos, pos + len(t), i))
        pos += len(t) + 2
    return Article(
        id=article_id,
        path=f"{article_id}.txt",
        source="\n\n".join(texts),
        sentences=tuple(sents),
        paragraphs=tuple((i,) for i in range(len(texts))),
    )


def make_versions(pool: list[str], versions: int, size: int, seed: int = 7) -> list[Article]:
    """`versions` rewrites of one `size`-sentence story drawn from `pool`."""
    rng = random.Random(seed)
    start = rng.randrange(max(1, len(pool) - size))
    base = [pool[(start + i) % len(pool)] for i in range(size)]
    extra = [s for s in pool if s not in set(base)]
    out = []
    for v in range(versions):
        texts = [s for s in base if rng.random() > 0.1]  # drop 10%
        for _ in range(len(texts) // 10):  # move 10%
            s = texts.pop(rng.randrange(len(texts)))
            texts.insert(rng.randrange(len(texts) + 1), s)
        texts = [reword(s, rng) if rng.random() < 0.3 else s for s in texts]  # reword 30%
        for _ in range(size // 20):  # 5% of its own
            texts.insert(rng.randrange(len(texts) + 1), rng.choice(extra) if extra else "Extra.")
        out.append(make_article(f"v{v:02d}", texts[:size]))
    return out


def naive_pair(a: Article, b: Article, cut: float = 72.0) -> int:
    """The naive baseline on one pair: every sentence against every sentence (extract, C loop)."""
    choices = [utils.default_process(s.text) for s in b.sentences]
    found = 0
    for s in a.sentences:
        q = utils.default_process(s.text)
        r = process.extract(q, choices, scorer=fuzz.token_set_ratio, limit=None, score_cutoff=cut)
        found += bool(r)
    return found


def timed(fn: Callable[[], object], repeat: int = 3) -> tuple[float, float]:
    """Best wall time and best CPU time of `repeat` runs, in seconds."""
    wall = cpu = float("inf")
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        fn()
        wall = min(wall, time.perf_counter() - t0)
        cpu = min(cpu, time.process_time() - c0)
    return wall, cpu


def peak_mb(fn: Callable[[], object]) -> float:
    """Peak traced Python memory of one run, in MB."""
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1] / 1e6
    finally:
        tracemalloc.stop()


def naive_estimate(arts: list[Article], sample: int = 4) -> float:
    """Seconds the naive all-pairs baseline takes on all pairs, from `sample` timed pairs."""
    pairs = [(a, b) for i, a in enumerate(arts) for b in arts[i + 1 :]]
    t0 = time.perf_counter()
    for a, b in pairs[:sample]:
        naive_pair(a, b)
    per = (time.perf_counter() - t0) / min(sample, len(pairs))
    return per * len(pairs)


def main() -> int:
    """Print the figures; returns 0."""
    seeds = [load_article(p) for p in seed_paths()]
    t, _ = timed(lambda: align(seeds))
    n = sum(len(a.sentences) for a in seeds)
    al = align(seeds)
    print(
        f"seeds: {len(seeds)} versions, {n} sentences -> {len(al.groups)} groups "
        f"in {t * 1000:.0f} ms"
    )
    for s in al.similarity[:4]:
        print(
            f"  {s.a} vs {s.b}: {s.matched_a:.0%} / {s.matched_b:.0%} of sentences matched, "
            f"mean link score {s.mean_score:.2f}"
        )
    pool, origin = corpus_sentences()
    print(f"synthetic versions from {len(pool)} {origin}")
    print(
        f"{'versions x sents':>17} {'total':>6} {'wall':>7} {'cpu':>7} {'us/sent':>8} "
        f"{'naive all-pairs':>16} {'peak MB':>8}  target (cpu)"
    )
    targets = {(20, 300): 1.0, (50, 300): 3.0}
    for versions, size in ((5, 300), (10, 300), (20, 300), (35, 300), (50, 300), (20, 600)):
        arts = make_versions(pool, versions, size)
        total = sum(len(a.sentences) for a in arts)
        t, cpu = timed(lambda arts=arts: align(arts), repeat=2)
        naive = naive_estimate(arts)
        mb = peak_mb(lambda arts=arts: align(arts))
        goal = targets.get((versions, size))
        verdict = "" if goal is None else f"< {goal:.0f} s: {'ok' if cpu < goal else 'MISSED'}"
        print(
            f"{versions:>8} x {size:<6} {total:>6} {t:>6.2f}s {cpu:>6.2f}s "
            f"{cpu / total * 1e6:>8.0f} {naive:>15.1f}s {mb:>8.1f}  {verdict}"
        )
        sys.stdout.flush()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"max RSS of this process: {rss:.0f} MB (target < 500 MB)")
    print("naive all-pairs: token_set_ratio of every sentence pair of every version pair,")
    print("timed on 4 version pairs and scaled to all pairs (it grows with versions squared).")
    print("us/sent: CPU microseconds per sentence; flat means cost grows linearly with the total.")
    print("wall > cpu when other processes share the cores; the targets are checked on cpu.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
