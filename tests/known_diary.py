"""A small diary with every kind of entry on known days, for the chart, summary and report
tests: gaps, two check-ins on one day, a dose change, adherence, a TMS course with sessions
and PHQ-9 results more than five weeks apart."""

from datetime import date, datetime

from moodlog.domain.adherence import Adherence
from moodlog.domain.check_in import CheckIn
from moodlog.domain.day_entry import DayEntry
from moodlog.domain.instruments import Instrument
from moodlog.domain.medications import DoseStep, Medication
from moodlog.domain.questionnaire_result import QuestionnaireResult
from moodlog.domain.side_effects import Severity
from moodlog.domain.sleep import SleepMode, SleepQuality, SleepRecord
from moodlog.domain.treatments import CourseKind, TreatmentCourse, TreatmentSession
from moodlog.storage.diary_store import DiaryStore

NOW = datetime(2026, 11, 21, 9, 30)
START = date(2026, 10, 1)
END = date(2026, 11, 20)
# Mood on Oct 1-10, nothing from Oct 11 to Nov 1, two check-ins (2 then 6) on Nov 2.
DAILY_MOODS = {
    date(2026, 10, d): m for d, m in zip(range(1, 11), (3, 4, 5, 5, 6, 4, 5, 6, 7, 6), strict=True)
}
TWO_CHECK_INS_DAY = date(2026, 11, 2)
SLEEP = {date(2026, 10, 1): 7.5, date(2026, 10, 3): 5.0}
NAUSEA = {date(2026, 10, 2): Severity.MODERATE, date(2026, 10, 3): Severity.MILD}
PHQ9 = {date(2026, 10, 1): 18, date(2026, 10, 15): 12, date(2026, 11, 20): 8}  # 36-day gap
SESSIONS = (date(2026, 10, 5), date(2026, 10, 6), date(2026, 10, 7))


def phq9_answers(total: int) -> tuple[int, ...]:
    """Nine answers adding up to ``total`` (item 9 always 0)."""
    answers = []
    left = total
    for _ in range(8):
        answer = min(3, left)
        answers.append(answer)
        left -= answer
    return (*answers, 0)


def write_known_diary(store: DiaryStore) -> dict[str, int]:
    """Fill ``store``; returns the ids the tests need."""
    nausea = store.add_side_effect("Nausea (test)")
    for day, mood in DAILY_MOODS.items():
        store.save_day(
            DayEntry(
                day,
                CheckIn(
                    datetime(day.year, day.month, day.day, 9), {"mood": mood, "anxiety": 10 - mood}
                ),
                SleepRecord(
                    day, SleepMode.MINIMAL, hours_slept=SLEEP[day], quality=SleepQuality.POOR
                )
                if day in SLEEP
                else None,
                side_effects={nausea.id: NAUSEA[day]} if day in NAUSEA else {},
            ),
            NOW,
        )
    for hour, mood in ((8, 2), (20, 6)):
        day = TWO_CHECK_INS_DAY
        store.save_day(
            DayEntry(
                day, CheckIn(datetime(day.year, day.month, day.day, hour), {"mood": mood}, "a note")
            ),
            NOW,
        )
    sertraline = store.treatments.add_medication(
        Medication(
            "Sertraline",
            date(2026, 10, 1),
            (DoseStep(date(2026, 10, 1), 50), DoseStep(date(2026, 10, 15), 100)),
        ),
        NOW,
    )
    assert sertraline.id is not None
    store.treatments.set_adherence(
        {
            (sertraline.id, date(2026, 10, 1)): Adherence.TAKEN,
            (sertraline.id, date(2026, 10, 2)): Adherence.MISSED,
            (sertraline.id, date(2026, 10, 3)): Adherence.PARTLY,
        }
    )
    tms = store.treatments.add_course(
        TreatmentCourse(
            CourseKind.TMS,
            date(2026, 10, 5),
            "10 Hz rTMS",
            ended=date(2026, 10, 20),
            planned_sessions=30,
        ),
        NOW,
    )
    assert tms.id is not None
    store.treatments.add_sessions(
        [
            TreatmentSession(tms.id, datetime(d.year, d.month, d.day, 10), number=n)
            for n, d in enumerate(SESSIONS, start=1)
        ],
        NOW,
    )
    for day, total in PHQ9.items():
        store.questionnaires.add_result(
            QuestionnaireResult(Instrument.PHQ9, day, phq9_answers(total)), NOW
        )
    return {"nausea": nausea.id, "sertraline": sertraline.id, "tms": tms.id}
