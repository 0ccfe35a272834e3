"""Procedures and other treatments: courses (a TMS course, an esketamine induction, a course
of CBT …) and their dated sessions or events."""

from dataclasses import dataclass, replace
from datetime import date, datetime
from enum import StrEnum

from moodlog.domain.day_text import day_text
from moodlog.domain.errors import InvalidEntry
from moodlog.domain.medications import Benefit
from moodlog.domain.side_effects import Severity


class CourseKind(StrEnum):
    TMS = "tms"
    ESKETAMINE = "esketamine"
    IV_KETAMINE = "iv_ketamine"
    ECT = "ect"
    VNS = "vns"
    DBS = "dbs"
    PSYCHOTHERAPY = "psychotherapy"
    LIFESTYLE = "lifestyle"
    CLINICAL_TRIAL = "clinical_trial"

    @property
    def label(self) -> str:
        return _KIND_LABELS[self]

    @property
    def variants(self) -> tuple[str, ...]:
        """The protocols, therapy types or programmes offered for this kind ("" = none)."""
        return _VARIANTS.get(self, ())

    @property
    def variant_label(self) -> str:
        return _VARIANT_LABELS.get(self, "Details")

    @property
    def session_word(self) -> str:
        """What one dated entry of the course is called."""
        if self in (CourseKind.VNS, CourseKind.DBS):
            return "setting change"
        if self is CourseKind.IV_KETAMINE:
            return "infusion"
        if self is CourseKind.ECT:
            return "treatment"
        return "session"


_KIND_LABELS = {
    CourseKind.TMS: "TMS",
    CourseKind.ESKETAMINE: "Esketamine (Spravato)",
    CourseKind.IV_KETAMINE: "IV ketamine",
    CourseKind.ECT: "ECT",
    CourseKind.VNS: "VNS (vagus nerve stimulation)",
    CourseKind.DBS: "DBS (deep brain stimulation)",
    CourseKind.PSYCHOTHERAPY: "Psychotherapy",
    CourseKind.LIFESTYLE: "Lifestyle programme",
    CourseKind.CLINICAL_TRIAL: "Clinical trial",
}

TMS_PROTOCOLS = (
    "10 Hz rTMS",
    "iTBS (theta burst)",
    "Accelerated iTBS (SNT/SAINT)",
    "Deep TMS (H-coil)",
    "Other",
)
PSYCHOTHERAPY_TYPES = ("CBT", "DBT", "ACT", "EMDR", "IPT", "ISTDP", "Other")
LIFESTYLE_PROGRAMMES = ("Structured exercise", "Sleep treatment", "Nutrition", "Other")
ECT_PLACEMENTS = ("Right unilateral", "Bitemporal (bilateral)", "Bifrontal", "Other", "Not known")
ESKETAMINE_DOSES_MG = (28.0, 56.0, 84.0)
TMS_SIDE_EFFECTS = (
    "Headache",
    "Scalp pain or discomfort",
    "Facial twitching or tingling",
    "Light-headedness",
)

_VARIANTS = {
    CourseKind.TMS: TMS_PROTOCOLS,
    CourseKind.PSYCHOTHERAPY: PSYCHOTHERAPY_TYPES,
    CourseKind.LIFESTYLE: LIFESTYLE_PROGRAMMES,
}
_VARIANT_LABELS = {
    CourseKind.TMS: "Protocol",
    CourseKind.PSYCHOTHERAPY: "Therapy",
    CourseKind.LIFESTYLE: "Programme",
    CourseKind.CLINICAL_TRIAL: "What is studied",
    CourseKind.VNS: "Device",
    CourseKind.DBS: "Target or device",
}


@dataclass(frozen=True, slots=True)
class TreatmentCourse:
    """A course of a procedure or therapy. For VNS and DBS, ``started`` is the implant date.
    For a clinical trial, ``arm`` stays "" unless the person knows it (nothing is assumed)."""

    kind: CourseKind
    started: date
    variant: str = ""
    ended: date | None = None
    planned_sessions: int | None = None
    benefit: Benefit | None = None
    arm: str = ""
    note: str = ""
    id: int | None = None

    def with_id(self, new_id: int) -> "TreatmentCourse":
        return replace(self, id=new_id)

    @property
    def title(self) -> str:
        return f"{self.kind.label} · {self.variant}" if self.variant else self.kind.label

    def is_active_on(self, day: date) -> bool:
        return self.started <= day and (self.ended is None or day <= self.ended)


@dataclass(frozen=True, slots=True)
class BloodPressure:
    systolic: int
    diastolic: int

    def __str__(self) -> str:
        return f"{self.systolic}/{self.diastolic}"


@dataclass(frozen=True, slots=True)
class TreatmentSession:
    """One session, infusion, treatment or (VNS/DBS) setting change of a course.

    Which fields apply depends on the course's kind: ``intensity_percent`` (of motor
    threshold) and ``side_effects`` for TMS; ``dose_mg``, blood pressure and the 0–10
    ``dissociation``/``nausea``/``sedation`` ratings for esketamine; ``dose_mg`` for IV
    ketamine; ``electrode_placement`` and ``memory_complaints`` for ECT; ``setting`` for
    VNS and DBS. ``number`` is the session's n in "n of N".
    """

    course_id: int
    at: datetime
    number: int | None = None
    intensity_percent: float | None = None
    dose_mg: float | None = None
    bp_before: BloodPressure | None = None
    bp_after: BloodPressure | None = None
    dissociation: int | None = None
    nausea: int | None = None
    sedation: int | None = None
    electrode_placement: str = ""
    memory_complaints: Severity | None = None
    side_effects: tuple[str, ...] = ()
    setting: str = ""
    note: str = ""
    id: int | None = None

    def with_id(self, new_id: int) -> "TreatmentSession":
        return replace(self, id=new_id)

    @property
    def day(self) -> date:
        return self.at.date()


def validate_course(course: TreatmentCourse, today: date) -> None:
    if course.started > today:
        raise InvalidEntry("The start date is in the future.", "started")
    if course.ended is not None and course.ended < course.started:
        raise InvalidEntry("The end date is before the start date.", "ended")
    if course.planned_sessions is not None and not 1 <= course.planned_sessions <= 500:
        raise InvalidEntry("Planned sessions must be between 1 and 500.", "planned_sessions")


def validate_session(session: TreatmentSession, course: TreatmentCourse, now: datetime) -> None:
    if session.at > now:
        raise InvalidEntry("The session is dated in the future.", "at")
    if session.at.date() < course.started:
        raise InvalidEntry(
            f"The session is dated before the course started ({day_text(course.started)}).", "at"
        )
    if session.number is not None and session.number < 1:
        raise InvalidEntry("The session number must be 1 or more.", "number")
    if session.intensity_percent is not None and not 1 <= session.intensity_percent <= 200:
        raise InvalidEntry("Intensity is a percentage of motor threshold, 1–200.", "intensity")
    if session.dose_mg is not None and not 0 < session.dose_mg <= 2000:
        raise InvalidEntry("The dose must be more than 0 mg.", "dose")
    for name in ("dissociation", "nausea", "sedation"):
        value = getattr(session, name)
        if value is not None and not 0 <= value <= 10:
            raise InvalidEntry(f"Rate {name} from 0 to 10.", name)
    for name in ("bp_before", "bp_after"):
        bp = getattr(session, name)
        if bp is not None and not (
            50 <= bp.systolic <= 300 and 20 <= bp.diastolic <= 200 and bp.diastolic < bp.systolic
        ):
            raise InvalidEntry(
                "Blood pressure looks impossible: enter it as systolic/diastolic, e.g. 128/82.",
                name,
            )
