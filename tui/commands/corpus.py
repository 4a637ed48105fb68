"""Provides `sidebyside corpus INPUT ... --out DIR [--scheduler ADDRESS] [--workers N]`.

A day's crawl (folder trees of article files, JSON Lines) to stories, each analysed like a
collection, on Dask: a local cluster of worker processes by default, `--scheduler` for a real
cluster. Dask is imported only here, so the other commands start without it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any


def add_parser(sub: Any) -> argparse.ArgumentParser:
    """Register the subcommand."""
    p: argparse.ArgumentParser = sub.add_parser(
        "corpus",
        help="cluster a corpus into stories and analyse each (Dask)",
        description="Collapse near-duplicates, group articles into stories, and write each "
        "story's reports plus DIR/index.json and DIR/index.md. Re-running with the same --out "
        "skips stories already done.",
    )
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="folder tree, file or .jsonl")
    p.add_argument("--out", required=True, metavar="DIR", help="output folder")
    p.add_argument("--scheduler", metavar="ADDRESS", default=None, help="Dask scheduler address")
    p.add_argument("--workers", type=int, default=2, metavar="N", help="local worker processes")
    return p


def _progress(stage: str, done: int, total: int) -> None:
    width = 30
    filled = width * done // max(1, total)
    end = "\n" if done >= total else ""
    sys.stderr.write(f"\r{stage:8} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}{end}")
    sys.stderr.flush()


def run(args: argparse.Namespace) -> int:
    """Run the corpus pipeline; prints the index path and a one-line summary."""
    import logging

    from distributed import Client, LocalCluster

    from tui.core.corpus.run import run_corpus

    # the nanny's "still alive after 4 s, killing" on a loaded machine is not the user's concern
    logging.getLogger("distributed").setLevel(logging.ERROR)
    if args.workers < 1:
        sys.stderr.write("sidebyside corpus: --workers must be at least 1\n")
        return 2
    if args.scheduler:
        client = Client(args.scheduler)
        cluster = None
    else:
        cluster = LocalCluster(
            n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=":0"
        )
        client = Client(cluster)
    try:
        index = run_corpus(args.inputs, Path(args.out), client, _progress)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    for line in index["failed"]:
        sys.stderr.write(f"sidebyside: skipped {line}\n")
    print(
        f"{len(index['stories'])} stories from {index['articles']} articles: "
        f"{Path(args.out) / 'index.json'}"
    )
    return 0
