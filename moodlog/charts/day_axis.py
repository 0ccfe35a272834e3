"""Days on the charts' shared time axis: matplotlib's date numbers (days since its epoch,
1970-01-01). A day's values sit at its middle, so a day is the span [day, day + 1) and a
heat-map cell lines up with the point above it."""

from collections.abc import Callable, Mapping
from datetime import date, timedelta
from typing import TypeVar

import numpy as np
import numpy.typing as npt

_EPOCH = date(1970, 1, 1)

FloatArray = npt.NDArray[np.float64]
V = TypeVar("V")


def day_number(day: date) -> float:
    """Where ``day`` begins on the axis."""
    return float((day - _EPOCH).days)


def day_at(x: float) -> date:
    """The day a point on the axis falls in."""
    return _EPOCH + timedelta(days=int(np.floor(x)))


def day_centres(start: date, end: date) -> FloatArray:
    """The middle of every day from ``start`` to ``end`` (inclusive)."""
    first = day_number(start)
    return np.arange(first, day_number(end) + 1, dtype=np.float64) + 0.5


def daily_values(
    by_day: Mapping[date, V], start: date, end: date, value: Callable[[V], float | None]
) -> FloatArray:
    """One value per day from ``start`` to ``end``; NaN where the day has none, so a line
    breaks at every gap instead of being drawn across it."""
    values = np.full((end - start).days + 1, np.nan)
    for day, item in by_day.items():
        if start <= day <= end:
            number = value(item)
            if number is not None:
                values[(day - start).days] = number
    return values


def daily_numbers(by_day: Mapping[date, float], start: date, end: date) -> FloatArray:
    return daily_values(by_day, start, end, float)
