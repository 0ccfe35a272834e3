"""Medications: what was taken, at which doses and when, and how it ended.

A medication entered as a *past trial* (``dates_approximate``) holds month-level dates and a
single dose step, its highest dose; one followed day by day holds its whole titration.
"""

from dataclasses import dataclass, field, replace
from datetime import date
from enum import IntEnum, StrEnum

from moodlog.domain.errors import InvalidEntry
from moodlog.domain.translation import translate


class MedicationRole(StrEnum):
    ANTIDEPRESSANT = "antidepressant"
    AUGMENTATION = "augmentation"
    OTHER = "other"

    @property
    def label(self) -> str:
        return {
            MedicationRole.ANTIDEPRESSANT: translate("Medications", "Antidepressant"),
            MedicationRole.AUGMENTATION: translate("Medications", "Augmentation or add-on"),
            MedicationRole.OTHER: translate("Medications", "Other medicine"),
        }[self]


class Schedule(StrEnum):
    SCHEDULED = "scheduled"
    AS_NEEDED = "as_needed"

    @property
    def label(self) -> str:
        if self is Schedule.SCHEDULED:
            return translate("Medications", "Every day (scheduled)")
        #: PRN: "pro re nata", a medicine taken only when needed
        return translate("Medications", "As needed (PRN)")


class StopReason(StrEnum):
    NOT_EFFECTIVE = "not_effective"
    SIDE_EFFECTS = "side_effects"
    COST_OR_ACCESS = "cost_or_access"
    OTHER = "other"

    @property
    def label(self) -> str:
        return {
            #: Why a medication was stopped
            StopReason.NOT_EFFECTIVE: translate("Medications", "Not effective"),
            #: Why a medication was stopped
            StopReason.SIDE_EFFECTS: translate("Medications", "Side effects"),
            #: Why a medication was stopped
            StopReason.COST_OR_ACCESS: translate("Medications", "Cost or access"),
            #: Why a medication was stopped
            StopReason.OTHER: translate("Medications", "Other reason"),
        }[self]


class Benefit(IntEnum):
    """The person's own view of how well a treatment helped (not a computed outcome)."""

    NONE = 0
    SOME = 1
    MUCH = 2
    WELL = 3

    @property
    def label(self) -> str:
        return {
            #: The person's own view of how well a treatment helped
            Benefit.NONE: translate("Medications", "No real improvement"),
            #: The person's own view of how well a treatment helped
            Benefit.SOME: translate("Medications", "Some improvement, not enough"),
            #: The person's own view of how well a treatment helped
            Benefit.MUCH: translate("Medications", "Much better, but not well"),
            #: The person's own view of how well a treatment helped
            Benefit.WELL: translate("Medications", "Well again"),
        }[self]


@dataclass(frozen=True, slots=True)
class DoseStep:
    """From ``start`` on (until the next step), the daily dose was ``dose`` (in the
    medication's unit)."""

    start: date
    dose: float


@dataclass(frozen=True, slots=True)
class Medication:
    """One medication trial: a drug from its start to its stop (``stopped`` of ``None``
    means still taking).

    ``adequate_min_dose`` is the minimum daily dose counted as adequate for this person's
    trial, copied from the reference table when the drug is known and editable after;
    ``None`` means unknown.
    """

    name: str
    started: date
    doses: tuple[DoseStep, ...]
    drug_class: str = ""
    role: MedicationRole = MedicationRole.ANTIDEPRESSANT
    unit: str = "mg"
    formulation: str = ""
    schedule: Schedule = Schedule.SCHEDULED
    stopped: date | None = None
    stop_reason: StopReason | None = None
    benefit: Benefit | None = None
    adequate_min_dose: float | None = None
    dates_approximate: bool = False
    note: str = ""
    id: int | None = None
    sorted_doses: tuple[DoseStep, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "sorted_doses", tuple(sorted(self.doses, key=lambda s: s.start)))

    def with_id(self, new_id: int) -> "Medication":
        return replace(self, id=new_id)

    @property
    def is_current(self) -> bool:
        return self.stopped is None

    def is_active_on(self, day: date) -> bool:
        """Taken on ``day``: on or after the start and before the stop date."""
        return self.started <= day and (self.stopped is None or day < self.stopped)

    def dose_on(self, day: date) -> float | None:
        """The daily dose on ``day``, or ``None`` when not taking it then."""
        if not self.is_active_on(day):
            return None
        current: float | None = None
        for step in self.sorted_doses:
            if step.start > day:
                break
            current = step.dose
        if current is None and self.sorted_doses:
            current = self.sorted_doses[0].dose  # a first step dated after the start
        return current

    @property
    def highest_dose(self) -> float | None:
        return max((s.dose for s in self.doses), default=None)

    @property
    def current_dose(self) -> float | None:
        return self.sorted_doses[-1].dose if self.sorted_doses else None

    def with_dose_change(self, step: DoseStep) -> "Medication":
        """The dose history with ``step`` added (replacing a step of the same date)."""
        kept = tuple(s for s in self.doses if s.start != step.start)
        return replace(self, doses=(*kept, step))


def format_dose(dose: float | None, unit: str) -> str:
    if dose is None:
        return "—"
    number = f"{dose:g}"
    return f"{number} {unit}".strip()


def validate_medication(medication: Medication, today: date) -> None:
    """Raise :class:`InvalidEntry` naming the field at fault."""
    if not medication.name.strip():
        raise InvalidEntry(translate("Medications", "Give the medication a name."), "name")
    if medication.started > today:
        raise InvalidEntry(translate("Medications", "The start date is in the future."), "started")
    if medication.stopped is not None:
        if medication.stopped < medication.started:
            raise InvalidEntry(
                translate("Medications", "The stop date is before the start date."), "stopped"
            )
        if medication.stopped > today:
            raise InvalidEntry(
                translate("Medications", "The stop date is in the future."), "stopped"
            )
    if medication.stop_reason is not None and medication.stopped is None:
        raise InvalidEntry(
            translate("Medications", "A reason for stopping needs a stop date."), "stopped"
        )
    if not medication.doses:
        raise InvalidEntry(translate("Medications", "Enter the dose."), "dose")
    for step in medication.doses:
        if not step.dose > 0:
            raise InvalidEntry(translate("Medications", "A dose must be more than zero."), "dose")
        if step.start > today:
            raise InvalidEntry(
                translate("Medications", "A dose change is dated in the future."), "dose"
            )
        if step.start < medication.started:
            raise InvalidEntry(
                translate("Medications", "A dose change is dated before the medication started."),
                "dose",
            )
        if medication.stopped is not None and step.start > medication.stopped:
            raise InvalidEntry(
                translate("Medications", "A dose change is dated after the medication stopped."),
                "dose",
            )
    starts = [s.start for s in medication.doses]
    if len(starts) != len(set(starts)):
        raise InvalidEntry(translate("Medications", "Two dose changes share a date."), "dose")
    if medication.adequate_min_dose is not None and not medication.adequate_min_dose > 0:
        raise InvalidEntry(
            translate("Medications", "The adequate minimum dose must be more than zero."),
            "adequate_min",
        )
