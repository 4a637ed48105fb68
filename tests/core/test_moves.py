"""Moved passages: a group a version tells at a clearly different place is marked as moved."""

from __future__ import annotations

from tui.core.align import align, moved_parts
from tui.core.load.parse import article_from_text
from tui.core.report.serialize import alignment_document

STORY = [
    "The council approved the new budget on Monday evening.",
    "Spending on schools rises by four percent next year.",
    "Road repairs receive an extra two million dollars.",
    "The mayor praised the volunteers who cleaned the park.",
    "Critics said the plan ignores rising rents downtown.",
]


def _pair(order: list[int]) -> tuple[object, ...]:
    a = article_from_text(" ".join(STORY), "A")
    b = article_from_text(" ".join(STORY[k] for k in order), "B")
    return align([a, b]).groups


def test_a_sentence_moved_from_last_to_first_is_marked_in_the_version_that_moved_it() -> None:
    groups = _pair([4, 0, 1, 2, 3])
    moved = [g for g in groups if g.moved]
    assert len(moved) == 1
    assert moved[0].moved_in == ("B",)
    assert {(m.article, m.sentence) for m in moved[0].members} == {("A", 4), ("B", 0)}


def test_the_same_order_and_a_swap_of_neighbours_are_not_moves() -> None:
    assert not any(g.moved for g in _pair([0, 1, 2, 3, 4]))
    assert not any(g.moved for g in _pair([0, 2, 1, 3, 4]))


def test_json_marks_the_move_and_gives_each_members_place_in_its_article() -> None:
    a = article_from_text(" ".join(STORY), "A")
    b = article_from_text(" ".join(STORY[k] for k in [4, 0, 1, 2, 3]), "B")
    doc = alignment_document(align([a, b]))
    moved = [g for g in doc["groups"] if g["moved"]]
    assert [g["moved_in"] for g in moved] == [["B"]]
    where = {m["article"]: m["position"] for m in moved[0]["members"]}
    assert where == {"A": 1.0, "B": 0.0}
    assert all(g["moved_in"] == [] for g in doc["groups"] if not g["moved"])


def test_moved_parts_ignores_unique_groups_and_versions_absent_from_a_group() -> None:
    slots = [
        {"A": [0], "B": [3]},
        {"A": [1]},
        {"A": [2], "B": [0]},
        {"A": [3], "B": [1]},
        {"A": [4], "B": [2]},
    ]
    assert moved_parts(slots, ["A", "B"]) == [("B",), (), (), (), ()]
