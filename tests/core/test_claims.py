"""Claims with polarity and the contradiction rule: each case beside its false-positive twin."""

from __future__ import annotations

import pytest

from tests.core.test_facts import aligned, found, make
from tui.core.align.aligner import Alignment
from tui.core.compare.discrepancy import DISCREPANCY_KINDS
from tui.core.extract.claims import find_claims

ASSERTED = "Russia has previously acknowledged that North Korean forces took part in combat."


def contradictions(a: str, b: str) -> list[str]:
    """Summaries of the contradictions between two unaligned one-line versions."""
    return [d.summary for d in found(aligned(make(a, "x"), make(b, "y")), "contradiction")]


@pytest.mark.parametrize(
    ("text", "predicate"),
    [
        ("Moscow has not acknowledged that North Korean forces took part.", "acknowledg"),
        ("Russia never confirmed the North Korean troops.", "acknowledg"),
        ("Russia denied that North Korean troops took part.", "acknowledg"),
        ("Neither Moscow nor Pyongyang has publicly acknowledged it.", "acknowledg"),
        ("The Kremlin has yet to acknowledge the North Korean troops.", "acknowledg"),
        ("Moscow refused to confirm that North Korean forces fought.", "acknowledg"),
        ("The ministry rejected claims that its troops were deployed.", "acknowledg"),
        ("The hospital was not damaged.", "damag"),
    ],
)
def test_negation_and_denial_forms_give_negative_claims(text: str, predicate: str) -> None:
    claims = find_claims(text)
    assert any(c.predicate == predicate and not c.positive for c in claims)


def test_not_only_but_also_is_no_negation() -> None:
    assert find_claims("Russia not only acknowledged the troops but also praised them.") == []


@pytest.mark.parametrize(
    "denial",
    [
        "Moscow has not acknowledged that North Korean forces took part in combat.",
        "Russia denied that North Korean forces took part in combat.",
        "US officials accused North Korea of sending forces to Russia, something neither Moscow "
        "nor Pyongyang has publicly acknowledged.",
    ],
)
def test_assertion_vs_denial_is_a_contradiction(denial: str) -> None:
    (summary,) = contradictions(ASSERTED, denial)
    assert "acknowledged that North Korean forces" in summary  # both versions' words
    assert "x s0" in summary and "y s0" in summary  # both sentences named


def test_a_contradiction_is_a_conflict_with_both_versions() -> None:
    alignment = aligned(
        make(ASSERTED, "x"), make("Moscow denied that North Korean forces took part.", "y")
    )
    (d,) = found(alignment, "contradiction")
    assert d.severity == "conflict"
    assert [v.article for v in d.variants] == ["x", "y"]
    assert all(v.text and v.start is not None for v in d.variants)
    assert "contradiction" in DISCREPANCY_KINDS


@pytest.mark.parametrize(
    "twin",
    [
        # same words, same polarity
        "Russia has acknowledged that North Korean forces took part in combat.",
        # negation in another clause
        "Russia acknowledged that North Korean forces took part, but did not say how many died.",
        # not only ... but also
        "Russia not only acknowledged that North Korean forces took part but also praised them.",
        # a quoted denial attributed to someone else
        "“We have not acknowledged that North Korean forces took part in combat,” a Ukrainian "
        "officer joked, said Zelensky.",
        # a denial of something else by the same subject
        "Russia has not acknowledged the losses of its own army in the Belgorod region.",
        # a denial by someone else
        "Ukraine denied that its own forces took part in the attack on the dam.",
    ],
)
def test_false_positive_twins_are_not_contradictions(twin: str) -> None:
    assert contradictions(ASSERTED, twin) == []


def test_one_version_qualifying_itself_is_not_a_contradiction() -> None:
    one = make(ASSERTED + "\nMoscow has not acknowledged that North Korean forces took part.", "x")
    assert found(aligned(one, make("Nothing here.", "y")), "contradiction") == []


def test_overlapping_scopes_are_reported_as_possible() -> None:
    denial = (
        "The United States accused North Korea of giving Russia massive military assistance for "
        "its war, artillery shells and missiles, something neither Moscow nor Pyongyang has "
        "publicly acknowledged."
    )
    (summary,) = contradictions(ASSERTED, denial)
    assert "possible contradiction" in summary


# ------------------------------------------------------------------ descriptions of one thing


def described(a: str, b: str) -> list[str]:
    return [
        d.summary
        for d in found(aligned(make(a, "x"), make(b, "y")), "contradiction")
        if "the only one" in d.summary or "damaged" in d.summary
    ]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "TV said part of a hospital collapsed.",
            "It said one of the major hospitals was destroyed.",
        ),
        ("The bridge was partly damaged.", "The agency said the bridge was destroyed."),
        (
            "A reporter said the only hospital in Qeshm was full.",
            "The main hospital on Qeshm was full.",
        ),
        ("The only road to the town was closed.", "One of the roads to the town was closed."),
    ],
)
def test_one_thing_described_incompatibly_is_a_contradiction(a: str, b: str) -> None:
    assert len(described(a, b)) == 1


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # the same description
        ("Part of a hospital collapsed.", "Part of the hospital collapsed."),
        # a different thing
        ("Part of a hospital collapsed.", "The school was destroyed."),
        # active voice: the quake is not what was destroyed
        ("An earthquake razed the village.", "Part of the earthquake museum collapsed."),
        # an adjective, not a statement
        ("He toured the damaged area.", "The area was destroyed."),
        # "the only way" is no claim about a thing
        ("It was the only way out.", "It was the main way out."),
    ],
)
def test_description_twins_are_not_contradictions(a: str, b: str) -> None:
    assert described(a, b) == []


# ------------------------------------------------------------------ certainty and attribution


def _pair(a: str, b: str) -> Alignment:
    x, y = make(a, "x"), make(b, "y")
    return aligned(x, y, groups=[[("x", 0), ("y", 0)]])


@pytest.mark.parametrize(
    ("hedged", "flat"),
    [
        ("North Korea reportedly sent troops to Russia.", "North Korea sent troops to Russia."),
        ("Kyiv claims North Korea sent troops to Russia.", "Kyiv said North Korea sent troops."),
        ("The general allegedly ordered the strike.", "The general ordered the strike."),
    ],
)
def test_certainty_change_says_which_version_is_more_certain(hedged: str, flat: str) -> None:
    (d,) = found(_pair(hedged, flat), "hedge")
    assert d.severity == "variant" and d.summary.endswith("more certain in y")


def test_claims_the_noun_is_no_hedge() -> None:
    al = _pair(
        "Moscow rejected claims that it sent troops.",
        "Moscow rejected reports that it sent troops.",
    )
    assert found(al, "hedge") == []


def test_attribution_change_names_the_sources() -> None:
    al = _pair(
        "The strike hit a depot, Shoigu said.", "The strike hit a depot, state media reported."
    )
    (d,) = found(al, "attribution")
    assert d.severity == "variant" and "Shoigu" in d.summary and "state media" in d.summary


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # a negation written without its apostrophe is still a negation
        ("I cant speak for the first death, Gaskin said.", "I can't speak for the first death."),
        # "not in dispute": no predicate to compare
        ("The case is back in court.", "The case has many facts not in dispute."),
        # subjects that only share a word
        (
            "Entertainment Weekly has confirmed that Weitz will direct the sequel.",
            "Summit Entertainment will not confirm that Weitz will direct the sequel.",
        ),
    ],
)
def test_more_false_positive_twins(a: str, b: str) -> None:
    assert contradictions(a, b) == []
