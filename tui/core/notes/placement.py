"""Provides locate(): notes with each anchor resolved against the loaded articles.

`LocatedNote` is what the notes list, the row markers and the reports show;
`notes_by_sentence` and `group_notes` turn them into row markers.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from tui.core.notes.anchor import ABSENT, Anchor, Resolution, resolve, sentences_in
from tui.core.notes.model import Note

if TYPE_CHECKING:
    from tui.core.load.article import Article


@dataclass(frozen=True, slots=True)
class Placement:
    """One anchor of a note, resolved against the loaded text."""

    anchor: Anchor
    """The anchor as saved."""
    resolution: Resolution
    """Where it is now (status anchored / moved / orphaned / absent)."""
    sentences: tuple[int, ...]
    """Indices of the sentences it covers now (empty unless found)."""
    article: str = ""
    """Id of the loaded article it resolved in (may differ from anchor.article when the same
    file was loaded under another id); anchor.article when absent."""


@dataclass(frozen=True, slots=True)
class LocatedNote:
    """A note with each anchor resolved: what the notes list and row markers show."""

    note: Note
    """The note."""
    placements: tuple[Placement, ...]
    """One per anchor, in anchor order."""
    status: str
    """The worst of its present anchors: orphaned > moved > anchored; "absent" when none of
    its articles is loaded."""

    def sentences_of(self, article_id: str) -> tuple[int, ...]:
        """Sentence indices it covers in one article."""
        return tuple(i for p in self.placements if p.article == article_id for i in p.sentences)


def locate(notes: Iterable[Note], articles: Iterable[Article]) -> tuple[LocatedNote, ...]:
    """Resolve every anchor of every note against the loaded articles (a pure function).

    An anchor goes with the article of the same id, else with an article whose file has the
    same hash (the same file loaded under another id); otherwise it is "absent".
    """
    loaded = tuple(articles)
    by_id = {a.id: a for a in loaded}
    by_hash = {a.sha256: a for a in loaded if a.sha256}
    located: list[LocatedNote] = []
    # notes on the same passage share their anchor: each (anchor, article) is resolved once
    # (an anchor whose text changed is looked for fuzzily, a millisecond a time)
    memo: dict[tuple[Anchor, str], Placement] = {}
    for note in notes:
        placements: list[Placement] = []
        for anchor in note.anchors:
            # Ids depend on which files were loaded together: the unchanged file counts too.
            article = by_id.get(anchor.article) or by_hash.get(anchor.file_sha256)
            if article is None:
                placements.append(Placement(anchor, ABSENT, (), anchor.article))
                continue
            placement = memo.get((anchor, article.id))
            if placement is None:
                found = resolve(anchor, article)
                covered = sentences_in(article, found.start, found.end) if found.found else ()
                placement = memo[(anchor, article.id)] = Placement(
                    anchor, found, covered, article.id
                )
            placements.append(placement)
        present = [p.resolution.status for p in placements if p.resolution.status != "absent"]
        status = next(
            (s for s in ("orphaned", "moved", "anchored") if s in present),
            "absent" if placements else "orphaned",
        )
        located.append(LocatedNote(note, tuple(placements), status))
    return tuple(located)


def notes_by_sentence(located: Iterable[LocatedNote]) -> dict[tuple[str, int], tuple[str, ...]]:
    """Map (article id, sentence index) to the ids of the notes found there (row markers)."""
    found: dict[tuple[str, int], list[str]] = {}
    for item in located:
        for p in item.placements:
            for index in p.sentences:
                ids = found.setdefault((p.article, index), [])
                if item.note.id not in ids:
                    ids.append(item.note.id)
    return {key: tuple(ids) for key, ids in found.items()}


def group_notes(
    markers: dict[tuple[str, int], tuple[str, ...]], members: Iterable[Any]
) -> tuple[str, ...]:
    """Ids of the notes on any member of an alignment group (for a row marker).

    Args:
        markers: from notes_by_sentence().
        members: the group's members (`Group.members`: objects with .article and .sentence).
    """
    ids: dict[str, None] = {}
    for m in members:
        ids.update(dict.fromkeys(markers.get((m.article, m.sentence), ())))
    return tuple(ids)
