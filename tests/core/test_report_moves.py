"""Moved passages are marked in the reports, with where each version tells them (issue 16
item 9)."""

from __future__ import annotations

from tests.core.report_helpers import seed_analysis
from tui.core.report.html import to_html
from tui.core.report.markdown import to_markdown


def test_markdown_and_html_mark_a_moved_passage_with_both_places() -> None:
    analysis = seed_analysis()
    group = next(g for g in analysis.alignment.groups if g.moved_in and g.slot("000"))
    moved = group.moved_in[0]
    n_moved = len(analysis.alignment.article(moved).sentences)
    here = "+".join(str(i + 1) for i in group.slot(moved))
    ref = "+".join(str(i + 1) for i in group.slot("000"))
    n_ref = len(analysis.alignment.article("000").sentences)
    tag = f"moved: s{here} of {n_moved} here, s{ref} of {n_ref} in 000"
    md = to_markdown(analysis)
    assert f"### Group {group.id + 1} · {group.kind} · moved in {', '.join(group.moved_in)}\n" in md
    assert f"- **{moved}** s{here} *{tag}*: " in md
    html = to_html(analysis)
    assert f'<em class="moved">{tag}</em>' in html
    assert f"moved in {', '.join(group.moved_in)}</h4>" in html
    steady = next(g for g in analysis.alignment.groups if not g.moved and len(g.articles) > 2)
    assert f"### Group {steady.id + 1} · {steady.kind}\n" in md  # no mark when nothing moved
