"""Corpus stage without Dask: inputs, near-duplicates, clustering, provenance, index."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tui.core.corpus.clustering import cluster
from tui.core.corpus.features import features_of
from tui.core.corpus.index import rank, write_index
from tui.core.corpus.inputs import Record, iter_records, load_record
from tui.core.corpus.story import analyse_story, provenance
from tui.core.errors import InputError

DEV = Path(__file__).resolve().parents[3] / "shared" / "eval" / "news-dev" / "clusters" / "articles"
SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def test_jsonl_records_load_with_their_id(tmp_path: Path) -> None:
    f = tmp_path / "crawl.jsonl"
    f.write_text(
        json.dumps({"id": "a1", "title": "Quake hits", "text": "A quake hit the town. Ten died."})
        + "\nnot json\n"
    )
    items = list(iter_records([str(tmp_path)]))
    assert [i.key for i in items if isinstance(i, Record)] == [f"{f}#a1", f"{f}#1"]
    art = load_record(items[0])  # type: ignore[arg-type]
    assert art.id == f"{f}#a1" and "Ten died." in [s.text for s in art.sentences]
    try:
        load_record(items[1])  # type: ignore[arg-type]
    except InputError as exc:
        assert "crawl.jsonl:2" in str(exc) and "not JSON" in str(exc)
    else:
        raise AssertionError("bad JSON line loaded")


def test_near_copy_folds_into_one_kept_with_count(tmp_path: Path) -> None:
    seed = sorted(SEEDS.iterdir())[0]
    shutil.copy(seed, tmp_path / "a.txt")
    shutil.copy(seed, tmp_path / "b.txt")
    feats = [features_of(load_record(Record(str(p), str(p)))) for p in sorted(tmp_path.iterdir())]
    result = cluster(feats)
    assert result.duplicates == {str(tmp_path / "a.txt"): (str(tmp_path / "b.txt"),)}
    assert result.stories == ((str(tmp_path / "a.txt"), str(tmp_path / "b.txt")),)


def test_two_events_of_one_topic_are_two_stories() -> None:
    if not DEV.exists():
        import pytest

        pytest.skip("news-dev not available")
    names = ["1_1ecb.txt", "1_10ecb.txt", "1_11ecbplus.txt", "1_15ecbplus.txt", "1_17ecbplus.txt"]
    feats = [features_of(load_record(Record(n, str(DEV / n)))) for n in names]
    stories = cluster(feats).stories
    for story in stories:
        assert len({n.split("ecb")[1] for n in story}) == 1, story  # never mixes the events
    assert any(len(s) >= 2 for s in stories)


def test_provenance_and_story_outputs(tmp_path: Path) -> None:
    seeds = sorted(p for p in SEEDS.iterdir() if p.suffix == ".txt")[:3]
    records = [Record(str(p), str(p)) for p in seeds]
    doc = analyse_story(records, str(tmp_path))
    folder = tmp_path / "stories" / doc["id"]
    assert {p.name for p in folder.iterdir()} == {
        "report.json",
        "report.md",
        "report.html",
        "story.json",
    }
    assert json.loads((folder / "report.json").read_text())["schema"] == "sidebyside.report/1"
    arts = [load_record(r) for r in records]
    prov = provenance([arts[0], arts[0].__class__(**{**_fields(arts[0]), "id": "copy"})])
    assert prov["near_copies"] == [{"a": arts[0].id, "b": "copy", "a_in_b": 1.0, "b_in_a": 1.0}]


def _fields(a: object) -> dict[str, object]:
    return {k: getattr(a, k) for k in a.__slots__}  # type: ignore[attr-defined]


def test_rank_puts_conflicts_first() -> None:
    base = {"outlets": [], "unique_passages": 0}
    a = {**base, "id": "a", "conflicts": 0, "articles": [1, 2, 3]}
    b = {**base, "id": "b", "conflicts": 2, "articles": [1, 2]}
    assert [s["id"] for s in rank([a, b])] == ["b", "a"]


def test_jsonl_story_members_get_files_the_app_loads(tmp_path: Path) -> None:
    from tui.core.load.articles import load_article

    seeds = sorted(p for p in SEEDS.iterdir() if p.suffix == ".txt")[:2]
    crawl = tmp_path / "crawl.jsonl"
    crawl.write_text(
        "\n".join(
            json.dumps({"id": f"r/{n}", "title": f"T{n}", "text": p.read_text("utf-8")})
            for n, p in enumerate(seeds)
        )
        + "\n",
        "utf-8",
    )
    records = [r for r in iter_records([str(crawl)]) if isinstance(r, Record)]
    doc = analyse_story(records, str(tmp_path / "out"))
    assert len(doc["files"]) == 2
    for path in doc["files"]:
        assert Path(path).is_absolute() and Path(path).parent.name == "articles"
    by_title = {a.title: a for a in (load_record(r) for r in records)}
    for path in doc["files"]:
        copy = load_article(path)
        assert [s.text for s in copy.sentences] == [s.text for s in by_title[copy.title].sentences]
    index = write_index(tmp_path / "out", [doc], [], {}, 2)
    assert index["stories"][0]["files"] == doc["files"]
