"""The HTML report in a real browser: headless Chromium, no network, opens the seeds' report and
the DOM it builds has the four sections, the notes as text and <ins>/<del> where the diff says."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from report_helpers import HOSTILE, Node, parse_html, seed_analysis, seed_notes

from tui.core.report.writer import SECTION_TITLES, to_html


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None


CHROMIUM = _chromium()

pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="Chromium is not installed (apt-get install chromium): the browser check of the "
    "HTML report is skipped; the HTML itself is still checked in test_report.py",
)


@pytest.fixture(scope="module")
def dom(tmp_path_factory: pytest.TempPathFactory) -> Node:
    """The DOM Chromium builds from the seeds' HTML report, with the network cut off."""
    assert CHROMIUM is not None
    folder = tmp_path_factory.mktemp("chromium")
    analysis = seed_analysis()
    page = folder / "report.html"
    page.write_text(to_html(analysis, seed_notes(analysis)), encoding="utf-8")
    argv = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--host-resolver-rules=MAP * ~NOTFOUND",  # any network fetch would fail
        f"--user-data-dir={folder / 'profile'}",
        "--dump-dom",
        page.as_uri(),
    ]
    done = subprocess.run(argv, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0 and "<html" in done.stdout, done.stderr[-2000:]
    return parse_html(done.stdout)


def test_the_four_sections_render_in_order(dom: Node) -> None:
    sections = dom.find_all("section")
    assert [s.attrs["id"] for s in sections] == list(SECTION_TITLES)
    assert [s.find_all("h2")[0].text() for s in sections] == list(SECTION_TITLES.values())


def test_ins_and_del_where_the_diff_says(dom: Node) -> None:
    analysis = seed_analysis()
    assert any(o.kind != "equal" for ops in analysis.diffs.values() for o in ops)
    groups = {int(g.attrs["data-group"]): g for g in dom.find_all("div", class_="group")}
    assert sorted(groups) == [g.id for g in analysis.alignment.groups]
    for (gid, art), ops in analysis.diffs.items():
        (slot,) = groups[gid].find_all("p", data_article=art)
        marked = [(n.tag, n.text()) for n in slot.find_all() if n.tag in ("ins", "del")]
        want = [("del" if o.kind == "delete" else "ins", o.text) for o in ops if o.kind != "equal"]
        assert marked == want, (gid, art)
        assert slot.find_all("span", class_="text")[0].text() == "".join(
            o.text for o in ops
        )  # equal + deleted + inserted words, in order, nothing lost


def test_notes_render_as_text_and_nothing_is_fetched(dom: Node) -> None:
    assert dom.find_all("script") == []
    (n1,) = dom.find_all("div", id="note-n1")
    assert n1.find_all("blockquote")[0].text() == HOSTILE
    for tag in ("link", "img", "iframe", "object", "embed"):
        assert dom.find_all(tag) == [], tag
    assert len(dom.find_all("style")) == 1
    (orphan_head,) = dom.find_all("h3", id="orphaned")
    (n3,) = dom.find_all("div", id="note-n3")
    notes = dom.find_all("section", id="notes")[0]
    kids = [c for c in notes.children if isinstance(c, Node)]
    assert kids.index(n3) > kids.index(orphan_head)
