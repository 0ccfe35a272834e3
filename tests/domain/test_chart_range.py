"""The Charts view's spans: presets ending today, zooming and moving."""

from datetime import date

import pytest

from moodlog.domain.chart_range import (
    MIN_SPAN_DAYS,
    ChartRange,
    DaySpan,
    clamped,
    shifted,
    span_for,
    zoomed,
)

TODAY = date(2026, 11, 21)


@pytest.mark.parametrize(
    ("choice", "start"),
    [
        (ChartRange.FOUR_WEEKS, date(2026, 10, 25)),  # 28 days including today
        (ChartRange.THREE_MONTHS, date(2026, 8, 22)),
        (ChartRange.SIX_MONTHS, date(2026, 5, 22)),
        (ChartRange.ONE_YEAR, date(2025, 11, 22)),
        (ChartRange.CUSTOM, date(2026, 10, 25)),
    ],
)
def test_presets_end_today(choice: ChartRange, start: date) -> None:
    assert span_for(choice, TODAY, date(2020, 1, 1)) == DaySpan(start, TODAY)


def test_month_spans_from_the_end_of_a_long_month() -> None:
    assert span_for(ChartRange.THREE_MONTHS, date(2026, 5, 31), None).start == date(2026, 3, 1)


def test_all_starts_on_the_first_day_but_never_shows_less_than_four_weeks() -> None:
    assert span_for(ChartRange.ALL, TODAY, date(2019, 3, 4)).start == date(2019, 3, 4)
    assert span_for(ChartRange.ALL, TODAY, date(2026, 11, 20)).start == date(2026, 10, 25)
    assert span_for(ChartRange.ALL, TODAY, None).start == date(2026, 10, 25)


def test_zoom_keeps_the_day_pointed_at_in_place() -> None:
    span = DaySpan(date(2026, 1, 1), date(2026, 1, 31))  # 31 days
    smaller = zoomed(span, 0.5, date(2026, 1, 1))
    assert smaller == DaySpan(date(2026, 1, 1), date(2026, 1, 16))
    larger = zoomed(span, 2, date(2026, 1, 31))
    assert larger.end == date(2026, 1, 31)
    assert larger.days == 62
    middle = zoomed(span, 0.5)
    assert middle.days == 16
    assert middle.start < date(2026, 1, 16) < middle.end


def test_zoom_stops_at_a_week() -> None:
    span = DaySpan(date(2026, 1, 1), date(2026, 1, 8))
    assert zoomed(span, 0.1).days == MIN_SPAN_DAYS


def test_shift_and_text() -> None:
    span = shifted(DaySpan(date(2026, 1, 1), date(2026, 1, 31)), -31)
    assert span == DaySpan(date(2025, 12, 1), date(2025, 12, 31))
    assert span.text == "1 Dec 2025 – 31 Dec 2025"
    assert ChartRange.ONE_YEAR.label == "1 year"


def test_clamped_never_passes_today_nor_the_first_day() -> None:
    first, last = date(2026, 1, 1), date(2026, 3, 31)
    assert clamped(DaySpan(date(2026, 3, 20), date(2026, 4, 9)), first, last) == DaySpan(
        date(2026, 3, 11), last
    )
    assert clamped(DaySpan(date(2025, 12, 1), date(2025, 12, 31)), first, last) == DaySpan(
        first, date(2026, 1, 31)
    )
    assert clamped(DaySpan(date(2025, 1, 1), date(2027, 1, 1)), first, last) == DaySpan(first, last)
