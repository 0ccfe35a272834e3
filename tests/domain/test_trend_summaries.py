"""The chart panels' text summaries, on hand-built diaries for 1-10 Mar 2026 (10 days); every
number below is worked out by hand."""

from datetime import date, datetime, timedelta

from moodlog.domain.adherence import Adherence
from moodlog.domain.instruments import Instrument
from moodlog.domain.medications import DoseStep, Medication, Schedule
from moodlog.domain.questionnaire_result import QuestionnaireResult, Source
from moodlog.domain.side_effects import Severity, SideEffect
from moodlog.domain.trackers import Tracker, TrackerKind
from moodlog.domain.treatments import CourseKind, TreatmentCourse, TreatmentSession
from moodlog.domain.trend_data import ROLLING_RULE, DayRating, NightSleep, TrendData
from moodlog.domain.trend_summaries import (
    PanelSummary,
    adherence_summary,
    mood_summary,
    range_summary,
    scale_summary,
    scores_summary,
    side_effects_summary,
    sleep_summary,
    summaries,
    tracker_summary,
    treatments_summary,
)

START = date(2026, 3, 1)
END = date(2026, 3, 10)
BEFORE = date(2026, 2, 28)  # just outside the range: never counted


def march(day: int) -> date:
    return date(2026, 3, day)


def ratings(values: dict[date, float]) -> dict[date, DayRating]:
    return {day: DayRating(value, int(value), round(value), 2) for day, value in values.items()}


MOOD = ratings(
    {BEFORE: 0.0, march(1): 4.0, march(2): 2.0, march(4): 6.0, march(7): 7.5, march(9): 5.5}
)
EMPTY = TrendData(START, END)


# Range and mood ------------------------------------------------------------------------------


def test_range_summary_counts_days_with_any_entry() -> None:
    data = TrendData(
        START,
        END,
        ratings={"mood": MOOD},
        sleep={march(3): NightSleep(7.0, None, None), march(4): NightSleep(6.0, 3, None)},
        notes=frozenset({march(10)}),
    )
    # Mood on 1, 2, 4, 7, 9; sleep adds 3; the note adds 10 (28 Feb is outside).
    assert range_summary(data, START, END) == "Logged on 7 of 10 days, 1 Mar 2026 – 10 Mar 2026."
    assert range_summary(EMPTY, START, END) == "Nothing logged from 1 Mar 2026 to 10 Mar 2026."


def test_mood_summary() -> None:
    summary = mood_summary(TrendData(START, END, ratings={"mood": MOOD}), START, END)
    # 4 + 2 + 6 + 7.5 + 5.5 = 25 over 5 days = 5.0. First half 1-5 Mar: 4, 2, 6 = 4.0;
    # second half 6-10 Mar: 7.5, 5.5 = 6.5.
    assert summary == PanelSummary(
        "mood",
        "Mood",
        "Mood rated on 5 of 10 days (0 = worst possible, 10 = best possible). Mean 5.0. "
        "Lowest 2.0 on 2 Mar 2026; highest 7.5 on 7 Mar 2026. "
        "First half (1 Mar 2026 – 5 Mar 2026): mean 4.0 (3 days). "
        "Second half (6 Mar 2026 – 10 Mar 2026): mean 6.5 (2 days). " + ROLLING_RULE,
    )


def test_mood_halves_of_an_odd_range_and_ties() -> None:
    moods = ratings({march(2): 3.0, march(5): 3.0, march(6): 8.0, march(8): 8.0})
    text = mood_summary(TrendData(START, march(9), ratings={"mood": moods}), START, march(9)).text
    # 9 days: the first half takes the odd day. Equal lowest or highest: the earlier day.
    assert "Lowest 3.0 on 2 Mar 2026; highest 8.0 on 6 Mar 2026." in text
    assert "First half (1 Mar 2026 – 5 Mar 2026): mean 3.0 (2 days)." in text
    assert "Second half (6 Mar 2026 – 9 Mar 2026): mean 8.0 (2 days)." in text
    only_late = ratings({march(8): 1.0})
    text = mood_summary(TrendData(START, END, ratings={"mood": only_late}), START, END).text
    assert "First half (1 Mar 2026 – 5 Mar 2026): no ratings." in text
    assert "Mean 1.0. Lowest 1.0 on 8 Mar 2026; highest 1.0 on 8 Mar 2026." in text


def test_other_scales_have_their_own_words_and_no_rolling_rule() -> None:
    anxiety = ratings({march(3): 8.0, march(10): 5.0})
    summary = scale_summary(
        TrendData(START, END, ratings={"anxiety": anxiety}), "anxiety", START, END
    )
    assert summary == PanelSummary(
        "anxiety",
        "Anxiety",
        "Anxiety rated on 2 of 10 days (0 = none, 10 = extreme). Mean 6.5. "
        "Lowest 5.0 on 10 Mar 2026; highest 8.0 on 3 Mar 2026. "
        "First half (1 Mar 2026 – 5 Mar 2026): mean 8.0 (1 day). "
        "Second half (6 Mar 2026 – 10 Mar 2026): mean 5.0 (1 day).",
    )


def test_scales_without_ratings_say_so() -> None:
    only_before = TrendData(START, END, ratings={"mood": ratings({BEFORE: 5.0})})
    assert mood_summary(only_before, START, END).text == "No mood ratings in this range."
    assert scale_summary(EMPTY, "energy", START, END) == PanelSummary(
        "energy", "Energy", "No energy ratings in this range."
    )


# Sleep ---------------------------------------------------------------------------------------


def test_sleep_summary() -> None:
    sleep = {
        BEFORE: NightSleep(2.0, 1, 50.0),
        march(1): NightSleep(5.5, 2, None),
        march(2): NightSleep(7.0, 4, 87.5),
        march(3): NightSleep(None, 3, None),
        march(4): NightSleep(8.0, None, 92.5),
    }
    summary = sleep_summary(TrendData(START, END, sleep=sleep), START, END)
    # Hours (5.5 + 7 + 8) / 3 = 6 h 50 min; quality (2 + 4 + 3) / 3 = 3.0, fair;
    # efficiency (87.5 + 92.5) / 2 = 90 %.
    assert summary == PanelSummary(
        "sleep",
        "Sleep",
        "Sleep logged for 4 of 10 nights. Time asleep: mean 6 h 50 min (3 nights). "
        "Quality: mean 3.0 of 5, about fair (3 nights). "
        "Sleep efficiency: mean 90% (2 nights with bed times).",
    )


def test_sleep_quality_word_rounds_half_up_and_missing_measures_are_left_out() -> None:
    sleep = {march(1): NightSleep(None, 3, None), march(2): NightSleep(None, 4, None)}
    assert sleep_summary(TrendData(START, END, sleep=sleep), START, END).text == (
        "Sleep logged for 2 of 10 nights. Quality: mean 3.5 of 5, about good (2 nights)."
    )


def test_no_sleep() -> None:
    assert sleep_summary(EMPTY, START, END).text == "No sleep logged in this range."


# Side effects ---------------------------------------------------------------------------------

EFFECTS = tuple(
    SideEffect(i, name, is_builtin=True, is_tracked=True)
    for i, name in enumerate(("Nausea", "Headache", "Dry mouth", "Tremor", "Sweating"), start=1)
)
MODERATE, SEVERE, MILD, NONE = Severity.MODERATE, Severity.SEVERE, Severity.MILD, Severity.NONE


def test_side_effects_most_burdensome_first() -> None:
    rated = {
        1: {march(1): MODERATE, march(2): SEVERE, march(3): MILD, march(4): MODERATE},
        2: {march(1): MODERATE, march(5): MODERATE, march(6): MODERATE},
        3: {march(2): SEVERE},
        4: {march(8): MODERATE},
        5: {march(9): NONE, BEFORE: SEVERE},
    }
    data = TrendData(START, END, side_effects=EFFECTS, side_effect_ratings=rated)
    # Rated on 1, 2, 3, 4, 5, 6, 8, 9 Mar. Nausea and Headache both 3 days moderate or worse:
    # the worse (severe) first. Tremor is the fourth.
    assert side_effects_summary(data, START, END) == PanelSummary(
        "side_effects",
        "Side effects",
        "Side effects rated on 8 of 10 days. Rated moderate or worse most often: "
        "Nausea (3 days, worst severe), Headache (3 days, worst moderate) and "
        "Dry mouth (1 day, worst severe). "
        "1 other side effect also rated moderate or worse at times.",
    )


def test_side_effects_never_moderate() -> None:
    mild = {2: {march(1): MILD, march(2): NONE}, 5: {BEFORE: SEVERE}}
    data = TrendData(START, END, side_effects=EFFECTS, side_effect_ratings=mild)
    assert side_effects_summary(data, START, END).text == (
        "Side effects rated on 2 of 10 days. None was rated moderate or worse; the worst was mild."
    )
    none = {2: {march(1): NONE}}
    data = TrendData(START, END, side_effects=EFFECTS, side_effect_ratings=none)
    assert side_effects_summary(data, START, END).text == (
        "Side effects rated on 1 of 10 days. Every rating was none."
    )
    data = TrendData(START, END, side_effects=EFFECTS, side_effect_ratings={5: {BEFORE: SEVERE}})
    assert side_effects_summary(data, START, END).text == "No side effects rated in this range."


# Scores ---------------------------------------------------------------------------------------


def test_scores_first_and_latest_with_bands() -> None:
    scores = (
        QuestionnaireResult(Instrument.PHQ9, date(2026, 2, 20), answers=(3,) * 9),
        QuestionnaireResult(Instrument.PHQ9, march(8), entered_total=11, source=Source.CLINICIAN),
        QuestionnaireResult(Instrument.PHQ9, march(1), answers=(2,) * 9),
        QuestionnaireResult(Instrument.PHQ9, march(4), answers=(1,) * 9),
        QuestionnaireResult(Instrument.GAD7, march(5), answers=(1, 1, None, 1, 1, 1, 1)),
        QuestionnaireResult(Instrument.MADRS, march(6), entered_total=24, source=Source.CLINICIAN),
    )
    assert scores_summary(TrendData(START, END, scores=scores), START, END) == PanelSummary(
        "scores",
        "Questionnaire scores",
        "PHQ-9: 3 results. First 18 of 27 (moderately severe) on 1 Mar 2026; "
        "latest 11 of 27 (moderate) on 8 Mar 2026. "
        "GAD-7: 1 result, no total (1 question unanswered) on 5 Mar 2026. "
        "MADRS: 1 result, 24 of 60 on 6 Mar 2026.",
    )


def test_no_scores() -> None:
    old = (QuestionnaireResult(Instrument.PHQ9, BEFORE, answers=(0,) * 9),)
    assert scores_summary(TrendData(START, END, scores=old), START, END).text == (
        "No questionnaire scores in this range."
    )


# Treatments -----------------------------------------------------------------------------------


def med(
    name: str,
    started: date,
    doses: tuple[tuple[date, float], ...],
    stopped: date | None = None,
    med_id: int | None = None,
    schedule: Schedule = Schedule.SCHEDULED,
) -> Medication:
    steps = tuple(DoseStep(day, dose) for day, dose in doses)
    return Medication(name, started, steps, stopped=stopped, id=med_id, schedule=schedule)


SERTRALINE = med(
    "Sertraline",
    date(2026, 1, 10),
    ((date(2026, 1, 10), 50), (march(3), 100), (date(2026, 3, 17), 150)),
    med_id=1,
)
QUETIAPINE = med("Quetiapine", march(5), ((march(5), 25),), stopped=march(9), med_id=2)
MIRTAZAPINE = med("Mirtazapine", date(2026, 2, 1), ((date(2026, 2, 1), 15),), med_id=3)
BUPROPION = med("Bupropion", date(2025, 12, 1), ((date(2025, 12, 1), 150),), march(2), 4)
STOPPED_AT_START = med("Lithium", date(2025, 6, 1), ((date(2025, 6, 1), 400),), march(1), 5)


def session(course_id: int, day: date, number: int | None = None) -> TreatmentSession:
    return TreatmentSession(course_id, datetime(day.year, day.month, day.day, 9), number)


def test_treatments_summary() -> None:
    courses = (
        TreatmentCourse(CourseKind.TMS, date(2026, 2, 20), "10 Hz rTMS", planned_sessions=36, id=1),
        TreatmentCourse(CourseKind.ECT, march(4), ended=march(9), id=2),
        TreatmentCourse(CourseKind.ESKETAMINE, march(10), id=3),
        TreatmentCourse(CourseKind.VNS, date(2024, 5, 1), id=4),
        TreatmentCourse(CourseKind.PSYCHOTHERAPY, date(2026, 1, 5), "CBT", ended=BEFORE, id=5),
    )
    sessions = (
        # TMS: four before the range, numbered by their order (1-4), then 5-10 in it.
        *(session(1, date(2026, 2, day)) for day in (23, 24, 25, 26)),
        *(session(1, march(day)) for day in range(2, 8)),
        session(2, march(4), 1),
        session(2, march(8), 3),
        session(4, march(2)),
        session(4, march(6)),
        session(5, date(2026, 2, 2)),
    )
    data = TrendData(
        START,
        END,
        medications=(QUETIAPINE, SERTRALINE, MIRTAZAPINE, BUPROPION, STOPPED_AT_START),
        courses=courses,
        sessions=sessions,
    )
    assert treatments_summary(data, START, END) == PanelSummary(
        "treatments",
        "Treatments",
        "Bupropion 150 mg, stopped on 2 Mar 2026. "
        "Sertraline 50 → 100 mg on 3 Mar 2026. "
        "Mirtazapine 15 mg. "
        "Quetiapine started at 25 mg on 5 Mar 2026, stopped on 9 Mar 2026. "
        "VNS (vagus nerve stimulation): 2 setting changes. "
        "TMS (10 Hz rTMS): sessions 5–10 of 36. "
        "ECT: began on 4 Mar 2026, treatments 1–3 (2 recorded), ended on 9 Mar 2026. "
        "Esketamine (Spravato): began on 10 Mar 2026, no sessions in this range.",
    )


def test_one_session_in_range() -> None:
    course = TreatmentCourse(CourseKind.TMS, date(2026, 2, 1), planned_sessions=36, id=1)
    data = TrendData(START, END, courses=(course,), sessions=(session(1, march(2), 20),))
    assert treatments_summary(data, START, END).text == "TMS: session 20 of 36."


def test_no_treatments() -> None:
    data = TrendData(START, END, medications=(STOPPED_AT_START,))
    assert treatments_summary(data, START, END).text == (
        "No medications or procedures in this range."
    )


# Adherence ------------------------------------------------------------------------------------


def test_adherence_over_the_days_each_medication_was_taken() -> None:
    taken, partly, missed = Adherence.TAKEN, Adherence.PARTLY, Adherence.MISSED
    records = {
        1: {
            **{march(day): taken for day in range(1, 7)},
            march(7): partly,
            march(8): missed,
            BEFORE: missed,
        },
        # Quetiapine was taken 5-8 Mar (stopped on the 9th); a record on the 9th still counts.
        2: {march(5): taken, march(6): missed, march(9): taken},
    }
    as_needed = med("Lorazepam", date(2026, 1, 1), ((date(2026, 1, 1), 1),), med_id=6,
                    schedule=Schedule.AS_NEEDED)  # fmt: skip
    data = TrendData(
        START,
        END,
        adherence=records,
        medications=(SERTRALINE, QUETIAPINE, MIRTAZAPINE, BUPROPION, STOPPED_AT_START, as_needed),
    )
    assert adherence_summary(data, START, END) == PanelSummary(
        "adherence",
        "Medication taken",
        "Bupropion, 1 day: taken 0, partly taken 0, missed 0, not recorded 1. "
        "Sertraline, 10 days: taken 6, partly taken 1, missed 1, not recorded 2. "
        "Mirtazapine, 10 days: taken 0, partly taken 0, missed 0, not recorded 10. "
        "Quetiapine, 5 days: taken 2, partly taken 0, missed 1, not recorded 2.",
    )


def test_no_adherence() -> None:
    data = TrendData(START, END, medications=(STOPPED_AT_START,))
    assert adherence_summary(data, START, END).text == (
        "No daily medications to mark as taken in this range."
    )


# All panels -----------------------------------------------------------------------------------


def test_summaries_in_panel_order() -> None:
    data = TrendData(
        START,
        END,
        ratings={
            "mood": MOOD,
            "hopelessness": ratings({march(2): 6.0}),
            "anxiety": ratings({march(1): 4.0}),
            "energy": ratings({BEFORE: 4.0}),  # outside the range: no panel
        },
    )
    found = summaries(data, START, END)
    assert [s.key for s in found] == [
        "mood",
        "anxiety",
        "hopelessness",
        "sleep",
        "side_effects",
        "scores",
        "treatments",
        "adherence",
    ]
    assert found[0] == mood_summary(data, START, END)


def test_an_empty_range_says_so_in_every_panel() -> None:
    assert [s.text for s in summaries(EMPTY, START, END)] == [
        "No mood ratings in this range.",
        "No sleep logged in this range.",
        "No side effects rated in this range.",
        "No questionnaire scores in this range.",
        "No medications or procedures in this range.",
        "No daily medications to mark as taken in this range.",
    ]


def test_tracker_summaries_by_kind() -> None:
    day = date(2026, 3, 1)
    data = TrendData(
        day,
        day + timedelta(days=9),
        trackers=(
            Tracker(1, "Exercise", TrackerKind.NUMBER, "minutes", True, True),
            Tracker(2, "Went outside", TrackerKind.YES_NO, "", False, True),
            Tracker(3, "Social contact", TrackerKind.SCALE, "0 none, 10 a lot", True, True),
        ),
        tracker_values={
            1: {day: 20, day + timedelta(days=1): 40},
            2: {day: 1, day + timedelta(days=1): 0, day + timedelta(days=2): 1},
            3: {day: 4},
        },
    )
    end = day + timedelta(days=9)
    assert tracker_summary(data, 1, day, end).text == (
        "Logged on 2 of 10 days. Mean 30.0 minutes; most 40 minutes."
    )
    assert tracker_summary(data, 2, day, end).text == "Logged on 3 of 10 days. Yes on 2 days."
    assert (
        tracker_summary(data, 3, day, end).text
        == "Logged on 1 of 10 days. Mean 4.0 of 10; most 4 of 10."
    )
    assert tracker_summary(data, 3, end, end).text == "No social contact logged in this range."
