"""The summary page's numbers, as plain data: days logged, the latest scores against the
current treatment's baseline, item-9 answers, medications and adherence, the most burdensome
side effects, the last 14 nights' sleep, what changed, and the questions for the doctor."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from moodlog.domain.adherence import Adherence
from moodlog.domain.course_outcome import CourseOutcome, course_outcome
from moodlog.domain.errors import InvalidEntry
from moodlog.domain.instruments import Instrument
from moodlog.domain.medications import Medication, Schedule
from moodlog.domain.questionnaire_result import QuestionnaireResult
from moodlog.domain.questionnaire_schedule import TreatmentSpan, treatment_spans
from moodlog.domain.side_effects import Severity
from moodlog.domain.sleep import SleepMode, SleepRecord, measure_sleep
from moodlog.reports.report_changes import changes_since
from moodlog.reports.report_data import ReportData
from moodlog.reports.report_period import ReportPeriod

SLEEP_NIGHTS = 14
TOP_SIDE_EFFECTS = 5


@dataclass(frozen=True, slots=True)
class BaselineComparison:
    """The latest PHQ-9 against the baseline of ``treatment`` (the treatment begun last of
    those under way in the period), by the course-outcome rules."""

    treatment: TreatmentSpan
    outcome: CourseOutcome


@dataclass(frozen=True, slots=True)
class CurrentMedication:
    medication: Medication
    dose: float | None


@dataclass(frozen=True, slots=True)
class AdherenceLine:
    """A scheduled medication over the days of the period it was taken: ``recorded`` days
    with a record, ``taken_share`` of their doses taken (partly = half), missed and partly
    taken days."""

    medication: Medication
    days_on: int
    recorded: int
    taken_share: float | None
    missed: int
    partly: int


@dataclass(frozen=True, slots=True)
class SideEffectBurden:
    """One side effect over the period: days rated mild or worse, days moderate or worse,
    its worst rating, and the sum of its ratings (how it is ranked)."""

    name: str
    days_rated: int
    days_moderate_or_worse: int
    worst: Severity
    burden: int


@dataclass(frozen=True, slots=True)
class SleepSummary:
    """Means over the recorded nights among the last 14 of the period. Efficiency, time to
    fall asleep and time awake come from the nights recorded with full diary times only."""

    window: ReportPeriod
    nights: int
    full_nights: int
    total_sleep_minutes: float | None
    efficiency_percent: float | None
    minutes_to_fall_asleep: float | None
    minutes_awake: float | None


@dataclass(frozen=True, slots=True)
class ReportSummary:
    period: ReportPeriod
    days_logged: int
    latest_phq9: QuestionnaireResult | None
    baseline: BaselineComparison | None
    latest_gad7: QuestionnaireResult | None
    safety_positive: tuple[tuple[date, int], ...]
    safety_answered: int
    medications: tuple[CurrentMedication, ...]
    adherence: tuple[AdherenceLine, ...]
    side_effects: tuple[SideEffectBurden, ...]
    sleep: SleepSummary
    changes: tuple[str, ...]
    questions: tuple[str, ...]

    @property
    def days_in_period(self) -> int:
        return self.period.days


def latest_complete(
    scores: Iterable[QuestionnaireResult], instrument: Instrument, period: ReportPeriod
) -> QuestionnaireResult | None:
    """The period's last result of ``instrument`` with a total (prorated ones aren't)."""
    found = [
        s
        for s in scores
        if s.instrument is instrument and s.total is not None and period.contains(s.taken_on)
    ]
    return max(found, key=lambda s: (s.taken_on, s.id or 0), default=None)


def current_treatment(data: ReportData) -> TreatmentSpan | None:
    """The treatment begun last among those under way at some time in the period."""
    period = data.period
    spans = [
        span
        for span in treatment_spans(data.medications, data.courses)
        if span.started <= period.end and (span.ended is None or span.ended >= period.start)
    ]
    return max(spans, key=lambda s: s.started, default=None)


def baseline_comparison(data: ReportData) -> BaselineComparison | None:
    span = current_treatment(data)
    if span is None:
        return None
    outcome = course_outcome(data.scores, Instrument.PHQ9, span.started, span.ended, data.as_of)
    return BaselineComparison(span, outcome)


def current_medications(data: ReportData) -> tuple[CurrentMedication, ...]:
    end = data.as_of
    return tuple(
        CurrentMedication(m, m.dose_on(end)) for m in data.medications if m.is_active_on(end)
    )


def adherence_lines(
    medications: Iterable[Medication],
    adherence: Mapping[int, Mapping[date, Adherence]],
    period: ReportPeriod,
) -> tuple[AdherenceLine, ...]:
    """One line per scheduled medication taken on some day of the period."""
    lines = []
    for medication in medications:
        if medication.schedule is not Schedule.SCHEDULED or medication.id is None:
            continue
        first = max(period.start, medication.started)
        last = period.end
        if medication.stopped is not None:
            last = min(last, medication.stopped - timedelta(days=1))
        if first > last:
            continue
        records = adherence.get(medication.id, {})
        statuses = [status for day, status in records.items() if first <= day <= last]
        taken = sum(status.counts_as_taken for status in statuses)
        lines.append(
            AdherenceLine(
                medication=medication,
                days_on=(last - first).days + 1,
                recorded=len(statuses),
                taken_share=taken / len(statuses) if statuses else None,
                missed=statuses.count(Adherence.MISSED),
                partly=statuses.count(Adherence.PARTLY),
            )
        )
    return tuple(lines)


def side_effect_burdens(
    data: ReportData, limit: int = TOP_SIDE_EFFECTS
) -> tuple[SideEffectBurden, ...]:
    """The side effects with the highest sum of ratings over the period, worst first."""
    names = {e.id: e.name for e in data.side_effects}
    burdens = []
    for effect_id, by_day in data.trend.side_effect_ratings.items():
        rated = [s for day, s in by_day.items() if data.period.contains(day) and s > 0]
        if not rated or effect_id not in names:
            continue
        burdens.append(
            SideEffectBurden(
                name=names[effect_id],
                days_rated=len(rated),
                days_moderate_or_worse=sum(1 for s in rated if s >= Severity.MODERATE),
                worst=max(rated),
                burden=sum(int(s) for s in rated),
            )
        )
    burdens.sort(key=lambda b: (-b.burden, -b.worst, b.name.casefold()))
    return tuple(burdens[:limit])


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def sleep_summary(records: Iterable[SleepRecord], period: ReportPeriod) -> SleepSummary:
    """Means over the recorded nights among the last :data:`SLEEP_NIGHTS` of ``period``."""
    window = period.last_days(SLEEP_NIGHTS)
    total: list[float] = []
    efficiency: list[float] = []
    latency: list[float] = []
    awake: list[float] = []
    nights = 0
    for record in records:
        if not window.contains(record.night_of):
            continue
        try:
            measures = measure_sleep(record, today=date.max)
        except InvalidEntry:
            continue  # a night stored before a rule tightened: left out, not guessed at
        nights += 1
        if measures.total_sleep_minutes is not None:
            total.append(measures.total_sleep_minutes)
        if record.mode is SleepMode.FULL and measures.efficiency_percent is not None:
            efficiency.append(measures.efficiency_percent)
            latency.append(float(record.minutes_to_fall_asleep))
            awake.append(float(record.minutes_awake))
    return SleepSummary(
        window=window,
        nights=nights,
        full_nights=len(efficiency),
        total_sleep_minutes=_mean(total),
        efficiency_percent=_mean(efficiency),
        minutes_to_fall_asleep=_mean(latency),
        minutes_awake=_mean(awake),
    )


def build_summary(data: ReportData) -> ReportSummary:
    period = data.period
    answers = tuple(data.safety_answers)
    return ReportSummary(
        period=period,
        days_logged=data.trend.logged_between(period.start, period.end),
        latest_phq9=latest_complete(data.scores, Instrument.PHQ9, period),
        baseline=baseline_comparison(data),
        latest_gad7=latest_complete(data.scores, Instrument.GAD7, period),
        safety_positive=tuple((day, answer) for day, answer in answers if answer > 0),
        safety_answered=len(answers),
        medications=current_medications(data),
        adherence=adherence_lines(data.medications, data.adherence, period),
        side_effects=side_effect_burdens(data),
        sleep=sleep_summary(data.sleep, period),
        changes=changes_since(data),
        questions=tuple(q.text for q in data.questions),
    )
