"""The report's sections after the summary: charts and scores, treatment history, side
effects, sleep and the notes flagged for the clinician."""

from collections.abc import Sequence

from moodlog.domain.day_text import day_text, span_text
from moodlog.domain.medications import MedicationRole, format_dose
from moodlog.domain.questionnaire_result import Source
from moodlog.domain.questionnaire_texts import ANSWER_OPTIONS, ATTRIBUTION
from moodlog.domain.sleep import SLEEP_DEFINITIONS, format_duration
from moodlog.domain.trd_staging import MaudsleyScore, TrdSummary
from moodlog.domain.trial_adequacy import TrialAssessment
from moodlog.reports.html_blocks import (
    box,
    chart_place,
    facts,
    paragraph,
    subheading,
    table,
    text,
)
from moodlog.reports.report_data import ReportData
from moodlog.reports.report_tables import (
    TreatmentHistory,
    minimum_dose_text,
    procedure_rows,
    side_effect_rows,
    sleep_rows,
)

NOT_A_DIAGNOSIS = (
    "For clinician review — not a diagnosis. moodlog suggests; the clinician decides. Minimum "
    "doses are editable defaults taken from published usual ranges unless set in the diary."
)
PGX_NOTE = (
    "The list of gene–drug guidelines shipped with moodlog has not been checked against "
    "cpicpgx.org (unverified); moodlog never turns a result into dose advice."
)


def charts_html(data: ReportData, captions: Sequence[str]) -> str:
    """A mark for each chart (swapped for its drawing) above its caption, and every score
    of the period, each PHQ-9 with its item-9 answer."""
    charts = "".join(
        chart_place(i) + paragraph(text(caption), small=True) for i, caption in enumerate(captions)
    )
    rows = []
    for result in data.scores_in_period():
        item9 = result.safety_answer
        rows.append(
            (
                day_text(result.taken_on),
                result.info.name,
                result.total_text,
                "" if item9 is None else f"{item9} — {ANSWER_OPTIONS[item9]}",
                "" if result.source is Source.ANSWERED_HERE else result.source.label,
            )
        )
    scores = (
        table(("Date", "Scale", "Total", "PHQ-9 item 9", "Source"), rows, (13, 10, 37, 22, 18))
        if rows
        else paragraph("No questionnaire results in this period.")
    )
    return (
        charts
        + subheading("Questionnaire scores in this period")
        + scores
        + paragraph(text(ATTRIBUTION), small=True)
    )


def _maudsley(score: MaudsleyScore) -> str:
    def points(value: int | None) -> str:
        return "?" if value is None else str(value)

    parts = (
        f"duration {points(score.duration_points)}, severity {points(score.severity_points)}, "
        f"failures {points(score.failure_points)}, augmentation {score.augmentation_points}, "
        f"ECT {score.ect_points}"
    )
    if score.total is None or score.band is None:
        return f"Not scored — missing: {'; '.join(score.missing)}. Components so far: {parts}."
    return f"{score.total} of 15, {score.band.label.lower()} ({parts})."


def trd_html(summary: TrdSummary) -> str:
    episode = summary.episode
    if episode.started is None:
        episode_text = "Start not set: every trial entered is counted."
    else:
        severity = f"; {episode.severity.label.lower()} at the start" if episode.severity else ""
        episode_text = f"Since {day_text(episode.started, True)}{severity}"
    count = str(summary.adequate_failures)
    if summary.adequate_outcome_unknown:
        count += f" (and {summary.adequate_outcome_unknown} adequate trial(s) not rated)"
    stage = summary.thase_rush_stage
    rows = [
        ("Current episode", episode_text),
        ("Adequate trials without remission", count),
        ("Common TRD definition", summary.definition_reason),
        (
            "Thase–Rush",
            (f"{stage.label}. " if stage is not None else "") + summary.thase_rush_reason,
        ),
        ("Maudsley Staging Method", _maudsley(summary.maudsley)),
    ]
    return box(
        f"<p><b>{text(NOT_A_DIAGNOSIS)}</b></p>"
        + facts((label, text(value)) for label, value in rows)
    )


def _trial_row(trial: TrialAssessment, data: ReportData) -> tuple[str, ...]:
    m = trial.medication
    name = m.name + (f" ({m.drug_class})" if m.drug_class else "")
    if m.role is not MedicationRole.ANTIDEPRESSANT:
        name += f"\n{m.role.label}"
    doses = " → ".join(format_dose(s.dose, m.unit) for s in m.sorted_doses)
    taken = span_text(m.started, m.stopped, m.dates_approximate)
    if m.stop_reason is not None:
        taken += f"\nStopped: {m.stop_reason.label.lower()}"
    weeks = f"{trial.weeks_taken:.0f} weeks"
    if trial.weeks_at_adequate_dose is not None:
        weeks += f"\n{trial.weeks_at_adequate_dose:.0f} at adequate dose"
    weeks += "\nMinimum: " + minimum_dose_text(m, data.reference)
    if trial.adherence is not None:
        weeks += f"\nAdherence {trial.adherence:.0%} ({trial.recorded_days} days recorded)"
    verdict = f"{trial.adequacy.label}. {trial.reason}"
    if trial.caveats:
        verdict += "\n" + ". ".join(trial.caveats) + "."
    return (name, f"{taken}\n{doses}", weeks, verdict, trial.outcome_text)


def treatment_html(data: ReportData, history: TreatmentHistory) -> str:
    trials = [_trial_row(t, data) for t in history.trials]
    trials_table = (
        table(
            (
                "Medication",
                "Taken, doses",
                "Weeks, minimum, adherence",
                "Adequate? (suggested)",
                "How it went",
            ),
            trials,
            (15, 20, 20, 25, 20),
        )
        if trials
        else paragraph("No medications recorded.")
    )
    procedures = [
        (
            row.course.title,
            span_text(row.course.started, row.course.ended),
            row.sessions_text,
            row.details,
            row.outcome
            + (
                f"\nOwn rating: {row.course.benefit.label}"
                if row.course.benefit is not None
                else ""
            ),
        )
        for row in procedure_rows(data)
    ]
    procedures_table = (
        table(
            ("Procedure", "Dates", "Sessions", "Details", "How it went"),
            procedures,
            (18, 18, 12, 24, 28),
        )
        if procedures
        else paragraph("No procedures or therapy courses recorded.")
    )
    pgx_rows = [
        (
            r.gene,
            r.phenotype.label if r.phenotype is not None else "",
            r.genotype,
            day_text(r.tested_on),
            r.lab,
        )
        for r in data.pgx
    ]
    pgx = (
        table(("Gene", "Phenotype", "Genotype", "Tested", "Lab"), pgx_rows, (15, 25, 20, 15, 25))
        + "".join(paragraph(text(note)) for note in data.pgx_notes)
        + paragraph(text(PGX_NOTE), small=True)
        if pgx_rows
        else paragraph("No pharmacogenetic results recorded.")
    )
    return (
        trd_html(history.summary)
        + subheading("Medication trials")
        + trials_table
        + subheading("Procedures and therapies")
        + procedures_table
        + subheading("Pharmacogenetic results")
        + pgx
    )


def side_effects_html(data: ReportData) -> str:
    rows: list[tuple[str, ...]] = []
    group = None
    for row in side_effect_rows(data):
        if row.cause != group:
            group = row.cause
            cause = f"Suspected cause: {row.cause}" if row.cause else "No suspected cause recorded"
            rows.append((f"{cause} — baseline: {row.baseline_label}",))
        rows.append((row.name, row.baseline.text, row.now.text, row.onset))
    if not rows:
        return paragraph("No side effects rated or linked to a treatment in this period.")
    now = data.period.last_days(14)
    return paragraph(
        text(
            "Ratings: 0 none, 1 mild, 2 moderate, 3 severe; each cell is the mean over the "
            f"days rated. “Now” is the period's last two weeks ({now.text}). A suspected "
            "cause is the person's own view, and the timing is a fact, not proof."
        )
    ) + table(("Side effect", "Baseline", "Now", "When it began"), rows, (22, 20, 20, 38))


def _duration(value: float | None) -> str:
    return "" if value is None else format_duration(value)


def sleep_html(data: ReportData) -> str:
    nightly, rows = sleep_rows(data)
    if not rows:
        return paragraph("No nights recorded in this period.")
    cells = [
        (
            row.label,
            *(() if nightly else (str(row.nights),)),
            _duration(row.total_sleep_minutes),
            "" if row.efficiency_percent is None else f"{row.efficiency_percent:.0f} %",
            _duration(row.minutes_to_fall_asleep),
            _duration(row.minutes_awake),
            "" if row.quality is None else f"{row.quality:.1f}",
        )
        for row in rows
    ]
    first = "Night of" if nightly else "Week"
    headers = (
        first,
        *(() if nightly else ("Nights",)),
        "Total sleep",
        "Efficiency",
        "To fall asleep",
        "Awake in night",
        "Quality (1–5)",
    )
    scope = (
        "Each row is one night."
        if nightly
        else "Each row is a week's mean over its recorded nights."
    )
    return paragraph(
        text(f"{scope} {SLEEP_DEFINITIONS} Quality: 1 very poor to 5 very good."), small=True
    ) + table(headers, cells)


def notes_html(data: ReportData) -> str:
    if not data.clinician_notes:
        return paragraph("No notes flagged for my clinician in this period.")
    parts = []
    for note in data.clinician_notes:
        mood = f" · mood {note.mood}/10" if note.mood is not None else ""
        parts.append(
            f"<p><b>{text(day_text(note.day))} {note.recorded_at:%H:%M}</b>{mood}<br/>"
            f"{text(note.note.strip())}</p>"
        )
    return "".join(parts)
