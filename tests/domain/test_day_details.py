"""A day in words, as the Charts view shows it when the day is pointed at."""

from datetime import date, datetime

from moodlog.domain.adherence import Adherence
from moodlog.domain.day_details import day_details
from moodlog.domain.instruments import Instrument
from moodlog.domain.medications import DoseStep, Medication
from moodlog.domain.questionnaire_result import QuestionnaireResult
from moodlog.domain.side_effects import Severity, SideEffect
from moodlog.domain.trackers import Tracker, TrackerKind
from moodlog.domain.treatments import CourseKind, TreatmentCourse, TreatmentSession
from moodlog.domain.trend_data import DayRating, NightSleep, TrendData

DAY = date(2026, 3, 3)


def test_every_kind_of_entry_in_words() -> None:
    medication = Medication(
        "Sertraline", date(2026, 1, 1), (DoseStep(date(2026, 1, 1), 50), DoseStep(DAY, 100)), id=4
    )
    data = TrendData(
        DAY,
        DAY,
        ratings={"mood": {DAY: DayRating(3.5, 2, 5, 2)}, "anxiety": {DAY: DayRating(7, 7, 7, 1)}},
        sleep={DAY: NightSleep(6.25, 2, 81.4)},
        side_effects=(SideEffect(9, "Nausea", False, True),),
        side_effect_ratings={9: {DAY: Severity.MODERATE}},
        trackers=(
            Tracker(1, "Exercise", TrackerKind.NUMBER, "minutes", True, True),
            Tracker(2, "Went outside", TrackerKind.YES_NO, "", False, True),
            Tracker(3, "Social contact", TrackerKind.SCALE, "0 none, 10 a lot", True, True),
        ),
        tracker_values={1: {DAY: 20}, 2: {DAY: 1}, 3: {DAY: 4}},
        adherence={4: {DAY: Adherence.PARTLY}},
        medications=(medication,),
        courses=(TreatmentCourse(CourseKind.TMS, date(2026, 3, 1), planned_sessions=36, id=2),),
        sessions=(TreatmentSession(2, datetime(2026, 3, 3, 10), number=3),),
        scores=(QuestionnaireResult(Instrument.PHQ9, DAY, entered_total=14),),
    )
    assert day_details(data, DAY) == [
        "Mood 3.5 (somewhat low), 2 check-ins ranging 2–5",
        "Anxiety 7",
        "Sleep: slept 6.2 h, quality poor, efficiency 81%",
        "Side effects: Nausea moderate",
        "PHQ-9: 14 of 27 — Moderate",
        "TMS session 3 of 36",
        "Sertraline dose changed to 100 mg",
        "Sertraline: partly taken",
        "Exercise: 20 minutes",
        "Went outside: yes",
        "Social contact: 4 of 10",
    ]


def test_an_empty_day_says_so() -> None:
    assert day_details(TrendData(DAY, DAY), DAY) == ["Nothing logged on this day."]
