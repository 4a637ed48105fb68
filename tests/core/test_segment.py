"""Sentence segmentation: one table row per rule of tui.core.load.segment."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.load.segment import Span, split_sentences


def sentences(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text)]


CASES = [
    # (rule, text, expected sentences)
    (
        "plain stops",
        "One here. Two there! Three? Four.",
        ["One here.", "Two there!", "Three?", "Four."],
    ),
    (
        "title abbreviations",
        "Mr. Smith met Dr. Jones. They talked.",
        ["Mr. Smith met Dr. Jones.", "They talked."],
    ),
    (
        "military rank",
        "Gen. Valery Gerasimov spoke. He left.",
        ["Gen. Valery Gerasimov spoke.", "He left."],
    ),
    (
        "saint",
        "He flew to St. Petersburg on Monday. It rained.",
        ["He flew to St. Petersburg on Monday.", "It rained."],
    ),
    (
        "month abbreviation",
        "It began on Jan. 6 in the capital. Police came.",
        ["It began on Jan. 6 in the capital.", "Police came."],
    ),
    (
        "dotted acronym mid-sentence",
        "The U.S. Army and the U.N. Security Council met.",
        ["The U.S. Army and the U.N. Security Council met."],
    ),
    (
        "dotted acronym ends a sentence",
        "Sanctions hit the U.S. The move was new.",
        ["Sanctions hit the U.S.", "The move was new."],
    ),
    (
        "initials",
        "J. R. R. Tolkien wrote it. George W. Bush read it.",
        ["J. R. R. Tolkien wrote it.", "George W. Bush read it."],
    ),
    (
        "decimals",
        "Inflation was 5.33 percent. It fell.",
        ["Inflation was 5.33 percent.", "It fell."],
    ),
    (
        "thousands",
        "They sent 1,248 bodies. Russia said so.",
        ["They sent 1,248 bodies.", "Russia said so."],
    ),
    (
        "number abbreviation",
        "Resolution No. 5 passed. No. It failed.",
        ["Resolution No. 5 passed.", "No.", "It failed."],
    ),
    (
        "company abbreviation ends",
        "He works at Acme Inc. The firm grew.",
        ["He works at Acme Inc.", "The firm grew."],
    ),
    ("company abbreviation mid", "Acme Inc. Holdings rose.", ["Acme Inc. Holdings rose."]),
    (
        "e.g. before lower case",
        "Fruit, e.g. apples, is good. Eat it.",
        ["Fruit, e.g. apples, is good.", "Eat it."],
    ),
    (
        "ellipsis mid-sentence",
        "I thought … maybe not. Then I left.",
        ["I thought … maybe not.", "Then I left."],
    ),
    (
        "ellipsis ends before an opener",
        "He waited... The door opened.",
        ["He waited...", "The door opened."],
    ),
    (
        "ellipsis before a name",
        "He said Moscow... Kyiv was silent.",
        ["He said Moscow... Kyiv was silent."],
    ),
    ("bracketed ellipsis", "He said […] Moscow agreed.", ["He said […] Moscow agreed."]),
    (
        "attribution after a quote",
        '"We will win," he said. Then he left.',
        ['"We will win," he said.', "Then he left."],
    ),
    (
        "question in quote, attribution",
        '"Why?" he asked. Nobody knew.',
        ['"Why?" he asked.', "Nobody knew."],
    ),
    (
        "quote ends a sentence",
        '"We will win." He said it twice.',
        ['"We will win."', "He said it twice."],
    ),
    (
        "several sentences in an attributed quote stay whole",
        '"We came. We saw," he said. It was over.',
        ['"We came. We saw," he said.', "It was over."],
    ),
    (
        "a quote that ends its sentence splits inside",
        'He said: "We came. We saw." Then he left.',
        ['He said: "We came.', 'We saw."', "Then he left."],
    ),
    (
        "curly quotes",
        "“It works,” she said. “Really.” He nodded.",
        ["“It works,” she said.", "“Really.”", "He nodded."],
    ),
    (
        "guillemets",
        "«The pace is high,» Shoigu stated. AFP added.",
        ["«The pace is high,» Shoigu stated.", "AFP added."],
    ),
    (
        "German quotes",
        "Er sagte: „Geh! Lass mich allein!“ Dann ging er.",
        ["Er sagte: „Geh!", "Lass mich allein!“", "Dann ging er."],
    ),
    (
        "German quotes, detached closer",
        "Sie rief: „Nein! “ Da ging er.",
        ["Sie rief: „Nein! “", "Da ging er."],
    ),
    (
        "dashes are not stops",
        "Moscow - helped by troops - won. Kyiv lost.",
        ["Moscow - helped by troops - won.", "Kyiv lost."],
    ),
    (
        "em dash",
        "It ended — or so they said. Later it resumed.",
        ["It ended — or so they said.", "Later it resumed."],
    ),
    (
        "headline without stop",
        "Kim Meets Shoigu\nThe talks lasted two hours.",
        ["Kim Meets Shoigu", "The talks lasted two hours."],
    ),
    (
        "parenthesised sentence",
        "He left (nobody knew why. It was late) at once. Fine.",
        ["He left (nobody knew why. It was late) at once.", "Fine."],
    ),
    (
        "URL and domain",
        "See example.com for more. Or not.",
        ["See example.com for more.", "Or not."],
    ),
    (
        "no space after a stop, before a sentence opener",
        "The vote was won by the Democrats.The count took a week.",
        ["The vote was won by the Democrats.", "The count took a week."],
    ),
    (
        "no space after a question mark and quote",
        'She asked: "Who won?"Nobody knew.',
        ['She asked: "Who won?"', "Nobody knew."],
    ),
    (
        "colon after a whole clause",
        "Sylt is a very popular holiday island: Every year 800,000 people come.",
        ["Sylt is a very popular holiday island:", "Every year 800,000 people come."],
    ),
    (
        "colon after a whole German clause",
        "Sylt ist ein sehr beliebtes Ferienziel: Jährlich kommen 800.000 Besucher.",
        ["Sylt ist ein sehr beliebtes Ferienziel:", "Jährlich kommen 800.000 Besucher."],
    ),
    (
        "colon after a short lead-in",
        "The reasons: Many women still give up a career. Update: Police say more.",
        ["The reasons: Many women still give up a career.", "Update: Police say more."],
    ),
    (
        "colon before a quotation",
        'The minister told reporters on Monday: "We will not pay."',
        ['The minister told reporters on Monday: "We will not pay."'],
    ),
    (
        "colon before a lower-case word",
        "The ministry listed three more reasons: costs, time and risk.",
        ["The ministry listed three more reasons: costs, time and risk."],
    ),
    (
        "colon inside a bracket",
        "The word Brexit (short for the phrase in full: Britain plus exit) won. Fine.",
        ["The word Brexit (short for the phrase in full: Britain plus exit) won.", "Fine."],
    ),
    (
        "no space after a stop, not before an opener",
        "He moved to example.Com last year. Fine.",
        ["He moved to example.Com last year.", "Fine."],
    ),
    (
        "no space after an abbreviation or acronym",
        "Dr.The Smith and the U.S.Army met. Fine.",
        ["Dr.The Smith and the U.S.Army met.", "Fine."],
    ),
    (
        "hyphenated acronym",
        "A U.S.-led coalition formed. It grew.",
        ["A U.S.-led coalition formed.", "It grew."],
    ),
    (
        "lower case after a stop",
        "He met Kim in Pyongyang. and then left.",
        ["He met Kim in Pyongyang. and then left."],
    ),
    # German
    (
        "z. B.",
        "Obst, z. B. Äpfel, ist gesund. Iss es.",
        ["Obst, z. B. Äpfel, ist gesund.", "Iss es."],
    ),
    (
        "z.B. before a capital",
        "Viele Länder, z.B. Die Schweiz, machen mit.",
        ["Viele Länder, z.B. Die Schweiz, machen mit."],
    ),
    (
        "d. h.",
        "Es ist kalt, d. h. Winter. Wir frieren.",
        ["Es ist kalt, d. h. Winter.", "Wir frieren."],
    ),
    ("u. a.", "Er besuchte u. a. Berlin. Dann Rom.", ["Er besuchte u. a. Berlin.", "Dann Rom."]),
    (
        "bzw.",
        "Hunde bzw. Katzen sind Tiere. Sie fressen.",
        ["Hunde bzw. Katzen sind Tiere.", "Sie fressen."],
    ),
    (
        "ca.",
        "Es kamen ca. 5000 Menschen. Alle feierten.",
        ["Es kamen ca. 5000 Menschen.", "Alle feierten."],
    ),
    (
        "Nr.",
        "Er wohnt in Haus Nr. 5 im Ort. Es ist alt.",
        ["Er wohnt in Haus Nr. 5 im Ort.", "Es ist alt."],
    ),
    (
        "Dr. and St.",
        "Dr. Müller war in St. Gallen. Er kam zurück.",
        ["Dr. Müller war in St. Gallen.", "Er kam zurück."],
    ),
    (
        "usw. ends a sentence",
        "Äpfel, Birnen usw. Die Ernte war gut.",
        ["Äpfel, Birnen usw.", "Die Ernte war gut."],
    ),
    ("usw. mid-sentence", "Äpfel, Birnen usw. waren teuer.", ["Äpfel, Birnen usw. waren teuer."]),
    (
        "German date",
        "Das war am 3. Oktober 1990. Alle feierten.",
        ["Das war am 3. Oktober 1990.", "Alle feierten."],
    ),
    (
        "German century",
        "Im 19. Jahrhundert wuchs die Stadt. Sie blühte.",
        ["Im 19. Jahrhundert wuchs die Stadt.", "Sie blühte."],
    ),
    (
        "German ordinal in text",
        "Der 1. Tag war zu Ende. Es wurde Abend.",
        ["Der 1. Tag war zu Ende.", "Es wurde Abend."],
    ),
    (
        "year ends a sentence",
        "Das war im Jahr 1990. Danach kam mehr.",
        ["Das war im Jahr 1990.", "Danach kam mehr."],
    ),
    (
        "number then opener",
        "Sie wurde 3. Die anderen nicht.",
        ["Sie wurde 3.", "Die anderen nicht."],
    ),
    (
        "DEplain layout",
        "Erster Satz. Zweiter Satz.\n\nDritter Satz im Absatz zwei. Vierter.",
        ["Erster Satz.", "Zweiter Satz.", "Dritter Satz im Absatz zwei.", "Vierter."],
    ),
]


@pytest.mark.parametrize(("rule", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_split_sentences(rule: str, text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(
    ("text", "base"), [("It is. He was.\nEnd", 0), ("It is. He was.\nEnd", 100)]
)
def test_offsets_point_into_the_source(text: str, base: int) -> None:
    spans = split_sentences(text, base)
    assert spans == [
        Span(base + 0, base + 6),
        Span(base + 7, base + 14),
        Span(base + 15, base + 18),
    ]
    assert [text[s.start - base : s.end - base] for s in spans] == ["It is.", "He was.", "End"]


@pytest.mark.parametrize("text", ["", "   ", "\n\n", " \n \t\n"])
def test_blank_text_has_no_sentences(text: str) -> None:
    assert split_sentences(text) == []


def test_unpaired_quote_protects_nothing() -> None:
    # A quotation opened and never closed in the line (a quote running over paragraphs).
    assert sentences('He said: "We came. We saw. Then') == ['He said: "We came.', "We saw.", "Then"]


PIECES = [*"aB .!?…\"'“”„«»()-\n", "Mr.", "U.S.", "z. B.", " The ", "3.", "5.33"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=80).map("".join))
def test_spans_are_ordered_trimmed_and_inside(text: str) -> None:
    spans = split_sentences(text, 7)
    previous_end = 7
    for span in spans:
        assert previous_end <= span.start < span.end <= len(text) + 7
        piece = text[span.start - 7 : span.end - 7]
        assert piece == piece.strip() and "\n" not in piece
        previous_end = span.end
    # Nothing but whitespace is left out.
    covered = "".join(text[s.start - 7 : s.end - 7] for s in spans)
    assert "".join(covered.split()) == "".join(text.split())
