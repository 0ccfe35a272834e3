"""The rows of the report's longer tables, as plain data: medication trials with their
adequacy, procedures, side effects at baseline and now by suspected cause, and sleep."""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from moodlog.domain.course_outcome import CourseOutcome, measured_outcomes
from moodlog.domain.day_text import day_text
from moodlog.domain.errors import InvalidEntry
from moodlog.domain.medication_reference import MedicationReference, ReferenceStatus
from moodlog.domain.medications import Medication, format_dose
from moodlog.domain.session_counts import sessions_of_planned
from moodlog.domain.side_effect_onset import BASELINE_DAYS, describe_onset, onset_search_start
from moodlog.domain.side_effects import Severity, SideEffect
from moodlog.domain.sleep import SleepMode, SleepRecord, measure_sleep
from moodlog.domain.translation import translate
from moodlog.domain.trd_staging import (
    TrdSummary,
    summarise_trd,
    treatment_starts,
    with_measured_outcome,
)
from moodlog.domain.treatments import CourseKind, TreatmentCourse
from moodlog.domain.trial_adequacy import TrialAssessment, assess_trial
from moodlog.reports.report_data import ReportData
from moodlog.reports.report_period import ReportPeriod

NOW_DAYS = 14  # "now" in the side-effect table: the period's last two weeks
NIGHTLY_MAX_DAYS = 31  # longer periods get a weekly sleep table


# -- treatment ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TreatmentHistory:
    summary: TrdSummary
    trials: tuple[TrialAssessment, ...]  # every medication, oldest first


def treatment_history(data: ReportData) -> TreatmentHistory:
    """The TRD summary of the current episode and every trial's assessment, as of the
    period's end (the Treatment view's computation)."""
    today = data.as_of
    medications = list(data.medications)
    scores = list(data.scores)
    starts = treatment_starts(medications, data.courses)
    summary = summarise_trd(
        medications, data.adherence, data.courses, data.sessions, data.episode, today, scores
    )
    assessed = {a.medication.id: a for a in summary.assessments}
    trials = tuple(
        assessed.get(m.id)
        or with_measured_outcome(
            assess_trial(m, data.adherence.get(m.id or 0, {}), today), scores, today, starts
        )
        for m in medications
    )
    return TreatmentHistory(summary, trials)


def minimum_dose_text(medication: Medication, reference: MedicationReference | None) -> str:
    """The adequate minimum dose and where it came from: an editable default from the
    reference table (saying when the reference marks it unverified), or set in the diary."""
    minimum = medication.adequate_min_dose
    if minimum is None:
        #: The adequate minimum dose: not set.
        return translate("ReportTables", "not set")
    dose = format_dose(minimum, medication.unit)
    drug = reference.find(medication.name) if reference is not None else None
    if drug is None or drug.adequate_min != minimum:
        return translate("ReportTables", "{dose} (set in the diary)").format(dose=dose)
    if drug.status is ReferenceStatus.VERIFIED:
        return translate("ReportTables", "{dose} (editable default)").format(dose=dose)
    if drug.status is ReferenceStatus.PARTLY_VERIFIED:
        return translate("ReportTables", "{dose} (editable default, partly verified)").format(
            dose=dose
        )
    return translate("ReportTables", "{dose} (editable default, unverified)").format(dose=dose)


def outcomes_text(outcomes: Sequence[CourseOutcome]) -> str:
    """Every scale measured before and after, else why the PHQ-9 could not be compared."""
    measured = [o.text for o in outcomes if o.is_measured]
    if measured:
        return "; ".join(measured)
    return outcomes[0].text if outcomes else ""


@dataclass(frozen=True, slots=True)
class ProcedureRow:
    course: TreatmentCourse
    sessions_done: int
    details: str
    outcome: str

    @property
    def sessions_text(self) -> str:
        course = self.course
        return sessions_of_planned(course.kind, self.sessions_done, course.planned_sessions)


def _procedure_details(course: TreatmentCourse, data: ReportData) -> str:
    mine = [s for s in data.sessions if s.course_id == course.id]
    parts: list[str] = []
    if course.kind is CourseKind.TMS:
        levels = sorted({s.intensity_percent for s in mine if s.intensity_percent is not None})
        if levels:
            span = f"{levels[0]:g}" if len(levels) == 1 else f"{levels[0]:g}–{levels[-1]:g}"
            #: TMS: the stimulation's strength, "intensity 110% of motor threshold".
            intensity = translate("ReportTables", "intensity {percent}% of motor threshold")
            parts.append(intensity.format(percent=span))
    if course.kind in (CourseKind.ESKETAMINE, CourseKind.IV_KETAMINE):
        doses = sorted({s.dose_mg for s in mine if s.dose_mg is not None})
        if doses:
            #: The doses given, "doses 56 mg, 84 mg".
            listed = translate("ReportTables", "doses {doses}")
            parts.append(listed.format(doses=", ".join(f"{d:g} mg" for d in doses)))
        dissociation = [s.dissociation for s in mine if s.dissociation is not None]
        if dissociation:
            worst = translate("ReportTables", "dissociation up to {rating}/10")
            parts.append(worst.format(rating=max(dissociation)))
    if course.kind is CourseKind.ECT:
        placements = sorted({s.electrode_placement for s in mine if s.electrode_placement})
        parts += placements
        memory = [s.memory_complaints for s in mine if s.memory_complaints is not None]
        if memory:
            #: The worst memory complaint rated, "memory complaints up to moderate".
            complaints = translate("ReportTables", "memory complaints up to {severity}")
            parts.append(complaints.format(severity=max(memory).label.lower()))
    effects = sorted({name for s in mine for name in s.side_effects})
    if effects:
        noted = translate("ReportTables", "side effects noted: {side_effects}")
        parts.append(noted.format(side_effects=", ".join(effects)))
    return "; ".join(parts)


def procedure_rows(data: ReportData) -> tuple[ProcedureRow, ...]:
    today = data.as_of
    starts = treatment_starts(data.medications, data.courses)
    return tuple(
        ProcedureRow(
            course=course,
            sessions_done=sum(1 for s in data.sessions if s.course_id == course.id),
            details=_procedure_details(course, data),
            outcome=outcomes_text(
                measured_outcomes(data.scores, course.started, course.ended, today, starts)
            ),
        )
        for course in data.courses
    )


# -- side effects ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Ratings:
    """A side effect's ratings over a span of days: how many days, their mean and the
    worst."""

    window: ReportPeriod
    days: int
    mean: float | None
    worst: Severity | None

    @property
    def text(self) -> str:
        if self.mean is None or self.worst is None:
            return translate("ReportTables", "not rated")
        if self.days == 1:
            #: A side effect's ratings: their mean, the worst, and on how many days.
            rated = translate("ReportTables", "mean {mean}, worst {worst} (1 day)")
        else:
            rated = translate("ReportTables", "mean {mean}, worst {worst} ({days} days)")
        return rated.format(mean=f"{self.mean:.1f}", worst=self.worst.label.lower(), days=self.days)


@dataclass(frozen=True, slots=True)
class SideEffectRow:
    """``cause`` is the suspected cause's name ("" when none is recorded); ``baseline`` is
    the four weeks before that cause began, or the period's first two weeks without one."""

    name: str
    cause: str
    baseline_label: str
    baseline: Ratings
    now: Ratings
    onset: str


def _ratings(by_day: Mapping[date, Severity], window: ReportPeriod) -> Ratings:
    values = [s for day, s in by_day.items() if window.contains(day)]
    if not values:
        return Ratings(window, 0, None, None)
    return Ratings(window, len(values), sum(int(v) for v in values) / len(values), max(values))


def _first_rated(by_day: Mapping[date, Severity], since: date, end: date) -> date | None:
    return min((d for d, s in by_day.items() if since <= d <= end and s > 0), default=None)


def _cause(effect: SideEffect, data: ReportData) -> Medication | TreatmentCourse | None:
    if effect.suspected_medication_id is not None:
        return next((m for m in data.medications if m.id == effect.suspected_medication_id), None)
    if effect.suspected_course_id is not None:
        return next((c for c in data.courses if c.id == effect.suspected_course_id), None)
    return None


def side_effect_rows(data: ReportData) -> tuple[SideEffectRow, ...]:
    """Each side effect with a suspected cause or rated mild or worse in the period: its
    ratings at baseline and over the period's last two weeks, grouped by cause (effects
    without a cause last)."""
    period = data.period
    now = period.last_days(NOW_DAYS)
    rows: list[SideEffectRow] = []
    for effect in data.side_effects:
        by_day = data.side_effect_history.get(effect.id, {})
        cause = _cause(effect, data)
        rated_in_period = any(period.contains(d) and s > 0 for d, s in by_day.items())
        if cause is None and not rated_in_period:
            continue
        if cause is None:
            window = period.first_days(NOW_DAYS)
            label = translate("ReportTables", "first 2 weeks of the period ({dates})").format(
                dates=window.text
            )
            name, onset = "", ""
        else:
            before = cause.started - timedelta(days=1)
            window = ReportPeriod(cause.started - timedelta(days=BASELINE_DAYS), before)
            name = cause.name if isinstance(cause, Medication) else cause.title
            label = translate("ReportTables", "4 weeks before {cause} began ({dates})").format(
                cause=name, dates=window.text
            )
            onset = describe_onset(
                _first_rated(by_day, onset_search_start(cause), period.end), cause
            )
        rows.append(
            SideEffectRow(
                effect.name, name, label, _ratings(by_day, window), _ratings(by_day, now), onset
            )
        )
    rows.sort(key=lambda r: (r.cause == "", r.cause.casefold(), r.name.casefold()))
    return tuple(rows)


# -- sleep -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SleepRow:
    """One night, or (for long periods) one week's means over its recorded nights."""

    label: str
    nights: int
    total_sleep_minutes: float | None
    efficiency_percent: float | None
    minutes_to_fall_asleep: float | None
    minutes_awake: float | None
    quality: float | None


def _mean(values: Iterable[float | None]) -> float | None:
    kept = [v for v in values if v is not None]
    return sum(kept) / len(kept) if kept else None


def _night_row(label: str, records: list[SleepRecord]) -> SleepRow:
    measured = []
    for record in records:
        try:
            measured.append((record, measure_sleep(record, today=date.max)))
        except InvalidEntry:
            continue
    full = [(r, m) for r, m in measured if r.mode is SleepMode.FULL]
    return SleepRow(
        label=label,
        nights=len(measured),
        total_sleep_minutes=_mean(m.total_sleep_minutes for _r, m in measured),
        efficiency_percent=_mean(m.efficiency_percent for _r, m in full),
        minutes_to_fall_asleep=_mean(float(r.minutes_to_fall_asleep) for r, _m in full),
        minutes_awake=_mean(float(r.minutes_awake) for r, _m in full),
        quality=_mean(None if r.quality is None else float(r.quality) for r, _m in measured),
    )


def week_text(week: ReportPeriod) -> str:
    """ "3 Nov – 9 Nov 2026" (the year once)."""
    start = week.start
    first = day_text(start)
    if start.year == week.end.year:
        # day_text's month, in the person's language (strftime's "%b" would follow the C
        # library's locale instead), without the year.
        first = first.removesuffix(f" {start.year}")
    return f"{first} – {day_text(week.end)}"


def sleep_rows(data: ReportData) -> tuple[bool, tuple[SleepRow, ...]]:
    """(nightly?, rows): one row a night for periods up to :data:`NIGHTLY_MAX_DAYS` days,
    else one a week (weeks start on the period's first day)."""
    records = sorted(data.sleep, key=lambda r: r.night_of)
    period = data.period
    if period.days <= NIGHTLY_MAX_DAYS:
        return True, tuple(_night_row(day_text(r.night_of), [r]) for r in records)
    weeks: dict[int, list[SleepRecord]] = {}
    for record in records:
        if period.contains(record.night_of):
            weeks.setdefault((record.night_of - period.start).days // 7, []).append(record)
    rows = []
    for number, in_week in weeks.items():  # in order: the records are sorted
        week_start = period.start + timedelta(days=7 * number)
        week = ReportPeriod(week_start, min(period.end, week_start + timedelta(days=6)))
        rows.append(_night_row(week_text(week), in_week))
    return False, tuple(rows)
