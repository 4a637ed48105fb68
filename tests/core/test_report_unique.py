"""The report lists the passages found in one version only (issue 16, expected list)."""

from __future__ import annotations

import json

from tests.core.report_helpers import seed_analysis
from tui.core.report.html import to_html
from tui.core.report.markdown import to_markdown
from tui.core.report.writer import to_json


def test_every_one_version_passage_is_listed_in_md_html_and_json() -> None:
    analysis = seed_analysis()
    uniques = [g for g in analysis.alignment.groups if len(g.articles) == 1]
    assert uniques
    md = to_markdown(analysis, collation=False)  # listed even without the collation
    section = md[md.index("### Passages in one version only") : md.index("## 3. Notes")]
    assert section.startswith(f"### Passages in one version only ({len(uniques)})")
    for g in uniques:
        (art,) = g.articles
        line = f"- s{'+'.join(str(i + 1) for i in g.slot(art))} · group {g.id + 1}: "
        assert line in section[section.index(f"#### {art} (") :], (art, g.id)
    html = to_html(analysis)
    assert f'<h3 id="unique">Passages in one version only ({len(uniques)})</h3>' in html
    assert html.count('<li><a href="#g') >= len(uniques)
    doc = json.loads(to_json(analysis))
    listed = {(u["article"], u["group"]) for u in doc["review"]["unique"]}
    assert listed == {(g.articles[0], g.id) for g in uniques}
