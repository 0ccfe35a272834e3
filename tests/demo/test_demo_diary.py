"""Tests for moodlog/demo/demo_diary.py: a seeded, realistic and valid demo history."""

import statistics
import time
from collections import defaultdict
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from functools import cache
from itertools import pairwise
from pathlib import Path

import pytest

from moodlog.demo.demo_diary import generate_demo_days
from moodlog.domain.check_in import CheckIn, validate_check_in
from moodlog.domain.day_entry import DayEntry
from moodlog.domain.side_effects import SideEffect
from moodlog.domain.sleep import SleepMode, SleepRecord, measure_sleep
from moodlog.domain.trackers import Tracker, validate_tracker_value
from moodlog.storage.database import open_database
from moodlog.storage.diary_store import DiaryStore

TODAY = date(2026, 11, 21)
NOW = datetime(2026, 11, 21, 9, 30)
SEEDS = (1, 7, 42)


@cache
def diary_lists() -> tuple[tuple[SideEffect, ...], tuple[Tracker, ...]]:
    store = DiaryStore(open_database(None))
    try:
        return tuple(store.side_effects()), tuple(store.trackers())
    finally:
        store.close()


@cache
def demo(years: float, seed: int) -> tuple[DayEntry, ...]:
    effects, trackers = diary_lists()
    return tuple(generate_demo_days(TODAY, years, seed, list(effects), list(trackers)))


def by_day(entries: tuple[DayEntry, ...]) -> dict[date, list[DayEntry]]:
    days: dict[date, list[DayEntry]] = defaultdict(list)
    for entry in entries:
        days[entry.day].append(entry)
    return days


def check_ins(entries: tuple[DayEntry, ...]) -> Iterator[CheckIn]:
    return (e.check_in for e in entries if e.check_in is not None)


def daily_mood(entries: tuple[DayEntry, ...]) -> dict[date, float]:
    moods: dict[date, list[int]] = defaultdict(list)
    for c in check_ins(entries):
        moods[c.day].append(c.ratings["mood"])
    return {day: statistics.mean(values) for day, values in moods.items()}


def sleep_hours(record: SleepRecord) -> float:
    if record.mode is SleepMode.MINIMAL:
        assert record.hours_slept is not None
        return record.hours_slept
    total = measure_sleep(record, TODAY).total_sleep_minutes
    assert total is not None
    return total / 60


def test_same_seed_same_diary_and_another_seed_another() -> None:
    effects, trackers = diary_lists()
    first = list(generate_demo_days(TODAY, 1, 7, list(effects), list(trackers)))
    again = list(generate_demo_days(TODAY, 1, 7, list(effects), list(trackers)))
    other = list(generate_demo_days(TODAY, 1, 8, list(effects), list(trackers)))
    assert first == again
    assert first != other


@pytest.mark.parametrize("seed", SEEDS)
def test_covers_the_span_ending_today_in_order(seed: int) -> None:
    entries = demo(2, seed)
    start = TODAY - timedelta(days=round(2 * 365.25) - 1)
    days = [e.day for e in entries]
    assert days == sorted(days)
    assert min(days) <= start + timedelta(days=7)
    assert min(days) >= start
    assert max(days) == TODAY
    # Today holds last night only; its check-in is left for the person.
    assert [(e.check_in, e.sleep is not None) for e in entries if e.day == TODAY] == [(None, True)]


@pytest.mark.parametrize("seed", SEEDS)
def test_logged_days_are_between_80_and_90_percent(seed: int) -> None:
    span = round(10 * 365.25)
    fraction = len(by_day(demo(10, seed))) / span
    assert 0.80 <= fraction <= 0.90


@pytest.mark.parametrize("seed", SEEDS)
def test_missed_days_cluster_and_fall_in_bad_stretches(seed: int) -> None:
    entries = demo(10, seed)
    moods = daily_mood(entries)
    start = TODAY - timedelta(days=round(10 * 365.25) - 1)
    logged = [start + timedelta(days=i) in moods for i in range((TODAY - start).days)]
    after_missed = [now for before, now in pairwise(logged) if not before]
    after_logged = [now for before, now in pairwise(logged) if before]
    assert after_missed.count(False) / len(after_missed) > 2 * (
        after_logged.count(False) / len(after_logged)
    )
    near_gaps = [
        mood
        for day, mood in moods.items()
        if day - timedelta(days=1) not in moods or day + timedelta(days=1) not in moods
    ]
    assert statistics.mean(near_gaps) < statistics.mean(moods.values()) - 0.3


@pytest.mark.parametrize("seed", SEEDS)
def test_every_day_is_valid(seed: int) -> None:
    effects, trackers = diary_lists()
    tracked = {e.id for e in effects if e.is_tracked}
    trackers_by_id = {t.id: t for t in trackers}
    for entry in demo(10, seed):
        if entry.check_in is not None:
            assert validate_check_in(entry.check_in, TODAY) is entry.check_in
            assert entry.check_in.day == entry.day
            assert entry.check_in.id is None
        if entry.sleep is not None:
            assert entry.sleep.night_of == entry.day
            measure_sleep(entry.sleep, TODAY)  # raises InvalidEntry if not
        assert set(entry.side_effects) <= tracked
        for tracker_id, value in entry.trackers.items():
            assert value is not None
            assert trackers_by_id[tracker_id].is_builtin
            validate_tracker_value(trackers_by_id[tracker_id], value)


def test_nights_cross_midnight_in_both_modes() -> None:
    nights = [e.sleep for e in demo(10, 7) if e.sleep is not None]
    full = [n for n in nights if n.mode is SleepMode.FULL]
    minimal = [n for n in nights if n.mode is SleepMode.MINIMAL]
    assert 0.05 < len(minimal) / len(nights) < 0.4
    assert all(
        n.into_bed and n.final_awakening and n.into_bed > n.final_awakening
        for n in full
        if n.into_bed and n.into_bed.hour >= 18
    )
    after_midnight = [n for n in full if n.into_bed and n.into_bed.hour < 6]
    assert 0.02 < len(after_midnight) / len(full) < 0.5
    assert any(n.awakenings and n.minutes_awake for n in full)
    assert any(n.naps and n.nap_minutes for n in nights)


def test_each_entry_of_a_day_carries_the_whole_day() -> None:
    days = by_day(demo(10, 7))
    counts = [len(entries) for entries in days.values()]
    assert set(counts) == {1, 2, 3}
    assert counts.count(1) / len(counts) > 0.6
    for entries in days.values():
        first = entries[0]
        assert all(
            (e.sleep, e.side_effects, e.trackers)
            == (first.sleep, first.side_effects, first.trackers)
            for e in entries
        )
        times = [e.check_in.recorded_at for e in entries if e.check_in is not None]
        assert times == sorted(times)
        assert len(set(times)) == len(times)


def test_side_effects_and_trackers_are_rated_on_some_days() -> None:
    days = by_day(demo(10, 7))
    rated = [d for d, entries in days.items() if entries[-1].side_effects]
    tracked = [d for d, entries in days.items() if entries[-1].trackers]
    assert 0.3 < len(rated) / len(days) < 0.9
    assert 0.5 < len(tracked) / len(days) < 0.95
    effect_ids = {i for entries in days.values() for i in entries[-1].side_effects}
    assert 2 <= len(effect_ids) <= 4
    tracker_ids = {i for entries in days.values() for i in entries[-1].trackers}
    assert tracker_ids == {t.id for t in diary_lists()[1] if t.is_builtin}


def test_notes_are_occasional_and_some_are_for_the_clinician() -> None:
    all_check_ins = list(check_ins(demo(10, 7)))
    noted = [c for c in all_check_ins if c.note]
    flagged = [c for c in noted if c.for_clinician]
    assert 0.05 < len(noted) / len(all_check_ins) < 0.25
    assert 0.05 < len(flagged) / len(noted) < 0.5
    assert all(c.note for c in all_check_ins if c.for_clinician)
    with_irritability = [c for c in all_check_ins if "irritability" in c.ratings]
    assert 0.05 < len(with_irritability) / len(all_check_ins) < 0.5


@pytest.mark.parametrize("seed", SEEDS)
def test_mood_has_sane_level_and_both_bad_and_good_stretches(seed: int) -> None:
    moods = daily_mood(demo(2, seed))
    assert 3 < statistics.mean(moods.values()) < 7
    four_weeks = []
    for start in moods:
        window = [m for d, m in moods.items() if start <= d < start + timedelta(days=28)]
        if len(window) >= 14:
            four_weeks.append(statistics.mean(window))
    assert min(four_weeks) < 3.5  # a depressive dip
    assert max(four_weeks) > 6.0  # a better spell


def test_weekends_are_a_little_better() -> None:
    moods = daily_mood(demo(10, 7))
    weekend = [m for d, m in moods.items() if d.weekday() >= 5]
    weekday = [m for d, m in moods.items() if d.weekday() < 5]
    assert 0.1 < statistics.mean(weekend) - statistics.mean(weekday) < 1.0


@pytest.mark.parametrize(
    ("scale", "sign"),
    [("anxiety", -1), ("hopelessness", -1), ("energy", 1), ("interest", 1), ("concentration", 1)],
)
def test_ratings_move_sensibly_with_mood(scale: str, sign: int) -> None:
    pairs = [
        (c.ratings["mood"], c.ratings[scale]) for c in check_ins(demo(10, 7)) if scale in c.ratings
    ]
    correlation = statistics.correlation([m for m, _ in pairs], [v for _, v in pairs])
    assert sign * correlation > 0.3


def test_sleep_follows_mood() -> None:
    entries = demo(10, 7)
    moods = daily_mood(entries)
    nights = {e.day: e.sleep for e in entries if e.sleep is not None}
    days = [d for d in moods if d in nights]
    hours = [sleep_hours(nights[d]) for d in days]
    assert statistics.correlation([moods[d] for d in days], hours) > 0.2
    full = [d for d in days if nights[d].mode is SleepMode.FULL]
    low = [nights[d] for d in full if moods[d] <= 3]
    good = [nights[d] for d in full if moods[d] >= 6]
    for measure in ("minutes_to_fall_asleep", "awakenings", "minutes_awake"):
        assert statistics.mean(getattr(n, measure) for n in low) > statistics.mean(
            getattr(n, measure) for n in good
        ), measure


def test_works_without_side_effects_or_trackers() -> None:
    entries = list(generate_demo_days(TODAY, 0.25, 3, [], []))
    assert entries
    assert all(not e.side_effects and not e.trackers for e in entries)


@pytest.mark.parametrize("years", [0, -1])
def test_years_must_be_positive(years: float) -> None:
    with pytest.raises(ValueError, match="years must be positive"):
        next(generate_demo_days(TODAY, years, 7, [], []))


def test_ten_years_save_quickly_and_read_back(tmp_path: Path) -> None:
    store = DiaryStore(open_database(tmp_path / "demo.sqlite", NOW))
    try:
        started = time.perf_counter()
        entries = list(generate_demo_days(TODAY, 10, 7, store.side_effects(), store.trackers()))
        saved = store.save_days(entries, NOW)
        elapsed = time.perf_counter() - started
        assert saved == len(entries)
        assert elapsed < 5.0
        busiest = max(by_day(tuple(entries)).items(), key=lambda item: len(item[1]))
        day, day_entries = busiest
        record = store.day_record(day)
        assert len(record.check_ins) == len(day_entries) == 3
        assert record.sleep == day_entries[-1].sleep
        assert record.side_effects == day_entries[-1].side_effects
        assert record.trackers == day_entries[-1].trackers
        summaries = store.day_summaries(TODAY - timedelta(days=4000), TODAY)
        assert len(summaries) == len(by_day(tuple(entries)))
    finally:
        store.close()
