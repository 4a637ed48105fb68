"""Provides what every format of the review report shows: its note values and shared readings.

`ReportNote` and `NotePlace` are the plain input the report takes for notes (`report_notes()`
builds them from the notes store's located notes); the functions here compute what the Markdown
and HTML renderers both print: the similarity reading, the discrepancy order, notes by verdict.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from tui.core.align.aligner import Alignment, Group, SentenceRef
from tui.core.analysis import Analysis, slot_text
from tui.core.compare.discrepancy import SEVERITIES, Discrepancy, Variant
from tui.core.load.article import Article
from tui.core.notes.placement import LocatedNote
from tui.core.numbering import group_label, place_label, sentence_label
from tui.core.report.serialize import located_note_to_dict

NOTE_STATUSES = ("anchored", "moved", "orphaned", "absent")
"""Where a note's anchor stands in one version: where it was, found elsewhere (or changed), lost,
or in a version that is not loaded."""

SECTION_TITLES = {
    "versions": "1. Versions",
    "discrepancies": "2. Discrepancies",
    "notes": "3. Notes",
    "collation": "4. Collation",
}
"""Section ids (HTML anchors) and their headings, in report order."""

SEVERITY_TITLES = {
    "conflict": "Conflicts",
    "missing": "Missing attributions and hedges",
    "variant": "Variants",
}
"""Discrepancy sub-section headings, by severity."""


@dataclass(frozen=True, slots=True)
class NotePlace:
    """Where one note stands in one version."""

    article: str
    """Article id."""
    status: str
    """One of NOTE_STATUSES."""
    sentences: tuple[int, ...] = ()
    """Indices of the sentences the anchor covers now (empty unless found)."""
    quote: str = ""
    """The text the anchor covers now (the stored quote when orphaned)."""


@dataclass(frozen=True, slots=True)
class ReportNote:
    """A note as the report shows it: verdict, text and where it is anchored in each version."""

    id: str
    """Note id."""
    verdict: str
    """The verdict label ("disputed", "false", ...)."""
    text: str
    """The note, possibly several lines."""
    quote: str
    """The quote stored when the note was made."""
    places: tuple[NotePlace, ...] = ()
    """One entry per anchored version, in collection order."""
    tags: tuple[str, ...] = ()
    """Free tags."""
    author: str = ""
    """Who wrote it ("" when unknown)."""
    created: str = ""
    """When it was first saved ("" when unknown)."""
    updated: str = ""
    """When it was last changed ("" when unknown)."""
    record: Mapping[str, Any] | None = field(default=None, compare=False, repr=False)
    """The note as `notes --json` shows it (set by report_notes(); the JSON report embeds it)."""

    @property
    def orphaned(self) -> bool:
        """True when the note was lost in some version and is found in none."""
        live = any(p.status in ("anchored", "moved") for p in self.places)
        return not live and any(p.status == "orphaned" for p in self.places)


def report_notes(
    located: Iterable[LocatedNote], articles: Iterable[Article]
) -> tuple[ReportNote, ...]:
    """Turn the notes store's resolved notes into report notes.

    Args:
        located: notes with their anchors resolved (`tui.core.notes.placement.locate()`).
        articles: the loaded versions (for the text each anchor covers now).

    Returns:
        One ReportNote per note, in the given order; each anchor becomes a NotePlace whose
        quote is the text found now, or the stored quote when the anchor is lost.
    """
    by_id = {a.id: a for a in articles}
    out = []
    for item in located:
        places = []
        for p in item.placements:
            loaded = p.article or p.anchor.article  # the same file may load under another id
            art = by_id.get(loaded)
            found = p.resolution.found and art is not None
            text = art.source[p.resolution.start : p.resolution.end] if found and art else ""
            quote = " ".join((text if found else p.anchor.exact).split())
            places.append(NotePlace(loaded, p.resolution.status, p.sentences, quote))
        note = item.note
        out.append(
            ReportNote(
                note.id,
                note.verdict,
                note.text,
                " ".join(note.quote.split()),
                tuple(places),
                note.tags,
                note.author,
                note.created,
                note.updated,
                located_note_to_dict(item),
            )
        )
    return tuple(out)


def share_matched(alignment: Alignment, a: str, b: str) -> float:
    """Share of a's sentences that have a counterpart in b, in [0, 1].

    Taken from the alignment's similarity matrix when it has the pair, else counted from the
    groups.
    """
    if a == b:
        return 1.0
    for s in alignment.similarity:
        if (s.a, s.b) == (a, b):
            return s.matched_a
        if (s.a, s.b) == (b, a):
            return s.matched_b
    total = len(alignment.article(a).sentences)
    if not total:
        return 0.0
    matched = sum(len(g.slot(a)) for g in alignment.groups if g.slot(b))
    return min(1.0, matched / total)


def percent(x: float) -> str:
    return f"{round(x * 100)}%"


def _join_ids(ids: Sequence[str]) -> str:
    if len(ids) == 1:
        return ids[0]
    return ", ".join(ids[:-1]) + " and " + ids[-1]


def similarity_reading(alignment: Alignment) -> str:
    """One line that reads the similarity matrix against the reference.

    Each version's share of sentences with a counterpart in the reference, closest first;
    versions within the same 5% are named together ("about" when their exact shares differ):
    "Against 000 (reference): 001 shares 85% of its sentences; 002 and 004 share about 40%."
    """
    ref = alignment.reference
    others = [a.id for a in alignment.articles if a.id != ref]
    if not others:
        return f"Only one version ({ref}): nothing to compare."
    buckets: dict[int, list[tuple[str, int]]] = {}
    for art in others:
        share = share_matched(alignment, art, ref)
        buckets.setdefault(5 * round(share * 20), []).append((art, round(share * 100)))
    parts = []
    for n, (pct, members) in enumerate(sorted(buckets.items(), reverse=True)):
        ids = [art for art, _ in members]
        exact = {p for _, p in members}
        amount = f"{exact.pop()}%" if len(exact) == 1 else f"about {pct}%"
        verb = "shares" if len(ids) == 1 else "share"
        tail = (" of its sentences" if len(ids) == 1 else " of their sentences") if n == 0 else ""
        parts.append(f"{_join_ids(ids)} {verb} {amount}{tail}")
    return f"Against {ref} (reference): " + "; ".join(parts) + "."


def ordered_discrepancies(analysis: Analysis) -> tuple[Discrepancy, ...]:
    """Discrepancies by severity (conflict, missing, variant), each in the analysis' order."""
    rank = {s: n for n, s in enumerate(SEVERITIES)}
    indexed = sorted(
        enumerate(analysis.discrepancies), key=lambda p: (rank.get(p[1].severity, 99), p[0])
    )
    return tuple(d for _, d in indexed)


def sentence_text(article: Article, index: int | None) -> str:
    if index is None or not 0 <= index < len(article.sentences):
        return ""
    return article.sentences[index].text


def context_parts(article: Article, variant: Variant) -> tuple[str, str, str]:
    """A variant's sentence cut around the variant's words: (before, words, after).

    When the words are not found in the sentence (or the version drops them), the whole
    sentence is `before`.
    """
    text = sentence_text(article, variant.sentence)
    at = text.find(variant.text) if variant.text else -1
    if at < 0:
        return text, "", ""
    return text[:at], variant.text, text[at + len(variant.text) :]


def notes_by_verdict(
    notes: Sequence[ReportNote], verdicts: Sequence[str] = ()
) -> tuple[tuple[str, tuple[ReportNote, ...]], ...]:
    """Non-orphaned notes grouped by verdict: verdicts in `verdicts` order first, then others.

    Args:
        notes: the notes, in the order they should be listed within a verdict.
        verdicts: the sidecar's verdict labels, in their configured order.

    Returns:
        (verdict, notes) pairs; verdicts without notes are left out.
    """
    order = list(dict.fromkeys([*verdicts, *(n.verdict for n in notes)]))
    out = []
    for v in order:
        these = tuple(n for n in notes if n.verdict == v and not n.orphaned)
        if these:
            out.append((v, these))
    return tuple(out)


def sentence_groups(alignment: Alignment) -> dict[tuple[str, int], int]:
    """(article id, sentence index) -> id of the group the sentence is in."""
    return {(m.article, m.sentence): g.id for g in alignment.groups for m in g.members}


def note_groups(alignment: Alignment, note: ReportNote) -> tuple[int, ...]:
    """Ids of the groups a note's live anchors fall in, in reading order."""
    index = sentence_groups(alignment)
    found = {
        index[(p.article, i)]
        for p in note.places
        if p.status in ("anchored", "moved")
        for i in p.sentences
        if (p.article, i) in index
    }
    return tuple(sorted(found))


def group_notes(alignment: Alignment, notes: Sequence[ReportNote]) -> dict[int, list[ReportNote]]:
    by_group: dict[int, list[ReportNote]] = {}
    for n in notes:
        for gid in note_groups(alignment, n):
            by_group.setdefault(gid, []).append(n)
    return by_group


def place_where(p: NotePlace) -> str:
    return sentence_label(p.sentences) or "-"


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def summary_line(analysis: Analysis, notes: Sequence[ReportNote]) -> str:
    """The line under the title: versions, reference, groups, discrepancies, notes."""
    n_orphans = sum(1 for n in notes if n.orphaned)
    orphans = f" ({n_orphans} orphaned)" if n_orphans else ""
    return " · ".join(
        [
            _count(len(analysis.articles), "version", "versions"),
            f"reference {analysis.reference}",
            _count(len(analysis.alignment.groups), "group", "groups"),
            _count(len(analysis.discrepancies), "discrepancy", "discrepancies"),
            _count(len(notes), "note", "notes") + orphans,
        ]
    )


def report_title(analysis: Analysis) -> str:
    ref = analysis.alignment.article(analysis.reference)
    return ref.title or ref.id


def length_label(article: Article) -> str:
    return f"{article.words} words, {len(article.sentences)} sentences"


def moved_heading(group: Group) -> str:
    """ " · moved in 003" for a group some version tells at another place, else ""."""
    return f" · moved in {', '.join(group.moved_in)}" if group.moved else ""


def moved_note(alignment: Alignment, group: Group, article: str) -> str:
    """Where a moved passage stands in `article` and in a version telling it in step (the
    reference when it has it): "moved: s9 of 10 here, s3 of 15 in 000"; "" when it is not
    moved in that version."""
    if article not in group.moved_in:
        return ""

    def at(art: str) -> str:
        return place_label(group.slot(art), len(alignment.article(art).sentences))

    other = in_step(alignment, group)
    there = f", {at(other)} in {other}" if other else ""
    return f"moved: {at(article)} here{there}"


Related = tuple[SentenceRef, SentenceRef, int, float]
"""(this group's sentence, the other sentence, the other group's id, probability)."""


def related_by_group(alignment: Alignment) -> dict[int, list[Related]]:
    """Every group's "also related" links to other groups (strongest first), in one pass
    over the groups and the links, for screens and reports that show them all."""
    where = {m: g.id for g in alignment.groups for m in g.members}
    out: dict[int, list[Related]] = {}
    for link in alignment.related:
        ga, gb = where.get(link.a), where.get(link.b)
        if ga is None or gb is None or ga == gb:
            continue
        out.setdefault(ga, []).append((link.a, link.b, gb, link.score))
        out.setdefault(gb, []).append((link.b, link.a, ga, link.score))
    return out


def related_of(alignment: Alignment, group: Group) -> list[Related]:
    """The "also related" links from this group's sentences to other groups' (strongest first)."""
    return related_by_group(alignment).get(group.id, [])


def related_text(entries: Sequence[Related]) -> str:
    """Related links as one line for the reports ("" when none):
    "also related: 002 s2 ~ 004 s5 (group 18, p 0.86); 003 s1 ~ 000 s7 (group 32, p 0.56)"."""
    parts = [
        f"{here.article} s{here.sentence + 1} ~ {there.article} s{there.sentence + 1} "
        f"(group {group_label(other)}, p {score:.2f})"
        for here, there, other, score in entries
    ]
    return "also related: " + "; ".join(parts) if parts else ""


def related_line(alignment: Alignment, group: Group) -> str:
    """The group's related links as one line for the reports (related_text of related_of)."""
    return related_text(related_of(alignment, group))


def in_step(alignment: Alignment, group: Group) -> str:
    """The version that tells a moved group in the reading order, to say where it stands
    there: the reference when it has the group, else the first such version ("" for none)."""
    steady = [a for a in group.articles if a not in group.moved_in]
    ref = alignment.reference
    return ref if ref in steady else (steady[0] if steady else "")


UNIQUE_TITLE = "Passages in one version only"
"""The sub-section of section 2 that lists what a single version tells."""


@dataclass(frozen=True, slots=True)
class UniquePassage:
    """A passage only one version tells."""

    group: int
    """Its group id (0-based; readers see group_label())."""
    sentences: tuple[int, ...]
    """The version's sentence indices."""
    text: str
    """The passage's text."""


def unique_passages(analysis: Analysis) -> tuple[tuple[str, tuple[UniquePassage, ...]], ...]:
    """Per version (collection order), the passages it alone tells, in that version's order;
    versions without any are left out."""
    by_article: dict[str, list[UniquePassage]] = {}
    for g in analysis.alignment.groups:
        if len(g.articles) != 1:
            continue
        (art,) = g.articles
        article = analysis.alignment.article(art)
        by_article.setdefault(art, []).append(
            UniquePassage(g.id, g.slot(art), slot_text(article, g))
        )
    order = [a.id for a in analysis.articles]
    return tuple(
        (a, tuple(sorted(by_article[a], key=lambda p: p.sentences)))
        for a in order
        if a in by_article
    )
