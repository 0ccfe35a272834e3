"""Whole-month arithmetic."""

from datetime import date

from moodlog.domain.calendar_months import add_months, month_end


def test_add_months_keeps_the_day_or_clamps_it_to_the_months_end() -> None:
    assert add_months(date(2026, 1, 15), 1) == date(2026, 2, 15)
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert add_months(date(2026, 3, 1), -3) == date(2025, 12, 1)
    assert add_months(date(2026, 11, 21), 14) == date(2028, 1, 21)


def test_month_end() -> None:
    assert month_end(date(2026, 2, 3)) == date(2026, 2, 28)
    assert month_end(date(2024, 2, 3)) == date(2024, 2, 29)
    assert month_end(date(2026, 12, 31)) == date(2026, 12, 31)
