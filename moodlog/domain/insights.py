"""Plain-worded looks at what went together in the diary: mood after short and long nights,
mood before and after a treatment began, and mood by day of the week.

Every insight gives its sample sizes and says when there is too little to go on. None of them
says what *caused* anything: the UI shows :data:`CAUTION` once, under the list. Mood is the
day's mean on the 0–10 scale (10 best); each day counts once, however many check-ins it has.
"""

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from moodlog.domain.day_text import day_text
from moodlog.domain.medications import Medication, Schedule
from moodlog.domain.treatments import TreatmentCourse
from moodlog.domain.trend_data import DayRating, TrendData

CAUTION = "These notes show what happened together, not what caused it."

# a. Short and long nights (hours of the night before the day woken up on).
SHORT_NIGHT_HOURS = 6.0  # under this is a short night
LONG_NIGHT_HOURS = 7.0  # this or more is a long night; nights in between are left out
MIN_NIGHTS_EACH = 5

# b. Before and after a treatment began: the 14 days before its first day, and days 22-42
# after it (weeks 4-6, counting the first day as day 0).
BEFORE_DAYS = 14
AFTER_FIRST_DAY = 22
AFTER_LAST_DAY = 42
MIN_DAYS_EACH_WINDOW = 5

# c. Weekday pattern.
MIN_DAYS_EACH_WEEKDAY = 3
CLEAR_WEEKDAY_SPREAD = 0.5  # a highest-to-lowest gap under this is "no clear pattern"

WEEKDAYS: tuple[str, ...] = (
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
)


@dataclass(frozen=True, slots=True)
class Insight:
    """One looked-at question. ``enough_data`` is False when the text says there is too
    little to compare (or nothing to look at). ``sample_sizes`` are the counts the text
    states, in the order it states them (e.g. short nights, long nights)."""

    title: str
    text: str
    enough_data: bool
    sample_sizes: tuple[int, ...] = ()


def insights(data: TrendData, start: date, end: date) -> list[Insight]:
    """Every insight for the days from ``start`` to ``end`` (inclusive), in a fixed order:
    short and long nights, each treatment start (oldest first), weekdays.

    The before-and-after windows of a treatment start may reach outside ``start``–``end``;
    they read whatever moods ``data`` holds there (between ``data.start`` and ``data.end``).
    """
    return [
        sleep_insight(data, start, end),
        *treatment_insights(data, start, end),
        weekday_insight(data, start, end),
    ]


def one_decimal(value: float) -> str:
    """One decimal place, as every mean here is written."""
    return f"{value:.1f}"


def _mean(values: Iterable[float]) -> float:
    kept = list(values)
    return math.fsum(kept) / len(kept)


def _count(n: int, word: str) -> str:
    return f"{n} {word if n == 1 else word + 's'}"


def _moods_between(mood: Mapping[date, DayRating], first: date, last: date) -> list[float]:
    return [rating.mean for day, rating in sorted(mood.items()) if first <= day <= last]


# a. Short and long nights ---------------------------------------------------------------


SLEEP_TITLE = "Mood after short and long nights"


def sleep_insight(data: TrendData, start: date, end: date) -> Insight:
    """Mean mood on days after a night under 6 hours vs a night of 7 hours or more."""
    short: list[float] = []
    long: list[float] = []
    for night_of, night in sorted(data.sleep.items()):
        rating = data.mood.get(night_of)
        if not start <= night_of <= end or night.hours is None or rating is None:
            continue
        if night.hours < SHORT_NIGHT_HOURS:
            short.append(rating.mean)
        elif night.hours >= LONG_NIGHT_HOURS:
            long.append(rating.mean)
    sizes = (len(short), len(long))
    if min(sizes) < MIN_NIGHTS_EACH:
        text = (
            "Too few nights of each kind to compare. "
            f"This needs at least {MIN_NIGHTS_EACH} of each, "
            "with a mood rating on the day after. So far: "
            f"{_count(len(short), 'night')} under 6 hours and "
            f"{_count(len(long), 'night')} of 7 hours or more."
        )
        return Insight(SLEEP_TITLE, text, False, sizes)
    text = (
        f"On days after a night of under 6 hours, mood averaged {one_decimal(_mean(short))} "
        f"({_count(len(short), 'day')}). "
        f"On days after 7 hours or more, it averaged {one_decimal(_mean(long))} "
        f"({_count(len(long), 'day')}). "
        "Nights of 6 to 7 hours are left out."
    )
    return Insight(SLEEP_TITLE, text, True, sizes)


# b. Before and after a treatment began ------------------------------------------------


@dataclass(frozen=True, slots=True)
class TreatmentStart:
    """A medication or course start, named as a person would say it."""

    name: str
    started: date
    ended: date | None  # the stop date of a medication, the end date of a course
    ended_word: str  # "stopped" / "ended"


def _without_parenthesis(text: str) -> str:
    """ "Esketamine (Spravato)" → "Esketamine", "iTBS (theta burst)" → "iTBS"."""
    head, _, _ = text.partition(" (")
    return head.strip() or text


def treatment_name(treatment: Medication | TreatmentCourse) -> str:
    """ "Sertraline"; "TMS (10 Hz rTMS)"; "Esketamine (Spravato)" for a course without a
    variant."""
    if isinstance(treatment, Medication):
        return treatment.name
    if not treatment.variant:
        return treatment.kind.label
    kind = _without_parenthesis(treatment.kind.label)
    return f"{kind} ({_without_parenthesis(treatment.variant)})"


def treatment_starts(data: TrendData, start: date, end: date) -> list[TreatmentStart]:
    """Medication and course starts whose windows (14 days before to day 42 after) overlap
    ``start``–``end``, oldest first. Past trials entered by month are left out: a month-level
    date cannot anchor a two-week window."""
    found: list[TreatmentStart] = []
    for medication in data.medications:
        # An as-needed medicine is taken on some days only: its start is no turning point.
        if not medication.dates_approximate and medication.schedule is Schedule.SCHEDULED:
            found.append(
                TreatmentStart(
                    treatment_name(medication), medication.started, medication.stopped, "stopped"
                )
            )
    for course in data.courses:
        found.append(TreatmentStart(treatment_name(course), course.started, course.ended, "ended"))
    return sorted(
        (
            s
            for s in found
            if s.started - timedelta(days=BEFORE_DAYS) <= end
            and s.started + timedelta(days=AFTER_LAST_DAY) >= start
        ),
        key=lambda s: (s.started, s.name.casefold()),
    )


NO_TREATMENT_TITLE = "Before and after a treatment began"


def treatment_insights(data: TrendData, start: date, end: date) -> list[Insight]:
    """One insight per treatment start in or near the range (or one saying there is none)."""
    starts = treatment_starts(data, start, end)
    if not starts:
        text = (
            "No medication or procedure began in or near these dates, so there is no "
            "before and after to show."
        )
        return [Insight(NO_TREATMENT_TITLE, text, False)]
    return [_treatment_insight(data, s) for s in starts]


def _treatment_insight(data: TrendData, treatment: TreatmentStart) -> Insight:
    title = f"Before and after {treatment.name}"
    began = day_text(treatment.started)
    before_first = treatment.started - timedelta(days=BEFORE_DAYS)
    before_last = treatment.started - timedelta(days=1)
    after_first = treatment.started + timedelta(days=AFTER_FIRST_DAY)
    after_last = treatment.started + timedelta(days=AFTER_LAST_DAY)
    before = _moods_between(data.mood, max(before_first, data.start), min(before_last, data.end))
    after = _moods_between(data.mood, max(after_first, data.start), min(after_last, data.end))
    sizes = (len(before), len(after))
    sentences = [f"{treatment.name} began on {began}."]
    if treatment.ended is not None and treatment.ended < after_first:
        sentences.append(
            f"It {treatment.ended_word} on {day_text(treatment.ended)}, before weeks 4–6, "
            "so there is nothing to compare."
        )
        return Insight(title, " ".join(sentences), False, sizes)
    if after_first > data.end:
        sentences.append(
            f"Weeks 4–6 after it began ({day_text(after_first)} – {day_text(after_last)}) "
            "are not here yet, so there is nothing to compare."
        )
        if before:
            sentences.append(
                f"In the 2 weeks before, mood averaged {one_decimal(_mean(before))} "
                f"({_count(len(before), 'day')} logged)."
            )
        return Insight(title, " ".join(sentences), False, sizes)
    partial = after_last > data.end
    if min(sizes) < MIN_DAYS_EACH_WINDOW:
        sentences.append(
            "Too few days to compare yet. This needs at least "
            f"{MIN_DAYS_EACH_WINDOW} days with a mood in each: the 2 weeks before it began, "
            f"and weeks 4–6 after. So far: {_count(len(before), 'day')} before and "
            f"{_count(len(after), 'day')} in weeks 4–6."
        )
        if partial:
            sentences.append(f"Weeks 4–6 run until {day_text(after_last)}.")
        return Insight(title, " ".join(sentences), False, sizes)
    sentences.append(
        f"In the 2 weeks before, mood averaged {one_decimal(_mean(before))} "
        f"({_count(len(before), 'day')} logged). "
        f"In weeks 4–6 after, it averaged {one_decimal(_mean(after))} "
        f"({_count(len(after), 'day')} logged)."
    )
    if partial:
        sentences.append(
            f"Weeks 4–6 run until {day_text(after_last)}, so this may change as more days "
            "are logged."
        )
    return Insight(title, " ".join(sentences), True, sizes)


# c. Weekday pattern -----------------------------------------------------------------------


WEEKDAY_TITLE = "Mood by day of the week"


def _plural_day(weekday: int) -> str:
    return WEEKDAYS[weekday] + "s"


def weekday_insight(data: TrendData, start: date, end: date) -> Insight:
    """Mean mood per weekday; the highest and lowest, or "no clear pattern"."""
    by_weekday: list[list[float]] = [[] for _ in WEEKDAYS]
    for day, rating in sorted(data.mood.items()):
        if start <= day <= end:
            by_weekday[day.weekday()].append(rating.mean)
    sizes = tuple(len(moods) for moods in by_weekday)
    if min(sizes) < MIN_DAYS_EACH_WEEKDAY:
        short = [
            f"{_plural_day(i)} ({_count(n, 'day')})"
            for i, n in enumerate(sizes)
            if n < MIN_DAYS_EACH_WEEKDAY
        ]
        text = (
            f"Too few days to look for a pattern yet. This needs at least "
            f"{MIN_DAYS_EACH_WEEKDAY} days with a mood on each day of the week. "
            f"Still short: {', '.join(short)}."
        )
        return Insight(WEEKDAY_TITLE, text, False, sizes)
    means = [_mean(moods) for moods in by_weekday]
    # Ties go to the earlier weekday (Monday first), so the answer never wobbles.
    high = max(range(len(means)), key=lambda i: (means[i], -i))
    low = min(range(len(means)), key=lambda i: (means[i], i))
    high_text = f"{_plural_day(high)} ({one_decimal(means[high])}, {_count(sizes[high], 'day')})"
    low_text = f"{_plural_day(low)} ({one_decimal(means[low])}, {_count(sizes[low], 'day')})"
    if means[high] - means[low] < CLEAR_WEEKDAY_SPREAD:
        text = (
            "No clear weekday pattern: the averages of the days of the week are less than "
            f"{CLEAR_WEEKDAY_SPREAD} points apart, from {low_text} to {high_text}."
        )
    else:
        text = f"Mood was highest on {high_text} and lowest on {low_text}."
    return Insight(WEEKDAY_TITLE, text, True, sizes)
