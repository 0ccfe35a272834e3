"""A small diary whose report figures are known by hand, for the report tests.

The period is October 2026 (31 days):

- Check-ins with mood on 1–20 Oct; a note for the clinician on 12 Oct (and a private note,
  and a flagged note on 3 Nov, after the period, that must not appear).
- Full sleep diaries for the nights of 15–28 Oct: 22:30 to bed, 23:00 tried, 30 min to fall
  asleep, 2 awakenings for 20 min, awake 06:30, up 07:00 → 6 h 40 min asleep of 8 h 30 in
  bed (78 %). Last 14 nights of the period (18–31 Oct): 11 recorded.
- Side effects rated on 1–20 Oct: Headache moderate every day (suspected cause: TMS; rated
  none on 1–13 Sep, before TMS), Nausea mild on 1–10 Oct (suspected cause: sertraline).
  Days logged: 1–28 Oct = 28 of 31.
- Sertraline 50 mg from 1 Sep, 100 mg from 10 Oct (adequate minimum 50 mg). Adherence on
  1–20 Oct: missed 5 and 12 Oct, partly 15 Oct → (17 + 0.5) / 20 = 88 %.
- TMS (10 Hz rTMS, 36 planned) from 14 Sep: 24 daily sessions to 7 Oct, 7 of them in October.
- PHQ-9: 12 Sep total 20 (TMS baseline), 5 Oct total 14 with item 9 = 2, 26 Oct total 9
  (item 9 = 0), and 5 Nov total 3 (after the period). GAD-7 26 Oct total 8.
  Against TMS's baseline: 20 → 9, −11 points, −55 %: response, not remission.
- An appointment on 1 Oct; one open question for the doctor, one answered.
"""

from datetime import date, datetime, time, timedelta
from pathlib import Path

from moodlog.domain.adherence import Adherence
from moodlog.domain.appointments import Appointment, ClinicianQuestion
from moodlog.domain.check_in import CheckIn
from moodlog.domain.day_entry import DayEntry
from moodlog.domain.episode import Episode, EpisodeSeverity
from moodlog.domain.instruments import Instrument
from moodlog.domain.medications import DoseStep, Medication
from moodlog.domain.pharmacogenetics import PgxResult, Phenotype
from moodlog.domain.questionnaire_result import QuestionnaireResult
from moodlog.domain.side_effects import Severity
from moodlog.domain.sleep import SleepMode, SleepQuality, SleepRecord
from moodlog.domain.treatments import CourseKind, TreatmentCourse, TreatmentSession
from moodlog.reports.report_period import ReportPeriod
from moodlog.storage.database import open_database
from moodlog.storage.diary_store import DiaryStore

NOW = datetime(2026, 11, 21, 9, 30)
PERIOD = ReportPeriod(date(2026, 10, 1), date(2026, 10, 31))
ITEM_NINE_DAY = date(2026, 10, 5)
CLINICIAN_NOTE = "Ask about splitting the sertraline dose."
PRIVATE_NOTE = "A private thought, not for the report."
LATE_NOTE = "Written after the period, must not appear."
OPEN_QUESTION = "Could the headaches come from the TMS?"
ANSWERED_QUESTION = "Is it fine to drink coffee?"


def _day(month: int, day: int) -> date:
    return date(2026, month, day)


def _night(night_of: date) -> SleepRecord:
    return SleepRecord(
        night_of=night_of,
        mode=SleepMode.FULL,
        quality=SleepQuality.FAIR,
        into_bed=time(22, 30),
        tried_to_sleep=time(23, 0),
        minutes_to_fall_asleep=30,
        awakenings=2,
        minutes_awake=20,
        final_awakening=time(6, 30),
        out_of_bed=time(7, 0),
    )


def _phq9(day: date, total: int, item9: int) -> QuestionnaireResult:
    """Eight items summing to ``total - item9`` (each 0-3), then item 9."""
    rest = total - item9
    answers = [min(3, max(0, rest - 3 * i)) for i in range(8)]
    assert sum(answers) == rest
    return QuestionnaireResult(Instrument.PHQ9, day, answers=(*answers, item9))


def build_known_diary(path: Path) -> None:
    store = DiaryStore(open_database(path, NOW))
    try:
        _fill(store)
    finally:
        store.close()


def _fill(store: DiaryStore) -> None:
    t = store.treatments
    sertraline = t.add_medication(
        Medication(
            "Sertraline",
            _day(9, 1),
            (DoseStep(_day(9, 1), 50.0), DoseStep(_day(10, 10), 100.0)),
            drug_class="SSRI",
            adequate_min_dose=50.0,
        ),
        NOW,
    )
    tms = t.add_course(
        TreatmentCourse(CourseKind.TMS, _day(9, 14), variant="10 Hz rTMS", planned_sessions=36),
        NOW,
    )
    assert sertraline.id is not None
    assert tms.id is not None
    t.add_sessions(
        [
            TreatmentSession(
                tms.id,
                datetime.combine(_day(9, 14) + timedelta(days=n), time(9, 0)),
                intensity_percent=120.0,
            )
            for n in range(24)
        ],
        NOW,
    )
    t.add_pgx_result(PgxResult("CYP2C19", Phenotype.INTERMEDIATE, "*1/*2", _day(3, 2)))
    t.set_episode(Episode(_day(6, 1) - timedelta(days=365), EpisodeSeverity.SEVERE))

    effects = {e.name: e.id for e in store.side_effects()}
    store.set_side_effect_cause(effects["Headache"], None, tms.id)
    store.set_side_effect_cause(effects["Nausea"], sertraline.id, None)

    adherence = {_day(10, 5): Adherence.MISSED, _day(10, 12): Adherence.MISSED}
    adherence[_day(10, 15)] = Adherence.PARTLY
    entries = []
    for n in range(13):  # before TMS: headache rated, but none
        entries.append(DayEntry(_day(9, 1 + n), side_effects={effects["Headache"]: Severity.NONE}))
    for n in range(28):
        day = _day(10, 1 + n)
        check_in = None
        side: dict[int, Severity | None] = {}
        taken: dict[int, Adherence | None] = {}
        if n < 20:
            note, flagged = "", False
            if day == _day(10, 12):
                note, flagged = CLINICIAN_NOTE, True
            elif day == _day(10, 13):
                note = PRIVATE_NOTE
            check_in = CheckIn(
                datetime.combine(day, time(20, 0)), {"mood": 4}, note, for_clinician=flagged
            )
            side[effects["Headache"]] = Severity.MODERATE
            if n < 10:
                side[effects["Nausea"]] = Severity.MILD
            taken[sertraline.id] = adherence.get(day, Adherence.TAKEN)
        sleep = _night(day) if n >= 14 else None
        entries.append(DayEntry(day, check_in, sleep, side, adherence=taken))
    late = _day(11, 3)
    entries.append(
        DayEntry(late, CheckIn(datetime.combine(late, time(8, 0)), {"mood": 7}, LATE_NOTE, True))
    )
    store.save_days(entries, NOW)

    q = store.questionnaires
    q.add_result(_phq9(_day(9, 12), 20, 1), NOW)  # before the period: its item 9 is not listed
    q.add_result(_phq9(ITEM_NINE_DAY, 14, 2), NOW)
    q.add_result(_phq9(_day(10, 26), 9, 0), NOW)
    q.add_result(_phq9(_day(11, 5), 3, 0), NOW)
    q.add_result(
        QuestionnaireResult(Instrument.GAD7, _day(10, 26), answers=(2, 2, 1, 1, 1, 1, 0)), NOW
    )

    a = store.appointments
    a.add_appointment(Appointment(_day(10, 1), "Dr Lee"))
    a.add_question(ClinicianQuestion(OPEN_QUESTION, NOW - timedelta(days=40)))
    answered = a.add_question(ClinicianQuestion(ANSWERED_QUESTION, NOW - timedelta(days=60)))
    assert answered.id is not None
    a.set_question_answered(answered.id, True)
