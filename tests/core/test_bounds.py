"""The loader's bounds (issue 17, item 2): a sentence limit refusing floods of tiny sentences
with a one-line `too large`, and a splitter whose work per stop does not grow with the line."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from tui.cli import main
from tui.core.errors import TooLargeInput
from tui.core.load.bounds import CHARS_PER_SENTENCE, FREE_SENTENCES, sentence_limit
from tui.core.load.parse import article_from_text
from tui.core.load.segment import _Around, _has_words, _regions, split_sentences


def test_sentence_limit_is_free_sentences_or_one_per_chars() -> None:
    assert sentence_limit(0) == FREE_SENTENCES
    assert sentence_limit(FREE_SENTENCES * CHARS_PER_SENTENCE * 3) == FREE_SENTENCES * 3


def test_flood_of_tiny_sentences_is_refused_naming_file_and_limit() -> None:
    """The fuzzer's slow case: "Ok. " 20,000 times (80 KB)."""
    with pytest.raises(TooLargeInput) as caught:
        article_from_text("Ok. " * 20_000, "a", "flood.txt")
    message = str(caught.value)
    assert message.startswith("flood.txt: too large: over 4,000 sentences")
    assert "\n" not in message


def test_tiny_sentences_up_to_the_free_limit_load() -> None:
    art = article_from_text("Ok. " * FREE_SENTENCES, "a")
    assert len(art.sentences) == FREE_SENTENCES


def test_long_prose_beyond_the_free_limit_loads() -> None:
    """Real long documents (here 5,000 sentences of ~60 characters) are far below the limit."""
    text = "".join(f"The council met on day {i} and agreed on the budget. " for i in range(5_000))
    art = article_from_text(text, "a")
    assert len(art.sentences) == 5_000


def test_cli_refuses_a_flood_with_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    flood = tmp_path / "flood.txt"
    flood.write_text("Ok. " * 20_000)
    other = tmp_path / "b.txt"
    other.write_text("The council met. It agreed on the budget.\n")
    assert main(["align", str(flood), str(other)]) == 2
    err = capsys.readouterr().err
    assert "flood.txt: too large: over 4,000 sentences" in err
    assert "Traceback" not in err


def test_split_with_most_stops_early_but_returns_more_than_most() -> None:
    text = "Ok. " * 5_000 + "\n" + "Fine. " * 10
    spans = split_sentences(text, most=100)
    assert 100 < len(spans) < 5_000
    assert len(split_sentences(text)) == 5_010
    assert len(split_sentences(text, most=6_000)) == 5_010


def test_around_matches_the_scan_of_every_region() -> None:
    rng = random.Random(3)
    marks = ['"', "“", "”", "(", ")", "[", "]", "„", "«", "»", "x", " ", ".", "a"]
    for _ in range(3_000):
        line = "".join(rng.choice(marks) for _ in range(rng.randint(0, 40)))
        regions = _regions(line)
        around = _Around(regions)
        for point in range(len(line) + 1):
            want = {r for r in regions if r.open < point <= r.close}
            assert set(around.at(point)) == want, (line, point)


def test_has_words_matches_split() -> None:
    rng = random.Random(4)
    for _ in range(3_000):
        line = "".join(rng.choice(["a", "bb", " ", "  ", "x" * 70, ":"]) for _ in range(30))
        begin = rng.randint(0, len(line))
        end = rng.randint(begin, len(line))
        for count in (1, 5):
            assert _has_words(line, begin, end, count) == (len(line[begin:end].split()) >= count)


@pytest.mark.parametrize(
    ("piece", "count"),
    [
        ('"Ok." ', 3_000),
        ("(Ok.) ", 3_000),
        ('"Ok," he said. ', 3_000),
        # the colon splits ("five: Six"), the stop does not (". one": lower case)
        ("one two three four five: Six. ", 3_001),
    ],
)
def test_lines_of_many_quotations_and_colons_split_as_before(piece: str, count: int) -> None:
    """The inputs that were quadratic (a scan of every region per stop, of every cut per colon;
    timed in `python -m bench bounds`), with the spans the old splitter gave."""
    text = piece * 3_000
    spans = split_sentences(text)
    assert len(spans) == count
    assert all(text[s.start : s.end].strip() == text[s.start : s.end] for s in spans)
