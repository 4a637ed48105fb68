"""Provides the corpus stage: a day's crawl of articles to stories, each analysed like a collection.

It owns corpus inputs (folder trees, JSON Lines), per-article clustering features, near-duplicate
collapse (MinHash LSH), story clustering (TF-IDF neighbours, names, figures, dates, average
linkage), per-story outputs with provenance, the corpus index, and the Dask run that ties them
together. It imports the load and extract stages and the analysis; Dask loads only on a run.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.core._lazy import lazy_exports

if TYPE_CHECKING:
    from tui.core.corpus.clustering import Clustering, cluster
    from tui.core.corpus.features import Features, features_of
    from tui.core.corpus.inputs import Record, iter_records, load_record

_HOMES = {
    "Clustering": "clustering",
    "cluster": "clustering",
    "Features": "features",
    "features_of": "features",
    "Record": "inputs",
    "iter_records": "inputs",
    "load_record": "inputs",
}

__all__ = [
    "Clustering",
    "Features",
    "Record",
    "cluster",
    "features_of",
    "iter_records",
    "load_record",
]


__getattr__ = lazy_exports(__name__, _HOMES)
