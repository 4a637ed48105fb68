"""Figures keyed by what they measure, compared across the whole story: each rule beside its
false-positive twin."""

from __future__ import annotations

import pytest

from tests.core.test_facts import aligned, facts_of, found, make


def conflicts(a: str, b: str) -> list[str]:
    """Summaries of the number conflicts between two unaligned one-line versions."""
    return [d.summary for d in found(aligned(make(a, "x"), make(b, "y")), "number", "conflict")]


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        ("Ten people were killed and at least 50 injured.", "injured"),
        ("The quake killed 10 persons and wounded other 70.", "killed"),
        ("The main shock was followed by at least four aftershocks.", "count:aftershock"),
        ("Qeshm has a population of more than 100,000.", "population"),
        ("The U.S. Geological Survey put the magnitude at 6.1.", "magnitude@geological survey"),
        ("Thieves made off with a $2.6-million haul.", "money:usd"),
        ("Sixty-five per cent of traffic to India was down.", "share:traffic@india"),
        ("In January, five cables in the Middle East and Europe were cut.", "cable:damaged"),
    ],
)
def test_number_facts_carry_what_they_measure(text: str, measure: str) -> None:
    measures = [f.measure for f in facts_of(text, "number") if f.measure]
    assert measure in measures


def test_a_list_of_shares_inherits_the_thing_measured() -> None:
    text = "As much as 55 percent of voice traffic in Saudi Arabia and 82 percent in India was out."
    assert [f.measure for f in facts_of(text, "number")] == [
        "share:traffic@saudi arabia",
        "share:traffic@india",
    ]


def test_a_count_without_a_measure_has_none() -> None:
    assert {f.measure for f in facts_of("The two sides met 12 times.", "number")} == {""}


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "State media said three strong aftershocks were felt.",
            "It was followed by at least four aftershocks.",
        ),
        ("Ten were killed and 50 were injured.", "The quake killed 10 and injured 80."),
        ("Qeshm is home to 200,000 people.", "Qeshm has a population of 120,000."),
        (
            "The U.S. Geological Survey put the quake's magnitude at 6.1.",
            "The U.S. Geological Survey said it had a magnitude of 5.9.",
        ),
        (
            "Thieves nab $2.5 million worth of jewellery.",
            "They made off with a $2.6-million booty.",
        ),
        (
            "82 percent of traffic in India was lost.",
            "Sixty-five per cent of traffic to India was down.",
        ),
    ],
)
def test_figures_for_one_measure_conflict_across_unaligned_versions(a: str, b: str) -> None:
    assert len(conflicts(a, b)) == 1


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # intervals that can both hold
        ("Qeshm has a population of more than 100,000.", "Qeshm has a population of 120,000."),
        ("About 50 were hurt.", "At least 50 were injured."),
        ("At least four aftershocks were felt.", "Five aftershocks were felt."),
        # different measures, agencies, currencies, places, times
        ("Ten people were killed.", "Fifty people were injured."),
        (
            "Tehran's seismologic center put the magnitude at 5.9.",
            "The U.S. Geological Survey said the magnitude was 6.1.",
        ),
        ("The haul was worth two million euros.", "The haul was worth $2.6 million."),
        (
            "55 percent of traffic in Saudi Arabia was lost.",
            "65 percent of traffic to India was lost.",
        ),
        ("Three undersea cables were damaged on Friday.", "In January, five cables were cut."),
        ("A quake killed more than 31,000 in Bam in 2003.", "In 2005, 600 were killed in Zarand."),
        # a figure the article presents as an update
        ("Ten people were killed.", "The death toll later rose to 14 killed."),
        # amounts so far apart they are different sums
        ("The jewels were worth $2 million.", "The Cannes heist took $136 million."),
        # one version contradicting itself is not two versions disagreeing
        ("Ten were killed, officials said, and later 12 were killed.", "Nothing else."),
    ],
)
def test_false_positive_twins_are_not_conflicts(a: str, b: str) -> None:
    assert conflicts(a, b) == []


def test_an_update_is_reported_as_a_marked_variant() -> None:
    alignment = aligned(
        make("Ten people were killed.", "x"), make("The toll rose to 14 killed.", "y")
    )
    variants = found(alignment, "number", "variant")
    assert any("update" in d.summary for d in variants)


def test_one_discrepancy_per_measure_lists_every_version() -> None:
    alignment = aligned(
        make("About 50 were hurt.", "x"),
        make("70 were wounded.", "y"),
        make("80 were injured.", "z"),
    )
    (d,) = found(alignment, "number", "conflict")
    assert [v.article for v in d.variants] == ["x", "y", "z"]
    assert "injured" in d.summary


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # offers of several parties are different sums
        ("The Nationals offered $160 million.", "The Orioles offered $140 million."),
        # a magnitude is no count of people
        ("In 2003 a 6.7-magnitude quake killed 26,000.", "In 2003 a 6.6 quake killed 26,000."),
        # "It" speaks of what the sentence before named: another quake, another time
        ("Ten people were killed.", "In 2005 a quake hit Zarand.\nIt killed 612 people."),
    ],
)
def test_more_figure_twins(a: str, b: str) -> None:
    assert conflicts(a, b) == []


def test_round_amounts_and_large_figures_are_read_as_rounded() -> None:
    assert conflicts("The deal is worth $160 million.", "The deal is worth $161 million.") == []
    assert (
        conflicts("The town has a population of 120,000.", "It has a population of 118,500.") == []
    )
    # not so for small counts: 70 injured is not 80 injured
    assert len(conflicts("70 were injured.", "80 were injured.")) == 1
