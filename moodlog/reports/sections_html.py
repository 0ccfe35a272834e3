"""The report's sections after the summary: charts and scores, treatment history, side
effects, sleep and the notes flagged for the clinician."""

from collections.abc import Sequence

from moodlog.domain.clock_text import time_text
from moodlog.domain.day_text import day_text, span_text
from moodlog.domain.medications import MedicationRole, format_dose
from moodlog.domain.questionnaire_result import Source
from moodlog.domain.questionnaire_texts import answer_options, attribution
from moodlog.domain.sleep import format_duration, sleep_definitions
from moodlog.domain.translation import QT_TRANSLATE_NOOP, translate
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
    ProcedureRow,
    TreatmentHistory,
    minimum_dose_text,
    procedure_rows,
    side_effect_rows,
    sleep_rows,
)

# Shown through translate("ReportSections", …).
NOT_A_DIAGNOSIS = QT_TRANSLATE_NOOP(
    "ReportSections",
    "For clinician review — not a diagnosis. moodlog suggests; the clinician decides. Minimum "
    "doses are editable defaults taken from published usual ranges unless set in the diary.",
)
PGX_NOTE = QT_TRANSLATE_NOOP(
    "ReportSections",
    "The list of gene–drug guidelines shipped with moodlog has not been checked against "
    "cpicpgx.org (unverified); moodlog never turns a result into dose advice.",
)


def charts_html(data: ReportData, captions: Sequence[str], scores_on_new_page: bool = False) -> str:
    """A mark for each chart (swapped for its drawing) above its caption, and every score
    of the period, each PHQ-9 with its item-9 answer (on a page of their own when the chart
    fills its page: known here, it saves laying the report out again to move them)."""
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
                "" if item9 is None else f"{item9} — {answer_options()[item9]}",
                "" if result.source is Source.ANSWERED_HERE else result.source.label,
            )
        )
    headers = (
        translate("ReportSections", "Date"),
        #: The questionnaire (PHQ-9, GAD-7).
        translate("ReportSections", "Scale"),
        translate("ReportSections", "Total"),
        translate("ReportSections", "PHQ-9 item 9"),
        #: Where a score came from (answered in moodlog, or entered from a clinic's form).
        translate("ReportSections", "Source"),
    )
    scores = (
        table(headers, rows, (13, 10, 37, 22, 18))
        if rows
        else paragraph(
            text(translate("ReportSections", "No questionnaire results in this period."))
        )
    )
    return (
        charts
        + subheading(
            translate("ReportSections", "Questionnaire scores in this period"), scores_on_new_page
        )
        + scores
        + paragraph(text(attribution()), small=True)
    )


def _maudsley(score: MaudsleyScore) -> str:
    def points(value: int | None) -> str:
        return "?" if value is None else str(value)

    #: The parts of a Maudsley Staging Method score, each with its points.
    parts = translate(
        "ReportSections",
        "duration {duration}, severity {severity}, failures {failures}, "
        "augmentation {augmentation}, ECT {ect}",
    ).format(
        duration=points(score.duration_points),
        severity=points(score.severity_points),
        failures=points(score.failure_points),
        augmentation=score.augmentation_points,
        ect=score.ect_points,
    )
    if score.total is None or score.band is None:
        return translate(
            "ReportSections", "Not scored — missing: {missing}. Components so far: {parts}."
        ).format(missing="; ".join(score.missing), parts=parts)
    return translate("ReportSections", "{total} of 15, {band} ({parts}).").format(
        total=score.total, band=score.band.label.lower(), parts=parts
    )


def trd_html(summary: TrdSummary) -> str:
    episode = summary.episode
    if episode.started is None:
        episode_text = translate("ReportSections", "Start not set: every trial entered is counted.")
    elif episode.severity is not None:
        #: The current episode: "Since Mar 2025; severe at the start".
        episode_text = translate("ReportSections", "Since {day}; {severity} at the start").format(
            day=day_text(episode.started, True), severity=episode.severity.label.lower()
        )
    else:
        episode_text = translate("ReportSections", "Since {day}").format(
            day=day_text(episode.started, True)
        )
    count = str(summary.adequate_failures)
    if summary.adequate_outcome_unknown:
        count = translate(
            "ReportSections", "{count} (and {unknown} adequate trial(s) not rated)"
        ).format(count=count, unknown=summary.adequate_outcome_unknown)
    stage = summary.thase_rush_stage
    rows = [
        (translate("ReportSections", "Current episode"), episode_text),
        (translate("ReportSections", "Adequate trials without remission"), count),
        (translate("ReportSections", "Common TRD definition"), summary.definition_reason),
        (
            "Thase–Rush",
            (f"{stage.label}. " if stage is not None else "") + summary.thase_rush_reason,
        ),
        (translate("ReportSections", "Maudsley Staging Method"), _maudsley(summary.maudsley)),
    ]
    return box(
        f"<p><b>{text(translate('ReportSections', NOT_A_DIAGNOSIS))}</b></p>"
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
        stopped = translate("ReportSections", "Stopped: {reason}")
        taken += "\n" + stopped.format(reason=m.stop_reason.label.lower())
    weeks = translate("ReportSections", "{weeks} weeks").format(weeks=f"{trial.weeks_taken:.0f}")
    if trial.weeks_at_adequate_dose is not None:
        #: Of the weeks a medication was taken, how many at an adequate dose.
        adequate = translate("ReportSections", "{weeks} at adequate dose")
        weeks += "\n" + adequate.format(weeks=f"{trial.weeks_at_adequate_dose:.0f}")
    #: The adequate minimum dose, e.g. "Minimum: 50 mg (editable default)".
    minimum = translate("ReportSections", "Minimum: {dose}")
    weeks += "\n" + minimum.format(dose=minimum_dose_text(m, data.reference))
    if trial.adherence is not None:
        adherence = translate("ReportSections", "Adherence {percent} ({days} days recorded)")
        weeks += "\n" + adherence.format(percent=f"{trial.adherence:.0%}", days=trial.recorded_days)
    verdict = f"{trial.adequacy.label}. {trial.reason}"
    if trial.caveats:
        verdict += "\n" + ". ".join(trial.caveats) + "."
    return (name, f"{taken}\n{doses}", weeks, verdict, trial.outcome_text)


def _procedure_outcome(row: ProcedureRow) -> str:
    """How the course went by the scores, and the person's own rating of it."""
    benefit = row.course.benefit
    if benefit is None:
        return row.outcome
    #: The person's own view of how much a treatment helped.
    own = translate("ReportSections", "Own rating: {rating}")
    return row.outcome + "\n" + own.format(rating=benefit.label)


def treatment_html(data: ReportData, history: TreatmentHistory) -> str:
    trials = [_trial_row(t, data) for t in history.trials]
    trials_table = (
        table(
            (
                translate("ReportSections", "Medication"),
                translate("ReportSections", "Taken, doses"),
                translate("ReportSections", "Weeks, minimum, adherence"),
                translate("ReportSections", "Adequate? (suggested)"),
                translate("ReportSections", "How it went"),
            ),
            trials,
            (15, 20, 20, 25, 20),
        )
        if trials
        else paragraph(text(translate("ReportSections", "No medications recorded.")))
    )
    procedures = [
        (
            row.course.title,
            span_text(row.course.started, row.course.ended),
            row.sessions_text,
            row.details,
            _procedure_outcome(row),
        )
        for row in procedure_rows(data)
    ]
    procedures_table = (
        table(
            (
                translate("ReportSections", "Procedure"),
                translate("ReportSections", "Dates"),
                translate("ReportSections", "Sessions"),
                translate("ReportSections", "Details"),
                translate("ReportSections", "How it went"),
            ),
            procedures,
            (18, 18, 12, 24, 28),
        )
        if procedures
        else paragraph(
            text(translate("ReportSections", "No procedures or therapy courses recorded."))
        )
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
    pgx_headers = (
        translate("ReportSections", "Gene"),
        translate("ReportSections", "Phenotype"),
        translate("ReportSections", "Genotype"),
        #: The day a pharmacogenetic test was done.
        translate("ReportSections", "Tested"),
        #: The laboratory that did a pharmacogenetic test.
        translate("ReportSections", "Lab"),
    )
    pgx = (
        table(pgx_headers, pgx_rows, (15, 25, 20, 15, 25))
        + "".join(paragraph(text(note)) for note in data.pgx_notes)
        + paragraph(text(translate("ReportSections", PGX_NOTE)), small=True)
        if pgx_rows
        else paragraph(text(translate("ReportSections", "No pharmacogenetic results recorded.")))
    )
    return (
        trd_html(history.summary)
        + subheading(translate("ReportSections", "Medication trials"))
        + trials_table
        + subheading(translate("ReportSections", "Procedures and therapies"))
        + procedures_table
        + subheading(translate("ReportSections", "Pharmacogenetic results"))
        + pgx
    )


def side_effects_html(data: ReportData) -> str:
    rows: list[tuple[str, ...]] = []
    group = None
    for row in side_effect_rows(data):
        if row.cause != group:
            group = row.cause
            if row.cause:
                #: A group of side effects in the table, and the days they are compared with.
                heading = translate(
                    "ReportSections", "Suspected cause: {cause} — baseline: {baseline}"
                )
                rows.append((heading.format(cause=row.cause, baseline=row.baseline_label),))
            else:
                heading = translate(
                    "ReportSections", "No suspected cause recorded — baseline: {baseline}"
                )
                rows.append((heading.format(baseline=row.baseline_label),))
        rows.append((row.name, row.baseline.text, row.now.text, row.onset))
    if not rows:
        return paragraph(
            text(
                translate(
                    "ReportSections",
                    "No side effects rated or linked to a treatment in this period.",
                )
            )
        )
    now = data.period.last_days(14)
    explained = translate(
        "ReportSections",
        "Ratings: 0 none, 1 mild, 2 moderate, 3 severe; each cell is the mean over the "
        "days rated. “Now” is the period's last two weeks ({dates}). A suspected "
        "cause is the person's own view, and the timing is a fact, not proof.",
    ).format(dates=now.text)
    headers = (
        translate("ReportSections", "Side effect"),
        translate("ReportSections", "Baseline"),
        #: The column of the period's last two weeks.
        translate("ReportSections", "Now"),
        translate("ReportSections", "When it began"),
    )
    return paragraph(text(explained)) + table(headers, rows, (22, 20, 20, 38))


def _duration(value: float | None) -> str:
    return "" if value is None else format_duration(value)


def sleep_html(data: ReportData) -> str:
    nightly, rows = sleep_rows(data)
    if not rows:
        return paragraph(text(translate("ReportSections", "No nights recorded in this period.")))
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
    first = (
        translate("ReportSections", "Night of") if nightly else translate("ReportSections", "Week")
    )
    headers = (
        first,
        *(() if nightly else (translate("ReportSections", "Nights"),)),
        translate("ReportSections", "Total sleep"),
        translate("ReportSections", "Efficiency"),
        translate("ReportSections", "To fall asleep"),
        translate("ReportSections", "Awake in night"),
        translate("ReportSections", "Quality (1–5)"),
    )
    scope = (
        translate("ReportSections", "Each row is one night.")
        if nightly
        else translate("ReportSections", "Each row is a week's mean over its recorded nights.")
    )
    quality = translate("ReportSections", "Quality: 1 very poor to 5 very good.")
    return paragraph(text(f"{scope} {sleep_definitions()} {quality}"), small=True) + table(
        headers, cells
    )


def notes_html(data: ReportData) -> str:
    if not data.clinician_notes:
        return paragraph(
            text(translate("ReportSections", "No notes flagged for my clinician in this period."))
        )
    parts = []
    for note in data.clinician_notes:
        mood = (
            " · " + text(translate("ReportSections", "mood {mood}/10").format(mood=note.mood))
            if note.mood is not None
            else ""
        )
        parts.append(
            f"<p><b>{text(day_text(note.day))} {text(time_text(note.recorded_at.time()))}</b>"
            f"{mood}<br/>"
            f"{text(note.note.strip())}</p>"
        )
    return "".join(parts)
