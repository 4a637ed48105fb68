"""Hardening (issue 17): no terminal escape leaves the loader or the CLI, no active link in a
report, and no sentence so long that a later stage's per-sentence work explodes."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tui.cli import main
from tui.core.load.bounds import MAX_SENTENCE_CHARS, bound_spans
from tui.core.load.parse import article_from_text
from tui.core.load.sanitize import clean_text
from tui.core.load.segment import split_sentences
from tui.core.report.links import link_url

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""Any control character but tab and line feed."""

BODY = "The committee met for several hours to discuss the budget and the new road. " * 20
"""Enough ordinary text that a few control characters do not make the file binary."""

OSC52 = "\x1b]52;c;aGVsbG8=\x07"
"""Writes "hello" to the user's clipboard on terminals that allow it."""


@pytest.mark.parametrize(
    "text",
    [
        f"a{OSC52}b",
        "x\x1b[31mred\x1b[0m and \x1b[2J\x1b[H",
        "8-bit CSI \x9b31m and OSC \x9d0;title\x9c",
        "DCS \x1bPq#0;2;0;0;0\x1b\\ end",
        "hyperlink \x1b]8;;http://evil\x1b\\click\x1b]8;;\x1b\\",
        "bell\x07 backspace\x08 nul\x00 del\x7f vt\x0b ff\x0c",
        "unterminated \x1b]0;title",
    ],
)
def test_clean_text_leaves_no_control_character_and_keeps_offsets(text: str) -> None:
    cleaned = clean_text(text)
    assert not CONTROL.search(cleaned)
    assert len(cleaned) == len(text)
    assert "52;c;" not in cleaned and "8;;http" not in cleaned


def test_clean_text_keeps_tab_newline_and_unicode() -> None:
    text = "Zeile\tmit Tab\nשלום – “quoted” ✓"
    assert clean_text(text) == text


def test_article_fields_are_clean_and_offsets_hold() -> None:
    text = f"Title \x1b[2J\n\n{BODY}The minister said {OSC52}that 5 people \x1b[31mdied\x1b[0m.\n"
    art = article_from_text(text, "esc\x1b[31m")
    for value in (art.source, art.title, art.id, art.outlet, *(s.text for s in art.sentences)):
        assert not CONTROL.search(value), value
    assert len(art.source) == len(text)
    last = art.sentences[-1]
    assert last.text.startswith("The minister said that 5 people died")
    assert art.source[last.start : last.end].startswith("The minister said")


def test_html_entities_that_decode_to_escapes_are_cleaned() -> None:
    page = (
        "<html><head><title>Head&#27;]52;c;eA==&#7;line</title>"
        '<link rel="canonical" href="https://example.com/a&#27;[2J"></head>'
        f"<body><article><p>{BODY}</p><p>Five people &#27;[31mdied&#x9b;0m today.</p>"
        "</article></body></html>"
    )
    art = article_from_text(page, "page", fmt="html")
    values = (art.source, art.title, art.url or "", *(s.text for s in art.sentences))
    for value in values:
        assert not CONTROL.search(value), value
    assert any("died" in s.text for s in art.sentences)


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_cli_text_output_carries_no_escape(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a = _write(tmp_path / "a.txt", f"Title\n\n{BODY}The minister said {OSC52}that 5 died.\n")
    b = _write(tmp_path / "b.txt", f"Title\n\n{BODY}The minister said \x1b[5mthat 6 died.\n")
    for command in ("articles", "align", "diff", "facts"):
        assert main([command, str(a), str(b)]) == 0
        out, err = capsys.readouterr()
        assert "\x1b" not in out + err and "\x07" not in out + err, command
        assert "minister" in out or command in ("articles", "facts")


def test_cli_error_naming_a_hostile_file_name_is_clean(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / f"x{OSC52}.txt"
    assert main(["articles", str(missing)]) == 2
    _, err = capsys.readouterr()
    assert not CONTROL.search(err.rstrip("\n")), err
    assert "no such file" in err and err.count("\n") == 1


def test_cli_json_escapes_c1_controls(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a = _write(tmp_path / "a\x9bx.txt", f"Title\n\n{BODY}\n")
    assert main(["articles", str(a), "--json"]) == 0
    out, _ = capsys.readouterr()
    assert not CONTROL.search(out.replace("\n", ""))
    assert json.loads(out)["articles"][0]["path"].endswith("a\x9bx.txt")


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.com/story?id=1#top", "https://example.com/story?id=1#top"),
        ("HTTP://Example.com", "HTTP://Example.com"),
        ("javascript:alert(1)", None),
        ("  JavaScript:alert(document.cookie)", None),
        ("JAVASCRIPT:alert(1)", None),
        ("java\tscript:alert(1)", None),
        ("data:text/html,<script>alert(1)</script>", None),
        ("vbscript:msgbox(1)", None),
        ("//example.com/x", None),
        ("http://", None),
        ('https://example.com/"onmouseover="alert(1)', None),
        (" https://example.com", None),
        (None, None),
    ],
)
def test_only_http_urls_may_be_links(url: str | None, expected: str | None) -> None:
    assert link_url(url) == expected


@pytest.mark.parametrize(
    "href", ["javascript:alert(1)", "  JaVaScRiPt:alert(1)", "data:text/html;base64,PHNjcmlwdD4="]
)
def test_report_links_are_never_active(tmp_path: Path, href: str) -> None:
    pages = []
    for name, n in (("a", 5), ("b", 6)):
        pages.append(
            _write(
                tmp_path / f"{name}.html",
                f'<html><head><link rel="canonical" href="{href}">'
                f'<meta property="og:url" content="{href}"></head><body><article>'
                f"<p>{BODY}</p><p>The minister said {n} people died.</p></article></body></html>",
            )
        )
    html_out, md_out = tmp_path / "r.html", tmp_path / "r.md"
    args = [str(p) for p in pages]
    assert main(["report", *args, "--format", "html", "--output", str(html_out)]) == 0
    assert main(["report", *args, "--format", "md", "--output", str(md_out)]) == 0
    html_text, md_text = html_out.read_text(), md_out.read_text()
    hrefs = re.findall(r"""href\s*=\s*["']?\s*([^"'\s>]*)""", html_text, re.IGNORECASE)
    assert hrefs and all(h.startswith("#") for h in hrefs), hrefs
    assert "alert(1)" in html_text or "base64" in html_text  # still shown, as text
    assert not re.search(r"\]\(\s*(javascript|data):|<\s*(javascript|data):", md_text, re.I)


def test_report_keeps_http_source_links(tmp_path: Path) -> None:
    pages = [
        _write(
            tmp_path / f"{n}.html",
            f'<html><head><link rel="canonical" href="https://ex.com/{n}">'
            f"</head><body><article><p>{BODY}</p></article></body></html>",
        )
        for n in ("a", "b")
    ]
    out = tmp_path / "r.html"
    assert main(["report", *map(str, pages), "--format", "html", "--output", str(out)]) == 0
    assert 'href="https://ex.com/a"' in out.read_text()


def test_long_sentence_is_cut_into_bounded_pieces() -> None:
    words = [f"w{i % 997}" for i in range(40_000)]
    text = " ".join(words)
    art = article_from_text(f"Title\n\n{text}\n", "long")
    assert max(len(s.text) for s in art.sentences) <= MAX_SENTENCE_CHARS
    assert " ".join(s.text for s in art.sentences).endswith(text)
    assert len(art.sentences) >= len(text) // MAX_SENTENCE_CHARS


def test_bound_spans_cuts_a_word_longer_than_the_limit() -> None:
    text = "x" * 2_500 + " tail."
    pieces = [text[s.start : s.end] for s in bound_spans(text, split_sentences(text), limit=1000)]
    assert [len(p) for p in pieces] == [1000, 1000, 506]
    assert "".join(pieces) == text


def test_repeated_dates_sentence_is_bounded() -> None:
    """The issue's reproducer: "on Tuesday and on Tuesday …" without a stop, 120 KB."""
    text = "on Tuesday and " * 8_000
    art = article_from_text(f"Title\n\n{text}.\n", "tues")
    assert max(len(s.text) for s in art.sentences) <= MAX_SENTENCE_CHARS
