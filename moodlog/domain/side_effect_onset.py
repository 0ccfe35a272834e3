"""When a side effect began, relative to the start or dose change of its suspected cause.
Worded as a timeline fact, never as a verdict on the cause."""

from datetime import date, timedelta

from moodlog.domain.day_text import day_text
from moodlog.domain.medications import Medication, format_dose
from moodlog.domain.translation import translate
from moodlog.domain.treatments import TreatmentCourse

# How far before a cause's start a rating still counts as "already there": the four weeks
# before are the baseline (clinical-reference §7.2: many "side effects" predate the drug).
BASELINE_DAYS = 28


def onset_search_start(cause: Medication | TreatmentCourse) -> date:
    """The first day to look for a rating when judging onset against ``cause``."""
    return cause.started - timedelta(days=BASELINE_DAYS)


def _first_rated_after_start(gap: int) -> str:
    """``gap`` days after a medication was started (placeholders {name}, {dose}, {day})."""
    if gap == 0:
        return translate(
            "SideEffectOnset", "First rated the same day as {name} was started at {dose} ({day})."
        )
    if gap == 1:
        return translate(
            "SideEffectOnset", "First rated 1 day after {name} was started at {dose} ({day})."
        )
    return translate(
        "SideEffectOnset", "First rated {days} days after {name} was started at {dose} ({day})."
    )


def _first_rated_after_change(gap: int) -> str:
    """``gap`` days after a medication's dose changed (placeholders {name}, {dose}, {day})."""
    if gap == 0:
        return translate(
            "SideEffectOnset", "First rated the same day as {name} went to {dose} ({day})."
        )
    if gap == 1:
        return translate(
            "SideEffectOnset", "First rated 1 day after {name} went to {dose} ({day})."
        )
    return translate(
        "SideEffectOnset", "First rated {days} days after {name} went to {dose} ({day})."
    )


def _first_rated_after_course(gap: int) -> str:
    """``gap`` days after a course began (placeholders {title}, {day})."""
    if gap == 0:
        return translate("SideEffectOnset", "First rated the same day as {title} began ({day}).")
    if gap == 1:
        return translate("SideEffectOnset", "First rated 1 day after {title} began ({day}).")
    return translate("SideEffectOnset", "First rated {days} days after {title} began ({day}).")


def describe_onset(first_rated: date | None, cause: Medication | TreatmentCourse) -> str:
    """When the side effect was first rated mild or worse, counted from the latest start or
    dose change of ``cause`` on or before that day."""
    if isinstance(cause, Medication):
        name = cause.name
        if first_rated is None:
            return translate(
                "SideEffectOnset", "Not rated mild or worse since {name} was started."
            ).format(name=name)
        changes = [s for s in cause.sorted_doses if s.start <= first_rated]
        if first_rated < cause.started or not changes:
            return translate(
                "SideEffectOnset",
                "Already rated in the 4 weeks before {name} was started ({day}), so it may not "
                "be caused by it.",
            ).format(name=name, day=day_text(cause.started))
        latest = changes[-1]
        dose = format_dose(latest.dose, cause.unit)
        gap = (first_rated - latest.start).days
        if latest is cause.sorted_doses[0]:
            text = _first_rated_after_start(gap)
        else:
            text = _first_rated_after_change(gap)
        return text.format(days=gap, name=name, dose=dose, day=day_text(latest.start))
    title = cause.title
    if first_rated is None:
        return translate("SideEffectOnset", "Not rated mild or worse since {title} began.").format(
            title=title
        )
    if first_rated < cause.started:
        return translate(
            "SideEffectOnset",
            "Already rated in the 4 weeks before {title} began ({day}), so it may not be caused "
            "by it.",
        ).format(title=title, day=day_text(cause.started))
    gap = (first_rated - cause.started).days
    return _first_rated_after_course(gap).format(days=gap, title=title, day=day_text(cause.started))
