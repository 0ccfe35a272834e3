"""What changed since the last visit (the period's start): medications started, stopped or
changed in dose, courses begun or ended, sessions completed, and side effects new in the
period. Each line is a dated fact in plain words."""

from datetime import date, timedelta
from itertools import pairwise

from moodlog.domain.day_text import day_text
from moodlog.domain.medications import Medication, format_dose
from moodlog.domain.session_counts import planned_count, session_count
from moodlog.domain.side_effect_onset import BASELINE_DAYS
from moodlog.domain.translation import QT_TRANSLATE_NOOP, translate
from moodlog.domain.treatments import TreatmentCourse, TreatmentSession
from moodlog.reports.report_data import ReportData
from moodlog.reports.report_period import ReportPeriod

# Shown through translate("ReportChanges", NO_CHANGES).
NO_CHANGES = QT_TRANSLATE_NOOP(
    "ReportChanges", "No medication, treatment or new side effect recorded in this period."
)


def medication_changes(medication: Medication, period: ReportPeriod) -> list[tuple[date, str]]:
    """(day, line) for each start, dose change and stop of ``medication`` in ``period``."""
    found: list[tuple[date, str]] = []
    steps = medication.sorted_doses
    name, unit = medication.name, medication.unit
    if period.contains(medication.started):
        first = (
            format_dose(steps[0].dose, unit)
            if steps
            else translate("ReportChanges", "no dose entered")
        )
        #: A medication begun: "Started Sertraline 50 mg on 3 Mar 2026".
        started = translate("ReportChanges", "Started {medication} {dose} on {day}")
        found.append(
            (
                medication.started,
                started.format(medication=name, dose=first, day=day_text(medication.started)),
            )
        )
    for before, step in pairwise(steps):
        if period.contains(step.start):
            #: "Sertraline dose 50 mg → 100 mg on 3 Mar 2026".
            changed = translate("ReportChanges", "{medication} dose {before} → {after} on {day}")
            line = changed.format(
                medication=name,
                before=format_dose(before.dose, unit),
                after=format_dose(step.dose, unit),
                day=day_text(step.start),
            )
            found.append((step.start, line))
    stopped = medication.stopped
    if stopped is not None and period.contains(stopped):
        if medication.stop_reason is not None:
            #: "Stopped Sertraline on 3 Mar 2026 (side effects)": why, in brackets.
            line = translate("ReportChanges", "Stopped {medication} on {day} ({reason})").format(
                medication=name,
                day=day_text(stopped),
                reason=medication.stop_reason.label.lower(),
            )
        else:
            line = translate("ReportChanges", "Stopped {medication} on {day}").format(
                medication=name, day=day_text(stopped)
            )
        found.append((stopped, line))
    return found


def course_changes(
    course: TreatmentCourse, sessions: list[TreatmentSession], period: ReportPeriod
) -> list[tuple[date, str]]:
    found: list[tuple[date, str]] = []
    title = course.title
    if period.contains(course.started):
        began = translate("ReportChanges", "Began {course} on {day}")
        found.append((course.started, began.format(course=title, day=day_text(course.started))))
    mine = [s for s in sessions if s.course_id == course.id and s.day <= period.end]
    within = [s for s in mine if period.contains(s.day)]
    if within:
        #: "TMS: 7 sessions in this period (24 of 36 planned in all)".
        done = translate("ReportChanges", "{course}: {sessions} in this period ({all} in all)")
        line = done.format(
            course=title,
            sessions=session_count(course.kind, len(within)),
            all=planned_count(len(mine), course.planned_sessions),
        )
        found.append((within[-1].day, line))
    if course.ended is not None and period.contains(course.ended):
        ended = translate("ReportChanges", "Ended {course} on {day}")
        found.append((course.ended, ended.format(course=title, day=day_text(course.ended))))
    return found


def new_side_effects(data: ReportData) -> list[tuple[date, str]]:
    """Side effects rated mild or worse in the period but not in the four weeks before."""
    period = data.period
    before = period.start - timedelta(days=BASELINE_DAYS)
    found: list[tuple[date, str]] = []
    for effect in data.side_effects:
        by_day = data.side_effect_history.get(effect.id, {})
        rated = sorted(day for day, severity in by_day.items() if severity > 0)
        if any(before <= day < period.start for day in rated):
            continue
        within = [day for day in rated if period.contains(day)]
        if within:
            line = translate(
                "ReportChanges", "New side effect: {side_effect} (first rated {day})"
            ).format(side_effect=effect.name, day=day_text(within[0]))
            found.append((within[0], line))
    return found


def changes_since(data: ReportData) -> tuple[str, ...]:
    """Every change in the period, in date order."""
    period = data.period
    sessions = list(data.sessions)
    found: list[tuple[date, str]] = []
    for medication in data.medications:
        found += medication_changes(medication, period)
    for course in data.courses:
        found += course_changes(course, sessions, period)
    found += new_side_effects(data)
    found.sort(key=lambda change: change[0])
    return tuple(line for _day, line in found)
