"""Appointments the person records (so a report can cover "since the last appointment") and
the questions they want to ask their doctor at the next one."""

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime

from moodlog.domain.errors import InvalidEntry
from moodlog.domain.translation import translate

APPOINTMENT_NOTE_MAX_CHARS = 500
QUESTION_MAX_CHARS = 1000


@dataclass(frozen=True, slots=True)
class Appointment:
    """A visit to a psychiatrist, GP or clinic on ``day`` (past, or booked ahead); ``note``
    says with whom or what for, in the person's words."""

    day: date
    note: str = ""
    id: int | None = None

    def with_id(self, new_id: int) -> "Appointment":
        return replace(self, id=new_id)


@dataclass(frozen=True, slots=True)
class ClinicianQuestion:
    """A question for my doctor, written down when it came to mind. ``answered`` once it has
    been asked and answered (kept, so the person can look back)."""

    text: str
    created_at: datetime
    answered: bool = False
    id: int | None = None

    def with_id(self, new_id: int) -> "ClinicianQuestion":
        return replace(self, id=new_id)


def validate_appointment(appointment: Appointment) -> None:
    """Raise :class:`InvalidEntry` naming the field at fault. Booked appointments may lie
    ahead, so a future day is allowed."""
    if len(appointment.note) > APPOINTMENT_NOTE_MAX_CHARS:
        raise InvalidEntry(
            translate("Appointments", "Keep the note under {maximum} characters.").format(
                maximum=APPOINTMENT_NOTE_MAX_CHARS
            ),
            "note",
        )


def validate_question(question: ClinicianQuestion) -> None:
    if not question.text.strip():
        raise InvalidEntry(translate("Appointments", "Write the question, or cancel."), "text")
    if len(question.text) > QUESTION_MAX_CHARS:
        raise InvalidEntry(
            translate(
                "Appointments", "Keep the question under {maximum} characters; you can add another."
            ).format(maximum=f"{QUESTION_MAX_CHARS:,}"),
            "text",
        )


def last_appointment_before(appointments: Iterable[Appointment], day: date) -> Appointment | None:
    """The latest appointment strictly before ``day``: a report made on the morning of a
    visit covers the time since the previous one."""
    earlier = [a for a in appointments if a.day < day]
    return max(earlier, key=lambda a: (a.day, a.id or 0), default=None)
