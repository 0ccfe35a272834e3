"""The treatment timeline's time axis: which days are marked (days, weeks, months or years,
whichever spacing leaves room for every label) and what each mark says."""

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from PySide6.QtCore import QLocale
from PySide6.QtGui import QFontMetrics

Unit = Literal["day", "month", "year"]

_SPACINGS: tuple[tuple[Unit, int], ...] = (
    ("day", 1),
    ("day", 7),
    ("day", 14),
    ("month", 1),
    ("month", 2),
    ("month", 3),
    ("month", 6),
    ("year", 1),
    ("year", 2),
    ("year", 5),
    ("year", 10),
    ("year", 50),
)
_DAYS_IN: dict[Unit, float] = {"day": 1.0, "month": 30.44, "year": 365.25}
_MONTH_TICKS_UP_TO_DAYS = 3 * 365  # longer spans are marked in years


@dataclass(frozen=True, slots=True)
class Tick:
    day: date
    label: str
    year_label: str  # shown on a second row where the year changes ("" for none)


@dataclass(frozen=True, slots=True)
class LabelWidths:
    """How wide each kind of axis label is in the timeline's font and locale, and the gap
    wanted between two labels."""

    day: int
    month: int
    year: int
    gap: int

    @classmethod
    def measure(cls, metrics: QFontMetrics, locale: QLocale) -> "LabelWidths":
        short = QLocale.FormatType.ShortFormat
        month = max(
            metrics.horizontalAdvance(locale.standaloneMonthName(m, short)) for m in range(1, 13)
        )
        return cls(
            day=metrics.horizontalAdvance("28 ") + month,
            month=month,
            year=metrics.horizontalAdvance("2026"),
            gap=2 * metrics.horizontalAdvance("M"),
        )


def axis_ticks(
    start: date, end: date, pixels_per_day: float, widths: LabelWidths, locale: QLocale
) -> list[Tick]:
    """The marks from ``start`` to ``end`` at the closest spacing whose labels fit."""
    unit, step = _spacing((end - start).days, pixels_per_day, widths)
    short = QLocale.FormatType.ShortFormat
    if unit == "day":
        return _with_years(
            _day_starts(start, end, step),
            lambda day: f"{day.day} {locale.standaloneMonthName(day.month, short)}",
        )
    if unit == "month":
        return _with_years(
            (day for day in _month_starts(start, end) if (day.month - 1) % step == 0),
            lambda day: locale.standaloneMonthName(day.month, short),
        )
    return [Tick(day, str(day.year), "") for day in _year_starts(start, end, step)]


def _spacing(span_days: int, pixels_per_day: float, widths: LabelWidths) -> tuple[Unit, int]:
    label_width = {"day": widths.day, "month": widths.month, "year": widths.year}
    # Over a long history, years read better than scattered months.
    choices = [
        (unit, step)
        for unit, step in _SPACINGS
        if unit == "year" or span_days <= _MONTH_TICKS_UP_TO_DAYS
    ]
    for unit, step in choices:
        if _DAYS_IN[unit] * step * pixels_per_day >= label_width[unit] + widths.gap:
            return unit, step
    return choices[-1]


def _with_years(days: Iterable[date], label: Callable[[date], str]) -> list[Tick]:
    """A tick per day, naming its year where the year changes."""
    ticks: list[Tick] = []
    previous_year: int | None = None
    for day in days:
        ticks.append(Tick(day, label(day), str(day.year) if day.year != previous_year else ""))
        previous_year = day.year
    return ticks


def _day_starts(start: date, end: date, step: int) -> Iterator[date]:
    """Every day, or (weeks) every ``step`` days from a Monday, even ones for fortnights."""
    day = start
    if step > 1:
        day = start + timedelta(days=(7 - start.weekday()) % 7)
        if step == 14 and day.toordinal() // 7 % 2:
            day += timedelta(days=7)
    while day <= end:
        yield day
        day += timedelta(days=step)


def _month_starts(start: date, end: date) -> Iterator[date]:
    """The first day of each month from ``start`` (inclusive) to ``end``."""
    year, month = start.year, start.month + (1 if start.day > 1 else 0)
    while True:
        if month > 12:
            year, month = year + 1, month - 12
        day = date(year, month, 1)
        if day > end:
            return
        yield day
        month += 1


def _year_starts(start: date, end: date, step: int) -> Iterator[date]:
    """1 January of each year divisible by ``step`` from ``start`` to ``end``."""
    year = start.year if start == date(start.year, 1, 1) else start.year + 1
    year += (-year) % step
    while year <= end.year:
        yield date(year, 1, 1)
        year += step
