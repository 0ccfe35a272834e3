"""Everything a report needs from the diary for one period, read once on the thread that owns
the store; the PDF is then written from this snapshot alone (on any thread).

Nothing dated after the period's end is kept, so a report made later says the same thing.
Scores, treatments and side-effect ratings from before the period stay: a baseline is by
definition older than what it is compared with.
"""

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from moodlog.domain.adherence import Adherence
from moodlog.domain.appointments import Appointment, ClinicianQuestion
from moodlog.domain.check_in import CheckIn
from moodlog.domain.episode import Episode
from moodlog.domain.medication_reference import MedicationReference, load_medication_reference
from moodlog.domain.medications import Medication
from moodlog.domain.pharmacogenetics import PgxResult
from moodlog.domain.pharmacogenomic_notes import guideline_notes, load_gene_drug_guidelines
from moodlog.domain.questionnaire_result import QuestionnaireResult
from moodlog.domain.side_effect_onset import BASELINE_DAYS
from moodlog.domain.side_effects import Severity, SideEffect
from moodlog.domain.sleep import SleepRecord
from moodlog.domain.treatments import TreatmentCourse, TreatmentSession
from moodlog.domain.trend_data import TrendData
from moodlog.reports.report_period import ReportPeriod
from moodlog.storage.diary_store import DiaryStore


@dataclass(frozen=True, slots=True)
class ReportData:
    """The diary as the report sees it.

    ``trend``: the period's days (the charts' input). ``medications``, ``courses``,
    ``sessions``, ``scores`` and ``adherence``: everything up to the period's end (trial
    adequacy and baselines look back). ``safety_answers``: every answered PHQ-9 item 9 in
    the period, 0 included. ``side_effect_history``: ratings from four weeks before the
    earliest suspected cause (or the period) began, to the period's end. ``sleep`` and
    ``clinician_notes``: the period's nights and the notes flagged for the clinician.
    ``questions``: the questions for the doctor not yet answered.
    """

    period: ReportPeriod
    generated_at: datetime
    trend: TrendData
    medications: tuple[Medication, ...]
    adherence: Mapping[int, Mapping[date, Adherence]]
    courses: tuple[TreatmentCourse, ...]
    sessions: tuple[TreatmentSession, ...]
    scores: tuple[QuestionnaireResult, ...]
    safety_answers: tuple[tuple[date, int], ...]
    episode: Episode
    pgx: tuple[PgxResult, ...]
    pgx_notes: tuple[str, ...]
    side_effects: tuple[SideEffect, ...]
    side_effect_history: Mapping[int, Mapping[date, Severity]]
    sleep: tuple[SleepRecord, ...]
    clinician_notes: tuple[CheckIn, ...]
    appointments: tuple[Appointment, ...]
    questions: tuple[ClinicianQuestion, ...]
    reference: MedicationReference | None = None

    @property
    def as_of(self) -> date:
        """The day the report speaks for: the period's last day."""
        return self.period.end

    @property
    def is_empty(self) -> bool:
        """Nothing logged, scored or done in the period."""
        period = self.period
        return (
            not self.trend.logged_days()
            and not any(period.contains(s.taken_on) for s in self.scores)
            and not any(period.contains(s.day) for s in self.sessions)
        )

    def scores_in_period(self) -> list[QuestionnaireResult]:
        return [s for s in self.scores if self.period.contains(s.taken_on)]


def _cause_start(
    effect: SideEffect,
    medications: Mapping[int, Medication],
    courses: Mapping[int, TreatmentCourse],
) -> date | None:
    if effect.suspected_medication_id is not None:
        medication = medications.get(effect.suspected_medication_id)
        return None if medication is None else medication.started
    if effect.suspected_course_id is not None:
        course = courses.get(effect.suspected_course_id)
        return None if course is None else course.started
    return None


def _clinician_notes(store: DiaryStore, period: ReportPeriod) -> tuple[CheckIn, ...]:
    days = sorted(
        s.day for s in store.day_summaries(period.start, period.end) if s.has_clinician_note
    )
    return tuple(
        check_in
        for day in days
        for check_in in store.day_record(day).check_ins
        if check_in.for_clinician and check_in.note.strip()
    )


def _sleep_records(store: DiaryStore, nights: list[date]) -> tuple[SleepRecord, ...]:
    records = (store.day_record(night).sleep for night in sorted(nights))
    return tuple(record for record in records if record is not None)


def gather_report_data(store: DiaryStore, period: ReportPeriod, now: datetime) -> ReportData:
    """Read what the report needs for ``period`` (call on the store's thread)."""
    end = period.end
    treatments = store.treatments
    medications = tuple(m for m in treatments.medications() if m.started <= end)
    courses = tuple(c for c in treatments.courses() if c.started <= end)
    sessions = tuple(s for s in treatments.sessions() if s.day <= end)
    scores = tuple(s for s in store.questionnaires.results() if s.taken_on <= end)
    adherence = {
        medication_id: {day: status for day, status in by_day.items() if day <= end}
        for medication_id, by_day in treatments.adherence_by_medication().items()
    }
    trend = replace(
        store.trend_data(period.start, end),
        medications=medications,
        courses=courses,
        sessions=sessions,
        scores=scores,
    )
    effects = tuple(store.side_effects())
    by_medication = {m.id: m for m in medications if m.id is not None}
    by_course = {c.id: c for c in courses if c.id is not None}
    starts = [_cause_start(e, by_medication, by_course) for e in effects]
    earliest = min([period.start, *(s for s in starts if s is not None)])
    history = store.side_effect_ratings(earliest - timedelta(days=BASELINE_DAYS), end)
    pgx = tuple(treatments.pgx_results())
    reference = load_medication_reference()
    current = [m.name for m in medications if m.is_active_on(end)]
    notes = guideline_notes(pgx, current, load_gene_drug_guidelines(), reference=reference)
    return ReportData(
        period=period,
        generated_at=now,
        trend=trend,
        medications=medications,
        adherence=adherence,
        courses=courses,
        sessions=sessions,
        scores=scores,
        safety_answers=tuple(store.questionnaires.safety_answers(period.start, end)),
        episode=treatments.episode(),
        pgx=pgx,
        pgx_notes=tuple(notes),
        side_effects=effects,
        side_effect_history=history,
        sleep=_sleep_records(store, list(trend.sleep)),
        clinician_notes=_clinician_notes(store, period),
        appointments=tuple(store.appointments.appointments()),
        questions=tuple(store.appointments.open_questions()),
        reference=reference,
    )
