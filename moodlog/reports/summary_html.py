"""The report's first page: who and when, then the summary (item 9 first, boxed)."""

from moodlog.domain.course_outcome import CourseOutcome, OutcomeStatus
from moodlog.domain.day_text import day_text
from moodlog.domain.instruments import SAFETY_ITEM_INDEX
from moodlog.domain.medications import Schedule, format_dose
from moodlog.domain.questionnaire_result import QuestionnaireResult
from moodlog.domain.questionnaire_texts import ANSWER_OPTIONS, ATTRIBUTION, PHQ9_ITEMS
from moodlog.domain.sleep import format_duration
from moodlog.reports.html_blocks import box, bullets, facts, paragraph, subheading, text
from moodlog.reports.report_changes import NO_CHANGES
from moodlog.reports.report_period import ReportOptions
from moodlog.reports.report_summary import (
    AdherenceLine,
    BaselineComparison,
    ReportSummary,
    SideEffectBurden,
    SleepSummary,
)

PROVENANCE = (
    "Patient-generated; not clinically verified. Everything here was entered by the person "
    "in their own diary; moodlog computes the figures but makes no diagnosis and gives no "
    "dosing advice."
)
OUTCOME_RULES = (
    "Baseline: the last PHQ-9 on or before the day the treatment began, no more than 4 weeks "
    "older. Response: a drop of 50 % or more from the baseline. Remission: a PHQ-9 under 5. "
    "A change of 5 points or more is flagged as clinically meaningful."
)


def header_html(options: ReportOptions, generated: str, version: str) -> str:
    who = f"{text(options.name.strip())} · " if options.name.strip() else ""
    period = options.period
    return (
        "<h1>Diary report for my clinician</h1>"
        + paragraph(
            f"{who}<b>Period:</b> {text(period.text)} ({period.days} days) · "
            f"<b>Generated:</b> {text(generated)} · moodlog {text(version)}"
        )
        + paragraph(f"<b>{text(PROVENANCE)}</b>")
    )


def safety_html(summary: ReportSummary) -> str:
    """Every PHQ-9 item 9 answer above 0 with its date, boxed heavily; otherwise a quiet
    line saying how many answers there were."""
    item = PHQ9_ITEMS[SAFETY_ITEM_INDEX]
    positive = summary.safety_positive
    if positive:
        lines = "".join(
            f"<li><b>{text(day_text(day))}: {answer} — {text(ANSWER_OPTIONS[answer])}</b></li>"
            for day, answer in positive
        )
        count = len(positive)
        return box(
            f"<p><b>PHQ-9 item 9 answered above 0 {'once' if count == 1 else f'{count} times'} "
            f"in this period</b> (“{text(item)}”):</p><ul>{lines}</ul>",
            heavy=True,
        )
    answered = summary.safety_answered
    if answered:
        body = (
            f"PHQ-9 item 9 (“{text(item)}”): answered {answered} time"
            f"{'s' if answered != 1 else ''} in this period, each time 0 "
            f"({text(ANSWER_OPTIONS[0].lower())})."
        )
    else:
        body = f"PHQ-9 item 9 (“{text(item)}”): not answered in this period."
    return box(body)


def score_text(result: QuestionnaireResult | None, name: str) -> str:
    if result is None:
        return f"No complete {name} in this period."
    return f"{text(result.total_text)} ({text(day_text(result.taken_on))})"


def _yes_no(flag: bool | None) -> str:
    return "—" if flag is None else "yes" if flag else "no"


def baseline_text(comparison: BaselineComparison | None) -> str:
    if comparison is None:
        return "No treatment is recorded in this period, so there is no baseline to compare."
    span = comparison.treatment
    outcome: CourseOutcome = comparison.outcome
    began = f"{text(span.title)} (began {text(day_text(span.started))})"
    if outcome.status is not OutcomeStatus.MEASURED:
        return f"For {began}: {text(outcome.headline)}"
    baseline, latest = outcome.baseline, outcome.latest
    assert baseline is not None
    assert latest is not None
    fraction = outcome.change_fraction
    return (
        f"For {began}: baseline <b>{baseline.total}</b> ({text(day_text(baseline.taken_on))}) → "
        f"<b>{latest.total}</b> ({text(day_text(latest.taken_on))}); change "
        f"<b>{_signed(outcome.change or 0)} points{_signed_percent(fraction)}</b>. "
        f"Response (≥ 50 % drop): <b>{_yes_no(outcome.response)}</b>. Remission (under 5): "
        f"<b>{_yes_no(outcome.remission)}</b>. Change of 5 points or more: "
        f"<b>{_yes_no(outcome.meaningful_change)}</b>."
    )


def _signed(value: int) -> str:
    return f"+{value}" if value > 0 else f"−{-value}" if value < 0 else "0"


def _signed_percent(fraction: float | None) -> str:
    return "" if fraction is None else f", {_signed(round(fraction * 100))} %"


def adherence_text(line: AdherenceLine) -> str:
    name = line.medication.name
    if line.taken_share is None:
        return f"{name}: not recorded on any of its {line.days_on} days in this period."
    parts = [f"missed {line.missed}"]
    if line.partly:
        parts.append(f"partly taken {line.partly}")
    unrecorded = line.days_on - line.recorded
    return (
        f"{name}: {line.taken_share:.0%} of doses taken over the {line.recorded} recorded "
        f"day{'s' if line.recorded != 1 else ''} ({', '.join(parts)}); "
        f"not recorded on {unrecorded} of {line.days_on} days."
    )


def burden_text(burden: SideEffectBurden) -> str:
    return (
        f"{burden.name}: rated on {burden.days_rated} day{'s' if burden.days_rated != 1 else ''}, "
        f"moderate or severe on {burden.days_moderate_or_worse}; worst "
        f"{burden.worst.label.lower()}."
    )


def _minutes(value: float | None) -> str:
    return "—" if value is None else format_duration(value)


def sleep_text(sleep: SleepSummary) -> str:
    window = sleep.window
    if not sleep.nights:
        return f"No nights recorded in the last {window.days} nights ({window.text})."
    efficiency = "—" if sleep.efficiency_percent is None else f"{sleep.efficiency_percent:.0f} %"
    return (
        f"{sleep.nights} of the last {window.days} nights recorded ({text(window.text)}). "
        f"Mean total sleep <b>{_minutes(sleep.total_sleep_minutes)}</b>; from the "
        f"{sleep.full_nights} night{'s' if sleep.full_nights != 1 else ''} with full diary "
        f"times: efficiency <b>{efficiency}</b>, time to fall asleep "
        f"<b>{_minutes(sleep.minutes_to_fall_asleep)}</b>, time awake in the night "
        f"<b>{_minutes(sleep.minutes_awake)}</b>."
    )


def _medications(summary: ReportSummary) -> str:
    if not summary.medications:
        return "None recorded."
    lines = []
    for current in summary.medications:
        m = current.medication
        extra = " as needed" if m.schedule is Schedule.AS_NEEDED else " a day"
        lines.append(
            f"{m.name} {format_dose(current.dose, m.unit)}{extra}"
            f" ({m.role.label.lower()}, since {day_text(m.started, m.dates_approximate)})"
        )
    return "<br/>".join(text(line) for line in lines)


def summary_html(summary: ReportSummary) -> str:
    period = summary.period
    rows = [
        ("Days logged", f"<b>{summary.days_logged} of {summary.days_in_period}</b> days"),
        ("Latest PHQ-9", score_text(summary.latest_phq9, "PHQ-9")),
        ("PHQ-9 baseline", baseline_text(summary.baseline)),
        ("Latest GAD-7", score_text(summary.latest_gad7, "GAD-7")),
        ("Medications now", _medications(summary)),
        (
            "Adherence",
            "<br/>".join(text(adherence_text(a)) for a in summary.adherence)
            or "No scheduled medication in this period.",
        ),
        (
            "Most burdensome side effects",
            "<br/>".join(text(burden_text(b)) for b in summary.side_effects)
            or "None rated mild or worse in this period.",
        ),
        ("Sleep, last 14 nights", sleep_text(summary.sleep)),
    ]
    questions = (
        bullets(summary.questions, numbered=True)
        if summary.questions
        else paragraph("No open questions written down.")
    )
    return (
        safety_html(summary)
        + facts(rows)
        + subheading(f"What changed since {day_text(period.start)}")
        + (bullets(summary.changes) if summary.changes else paragraph(text(NO_CHANGES)))
        + subheading("Questions for my doctor")
        + questions
        + paragraph(text(OUTCOME_RULES + " " + ATTRIBUTION), small=True)
    )
