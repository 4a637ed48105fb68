"""The story-wide pass (tui.core.align.refine): independently written English versions."""

from __future__ import annotations

import json

import pytest

from tests.core.test_align import check_invariants, make
from tui.cli import main
from tui.core.align import Alignment, Tuning, align
from tui.core.align.refine import LEXICAL_MODEL, SEMANTIC_MODEL, is_english
from tui.core.report.serialize import alignment_document

WIRE = (
    "An earthquake struck southern Iran on Sunday, killing ten people and injuring about fifty "
    "others in seven villages.",
    "The quake had a magnitude of 5.9, the seismological centre in Tehran said.",
    "Rescue teams and two helicopters were sent to the island of Qeshm.",
    "The tremor was also felt in Oman and the United Arab Emirates.",
    "Qeshm is the largest island in the Gulf and a free-trade zone.",
)
REWRITE = (
    "A strong earthquake hit southern Iran on Sunday, killing 10 people and injuring 50 in seven "
    "villages on Qeshm island.",
    "Iran's seismological centre put the magnitude at 5.9.",
    "Two helicopters took rescue teams to the island.",
    "In Oman and the United Arab Emirates, buildings were evacuated.",
    "The island is the biggest in the Gulf and a free-trade zone.",
)
OWN = (
    "Ten dead and 50 hurt as quake hits island.",  # a deck line, far from its sourcing sentence
    "Buildings collapsed across Qeshm after a strong tremor on Sunday.",
    "Office workers in Dubai left their towers as the ground shook.",
    "Helicopters carried rescue teams to the worst-hit villages.",
    "The provincial governor said 10 people had died and 50 were injured.",
)


def _story(refine: bool = True, semantic: bool = True) -> Alignment:
    arts = [make("a", *WIRE), make("b", *REWRITE), make("c", *OWN)]
    return align(arts, tuning=Tuning(refine=refine), semantic=semantic)


def _group_of(al: Alignment, article: str, sentence: int) -> set[tuple[str, int]]:
    for g in al.groups:
        if any(m.article == article and m.sentence == sentence for m in g.members):
            return {(m.article, m.sentence) for m in g.members}
    raise AssertionError((article, sentence))


@pytest.mark.parametrize("semantic", [True, False], ids=["semantic", "lexical"])
def test_a_deck_line_joins_its_lede_although_its_sourcing_sentence_is_far_away(
    semantic: bool,
) -> None:
    before = _story(refine=False)
    assert _group_of(before, "c", 0) == {("c", 0)}  # the collation leaves the deck alone
    al = _story(semantic=semantic)
    check_invariants(al)
    lede = _group_of(al, "a", 0)
    assert {("b", 0), ("c", 0), ("c", 4)} <= lede
    # a group may now hold two sentences of one version that are not neighbours
    assert [i for v, i in sorted(lede) if v == "c"] == [0, 4]
    # the pass corrects, it does not lump: the other passages keep their own groups
    assert _group_of(al, "a", 1) == {("a", 1), ("b", 1)}
    assert _group_of(al, "c", 2) == {("c", 2)}


def test_the_pass_is_deterministic_whatever_the_order_of_the_files() -> None:
    arts = [make("a", *WIRE), make("b", *REWRITE), make("c", *OWN)]

    def groups(al: Alignment) -> set[frozenset[tuple[str, int]]]:
        return {frozenset((m.article, m.sentence) for m in g.members) for g in al.groups}

    first = align(arts)
    assert groups(first) == groups(align(arts[::-1], reference="a"))
    assert alignment_document(first) == alignment_document(align(arts))


def test_related_links_join_sentences_of_different_groups_and_reach_the_json() -> None:
    al = _story()
    doc = alignment_document(al)
    assert len(doc["related"]) == len(al.related)
    for link in al.related:
        assert _group_of(al, link.a.article, link.a.sentence) != _group_of(
            al, link.b.article, link.b.sentence
        )
        assert SEMANTIC_MODEL.related <= link.score <= 1.0


def test_german_text_is_left_to_the_collation() -> None:
    easy = ("Der Rat hat am Dienstag getagt.", "Die alte Brücke wird für zwei Jahre geschlossen.")
    full = (
        "Der Stadtrat hat am Dienstag beschlossen, die alte Brücke über den Fluss für zwei "
        "Jahre zu schließen.",
        "Die Autofahrer müssen die Ringstraße nehmen, und die Fahrt in die Stadt wird länger.",
    )
    assert not is_english([*easy, *full])
    assert is_english(WIRE)
    arts = [make("full", *full), make("easy", *easy)]
    on, off = align(arts), align(arts, tuning=Tuning(refine=False))
    assert alignment_document(on) == alignment_document(off)


def test_the_lexical_model_needs_no_cosine() -> None:
    assert LEXICAL_MODEL.cosine == 0.0
    assert SEMANTIC_MODEL.cosine > 0.0
    feats = (0.5, 0.5, 0.5, 0.9, 1.0, 1.0, 0.0)
    assert LEXICAL_MODEL.probability(feats) == LEXICAL_MODEL.probability(
        (*feats[:3], 0.0, *feats[4:])
    )


def test_no_semantic_flag_runs_the_lexical_pass(
    tmp_path: object, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from pathlib import Path

    folder = Path(str(tmp_path))
    for name, sents in (("a", WIRE), ("b", REWRITE), ("c", OWN)):
        (folder / f"{name}.txt").write_text("\n\n".join(sents), encoding="utf-8")
    # setenv, not delenv: the flag writes the variable and monkeypatch must restore it after
    monkeypatch.setenv("SIDEBYSIDE_NO_SEMANTIC", "0")
    paths = [str(folder / f"{n}.txt") for n in "abc"]
    assert main(["align", *paths, "--json", "--no-semantic"]) == 0
    doc = json.loads(capsys.readouterr().out)
    lede = next(
        g
        for g in doc["groups"]
        if {"article": "a", "sentence": 0}
        in [{"article": m["article"], "sentence": m["sentence"]} for m in g["members"]]
    )
    assert {(m["article"], m["sentence"]) for m in lede["members"]} >= {("c", 0), ("c", 4)}


def test_semantic_transformer_flag_runs_the_forward_pass(
    tmp_path: object, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("onnxruntime", reason="the `semantic` extra is not installed")
    from pathlib import Path

    from tui.core.align import refine as rf

    folder = Path(str(tmp_path))
    for name, sents in (("a", WIRE), ("b", REWRITE), ("c", OWN)):
        (folder / f"{name}.txt").write_text("\n\n".join(sents), encoding="utf-8")
    # setenv, not delenv: the flag writes the variable and monkeypatch must restore it after
    monkeypatch.setenv("SIDEBYSIDE_NO_SEMANTIC", "0")
    monkeypatch.setenv("SIDEBYSIDE_SEMANTIC", "static")
    used: list[rf.PairModel] = []
    real = rf.refine
    monkeypatch.setattr(
        rf, "refine", lambda col, model, sem: used.append(model) or real(col, model, sem)
    )
    paths = [str(folder / f"{n}.txt") for n in "abc"]
    assert main(["align", *paths, "--json", "--semantic", "transformer"]) == 0
    assert used == [rf.TRANSFORMER_MODEL]
    doc = json.loads(capsys.readouterr().out)
    assert doc["schema"] == "sidebyside.alignment/1"


def test_semantic_transformer_without_onnxruntime_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda name, *a: None if name == "onnxruntime" else real(name, *a),
    )
    monkeypatch.setenv("SIDEBYSIDE_SEMANTIC", "static")
    assert main(["align", "--semantic", "transformer", "--json"]) == 2
    err = capsys.readouterr().err
    assert "pip install 'sidebyside[semantic]'" in err
    assert "Traceback" not in err


def test_the_reports_list_each_groups_related_sentences() -> None:
    from tui.core.analysis import analyze
    from tui.core.load.articles import load_article
    from tui.core.report.html import to_html
    from tui.core.report.markdown import to_markdown
    from tui.core.report.model import related_line
    from tui.resources import seed_paths

    analysis = analyze([load_article(p) for p in seed_paths()])
    lines = [related_line(analysis.alignment, g) for g in analysis.alignment.groups]
    assert any(lines), "the seeds have related sentences in different groups"
    md, html = to_markdown(analysis), to_html(analysis)
    for line in filter(None, lines):
        assert line.replace("~", "\\~") in md
        assert line in html
