"""Tests that analyze() computes diffs and facts on first use, and that dumps_json matches json."""

from __future__ import annotations

import json
import pickle

import pytest

import tui.core.analysis as analysis_module
from tui.core.analysis import analyze, analyze_all, slot_text
from tui.core.compare.check import check_facts
from tui.core.compare.diff import word_diff
from tui.core.load.articles import load_article
from tui.core.report.serialize import dumps_json
from tui.resources import seed_paths


@pytest.fixture(scope="module")
def seeds():  # type: ignore[no-untyped-def]
    return [load_article(p) for p in seed_paths()]


def test_analyze_defers_diffs_and_facts_until_asked(seeds, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    calls: list[str] = []
    import tui.core.compare.check as check_module  # analyze() imports it on first use

    real_diff, real_check = analysis_module.Differ.diff, check_module.check_facts
    monkeypatch.setattr(
        analysis_module.Differ, "diff", lambda *a: calls.append("d") or real_diff(*a)
    )
    monkeypatch.setattr(check_module, "check_facts", lambda al: calls.append("f") or real_check(al))
    analysis = analyze(seeds)
    assert calls == []
    key = next(iter(analysis.diffs))
    assert key in analysis.diffs and len(analysis.diffs) > 0
    assert calls == []  # membership and size need no diff
    analysis.diffs[key]
    assert calls == ["d"]
    list(analysis.facts)
    list(analysis.discrepancies)
    assert calls == ["d", "f"]  # one fact check serves facts and discrepancies


def test_lazy_pieces_equal_the_eager_computation(seeds) -> None:  # type: ignore[no-untyped-def]
    analysis = analyze(seeds)
    al = analysis.alignment
    ref = al.article(al.reference)
    eager = {
        (g.id, art): word_diff(slot_text(ref, g), slot_text(al.article(art), g))
        for g in al.groups
        if g.slot(ref.id)
        for art in g.articles
        if art != ref.id
    }
    assert dict(analysis.diffs) == eager
    assert list(analysis.diffs) == list(eager)  # same key order as the old dict
    facts, discrepancies = check_facts(al)
    assert tuple(analysis.facts) == facts and tuple(analysis.discrepancies) == discrepancies
    with pytest.raises(KeyError):
        analysis.diffs[(-1, "nobody")]


def test_pickling_sends_plain_complete_pieces(seeds) -> None:  # type: ignore[no-untyped-def]
    analysis = analyze_all(seeds)
    back = pickle.loads(pickle.dumps(analysis))
    assert type(back.diffs) is dict and type(back.facts) is tuple
    assert back.diffs == dict(analysis.diffs)
    assert back.discrepancies == tuple(analysis.discrepancies)


@pytest.mark.parametrize(
    "document",
    [
        {"a": [1, 'é \u2028 \x7f \x1f " \\', {"x": []}, {}, None, True, 0.5, -0.0]},
        {"small": 1e-05, "big": 1e16, "round": 0.1234},  # floats orjson writes differently
        {1: "non-string key"},
        {"huge": 2**70},
        {"nan": float("nan"), "inf": float("inf")},
    ],
)
def test_dumps_json_is_byte_identical_to_json(document) -> None:  # type: ignore[no-untyped-def]
    assert dumps_json(document) == json.dumps(document, ensure_ascii=False, indent=2) + "\n"
