"""Everything the trend charts, their text summaries and the insights draw on: the diary's
days as stored, read once for a span of days. Days without entries are simply absent; nothing
here (or downstream) fills them in."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

from moodlog.domain.adherence import Adherence
from moodlog.domain.medications import Medication
from moodlog.domain.questionnaire_result import QuestionnaireResult
from moodlog.domain.side_effects import Severity, SideEffect
from moodlog.domain.sleep import SleepMode, SleepRecord, measure_sleep
from moodlog.domain.trackers import Tracker
from moodlog.domain.translation import QT_TRANSLATE_NOOP, translate
from moodlog.domain.treatments import TreatmentCourse, TreatmentSession

ROLLING_WINDOW_DAYS = 7
# A rolling mean is drawn only where enough of its window was logged, so a lone day after
# a fortnight's gap never passes for a week's average.
ROLLING_MIN_DAYS = 4
_ROLLING_RULE = QT_TRANSLATE_NOOP(
    "TrendData",
    "The {window}-day average is the mean of the logged days among the last {window}; it is "
    "left out where fewer than {minimum} of them were logged.",
)
# In English; :func:`rolling_rule` gives the person's language.
ROLLING_RULE = _ROLLING_RULE.format(window=ROLLING_WINDOW_DAYS, minimum=ROLLING_MIN_DAYS)


def rolling_rule() -> str:
    """:data:`ROLLING_RULE` in the person's language."""
    return translate("TrendData", _ROLLING_RULE).format(
        window=ROLLING_WINDOW_DAYS, minimum=ROLLING_MIN_DAYS
    )


@dataclass(frozen=True, slots=True)
class DayRating:
    """One 0-10 scale on one day: the mean of that day's check-ins, and their range."""

    mean: float
    low: int
    high: int
    count: int


@dataclass(frozen=True, slots=True)
class NightSleep:
    """The measures the charts need from one night (``night_of`` = the day woken up on)."""

    hours: float | None
    quality: int | None  # 1-5, SleepQuality
    efficiency_percent: float | None


def night_sleep(record: SleepRecord) -> NightSleep:
    quality = None if record.quality is None else int(record.quality)
    if record.mode is SleepMode.MINIMAL:
        return NightSleep(record.hours_slept, quality, None)
    measures = measure_sleep(record, today=date.max)
    hours = None if measures.total_sleep_minutes is None else measures.total_sleep_minutes / 60
    return NightSleep(hours, quality, measures.efficiency_percent)


@dataclass(frozen=True, slots=True)
class TrendData:
    """The diary between ``start`` and ``end`` (inclusive), keyed by day.

    ``ratings``: scale key -> day -> DayRating (days without that rating are absent).
    ``sleep``: night_of -> NightSleep. ``side_effect_ratings``: side effect id -> day ->
    severity. ``tracker_values``: tracker id -> day -> value. ``adherence``: medication id ->
    day -> status. Treatments and scores are whole (a course that began before ``start`` is
    still drawn where it overlaps). ``notes``: days with at least one written note.
    """

    start: date
    end: date
    ratings: Mapping[str, Mapping[date, DayRating]] = field(default_factory=dict)
    sleep: Mapping[date, NightSleep] = field(default_factory=dict)
    side_effects: tuple[SideEffect, ...] = ()
    side_effect_ratings: Mapping[int, Mapping[date, Severity]] = field(default_factory=dict)
    trackers: tuple[Tracker, ...] = ()
    tracker_values: Mapping[int, Mapping[date, float]] = field(default_factory=dict)
    adherence: Mapping[int, Mapping[date, Adherence]] = field(default_factory=dict)
    medications: tuple[Medication, ...] = ()
    courses: tuple[TreatmentCourse, ...] = ()
    sessions: tuple[TreatmentSession, ...] = ()
    scores: tuple[QuestionnaireResult, ...] = ()
    notes: frozenset[date] = frozenset()

    @property
    def mood(self) -> Mapping[date, DayRating]:
        return self.ratings.get("mood", {})

    def logged_days(self) -> frozenset[date]:
        """Days with a check-in, a night's sleep, a side-effect or tracker rating, or a
        medication marked taken or missed."""
        days: set[date] = set(self.sleep)
        for groups in (
            self.ratings.values(),
            self.side_effect_ratings.values(),
            self.tracker_values.values(),
            self.adherence.values(),
        ):
            for by_day in groups:
                days.update(by_day)
        return frozenset(days | self.notes)

    def logged_between(self, start: date, end: date) -> int:
        """How many days from ``start`` to ``end`` (inclusive) hold any entry."""
        return sum(1 for day in self.logged_days() if start <= day <= end)

    def first_logged_day(self) -> date | None:
        return min(self.logged_days(), default=None)


def days_between(start: date, end: date) -> int:
    """Days from ``start`` to ``end``, both included (0 when ``end`` is before ``start``)."""
    return max(0, (end - start).days + 1)


def each_day(start: date, end: date) -> Iterable[date]:
    for offset in range(days_between(start, end)):
        yield start + timedelta(days=offset)


def rolling_mean(
    values: Mapping[date, float],
    start: date,
    end: date,
    window: int = ROLLING_WINDOW_DAYS,
    min_days: int = ROLLING_MIN_DAYS,
) -> dict[date, float]:
    """The trailing ``window``-day mean of the logged values for each day from ``start``
    to ``end``, where at least ``min_days`` of the window were logged (see ROLLING_RULE).
    Days before ``start`` count towards the first windows."""
    result: dict[date, float] = {}
    total = 0.0
    count = 0
    first = start - timedelta(days=window - 1)
    for day in each_day(first, end):
        value = values.get(day)
        if value is not None:
            total += value
            count += 1
        gone = day - timedelta(days=window)
        leaving = values.get(gone) if gone >= first else None
        if leaving is not None:
            total -= leaving
            count -= 1
        if day >= start and count >= min_days:
            result[day] = total / count
    return result
