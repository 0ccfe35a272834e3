"""Insights: sample sizes, boundaries, windows and the too-little-data texts, on hand-built
diaries whose answers are worked out by hand below."""

from collections.abc import Mapping
from dataclasses import replace
from datetime import date, timedelta

from moodlog.domain.insights import (
    CAUTION,
    NO_TREATMENT_TITLE,
    Insight,
    insights,
    sleep_insight,
    treatment_insights,
    treatment_name,
    weekday_insight,
)
from moodlog.domain.medications import DoseStep, Medication, Schedule
from moodlog.domain.treatments import CourseKind, TreatmentCourse
from moodlog.domain.trend_data import DayRating, NightSleep, TrendData

MARCH_1 = date(2026, 3, 1)
MARCH_31 = date(2026, 3, 31)


def rating(mean: float) -> DayRating:
    return DayRating(mean, int(mean), round(mean), 1)


def diary(
    start: date,
    end: date,
    mood: Mapping[date, float],
    hours: Mapping[date, float | None] | None = None,
    medications: tuple[Medication, ...] = (),
    courses: tuple[TreatmentCourse, ...] = (),
) -> TrendData:
    return TrendData(
        start=start,
        end=end,
        ratings={"mood": {day: rating(value) for day, value in mood.items()}},
        sleep={day: NightSleep(h, 3, None) for day, h in (hours or {}).items()},
        medications=medications,
        courses=courses,
    )


def march(day: int) -> date:
    return date(2026, 3, day)


def medication(name: str, started: date, stopped: date | None = None) -> Medication:
    return Medication(name, started, (DoseStep(started, 50.0),), stopped=stopped)


# a. Short and long nights ------------------------------------------------------------------

SHORT = {4.0: 3.0, 5.0: 4.0, 5.5: 2.0, 5.9: 5.0, 5.99: 3.5}  # hours: mood; mean 17.5/5 = 3.5
LONG = {7.0: 6.0, 7.5: 5.0, 8.0: 7.0, 9.0: 6.0, 7.25: 5.5, 8.5: 6.5}  # mean 36/6 = 6.0
MIDDLE = {6.0: 9.0, 6.5: 9.0, 6.99: 9.0}  # neither short nor long: left out


def nights(*groups: dict[float, float]) -> tuple[dict[date, float], dict[date, float | None]]:
    moods: dict[date, float] = {}
    hours: dict[date, float | None] = {}
    day = 1
    for group in groups:
        for h, mood in group.items():
            moods[march(day)] = mood
            hours[march(day)] = h
            day += 1
    return moods, hours


def test_mood_after_short_and_long_nights() -> None:
    moods, hours = nights(SHORT, LONG, MIDDLE)
    hours[march(20)] = 4.0  # a short night without a mood that day
    moods[march(21)] = 0.0  # a mood with a night of unknown length
    hours[march(21)] = None
    moods[date(2026, 2, 28)] = 0.0  # a short night before the range
    hours[date(2026, 2, 28)] = 3.0
    found = sleep_insight(diary(MARCH_1, MARCH_31, moods, hours), MARCH_1, MARCH_31)
    assert found == Insight(
        "Mood after short and long nights",
        "On days after a night of under 6 hours, mood averaged 3.5 (5 days). "
        "On days after 7 hours or more, it averaged 6.0 (6 days). "
        "Nights of 6 to 7 hours are left out.",
        enough_data=True,
        sample_sizes=(5, 6),
    )


def test_six_hours_is_not_short_and_seven_hours_is_long() -> None:
    moods, hours = nights({6.0: 5.0, 5.999: 5.0, 7.0: 5.0, 6.999: 5.0})
    found = sleep_insight(diary(MARCH_1, MARCH_31, moods, hours), MARCH_1, MARCH_31)
    assert found.sample_sizes == (1, 1)  # 5.999 short, 7.0 long; 6.0 and 6.999 neither


def test_too_few_short_nights_says_what_is_needed() -> None:
    short = dict(list(SHORT.items())[:4])
    moods, hours = nights(short, LONG)
    found = sleep_insight(diary(MARCH_1, MARCH_31, moods, hours), MARCH_1, MARCH_31)
    assert not found.enough_data
    assert found.sample_sizes == (4, 6)
    assert found.text == (
        "Too few nights of each kind to compare. This needs at least 5 of each, with a mood "
        "rating on the day after. So far: 4 nights under 6 hours and 6 nights of 7 hours or more."
    )


def test_no_sleep_at_all() -> None:
    found = sleep_insight(diary(MARCH_1, MARCH_31, {}), MARCH_1, MARCH_31)
    assert not found.enough_data
    assert found.sample_sizes == (0, 0)
    assert "So far: 0 nights under 6 hours and 0 nights of 7 hours or more." in found.text


# b. Before and after a treatment began -----------------------------------------------------

SERTRALINE_START = date(2026, 3, 15)
# The 14 days before: 1-14 Mar. Weeks 4-6: day 22 (6 Apr) to day 42 (26 Apr).
BEFORE = {march(1): 3.0, march(3): 4.0, march(5): 3.0, march(7): 2.0, march(9): 4.0}
AFTER = {
    date(2026, 4, 6): 5.0,
    date(2026, 4, 10): 6.0,
    date(2026, 4, 15): 5.0,
    date(2026, 4, 20): 6.0,
    date(2026, 4, 26): 5.5,
}
OUTSIDE_WINDOWS = {
    date(2026, 2, 28): 0.0,  # 15 days before
    SERTRALINE_START: 9.0,  # the first day itself
    date(2026, 4, 5): 9.0,  # day 21
    date(2026, 4, 27): 0.0,  # day 43
}


def sertraline_diary(end: date, extra: Mapping[date, float] | None = None) -> TrendData:
    moods = {**BEFORE, march(14): 2.0, **AFTER, **OUTSIDE_WINDOWS, **(extra or {})}
    return diary(
        date(2026, 2, 1),
        end,
        {d: v for d, v in moods.items() if d <= end},
        medications=(medication("Sertraline", SERTRALINE_START),),
    )


def test_mood_in_the_two_weeks_before_and_weeks_four_to_six_after() -> None:
    end = date(2026, 4, 30)
    (found,) = treatment_insights(sertraline_diary(end), MARCH_1, end)
    # Before: 3, 4, 3, 2, 4, 2 (14 Mar) = 18 / 6 = 3.0. After: 27.5 / 5 = 5.5.
    assert found == Insight(
        "Before and after Sertraline",
        "Sertraline began on 15 Mar 2026. In the 2 weeks before, mood averaged 3.0 "
        "(6 days logged). In weeks 4–6 after, it averaged 5.5 (5 days logged).",
        enough_data=True,
        sample_sizes=(6, 5),
    )


def test_too_few_days_in_a_window() -> None:
    end = date(2026, 4, 30)
    data = sertraline_diary(end)
    moods = {d: r.mean for d, r in data.mood.items() if d != date(2026, 4, 26)}
    fewer = diary(data.start, end, moods, medications=data.medications)
    (found,) = treatment_insights(fewer, MARCH_1, end)
    assert not found.enough_data
    assert found.sample_sizes == (6, 4)
    assert found.text == (
        "Sertraline began on 15 Mar 2026. Too few days to compare yet. This needs at least 5 "
        "days with a mood in each: the 2 weeks before it began, and weeks 4–6 after. "
        "So far: 6 days before and 4 days in weeks 4–6."
    )


def test_weeks_four_to_six_not_here_yet() -> None:
    end = date(2026, 4, 5)  # day 21
    (found,) = treatment_insights(sertraline_diary(end), MARCH_1, end)
    assert not found.enough_data
    assert found.sample_sizes == (6, 0)
    assert found.text == (
        "Sertraline began on 15 Mar 2026. Weeks 4–6 after it began (6 Apr 2026 – "
        "26 Apr 2026) are not here yet, so there is nothing to compare. In the 2 weeks "
        "before, mood averaged 3.0 (6 days logged)."
    )


def test_weeks_four_to_six_partly_here() -> None:
    end = date(2026, 4, 20)
    (found,) = treatment_insights(sertraline_diary(end), MARCH_1, end)
    assert found.sample_sizes == (6, 4)
    assert not found.enough_data
    assert found.text.endswith(
        "So far: 6 days before and 4 days in weeks 4–6. Weeks 4–6 run until 26 Apr 2026."
    )
    (more,) = treatment_insights(sertraline_diary(end, {date(2026, 4, 7): 8.0}), MARCH_1, end)
    # (5 + 8 + 6 + 5 + 6) / 5 = 6.0
    assert more.enough_data
    assert more.sample_sizes == (6, 5)
    assert more.text.endswith(
        "In weeks 4–6 after, it averaged 6.0 (5 days logged). Weeks 4–6 run until "
        "26 Apr 2026, so this may change as more days are logged."
    )


def test_a_stop_before_weeks_four_to_six_is_said() -> None:
    end = date(2026, 4, 30)
    stopped = medication("Sertraline", SERTRALINE_START, stopped=date(2026, 3, 30))
    data = sertraline_diary(end)
    data = diary(data.start, end, {d: r.mean for d, r in data.mood.items()}, medications=(stopped,))
    (found,) = treatment_insights(data, MARCH_1, end)
    # Days logged after the stop are not weeks 4-6 of taking it: no comparison, no "yet".
    assert found.text == (
        "Sertraline began on 15 Mar 2026. It stopped on 30 Mar 2026, before weeks 4–6, "
        "so there is nothing to compare."
    )
    assert not found.enough_data


def test_an_as_needed_medicine_has_no_before_and_after() -> None:
    as_needed = replace(medication("Zopiclone", SERTRALINE_START), schedule=Schedule.AS_NEEDED)
    data = diary(MARCH_1, MARCH_31, {}, medications=(as_needed,))
    (found,) = treatment_insights(data, MARCH_1, MARCH_31)
    assert found.title == NO_TREATMENT_TITLE


def test_only_starts_whose_windows_overlap_the_range() -> None:
    # Range 1-31 Mar: a start counts from 18 Jan (day 42 = 1 Mar) to 14 Apr (14 days before =
    # 31 Mar). A month-level past trial never counts.
    meds = (
        medication("Too early", date(2026, 1, 17)),
        medication("Earliest", date(2026, 1, 18)),
        medication("Latest", date(2026, 4, 14)),
        medication("Too late", date(2026, 4, 15)),
        Medication("Past trial", march(1), (DoseStep(march(1), 20.0),), dates_approximate=True),
    )
    courses = (TreatmentCourse(CourseKind.TMS, march(10), "10 Hz rTMS"),)
    data = diary(date(2025, 12, 1), MARCH_31, {}, medications=meds, courses=courses)
    found = treatment_insights(data, MARCH_1, MARCH_31)
    assert [i.title for i in found] == [
        "Before and after Earliest",
        "Before and after TMS (10 Hz rTMS)",
        "Before and after Latest",
    ]
    assert all(not i.enough_data for i in found)


def test_treatment_names() -> None:
    assert treatment_name(TreatmentCourse(CourseKind.TMS, MARCH_1, "10 Hz rTMS")) == (
        "TMS (10 Hz rTMS)"
    )
    assert treatment_name(TreatmentCourse(CourseKind.TMS, MARCH_1, "iTBS (theta burst)")) == (
        "TMS (iTBS)"
    )
    assert treatment_name(TreatmentCourse(CourseKind.ESKETAMINE, MARCH_1)) == (
        "Esketamine (Spravato)"
    )
    assert treatment_name(medication("Sertraline", MARCH_1)) == "Sertraline"


def test_no_treatment_start_near_the_range() -> None:
    (found,) = treatment_insights(diary(MARCH_1, MARCH_31, {}), MARCH_1, MARCH_31)
    assert found == Insight(
        "Before and after a treatment began",
        "No medication or procedure began in or near these dates, so there is no before "
        "and after to show.",
        enough_data=False,
    )


# c. Weekday pattern ------------------------------------------------------------------------

# 2 Mar 2026 is a Monday; four whole weeks run to 29 Mar.
MONDAY = date(2026, 3, 2)
FOUR_WEEKS = [MONDAY + timedelta(days=i) for i in range(28)]


def weekday_moods(saturdays: list[float], mondays: list[float]) -> dict[date, float]:
    moods = dict.fromkeys(FOUR_WEEKS, 5.0)
    for day, value in zip([d for d in FOUR_WEEKS if d.weekday() == 5], saturdays, strict=True):
        moods[day] = value
    for day, value in zip([d for d in FOUR_WEEKS if d.weekday() == 0], mondays, strict=True):
        moods[day] = value
    return moods


def test_highest_and_lowest_weekday() -> None:
    moods = weekday_moods([7.0, 7.0, 8.0, 8.0], [3.0, 3.0, 4.0, 4.0])
    moods[date(2026, 3, 1)] = 0.0  # a Sunday before the range
    found = weekday_insight(diary(MARCH_1, MARCH_31, moods), MONDAY, FOUR_WEEKS[-1])
    assert found == Insight(
        "Mood by day of the week",
        "Mood was highest on Saturdays (7.5, 4 days) and lowest on Mondays (3.5, 4 days).",
        enough_data=True,
        sample_sizes=(4, 4, 4, 4, 4, 4, 4),
    )


def test_a_spread_under_half_a_point_is_no_clear_pattern() -> None:
    moods = weekday_moods([5.4, 5.4, 5.4, 5.4], [5.0, 5.0, 5.0, 5.0])
    found = weekday_insight(diary(MARCH_1, MARCH_31, moods), MONDAY, FOUR_WEEKS[-1])
    assert found.enough_data
    # Every other weekday ties Monday at 5.0: the earliest weekday is named.
    assert found.text == (
        "No clear weekday pattern: the averages of the days of the week are less than 0.5 "
        "points apart, from Mondays (5.0, 4 days) to Saturdays (5.4, 4 days)."
    )
    # Exactly half a point is a pattern.
    moods = weekday_moods([5.5, 5.5, 5.5, 5.5], [5.0, 5.0, 5.0, 5.0])
    found = weekday_insight(diary(MARCH_1, MARCH_31, moods), MONDAY, FOUR_WEEKS[-1])
    assert found.text == (
        "Mood was highest on Saturdays (5.5, 4 days) and lowest on Mondays (5.0, 4 days)."
    )


def test_a_weekday_with_fewer_than_three_days_is_too_little() -> None:
    moods = {day: 5.0 for day in FOUR_WEEKS if day not in (march(8), march(15))}  # 2 Sundays
    moods.pop(march(3))  # 3 Tuesdays is still enough
    found = weekday_insight(diary(MARCH_1, MARCH_31, moods), MONDAY, FOUR_WEEKS[-1])
    assert not found.enough_data
    assert found.sample_sizes == (4, 3, 4, 4, 4, 4, 2)
    assert found.text == (
        "Too few days to look for a pattern yet. This needs at least 3 days with a mood on "
        "each day of the week. Still short: Sundays (2 days)."
    )


# All together ------------------------------------------------------------------------------


def test_insights_in_order_and_the_caution_is_about_causes() -> None:
    end = date(2026, 4, 30)
    found = insights(sertraline_diary(end), MARCH_1, end)
    assert [i.title for i in found] == [
        "Mood after short and long nights",
        "Before and after Sertraline",
        "Mood by day of the week",
    ]
    assert CAUTION == "These notes show what happened together, not what caused it."
    assert all("caus" not in i.text for i in found)
