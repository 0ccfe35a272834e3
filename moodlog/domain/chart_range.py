"""The spans the Charts view offers (4 weeks, 3 months, 6 months, 1 year, everything, or a
custom span), ending today."""

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from moodlog.domain.calendar_months import add_months
from moodlog.domain.day_text import day_text
from moodlog.domain.translation import QT_TRANSLATE_NOOP, translate


class ChartRange(StrEnum):
    FOUR_WEEKS = "4w"
    THREE_MONTHS = "3m"
    SIX_MONTHS = "6m"
    ONE_YEAR = "1y"
    ALL = "all"
    CUSTOM = "custom"

    @property
    def label(self) -> str:
        return translate("ChartRange", _LABELS[self])


_LABELS = {
    #: A span of days a chart shows, ending today
    ChartRange.FOUR_WEEKS: QT_TRANSLATE_NOOP("ChartRange", "4 weeks"),
    #: A span of days a chart shows, ending today
    ChartRange.THREE_MONTHS: QT_TRANSLATE_NOOP("ChartRange", "3 months"),
    #: A span of days a chart shows, ending today
    ChartRange.SIX_MONTHS: QT_TRANSLATE_NOOP("ChartRange", "6 months"),
    #: A span of days a chart shows, ending today
    ChartRange.ONE_YEAR: QT_TRANSLATE_NOOP("ChartRange", "1 year"),
    #: A chart span: every day in the diary
    ChartRange.ALL: QT_TRANSLATE_NOOP("ChartRange", "All"),
    #: A chart span the person chose
    ChartRange.CUSTOM: QT_TRANSLATE_NOOP("ChartRange", "Custom"),
}
_MONTHS = {ChartRange.THREE_MONTHS: 3, ChartRange.SIX_MONTHS: 6, ChartRange.ONE_YEAR: 12}
# The shortest span a chart zooms to: a few days still read as a pattern.
MIN_SPAN_DAYS = 7


@dataclass(frozen=True, slots=True)
class DaySpan:
    start: date
    end: date  # inclusive

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def text(self) -> str:
        return f"{day_text(self.start)} – {day_text(self.end)}"


def span_for(choice: ChartRange, today: date, first_day: date | None) -> DaySpan:
    """The days ``choice`` covers, ending today. "All" starts on the diary's first day (or
    4 weeks back when the diary is newer than that). CUSTOM has no span of its own; it is
    answered with the last 4 weeks."""
    if choice is ChartRange.ALL:
        four_weeks = today - timedelta(days=27)
        start = four_weeks if first_day is None else min(first_day, four_weeks)
        return DaySpan(start, today)
    if choice in _MONTHS:
        return DaySpan(add_months(today, -_MONTHS[choice]) + timedelta(days=1), today)
    return DaySpan(today - timedelta(days=27), today)


def zoomed(span: DaySpan, factor: float, around: date | None = None) -> DaySpan:
    """``span`` made ``factor`` times as long (< 1 zooms in), keeping ``around`` (default:
    the middle) where it was; never shorter than MIN_SPAN_DAYS."""
    days = max(MIN_SPAN_DAYS, round(span.days * factor))
    pivot = around or span.start + timedelta(days=span.days // 2)
    share = (pivot - span.start).days / max(1, span.days - 1)
    start = pivot - timedelta(days=round(share * (days - 1)))
    return DaySpan(start, start + timedelta(days=days - 1))


def shifted(span: DaySpan, days: int) -> DaySpan:
    return DaySpan(span.start + timedelta(days=days), span.end + timedelta(days=days))


def clamped(span: DaySpan, first: date, last: date) -> DaySpan:
    """``span`` moved (and shortened if need be) to lie between ``first`` and ``last``:
    a chart never zooms or pans past today or before the diary began."""
    days = min(span.days, (last - first).days + 1)
    start = min(max(span.start, first), last - timedelta(days=days - 1))
    return DaySpan(start, start + timedelta(days=days - 1))
