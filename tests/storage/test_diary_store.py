"""Tests for moodlog/storage/diary_store.py: every write round-trips, undo restores."""

import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime, time
from pathlib import Path

import pytest

from moodlog.domain.check_in import CheckIn
from moodlog.domain.day_entry import DayEntry, DayRecord
from moodlog.domain.side_effects import DEFAULT_SIDE_EFFECTS, Severity
from moodlog.domain.sleep import SleepMode, SleepQuality, SleepRecord
from moodlog.domain.trackers import BUILTIN_TRACKERS, TrackerKind
from moodlog.storage.database import open_database
from moodlog.storage.diary_store import DiaryStore, Draft
from moodlog.storage.errors import DiaryUnavailable
from tests.sample_nights import SAMPLE_NIGHT

DAY = date(2026, 11, 20)
OTHER_DAY = date(2026, 11, 19)
NOW = datetime(2026, 11, 21, 9, 30)

FULL_NIGHT = replace(
    SAMPLE_NIGHT,
    night_of=DAY,
    quality=SleepQuality.POOR,
    naps=1,
    nap_minutes=40,
    comment="Neighbours were loud.",
)
MINIMAL_NIGHT = SleepRecord(
    night_of=DAY, mode=SleepMode.MINIMAL, quality=SleepQuality.GOOD, hours_slept=7.5
)


def at(hour: int, minute: int = 0, day: date = DAY) -> datetime:
    return datetime.combine(day, time(hour, minute))


def check_in(hour: int, mood: int, note: str = "", day: date = DAY, **others: int) -> CheckIn:
    return CheckIn(at(hour, day=day), {"mood": mood, **others}, note)


@pytest.fixture
def file_store(tmp_path: Path) -> Iterator[DiaryStore]:
    diary = DiaryStore(open_database(tmp_path / "diary.sqlite", NOW))
    yield diary
    diary.close()


@pytest.fixture(params=["memory", "file"])
def any_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[DiaryStore]:
    path = tmp_path / "diary.sqlite" if request.param == "file" else None
    diary = DiaryStore(open_database(path, NOW))
    yield diary
    diary.close()


def ids(store: DiaryStore) -> tuple[int, int, int, int]:
    """Two side-effect ids and two tracker ids from the seeded lists."""
    effects, trackers = store.side_effects(), store.trackers()
    return effects[0].id, effects[1].id, trackers[0].id, trackers[3].id


# -- saving a day ---------------------------------------------------------------------


@pytest.mark.parametrize("night", [FULL_NIGHT, MINIMAL_NIGHT], ids=["full", "minimal"])
def test_save_day_round_trip(any_store: DiaryStore, night: SleepRecord) -> None:
    dry_mouth, drowsiness, exercise, social = ids(any_store)
    written = CheckIn(
        at(8, 15),
        {
            "mood": 3,
            "anxiety": 7,
            "energy": 2,
            "interest": 1,
            "concentration": 4,
            "irritability": 6,
            "hopelessness": 8,
        },
        "Ask about the morning grogginess.",
        for_clinician=True,
    )
    entry = DayEntry(
        DAY,
        written,
        night,
        {dry_mouth: Severity.MODERATE, drowsiness: Severity.NONE},
        {exercise: 25.5, social: 0.0},
    )

    saved = any_store.save_day(entry, NOW)

    assert saved is not None
    assert saved.id is not None
    assert saved == written.with_id(saved.id)
    assert any_store.day_record(DAY) == DayRecord(
        day=DAY,
        check_ins=[saved],
        sleep=night,
        side_effects={dry_mouth: Severity.MODERATE, drowsiness: Severity.NONE},
        trackers={exercise: 25.5, social: 0.0},
    )
    assert any_store.day_record(OTHER_DAY).is_empty


def test_save_day_without_a_check_in(store: DiaryStore) -> None:
    assert store.save_day(DayEntry(DAY, sleep=MINIMAL_NIGHT), NOW) is None
    record = store.day_record(DAY)
    assert record.check_ins == []
    assert record.sleep == MINIMAL_NIGHT


def test_none_clears_a_rating_and_untouched_items_keep_theirs(store: DiaryStore) -> None:
    dry_mouth, drowsiness, exercise, social = ids(store)
    store.save_day(
        DayEntry(
            DAY,
            sleep=FULL_NIGHT,
            side_effects={dry_mouth: Severity.MILD, drowsiness: Severity.SEVERE},
            trackers={exercise: 30.0, social: 6.0},
        ),
        NOW,
    )
    store.save_day(
        DayEntry(
            DAY,
            sleep=FULL_NIGHT,
            side_effects={dry_mouth: None},
            trackers={exercise: None, social: 7.0},
        ),
        NOW,
    )
    record = store.day_record(DAY)
    assert record.side_effects == {drowsiness: Severity.SEVERE}
    assert record.trackers == {social: 7.0}


def test_sleep_left_blank_clears_the_night(store: DiaryStore) -> None:
    store.save_day(DayEntry(DAY, check_in(9, 5), FULL_NIGHT), NOW)
    store.save_day(DayEntry(DAY, sleep=MINIMAL_NIGHT), NOW)
    assert store.day_record(DAY).sleep == MINIMAL_NIGHT
    store.save_day(DayEntry(DAY, sleep=None), NOW)
    assert store.day_record(DAY).sleep is None
    assert len(store.day_record(DAY).check_ins) == 1


def test_editing_a_check_in_updates_it_in_place(store: DiaryStore) -> None:
    first = store.save_day(DayEntry(DAY, check_in(9, 3, "rough start")), NOW)
    assert first is not None
    edited = CheckIn(at(9, 5), {"mood": 4, "anxiety": 2}, "", for_clinician=False, id=first.id)

    assert store.save_day(DayEntry(DAY, edited), NOW) == edited

    assert store.day_record(DAY).check_ins == [edited]


def test_several_check_ins_a_day_come_back_in_time_order(store: DiaryStore) -> None:
    evening = store.save_day(DayEntry(DAY, check_in(21, 6)), NOW)
    morning = store.save_day(DayEntry(DAY, check_in(8, 3)), NOW)
    afternoon = store.save_day(DayEntry(DAY, check_in(15, 4)), NOW)
    assert store.day_record(DAY).check_ins == [morning, afternoon, evening]
    assert len({c.id for c in store.day_record(DAY).check_ins if c is not None}) == 3


def test_save_days_writes_all_or_nothing(store: DiaryStore) -> None:
    good = DayEntry(OTHER_DAY, check_in(9, 5, day=OTHER_DAY))
    assert store.save_days([good, DayEntry(DAY, check_in(9, 6))], NOW) == 2
    broken = DayEntry(DAY, check_in(20, 7), trackers={9999: 1.0})  # no such tracker
    earlier = date(2026, 11, 18)
    with pytest.raises(sqlite3.IntegrityError):
        store.save_days([DayEntry(earlier, check_in(9, 4, day=earlier)), broken], NOW)
    assert store.day_record(earlier).is_empty
    assert len(store.day_record(DAY).check_ins) == 1


# -- deleting and undo ------------------------------------------------------------------


def test_delete_check_in_then_restore(store: DiaryStore) -> None:
    exercise = store.trackers()[0].id
    kept = store.save_day(DayEntry(DAY, check_in(8, 3), FULL_NIGHT, {}, {exercise: 20.0}), NOW)
    evening = DayEntry(DAY, check_in(20, 6, "better evening"), FULL_NIGHT)
    removed = store.save_day(evening, NOW)
    assert kept is not None
    assert removed is not None
    assert removed.id is not None

    assert store.delete_check_in(removed.id) == removed
    assert store.day_record(DAY).check_ins == [kept]

    store.restore_day(DayRecord(DAY, [removed], None, {}, {}), NOW)
    record = store.day_record(DAY)
    assert record.check_ins == [kept, removed]
    assert record.sleep == FULL_NIGHT
    assert record.trackers == {exercise: 20.0}


def test_delete_unknown_check_in(store: DiaryStore) -> None:
    with pytest.raises(KeyError):
        store.delete_check_in(12345)


def test_delete_day_then_restore_gives_the_same_day(any_store: DiaryStore) -> None:
    dry_mouth, drowsiness, exercise, social = ids(any_store)
    any_store.save_day(
        DayEntry(
            DAY,
            CheckIn(at(8), {"mood": 2, "hopelessness": 7}, "heavy", for_clinician=True),
            FULL_NIGHT,
            {dry_mouth: Severity.SEVERE, drowsiness: Severity.MILD},
            {exercise: 0.0, social: 2.0},
        ),
        NOW,
    )
    any_store.save_day(DayEntry(DAY, check_in(19, 4), FULL_NIGHT), NOW)
    any_store.save_day(DayEntry(OTHER_DAY, check_in(9, 5, day=OTHER_DAY)), NOW)
    any_store.save_draft(DAY, '{"mood": 3}', NOW)
    before = any_store.day_record(DAY)
    neighbour = any_store.day_record(OTHER_DAY)

    assert any_store.delete_day(DAY) == before
    assert any_store.day_record(DAY).is_empty
    assert any_store.draft_for(DAY) is None
    assert any_store.day_record(OTHER_DAY) == neighbour

    any_store.restore_day(before, NOW)
    assert any_store.day_record(DAY) == before


# -- drafts ---------------------------------------------------------------------------


def test_drafts_save_read_replace_discard(store: DiaryStore) -> None:
    assert store.draft_for(DAY) is None
    store.save_draft(DAY, '{"mood": 4}', NOW)
    later = datetime(2026, 11, 21, 9, 45)
    store.save_draft(DAY, '{"mood": 5}', later)
    store.save_draft(OTHER_DAY, "{}", NOW)
    assert store.draft_for(DAY) == Draft(DAY, '{"mood": 5}', later)
    store.discard_draft(DAY)
    assert store.draft_for(DAY) is None
    assert store.draft_for(OTHER_DAY) == Draft(OTHER_DAY, "{}", NOW)


def test_saving_a_day_removes_only_that_days_draft(store: DiaryStore) -> None:
    store.save_draft(DAY, '{"mood": 4}', NOW)
    store.save_draft(OTHER_DAY, '{"mood": 6}', NOW)
    store.save_day(DayEntry(DAY, check_in(9, 4)), NOW)
    assert store.draft_for(DAY) is None
    assert store.draft_for(OTHER_DAY) is not None


# -- history --------------------------------------------------------------------------


def test_day_summaries_aggregate_each_day(store: DiaryStore) -> None:
    dry_mouth, drowsiness, exercise, _ = ids(store)
    store.save_day(
        DayEntry(
            DAY,
            check_in(8, 2, anxiety=8, energy=1),
            FULL_NIGHT,
            {dry_mouth: Severity.MILD, drowsiness: Severity.MODERATE},
        ),
        NOW,
    )
    store.save_day(DayEntry(DAY, check_in(14, 5, "walked", anxiety=6), FULL_NIGHT), NOW)
    store.save_day(DayEntry(DAY, check_in(21, 7, energy=4), FULL_NIGHT), NOW)
    flagged = CheckIn(at(9, day=OTHER_DAY), {"mood": 4}, "ask about dose", for_clinician=True)
    six_hours = SleepRecord(OTHER_DAY, SleepMode.MINIMAL, hours_slept=6.0)
    store.save_day(DayEntry(OTHER_DAY, flagged, six_hours), NOW)
    # A flag without a note is no note for the clinician.
    flag_only = date(2026, 11, 18)
    store.save_day(
        DayEntry(flag_only, CheckIn(at(9, day=flag_only), {"mood": 6}, for_clinician=True)), NOW
    )
    store.save_day(DayEntry(date(2026, 11, 17), trackers={exercise: 30.0}), NOW)
    outside = date(2026, 11, 16)
    store.save_day(DayEntry(outside, check_in(9, 5, day=outside)), NOW)

    summaries = store.day_summaries(date(2026, 11, 17), DAY)

    assert [s.day for s in summaries] == [DAY, OTHER_DAY, date(2026, 11, 18), date(2026, 11, 17)]
    day, other, flag_only, trackers_only = summaries
    assert (day.check_in_count, day.mood_min, day.mood_max) == (3, 2, 7)
    assert day.mood_mean == pytest.approx(14 / 3)
    assert day.anxiety_mean == pytest.approx(7.0)
    assert day.energy_mean == pytest.approx(2.5)
    assert day.sleep_hours == pytest.approx(400 / 60)  # TST of FULL_NIGHT: 400 min
    assert day.worst_side_effect is Severity.MODERATE
    assert (day.has_note, day.has_clinician_note) == (True, False)
    assert other.sleep_hours == 6.0
    assert other.worst_side_effect is None
    assert (other.has_note, other.has_clinician_note) == (True, True)
    assert (flag_only.has_note, flag_only.has_clinician_note) == (False, False)
    assert trackers_only.check_in_count == 0
    assert trackers_only.mood_mean is None
    assert trackers_only.sleep_hours is None


def test_first_day(store: DiaryStore) -> None:
    assert store.first_day() is None
    store.save_day(DayEntry(DAY, check_in(9, 5)), NOW)
    assert store.first_day() == DAY
    night = SleepRecord(OTHER_DAY, SleepMode.MINIMAL, hours_slept=5.0)
    store.save_day(DayEntry(OTHER_DAY, sleep=night), NOW)
    assert store.first_day() == OTHER_DAY


# -- checklists -------------------------------------------------------------------------


def test_seeded_lists(store: DiaryStore) -> None:
    effects = store.side_effects()
    assert [e.name for e in effects] == list(DEFAULT_SIDE_EFFECTS)
    assert all(e.is_builtin and e.is_tracked for e in effects)
    trackers = store.trackers()
    assert [(t.name, t.kind, t.unit) for t in trackers] == [
        (t.name, t.kind, t.unit) for t in BUILTIN_TRACKERS
    ]
    assert all(t.is_builtin and t.is_visible for t in trackers)


def test_add_and_hide_a_side_effect(store: DiaryStore) -> None:
    added = store.add_side_effect("Tinnitus")
    assert store.side_effects()[-1] == added
    assert (added.is_builtin, added.is_tracked) == (False, True)
    store.set_side_effect_tracked(added.id, False)
    assert not store.side_effects()[-1].is_tracked
    store.set_side_effect_tracked(added.id, True)
    assert store.side_effects()[-1].is_tracked


def test_add_and_hide_a_tracker(store: DiaryStore) -> None:
    added = store.add_tracker("Meditated", TrackerKind.YES_NO, "")
    assert store.trackers()[-1] == added
    assert added.kind is TrackerKind.YES_NO
    store.set_tracker_visible(added.id, False)
    assert not store.trackers()[-1].is_visible
    store.save_day(DayEntry(DAY, trackers={added.id: 1.0}), NOW)
    assert store.day_record(DAY).trackers == {added.id: 1.0}


def test_names_are_unique_ignoring_case(store: DiaryStore) -> None:
    with pytest.raises(sqlite3.IntegrityError):
        store.add_side_effect("dry MOUTH")


# -- the environment fails --------------------------------------------------------------


def test_disk_full_keeps_what_was_saved(file_store: DiaryStore) -> None:
    exercise = file_store.trackers()[0].id
    saved = file_store.save_day(
        DayEntry(DAY, check_in(8, 4, "short"), FULL_NIGHT, {}, {exercise: 10.0}), NOW
    )
    file_store.save_draft(DAY, '{"note": "typing..."}', NOW)
    before = file_store.day_record(DAY)
    pages = file_store._conn.execute("PRAGMA page_count").fetchone()[0]
    file_store._conn.execute(f"PRAGMA max_page_count = {pages}")

    big = CheckIn(at(20), {"mood": 6}, "a long evening note " * 1000)
    with pytest.raises(DiaryUnavailable) as caught:
        file_store.save_day(DayEntry(DAY, big, MINIMAL_NIGHT, {}, {exercise: None}), NOW)

    assert "The disk is full" in caught.value.message
    assert "nothing already saved has changed" in caught.value.message
    assert file_store.day_record(DAY) == before
    assert before.check_ins == [saved]
    assert file_store.draft_for(DAY) is not None  # the draft's deletion rolled back too
    assert not file_store._conn.in_transaction


def test_locked_file_says_another_program_is_using_it(tmp_path: Path) -> None:
    path = tmp_path / "diary.sqlite"
    store = DiaryStore(open_database(path, NOW))
    other = sqlite3.connect(path, isolation_level=None)
    try:
        store._conn.execute("PRAGMA busy_timeout = 0")  # fail now rather than in 3 s
        other.execute("BEGIN IMMEDIATE")
        with pytest.raises(DiaryUnavailable, match="Another program is using the diary file"):
            store.save_day(DayEntry(DAY, check_in(9, 5)), NOW)
        other.execute("ROLLBACK")
        assert store.day_record(DAY).is_empty
    finally:
        other.close()
        store.close()
