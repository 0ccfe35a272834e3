"""The shared trend data: the rolling mean's gap rule and counting logged days."""

from datetime import date

import pytest

from moodlog.domain.adherence import Adherence
from moodlog.domain.side_effects import Severity
from moodlog.domain.trend_data import DayRating, NightSleep, TrendData, rolling_mean

START = date(2026, 3, 2)


def test_days_before_start_count_towards_the_first_windows() -> None:
    values = {
        date(2026, 2, 26): 2.0,
        date(2026, 2, 27): 4.0,
        date(2026, 2, 28): 6.0,
        START: 8.0,
    }
    result = rolling_mean(values, START, date(2026, 3, 6))
    # 2 Mar: 26 Feb-2 Mar holds 4 logged days, (2+4+6+8)/4 = 5. 3 and 4 Mar keep all four.
    # 5 Mar: the window starts 27 Feb, so 26 Feb has left: 3 days, too few. 6 Mar: 2 days.
    assert result == {
        START: pytest.approx(5.0),
        date(2026, 3, 3): pytest.approx(5.0),
        date(2026, 3, 4): pytest.approx(5.0),
    }


def test_a_window_with_fewer_than_four_logged_days_has_no_value() -> None:
    values = {START: 3.0, date(2026, 3, 3): 5.0, date(2026, 3, 4): 7.0}
    assert rolling_mean(values, START, date(2026, 3, 12)) == {}
    # One more logged day in the window is enough.
    values[date(2026, 3, 8)] = 9.0
    result = rolling_mean(values, START, date(2026, 3, 12))
    assert result == {date(2026, 3, 8): pytest.approx(6.0)}  # (3+5+7+9)/4; 9 Mar drops 2 Mar


def test_a_lone_day_after_a_gap_has_no_value_and_the_mean_slides() -> None:
    values = {date(2026, 3, day): float(day) for day in range(2, 9)}  # 2..8 Mar: 2..8
    values[date(2026, 3, 30)] = 10.0
    result = rolling_mean(values, START, date(2026, 3, 31))
    assert result[date(2026, 3, 5)] == pytest.approx((2 + 3 + 4 + 5) / 4)
    assert result[date(2026, 3, 8)] == pytest.approx(sum(range(2, 9)) / 7)
    assert result[date(2026, 3, 10)] == pytest.approx((4 + 5 + 6 + 7 + 8) / 5)
    assert result[date(2026, 3, 11)] == pytest.approx((5 + 6 + 7 + 8) / 4)
    assert date(2026, 3, 12) not in result  # 6, 7, 8 only
    assert date(2026, 3, 30) not in result
    assert date(2026, 3, 31) not in result
    assert max(result) == date(2026, 3, 11)
    assert min(result) == date(2026, 3, 5)


def test_window_and_minimum_can_be_chosen() -> None:
    values = {START: 1.0, date(2026, 3, 3): 3.0}
    assert rolling_mean(values, START, date(2026, 3, 4), window=2, min_days=1) == {
        START: pytest.approx(1.0),
        date(2026, 3, 3): pytest.approx(2.0),
        date(2026, 3, 4): pytest.approx(3.0),
    }


def test_logged_between_counts_each_day_with_any_entry_once() -> None:
    data = TrendData(
        start=date(2026, 3, 1),
        end=date(2026, 3, 31),
        ratings={
            "mood": {date(2026, 3, 1): DayRating(5.0, 5, 5, 1)},
            "anxiety": {date(2026, 3, 1): DayRating(3.0, 3, 3, 1)},
        },
        sleep={date(2026, 3, 2): NightSleep(7.0, None, None)},
        side_effect_ratings={1: {date(2026, 3, 3): Severity.NONE}},
        tracker_values={1: {date(2026, 3, 4): 2.0}},
        adherence={1: {date(2026, 3, 5): Adherence.MISSED, date(2026, 3, 9): Adherence.TAKEN}},
        notes=frozenset({date(2026, 3, 6), date(2026, 3, 1)}),
    )
    assert data.logged_between(date(2026, 3, 1), date(2026, 3, 31)) == 7
    # Both ends are included.
    assert data.logged_between(date(2026, 3, 2), date(2026, 3, 5)) == 4
    assert data.logged_between(date(2026, 3, 7), date(2026, 3, 8)) == 0
    assert data.logged_between(date(2026, 3, 9), date(2026, 3, 9)) == 1
    assert data.first_logged_day() == date(2026, 3, 1)
    assert (
        TrendData(date(2026, 3, 1), date(2026, 3, 31)).logged_between(
            date(2026, 3, 1), date(2026, 3, 31)
        )
        == 0
    )
