"""The presentation helpers: wrapping, compare rows per pair, grid cells (no event loop)."""

from __future__ import annotations

import itertools

import pytest
from rich.cells import cell_len

from tui.ui.render import build_rows, cell_state, similarity_table, wrap_offsets
from tui.ui.synthetic import synthetic_analysis


def lines(text: str, width: int) -> list[str]:
    cuts = [0, *wrap_offsets(text, width), len(text)]
    return [text[a:b] for a, b in itertools.pairwise(cuts)]


@pytest.mark.parametrize(
    ("text", "width", "expected"),
    [
        ("short", 10, ["short"]),
        ("one two three", 6, ["one ", "two ", "three"]),
        ("one two three", 7, ["one two ", "three"]),
        ("one two three", 13, ["one two three"]),
        ("abcdefghij", 4, ["abcd", "efgh", "ij"]),
        ("a abcdefghij b", 4, ["a ", "abcd", "efgh", "ij b"]),
        ("日本語のテキスト", 6, ["日本語", "のテキ", "スト"]),
        ("", 5, [""]),
    ],
)
def test_wrap_offsets(text: str, width: int, expected: list[str]) -> None:
    assert lines(text, width) == expected


@pytest.mark.parametrize("width", [1, 3, 10, 35])
def test_wrapped_lines_fit_the_width(width: int) -> None:
    text = "Shoigu said North Korea will send 1,000 sappers and 5,000 military builders to Kursk."
    for line in lines(text, width):
        assert cell_len(line.rstrip()) <= width


def test_rows_of_a_pair_have_the_expected_kinds() -> None:
    rows = build_rows(synthetic_analysis(7, 3), "v1")
    assert [r.kind for r in rows] == [
        "identical",
        "reworded",
        "unique-left",
        "unique-right",
        "split",
        "reworded",
        "identical",
    ]
    split = rows[4]
    assert split.label == "A4 = B4+5"
    assert rows[5].has_conflict and not rows[1].has_conflict
    assert [r.is_difference for r in rows] == [False, True, True, True, True, True, False]
    assert ("allegedly", "insert") in rows[1].right
    assert any(role == "delete-trivial" for _, role in rows[1].left)


def test_groups_absent_from_both_sides_are_left_out() -> None:
    rows = build_rows(synthetic_analysis(7, 3), "v2")
    assert [r.group for r in rows] == [0, 1, 2, 4, 5, 6]


@pytest.mark.parametrize(
    ("group", "article", "state"),
    [
        (0, "v0", "reference"),
        (0, "v1", "identical"),
        (1, "v2", "reworded"),
        (2, "v1", "absent"),
        (3, "v1", "present"),
        (5, "v1", "conflict"),
        (5, "v0", "conflict"),
    ],
)
def test_grid_cell_states(group: int, article: str, state: str) -> None:
    analysis = synthetic_analysis(7, 3)
    assert cell_state(analysis, analysis.alignment.groups[group], article) == state


def test_similarity_table_is_square_with_a_blank_diagonal() -> None:
    ids, rows = similarity_table(synthetic_analysis(7, 3))
    assert ids == ["v0", "v1", "v2"]
    assert rows[0] == ["v0", "·", "75%", "75%"]
    assert rows[1][1] == "70%"


def test_help_lists_every_binding() -> None:
    from rich.console import Console

    from tui.ui.keys import all_keys
    from tui.ui.screens.help import help_table

    console = Console(width=200, record=True)
    console.print(help_table())
    text = console.export_text()
    for spec in all_keys():
        assert spec.help in text, spec
        assert spec.shown_keys in text, spec


def test_detail_diff_reads_without_colour_a_replaced_word_stays_apart() -> None:
    """A deletion right before an insertion ("establishing" -> "During") keeps a space."""
    import dataclasses

    from tui.core.compare.diff import Op
    from tui.ui.render import detail_text, styles_from

    analysis = synthetic_analysis(4, 2)
    group = next(g for g in analysis.alignment.groups if len(g.articles) == 2)
    other = next(a for a in group.articles if a != analysis.reference)
    ops = (
        Op("equal", "a treaty "),
        Op("delete", "establishing", "substantive"),
        Op("insert", "During", "substantive"),
        Op("equal", " the visit"),
    )
    analysis = dataclasses.replace(analysis, diffs={**analysis.diffs, (group.id, other): ops})
    article = analysis.alignment.article(other)
    text = detail_text(analysis, group, article, styles_from({}), True)
    assert "establishingDuring" not in text.plain
    assert "establishing During" in text.plain


def test_detail_diff_keeps_the_space_the_deleted_words_took() -> None:
    """ "region 6,000 said" -> "region 5,000said" would read as one word without colour."""
    import dataclasses

    from tui.core.compare.diff import Op
    from tui.ui.render import detail_text, styles_from

    analysis = synthetic_analysis(4, 2)
    group = next(g for g in analysis.alignment.groups if len(g.articles) == 2)
    other = next(a for a in group.articles if a != analysis.reference)
    ops = (
        Op("equal", "region "),
        Op("delete", "6,000 ", "substantive"),
        Op("insert", "5,000", "substantive"),
        Op("equal", "said"),
    )
    analysis = dataclasses.replace(analysis, diffs={**analysis.diffs, (group.id, other): ops})
    text = detail_text(analysis, group, analysis.alignment.article(other), styles_from({}), True)
    assert "5,000said" not in text.plain
    assert text.plain == "region 6,000 5,000 said"
