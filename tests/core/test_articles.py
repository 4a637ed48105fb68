"""Article loading: seeds, encodings, formats, junk rules, metadata, offsets, random bytes."""

from __future__ import annotations

import codecs
import html
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.errors import BinaryInput, EmptyInput, InputError
from tui.core.load.article import Article, article_id_from_name
from tui.core.load.articles import article_from_bytes, load_article
from tui.core.load.decode import guess_encoding
from tui.core.load.junk import classify_line, lead_junk, outlet_from_url, parse_date
from tui.core.load.parse import article_from_text
from tui.resources import seed_paths

SEEDS = {article_id_from_name(p.name): p for p in seed_paths()}
URL_000 = (
    "https://www.themoscowtimes.com/2025/06/17/north-korea-will-send-thousands-of-military-"
    "personnel-to-help-rebuild-kursk-region-shoigu-says-a89467"
)


def seed(article_id: str) -> Article:
    return load_article(SEEDS[article_id], article_id=article_id)


def body(article: Article) -> str:
    return "\n".join(s.text for s in article.sentences)


def check_offsets(article: Article) -> None:
    """Every sentence is its source span, modulo junk removed inside, entities, whitespace."""
    for s in article.sentences:
        span = article.source[s.start : s.end]
        for j in article.junk:
            if s.start <= j.start and j.end <= s.end:
                span = span.replace(j.text, "")
        assert " ".join(html.unescape(span).split()) == s.text, s


# -- the seeds -------------------------------------------------------------------------------

SEED_META = [
    # id, title, date, outlet, url
    (
        "000",
        "North Korea Will Send Thousands of Military Personnel to Help Rebuild Kursk Region, "
        "Shoigu Says",
        "2025-06-17",
        "The Moscow Times",
        URL_000,
    ),
    (
        "001",
        "North Korea to Dispatch Troops for Kursk Region Reconstruction Amid Ongoing Conflict "
        "with Ukraine",
        None,
        "001",
        None,
    ),
    # 002 says "June 17" without a year and has no headline line: no date, no title.
    ("002", "", None, "002", None),
    ("003", "", "2025-06-17", "News.Az", None),
    (
        "004",
        "N-Korea plans to send off thousands of personnel to Russia",
        "2025-06-18",
        "MENAFN",
        None,
    ),
]


@pytest.mark.parametrize(("aid", "title", "date", "outlet", "url"), SEED_META)
def test_seed_metadata(
    aid: str, title: str, date: str | None, outlet: str, url: str | None
) -> None:
    article = seed(aid)
    assert (article.id, article.title, article.date, article.outlet, article.url) == (
        aid,
        title,
        date,
        outlet,
        url,
    )


SEED_JUNK = [
    ("000", "June 17, 2025", "dateline"),
    ("000", "TASS", "outlet"),
    (
        "000",
        "Related article: Russia and North Korea Resume Direct Passenger Rail Service",
        "related",
    ),
    ("000", "<u>", "html tag"),
    ("000", "AFP contributed reporting.", "credit"),
    ("000", "Original url:", "url trailer"),
    ("000", URL_000, "url"),
    ("001", "AFP contributed to this report.", "credit"),
    ("003", " date 2025-06-17 + ↺ − 16 px", "navigation"),
    ("003", "News.Az", "outlet"),
    ("004", " date 2025-06-18 403", "navigation"),
    ("004", "(MENAFN)", "outlet tag"),
]


@pytest.mark.parametrize(("aid", "text", "reason"), SEED_JUNK)
def test_seed_junk_is_set_aside_not_in_body(aid: str, text: str, reason: str) -> None:
    article = seed(aid)
    hits = [j for j in article.junk if j.text.startswith(text)]
    assert hits and hits[0].reason == reason
    assert article.source[hits[0].start : hits[0].end] == hits[0].text
    inside = [x for x in article.sentences if x.start <= hits[0].start < x.end]
    assert not inside or reason == "html tag"
    assert all(x.text != text.strip() for x in article.sentences)
    if len(text.strip()) > 8:
        assert text.strip() not in body(article)


@pytest.mark.parametrize("aid", sorted(SEEDS))
def test_seed_offsets_and_paragraphs(aid: str) -> None:
    article = seed(aid)
    check_offsets(article)
    assert [i for p in article.paragraphs for i in p] == list(range(len(article.sentences)))
    assert all(s.start < s.end for s in article.sentences)
    assert not re.search(r"<[a-z/]|\bdate 20\d\d|px\b|Original url", body(article))


def test_seed_000_broken_paragraph_is_rejoined() -> None:
    article = seed("000")
    joined = [s for s in article.sentences if "establishing a memorial complex" in s.text]
    assert len(joined) == 1
    assert joined[0].text.endswith("by the state-run TASS news agency.")
    assert "\n\n" in article.source[joined[0].start : joined[0].end]


def test_seed_000_tag_removed_inside_sentence() -> None:
    sentence = next(s for s in seed("000").sentences if "footage" in s.text)
    assert sentence.text.startswith("State media released footage of the Security Council")


def test_seed_sentence_counts() -> None:
    counts = {aid: len(seed(aid).sentences) for aid in SEEDS}
    assert counts == {"000": 15, "001": 12, "002": 19, "003": 10, "004": 15}


# -- ids ---------------------------------------------------------------------------------------

IDS = [
    ("000_7ca5ec0bd355909c.txt", "000"),
    ("seeds/001_196512e60cdd686e.txt", "001"),
    ("story_20250617.txt", "story_20250617"),  # a date, not a hash
    ("report_deadbeef01.md", "report"),
    ("report_deadbeefcafe.md", "report_deadbeefcafe"),  # no digit: a word, not a hash
    ("7ca5ec0bd355909c.txt", "7ca5ec0bd355909c"),
    ("plain.html", "plain"),
    ("a_b_c.txt", "a_b_c"),
]


@pytest.mark.parametrize(("name", "expected"), IDS)
def test_article_id_from_name(name: str, expected: str) -> None:
    assert article_id_from_name(name) == expected


# -- encodings ---------------------------------------------------------------------------------

TEXT = "Café owners in Zürich said prices rose.\nThey were “worried” – a lot."
CYRILLIC = "Шойгу заявил, что КНДР отправит саперов.\nЭто решение принято в Пхеньяне."

ENCODINGS = [
    ("utf-8", TEXT.encode("utf-8"), TEXT, False),
    ("utf-8 with BOM", codecs.BOM_UTF8 + TEXT.encode("utf-8"), TEXT, False),
    ("utf-16 LE BOM", codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), TEXT, False),
    ("utf-16 BE BOM", codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), TEXT, False),
    ("cp1252", TEXT.encode("cp1252"), TEXT, True),
    ("cp1251", CYRILLIC.encode("cp1251"), CYRILLIC, True),
    ("CRLF", TEXT.replace("\n", "\r\n").encode("utf-8"), TEXT, False),
    ("CR", TEXT.replace("\n", "\r").encode("utf-8"), TEXT, False),
]


@pytest.mark.parametrize(
    ("name", "raw", "text", "warned"), ENCODINGS, ids=[e[0] for e in ENCODINGS]
)
def test_encodings(name: str, raw: bytes, text: str, warned: bool) -> None:
    article = article_from_bytes(raw, "x", "x.txt")
    assert article.source == text
    assert [s.text for s in article.sentences] == text.split("\n")
    assert bool(article.warnings) == warned
    if warned:
        assert "decoded as cp125" in article.warnings[0]


GUESSES = [
    ("Привет, как дела? Всё хорошо, спасибо.", "cp1251"),
    ("Ёлки и ёжики растут в лесу.", "cp1251"),
    ("Müller aß Crème brûlée in Köln.", "cp1252"),
    ("El niño comió piña – “sí”.", "cp1252"),
    ("Ça coûte très cher à Paris.", "cp1252"),
]


@pytest.mark.parametrize(("text", "codec"), GUESSES)
def test_single_byte_guess(text: str, codec: str) -> None:
    assert guess_encoding(text.encode(codec)) == codec


BAD_BYTES = [
    (b"", EmptyInput, "x.txt: empty file"),
    (b" \n\t\r\n ", EmptyInput, "x.txt: only whitespace"),
    (b"text\x00more", BinaryInput, "x.txt: binary file (NUL byte at 4)"),
    (
        b"\x01\x02\x03\x04 abc \x05\x06\x07",
        BinaryInput,
        "x.txt: binary file (7 control characters)",
    ),
    (codecs.BOM_UTF16_LE + b"\x00\xd8", BinaryInput, "x.txt: not UTF-16-LE (byte 0x00 at 2)"),
]


@pytest.mark.parametrize(("raw", "error", "message"), BAD_BYTES)
def test_bad_bytes(raw: bytes, error: type[InputError], message: str) -> None:
    with pytest.raises(error) as info:
        article_from_bytes(raw, "x", "x.txt")
    assert str(info.value) == message


def test_only_junk_is_empty() -> None:
    with pytest.raises(EmptyInput, match="only page furniture"):
        article_from_text("Original url:\nhttps://example.com/a\n\nTASS\n", "x", "x.txt")


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=600))
def test_random_bytes_raise_only_input_errors(raw: bytes) -> None:
    for name in ("r.txt", "r.md", "r.html"):
        try:
            article = article_from_bytes(raw, "r", name)
        except InputError as exc:
            assert "\n" not in str(exc)
            continue
        assert article.sentences


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=400))
def test_random_text_keeps_offsets(text: str) -> None:
    for name in ("r.txt", "r.md"):
        try:
            article = article_from_bytes(text.encode("utf-8"), "r", name)
        except InputError:
            continue
        for s in article.sentences:
            assert 0 <= s.start < s.end <= len(article.source)
            assert s.text and s.text == " ".join(s.text.split())


# -- junk rules on crafted lines -----------------------------------------------------------------

LINES = [
    (" date 2025-06-17 + ↺ − 16 px", "navigation"),
    (" date 2025-06-18 403", "navigation"),
    ("Share  Tweet  Email", "navigation"),
    ("Advertisement", "navigation"),
    ("Original url:", "url trailer"),
    ("Original URL: https://example.com/a/b", "url trailer"),
    ("Source: https://example.com/story", "url trailer"),
    ("https://example.com/2025/01/02/story", "url"),
    ("Related article: Russia and Iran sign a deal", "related"),
    ("Read more: Kim visits a factory", "related"),
    ("See also: earlier coverage", "related"),
    ("AFP contributed reporting.", "credit"),
    ("Reuters contributed to this report.", "credit"),
    ("Reporting by Jane Doe; Editing by John Roe", "credit"),
    ("Photo: Reuters", "credit"),
    ("By Jane Doe and John Roe", "byline"),
    ("June 17, 2025", "dateline"),
    ("Published: 17 June 2025 14:05 GMT", "dateline"),
    ("Tuesday, June 17, 2025", "dateline"),
    ("17.06.2025", "dateline"),
    ("TASS", "outlet"),
    ("News.Az", "outlet"),
    ("Reuters", "outlet"),
    ("North Korea Will Send Thousands of Military Personnel", ""),
    ("Shoigu said the talks had lasted more than two hours.", ""),
    ("Kim met Shoigu on June 17, 2025 in Pyongyang.", ""),
    ("He said the link https://example.com was down.", ""),
    ("By the end of the week, the talks had stalled.", ""),
    ("Related talks will follow next week, officials said.", ""),
    ("Several agencies contributed to the report, officials said.", ""),
    ("Agency staff contributed reporting from Seoul and Tokyo to the paper.", ""),
    ("Kim Jong Un and Shoigu", ""),
    ("Riverside, 2025-03-04", "dateline"),
    ("WASHINGTON, DC, April 28, 2009", "dateline"),
    ("Paris, the capital, was quiet", ""),
    ("Riverside, a town of 40,000", ""),
]


@pytest.mark.parametrize(("line", "reason"), LINES)
def test_classify_line(line: str, reason: str) -> None:
    assert classify_line(" ".join(line.split())).reason == reason


LEADS = [
    ("(MENAFN) North Korea is preparing", "(MENAFN) ", "outlet tag", "MENAFN"),
    ("(Reuters) - Talks began", "(Reuters) - ", "outlet tag", "Reuters"),
    ("MOSCOW (Reuters) - Talks began", "MOSCOW (Reuters) - ", "dateline", "Reuters"),
    ("(The talks were secret.) It was late.", None, "", ""),
    ("North Korea (DPRK) said", None, "", ""),
    (
        "RIVERSIDE, March 4, 2025 -- The council voted",
        "RIVERSIDE, March 4, 2025 -- ",
        "dateline",
        "",
    ),
    ("Riverside, 4 March 2025 — The council voted", "Riverside, 4 March 2025 — ", "dateline", ""),
    ("On Tuesday, March 4, 2025 - the council voted", None, "", ""),
    ("Riverside, the town - which voted", None, "", ""),
]


@pytest.mark.parametrize(("text", "lead", "reason", "outlet"), LEADS)
def test_lead_junk(text: str, lead: str | None, reason: str, outlet: str) -> None:
    found = lead_junk(text)
    if lead is None:
        assert found is None
    else:
        assert found is not None
        assert (text[: found.length], found.reason, found.outlet) == (lead, reason, outlet)


DATES = [
    ("June 17, 2025", "2025-06-17"),
    ("Jun. 17 2025", "2025-06-17"),
    ("17 June 2025", "2025-06-17"),
    ("17. Juni 2025", "2025-06-17"),
    ("2025-06-17T09:30:00Z", "2025-06-17"),
    ("2025/06/17", "2025-06-17"),
    ("17.06.2025", "2025-06-17"),
    ("June 17", None),
    ("in 2025", None),
]


@pytest.mark.parametrize(("text", "iso"), DATES)
def test_parse_date(text: str, iso: str | None) -> None:
    assert parse_date(text) == iso


OUTLETS = [
    ("https://www.themoscowtimes.com/2025/06/17/x", "The Moscow Times"),
    ("https://news.az/news/x", "News.Az"),
    ("https://uk.reuters.com/x", "Reuters"),
    ("http://www.example.org/a", "example.org"),
    ("www.unknown-paper.co.uk/story", "unknown-paper.co.uk"),
]


@pytest.mark.parametrize(("url", "outlet"), OUTLETS)
def test_outlet_from_url(url: str, outlet: str) -> None:
    assert outlet_from_url(url) == outlet


# -- crafted articles ----------------------------------------------------------------------------

CRAFTED = """Kim Visits Moscow

June 3, 2024

By Jane Doe

(Reuters) - Kim arrived in Moscow on Monday. He met <b>officials</b> &amp; generals.

The visit was planned for
months, officials said.

Related article: Earlier visit in 2019

AFP contributed reporting.
"""


def test_crafted_article() -> None:
    article = article_from_text(CRAFTED, "c", "c.txt")
    assert article.title == "Kim Visits Moscow"
    assert article.date == "2024-06-03"
    assert article.outlet == "Reuters"
    assert [s.text for s in article.sentences] == [
        "Kim Visits Moscow",
        "Kim arrived in Moscow on Monday.",
        "He met officials & generals.",
        "The visit was planned for months, officials said.",
    ]
    assert [j.reason for j in article.junk] == [
        "dateline",
        "byline",
        "outlet tag",
        "html tag",
        "html tag",
        "related",
        "credit",
    ]
    check_offsets(article)
    amp = next(s for s in article.sentences if "&" in s.text)
    assert "&amp;" in article.source[amp.start : amp.end]


def test_headline_followed_by_capital_is_not_joined() -> None:
    article = article_from_text("Big News Today\n\nThe talks began.", "x")
    assert [s.text for s in article.sentences] == ["Big News Today", "The talks began."]
    assert article.paragraphs == ((0,), (1,))


def test_hard_wrapped_text_is_joined() -> None:
    text = (
        "Officials said on Monday that the talks\n"
        "between the two sides had stalled over\n"
        "the question of sanctions. More talks\n"
        "are planned.\n\nA second paragraph here.\n"
    )
    article = article_from_text(text, "w")
    assert [s.text for s in article.sentences] == [
        "Officials said on Monday that the talks between the two sides had stalled over "
        "the question of sanctions.",
        "More talks are planned.",
        "A second paragraph here.",
    ]
    assert len(article.paragraphs) == 2


MARKDOWN = """---
title: Kim in Moscow
date: 2024-06-03
---

# Kim in *Moscow*

Kim **arrived** in [Moscow](https://example.com/moscow) on Monday. He met
`officials` there.

![a photo](photo.jpg)

- First item here.
- Second item here.

> A quoted line.

[1]: https://example.com/ref
"""


def test_markdown_markup_is_stripped_and_offsets_kept() -> None:
    article = article_from_text(MARKDOWN, "m", "m.md", fmt="md")
    assert article.title == "Kim in Moscow"
    assert article.date == "2024-06-03"
    assert [s.text for s in article.sentences] == [
        "Kim in Moscow",
        "Kim arrived in Moscow on Monday.",
        "He met officials there.",
        "First item here.",
        "Second item here.",
        "A quoted line.",
    ]
    first = article.sentences[1]
    assert article.source[first.start : first.end] == (
        "Kim **arrived** in [Moscow](https://example.com/moscow) on Monday."
    )
    assert {j.reason for j in article.junk} == {"front matter", "image", "link definition"}
    assert article.source == MARKDOWN


HTML = """<!doctype html><html><head><title>Kim in Moscow | Example News</title>
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2024-06-03T10:00:00Z">
<link rel="canonical" href="https://example.com/2024/06/03/kim">
<style>p { color: red }</style><script>var x = "Hidden. Text.";</script></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<header><h1>Kim in Moscow</h1></header>
<article><p>Kim arrived in Moscow on Monday. He met officials &amp; generals.</p>
<p>The visit was <em>planned</em> for months.</p>
<aside>Related: other stories</aside></article>
<footer>© Example News</footer></body></html>"""


def test_html_readable_text() -> None:
    article = article_from_bytes(HTML.encode("utf-8"), "h", "h.html")
    assert article.fmt == "html"
    assert article.title == "Kim in Moscow"
    assert article.url == "https://example.com/2024/06/03/kim"
    assert article.date == "2024-06-03"
    assert article.outlet == "Example News"  # og:site_name beats the bare domain
    assert [s.text for s in article.sentences] == [
        "Kim in Moscow",
        "Kim arrived in Moscow on Monday.",
        "He met officials & generals.",
        "The visit was planned for months.",
    ]
    # Offsets of an HTML article point into its extracted text (Article.source).
    for s in article.sentences:
        assert article.source[s.start : s.end] == s.text
    for hidden in ("Hidden", "Home", "color", "©", "Related"):
        assert hidden not in article.source


HTML_TITLES = [
    ("<title>Kim in Moscow | Example News</title><p>Text here.</p>", "Kim in Moscow"),
    ("<title>Kim in Moscow - Example News</title><p>Text here.</p>", "Kim in Moscow"),
    ("<title>Kim in Moscow</title><h1>Kim arrives</h1><p>Text here.</p>", "Kim arrives"),
    ('<meta property="og:title" content="OG title"><title>T</title><p>Text here.</p>', "OG title"),
]


@pytest.mark.parametrize(("page", "title"), HTML_TITLES)
def test_html_title(page: str, title: str) -> None:
    assert article_from_bytes(page.encode(), "h", "h.html").title == title


def test_html_declared_legacy_charset() -> None:
    page = '<html><head><meta charset="windows-1251"></head><body><p>Шойгу прибыл.</p></body>'
    article = article_from_bytes(page.encode("cp1251"), "h", "h.htm")
    assert [s.text for s in article.sentences] == ["Шойгу прибыл."]
    assert "decoded as cp1251 (declared)" in article.warnings[0]


@pytest.mark.parametrize("charset", ["undefined", "base64", "rot13", "no-such-codec"])
def test_html_declared_unusable_charset_falls_back(charset: str) -> None:
    """Issue 17.1: a charset Python resolves but cannot decode with ("undefined" raises
    UnicodeError, "base64" is no text encoding) is skipped, and the guess decodes the page."""
    page = f'<html><head><meta charset="{charset}"></head><body><p>Café crème.</p></body>'
    article = article_from_bytes(page.encode("cp1252"), "h", "h.html")
    assert [s.text for s in article.sentences] == ["Café crème."]
    assert "decoded as cp1252 (guessed)" in article.warnings[0]


def test_load_article_reads_a_file(tmp_path: Path) -> None:
    path = tmp_path / "015_abcdef0123456789.txt"
    path.write_bytes("Headline\n\nOne sentence. Two sentences.".encode("utf-16"))
    article = load_article(path)
    assert (article.id, article.title, len(article.sentences)) == ("015", "Headline", 3)
    assert article.extra["encoding"] == "utf-16-le"


@pytest.mark.parametrize(
    "text",
    [
        "Council approves bridge\n\nRIVERSIDE, March 4, 2025 -- The council voted to build it.\n",
        "Council approves bridge\n\nRiverside, 2025-03-04\n\nThe council voted to build it.\n",
    ],
)
def test_a_dateline_is_read_as_dateline_and_date_not_as_a_passage(text: str) -> None:
    """Issue 16 item 10: a place and date before the text, on its line or opening the first
    paragraph, is set aside as a dateline and gives the article its date."""
    article = article_from_text(text, "x")
    assert article.date == "2025-03-04"
    assert [s.text for s in article.sentences] == [
        "Council approves bridge",
        "The council voted to build it.",
    ]
    (junk,) = article.junk
    assert junk.reason == "dateline" and junk.text.startswith(("RIVERSIDE", "Riverside"))
    assert text[junk.start : junk.end] == junk.text
