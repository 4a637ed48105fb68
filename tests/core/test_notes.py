"""The notes store: sidecar format, changes and undo, merges between instances, bad files."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import filelock
import pytest

from tui.core.errors import InputError, UsageError
from tui.core.load.article import Article
from tui.core.load.collection import Collection, load_collection
from tui.core.load.parse import article_from_text
from tui.core.notes.anchor import Anchor, make_anchor
from tui.core.notes.merging import merge
from tui.core.notes.model import (
    DEFAULT_VERDICTS,
    SCHEMA,
    SIDECAR_NAME,
    CorruptSidecar,
    Note,
    NotesLocked,
    NotesReadOnly,
    NotesWriteError,
    Tombstone,
)
from tui.core.notes.placement import locate, notes_by_sentence
from tui.core.notes.sidecar import Sidecar, parse_sidecar, sidecar_location
from tui.core.notes.store import NoteStore

TEXT = (
    "Officials said 40 people died in the floods on Tuesday.\n\n"
    "The river rose by three metres overnight. Rescue teams reached the village at dawn.\n"
)


def ticking(start: datetime = datetime(2026, 1, 1, tzinfo=UTC)) -> Callable[[], datetime]:
    """A clock that moves one second per call."""
    moments = (start + timedelta(seconds=i) for i in range(1, 1_000_000))
    return lambda: next(moments)


def counter(prefix: str) -> Callable[[], str]:
    numbers = iter(range(1_000_000))
    return lambda: f"{prefix}{next(numbers)}"


@pytest.fixture
def article() -> Article:
    return article_from_text(TEXT, "a")


@pytest.fixture
def anchor(article: Article) -> Anchor:
    start = TEXT.index("Rescue")
    return make_anchor(article, start, TEXT.index("dawn.") + 5)


@pytest.fixture
def sidecar(tmp_path: Path) -> Path:
    return tmp_path / SIDECAR_NAME


def open_store(
    path: Path, who: str = "ann", clock: Callable[[], datetime] | None = None
) -> NoteStore:
    return NoteStore.open(path, clock=clock or ticking(), author=who, new_id=counter(who + "-"))


def on_disk(path: Path) -> dict[str, object]:
    return json.loads(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def disk_ids(path: Path) -> list[str]:
    return [n["id"] for n in on_disk(path)["notes"]]  # type: ignore[attr-defined, index]


# --- format --------------------------------------------------------------------------------


def test_sidecar_format_is_exact_and_stable(sidecar: Path, anchor: Anchor) -> None:
    store = open_store(sidecar)
    store.add("2", "Toll differs\nacross versions", [anchor], tags=["toll", " ", "toll", "flood"])
    text = sidecar.read_text(encoding="utf-8")
    data = json.loads(text)
    assert list(data) == ["schema", "verdicts", "notes", "deleted"]
    assert data["schema"] == SCHEMA
    assert data["verdicts"] == list(DEFAULT_VERDICTS)
    assert data["notes"] == [
        {
            "id": "ann-0",
            "created": "2026-01-01T00:00:01.000000Z",
            "updated": "2026-01-01T00:00:01.000000Z",
            "author": "ann",
            "verdict": "disputed",
            "text": "Toll differs\nacross versions",
            "tags": ["toll", "flood"],
            "anchors": [anchor.to_dict()],
            "history": [],
        }
    ]
    assert text == json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    # Saving the same content again gives the same bytes (diff-friendly).
    again = Sidecar(parse_sidecar(text.encode(), "x").verdicts, tuple(store.notes)).to_json()
    assert again == text


def test_notes_are_written_in_creation_order(sidecar: Path, anchor: Anchor) -> None:
    store = NoteStore.open(
        sidecar, clock=ticking(), author="ann", new_id=iter(["z", "b", "m"]).__next__
    )
    for text in ("first", "second", "third"):
        store.add("1", text, [anchor])
    assert disk_ids(sidecar) == ["z", "b", "m"]


@pytest.mark.parametrize(
    ("given", "label"),
    [
        ("1", "supported"),
        ("2", "disputed"),
        ("3", "false"),
        ("4", "needs source"),
        ("5", "context/other"),
        ("Disputed", "disputed"),
        ("needs source", "needs source"),
        ("", ""),
    ],
)
def test_verdict_keys_and_labels(sidecar: Path, anchor: Anchor, given: str, label: str) -> None:
    assert open_store(sidecar).add(given, "t", [anchor]).verdict == label


@pytest.mark.parametrize("bad", ["0", "6", "maybe", "10"])
def test_unknown_verdict_is_a_usage_error_and_nothing_is_saved(
    sidecar: Path, anchor: Anchor, bad: str
) -> None:
    store = open_store(sidecar)
    with pytest.raises(UsageError, match="unknown verdict"):
        store.add(bad, "t", [anchor])
    assert not sidecar.exists() and store.notes == ()


def test_verdict_labels_come_from_the_sidecar(sidecar: Path, anchor: Anchor) -> None:
    sidecar.write_text(
        json.dumps(
            {"schema": SCHEMA, "verdicts": ["true", "mostly true", "pants on fire"], "notes": []}
        )
    )
    store = open_store(sidecar)
    assert store.verdicts == ("true", "mostly true", "pants on fire")
    assert store.add("3", "t", [anchor]).verdict == "pants on fire"
    assert on_disk(sidecar)["verdicts"] == ["true", "mostly true", "pants on fire"]


def test_unknown_keys_are_kept(sidecar: Path, anchor: Anchor) -> None:
    store = open_store(sidecar)
    store.add("1", "t", [anchor])
    data = on_disk(sidecar)
    data["reviewer"] = {"team": "desk"}
    data["notes"][0]["priority"] = 3  # type: ignore[index]
    sidecar.write_text(json.dumps(data))
    other = open_store(sidecar, "bob")
    other.add("2", "u", [anchor])
    after = on_disk(sidecar)
    assert after["reviewer"] == {"team": "desk"}
    assert after["notes"][0]["priority"] == 3  # type: ignore[index]


# --- changes, backup, undo ---------------------------------------------------------------


def test_add_edit_delete_each_save_and_keep_a_backup(sidecar: Path, anchor: Anchor) -> None:
    store = open_store(sidecar)
    note = store.add("1", "first text", [anchor])
    assert disk_ids(sidecar) == [note.id] and not store.backup_path.exists()
    first_bytes = sidecar.read_bytes()
    edited = store.edit(note.id, text="second text", verdict="3", tags=["x"])
    assert (edited.text, edited.verdict, edited.tags) == ("second text", "false", ("x",))
    assert edited.created == note.created and edited.updated > note.updated
    assert on_disk(sidecar)["notes"][0]["text"] == "second text"  # type: ignore[index]
    assert store.backup_path.read_bytes() == first_bytes
    store.delete(note.id)
    assert disk_ids(sidecar) == []
    assert on_disk(sidecar)["deleted"] == [
        {"id": note.id, "deleted": "2026-01-01T00:00:03.000000Z", "author": "ann"}
    ]
    assert on_disk(store.backup_path)["notes"][0]["text"] == "second text"  # type: ignore[index]
    leftovers = [p.name for p in sidecar.parent.iterdir() if p.name.endswith(".tmp")]
    assert leftovers == []


def test_unknown_note_id_is_a_usage_error(sidecar: Path) -> None:
    store = open_store(sidecar)
    for change in (lambda: store.edit("nope", text="x"), lambda: store.delete("nope")):
        with pytest.raises(UsageError, match="no note with id 'nope'"):
            change()


@pytest.mark.parametrize("action", ["add", "edit", "delete"])
def test_undo_reverts_the_last_change_on_disk(sidecar: Path, anchor: Anchor, action: str) -> None:
    store = open_store(sidecar)
    kept = store.add("1", "original", [anchor])
    before = [(n.id, n.verdict, n.text) for n in store.notes]
    if action == "add":
        store.add("2", "extra", [anchor])
    elif action == "edit":
        store.edit(kept.id, text="changed", verdict="3")
    else:
        store.delete(kept.id)
    assert store.can_undo
    assert store.undo() == action
    assert [(n.id, n.verdict, n.text) for n in store.notes] == before
    assert [(n["id"], n["verdict"], n["text"]) for n in on_disk(sidecar)["notes"]] == before  # type: ignore[attr-defined, index]
    assert open_store(sidecar, "bob").notes[0].text == "original"


def test_undo_walks_back_the_session_then_stops(sidecar: Path, anchor: Anchor) -> None:
    store = open_store(sidecar)
    a = store.add("1", "a", [anchor])
    store.edit(a.id, text="a2")
    store.delete(a.id)
    assert [store.undo(), store.undo(), store.undo(), store.undo()] == ["delete", "edit", "add", ""]
    assert store.notes == () and disk_ids(sidecar) == [] and not store.can_undo


def test_timestamps_never_go_backwards_with_a_fixed_clock(sidecar: Path, anchor: Anchor) -> None:
    fixed = datetime(2026, 1, 1, tzinfo=UTC)
    store = open_store(sidecar, clock=lambda: fixed)
    a = store.add("1", "a", [anchor])
    b = store.edit(a.id, text="b")
    assert a.updated == "2026-01-01T00:00:00.000000Z"
    assert b.updated == "2026-01-01T00:00:00.000001Z"


# --- two instances ------------------------------------------------------------------------


def test_two_instances_keep_both_new_notes(sidecar: Path, anchor: Anchor) -> None:
    ann, bob = open_store(sidecar, "ann"), open_store(sidecar, "bob")
    ann.add("1", "from ann", [anchor])
    bob.add("2", "from bob", [anchor])
    ann.add("3", "ann again", [anchor])
    assert sorted(disk_ids(sidecar)) == ["ann-0", "ann-1", "bob-0"]
    assert sorted(n.id for n in ann.notes) == ["ann-0", "ann-1", "bob-0"]


def test_same_note_edited_twice_keeps_the_newer_and_records_the_other(
    sidecar: Path, anchor: Anchor
) -> None:
    clock = ticking()
    ann = open_store(sidecar, "ann", clock)
    note = ann.add("1", "v0", [anchor])
    bob = open_store(sidecar, "bob", clock)
    ann.edit(note.id, text="ann's edit")
    bob.edit(note.id, text="bob's edit", verdict="2")  # newer
    merged = on_disk(sidecar)["notes"][0]  # type: ignore[index]
    assert (merged["text"], merged["author"], merged["verdict"]) == (
        "bob's edit",
        "bob",
        "disputed",
    )
    assert [(h["author"], h["text"], h["reason"]) for h in merged["history"]] == [
        ("ann", "ann's edit", "concurrent edit")
    ]
    ann.reload()
    assert ann.get(note.id).text == "bob's edit"


def test_a_deleted_note_is_not_brought_back_by_a_stale_instance(
    sidecar: Path, anchor: Anchor
) -> None:
    ann = open_store(sidecar, "ann")
    note = ann.add("1", "doomed", [anchor])
    bob = open_store(sidecar, "bob")  # has the note
    ann.delete(note.id)
    bob.add("2", "other", [anchor])  # bob never saw the deletion
    assert disk_ids(sidecar) == ["bob-0"]
    assert [n.id for n in bob.notes] == ["bob-0"]
    assert [t["id"] for t in on_disk(sidecar)["deleted"]] == [note.id]  # type: ignore[attr-defined, index]


def test_an_edit_wins_over_a_concurrent_deletion(sidecar: Path, anchor: Anchor) -> None:
    ann = open_store(sidecar, "ann")
    note = ann.add("1", "v0", [anchor])
    bob = open_store(sidecar, "bob")
    ann.delete(note.id)
    bob.edit(note.id, text="bob still needs it")
    assert disk_ids(sidecar) == [note.id]
    assert on_disk(sidecar)["deleted"] == []


def test_reload_takes_in_other_instances_changes(sidecar: Path, anchor: Anchor) -> None:
    ann, bob = open_store(sidecar, "ann"), open_store(sidecar, "bob")
    assert not ann.reload()
    bob.add("1", "hello", [anchor])
    assert ann.reload()
    assert [n.text for n in ann.notes] == ["hello"]


def note(nid: str, text: str, updated: str) -> Note:
    return Note(nid, "2026-01-01T00:00:00Z", updated, "x", "", text)


N1 = note("n1", "base", "2026-01-01T00:00:01Z")
N1_MINE = note("n1", "mine", "2026-01-01T00:00:05Z")
N1_DISK = note("n1", "disk", "2026-01-01T00:00:03Z")
N2 = note("n2", "new", "2026-01-01T00:00:02Z")
T1 = Tombstone("n1", "2026-01-01T00:00:04Z", "x")


@pytest.mark.parametrize(
    ("base", "mine", "disk", "notes", "tombs"),
    [
        ((N1,), (N1,), (N1,), ["n1:base"], []),
        ((N1,), (N1_MINE,), (N1,), ["n1:mine"], []),
        ((N1,), (N1,), (N1_DISK,), ["n1:disk"], []),
        ((N1,), (N1_MINE,), (N1_DISK,), ["n1:mine"], []),
        ((N1,), (N1, N2), (N1,), ["n1:base", "n2:new"], []),
        ((N1,), (N1,), (N1, N2), ["n1:base", "n2:new"], []),
        ((N1,), (T1,), (N1,), [], ["n1"]),
        ((N1,), (N1,), (T1,), [], ["n1"]),
        ((N1,), (N1_MINE,), (T1,), ["n1:mine"], []),
        ((N1,), (T1,), (N1_DISK,), ["n1:disk"], []),
        ((), (N2,), (), ["n2:new"], []),
    ],
)
def test_merge_table(
    base: tuple[Note | Tombstone, ...],
    mine: tuple[Note | Tombstone, ...],
    disk: tuple[Note | Tombstone, ...],
    notes: list[str],
    tombs: list[str],
) -> None:
    def side(values: tuple[Note | Tombstone, ...]) -> Sidecar:
        return Sidecar(
            notes=tuple(v for v in values if isinstance(v, Note)),
            deleted=tuple(v for v in values if isinstance(v, Tombstone)),
        )

    merged = merge(side(base), side(mine), side(disk))
    assert [f"{n.id}:{n.text}" for n in merged.notes] == notes
    assert [t.id for t in merged.deleted] == tombs


# --- bad sidecars -------------------------------------------------------------------------

BAD_SIDECARS = [
    (b'{"schema": "sidebyside.notes/1", "notes": [', "not valid JSON"),
    (b"\xff\xfe garbage", "not UTF-8"),
    (b'{"schema": "sidebyside.notes/2", "notes": []}', "unknown schema"),
    (b'["a", "list"]', "not a notes sidecar"),
    (b'{"notes": []}', "not a notes sidecar"),
    (b'{"schema": "sidebyside.notes/1", "notes": [{"id": 3}]}', "malformed"),
    (b'{"schema": "sidebyside.notes/1", "verdicts": [], "notes": []}', "malformed"),
]


@pytest.mark.parametrize(("content", "problem"), BAD_SIDECARS)
def test_bad_sidecar_opens_read_only_and_is_kept_byte_for_byte(
    sidecar: Path, anchor: Anchor, content: bytes, problem: str
) -> None:
    sidecar.write_bytes(content)
    store = open_store(sidecar)
    assert store.read_only
    assert str(sidecar) in store.reason and problem in store.reason and "kept" in store.reason
    for change in (
        lambda: store.add("1", "t", [anchor]),
        lambda: store.undo() or store.add("1", "t", [anchor]),
    ):
        with pytest.raises(NotesReadOnly):
            change()
    assert sidecar.read_bytes() == content
    assert not store.backup_path.exists()


@pytest.mark.parametrize(("content", "problem"), BAD_SIDECARS[:3])
def test_quarantine_moves_the_bad_file_aside_and_starts_anew(
    sidecar: Path, anchor: Anchor, content: bytes, problem: str
) -> None:
    sidecar.write_bytes(content)
    store = open_store(sidecar)
    aside = store.quarantine()
    assert aside.name == "sidebyside.notes.corrupt-20260101T000001Z.json"
    assert aside.read_bytes() == content
    assert not store.read_only and store.reason == ""
    store.add("1", "fresh start", [anchor])
    assert [n["text"] for n in on_disk(sidecar)["notes"]] == ["fresh start"]  # type: ignore[attr-defined, index]
    sidecar.write_bytes(content)
    second = open_store(sidecar).quarantine()  # same second: a distinct name
    assert second != aside and second.read_bytes() == content and aside.read_bytes() == content


def test_a_file_corrupted_while_open_is_not_overwritten(sidecar: Path, anchor: Anchor) -> None:
    store = open_store(sidecar)
    store.add("1", "t", [anchor])
    sidecar.write_bytes(b"{ broken by another tool")
    with pytest.raises(CorruptSidecar, match="kept"):
        store.add("2", "u", [anchor])
    assert store.read_only
    assert sidecar.read_bytes() == b"{ broken by another tool"


def test_an_empty_file_is_an_empty_sidecar(sidecar: Path, anchor: Anchor) -> None:
    sidecar.write_bytes(b"\n")
    store = open_store(sidecar)
    assert not store.read_only and store.notes == ()
    store.add("1", "t", [anchor])
    assert len(disk_ids(sidecar)) == 1


def test_write_failure_leaves_the_store_unchanged(tmp_path: Path, anchor: Anchor) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    store = open_store(blocker / SIDECAR_NAME)
    with pytest.raises(NotesWriteError, match="cannot write"):
        store.add("1", "t", [anchor])
    assert store.notes == () and not store.can_undo


def test_lock_held_elsewhere_times_out_with_a_clear_error(sidecar: Path, anchor: Anchor) -> None:
    store = open_store(sidecar)
    store.lock_timeout = 0.05
    with (
        filelock.FileLock(str(store.lock_path), thread_local=False),
        pytest.raises(NotesLocked, match="lock"),
    ):
        store.add("1", "t", [anchor])
    assert store.notes == ()
    store.add("1", "t", [anchor])
    assert len(disk_ids(sidecar)) == 1


def test_store_errors_are_input_errors_for_the_cli() -> None:
    for cls in (CorruptSidecar, NotesReadOnly, NotesLocked, NotesWriteError):
        assert issubclass(cls, InputError)


# --- where the sidecar goes ---------------------------------------------------------------


@pytest.fixture
def folder_collection(tmp_path: Path) -> Iterator[Collection]:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "one.txt").write_text(TEXT)
    yield load_collection([folder])


def test_sidecar_goes_next_to_the_articles(folder_collection: Collection, tmp_path: Path) -> None:
    place = sidecar_location(folder_collection, data_dir=tmp_path / "data")
    assert place.path == tmp_path / "articles" / SIDECAR_NAME
    assert not place.fallback and place.reason == "next to the articles"


def test_notes_option_overrides(folder_collection: Collection, tmp_path: Path) -> None:
    place = sidecar_location(folder_collection, tmp_path / "mine.json", data_dir=tmp_path / "data")
    assert place.path == tmp_path / "mine.json" and not place.fallback


def test_unwritable_folder_falls_back_to_the_data_dir(
    folder_collection: Collection, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_access = os.access
    folder = str(tmp_path / "articles")
    monkeypatch.setattr(
        os, "access", lambda p, mode: False if str(p).startswith(folder) else real_access(p, mode)
    )
    place = sidecar_location(folder_collection, data_dir=tmp_path / "data")
    assert place.fallback
    assert place.path.parent == tmp_path / "data" / "notes"
    assert place.path.name.startswith("articles-") and place.path.name.endswith(".notes.json")
    assert "not writable" in place.reason and str(place.path) in place.reason
    again = sidecar_location(load_collection([tmp_path / "articles"]), data_dir=tmp_path / "data")
    assert again.path == place.path  # keyed by the collection: stable
    other = tmp_path / "other"
    other.mkdir()
    (other / "two.txt").write_text(TEXT)
    monkeypatch.setattr(os, "access", lambda p, mode: False)
    elsewhere = sidecar_location(load_collection([other]), data_dir=tmp_path / "data")
    assert elsewhere.path != place.path


def test_stdin_collection_uses_the_data_dir(tmp_path: Path) -> None:
    collection = load_collection(["-"], read_stdin=lambda: TEXT.encode())
    place = sidecar_location(collection, data_dir=tmp_path)
    assert place.fallback and place.path.parent == tmp_path / "notes"


# --- locating notes in the loaded text ----------------------------------------------------


def test_locate_reports_status_and_sentences(
    sidecar: Path, article: Article, anchor: Anchor
) -> None:
    store = open_store(sidecar)
    kept = store.add("1", "kept", [anchor])
    gone = store.add("2", "gone", [make_anchor(article, 0, TEXT.index("."))])
    elsewhere = store.add("3", "other file", [Anchor("zz", "", "q", "", "", 0, 1)])
    changed = article_from_text(
        TEXT.replace("Officials said 40 people died in the floods on Tuesday.", "Nothing."), "a"
    )
    found = {item.note.id: item for item in locate(store.notes, [changed])}
    assert found[kept.id].status == "moved"
    assert found[kept.id].sentences_of("a") == (
        next(s.index for s in changed.sentences if s.text.startswith("Rescue")),
    )
    assert found[gone.id].status == "orphaned" and found[gone.id].note.quote.startswith("Officials")
    assert found[elsewhere.id].status == "absent"
    markers = notes_by_sentence(found.values())
    assert set(markers.values()) == {(kept.id,)}


def test_cached_encoding_matches_json_dumps_for_many_notes(sidecar: Path, anchor: Anchor) -> None:
    store = open_store(sidecar)
    for i in range(12):
        store.add(str(i % 5 + 1), f'note {i}\n« quoted » ü "x"', [anchor] * (i % 3), [f"t{i}"])
    store.delete(store.notes[3].id)
    store.edit(store.notes[0].id, text="edited")
    text = sidecar.read_text(encoding="utf-8")
    assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=2) + "\n"
    assert [n.text for n in open_store(sidecar, "bob").notes] == [n.text for n in store.notes]


def test_quarantine_refuses_a_healthy_sidecar(sidecar: Path, anchor: Anchor) -> None:
    store = open_store(sidecar)
    store.add("1", "t", [anchor])
    with pytest.raises(UsageError, match="nothing to move aside"):
        store.quarantine()
    assert len(disk_ids(sidecar)) == 1


def test_quarantine_after_another_instance_fixed_it_moves_nothing(
    sidecar: Path, anchor: Anchor
) -> None:
    sidecar.write_bytes(b"{ bad")
    ann, bob = open_store(sidecar, "ann"), open_store(sidecar, "bob")
    assert ann.quarantine() is not None
    ann.add("1", "after the fix", [anchor])
    assert bob.read_only
    assert bob.quarantine() is None
    assert not bob.read_only and [n.text for n in bob.notes] == ["after the fix"]
    assert len(list(sidecar.parent.glob("*.corrupt-*.json"))) == 1


def test_quick_same_size_edits_are_all_seen_by_another_instance(
    sidecar: Path, anchor: Anchor
) -> None:
    ann, bob = open_store(sidecar, "ann"), open_store(sidecar, "bob")
    note = bob.add("1", "text 0", [anchor])
    ann.reload()
    for i in range(1, 30):
        bob.edit(note.id, text=f"text {i % 10}")
        ann.reload()
        assert ann.get(note.id).text == f"text {i % 10}"


def test_threads_sharing_one_store_lose_nothing(sidecar: Path, anchor: Anchor) -> None:
    import threading

    store = NoteStore.open(sidecar, author="ann")
    threads = [
        threading.Thread(
            target=lambda k=k: [store.add("1", f"{k}-{i}", [anchor]) for i in range(15)]
        )
        for k in range(4)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(disk_ids(sidecar)) == 60 and len(store.notes) == 60


def test_group_notes_and_files_loaded_under_another_id(
    sidecar: Path, article: Article, anchor: Anchor
) -> None:
    from tui.core.align.aligner import SentenceRef
    from tui.core.notes.placement import group_notes

    store = open_store(sidecar)
    note = store.add("1", "t", [anchor])
    renamed = article_from_text(TEXT, "000")  # same file, other id
    located = locate(store.notes, [renamed])
    assert located[0].status == "anchored"
    rescue = next(s.index for s in renamed.sentences if s.text.startswith("Rescue"))
    markers = notes_by_sentence(located)
    assert markers == {("000", rescue): (note.id,)}
    assert group_notes(markers, [SentenceRef("000", rescue), SentenceRef("b", 1)]) == (note.id,)
    assert group_notes(markers, [SentenceRef("000", 0)]) == ()


def test_backup_is_copied_where_hard_links_fail(
    sidecar: Path, anchor: Anchor, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_links(*_: object) -> None:
        raise OSError(1, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    store = open_store(sidecar)
    store.add("1", "one", [anchor])
    first = sidecar.read_bytes()
    store.add("1", "two", [anchor])
    assert store.backup_path.read_bytes() == first
    assert not store.backup_path.samefile(sidecar)


def test_bundled_seeds_folder_is_kept_out(folder_collection: Collection, tmp_path: Path) -> None:
    place = sidecar_location(
        folder_collection, data_dir=tmp_path / "data", keep_out=[tmp_path / "articles"]
    )
    assert place.fallback and place.path.parent == tmp_path / "data" / "notes"
    assert "bundled samples" in place.reason


def test_a_save_re_encodes_only_the_new_note_however_many_notes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Past 8,192 notes a fixed-size cache fell off a cliff: every save re-encoded every note."""
    from dataclasses import replace

    import tui.core.notes.sidecar as sidecar_module

    def note(i: int) -> Note:
        stamp = f"2026-01-01T00:00:00.{i:06d}Z"
        return Note(f"{i:012x}", stamp, stamp, "a", "", f"note {i}")

    before = Sidecar(notes=tuple(note(i) for i in range(9000)))
    first = before.to_json()
    calls: list[object] = []
    real = json.dumps

    def counting(value: object, **kwargs: object) -> str:
        calls.append(value)
        return real(value, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(sidecar_module.json, "dumps", counting)
    after = replace(before, notes=(*before.notes, note(9000))).to_json()
    assert len(calls) == 2  # the new note and the document around the notes
    assert after.startswith(first[: first.index("\n  ]")])
    assert parse_sidecar(after.encode(), "x").notes[-1].text == "note 9000"


def test_shared_notes_show_and_changes_to_them_go_to_the_own_sidecar(
    tmp_path: Path, anchor: Anchor
) -> None:
    team_file = tmp_path / "team" / SIDECAR_NAME
    team = NoteStore.open(team_file, author="team")
    kept = team.add("1", "kept", [anchor])
    edited = team.add("2", "to edit", [anchor])
    gone = team.add("3", "to delete", [anchor])
    before = team_file.read_bytes()
    mine = NoteStore.open(tmp_path / "mine.json", author="me", shared=team_file)
    assert {n.text for n in mine.notes} == {"kept", "to edit", "to delete"}
    mine.edit(edited.id, text="edited")
    mine.delete(gone.id)
    mine.add("4", "new", [anchor])
    assert team_file.read_bytes() == before  # the shared sidecar is never written
    again = NoteStore.open(tmp_path / "mine.json", shared=team_file)
    assert {n.text for n in again.notes} == {"kept", "edited", "new"}
    assert again.get(kept.id).author == "team"
    assert {n.text for n in NoteStore.open(tmp_path / "mine.json").notes} == {"edited", "new"}


def test_a_note_can_be_re_anchored_and_keeps_where_it_was(
    sidecar: Path, article: Article, anchor: Anchor
) -> None:
    """Issue 16 item 3: a saved note's anchor can change; the note is never lost."""
    store = open_store(sidecar)
    note = store.add("2", "check", [anchor])
    words = make_anchor(article, TEXT.index("three metres"), TEXT.index("three metres") + 12)
    moved = store.edit(note.id, anchors=[words])
    assert moved.anchors == (words,) and moved.text == "check"
    (entry,) = moved.history
    assert entry.reason == "re-anchored; was on “Rescue teams reached the village at dawn.” in a"
    [(saved, status)] = [(i.note, i.status) for i in locate(store.notes, [article])]
    assert saved.anchors[0].exact == "three metres" and status == "anchored"
    reread = open_store(sidecar, "bob")
    assert reread.get(note.id).history == moved.history  # the history is in the sidecar
    assert store.undo() == "edit"
    assert store.get(note.id).anchors == (anchor,)


def test_re_anchoring_on_nothing_is_refused_and_changes_nothing(
    sidecar: Path, anchor: Anchor
) -> None:
    store = open_store(sidecar)
    note = store.add("1", "keep me", [anchor])
    before = sidecar.read_bytes()
    with pytest.raises(UsageError, match="not re-anchored on nothing"):
        store.edit(note.id, anchors=[])
    assert store.get(note.id).anchors == (anchor,)
    assert sidecar.read_bytes() == before


def test_an_edit_that_keeps_the_anchor_adds_no_history(sidecar: Path, anchor: Anchor) -> None:
    store = open_store(sidecar)
    note = store.add("1", "a", [anchor])
    assert store.edit(note.id, text="b", anchors=[anchor]).history == ()


def test_locate_resolves_an_anchor_shared_by_many_notes_once(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from tui.core.load.articles import load_article
    from tui.core.notes import placement
    from tui.resources import seed_paths

    article = load_article(seed_paths()[0])
    anchor = Anchor(article.id, "0" * 64, "no such quote in the text", "", "", 3, 9)
    notes = [
        Note(
            f"n{i}",
            "2026-01-01T00:00:00Z",
            "2026-01-01T00:00:00Z",
            "me",
            "disputed",
            "x",
            (),
            (anchor,),
        )
        for i in range(50)
    ]
    calls: list[Anchor] = []
    real = placement.resolve
    monkeypatch.setattr(placement, "resolve", lambda a, art: calls.append(a) or real(a, art))
    located = placement.locate(notes, [article])
    assert len(calls) == 1
    assert [item.note.id for item in located] == [n.id for n in notes]
    assert {item.placements[0].resolution for item in located} == {real(anchor, article)}
