"""Anchors: making them (group, sentence, selection) and finding them again after edits."""

from __future__ import annotations

import pytest

from tui.core.align.aligner import Group, SentenceRef
from tui.core.errors import UsageError
from tui.core.load.article import Article
from tui.core.load.parse import article_from_text
from tui.core.notes.anchor import (
    Anchor,
    anchor_group,
    anchor_quote,
    anchor_selection,
    anchor_sentence,
    make_anchor,
    resolve,
    sentences_in,
)

BASE = (
    "Officials said 40 people died in the floods on Tuesday.\n\n"
    "The river rose by three metres overnight. Rescue teams reached the village of Marnay at "
    "dawn. Later he said the aid was late.\n\n"
    'The mayor said the main dam had not failed. "We will rebuild," he said. Aid was slow to '
    "come. Aid is expected on Friday.\n\n"
    "Engineers from the regional office inspected the structure on Wednesday morning and "
    "confirmed the main dam had not failed, although a spillway gate was jammed.\n"
)

NEW_PARAGRAPH = (
    "UPDATE: this story was updated with comments from engineers and the mayor of the town, "
    "and with new figures on the number of people displaced by the water.\n\n"
)


def art(text: str, article_id: str = "a") -> Article:
    return article_from_text(text, article_id)


def anchor_on(text: str, quote: str, occurrence: int = 0) -> Anchor:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(quote, start + 1)
    return make_anchor(art(text), start, start + len(quote))


def edit(old: str, new: str, text: str = BASE) -> str:
    assert old in text
    return text.replace(old, new, 1)


RESCUE = "Rescue teams reached the village of Marnay at dawn."

# (case, quote, occurrence, new text, status, text expected at the new span or None)
CASES = [
    ("unchanged", RESCUE, 0, BASE, "anchored", RESCUE),
    ("inserted paragraph", RESCUE, 0, NEW_PARAGRAPH + BASE, "moved", RESCUE),
    (
        "reworded sentence",
        RESCUE,
        0,
        edit(RESCUE, "Rescue teams got to the village of Marnay at dawn."),
        "moved",
        "Rescue teams got to the village of Marnay at dawn.",
    ),
    (
        "reworded sentence after an inserted paragraph",
        RESCUE,
        0,
        NEW_PARAGRAPH + edit(RESCUE, "Rescue teams reached Marnay village at dawn."),
        "moved",
        "Rescue teams reached Marnay village at dawn.",
    ),
    ("deleted sentence", RESCUE, 0, edit(RESCUE + " ", ""), "orphaned", None),
    (
        "deleted and replaced by an unrelated sentence",
        RESCUE,
        0,
        edit(RESCUE, "Schools in the district will stay closed until Monday."),
        "orphaned",
        None,
    ),
    (
        "repeated phrase: the second one, found by its context",
        "the main dam had not failed",
        1,
        edit("The river rose", "The town said the main dam had not failed. The river rose"),
        "moved",
        "the main dam had not failed",
    ),
    (
        "repeated phrase after a long insertion that puts the first near the old offset",
        "the main dam had not failed",
        1,
        NEW_PARAGRAPH * 2 + BASE,
        "moved",
        "the main dam had not failed",
    ),
    ("short quote moved with its context", "he said", 1, NEW_PARAGRAPH + BASE, "moved", "he said"),
    (
        "short quote whose sentence is gone must not jump to another 'he said'",
        "he said",
        1,
        edit('"We will rebuild," he said. ', ""),
        "orphaned",
        None,
    ),
    (
        "short quote in a deleted sentence whose next sentence starts the same way",
        "Aid",
        0,
        edit("Aid was slow to come. ", ""),
        "orphaned",
        None,
    ),
    (
        "short quote whose words changed around it",
        "40 people",
        0,
        edit("Officials said 40 people died in the floods", "At least 40 people drowned"),
        "orphaned",
        None,
    ),
]


@pytest.mark.parametrize(
    ("quote", "occurrence", "new_text", "status", "found"),
    [c[1:] for c in CASES],
    ids=[c[0] for c in CASES],
)
def test_resolve(
    quote: str, occurrence: int, new_text: str, status: str, found: str | None
) -> None:
    anchor = anchor_on(BASE, quote, occurrence)
    result = resolve(anchor, art(new_text))
    assert result.status == status
    if found is None:
        assert (result.start, result.end, result.found) == (-1, -1, False)
    else:
        assert new_text[result.start : result.end] == found
        if found == quote and occurrence == 1 and quote in BASE:
            # the right occurrence: the one with the same words after it
            assert new_text[result.end : result.end + 10] == BASE[anchor.end : anchor.end + 10]


def test_repeated_phrase_without_context_takes_the_closest() -> None:
    text = "Alpha beta gamma delta said so. " * 3
    anchor = make_anchor(art(text), text.index("said so", 40), text.index("said so", 40) + 7)
    moved = "Zeta. " + text
    found = resolve(anchor, art(moved))
    assert found.status == "moved"
    assert found.start == anchor.start + len("Zeta. ")


def test_offsets_win_when_the_file_is_unchanged() -> None:
    anchor = anchor_on(BASE, "he said", 1)
    found = resolve(anchor, art(BASE))
    assert (found.status, found.start, found.method, found.score) == (
        "anchored",
        anchor.start,
        "offsets",
        1.0,
    )


def test_unchanged_text_at_offsets_in_an_edited_file_is_still_anchored() -> None:
    anchor = anchor_on(BASE, RESCUE)
    changed = BASE + "\nA correction was appended.\n"
    found = resolve(anchor, art(changed))
    assert (found.status, found.start, found.end) == ("anchored", anchor.start, anchor.end)


def test_anchor_context_is_32_characters_each_side() -> None:
    anchor = anchor_on(BASE, RESCUE)
    assert anchor.prefix == BASE[anchor.start - 32 : anchor.start]
    assert anchor.suffix == BASE[anchor.end : anchor.end + 32]
    assert anchor.file_sha256 == art(BASE).sha256
    first = anchor_on(BASE, "Officials")
    assert first.prefix == ""


def test_anchor_roundtrips_through_json_dict() -> None:
    anchor = anchor_on(BASE, RESCUE)
    assert list(anchor.to_dict()) == [
        "article",
        "file_sha256",
        "exact",
        "prefix",
        "suffix",
        "start",
        "end",
    ]
    assert Anchor.from_dict(anchor.to_dict()) == anchor


@pytest.mark.parametrize(
    "bad",
    [
        [],
        {"article": "a"},
        {**anchor_on(BASE, RESCUE).to_dict(), "start": -1},
        {**anchor_on(BASE, RESCUE).to_dict(), "end": "9"},
        {**anchor_on(BASE, RESCUE).to_dict(), "exact": None},
    ],
)
def test_anchor_from_bad_dict_raises(bad: object) -> None:
    with pytest.raises(ValueError):
        Anchor.from_dict(bad)


def test_anchor_sentence_and_group() -> None:
    a, b = art(BASE, "a"), art(NEW_PARAGRAPH + BASE, "b")
    index_a = next(s.index for s in a.sentences if s.text == RESCUE)
    index_b = next(s.index for s in b.sentences if s.text == RESCUE)
    assert anchor_sentence(a, index_a).exact == RESCUE
    group = Group(
        0,
        "identical",
        (SentenceRef("a", index_a), SentenceRef("b", index_b), SentenceRef("b", index_b + 1)),
    )
    anchors = anchor_group([a, b], group)
    assert [x.article for x in anchors] == ["a", "b"]
    assert anchors[0].exact == RESCUE
    assert anchors[1].exact == RESCUE + " " + b.sentences[index_b + 1].text
    assert sentences_in(b, anchors[1].start, anchors[1].end) == (index_b, index_b + 1)


@pytest.mark.parametrize(
    ("call", "args"),
    [
        (anchor_sentence, (99,)),
        (anchor_sentence, (-1,)),
        (anchor_selection, (0, 5, 5)),
        (anchor_selection, (0, 0, 999)),
        (anchor_selection, (99, 0, 3)),
        (make_anchor, (0, 10_000)),
    ],
)
def test_bad_anchor_requests_raise_usage_error(call: object, args: tuple[int, ...]) -> None:
    with pytest.raises(UsageError):
        call(art(BASE), *args)  # type: ignore[operator]


@pytest.mark.parametrize(
    ("source", "selected", "expected"),
    [
        (
            "Rescue teams reached\n  the village of Marnay at dawn.",
            "reached the village",
            "reached\n  the village",
        ),
        ("He said no. Then he said yes.", "he said", "he said"),
        ("Plain text here.", "text", "text"),
    ],
)
def test_selection_maps_shown_text_to_source(source: str, selected: str, expected: str) -> None:
    article = art(source)
    sentence = article.sentences[-1]
    start = sentence.text.index(selected)
    anchor = anchor_selection(article, sentence.index, start, start + len(selected))
    assert anchor.exact == expected
    assert source[anchor.start : anchor.end] == expected
    assert resolve(anchor, article).status == "anchored"


# --- the seeds: edits around every sentence, no anchor may land in the wrong place -------------

EDITOR_NOTE = "An editor's note was added at the top of this story.\n\n"


QUOTED = "Officials said 1,200 people left.\nThe river rose by 2 metres, officials said on Monday."


@pytest.mark.parametrize(
    ("indices", "quote", "expected"),
    [
        ([0, 1], "Officials said", "Officials said"),
        ([0, 1], "officials said", "officials said"),  # as typed first: sentence 1 has it
        ([0, 1], "OFFICIALS  SAID", "Officials said"),  # then ignoring case and spacing
        ([0, 1], "2 metres", "2 metres"),
        ([0], "2 metres", None),  # only the sentences given are searched
        ([0, 1], "3 metres", None),
    ],
)
def test_quote_anchors_the_first_occurrence_in_the_sentences_given(
    indices: list[int], quote: str, expected: str | None
) -> None:
    article = art(QUOTED)
    anchor = anchor_quote(article, indices, quote)
    if expected is None:
        assert anchor is None
    else:
        assert anchor is not None
        assert anchor.exact == expected
        assert QUOTED[anchor.start : anchor.end] == expected


@pytest.mark.parametrize(("indices", "quote"), [([0], "   "), ([7], "said")])
def test_quote_blank_or_bad_sentence_raises_usage_error(indices: list[int], quote: str) -> None:
    with pytest.raises(UsageError):
        anchor_quote(art(QUOTED), indices, quote)


def seed_articles() -> list[Article]:
    from tui.core.load.articles import load_article
    from tui.resources import seed_paths

    return [load_article(p) for p in seed_paths()]


def reworded(text: str) -> str:
    """A light rewrite: a number changed, or two words swapped; "said" becomes "stated"."""
    import re

    changed = re.sub(r"\d+", lambda m: str(int(m.group()) + 7), text, count=1)
    if changed == text:
        words = text.split(" ")
        words[2], words[3] = words[3], words[2]
        changed = " ".join(words)
    return changed.replace(" said", " stated", 1)


def middle_words(article: Article, index: int, count: int = 3) -> tuple[int, int] | None:
    import re

    s = article.sentences[index]
    words = list(re.finditer(r"\S+", article.source[s.start : s.end]))
    if len(words) < count + 2:
        return None
    first = len(words) // 2 - 1
    return s.start + words[first].start(), s.start + words[first + count - 1].end()


@pytest.mark.parametrize("seed", range(5))
def test_seed_sentences_survive_an_insertion_and_a_deletion(seed: int) -> None:
    article = seed_articles()[seed]
    source = article.source
    for gone in range(0, len(article.sentences), 3):
        g = article.sentences[gone]
        shift = len(EDITOR_NOTE)
        edited = article_from_text(EDITOR_NOTE + source[: g.start] + source[g.end :], article.id)
        for s in article.sentences:
            anchor = anchor_sentence(article, s.index)
            found = resolve(anchor, edited)
            if s.index == gone:
                assert not found.found or edited.source[found.start : found.end] == anchor.exact
                continue
            expected = s.start + shift - (g.end - g.start if s.start > g.start else 0)
            assert (found.status, found.start) == ("moved", expected), s.text
            span = middle_words(article, s.index)
            if span is not None:
                part = resolve(make_anchor(article, *span), edited)
                assert not part.found or part.start == span[0] + expected - s.start, s.text


@pytest.mark.parametrize("seed", range(5))
def test_seed_selections_in_a_deleted_sentence_do_not_jump(seed: int) -> None:
    article = seed_articles()[seed]
    source = article.source
    for s in article.sentences:
        span = middle_words(article, s.index)
        if span is None:
            continue
        edited = article_from_text(source[: s.start] + source[s.end :], article.id)
        found = resolve(make_anchor(article, *span), edited)
        assert found.status == "orphaned", (source[span[0] : span[1]], found)


@pytest.mark.parametrize("seed", range(5))
def test_seed_reworded_sentences_are_found_in_place(seed: int) -> None:
    article = seed_articles()[seed]
    source = article.source
    for s in article.sentences:
        if len(s.text.split()) < 5:
            continue
        new = reworded(source[s.start : s.end])
        edited = article_from_text(EDITOR_NOTE + source[: s.start] + new + source[s.end :], "x")
        found = resolve(anchor_sentence(article, s.index), edited)
        start = s.start + len(EDITOR_NOTE)
        assert (found.status, found.method, found.start, found.end) == (
            "moved",
            "fuzzy",
            start,
            start + len(new),
        ), s.text
