"""What the treatment timeline says in words: the tooltip for a dose step, a session or a
lane, one line per lane, and the sentences screen readers hear. Dates follow the locale."""

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QLocale

from moodlog.domain.medications import DoseStep, format_dose
from moodlog.domain.treatments import TreatmentSession
from moodlog.ui.qt_dates import to_qdate
from moodlog.ui.timeline_lanes import (
    CourseLane,
    Lane,
    MedicationLane,
    Segment,
    counted,
    plural,
    short_kind,
    short_title,
)

BELOW_MINIMUM_TEXT = "below the adequate minimum (editable default)"


def tooltip(lane: Lane, part: DoseStep | TreatmentSession | None, locale: QLocale) -> str:
    """About ``part`` of ``lane`` (one of its dose steps or sessions), else the lane."""
    if isinstance(lane, MedicationLane) and isinstance(part, DoseStep):
        return _dose_tooltip(lane, next(s for s in lane.segments if s.step is part), locale)
    if isinstance(lane, CourseLane) and isinstance(part, TreatmentSession):
        return _session_tooltip(lane, part, locale)
    return lane_line(lane, locale)


def lane_line(lane: Lane, locale: QLocale) -> str:
    """The whole lane in one line (the text summary has one per lane)."""
    if isinstance(lane, CourseLane):
        return _course_line(lane, locale)
    medication = lane.item
    name = f"{lane.name} ({medication.drug_class})" if medication.drug_class else lane.name
    doses = " → ".join(format_dose(s.step.dose, medication.unit) for s in lane.segments)
    parts = [
        f"{name}, {medication.role.label.lower()}: {doses}",
        _span_text(lane.start, lane.end, lane.open_ended, lane.approximate, locale),
    ]
    below = [s for s in lane.segments if s.below_minimum]
    if len(below) == 1:
        parts.append(f"{format_dose(below[0].step.dose, medication.unit)} is {BELOW_MINIMUM_TEXT}")
    elif below:
        parts.append(f"{len(below)} dose steps {BELOW_MINIMUM_TEXT}")
    if medication.stopped is not None and medication.stop_reason is not None:
        parts.append(f"stopped: {medication.stop_reason.label.lower()}")
    return ", ".join(parts)


def summary_sentence(lanes: Sequence[Lane], today: date, locale: QLocale) -> str:
    """How many medications and courses, and from when to when."""
    if not lanes:
        return "No medications or procedures recorded yet."
    medications = sum(1 for lane in lanes if isinstance(lane, MedicationLane))
    courses = len(lanes) - medications
    counts = [
        _counted_or_empty(medications, "medication"),
        _counted_or_empty(courses, "procedure course"),
    ]
    first = min(lane.start for lane in lanes)
    last = max(max(lane.end for lane in lanes), today)
    return (
        f"{' and '.join(c for c in counts if c)} from {_date_text(first, locale, True)} "
        f"to {_date_text(last, locale, True)}."
    )


def accessible_description(
    lanes: Sequence[Lane], current: int | None, today: date, locale: QLocale
) -> str:
    """The summary sentence, then the highlighted lane and how to move between lanes."""
    text = summary_sentence(lanes, today, locale)
    if current is None:
        return text
    return (
        f"{text} Selected: {lane_line(lanes[current], locale)}."
        " Up and Down move between rows; Enter opens the selected one."
    )


def _dose_tooltip(lane: MedicationLane, segment: Segment, locale: QLocale) -> str:
    medication = lane.item
    is_last = segment is lane.segments[-1]
    span = _span_text(
        segment.start, segment.end, lane.open_ended and is_last, lane.approximate, locale
    )
    lines = [f"{lane.name} {format_dose(segment.step.dose, medication.unit)}, {span}"]
    if segment.below_minimum and medication.adequate_min_dose is not None:
        minimum = format_dose(medication.adequate_min_dose, medication.unit)
        lines.append(f"{BELOW_MINIMUM_TEXT.capitalize()}: {minimum}")
    if lane.approximate:
        lines.append("Dates entered by month, so they are approximate")
    if is_last and medication.stopped is not None and medication.stop_reason is not None:
        lines.append(f"Stopped: {medication.stop_reason.label.lower()}")
    return "\n".join(lines)


def _session_tooltip(lane: CourseLane, session: TreatmentSession, locale: QLocale) -> str:
    course = lane.item
    number = session.number
    if number is None:
        number = lane.sessions.index(session) + 1
    count = f"{number} of {course.planned_sessions}" if course.planned_sessions else str(number)
    when = f"{_date_text(session.at.date(), locale)} {session.at:%H:%M}"
    lines = [f"{short_kind(course.kind)} {course.kind.session_word} {count}, {when}"]
    if session.dose_mg is not None:
        lines.append(f"Dose: {format_dose(session.dose_mg, 'mg')}")
    if session.intensity_percent is not None:
        lines.append(f"Intensity: {session.intensity_percent:g}% of motor threshold")
    if session.setting:
        lines.append(f"Setting: {session.setting}")
    if session.electrode_placement:
        lines.append(f"Electrode placement: {session.electrode_placement}")
    return "\n".join(lines)


def _course_line(lane: CourseLane, locale: QLocale) -> str:
    course = lane.item
    word = course.kind.session_word
    count = len(lane.sessions)
    if course.planned_sessions:
        sessions = f"{count}/{course.planned_sessions} {plural(word)}"
    else:
        sessions = counted(count, word)
    first = _date_text(lane.start, locale)
    span = f"since {first}" if lane.open_ended else f"{first} – {_date_text(lane.end, locale)}"
    return f"{short_title(course)} — {sessions}, {span}"


def _span_text(start: date, end: date, open_ended: bool, approximate: bool, locale: QLocale) -> str:
    first = _date_text(start, locale, approximate)
    if open_ended:
        return f"since {first} (still taking)"
    return f"{first} – {_date_text(end, locale, approximate)}"


def _date_text(day: date, locale: QLocale, approximate: bool = False) -> str:
    return locale.toString(to_qdate(day), "MMM yyyy" if approximate else "d MMM yyyy")


def _counted_or_empty(count: int, word: str) -> str:
    return counted(count, word) if count else ""
