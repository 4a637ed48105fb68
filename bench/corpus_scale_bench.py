"""Throughput of `sidebyside corpus` end to end on generated corpora (bench/corpus_gen.py).

For each size: the whole run on a local Dask cluster of WORKERS processes (one thread each),
with the time of each round (articles -> features, clustering on the driver, stories), articles
per second per worker, peak memory (RSS) per worker (a fresh cluster per size) and of the
driver (cumulative: sizes run smallest first), and how well the
generated stories were found (pairwise P/R against the generator's truth). The default size is
short; `CORPUS_SIZES=10000,100000 python -m bench.corpus_scale_bench` for the README's figures.
Skips without ../shared.
"""

from __future__ import annotations

import os
import resource
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

from bench.corpus_gen import SOURCES, generate

WORKERS = int(os.environ.get("CORPUS_WORKERS", "2"))
SIZES = [int(x) for x in os.environ.get("CORPUS_SIZES", "1000").split(",") if x]
ANALYSE_MAX = int(os.environ.get("CORPUS_ANALYSE_MAX", "20000"))
"""Above this size only the articles round and the clustering run (the stories round is
per story, so its cost per story is taken from the smaller sizes)."""


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _warm() -> None:
    """Imports a worker pays once (not part of the throughput)."""
    import datasketch  # noqa: F401
    import sklearn.feature_extraction.text  # noqa: F401

    import tui.core.corpus.run  # noqa: F401


def _pairs(groups: list[list[str]]) -> int:
    return sum(len(g) * (len(g) - 1) // 2 for g in groups)


def _quality(index: dict[str, Any], truth: dict[str, str]) -> tuple[float, float]:
    gold = Counter(s for s in truth.values() if s)
    predicted = [[a.rsplit("#", 1)[1] for a in s["articles"]] for s in index["stories"]]
    tp = sum(
        _pairs([[a for a in story if truth[a] == g] for g in {truth[a] for a in story if truth[a]}])
        for story in predicted
    )
    pp, gp = _pairs(predicted), sum(c * (c - 1) // 2 for c in gold.values())
    return (tp / pp if pp else 0.0), (tp / gp if gp else 0.0)


def run_size(n: int, client: Any) -> dict[str, float]:
    """One end-to-end run on n generated articles; returns its figures."""
    from tui.core.corpus.run import run_corpus

    stamps: dict[str, float] = {}
    cpu: dict[str, dict[str, float]] = {}

    def progress(stage: str, done: int, total: int) -> None:
        stamps.setdefault(f"{stage} start", time.perf_counter())
        if done >= total and f"{stage} end" not in stamps:
            stamps[f"{stage} end"] = time.perf_counter()
            cpu[stage] = client.run(_cpu_s)

    with tempfile.TemporaryDirectory(prefix="corpus-bench-") as tmp:
        truth = generate(n, Path(tmp) / "in")
        cpu["start"] = client.run(_cpu_s)
        c0, t0 = time.process_time(), time.perf_counter()
        index = run_corpus([str(Path(tmp) / "in")], Path(tmp) / "out", client, progress)
        total = time.perf_counter() - t0
    peaks = client.run(_peak_rss_mb)
    worker_cpu = {w: cpu["articles"][w] - cpu["start"][w] for w in cpu["start"]}
    story_cpu = {w: cpu["stories"][w] - cpu["articles"][w] for w in cpu["start"]}
    features = stamps["articles end"] - t0
    clustering = stamps.get("stories start", stamps["articles end"]) - stamps["articles end"]
    precision, recall = _quality(index, truth)
    return {
        "articles": n,
        "total_s": total,
        "features_s": features,
        "cluster_s": clustering,
        "stories_s": total - features - clustering,
        "stories": len(index["stories"]),
        "per_worker": n / features / WORKERS,
        "per_cpu_s": n / sum(worker_cpu.values()),
        "features_cpu_s": sum(worker_cpu.values()),
        "stories_cpu_s": sum(story_cpu.values()),
        "driver_cpu_s": time.process_time() - c0,
        "worker_mb": max(peaks.values()),
        "driver_mb": _peak_rss_mb(),
        "p": precision,
        "r": recall,
    }


def front_half(n: int, client: Any) -> dict[str, float]:
    """The articles round and the clustering of n generated articles (no per-story analysis)."""
    from distributed import as_completed

    from tui.core.corpus.clustering import cluster
    from tui.core.corpus.inputs import Record, iter_records
    from tui.core.corpus.run import BATCH, features_task

    with tempfile.TemporaryDirectory(prefix="corpus-bench-") as tmp:
        generate(n, Path(tmp) / "in")
        start = client.run(_cpu_s)
        t0 = time.perf_counter()
        records = [r for r in iter_records([str(Path(tmp) / "in")]) if isinstance(r, Record)]
        batches = [records[i : i + BATCH] for i in range(0, len(records), BATCH)]
        feats = []
        for future in as_completed(client.map(features_task, batches, pure=False)):
            feats.extend(f for f in future.result() if not isinstance(f, str))
            future.release()
        t1 = time.perf_counter()
        end = client.run(_cpu_s)
        feats.sort(key=lambda f: f.key)
        c1 = time.process_time()
        stories = cluster(feats).stories
        t2, c2 = time.perf_counter(), time.process_time()
    cpu = sum(end[w] - start[w] for w in start)
    return {
        "articles": n,
        "features_s": t1 - t0,
        "cluster_s": t2 - t1,
        "cluster_cpu_s": c2 - c1,
        "stories": len(stories),
        "per_worker": n / (t1 - t0) / WORKERS,
        "per_cpu_s": n / cpu,
        "features_cpu_s": cpu,
        "worker_mb": max(client.run(_peak_rss_mb).values()),
        "driver_mb": _peak_rss_mb(),
    }


def main() -> int:
    """Print one line per size."""
    if not SOURCES.exists():
        print("corpus scale: skipped (../shared/eval not available)")
        return 0
    from distributed import Client, LocalCluster

    rows = []
    for n in SIZES:
        with (
            LocalCluster(
                n_workers=WORKERS, threads_per_worker=1, processes=True, dashboard_address=":0"
            ) as cluster,
            Client(cluster) as client,
        ):
            client.run(_warm)
            row = run_size(n, client) if n <= ANALYSE_MAX else front_half(n, client)
        rows.append(row)
        if "total_s" not in row:
            print(
                f"corpus {n:>7} articles, {WORKERS} workers, articles round and clustering only: "
                f"features {row['features_s']:.1f} s ({row['per_worker']:.0f} articles/s per "
                f"worker, {row['per_cpu_s']:.0f} per worker CPU s), clustering "
                f"{row['cluster_s']:.1f} s ({row['cluster_cpu_s']:.1f} s CPU, "
                f"{row['stories']:.0f} stories); peak RSS worker {row['worker_mb']:.0f} MB, "
                f"driver {row['driver_mb']:.0f} MB",
                flush=True,
            )
            continue
        print(
            f"corpus {row['articles']:>7} articles, {WORKERS} workers: {row['total_s']:.1f} s "
            f"(features {row['features_s']:.1f} s, clustering {row['cluster_s']:.1f} s, "
            f"{row['stories']:.0f} stories {row['stories_s']:.1f} s); "
            f"{row['per_worker']:.0f} articles/s per worker; CPU: features "
            f"{row['features_cpu_s']:.1f} s ({row['per_cpu_s']:.0f} articles per worker CPU s), "
            f"stories {row['stories_cpu_s']:.1f} s, driver {row['driver_cpu_s']:.1f} s; "
            f"peak RSS worker "
            f"{row['worker_mb']:.0f} MB, driver {row['driver_mb']:.0f} MB; "
            f"stories P {row['p']:.3f} R {row['r']:.3f}",
            flush=True,
        )
    if len(rows) > 1:
        a, b = rows[0], rows[-1]
        print(
            f"corpus growth {a['articles']} -> {b['articles']} articles (x"
            f"{b['articles'] / a['articles']:.0f}): features time "
            f"x{b['features_s'] / a['features_s']:.1f}, worker CPU "
            f"x{b['features_cpu_s'] / a['features_cpu_s']:.1f}, clustering "
            f"x{b['cluster_s'] / max(a['cluster_s'], 1e-9):.1f}, driver peak memory "
            f"x{b['driver_mb'] / a['driver_mb']:.1f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
