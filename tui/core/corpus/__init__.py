"""Provides the corpus stage: a day's crawl of articles to stories, each analysed like a collection.

It owns corpus inputs (folder trees, JSON Lines), per-article clustering features, near-duplicate
collapse (MinHash LSH), story clustering (tf-idf vectors from hashed counts, sparse
neighbours, heap average linkage: topics, then events by names, figures and years weighted
inside each topic), per-story outputs with provenance, the corpus index, and the Dask run that
ties them together. It imports the load and extract stages and the analysis; Dask loads only
on a run.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.core._lazy import lazy_exports

if TYPE_CHECKING:
    from tui.core.corpus.clustering import Clustering, cluster
    from tui.core.corpus.features import Features, features_of
    from tui.core.corpus.index import write_index
    from tui.core.corpus.inputs import Record, iter_records, load_record, record_source
    from tui.core.corpus.linkage import average_link
    from tui.core.corpus.run import run_corpus
    from tui.core.corpus.story import analyse_story
    from tui.core.corpus.vectors import neighbours, tfidf

_HOMES = {
    "Clustering": "clustering",
    "cluster": "clustering",
    "Features": "features",
    "features_of": "features",
    "write_index": "index",
    "Record": "inputs",
    "iter_records": "inputs",
    "load_record": "inputs",
    "record_source": "inputs",
    "average_link": "linkage",
    "run_corpus": "run",
    "analyse_story": "story",
    "neighbours": "vectors",
    "tfidf": "vectors",
}

__all__ = [
    "Clustering",
    "Features",
    "Record",
    "analyse_story",
    "average_link",
    "cluster",
    "features_of",
    "iter_records",
    "load_record",
    "neighbours",
    "record_source",
    "run_corpus",
    "tfidf",
    "write_index",
]


__getattr__ = lazy_exports(__name__, _HOMES)
