"""The report's first page: who and when, then the summary (item 9 first, boxed)."""

from moodlog.domain.course_outcome import CourseOutcome, OutcomeStatus
from moodlog.domain.day_text import day_text
from moodlog.domain.instruments import SAFETY_ITEM_INDEX
from moodlog.domain.medications import Schedule, format_dose
from moodlog.domain.questionnaire_result import QuestionnaireResult
from moodlog.domain.questionnaire_texts import PHQ9_ITEMS, answer_options, attribution, translated
from moodlog.domain.sleep import format_duration
from moodlog.domain.translation import QT_TRANSLATE_NOOP, translate
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

# Shown through translate("ReportSummary", …).
PROVENANCE = QT_TRANSLATE_NOOP(
    "ReportSummary",
    "Patient-generated; not clinically verified. Everything here was entered by the person "
    "in their own diary; moodlog computes the figures but makes no diagnosis and gives no "
    "dosing advice.",
)
OUTCOME_RULES = QT_TRANSLATE_NOOP(
    "ReportSummary",
    "Baseline: the last PHQ-9 on or before the day the treatment began, no more than 4 weeks "
    "older. Response: a drop of 50 % or more from the baseline. Remission: a PHQ-9 under 5. "
    "A change of 5 points or more is flagged as clinically meaningful.",
)


def header_html(options: ReportOptions, generated: str, version: str) -> str:
    name = options.name.strip()
    period = options.period
    #: The report's header line; the markup stays as it is.
    when = translate(
        "ReportSummary",
        "<b>Period:</b> {period} ({days} days) · <b>Generated:</b> {generated} · moodlog {version}",
    ).format(
        period=text(period.text), days=period.days, generated=text(generated), version=text(version)
    )
    return (
        "<h1>"
        + text(translate("ReportSummary", "Diary report for my clinician"))
        + "</h1>"
        + paragraph(f"{text(name)} · {when}" if name else when)
        + paragraph(f"<b>{text(translate('ReportSummary', PROVENANCE))}</b>")
    )


def safety_html(summary: ReportSummary) -> str:
    """Every PHQ-9 item 9 answer above 0 with its date, boxed heavily; otherwise a quiet
    line saying how many answers there were."""
    item = text(translated(PHQ9_ITEMS[SAFETY_ITEM_INDEX]))
    positive = summary.safety_positive
    if positive:
        lines = "".join(
            f"<li><b>{text(day_text(day))}: {answer} — {text(answer_options()[answer])}</b></li>"
            for day, answer in positive
        )
        count = len(positive)
        if count == 1:
            #: {item} is the question's own words; the markup stays as it is.
            answered = translate(
                "ReportSummary",
                "<b>PHQ-9 item 9 answered above 0 once in this period</b> (“{item}”):",
            ).format(item=item)
        else:
            answered = translate(
                "ReportSummary",
                "<b>PHQ-9 item 9 answered above 0 {count} times in this period</b> (“{item}”):",
            ).format(count=count, item=item)
        return box(f"<p>{answered}</p><ul>{lines}</ul>", heavy=True)
    answered_count = summary.safety_answered
    never = text(answer_options()[0].lower())
    if answered_count == 1:
        #: {answer} is the answer "not at all", in the questionnaire's words.
        body = translate(
            "ReportSummary",
            "PHQ-9 item 9 (“{item}”): answered 1 time in this period, each time 0 ({answer}).",
        ).format(item=item, answer=never)
    elif answered_count:
        body = translate(
            "ReportSummary",
            "PHQ-9 item 9 (“{item}”): answered {count} times in this period, each time 0 "
            "({answer}).",
        ).format(item=item, count=answered_count, answer=never)
    else:
        body = translate(
            "ReportSummary", "PHQ-9 item 9 (“{item}”): not answered in this period."
        ).format(item=item)
    return box(body)


def score_text(result: QuestionnaireResult | None, name: str) -> str:
    if result is None:
        return text(
            translate("ReportSummary", "No complete {questionnaire} in this period.").format(
                questionnaire=name
            )
        )
    return f"{text(result.total_text)} ({text(day_text(result.taken_on))})"


def _yes_no(flag: bool | None) -> str:
    if flag is None:
        return "—"
    #: The answer to "Response?", "Remission?" in the report's summary.
    return translate("ReportSummary", "yes") if flag else translate("ReportSummary", "no")


def baseline_text(comparison: BaselineComparison | None) -> str:
    if comparison is None:
        return text(
            translate(
                "ReportSummary",
                "No treatment is recorded in this period, so there is no baseline to compare.",
            )
        )
    span = comparison.treatment
    outcome: CourseOutcome = comparison.outcome
    title, began = text(span.title), text(day_text(span.started))
    if outcome.status is not OutcomeStatus.MEASURED:
        #: The treatment, the day it began, and why its PHQ-9 can't be compared yet.
        return translate("ReportSummary", "For {treatment} (began {day}): {headline}").format(
            treatment=title, day=began, headline=text(outcome.headline)
        )
    baseline, latest = outcome.baseline, outcome.latest
    assert baseline is not None
    assert latest is not None
    fraction = outcome.change_fraction
    #: The PHQ-9 before and after a treatment began; the markup stays as it is.
    compared = translate(
        "ReportSummary",
        "For {treatment} (began {day}): baseline <b>{baseline}</b> ({baseline_day}) → "
        "<b>{latest}</b> ({latest_day}); change <b>{change} points{percent}</b>. "
        "Response (≥ 50 % drop): <b>{response}</b>. Remission (under 5): "
        "<b>{remission}</b>. Change of 5 points or more: <b>{meaningful}</b>.",
    )
    return compared.format(
        treatment=title,
        day=began,
        baseline=baseline.total,
        baseline_day=text(day_text(baseline.taken_on)),
        latest=latest.total,
        latest_day=text(day_text(latest.taken_on)),
        change=_signed(outcome.change or 0),
        percent=_signed_percent(fraction),
        response=text(_yes_no(outcome.response)),
        remission=text(_yes_no(outcome.remission)),
        meaningful=text(_yes_no(outcome.meaningful_change)),
    )


def _signed(value: int) -> str:
    return f"+{value}" if value > 0 else f"−{-value}" if value < 0 else "0"


def _signed_percent(fraction: float | None) -> str:
    return "" if fraction is None else f", {_signed(round(fraction * 100))} %"


def adherence_text(line: AdherenceLine) -> str:
    name = line.medication.name
    if line.taken_share is None:
        return translate(
            "ReportSummary", "{medication}: not recorded on any of its {days} days in this period."
        ).format(medication=name, days=line.days_on)
    missed = translate("ReportSummary", "missed {days}").format(days=line.missed)
    if line.partly:
        partly = translate("ReportSummary", "partly taken {days}").format(days=line.partly)
        #: How many days a medication was missed and partly taken, "missed 2, partly taken 1".
        counts = translate("ReportSummary", "{missed}, {partly}").format(
            missed=missed, partly=partly
        )
    else:
        counts = missed
    if line.recorded == 1:
        taken = translate(
            "ReportSummary",
            "{medication}: {percent} of doses taken over the 1 recorded day ({counts}); "
            "not recorded on {unrecorded} of {days} days.",
        )
    else:
        taken = translate(
            "ReportSummary",
            "{medication}: {percent} of doses taken over the {recorded} recorded days "
            "({counts}); not recorded on {unrecorded} of {days} days.",
        )
    return taken.format(
        medication=name,
        percent=f"{line.taken_share:.0%}",
        recorded=line.recorded,
        counts=counts,
        unrecorded=line.days_on - line.recorded,
        days=line.days_on,
    )


def burden_text(burden: SideEffectBurden) -> str:
    if burden.days_rated == 1:
        #: A side effect over the period: on how many days it was rated, how many of them
        #: moderate or severe, and the worst rating.
        rated = translate(
            "ReportSummary",
            "{side_effect}: rated on 1 day, moderate or severe on {moderate}; worst {worst}.",
        )
    else:
        rated = translate(
            "ReportSummary",
            "{side_effect}: rated on {days} days, moderate or severe on {moderate}; worst {worst}.",
        )
    return rated.format(
        side_effect=burden.name,
        days=burden.days_rated,
        moderate=burden.days_moderate_or_worse,
        worst=burden.worst.label.lower(),
    )


def _minutes(value: float | None) -> str:
    return "—" if value is None else format_duration(value)


def sleep_text(sleep: SleepSummary) -> str:
    window = sleep.window
    if not sleep.nights:
        return text(
            translate(
                "ReportSummary", "No nights recorded in the last {nights} nights ({dates})."
            ).format(nights=window.days, dates=window.text)
        )
    efficiency = "—" if sleep.efficiency_percent is None else f"{sleep.efficiency_percent:.0f} %"
    recorded = translate(
        "ReportSummary", "{nights} of the last {days} nights recorded ({dates})."
    ).format(nights=sleep.nights, days=window.days, dates=text(window.text))
    if sleep.full_nights == 1:
        #: Sleep over the last nights; the markup stays as it is.
        means = translate(
            "ReportSummary",
            "Mean total sleep <b>{total}</b>; from the 1 night with full diary times: "
            "efficiency <b>{efficiency}</b>, time to fall asleep <b>{to_fall_asleep}</b>, "
            "time awake in the night <b>{awake}</b>.",
        )
    else:
        means = translate(
            "ReportSummary",
            "Mean total sleep <b>{total}</b>; from the {full} nights with full diary times: "
            "efficiency <b>{efficiency}</b>, time to fall asleep <b>{to_fall_asleep}</b>, "
            "time awake in the night <b>{awake}</b>.",
        )
    return (
        recorded
        + " "
        + means.format(
            total=_minutes(sleep.total_sleep_minutes),
            full=sleep.full_nights,
            efficiency=efficiency,
            to_fall_asleep=_minutes(sleep.minutes_to_fall_asleep),
            awake=_minutes(sleep.minutes_awake),
        )
    )


def _medications(summary: ReportSummary) -> str:
    if not summary.medications:
        return text(translate("ReportSummary", "None recorded."))
    lines = []
    for current in summary.medications:
        m = current.medication
        if m.schedule is Schedule.AS_NEEDED:
            #: A medication now: "Sertraline 100 mg as needed (antidepressant, since 3 Mar 2026)".
            line = translate("ReportSummary", "{medication} {dose} as needed ({role}, since {day})")
        else:
            #: A medication now: "Sertraline 100 mg a day (antidepressant, since 3 Mar 2026)".
            line = translate("ReportSummary", "{medication} {dose} a day ({role}, since {day})")
        lines.append(
            line.format(
                medication=m.name,
                dose=format_dose(current.dose, m.unit),
                role=m.role.label.lower(),
                day=day_text(m.started, m.dates_approximate),
            )
        )
    return "<br/>".join(text(line) for line in lines)


def summary_html(summary: ReportSummary) -> str:
    period = summary.period
    rows = [
        (
            translate("ReportSummary", "Days logged"),
            translate("ReportSummary", "<b>{logged} of {days}</b> days").format(
                logged=summary.days_logged, days=summary.days_in_period
            ),
        ),
        (
            translate("ReportSummary", "Latest PHQ-9"),
            score_text(summary.latest_phq9, "PHQ-9"),
        ),
        (translate("ReportSummary", "PHQ-9 baseline"), baseline_text(summary.baseline)),
        (
            translate("ReportSummary", "Latest GAD-7"),
            score_text(summary.latest_gad7, "GAD-7"),
        ),
        (translate("ReportSummary", "Medications now"), _medications(summary)),
        (
            translate("ReportSummary", "Adherence"),
            "<br/>".join(text(adherence_text(a)) for a in summary.adherence)
            or text(translate("ReportSummary", "No scheduled medication in this period.")),
        ),
        (
            translate("ReportSummary", "Most burdensome side effects"),
            "<br/>".join(text(burden_text(b)) for b in summary.side_effects)
            or text(translate("ReportSummary", "None rated mild or worse in this period.")),
        ),
        (translate("ReportSummary", "Sleep, last 14 nights"), sleep_text(summary.sleep)),
    ]
    questions = (
        bullets(summary.questions, numbered=True)
        if summary.questions
        else paragraph(text(translate("ReportSummary", "No open questions written down.")))
    )
    changed = translate("ReportSummary", "What changed since {day}").format(
        day=day_text(period.start)
    )
    no_changes = translate("ReportChanges", NO_CHANGES)
    rules = translate("ReportSummary", OUTCOME_RULES)
    return (
        safety_html(summary)
        + facts(rows)
        + subheading(changed)
        + (bullets(summary.changes) if summary.changes else paragraph(text(no_changes)))
        + subheading(translate("ReportSummary", "Questions for my doctor"))
        + questions
        + paragraph(text(f"{rules} {attribution()}"), small=True)
    )
