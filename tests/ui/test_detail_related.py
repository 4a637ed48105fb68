"""Detail lists the "also related" sentences of other groups (issue 13: a sentence that
probably reports the same thing but sits in another group is shown, not silently dropped)."""

from __future__ import annotations

from tests.ui.helpers import ready
from tui.core.report.model import related_of
from tui.resources import seed_paths
from tui.ui.app import make_app
from tui.ui.screens.compare import CompareScreen
from tui.ui.screens.detail import DetailScreen


async def test_detail_names_each_related_sentence_with_its_group_and_words() -> None:
    async with make_app([str(p) for p in seed_paths()]).run_test(size=(160, 48)) as pilot:
        await ready(pilot)
        compare = pilot.app.screen
        assert isinstance(compare, CompareScreen)
        analysis = compare.analysis
        group = next(g for g in analysis.alignment.groups if related_of(analysis.alignment, g))
        here, there, other, _ = related_of(analysis.alignment, group)[0]
        await pilot.app.push_screen(DetailScreen(analysis, group.id))
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, DetailScreen)
        plain = screen.body().plain
        section = plain[
            plain.index("Also related (in other groups)") : plain.index("Discrepancies")
        ]
        ends = f"{here.article} s{here.sentence + 1} ~ {there.article} s{there.sentence + 1}"
        assert f"{ends} (group {other + 1}," in section
        words = analysis.alignment.article(there.article).sentences[there.sentence].text
        assert words[:40] in section


def test_related_of_gives_only_links_that_leave_the_group() -> None:
    from tui.core.align import align
    from tui.core.load.articles import load_article

    al = align([load_article(p) for p in seed_paths()])
    assert al.related, "the seeds have related sentences in different groups"
    for group in al.groups:
        for here, there, other, score in related_of(al, group):
            assert here in group.members and there not in group.members
            assert there in al.groups[other].members
            assert 0.0 < score <= 1.0
