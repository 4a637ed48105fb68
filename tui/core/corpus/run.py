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


def features_task(record: Record) -> Features | str:
    """Load one record and compute its Features; a bad article becomes its one-line error."""
    try:
        return features_of(load_record(record))
    except InputError as exc:
        return str(exc)


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
    futures = client.map(features_task, records, retries=RETRIES, pure=False)
    feats: list[Features] = []
    for done, future in enumerate(as_completed(futures), 1):  # type: ignore[no-untyped-call]
        result = future.result()
        progress("articles", done, len(records))
        if isinstance(result, str):
            failed.append(result)
        else:
            feats.append(result)
        future.release()
    feats.sort(key=lambda f: f.key)
    clustering = cluster(feats)
    stories = [[by_key[k] for k in keys] for keys in clustering.stories]
    todo = [s for s in stories if not is_done(out, story_id([r.key for r in s]))]
    summaries = [analyse_story(s, str(out)) for s in stories if s not in todo]
    futures = client.map(analyse_story, todo, out=str(out), retries=RETRIES, pure=False)
    progress("stories", 0, len(todo))
    for n, future in enumerate(as_completed(futures), 1):  # type: ignore[no-untyped-call]
        try:
            summaries.append(future.result())
        except Exception as exc:  # a story that cannot be analysed is reported, not fatal
            failed.append(f"story: {exc}")
        progress("stories", n, len(todo))
    return write_index(out, summaries, failed, clustering.duplicates, len(records))
