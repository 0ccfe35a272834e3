"""What changed since the last visit (the period's start): medications started, stopped or
changed in dose, courses begun or ended, sessions completed, and side effects new in the
period. Each line is a dated fact in plain words."""

from datetime import date, timedelta
from itertools import pairwise

from moodlog.domain.day_text import day_text
from moodlog.domain.medications import Medication, format_dose
from moodlog.domain.side_effect_onset import BASELINE_DAYS
from moodlog.domain.treatments import TreatmentCourse, TreatmentSession
from moodlog.reports.report_data import ReportData
from moodlog.reports.report_period import ReportPeriod

NO_CHANGES = "No medication, treatment or new side effect recorded in this period."


def medication_changes(medication: Medication, period: ReportPeriod) -> list[tuple[date, str]]:
    """(day, line) for each start, dose change and stop of ``medication`` in ``period``."""
    found: list[tuple[date, str]] = []
    steps = medication.sorted_doses
    name, unit = medication.name, medication.unit
    if period.contains(medication.started):
        first = format_dose(steps[0].dose, unit) if steps else "no dose entered"
        found.append(
            (medication.started, f"Started {name} {first} on {day_text(medication.started)}")
        )
    for before, step in pairwise(steps):
        if period.contains(step.start):
            change = f"{format_dose(before.dose, unit)} → {format_dose(step.dose, unit)}"
            found.append((step.start, f"{name} dose {change} on {day_text(step.start)}"))
    if medication.stopped is not None and period.contains(medication.stopped):
        reason = f" ({medication.stop_reason.label.lower()})" if medication.stop_reason else ""
        found.append(
            (medication.stopped, f"Stopped {name} on {day_text(medication.stopped)}{reason}")
        )
    return found


def course_changes(
    course: TreatmentCourse, sessions: list[TreatmentSession], period: ReportPeriod
) -> list[tuple[date, str]]:
    found: list[tuple[date, str]] = []
    title = course.title
    if period.contains(course.started):
        found.append((course.started, f"Began {title} on {day_text(course.started)}"))
    mine = [s for s in sessions if s.course_id == course.id and s.day <= period.end]
    within = [s for s in mine if period.contains(s.day)]
    if within:
        word = course.kind.session_word
        planned = f" of {course.planned_sessions} planned" if course.planned_sessions else ""
        count = len(within)
        found.append(
            (
                within[-1].day,
                f"{title}: {count} {word}{'s' if count != 1 else ''} in this period "
                f"({len(mine)}{planned} in all)",
            )
        )
    if course.ended is not None and period.contains(course.ended):
        found.append((course.ended, f"Ended {title} on {day_text(course.ended)}"))
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
            found.append(
                (within[0], f"New side effect: {effect.name} (first rated {day_text(within[0])})")
            )
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
