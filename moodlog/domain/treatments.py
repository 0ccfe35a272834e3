"""Procedures and other treatments: courses (a TMS course, an esketamine induction, a course
of CBT …) and their dated sessions or events."""

from dataclasses import dataclass, replace
from datetime import date, datetime
from enum import StrEnum

from moodlog.domain.day_text import day_text
from moodlog.domain.errors import InvalidEntry
from moodlog.domain.medications import Benefit
from moodlog.domain.side_effects import Severity
from moodlog.domain.translation import QT_TRANSLATE_NOOP, translate


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
        return translate("Treatments", _KIND_LABELS[self])

    @property
    def variants(self) -> tuple[str, ...]:
        """The protocols, therapy types or programmes offered for this kind ("" = none), in
        English as the diary stores them: show each through :func:`option_text`."""
        return _VARIANTS.get(self, ())

    @property
    def variant_label(self) -> str:
        return translate("Treatments", _VARIANT_LABELS.get(self, _DETAILS))

    @property
    def session_word(self) -> str:
        """What one dated entry of the course is called."""
        if self in (CourseKind.VNS, CourseKind.DBS):
            #: One dated entry of a VNS or DBS course
            return translate("Treatments", "setting change")
        if self is CourseKind.IV_KETAMINE:
            #: One dated entry of an IV ketamine course
            return translate("Treatments", "infusion")
        if self is CourseKind.ECT:
            #: One dated entry of an ECT course
            return translate("Treatments", "treatment")
        #: One dated entry of a course (TMS, esketamine, therapy…)
        return translate("Treatments", "session")

    @property
    def sessions_word(self) -> str:
        """:attr:`session_word` for more than one."""
        if self in (CourseKind.VNS, CourseKind.DBS):
            return translate("Treatments", "setting changes")
        if self is CourseKind.IV_KETAMINE:
            return translate("Treatments", "infusions")
        if self is CourseKind.ECT:
            return translate("Treatments", "treatments")
        return translate("Treatments", "sessions")


_KIND_LABELS = {
    CourseKind.TMS: "TMS",  # the same in every language
    CourseKind.ESKETAMINE: QT_TRANSLATE_NOOP("Treatments", "Esketamine (Spravato)"),
    CourseKind.IV_KETAMINE: QT_TRANSLATE_NOOP("Treatments", "IV ketamine"),
    #: Electroconvulsive therapy: use your language's usual abbreviation
    CourseKind.ECT: QT_TRANSLATE_NOOP("Treatments", "ECT"),
    CourseKind.VNS: QT_TRANSLATE_NOOP("Treatments", "VNS (vagus nerve stimulation)"),
    CourseKind.DBS: QT_TRANSLATE_NOOP("Treatments", "DBS (deep brain stimulation)"),
    CourseKind.PSYCHOTHERAPY: QT_TRANSLATE_NOOP("Treatments", "Psychotherapy"),
    CourseKind.LIFESTYLE: QT_TRANSLATE_NOOP("Treatments", "Lifestyle programme"),
    CourseKind.CLINICAL_TRIAL: QT_TRANSLATE_NOOP("Treatments", "Clinical trial"),
}

# The choices below are stored in the diary in English (a course's variant, a session's
# electrode placement and side effects) and compared there; show them through
# :func:`option_text`. Names that are the same in every language are not marked.
TMS_PROTOCOLS = (
    "10 Hz rTMS",
    QT_TRANSLATE_NOOP("Treatments", "iTBS (theta burst)"),
    QT_TRANSLATE_NOOP("Treatments", "Accelerated iTBS (SNT/SAINT)"),
    QT_TRANSLATE_NOOP("Treatments", "Deep TMS (H-coil)"),
    #: A choice in a list: something not listed
    QT_TRANSLATE_NOOP("Treatments", "Other"),
)
PSYCHOTHERAPY_TYPES = (
    #: Cognitive behavioural therapy: use your language's usual abbreviation
    QT_TRANSLATE_NOOP("Treatments", "CBT"),
    #: Dialectical behaviour therapy: use your language's usual abbreviation
    QT_TRANSLATE_NOOP("Treatments", "DBT"),
    #: Acceptance and commitment therapy: use your language's usual abbreviation
    QT_TRANSLATE_NOOP("Treatments", "ACT"),
    "EMDR",
    #: Interpersonal psychotherapy: use your language's usual abbreviation
    QT_TRANSLATE_NOOP("Treatments", "IPT"),
    "ISTDP",
    QT_TRANSLATE_NOOP("Treatments", "Other"),
)
LIFESTYLE_PROGRAMMES = (
    QT_TRANSLATE_NOOP("Treatments", "Structured exercise"),
    QT_TRANSLATE_NOOP("Treatments", "Sleep treatment"),
    QT_TRANSLATE_NOOP("Treatments", "Nutrition"),
    QT_TRANSLATE_NOOP("Treatments", "Other"),
)
ECT_PLACEMENTS = (
    #: ECT electrode placement
    QT_TRANSLATE_NOOP("Treatments", "Right unilateral"),
    #: ECT electrode placement
    QT_TRANSLATE_NOOP("Treatments", "Bitemporal (bilateral)"),
    #: ECT electrode placement
    QT_TRANSLATE_NOOP("Treatments", "Bifrontal"),
    QT_TRANSLATE_NOOP("Treatments", "Other"),
    QT_TRANSLATE_NOOP("Treatments", "Not known"),
)
ESKETAMINE_DOSES_MG = (28.0, 56.0, 84.0)
TMS_SIDE_EFFECTS = (
    QT_TRANSLATE_NOOP("Treatments", "Headache"),
    QT_TRANSLATE_NOOP("Treatments", "Scalp pain or discomfort"),
    QT_TRANSLATE_NOOP("Treatments", "Facial twitching or tingling"),
    QT_TRANSLATE_NOOP("Treatments", "Light-headedness"),
)
_OPTIONS = frozenset(
    (
        *TMS_PROTOCOLS,
        *PSYCHOTHERAPY_TYPES,
        *LIFESTYLE_PROGRAMMES,
        *ECT_PLACEMENTS,
        *TMS_SIDE_EFFECTS,
    )
)


def option_text(value: str) -> str:
    """A stored choice (variant, electrode placement, TMS side effect) as shown: one of
    moodlog's own in the person's language, anything the person typed as it is."""
    return translate("Treatments", value) if value in _OPTIONS else value


_VARIANTS = {
    CourseKind.TMS: TMS_PROTOCOLS,
    CourseKind.PSYCHOTHERAPY: PSYCHOTHERAPY_TYPES,
    CourseKind.LIFESTYLE: LIFESTYLE_PROGRAMMES,
}
_DETAILS = QT_TRANSLATE_NOOP("Treatments", "Details")
_VARIANT_LABELS = {
    #: The form label of a TMS course's protocol
    CourseKind.TMS: QT_TRANSLATE_NOOP("Treatments", "Protocol"),
    #: The form label of a psychotherapy course's type of therapy
    CourseKind.PSYCHOTHERAPY: QT_TRANSLATE_NOOP("Treatments", "Therapy"),
    CourseKind.LIFESTYLE: QT_TRANSLATE_NOOP("Treatments", "Programme"),
    CourseKind.CLINICAL_TRIAL: QT_TRANSLATE_NOOP("Treatments", "What is studied"),
    CourseKind.VNS: QT_TRANSLATE_NOOP("Treatments", "Device"),
    CourseKind.DBS: QT_TRANSLATE_NOOP("Treatments", "Target or device"),
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
        if not self.variant:
            return self.kind.label
        return f"{self.kind.label} · {option_text(self.variant)}"

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
        raise InvalidEntry(translate("Treatments", "The start date is in the future."), "started")
    if course.ended is not None and course.ended < course.started:
        raise InvalidEntry(
            translate("Treatments", "The end date is before the start date."), "ended"
        )
    if course.planned_sessions is not None and not 1 <= course.planned_sessions <= 500:
        raise InvalidEntry(
            translate("Treatments", "Planned sessions must be between 1 and 500."),
            "planned_sessions",
        )


def validate_session(session: TreatmentSession, course: TreatmentCourse, now: datetime) -> None:
    if session.at > now:
        raise InvalidEntry(translate("Treatments", "The session is dated in the future."), "at")
    if session.at.date() < course.started:
        raise InvalidEntry(
            translate(
                "Treatments", "The session is dated before the course started ({day})."
            ).format(day=day_text(course.started)),
            "at",
        )
    if session.number is not None and session.number < 1:
        raise InvalidEntry(
            translate("Treatments", "The session number must be 1 or more."), "number"
        )
    if session.intensity_percent is not None and not 1 <= session.intensity_percent <= 200:
        raise InvalidEntry(
            translate("Treatments", "Intensity is a percentage of motor threshold, 1–200."),
            "intensity",
        )
    if session.dose_mg is not None and not 0 < session.dose_mg <= 2000:
        raise InvalidEntry(translate("Treatments", "The dose must be more than 0 mg."), "dose")
    for name, message in (
        ("dissociation", translate("Treatments", "Rate dissociation from 0 to 10.")),
        ("nausea", translate("Treatments", "Rate nausea from 0 to 10.")),
        ("sedation", translate("Treatments", "Rate sedation from 0 to 10.")),
    ):
        value = getattr(session, name)
        if value is not None and not 0 <= value <= 10:
            raise InvalidEntry(message, name)
    for name in ("bp_before", "bp_after"):
        bp = getattr(session, name)
        if bp is not None and not (
            50 <= bp.systolic <= 300 and 20 <= bp.diastolic <= 200 and bp.diastolic < bp.systolic
        ):
            raise InvalidEntry(
                translate(
                    "Treatments",
                    "Blood pressure looks impossible: enter it as systolic/diastolic, e.g. 128/82.",
                ),
                name,
            )
