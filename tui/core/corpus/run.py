"""Provides run_corpus(): the corpus on Dask, from inputs to `DIR/index.json`.

Two rounds of tasks on one `distributed.Client` (a local process cluster or a remote
scheduler: the same code): load + features per article, then one analysis per story. Only
features travel back; a failed article is reported and skipped; a story already done in `out`
is not redone (resume). Dask retries a task whose worker died.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from tui.core.corpus.clustering import cluster
from tui.core.corpus.features import Features, features_of
from tui.core.corpus.index import write_index
from tui.core.corpus.inputs import Record, iter_records, load_record
from tui.core.corpus.story import analyse_story, is_done, story_id
from tui.core.errors import InputError

RETRIES = 3
"""Times Dask reruns a task whose worker was lost."""
BATCH = 64
"""Articles per feature task (one task per article costs more in scheduling than in work)."""


def features_task(records: list[Record]) -> list[Features | str]:
    """Load records and compute their Features; a bad article becomes its one-line error."""
    out: list[Features | str] = []
    for record in records:
        try:
            out.append(features_of(load_record(record)))
        except InputError as exc:
            out.append(str(exc))
    return out


def run_corpus(
    inputs: list[str],
    out: Path,
    client: Any,
    progress: Callable[[str, int, int], None] = lambda stage, done, total: None,
) -> dict[str, Any]:
    """Cluster the corpus into stories and analyse each; writes out/index.{json,md}.

    Args:
        inputs: folders, article files, JSON Lines files.
        out: the output folder (created).
        client: a `distributed.Client`.
        progress: called with (stage, tasks done, total) as tasks finish.

    Returns:
        The index document.
    """
    from distributed import as_completed

    out.mkdir(parents=True, exist_ok=True)
    records: list[Record] = []
    failed: list[str] = []
    for item in iter_records(inputs):
        if isinstance(item, InputError):
            failed.append(str(item))
        else:
            records.append(item)
    by_key = {r.key: r for r in records}
    batches = [records[i : i + BATCH] for i in range(0, len(records), BATCH)]
    futures = client.map(features_task, batches, retries=RETRIES, pure=False)
    sizes = {f.key: len(b) for f, b in zip(futures, batches, strict=True)}
    feats: list[Features] = []
    done = 0
    progress("articles", 0, len(records))
    for future in as_completed(futures):  # type: ignore[no-untyped-call]
        for result in future.result():
            if isinstance(result, str):
                failed.append(result)
            else:
                feats.append(result)
        done += sizes[future.key]
        progress("articles", done, len(records))
        future.release()
    feats.sort(key=lambda f: f.key)
    clustering = cluster(feats)
    stories = [[by_key[k] for k in keys] for keys in clustering.stories]
    done_already = [is_done(out, story_id([r.key for r in s])) for s in stories]
    todo = [s for s, done in zip(stories, done_already, strict=True) if not done]
    summaries = [
        analyse_story(s, str(out)) for s, done in zip(stories, done_already, strict=True) if done
    ]
    futures = client.map(analyse_story, todo, out=str(out), retries=RETRIES, pure=False)
    progress("stories", 0, len(todo))
    for n, future in enumerate(as_completed(futures), 1):  # type: ignore[no-untyped-call]
        try:
            summaries.append(future.result())
        except Exception as exc:  # a story that cannot be analysed is reported, not fatal
            failed.append(f"story: {exc}")
        progress("stories", n, len(todo))
    return write_index(out, summaries, failed, clustering.duplicates, len(records))
