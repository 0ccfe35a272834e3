"""What the treatment timeline says in words: the tooltip for a dose step, a session or a
lane, one line per lane, and the sentences screen readers hear. Dates follow the locale."""

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication, QLocale

from moodlog.domain.clock_text import time_text
from moodlog.domain.medications import DoseStep, format_dose
from moodlog.domain.session_counts import session_count
from moodlog.domain.treatments import TreatmentSession, option_text
from moodlog.ui.qt_dates import to_qdate
from moodlog.ui.timeline_lanes import (
    CourseLane,
    Lane,
    MedicationLane,
    Segment,
    short_kind,
    short_title,
)


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
        parts.append(
            QCoreApplication.translate(
                "TimelineDescriptions", "{dose} is below the adequate minimum (editable default)"
            ).format(dose=format_dose(below[0].step.dose, medication.unit))
        )
    elif below:
        parts.append(
            QCoreApplication.translate(
                "TimelineDescriptions",
                "{count} dose steps below the adequate minimum (editable default)",
            ).format(count=len(below))
        )
    if medication.stopped is not None and medication.stop_reason is not None:
        parts.append(
            QCoreApplication.translate("TimelineDescriptions", "stopped: {reason}").format(
                reason=medication.stop_reason.label.lower()
            )
        )
    return ", ".join(parts)


def summary_sentence(lanes: Sequence[Lane], today: date, locale: QLocale) -> str:
    """How many medications and courses, and from when to when."""
    if not lanes:
        return QCoreApplication.translate(
            "TimelineDescriptions", "No medications or procedures recorded yet."
        )
    medications = sum(1 for lane in lanes if isinstance(lane, MedicationLane))
    courses = len(lanes) - medications
    first = _date_text(min(lane.start for lane in lanes), locale, True)
    last = _date_text(max(max(lane.end for lane in lanes), today), locale, True)
    if medications and courses:
        return QCoreApplication.translate(
            "TimelineDescriptions", "{medications} and {courses} from {first} to {last}."
        ).format(
            medications=_medication_count(medications),
            courses=_course_count(courses),
            first=first,
            last=last,
        )
    counts = _medication_count(medications) if medications else _course_count(courses)
    return QCoreApplication.translate(
        "TimelineDescriptions", "{counts} from {first} to {last}."
    ).format(counts=counts, first=first, last=last)


def accessible_description(
    lanes: Sequence[Lane], current: int | None, today: date, locale: QLocale
) -> str:
    """The summary sentence, then the highlighted lane and how to move between lanes."""
    text = summary_sentence(lanes, today, locale)
    if current is None:
        return text
    return QCoreApplication.translate(
        "TimelineDescriptions",
        "{summary} Selected: {lane}. Up and Down move between rows; Enter opens the selected one.",
    ).format(summary=text, lane=lane_line(lanes[current], locale))


def _dose_tooltip(lane: MedicationLane, segment: Segment, locale: QLocale) -> str:
    medication = lane.item
    is_last = segment is lane.segments[-1]
    span = _span_text(
        segment.start, segment.end, lane.open_ended and is_last, lane.approximate, locale
    )
    lines = [f"{lane.name} {format_dose(segment.step.dose, medication.unit)}, {span}"]
    if segment.below_minimum and medication.adequate_min_dose is not None:
        minimum = format_dose(medication.adequate_min_dose, medication.unit)
        lines.append(
            QCoreApplication.translate(
                "TimelineDescriptions", "Below the adequate minimum (editable default): {minimum}"
            ).format(minimum=minimum)
        )
    if lane.approximate:
        lines.append(
            QCoreApplication.translate(
                "TimelineDescriptions", "Dates entered by month, so they are approximate"
            )
        )
    if is_last and medication.stopped is not None and medication.stop_reason is not None:
        lines.append(
            QCoreApplication.translate("TimelineDescriptions", "Stopped: {reason}").format(
                reason=medication.stop_reason.label.lower()
            )
        )
    return "\n".join(lines)


def _session_tooltip(lane: CourseLane, session: TreatmentSession, locale: QLocale) -> str:
    course = lane.item
    number = session.number
    if number is None:
        number = lane.sessions.index(session) + 1
    when = f"{_date_text(session.at.date(), locale)} {time_text(session.at.time())}"
    kind, word = short_kind(course.kind), course.kind.session_word
    if course.planned_sessions:
        #: e.g. "TMS session 3 of 30, 2 Mar 2026 09:30"
        first = QCoreApplication.translate(
            "TimelineDescriptions", "{kind} {session} {number} of {planned}, {when}"
        ).format(kind=kind, session=word, number=number, planned=course.planned_sessions, when=when)
    else:
        #: e.g. "TMS session 3, 2 Mar 2026 09:30"
        first = QCoreApplication.translate(
            "TimelineDescriptions", "{kind} {session} {number}, {when}"
        ).format(kind=kind, session=word, number=number, when=when)
    lines = [first]
    if session.dose_mg is not None:
        lines.append(
            QCoreApplication.translate("TimelineDescriptions", "Dose: {dose}").format(
                dose=format_dose(session.dose_mg, "mg")
            )
        )
    if session.intensity_percent is not None:
        lines.append(
            QCoreApplication.translate(
                "TimelineDescriptions", "Intensity: {intensity}% of motor threshold"
            ).format(intensity=f"{session.intensity_percent:g}")
        )
    if session.setting:
        lines.append(
            QCoreApplication.translate("TimelineDescriptions", "Setting: {setting}").format(
                setting=session.setting
            )
        )
    if session.electrode_placement:
        lines.append(
            QCoreApplication.translate(
                "TimelineDescriptions", "Electrode placement: {placement}"
            ).format(placement=option_text(session.electrode_placement))
        )
    return "\n".join(lines)


def _course_line(lane: CourseLane, locale: QLocale) -> str:
    course = lane.item
    count = len(lane.sessions)
    if course.planned_sessions:
        #: e.g. "12/30 sessions": 12 logged of 30 planned
        sessions = QCoreApplication.translate(
            "TimelineDescriptions", "{count}/{planned} {sessions}"
        ).format(count=count, planned=course.planned_sessions, sessions=course.kind.sessions_word)
    else:
        sessions = session_count(course.kind, count)
    first = _date_text(lane.start, locale)
    if lane.open_ended:
        span = QCoreApplication.translate("TimelineDescriptions", "since {day}").format(day=first)
    else:
        span = f"{first} – {_date_text(lane.end, locale)}"
    return f"{short_title(course)} — {sessions}, {span}"


def _span_text(start: date, end: date, open_ended: bool, approximate: bool, locale: QLocale) -> str:
    first = _date_text(start, locale, approximate)
    if open_ended:
        return QCoreApplication.translate(
            "TimelineDescriptions", "since {day} (still taking)"
        ).format(day=first)
    return f"{first} – {_date_text(end, locale, approximate)}"


def _date_text(day: date, locale: QLocale, approximate: bool = False) -> str:
    return locale.toString(to_qdate(day), "MMM yyyy" if approximate else "d MMM yyyy")


def _medication_count(count: int) -> str:
    if count == 1:
        return QCoreApplication.translate("TimelineDescriptions", "1 medication")
    return QCoreApplication.translate("TimelineDescriptions", "{count} medications").format(
        count=count
    )


def _course_count(count: int) -> str:
    if count == 1:
        return QCoreApplication.translate("TimelineDescriptions", "1 procedure course")
    return QCoreApplication.translate("TimelineDescriptions", "{count} procedure courses").format(
        count=count
    )
