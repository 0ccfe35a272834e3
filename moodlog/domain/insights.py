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

from moodlog.domain.day_counts import days_text, nights_text
from moodlog.domain.day_text import day_text
from moodlog.domain.medications import Medication, Schedule
from moodlog.domain.translation import QT_TRANSLATE_NOOP, translate
from moodlog.domain.treatments import TreatmentCourse, option_text
from moodlog.domain.trend_data import DayRating, TrendData

# In English; :func:`caution` gives the person's language.
CAUTION = QT_TRANSLATE_NOOP(
    "Insights", "These notes show what happened together, not what caused it."
)


def caution() -> str:
    """:data:`CAUTION` in the person's language."""
    return translate("Insights", CAUTION)


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
_WEEKDAYS_PLURAL: tuple[str, ...] = (
    #: Every Monday, as in "Mood was highest on Mondays"
    QT_TRANSLATE_NOOP("Insights", "Mondays"),
    #: Every Tuesday, as in "Mood was highest on Tuesdays"
    QT_TRANSLATE_NOOP("Insights", "Tuesdays"),
    #: Every Wednesday, as in "Mood was highest on Wednesdays"
    QT_TRANSLATE_NOOP("Insights", "Wednesdays"),
    #: Every Thursday, as in "Mood was highest on Thursdays"
    QT_TRANSLATE_NOOP("Insights", "Thursdays"),
    #: Every Friday, as in "Mood was highest on Fridays"
    QT_TRANSLATE_NOOP("Insights", "Fridays"),
    #: Every Saturday, as in "Mood was highest on Saturdays"
    QT_TRANSLATE_NOOP("Insights", "Saturdays"),
    #: Every Sunday, as in "Mood was highest on Sundays"
    QT_TRANSLATE_NOOP("Insights", "Sundays"),
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


def _moods_between(mood: Mapping[date, DayRating], first: date, last: date) -> list[float]:
    return [rating.mean for day, rating in sorted(mood.items()) if first <= day <= last]


# a. Short and long nights ---------------------------------------------------------------


SLEEP_TITLE = QT_TRANSLATE_NOOP("Insights", "Mood after short and long nights")


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
    title = translate("Insights", SLEEP_TITLE)
    if min(sizes) < MIN_NIGHTS_EACH:
        #: {short} and {long} count nights, e.g. "4 nights"
        text = translate(
            "Insights",
            "Too few nights of each kind to compare. This needs at least {minimum} of each, "
            "with a mood rating on the day after. So far: {short} under 6 hours and {long} of "
            "7 hours or more.",
        ).format(
            minimum=MIN_NIGHTS_EACH, short=nights_text(len(short)), long=nights_text(len(long))
        )
        return Insight(title, text, False, sizes)
    #: {short_days} and {long_days} count days, e.g. "5 days"
    text = translate(
        "Insights",
        "On days after a night of under 6 hours, mood averaged {short_mean} ({short_days}). "
        "On days after 7 hours or more, it averaged {long_mean} ({long_days}). "
        "Nights of 6 to 7 hours are left out.",
    ).format(
        short_mean=one_decimal(_mean(short)),
        short_days=days_text(len(short)),
        long_mean=one_decimal(_mean(long)),
        long_days=days_text(len(long)),
    )
    return Insight(title, text, True, sizes)


# b. Before and after a treatment began ------------------------------------------------


@dataclass(frozen=True, slots=True)
class TreatmentStart:
    """A medication or course start, named as a person would say it."""

    name: str
    started: date
    ended: date | None  # the stop date of a medication, the end date of a course
    ended_word: str  # "stopped" (a medication) / "ended" (a course); not shown as it is


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
    return f"{kind} ({_without_parenthesis(option_text(treatment.variant))})"


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


NO_TREATMENT_TITLE = QT_TRANSLATE_NOOP("Insights", "Before and after a treatment began")


def treatment_insights(data: TrendData, start: date, end: date) -> list[Insight]:
    """One insight per treatment start in or near the range (or one saying there is none)."""
    starts = treatment_starts(data, start, end)
    if not starts:
        text = translate(
            "Insights",
            "No medication or procedure began in or near these dates, so there is no "
            "before and after to show.",
        )
        return [Insight(translate("Insights", NO_TREATMENT_TITLE), text, False)]
    return [_treatment_insight(data, s) for s in starts]


def _treatment_insight(data: TrendData, treatment: TreatmentStart) -> Insight:
    #: {treatment} is a medicine or a procedure, e.g. "Before and after Sertraline"
    title = translate("Insights", "Before and after {treatment}").format(treatment=treatment.name)
    began = day_text(treatment.started)
    before_first = treatment.started - timedelta(days=BEFORE_DAYS)
    before_last = treatment.started - timedelta(days=1)
    after_first = treatment.started + timedelta(days=AFTER_FIRST_DAY)
    after_last = treatment.started + timedelta(days=AFTER_LAST_DAY)
    before = _moods_between(data.mood, max(before_first, data.start), min(before_last, data.end))
    after = _moods_between(data.mood, max(after_first, data.start), min(after_last, data.end))
    sizes = (len(before), len(after))
    sentences = [
        translate("Insights", "{treatment} began on {day}.").format(
            treatment=treatment.name, day=began
        )
    ]
    if treatment.ended is not None and treatment.ended < after_first:
        if treatment.ended_word == "stopped":
            #: Said of a medication
            text = translate(
                "Insights",
                "It stopped on {day}, before weeks 4–6, so there is nothing to compare.",
            )
        else:
            #: Said of a procedure or therapy course
            text = translate(
                "Insights", "It ended on {day}, before weeks 4–6, so there is nothing to compare."
            )
        sentences.append(text.format(day=day_text(treatment.ended)))
        return Insight(title, " ".join(sentences), False, sizes)
    if after_first > data.end:
        sentences.append(
            translate(
                "Insights",
                "Weeks 4–6 after it began ({first} – {last}) are not here yet, so there is "
                "nothing to compare.",
            ).format(first=day_text(after_first), last=day_text(after_last))
        )
        if before:
            #: {days} counts days, e.g. "6 days"
            sentences.append(
                translate(
                    "Insights", "In the 2 weeks before, mood averaged {mean} ({days} logged)."
                ).format(mean=one_decimal(_mean(before)), days=days_text(len(before)))
            )
        return Insight(title, " ".join(sentences), False, sizes)
    partial = after_last > data.end
    if min(sizes) < MIN_DAYS_EACH_WINDOW:
        #: {before} and {after} count days, e.g. "3 days"
        sentences.append(
            translate(
                "Insights",
                "Too few days to compare yet. This needs at least {minimum} days with a mood in "
                "each: the 2 weeks before it began, and weeks 4–6 after. So far: {before} before "
                "and {after} in weeks 4–6.",
            ).format(
                minimum=MIN_DAYS_EACH_WINDOW,
                before=days_text(len(before)),
                after=days_text(len(after)),
            )
        )
        if partial:
            sentences.append(
                translate("Insights", "Weeks 4–6 run until {day}.").format(day=day_text(after_last))
            )
        return Insight(title, " ".join(sentences), False, sizes)
    #: {before_days} and {after_days} count days, e.g. "6 days"
    sentences.append(
        translate(
            "Insights",
            "In the 2 weeks before, mood averaged {before_mean} ({before_days} logged). "
            "In weeks 4–6 after, it averaged {after_mean} ({after_days} logged).",
        ).format(
            before_mean=one_decimal(_mean(before)),
            before_days=days_text(len(before)),
            after_mean=one_decimal(_mean(after)),
            after_days=days_text(len(after)),
        )
    )
    if partial:
        sentences.append(
            translate(
                "Insights",
                "Weeks 4–6 run until {day}, so this may change as more days are logged.",
            ).format(day=day_text(after_last))
        )
    return Insight(title, " ".join(sentences), True, sizes)


# c. Weekday pattern -----------------------------------------------------------------------


WEEKDAY_TITLE = QT_TRANSLATE_NOOP("Insights", "Mood by day of the week")


def _plural_day(weekday: int) -> str:
    return translate("Insights", _WEEKDAYS_PLURAL[weekday])


def weekday_insight(data: TrendData, start: date, end: date) -> Insight:
    """Mean mood per weekday; the highest and lowest, or "no clear pattern"."""
    by_weekday: list[list[float]] = [[] for _ in WEEKDAYS]
    for day, rating in sorted(data.mood.items()):
        if start <= day <= end:
            by_weekday[day.weekday()].append(rating.mean)
    sizes = tuple(len(moods) for moods in by_weekday)
    title = translate("Insights", WEEKDAY_TITLE)
    if min(sizes) < MIN_DAYS_EACH_WEEKDAY:
        short = [
            #: A weekday and how many days it has, e.g. "Mondays (2 days)"
            translate("Insights", "{weekdays} ({days})").format(
                weekdays=_plural_day(i), days=days_text(n)
            )
            for i, n in enumerate(sizes)
            if n < MIN_DAYS_EACH_WEEKDAY
        ]
        #: {short} lists weekdays, e.g. "Mondays (2 days), Fridays (1 day)"
        text = translate(
            "Insights",
            "Too few days to look for a pattern yet. This needs at least {minimum} days with "
            "a mood on each day of the week. Still short: {short}.",
        ).format(minimum=MIN_DAYS_EACH_WEEKDAY, short=", ".join(short))
        return Insight(title, text, False, sizes)
    means = [_mean(moods) for moods in by_weekday]
    # Ties go to the earlier weekday (Monday first), so the answer never wobbles.
    high = max(range(len(means)), key=lambda i: (means[i], -i))
    low = min(range(len(means)), key=lambda i: (means[i], i))
    #: A weekday's mean mood and how many days it has, e.g. "Mondays (6.5, 4 days)"
    day_mean = translate("Insights", "{weekdays} ({mean}, {days})")
    high_text = day_mean.format(
        weekdays=_plural_day(high), mean=one_decimal(means[high]), days=days_text(sizes[high])
    )
    low_text = day_mean.format(
        weekdays=_plural_day(low), mean=one_decimal(means[low]), days=days_text(sizes[low])
    )
    if means[high] - means[low] < CLEAR_WEEKDAY_SPREAD:
        text = translate(
            "Insights",
            "No clear weekday pattern: the averages of the days of the week are less than "
            "{spread} points apart, from {low} to {high}.",
        ).format(spread=CLEAR_WEEKDAY_SPREAD, low=low_text, high=high_text)
    else:
        text = translate("Insights", "Mood was highest on {high} and lowest on {low}.").format(
            high=high_text, low=low_text
        )
    return Insight(title, text, True, sizes)
