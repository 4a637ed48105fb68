"""Word diffs: exact reconstruction, whole words, and the class of every change."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.compare.diff import Op, count_changes, word_diff
from tui.core.extract.normalize import canonical, name_key, tokenize


def changes(a: str, b: str) -> list[tuple[str, str, str, str | None]]:
    """The non-equal ops as (kind, text, change, subkind)."""
    return [
        (o.kind, o.text, o.change or "", o.subkind) for o in word_diff(a, b) if o.kind != "equal"
    ]


def classes(a: str, b: str) -> set[tuple[str, str | None]]:
    return {(c, s) for _, _, c, s in changes(a, b)}


TRIVIAL = [
    ("punctuation", "Shoigu arrived in Pyongyang.", "Shoigu arrived in Pyongyang!"),
    ("comma", "Russia, he said, agreed.", "Russia he said agreed."),
    ("case", "State media reported it.", "state media reported it."),
    ("quote style straight/curly", 'He said "we will win".', "He said “we will win”."),
    ("quote style guillemets", "He said «we will win».", "He said “we will win”."),
    ("dash style", "Kursk - a region - was hit.", "Kursk — a region — was hit."),
    ("whitespace", "Kursk  region was hit.", "Kursk region was hit."),
    ("name hyphenation", "Kim Jong Un met Shoigu.", "Kim Jong-un met Shoigu."),
    ("name spacing", "The Al Qaeda cell", "The Al-Qaeda cell"),
    ("thousands separator", "send 1,000 sappers", "send 1000 sappers"),
    ("number words", "send 1,000 sappers", "send one thousand sappers"),
    ("compound number words", "5,000 workers", "five thousand workers"),
    ("British/American", "the defence ministry", "the defense ministry"),
    ("British/American -our", "a favour to the neighbours", "a favor to the neighbors"),
    ("British/American -ise", "they organised talks", "they organized talks"),
    ("transliteration", "met Sergei Shoigu", "met Sergey Shoigu"),
    ("place transliteration", "a strike on Kiev", "a strike on Kyiv"),
]


@pytest.mark.parametrize(("label", "a", "b"), TRIVIAL, ids=[t[0] for t in TRIVIAL])
def test_trivial_changes(label: str, a: str, b: str) -> None:
    found = classes(a, b)
    assert found, label  # there is a change...
    assert found == {("trivial", None)}, label  # ...and it is trivial


SUBSTANTIVE = [
    ("number", "5,000 military builders", "6,000 military builders", "number"),
    ("number qualifier", "killed 15 people", "killed more than 15 people", "number"),
    ("number word", "send one thousand sappers", "send two thousand sappers", "number"),
    ("year", "signed in 2024", "signed in 2025", "date"),
    ("relative date", "signed last year", "signed earlier this year", "date"),
    ("weekday", "announced on Tuesday", "announced on Wednesday", "date"),
    ("month", "visited in March", "visited in May", "date"),
    ("name", "met Sergei Shoigu", "met Sergei Lavrov", "name"),
    ("quote reworded", 'He said "we will win".', 'He said "we shall prevail".', "quote"),
    (
        "attribution verb",
        "Shoigu said the talks went well",
        "Shoigu stated the talks went well",
        "attribution",
    ),
    (
        "attribution source",
        "according to Reuters, it",
        "according to the ministry, it",
        "attribution",
    ),
    ("hedge added", "North Korea sent arms.", "North Korea reportedly sent arms.", "hedge"),
    ("hedge dropped", "A museum may be built.", "A museum will be built.", "hedge"),
    ("loaded term", "destroyed by the occupiers", "destroyed by Ukrainian forces", "loaded"),
    ("loaded term added", "the forces of Kyiv", "the forces of the Kyiv regime", "loaded"),
    ("other", "a big crowd gathered", "a small crowd gathered", "other"),
    (
        "rewrite",
        "North Korea will send builders to Kursk, state media reported on Tuesday.",
        "This announcement came as the Security Council chief held talks in Pyongyang with "
        "officials from the North on June 17.",
        "other",
    ),
]


@pytest.mark.parametrize(
    ("label", "a", "b", "subkind"), SUBSTANTIVE, ids=[t[0] for t in SUBSTANTIVE]
)
def test_substantive_changes(label: str, a: str, b: str, subkind: str) -> None:
    assert classes(a, b) == {("substantive", subkind)}, label


def test_same_number_in_a_reworded_passage_is_no_number_change() -> None:
    ops = word_diff(
        "Shoigu said North Korea will send 1,000 sappers to clear mines.",
        "Kim has decided to send one thousand sappers to clear mines, Shoigu said.",
    )
    assert [o for o in ops if o.subkind == "number"] == []
    assert any(o.change == "substantive" for o in ops)


def test_identical_sentences_are_one_equal_op() -> None:
    assert word_diff("Same words.", "Same words.") == (Op("equal", "Same words."),)


def test_replacement_is_a_delete_then_an_insert_with_the_same_class() -> None:
    ops = word_diff("send 5,000 workers", "send 6,000 workers")
    assert [(o.kind, o.text) for o in ops] == [
        ("equal", "send "),
        ("delete", "5,000"),
        ("insert", "6,000"),
        ("equal", " workers"),
    ]
    assert ops[1].change == ops[2].change == "substantive"
    assert ops[1].subkind == ops[2].subkind == "number"


def test_one_unchanged_word_between_two_changes_stays_equal() -> None:
    ops = word_diff(
        "Officials said 5,000 workers will go to Kursk.",
        "Officials said 6,000 workers would go to Kursk.",
    )
    assert [(o.kind, o.text) for o in ops] == [
        ("equal", "Officials said "),
        ("delete", "5,000"),
        ("insert", "6,000"),
        ("equal", " workers "),
        ("delete", "will"),
        ("insert", "would"),
        ("equal", " go to Kursk."),
    ]


def test_words_are_never_split() -> None:
    ops = word_diff("the reconstruction effort", "the restoration effort")
    assert [(o.kind, o.text) for o in ops if o.kind != "equal"] == [
        ("delete", "reconstruction"),
        ("insert", "restoration"),
    ]


def test_long_sentence_with_one_change_is_diffed_finely() -> None:
    """No timeout coarsening: one changed word in a long sentence stays one replacement."""
    words = [f"word{i}" for i in range(400)]
    a = " ".join(words)
    b = " ".join([*words[:200], "changed", *words[201:]])
    ops = word_diff(a, b)
    assert [(o.kind, o.text) for o in ops if o.kind != "equal"] == [
        ("delete", "word200"),
        ("insert", "changed"),
    ]


def test_trivial_and_substantive_are_counted_separately() -> None:
    ops = word_diff(
        "Shoigu said that 5,000 workers came to the defence ministry on foot.",
        "Shoigu said that 6,000 workers came to the defense ministry on foot!",
    )
    assert count_changes(ops) == {"trivial": 2, "substantive": 1}


def test_a_replacement_counts_once() -> None:
    ops = (
        Op("equal", "a "),
        Op("delete", "5", "substantive", "number"),
        Op("insert", "6", "substantive", "number"),
        Op("insert", "x", "trivial"),
    )
    assert count_changes(ops) == {"trivial": 1, "substantive": 1}


sentences = st.lists(
    st.sampled_from(
        [
            "Kim",
            "Jong-un",
            "1,000",
            "one",
            "thousand",
            "said",
            "“",
            "”",
            '"',
            ",",
            ".",
            "—",
            "defence",
            "defense",
            "reportedly",
            "the",
            "occupiers",
            "Kyiv",
            "Kiev",
            "2024",
            "last",
            "year",
            " ",
            "  ",
            "\n",
            "é",
            "x-y",
        ]
    ),
    max_size=30,
).map(lambda parts: " ".join(parts))


@settings(max_examples=300, deadline=None)
@given(a=sentences, b=sentences)
def test_ops_rebuild_both_texts_exactly(a: str, b: str) -> None:
    ops = word_diff(a, b)
    assert "".join(o.text for o in ops if o.kind != "insert") == a
    assert "".join(o.text for o in ops if o.kind != "delete") == b
    for o in ops:
        assert o.text
        assert (o.change is None) == (o.kind == "equal")
        assert o.subkind is None or o.change == "substantive"


@settings(max_examples=200, deadline=None)
@given(a=st.text(max_size=60), b=st.text(max_size=60))
def test_ops_rebuild_any_text(a: str, b: str) -> None:
    ops = word_diff(a, b)
    assert "".join(o.text for o in ops if o.kind != "insert") == a
    assert "".join(o.text for o in ops if o.kind != "delete") == b
    # op boundaries fall on token boundaries of the text they come from
    for text, skip in ((a, "insert"), (b, "delete")):
        bounds = {0}
        for t in tokenize(text):
            bounds.add(max(bounds) + len(t))
        pos = 0
        for o in ops:
            if o.kind == skip:
                continue
            pos += len(o.text)
            assert pos in bounds


@pytest.mark.parametrize(
    ("a", "b"),
    [("1,000", "one thousand"), ("5,000", "five thousand"), ("1.5 million", "1,500,000")],
)
def test_canonical_numbers(a: str, b: str) -> None:
    assert canonical(a) == canonical(b)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Kim Jong Un", "Kim Jong-un", True),
        ("Sergei Shoigu", "Sergey Shoigu", True),
        ("Kiev", "Kyiv", True),
        ("Volodymyr Zelenskyy", "Volodymyr Zelensky", True),
        ("Shoigu’s", "Shoigu", True),
        ("Sergei Shoigu", "Sergei Lavrov", False),
        ("Kim Jong Un", "Kim Yo Jong", False),
        ("Aleksei Navalny", "Alexei Navalny", True),
        ("Marks", "Marx", False),
    ],
)
def test_name_key(a: str, b: str, same: bool) -> None:
    assert (name_key(a) == name_key(b)) is same


# ------------------------------------------------------------------ the `diff` command


def test_diff_json_document(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from tui.cli import main

    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("North Korea will send 5,000 military builders to the Kursk region.\n")
    b.write_text("North Korea will send 6,000 military builders to the Kursk region.\n")
    assert main(["diff", "--json", str(a), str(b)]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["schema"] == "sidebyside.diff/1" and doc["reference"] == "a"
    (group,) = doc["groups"]
    (diff,) = group["diffs"]
    assert diff["article"] == "b" and diff["counts"] == {"trivial": 0, "substantive": 1}
    changed = [o for o in diff["ops"] if o["op"] != "equal"]
    assert changed == [
        {"op": "delete", "text": "5,000", "change": "substantive", "subkind": "number"},
        {"op": "insert", "text": "6,000", "change": "substantive", "subkind": "number"},
    ]
    assert group["discrepancies"] == ["d1"]


def test_diff_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tui.cli import main

    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("North Korea will send 5,000 military builders to the Kursk region.\n")
    b.write_text("North Korea will send 6,000 military builders to the Kursk region!\n")
    assert main(["diff", str(a), str(b)]) == 0
    out = capsys.readouterr().out
    assert "1 substantive (number), 1 trivial" in out
    assert "send [-5,000-]{+6,000+} military" in out  # no colours in a capture: markers


def test_diff_unknown_reference_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tui.cli import main

    a = tmp_path / "a.txt"
    a.write_text("One sentence.\n")
    assert main(["diff", "--reference", "zzz", str(a)]) == 2
    assert "--reference" in capsys.readouterr().err
