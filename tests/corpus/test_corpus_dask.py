"""The corpus run on a Dask local cluster of 2 worker processes: result, resume, lost worker."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tui.core.corpus.clustering import cluster
from tui.core.corpus.features import features_of
from tui.core.corpus.inputs import Record, load_record

DEV = Path(__file__).resolve().parents[3] / "shared" / "eval" / "news-dev" / "clusters" / "articles"
NAMES = ["1_1ecb.txt", "1_10ecb.txt", "1_11ecbplus.txt", "1_15ecbplus.txt", "1_17ecbplus.txt"]

pytestmark = pytest.mark.skipif(not DEV.exists(), reason="news-dev not available")


@pytest.fixture(scope="module")
def client() -> Iterator[object]:
    from distributed import Client, LocalCluster

    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
        ) as lc,
        Client(lc) as c,
    ):
        yield c


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for n in NAMES:
        shutil.copy(DEV / n, folder / n)
    (folder / "broken.jsonl").write_text("{not json\n")
    return folder


def test_cluster_run_matches_in_process(client: object, corpus: Path, tmp_path: Path) -> None:
    from tui.core.corpus.run import run_corpus

    index = run_corpus([str(corpus)], tmp_path / "out", client)
    paths = [str(corpus / n) for n in sorted(NAMES)]
    expected = cluster([features_of(load_record(Record(p, p))) for p in paths]).stories
    # the same stories: each the same set of articles (the order inside one is a ranking)
    assert sorted(tuple(sorted(s["articles"])) for s in index["stories"]) == sorted(
        tuple(sorted(story)) for story in expected
    )
    assert len(index["failed"]) == 1 and "broken.jsonl:1" in index["failed"][0]
    for story in index["stories"]:  # what the app opens: the members' own files here
        assert story["files"] == [str(Path(a).resolve()) for a in story["articles"]]
    on_disk = json.loads((tmp_path / "out" / "index.json").read_text())
    assert on_disk["stories"] == index["stories"]
    assert (tmp_path / "out" / "index.md").read_text().startswith("# Corpus index")


def test_resume_skips_done_stories(client: object, corpus: Path, tmp_path: Path) -> None:
    from tui.core.corpus.run import run_corpus

    out = tmp_path / "out"
    first = run_corpus([str(corpus)], out, client)
    done = [out / s["path"] / "story.json" for s in first["stories"]]
    stamps = [p.stat().st_mtime_ns for p in done]
    calls: list[tuple[str, int, int]] = []
    second = run_corpus([str(corpus)], out, client, lambda *a: calls.append(a))
    assert second["stories"] == first["stories"]
    assert [p.stat().st_mtime_ns for p in done] == stamps
    assert ("stories", 0, 0) in calls  # nothing left to do


def test_lost_worker_is_retried(client: object, corpus: Path, tmp_path: Path) -> None:
    from tui.core.corpus.run import run_corpus

    workers = list(client.scheduler_info()["workers"])  # type: ignore[attr-defined]
    killed: list[bool] = []

    def kill_one(stage: str, done: int, total: int) -> None:
        if stage == "stories" and done == 0 and not killed:  # story tasks are in flight
            killed.append(True)
            client.run(  # type: ignore[attr-defined]
                lambda: __import__("os")._exit(1), workers=[workers[0]], on_error="ignore"
            )

    out = tmp_path / "out"
    index = run_corpus([str(corpus)], out, client, kill_one)
    expected = run_corpus([str(corpus)], tmp_path / "again", client)
    assert killed
    assert index["stories"] == expected["stories"] and index["stories"]
    assert len(index["failed"]) == 1  # only the broken JSON line
