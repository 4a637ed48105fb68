"""The review report: sections in order, discrepancies by severity, notes by verdict, the
collation's word diffs, escaping in Markdown and HTML, and the JSON document."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from report_helpers import (
    HOSTILE,
    Node,
    markdown_to_html,
    parse_html,
    seed_analysis,
    seed_notes,
    seed_sidecar,
)

from tui.cli import main
from tui.core.align.aligner import Alignment, Group, PairSimilarity, SentenceRef
from tui.core.analysis import Analysis, analyze, slot_text
from tui.core.compare.diff import Op, word_diff
from tui.core.compare.discrepancy import Discrepancy, Variant
from tui.core.load.article import Article
from tui.core.load.collection import load_collection
from tui.core.load.parse import article_from_text
from tui.core.notes.model import DEFAULT_VERDICTS, SIDECAR_NAME
from tui.core.notes.placement import locate
from tui.core.report.markdown import md_marked
from tui.core.report.serialize import alignment_document, facts_document, notelist_document
from tui.core.report.writer import (
    FORMATS,
    REPORT_SCHEMA,
    SECTION_TITLES,
    NotePlace,
    ReportNote,
    md_diff,
    md_escape,
    note_groups,
    notes_by_verdict,
    ordered_discrepancies,
    render,
    report_document,
    report_notes,
    share_matched,
    similarity_reading,
    to_html,
    to_json,
    to_markdown,
)
from tui.resources import seed_paths

# ---------------------------------------------------------------------------------------------
# A small hand-built analysis: three versions, one shared group, two unique sentences.


def _articles() -> tuple[Article, ...]:
    texts = {
        "A": "Officials said 5,000 workers will go to Kursk.\n\nThe visit ended on Tuesday.",
        "B": "Officials said 6,000 workers would go to Kursk.\n\nA museum is planned.",
        "C": "Officials reportedly said 5,000 workers will go to Kursk.",
    }
    return tuple(article_from_text(t, k, f"{k}.txt") for k, t in texts.items())


def _variant(art: Article, text: str) -> Variant:
    at = art.sentences[0].text.find(text)
    start = art.sentences[0].start + at
    return Variant(art.id, 0, start, start + len(text), text, text)


def small_analysis(similarity: tuple[PairSimilarity, ...] = ()) -> Analysis:
    a, b, c = _articles()
    groups = (
        Group(0, "reworded", (SentenceRef("A", 0), SentenceRef("B", 0), SentenceRef("C", 0))),
        Group(1, "unique", (SentenceRef("A", 1),)),
        Group(2, "unique", (SentenceRef("B", 1),)),
    )
    alignment = Alignment("A", (a, b, c), groups, similarity)
    diffs = {(0, x.id): word_diff(slot_text(a, groups[0]), slot_text(x, groups[0])) for x in (b, c)}
    discrepancies = (
        Discrepancy(
            "d1", "hedge", "variant", "hedged in C", (_variant(a, "said"), _variant(c, "said")), 0
        ),
        Discrepancy(
            "d2",
            "number",
            "conflict",
            "5,000 vs 6,000 workers",
            (_variant(a, "5,000"), _variant(b, "6,000"), _variant(c, "5,000")),
            0,
        ),
        Discrepancy(
            "d3",
            "attribution",
            "missing",
            "C drops who said it",
            (_variant(a, "Officials said"), Variant("C", None, None, None, "", "")),
            0,
        ),
    )
    return Analysis(alignment, diffs, (), discrepancies)


def small_notes() -> tuple[ReportNote, ...]:
    return (
        ReportNote(
            "n1",
            "disputed",
            HOSTILE,
            "5,000 workers",
            (
                NotePlace("A", "anchored", (0,), "5,000 workers"),
                NotePlace("B", "moved", (0,), "6,000 workers"),
                NotePlace("C", "anchored", (0,), "5,000 workers"),
            ),
            ("a|b", "`tick`"),
        ),
        ReportNote(
            "n2", "supported", "Wire confirms.", "Tuesday", (NotePlace("A", "anchored", (1,)),)
        ),
        ReportNote(
            "n3", "disputed", "Second dispute.", "museum", (NotePlace("B", "anchored", (1,)),)
        ),
        ReportNote("n4", "false", "Lost.", "gone words", (NotePlace("A", "orphaned", (), ""),)),
    )


def section_html(document: Node, section: str) -> Node:
    (node,) = document.find_all("section", id=section)
    return node


def md_sections(markdown: str) -> dict[str, str]:
    """Markdown split at its `## ` headings: heading text -> body."""
    parts = re.split(r"^## (.+)$", markdown, flags=re.M)
    return dict(zip(parts[1::2], parts[2::2], strict=True))


# ---------------------------------------------------------------------------------------------
# Sections and order


@pytest.mark.parametrize("collation", [True, False])
def test_markdown_sections_in_order(collation: bool) -> None:
    out = to_markdown(small_analysis(), small_notes(), collation=collation)
    headings = re.findall(r"^## (.+)$", out, flags=re.M)
    expected = list(SECTION_TITLES.values())
    assert headings == (expected if collation else expected[:3])


@pytest.mark.parametrize("collation", [True, False])
def test_html_sections_in_order(collation: bool) -> None:
    doc = parse_html(to_html(small_analysis(), small_notes(), collation=collation))
    ids = [s.attrs["id"] for s in doc.find_all("section")]
    expected = list(SECTION_TITLES)
    assert ids == (expected if collation else expected[:3])
    assert [s.find_all("h2")[0].text() for s in doc.find_all("section")] == [
        SECTION_TITLES[i] for i in ids
    ]


def test_versions_section_lists_metadata_and_matrix() -> None:
    analysis = small_analysis()
    body = md_sections(to_markdown(analysis))["1. Versions"]
    for art in analysis.articles:
        row = next(line for line in body.splitlines() if line.startswith(f"| {art.id}"))
        assert f"{art.words} words, {len(art.sentences)} sentences" in row
    assert "| A (reference) |" in body
    # matrix: A has 2 sentences, 1 matched in B -> 50%; B -> A: 1 of 2; C -> A: 1 of 1
    matrix = {line.split("|")[1].strip(): line for line in body.splitlines() if "**" in line}
    assert [c.strip() for c in matrix["**A**"].split("|")[2:5]] == ["—", "50%", "50%"]
    assert [c.strip() for c in matrix["**C**"].split("|")[2:5]] == ["100%", "100%", "—"]
    assert similarity_reading(analysis.alignment) in body


# ---------------------------------------------------------------------------------------------
# Similarity


def _sim(a: str, b: str, ma: float, mb: float) -> PairSimilarity:
    return PairSimilarity(a, b, ma, mb, ma, mb, 0.9)


@pytest.mark.parametrize(
    ("shares", "expected"),
    [
        (
            {"001": 0.85, "002": 0.4, "003": 0.1, "004": 0.41},
            "Against 000 (reference): 001 shares 85% of its sentences; 002 and 004 share about "
            "40%; 003 shares 10%.",
        ),
        (
            {"001": 0.4, "002": 0.399},
            "Against 000 (reference): 001 and 002 share 40% of their sentences.",
        ),
        (
            {"001": 0.92, "002": 0.47, "003": 0.5},
            "Against 000 (reference): 001 shares 92% of its sentences; 003 shares 50%; "
            "002 shares 47%.",
        ),
        ({"001": 0.0}, "Against 000 (reference): 001 shares 0% of its sentences."),
    ],
)
def test_similarity_reading(shares: dict[str, float], expected: str) -> None:
    arts = [article_from_text("One sentence here.", i) for i in ["000", *shares]]
    sims = tuple(_sim(i, "000", v, 0.5) for i, v in shares.items())
    alignment = Alignment("000", tuple(arts), (), sims)
    assert similarity_reading(alignment) == expected


def test_share_matched_prefers_the_matrix_then_counts_groups() -> None:
    analysis = small_analysis()
    assert share_matched(analysis.alignment, "A", "B") == 0.5  # counted from groups
    with_matrix = small_analysis((_sim("A", "B", 0.25, 0.75),))
    assert share_matched(with_matrix.alignment, "A", "B") == 0.25
    assert share_matched(with_matrix.alignment, "B", "A") == 0.75


# ---------------------------------------------------------------------------------------------
# Discrepancies


def test_discrepancies_conflicts_then_missing_then_variants() -> None:
    analysis = small_analysis()
    assert [d.id for d in ordered_discrepancies(analysis)] == ["d2", "d3", "d1"]
    md = md_sections(to_markdown(analysis))["2. Discrepancies"]
    assert [md.index(f"#### {i}") for i in ("d2", "d3", "d1")] == sorted(
        md.index(f"#### {i}") for i in ("d2", "d3", "d1")
    )
    assert md.index("### Conflicts") < md.index("### Missing") < md.index("### Variants")
    doc = parse_html(to_html(analysis))
    divs = section_html(doc, "discrepancies").find_all("div", class_="discrepancy")
    assert [d.attrs["id"] for d in divs] == ["d2", "d3", "d1"]
    data = json.loads(to_json(analysis))
    assert [d["id"] for d in data["facts"]["discrepancies"]] == ["d2", "d3", "d1"]


def test_discrepancy_variants_quoted_exactly_with_refs() -> None:
    analysis = small_analysis()
    md = md_sections(to_markdown(analysis))["2. Discrepancies"]
    d2 = md[md.index("#### d2") : md.index("#### d3")]
    rows = [r for r in d2.splitlines() if r.startswith("| ") and "Version" not in r]
    assert [r.split("|")[1:4] for r in rows] == [
        [" A ", " s1 ", " “5,000” "],  # sentence 0 of each: a reader counts from 1
        [" B ", " s1 ", " “6,000” "],
        [" C ", " s1 ", " “5,000” "],
    ]
    # the words are marked inside their sentence, which is quoted in full
    assert "Officials said **6,000** workers would go to Kursk." in rows[1]
    d3 = md[md.index("#### d3") : md.index("#### d1")]
    assert "| C | - | *(not stated)* |" in d3
    doc = parse_html(to_html(analysis))
    (div,) = doc.find_all("div", id="d2")
    says = [td.text() for td in div.find_all("tr")[1].find_all("td")]
    assert says == ["“5,000”", "“6,000”", "“5,000”"]
    assert [m.text() for m in div.find_all("mark")] == ["5,000", "6,000", "5,000"]


# ---------------------------------------------------------------------------------------------
# Notes


def test_notes_grouped_by_verdict_in_configured_order() -> None:
    notes = small_notes()
    grouped = notes_by_verdict(notes, ["supported", "disputed", "false"])
    assert [(v, [n.id for n in ns]) for v, ns in grouped] == [
        ("supported", ["n2"]),
        ("disputed", ["n1", "n3"]),
    ]
    md = md_sections(to_markdown(small_analysis(), notes, verdicts=["supported", "disputed"]))
    body = md["3. Notes"]
    heads = re.findall(r"^### (.+)$", body, flags=re.M)
    assert heads == ["supported (1)", "disputed (2)", "Orphaned notes (1)"]
    assert body.index("#### n1") < body.index("#### n3") < body.index("### Orphaned")


def test_note_places_every_version_and_orphans_apart() -> None:
    analysis, notes = small_analysis(), small_notes()
    md = md_sections(to_markdown(analysis, notes))["3. Notes"]
    n1 = md[md.index("#### n1") : md.index("#### n3")]
    assert "| A | anchored | s1 | “5,000 workers” |" in n1  # sentence index 0, read as s1
    assert "| B | moved | s1 | “6,000 workers” |" in n1
    orphans = md[md.index("### Orphaned") :]
    assert "#### n4" in orphans and "Quote: “gone words”" in orphans
    assert "#### n4" not in md[: md.index("### Orphaned")]
    doc = parse_html(to_html(analysis, notes))
    (n4,) = doc.find_all("div", id="note-n4")
    assert n4.find_all("q")[0].text() == "gone words"
    section = section_html(doc, "notes")
    orphan_head = next(h for h in section.find_all("h3") if h.attrs.get("id") == "orphaned")
    kids = [c for c in section.children if isinstance(c, Node)]
    assert kids.index(n4) > kids.index(orphan_head)
    assert note_groups(analysis.alignment, notes[0]) == (0,)


@pytest.mark.parametrize(
    ("statuses", "orphaned"),
    [
        (("orphaned",), True),
        (("orphaned", "anchored"), False),
        (("moved", "orphaned"), False),
        (("absent", "orphaned"), True),
        (("absent",), False),
    ],
)
def test_orphaned_means_lost_and_found_nowhere(statuses: tuple[str, ...], orphaned: bool) -> None:
    places = tuple(NotePlace(f"a{i}", s) for i, s in enumerate(statuses))
    assert ReportNote("n", "v", "t", "q", places).orphaned is orphaned


def test_collation_links_groups_to_their_notes() -> None:
    md = md_sections(to_markdown(small_analysis(), small_notes()))["4. Collation"]
    group0 = md[md.index("### Group 1 ") : md.index("### Group 2 ")]  # group id 0, read as 1
    assert "*notes: n1 (disputed)*" in group0


# ---------------------------------------------------------------------------------------------
# Escaping


def test_html_escapes_note_and_article_text() -> None:
    out = to_html(small_analysis(), small_notes())
    doc = parse_html(out)
    assert doc.find_all("script") == []
    assert "<script>alert" not in out
    (n1,) = doc.find_all("div", id="note-n1")
    assert n1.find_all("blockquote")[0].text() == HOSTILE
    assert [t.text() for t in n1.find_all("span", class_="tag")] == ["a|b", "`tick`"]
    assert doc.find_all("a", href="http://x") == []


def test_markdown_escapes_note_text() -> None:
    out = to_markdown(small_analysis(), small_notes())
    notes_md = md_sections(out)["3. Notes"]
    n1 = notes_md[notes_md.index("#### n1") : notes_md.index("#### n3")]
    doc = parse_html(markdown_to_html(n1))
    assert doc.find_all("h4")[0].text() == "n1 · disputed"
    for tag in ("script", "code", "em", "strong", "a", "li", "h1", "ul"):
        assert doc.find_all(tag) == [], tag
    quote = doc.find_all("blockquote")[0]
    assert quote.text().replace("\u00a0", " ").strip() == HOSTILE
    assert "a|b, `tick`" in doc.text()
    for table in doc.find_all("table"):  # a "|" in a cell did not add a column
        assert {len(tr.find_all("td")) for tr in table.find_all("tbody")[0].find_all("tr")} == {4}


@pytest.mark.parametrize(
    "text",
    [
        "a | b",
        "`code` and ``double``",
        "*em* _em_ __strong__ ~~gone~~",
        "[link](http://example.com) ![img](x.png)",
        "<b>bold</b> <!-- c -->",
        "# heading",
        "- item",
        "+ item",
        "1. one",
        "12) twelve",
        "AT&amp;T &#169;",
        "back\\slash\\",
        "snake_case_id and _lead",
        "> quoted",
    ],
)
def test_md_escape_renders_literally(text: str) -> None:
    for wrap in ("{}", "| h |\n|---|\n| {} |"):
        html = markdown_to_html(wrap.format(md_escape(text)))
        doc = parse_html(html)
        cells = doc.find_all("td") or doc.find_all("p")
        assert len(cells) == 1, html
        assert cells[0].text() == text
        assert [c for c in cells[0].children if isinstance(c, Node)] == []


# ---------------------------------------------------------------------------------------------
# Collation and diffs


def _marked(html: str) -> tuple[list[str], list[str]]:
    """Struck and inserted texts of rendered Markdown (<s>/<del>, <strong>/<ins>)."""
    nodes = parse_html(html).find_all()
    struck = [n.text() for n in nodes if n.tag in ("s", "del")]
    added = [n.text() for n in nodes if n.tag in ("strong", "ins")]
    return struck, added


def _expected(ops: tuple[Op, ...]) -> tuple[list[str], list[str]]:
    dels = [o.text.strip() for o in ops if o.kind == "delete" and o.text.strip()]
    ins = [o.text.strip() for o in ops if o.kind == "insert" and o.text.strip()]
    return dels, ins


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("met with senior military officials.", "met with high-ranking officials, in March."),
        ('"The speed is key," he said.', "«The pace is key,» Shoigu stated."),
        ("He visited in March.", "He visited in March, during talks."),
        ("Officials said 5,000.", "Officials reportedly said 6,000 [sic]."),
        ("a_b * c", "a_b ** c ~ d"),
    ],
)
def test_md_diff_marks_render_where_the_diff_says(a: str, b: str) -> None:
    ops = word_diff(a, b)
    struck, added = _marked(markdown_to_html(md_diff(ops)))
    assert (sorted(struck), sorted(added)) == tuple(sorted(x) for x in _expected(ops))


@pytest.mark.parametrize(
    ("before", "words", "after"),
    [
        ("Kyiv", "-based", " group"),
        ("He said ", "5,000.", ""),
        ("a ", "“quoted”", "text"),
        ("", "Sergei", " Shoigu"),
    ],
)
def test_md_marked_context_words_render_bold(before: str, words: str, after: str) -> None:
    doc = parse_html(
        markdown_to_html(md_marked([(None, before), ("strong", words), (None, after)]))
    )
    assert [n.text() for n in doc.find_all("strong")] == [words]
    assert doc.text().strip() == before + words + after


def test_md_diff_uses_tildes_and_stars() -> None:
    ops = (Op("equal", "sent "), Op("delete", "5,000", "substantive"), Op("insert", "6,000"))
    assert md_diff((*ops, Op("equal", " men"))) == "sent ~~5,000~~**6,000** men"


def test_collation_every_group_in_order_unique_marked() -> None:
    analysis = small_analysis()
    md = md_sections(to_markdown(analysis))["4. Collation"]
    assert re.findall(r"^### Group (\d+)", md, flags=re.M) == ["1", "2", "3"]  # ids 0-2
    g0 = md[md.index("### Group 1 ") : md.index("### Group 2 ")]
    line_b = next(x for x in g0.splitlines() if x.startswith("- **B**"))
    assert line_b.endswith(md_diff(analysis.diffs[(0, "B")]))
    struck, added = _marked(markdown_to_html(line_b.split(": ", 1)[1]))
    assert (struck, added) == _expected(analysis.diffs[(0, "B")])
    assert any("5,000" in t for t in struck) and any("6,000" in t for t in added)
    g2 = md[md.index("### Group 3 ") :]
    assert "- **B** s2 *unique to B*: A museum is planned." in g2
    assert "unique to" not in g0


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_seed_collation_diffs_render_where_the_diff_says(fmt: str) -> None:
    analysis = seed_analysis()
    out = render(fmt, analysis, seed_notes(analysis))
    assert analysis.diffs, "the seeds should align somewhere"
    if fmt == "html":
        doc = parse_html(out)
        groups = section_html(doc, "collation").find_all("div", class_="group")
        assert [int(g.attrs["data-group"]) for g in groups] == [
            g.id for g in analysis.alignment.groups
        ]
        for (gid, art), ops in analysis.diffs.items():
            (slot,) = groups[gid].find_all("p", data_article=art)
            got = [n.text() for n in slot.find_all("del")], [n.text() for n in slot.find_all("ins")]
            want = (
                [o.text for o in ops if o.kind == "delete"],
                [o.text for o in ops if o.kind == "insert"],
            )
            assert got == want, (gid, art)
        return
    body = md_sections(out)["4. Collation"]
    assert [int(g) for g in re.findall(r"^### Group (\d+)", body, flags=re.M)] == [
        g.id + 1 for g in analysis.alignment.groups
    ]
    for (gid, art), ops in analysis.diffs.items():
        chunk = body.split(f"### Group {gid + 1} ")[1].split("\n### ")[0]
        line = next(x for x in chunk.splitlines() if x.startswith(f"- **{art}**"))
        struck, added = _marked(markdown_to_html(line.split(": ", 1)[1]))
        assert (struck, added) == _expected(ops), (gid, art)


def test_seed_unique_passages_marked_per_version() -> None:
    analysis = seed_analysis()
    out = to_html(analysis)
    doc = parse_html(out)
    for group in analysis.alignment.groups:
        (div,) = doc.find_all("div", id=f"g{group.id}")
        slots = div.find_all("p")
        uniq = [p for p in slots if p.has_class("unique")]
        assert bool(uniq) == (len(group.articles) == 1), group.id


# ---------------------------------------------------------------------------------------------
# The three formats on the seeds, JSON, determinism


@pytest.mark.parametrize("fmt", FORMATS)
def test_seeds_with_notes_every_format(fmt: str) -> None:
    analysis = seed_analysis()
    notes = seed_notes(analysis)
    out = render(fmt, analysis, notes, verdicts=["supported", "disputed", "false"])
    assert out == render(fmt, analysis, notes, verdicts=["supported", "disputed", "false"])
    texts = [d.summary for d in analysis.discrepancies[:3]]
    if fmt == "json":
        data = json.loads(out)
        assert data["schema"] == REPORT_SCHEMA
        located = locate(seed_sidecar(analysis).notes, analysis.articles)
        as_json = json.loads(
            json.dumps(notelist_document(located, ["supported", "disputed", "false"]))
        )
        assert data["notes"] == as_json  # the `notes --json` document, as is
        assert data["alignment"] == json.loads(
            json.dumps(alignment_document(analysis.alignment, analysis))
        )
        assert data["facts"]["facts"] == json.loads(json.dumps(facts_document(analysis)))["facts"]
        review = data["review"]
        assert [(v["verdict"], [n["id"] for n in v["notes"]]) for v in review["by_verdict"]] == [
            ("supported", ["n2"]),
            ("disputed", ["n1"]),
        ]
        assert [n["id"] for n in review["orphaned"]] == ["n3"]
        assert review["by_verdict"][1]["notes"][0]["text"] == HOSTILE
        return
    rendered = parse_html(out if fmt == "html" else markdown_to_html(out)).text()
    for text in [*texts, "Matches the agency wire.", "The claim this was about is gone."]:
        assert text in rendered
    assert HOSTILE.split("\n")[0] in rendered


def test_json_combines_align_facts_and_notes() -> None:
    analysis = small_analysis()
    data = report_document(analysis, small_notes(), verdicts=["disputed"])
    assert list(data) == [
        "schema",
        "generated",
        "reference",
        "reading",
        "alignment",
        "facts",
        "notes",
        "review",
    ]
    assert data["alignment"]["schema"] == "sidebyside.alignment/1"
    assert data["facts"]["schema"] == "sidebyside.facts/1"
    assert data["notes"]["schema"] == "sidebyside.notelist/1"
    assert (data["notes"]["sidecar"], data["notes"]["verdicts"]) == (None, ["disputed"])
    assert [n["id"] for n in data["notes"]["notes"]] == ["n1", "n2", "n3", "n4"]
    diffs = data["alignment"]["groups"][0]["diffs"]
    assert [d["article"] for d in diffs] == ["B", "C"]
    assert [o["text"] for o in diffs[0]["ops"]] == [o.text for o in analysis.diffs[(0, "B")]]
    by_verdict = data["review"]["by_verdict"]
    assert [v["verdict"] for v in by_verdict] == ["disputed", "supported"]
    n1 = by_verdict[0]["notes"][0]
    assert n1["places"][1] == {
        "article": "B",
        "status": "moved",
        "sentences": [0],
        "quote": "6,000 workers",
    }
    assert n1["groups"] == [0]
    assert [n["id"] for n in data["review"]["orphaned"]] == ["n4"]
    short = report_document(analysis, collation=False)
    assert "diffs" not in short["alignment"]["groups"][0]


@pytest.mark.parametrize("fmt", FORMATS)
def test_no_clock_unless_injected(fmt: str) -> None:
    analysis = small_analysis()
    plain = render(fmt, analysis)
    assert "2026" not in plain and "Generated" not in plain
    stamped = render(fmt, analysis, generated="2025-06-18 10:00")
    assert "2025-06-18 10:00" in stamped


def test_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError, match="pdf"):
        render("pdf", small_analysis())


def test_report_notes_from_the_notes_store() -> None:
    analysis = seed_analysis()
    sidecar = seed_sidecar(analysis)
    notes = report_notes(locate(sidecar.notes, analysis.articles), analysis.articles)
    assert [(n.id, n.verdict, n.orphaned) for n in notes] == [
        ("n1", "disputed", False),
        ("n2", "supported", False),
        ("n3", "false", True),
    ]
    n1 = notes[0]
    anchors = sidecar.notes[0].anchors
    assert [p.article for p in n1.places] == [a.article for a in anchors]
    assert [p.status for p in n1.places] == ["anchored"] * (len(anchors) - 1) + ["moved"]
    by_id = {a.id: a for a in analysis.articles}
    for place, anchor in zip(n1.places, anchors, strict=True):
        assert place.quote == " ".join(anchor.exact.split())  # found again, same words
        slot = next(
            g for g in analysis.alignment.groups if g.id == note_groups(analysis.alignment, n1)[0]
        ).slot(place.article)
        assert place.sentences == slot, by_id[place.article].id
    (lost,) = notes[2].places
    assert (lost.status, lost.sentences, lost.quote) == (
        "orphaned",
        (),
        "a sentence that no longer exists",
    )
    assert notes[1].created == "2025-06-18T10:00:00Z" and notes[1].author == "tester"


# ---------------------------------------------------------------------------------------------
# The CLI: sidebyside report


@pytest.fixture
def seed_copy(tmp_path: Path) -> Path:
    """The seeds in a fresh folder (so no sidecar of another run is picked up)."""
    folder = tmp_path / "seeds"
    folder.mkdir()
    for p in seed_paths():
        shutil.copy(p, folder / p.name)
    return folder


def test_cli_markdown_to_stdout_with_the_collection_sidecar(
    seed_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sidecar = seed_sidecar(seed_analysis())
    (seed_copy / SIDECAR_NAME).write_text(sidecar.to_json(), encoding="utf-8")
    assert main(["report", str(seed_copy)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Review report: ")
    notes = md_sections(out)["3. Notes"]
    assert re.findall(r"^#### (n\d)", notes, flags=re.M) == ["n2", "n1", "n3"]
    assert "\n### Orphaned notes (1)\n" in notes


@pytest.mark.parametrize("fmt", FORMATS)
def test_cli_output_file_matches_the_core(
    fmt: str, seed_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notes_file = tmp_path / "notes.json"
    notes_file.write_text(seed_sidecar(seed_analysis()).to_json(), encoding="utf-8")
    target = tmp_path / f"report.{fmt}"
    argv = ["report", str(seed_copy), "--format", fmt, "--notes", str(notes_file)]
    assert main([*argv, "--output", str(target), "--no-collation"]) == 0
    assert capsys.readouterr().out == ""
    analysis = analyze(load_collection([str(seed_copy)]).articles)
    expected = render(
        fmt,
        analysis,
        seed_notes(analysis),
        verdicts=DEFAULT_VERDICTS,
        collation=False,
    )
    assert target.read_text(encoding="utf-8") == expected


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--notes", "{tmp}/none.json"], "none.json: no such notes file"),
        (["--notes", "{tmp}/bad.json"], "bad.json: not valid JSON"),
        (["--output", "{tmp}/no/such/dir/r.md"], "r.md: cannot write"),
        (["--reference", "zz"], "--reference: no article with id 'zz'"),
    ],
)
def test_cli_bad_input_exits_2_in_one_line(
    extra: list[str],
    message: str,
    seed_copy: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    argv = ["report", str(seed_copy), *(x.format(tmp=tmp_path) for x in extra)]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("sidebyside: ") and message in err
    assert (tmp_path / "bad.json").read_text(encoding="utf-8") == "{not json"


@pytest.mark.parametrize("collation", [True, False])
def test_html_links_point_at_groups_only_with_the_collation(collation: bool) -> None:
    doc = parse_html(to_html(small_analysis(), small_notes(), collation=collation))
    targets = {a.attrs["href"] for a in doc.find_all("a") if a.attrs["href"].startswith("#g")}
    ids = {d.attrs["id"] for d in doc.find_all("div") if "id" in d.attrs}
    if collation:
        # d1-d3 and n1 are in group 0, n2 in group 1, n3 in group 2; every target exists
        assert targets == {"#g0", "#g1", "#g2"}
        assert {t[1:] for t in targets} <= ids
    else:
        assert targets == set()


def test_cli_report_notes_part_is_the_notes_command_output(
    seed_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notes_file = tmp_path / "notes.json"
    notes_file.write_text(seed_sidecar(seed_analysis()).to_json(), encoding="utf-8")
    common = [str(seed_copy), "--notes", str(notes_file)]
    assert main(["notes", *common, "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert main(["report", *common, "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["notes"]["sidecar"] is None  # a local path means nothing to colleagues
    assert {**report["notes"], "sidecar": listed["sidecar"]} == listed
    assert [n["id"] for n in listed["notes"]] == ["n1", "n2", "n3"]


def _one_version() -> Analysis:
    a = _articles()[0]
    groups = (
        Group(0, "unique", (SentenceRef("A", 0),)),
        Group(1, "unique", (SentenceRef("A", 1),)),
    )
    d = Discrepancy("d1", "number", "variant", "x", (_variant(a, "5,000"),), 0)
    return Analysis(Alignment("A", (a,), groups, ()), {}, (), (d,))


@pytest.mark.parametrize(
    ("one", "expected"),
    [
        (True, "1 version · reference A · 2 groups · 1 discrepancy · 1 note (1 orphaned)"),
        (False, "3 versions · reference A · 3 groups · 3 discrepancies · 4 notes (1 orphaned)"),
    ],
)
def test_summary_line_counts(one: bool, expected: str) -> None:
    analysis, notes = (
        (_one_version(), small_notes()[3:]) if one else (small_analysis(), small_notes())
    )
    out = to_markdown(analysis, notes)
    assert out.splitlines()[2] == expected
    assert "Only one version (A): nothing to compare." in out if one else "| **C** |" in out


@pytest.mark.parametrize(
    ("name", "given", "starts"),
    [
        ("r.html", None, "<!DOCTYPE html>"),
        ("r.HTM", None, "<!DOCTYPE html>"),
        ("r.json", None, "{"),
        ("r.txt", None, "# Review report"),
        ("r.html", "md", "# Review report"),
    ],
)
def test_cli_format_follows_the_output_ending(
    name: str, given: str | None, starts: str, seed_copy: Path, tmp_path: Path
) -> None:
    target = tmp_path / name
    argv = ["report", str(seed_copy), "--no-collation", "--output", str(target)]
    assert main(argv + (["--format", given] if given else [])) == 0
    assert target.read_text(encoding="utf-8").startswith(starts)
