"""When a side effect began, relative to the start or dose change of its suspected cause.
Worded as a timeline fact, never as a verdict on the cause."""

from datetime import date, timedelta

from moodlog.domain.day_text import day_text
from moodlog.domain.medications import Medication, format_dose
from moodlog.domain.treatments import TreatmentCourse

# How far before a cause's start a rating still counts as "already there": the four weeks
# before are the baseline (clinical-reference §7.2: many "side effects" predate the drug).
BASELINE_DAYS = 28


def onset_search_start(cause: Medication | TreatmentCourse) -> date:
    """The first day to look for a rating when judging onset against ``cause``."""
    return cause.started - timedelta(days=BASELINE_DAYS)


def _after(days: int) -> str:
    if days == 0:
        return "the same day as"
    return f"{days} day{'s' if days != 1 else ''} after"


def describe_onset(first_rated: date | None, cause: Medication | TreatmentCourse) -> str:
    """When the side effect was first rated mild or worse, counted from the latest start or
    dose change of ``cause`` on or before that day."""
    if isinstance(cause, Medication):
        name = cause.name
        if first_rated is None:
            return f"Not rated mild or worse since {name} was started."
        changes = [s for s in cause.sorted_doses if s.start <= first_rated]
        if first_rated < cause.started or not changes:
            return (
                f"Already rated in the 4 weeks before {name} was started "
                f"({day_text(cause.started)}), so it may not be caused by it."
            )
        latest = changes[-1]
        dose = format_dose(latest.dose, cause.unit)
        if latest is cause.sorted_doses[0]:
            event = f"{name} was started at {dose}"
        else:
            event = f"{name} went to {dose}"
        gap = (first_rated - latest.start).days
        return f"First rated {_after(gap)} {event} ({day_text(latest.start)})."
    title = cause.title
    if first_rated is None:
        return f"Not rated mild or worse since {title} began."
    if first_rated < cause.started:
        return (
            f"Already rated in the 4 weeks before {title} began ({day_text(cause.started)}), "
            "so it may not be caused by it."
        )
    gap = (first_rated - cause.started).days
    return f"First rated {_after(gap)} {title} began ({day_text(cause.started)})."
