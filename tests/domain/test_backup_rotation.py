"""Tests for moodlog/domain/backup_rotation.py."""

from datetime import datetime, timedelta
from random import Random

import pytest

from moodlog.domain.backup_rotation import (
    RotationPolicy,
    backups_to_delete,
    backups_to_keep,
)

NOW = datetime(2026, 11, 21, 9, 30)  # a Saturday


def hourly(start: datetime, hours: int) -> list[datetime]:
    return [start + timedelta(hours=h) for h in range(hours)]


def test_nothing_to_keep_from_nothing() -> None:
    assert backups_to_keep([], NOW) == set()
    assert backups_to_delete([], NOW) == set()


def test_a_few_backups_are_all_kept() -> None:
    stamps = [NOW - timedelta(minutes=m) for m in (1, 5, 30)]
    assert backups_to_keep(stamps, NOW) == set(stamps)


def test_the_newest_few_stay_even_on_the_same_day() -> None:
    today = hourly(datetime(2026, 11, 21, 0, 0), 9)  # 00:00 .. 08:00
    kept = backups_to_keep(today, NOW)
    assert kept == set(today[-3:])  # the newest three; the day's newest is among them


def test_one_a_day_for_the_last_seven_days() -> None:
    # Four backups a day (start-ups) for ten days.
    stamps = [
        datetime(2026, 11, 12 + d, h, 0) for d in range(10) for h in (8, 12, 18, 22) if d < 9
    ] + [datetime(2026, 11, 21, 8, 0)]
    kept = backups_to_keep(stamps, NOW, RotationPolicy(newest=1, days=7, weeks=0, months=0))
    assert sorted(kept) == [
        datetime(2026, 11, 15, 22, 0),
        datetime(2026, 11, 16, 22, 0),
        datetime(2026, 11, 17, 22, 0),
        datetime(2026, 11, 18, 22, 0),
        datetime(2026, 11, 19, 22, 0),
        datetime(2026, 11, 20, 22, 0),
        datetime(2026, 11, 21, 8, 0),
    ]


def test_one_a_week_keeps_the_newest_of_each_iso_week() -> None:
    # One backup a day for 12 weeks, ending today (Saturday).
    stamps = [NOW - timedelta(days=d) for d in range(84)]
    policy = RotationPolicy(newest=0, days=0, weeks=8, months=0)
    kept = sorted(backups_to_keep(stamps, NOW, policy))
    assert len(kept) == 8
    assert kept[-1] == NOW  # this week's newest
    # Every older kept backup is a Sunday: the last day of its ISO week.
    assert all(stamp.isoweekday() == 7 for stamp in kept[:-1])
    assert len({stamp.isocalendar()[:2] for stamp in kept}) == 8


def test_one_a_month_for_twelve_months() -> None:
    stamps = [NOW - timedelta(days=d) for d in range(0, 800, 3)]
    policy = RotationPolicy(newest=0, days=0, weeks=0, months=12)
    kept = sorted(backups_to_keep(stamps, NOW, policy))
    months = [(s.year, s.month) for s in kept]
    assert months == sorted(set(months))  # one each
    assert len(months) == 12
    assert months[0] == (2025, 12)
    assert months[-1] == (2026, 11)
    for stamp in kept:  # the newest of its month
        same_month = [s for s in stamps if (s.year, s.month) == (stamp.year, stamp.month)]
        assert stamp == max(same_month)


def test_the_default_policy_over_two_years_of_daily_use() -> None:
    # Three start-ups a day for two years, plus the daily backups while running.
    stamps = [
        NOW.replace(hour=0) - timedelta(days=d) + timedelta(hours=h)
        for d in range(730)
        for h in (7, 13, 21)
    ]
    stamps = [s for s in stamps if s <= NOW]
    kept = backups_to_keep(stamps, NOW)
    # At most 3 + 7 + 8 + 12, and in practice fewer (the periods overlap).
    assert len(kept) <= 30
    assert max(stamps) in kept
    newest_three = sorted(stamps)[-3:]
    assert set(newest_three) <= kept
    days = {s.date() for s in kept if NOW - s < timedelta(days=7)}
    assert len(days) == 7  # something from each of the last seven days
    oldest = min(kept)
    assert NOW - oldest > timedelta(days=300)  # reaches back most of a year
    assert NOW - oldest < timedelta(days=366)
    assert backups_to_delete(stamps, NOW) == set(stamps) - kept


def test_a_long_break_does_not_empty_the_folder() -> None:
    """Periods are counted among the backups that exist, not back from today."""
    old = [datetime(2024, 3, d, 20, 0) for d in range(1, 29)]
    kept = backups_to_keep(old, NOW)
    # The last seven days that have backups are kept, and the newest of the month.
    assert {s.day for s in kept} >= set(range(22, 29))
    assert backups_to_keep([*old, NOW], NOW) >= {datetime(2024, 3, 28, 20, 0), NOW}


def test_backups_stamped_in_the_future_are_kept_and_do_not_count() -> None:
    future = [NOW + timedelta(days=30), NOW + timedelta(days=400)]
    past = [NOW - timedelta(hours=h) for h in range(1, 10)]
    policy = RotationPolicy(newest=1, days=0, weeks=0, months=0)
    kept = backups_to_keep([*future, *past], NOW, policy)
    assert kept == {*future, past[0]}


def test_duplicates_are_one_backup() -> None:
    stamp = NOW - timedelta(hours=1)
    assert backups_to_keep([stamp, stamp], NOW) == {stamp}


def test_it_accepts_any_iterable_once() -> None:
    stamps = [NOW - timedelta(days=d) for d in range(40)]
    assert backups_to_keep(iter(stamps), NOW) == backups_to_keep(stamps, NOW)


@pytest.mark.parametrize("seed", range(25))
def test_random_histories_keep_the_promises(seed: int) -> None:
    rng = Random(seed)
    stamps = {
        NOW - timedelta(minutes=rng.randrange(0, 60 * 24 * 900))
        for _ in range(rng.randrange(1, 300))
    }
    kept = backups_to_keep(stamps, NOW)
    deleted = backups_to_delete(stamps, NOW)
    assert kept | deleted == stamps
    assert not kept & deleted
    ordered = sorted(stamps, reverse=True)
    assert set(ordered[:3]) <= kept
    # The newest of each of the 7 most recent days that have backups is kept.
    seen_days: list[object] = []
    for stamp in ordered:
        if stamp.date() not in seen_days:
            seen_days.append(stamp.date())
            if len(seen_days) <= 7:
                assert stamp in kept
    # Nothing kept is older than the 12th most recent month with backups.
    months = sorted({(s.year, s.month) for s in stamps}, reverse=True)[:12]
    assert all((s.year, s.month) >= months[-1] for s in kept)
    # Pruning again changes nothing.
    assert backups_to_keep(kept, NOW) == kept
