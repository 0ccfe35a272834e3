"""Imports from other apps: all or nothing, nothing twice, undo, remembered mood names."""

import sqlite3
from datetime import date, datetime

import pytest

from moodlog.domain.check_in import CheckIn
from moodlog.domain.day_entry import DayEntry
from moodlog.domain.import_preview import ImportedEntry, ImportPreview
from moodlog.importers import daylio
from moodlog.storage.database import open_database
from moodlog.storage.diary_store import DiaryStore
from moodlog.storage.import_store import AlreadyImported

HEADER = "full_date,date,weekday,time,mood,activities,note\n"
ROWS = (
    '2026-11-20,x,x,21:00,good,walk,"Fine, mostly"\n'
    "2026-11-20,x,x,21:00,awful,,\n"
    "2026-11-19,x,x,08:15,Meh-ish,,\n"
)


def preview_of(text: str) -> ImportPreview:
    return daylio.read(text.encode(), "daylio.csv", date(2026, 11, 21))


def all_check_ins(store: DiaryStore) -> list[CheckIn]:
    days = [date(2026, 11, 19), date(2026, 11, 20)]
    return [c for day in days for c in store.day_record(day).check_ins]


def test_apply_adds_every_row_with_its_mood_and_note(store: DiaryStore, now: datetime) -> None:
    preview = preview_of(HEADER + ROWS)
    batch_id = store.imports.apply(preview, {"meh-ish": 4}, now)
    stored = all_check_ins(store)
    assert [(c.recorded_at, c.mood, c.note) for c in stored] == [
        (datetime(2026, 11, 19, 8, 15), 4, ""),
        (datetime(2026, 11, 20, 21), 8, "Fine, mostly\nActivities: walk"),
        (datetime(2026, 11, 20, 21), 0, ""),
    ]
    batch = store.imports.batch(batch_id)
    assert (batch.format, batch.file_name, batch.added, batch.skipped) == (
        "daylio",
        "daylio.csv",
        3,
        0,
    )
    assert batch.imported_at == now
    assert sorted(store.imports.check_in_ids(batch_id)) == sorted(c.id for c in stored)


def test_other_scales_an_app_rates_are_stored_beside_rows_that_rate_none(
    store: DiaryStore, now: datetime
) -> None:
    """Only the scales some row rates are written; the others stay empty on every row."""
    entries = (
        ImportedEntry(2, datetime(2026, 11, 20, 9), "low", "", {"anxiety": 7, "energy": 2}),
        ImportedEntry(3, datetime(2026, 11, 20, 21), None, "Evening", {"irritability": 4}),
        ImportedEntry(4, datetime(2026, 11, 19, 8), "low", "Morning"),
    )
    preview = ImportPreview("emoods", "eMoods backup", "b.emoods", "hash", entries)
    batch_id = store.imports.apply(preview, {"low": 3}, now)
    stored = all_check_ins(store)
    assert [(c.recorded_at, c.ratings, c.note, c.for_clinician) for c in stored] == [
        (datetime(2026, 11, 19, 8), {"mood": 3}, "Morning", False),
        (datetime(2026, 11, 20, 9), {"mood": 3, "anxiety": 7, "energy": 2}, "", False),
        (datetime(2026, 11, 20, 21), {"irritability": 4}, "Evening", False),
    ]
    assert sorted(store.imports.check_in_ids(batch_id)) == sorted(c.id for c in stored)


def test_unplaced_names_or_values_off_the_scale_write_nothing(
    store: DiaryStore, now: datetime
) -> None:
    preview = preview_of(HEADER + ROWS)
    with pytest.raises(ValueError, match="Meh-ish"):
        store.imports.apply(preview, {}, now)
    with pytest.raises(ValueError, match="outside"):
        store.imports.apply(preview, {"meh-ish": 11}, now)
    assert all_check_ins(store) == []
    assert store.imports.batches() == []


def test_the_same_file_twice_adds_nothing_twice(store: DiaryStore, now: datetime) -> None:
    preview = preview_of(HEADER + ROWS)
    store.imports.apply(preview, {"meh-ish": 4}, now)
    with pytest.raises(AlreadyImported, match="already imported on 21 Nov 2026"):
        store.imports.apply(preview, {"meh-ish": 4}, now)
    assert len(all_check_ins(store)) == 3
    assert len(store.imports.batches()) == 1


def test_rows_already_in_the_diary_are_skipped_and_counted(
    store: DiaryStore, now: datetime
) -> None:
    store.imports.apply(preview_of(HEADER + ROWS), {"meh-ish": 4}, now)
    # A newer export of the same history, with one new entry: only that one is added.
    newer = preview_of(HEADER + "2026-11-21,x,x,07:00,rad,,\n" + ROWS)
    batch_id = store.imports.apply(newer, {}, now)  # "Meh-ish" is remembered
    batch = store.imports.batch(batch_id)
    assert (batch.added, batch.skipped) == (1, 3)
    assert len(store.imports.check_in_ids(batch_id)) == 1


def test_a_check_in_typed_by_hand_counts_as_already_there(store: DiaryStore, now: datetime) -> None:
    typed = CheckIn(datetime(2026, 11, 20, 21), {"mood": 0})
    store.save_day(DayEntry(typed.day, typed), now)
    batch_id = store.imports.apply(preview_of(HEADER + ROWS), {"meh-ish": 4}, now)
    assert store.imports.batch(batch_id).skipped == 1
    assert len(all_check_ins(store)) == 3


def test_a_failure_halfway_leaves_nothing(store: DiaryStore, now: datetime) -> None:
    """A row that the diary refuses mid-insert (here a trigger, as a full disk would)
    rolls back the whole import: no check-ins, no record of it, no remembered names."""
    store.save_day(DayEntry(date(2026, 1, 1), CheckIn(datetime(2026, 1, 1, 9), {"mood": 6})), now)
    store._conn.execute(  # the test reaches into the connection on purpose
        "CREATE TEMP TRIGGER refuse_second BEFORE INSERT ON check_ins "
        "WHEN NEW.mood = 0 BEGIN SELECT RAISE(ABORT, 'refused'); END"
    )
    with pytest.raises(sqlite3.IntegrityError):
        store.imports.apply(preview_of(HEADER + ROWS), {"meh-ish": 4}, now)
    assert all_check_ins(store) == []
    assert [c.mood for c in store.day_record(date(2026, 1, 1)).check_ins] == [6]
    assert store.imports.batches() == []
    assert store.imports.remembered_moods("daylio") == {}


def test_undo_removes_exactly_that_import(store: DiaryStore, now: datetime) -> None:
    typed = CheckIn(datetime(2026, 11, 20, 22), {"mood": 3}, "typed by hand")
    store.save_day(DayEntry(typed.day, typed), now)
    first = store.imports.apply(preview_of(HEADER + ROWS), {"meh-ish": 4}, now)
    second = store.imports.apply(preview_of(HEADER + "2026-11-19,x,x,23:00,rad,,\n"), {}, now)
    assert [b.id for b in store.imports.batches()] == [second, first]
    assert store.imports.undo(first) == 3
    assert [(c.mood, c.note) for c in all_check_ins(store)] == [(10, ""), (3, "typed by hand")]
    assert [b.id for b in store.imports.batches()] == [second]
    with pytest.raises(KeyError):
        store.imports.undo(first)
    # Undone, the same file may be imported again.
    store.imports.apply(preview_of(HEADER + ROWS), {}, now)
    assert len(all_check_ins(store)) == 5


def test_an_edited_imported_check_in_stays_with_its_import(
    store: DiaryStore, now: datetime
) -> None:
    batch_id = store.imports.apply(preview_of(HEADER + "2026-11-19,x,x,23:00,rad,,\n"), {}, now)
    (check_in,) = store.day_record(date(2026, 11, 19)).check_ins
    edited = CheckIn(check_in.recorded_at, {"mood": 9}, "edited", id=check_in.id)
    store.save_day(DayEntry(edited.day, edited), now)
    assert store.imports.check_in_ids(batch_id) == [check_in.id]
    store.imports.undo(batch_id)
    assert store.day_record(date(2026, 11, 19)).check_ins == []


def test_chosen_mood_names_are_remembered_per_format_across_sessions(
    tmp_path: object, now: datetime
) -> None:
    from pathlib import Path

    path = Path(str(tmp_path)) / "d.sqlite"
    store = DiaryStore(open_database(path, now))
    store.imports.apply(preview_of(HEADER + ROWS), {"Meh-ish": 4, "good": 7}, now)
    store.close()
    store = DiaryStore(open_database(path, now))
    assert store.imports.remembered_moods("daylio") == {"meh-ish": 4, "good": 7}
    assert store.imports.remembered_moods("bearable") == {}
    store.close()
