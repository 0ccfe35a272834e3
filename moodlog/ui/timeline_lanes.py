"""The treatment timeline's lanes: one per medication or procedure course, in the order the
timeline shows them, each medication split into its dose steps. Plain data: Qt only
translates the words."""

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from PySide6.QtCore import QCoreApplication

from moodlog.domain.medications import DoseStep, Medication, MedicationRole
from moodlog.domain.session_counts import session_count
from moodlog.domain.translation import QT_TRANSLATE_NOOP
from moodlog.domain.treatments import CourseKind, TreatmentCourse, TreatmentSession, option_text

Item = Medication | TreatmentCourse
Hit = tuple[Item, DoseStep | TreatmentSession | None]

_GROUP_TITLES = {
    MedicationRole.ANTIDEPRESSANT: QT_TRANSLATE_NOOP("TimelineLanes", "Antidepressants"),
    MedicationRole.AUGMENTATION: QT_TRANSLATE_NOOP("TimelineLanes", "Augmentation and add-ons"),
    MedicationRole.OTHER: QT_TRANSLATE_NOOP("TimelineLanes", "Other medicines"),
}
_PROCEDURES_TITLE = QT_TRANSLATE_NOOP("TimelineLanes", "Procedures and therapies")
_MARKER_KINDS = (CourseKind.VNS, CourseKind.DBS)


@dataclass(frozen=True, slots=True)
class Segment:
    """One dose step of a medication, drawn from ``start`` to ``end``."""

    start: date
    end: date
    step: DoseStep
    ratio: float  # the dose relative to the medication's highest dose, 0 to 1
    below_minimum: bool


@dataclass(frozen=True, slots=True)
class MedicationLane:
    """A medication from its start to ``end`` (its stop, or today while still taken)."""

    item: Medication
    end: date
    segments: tuple[Segment, ...]

    @property
    def start(self) -> date:
        return self.item.started

    @property
    def open_ended(self) -> bool:
        return self.item.stopped is None

    @property
    def approximate(self) -> bool:
        return self.item.dates_approximate

    @property
    def group(self) -> str:
        return QCoreApplication.translate("TimelineLanes", _GROUP_TITLES[self.item.role])

    @property
    def name(self) -> str:
        return f"≈ {self.item.name}" if self.approximate else self.item.name

    @property
    def detail(self) -> str:
        return self.item.drug_class


@dataclass(frozen=True, slots=True)
class CourseLane:
    """A procedure course from its start to ``end`` (its end, today while under way, or its
    last session when that is later), with its sessions in time order."""

    item: TreatmentCourse
    end: date
    sessions: tuple[TreatmentSession, ...]

    @property
    def start(self) -> date:
        return self.item.started

    @property
    def open_ended(self) -> bool:
        return self.item.ended is None

    @property
    def markers(self) -> bool:
        """VNS and DBS: each session is a setting change, drawn as a diamond."""
        return self.item.kind in _MARKER_KINDS

    @property
    def group(self) -> str:
        return QCoreApplication.translate("TimelineLanes", _PROCEDURES_TITLE)

    @property
    def name(self) -> str:
        return short_title(self.item)

    @property
    def detail(self) -> str:
        count = len(self.sessions)
        if self.item.planned_sessions:
            return f"— {count}/{self.item.planned_sessions}"
        return f"— {session_count(self.item.kind, count)}"


Lane = MedicationLane | CourseLane


def build_lanes(
    medications: Sequence[Medication],
    courses: Sequence[TreatmentCourse],
    sessions: Sequence[TreatmentSession],
    today: date,
) -> tuple[Lane, ...]:
    """Antidepressants, then augmentation, then other medicines (each by start), then the
    procedure courses (by start)."""
    roles = list(MedicationRole)
    by_course: dict[int, list[TreatmentSession]] = {}
    for session in sessions:
        by_course.setdefault(session.course_id, []).append(session)
    ordered_medications = sorted(
        medications, key=lambda m: (roles.index(m.role), m.started, m.name.casefold())
    )
    ordered_courses = sorted(courses, key=lambda c: (c.started, c.kind.label))
    return (
        *(_medication_lane(m, today) for m in ordered_medications),
        *(
            _course_lane(c, by_course.get(c.id, []) if c.id is not None else [], today)
            for c in ordered_courses
        ),
    )


def _medication_lane(medication: Medication, today: date) -> MedicationLane:
    end = medication.stopped if medication.stopped is not None else max(today, medication.started)
    return MedicationLane(medication, end, _dose_segments(medication, end))


def _dose_segments(medication: Medication, end: date) -> tuple[Segment, ...]:
    """The dose steps as spans: a step dated before the start counts from the start, and a
    first step dated after it covers the days before it too (as ``dose_on`` does)."""
    by_start: dict[date, DoseStep] = {}
    for step in medication.sorted_doses:
        by_start[max(step.start, medication.started)] = step  # the later of a day's steps
    if not by_start:
        return ()
    starts = [medication.started, *list(by_start)[1:]]
    finishes = [*starts[1:], end]
    highest = medication.highest_dose or 0.0
    minimum = medication.adequate_min_dose
    segments: list[Segment] = []
    for begins, finish, step in zip(starts, finishes, by_start.values(), strict=True):
        finish = min(finish, end)
        if begins >= finish and segments:
            continue
        ratio = step.dose / highest if highest > 0 else 1.0
        segments.append(
            Segment(
                start=begins,
                end=max(begins, finish),
                step=step,
                ratio=max(0.0, min(1.0, ratio)),
                below_minimum=minimum is not None and step.dose < minimum,
            )
        )
    return tuple(segments)


def _course_lane(
    course: TreatmentCourse, sessions: list[TreatmentSession], today: date
) -> CourseLane:
    ordered = tuple(sorted(sessions, key=lambda s: s.at))
    end = course.ended if course.ended is not None else max(today, course.started)
    if ordered and ordered[-1].day > end:
        end = ordered[-1].day
    return CourseLane(course, end, ordered)


def ordinal_of(at: datetime) -> float:
    """A moment as a fractional day ordinal (09:00 is 0.375 of the way through its day)."""
    return at.toordinal() + (at.hour * 60 + at.minute) / 1440


def same_item(a: Item, b: Item) -> bool:
    """The same medication or course: the same object, or the same kind with the same id."""
    if a is b:
        return True
    return type(a) is type(b) and a.id is not None and a.id == b.id


def _strip_parenthesis(text: str) -> str:
    return re.sub(r"\s*\([^)]*\)\s*$", "", text).strip() or text


def short_kind(kind: CourseKind) -> str:
    """ "Esketamine (Spravato)" → "Esketamine": the lane label has little room."""
    return _strip_parenthesis(kind.label)


def short_title(course: TreatmentCourse) -> str:
    kind = short_kind(course.kind)
    if not course.variant:
        return kind
    return f"{kind} · {_strip_parenthesis(option_text(course.variant))}"
