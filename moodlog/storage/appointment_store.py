"""AppointmentStore: the appointments the person records and their questions for the doctor.
Every write is one transaction."""

from datetime import date, datetime

from moodlog.domain.appointments import Appointment, ClinicianQuestion
from moodlog.storage.diary_connection import DiaryConnection
from moodlog.storage.row_mapping import Row

# The name or ID the person puts on their reports' header: personal, so it stays in the diary
# (not in the application's settings file).
_REPORT_NAME = "report.name"


def appointment_to_row(appointment: Appointment) -> Row:
    return {"day": appointment.day.isoformat(), "note": appointment.note.strip()}


def appointment_from_row(row: Row) -> Appointment:
    return Appointment(day=date.fromisoformat(row["day"]), note=row["note"], id=row["id"])


def question_to_row(question: ClinicianQuestion) -> Row:
    return {
        "text": question.text.strip(),
        "created_at": question.created_at.isoformat(timespec="seconds"),
        "answered": int(question.answered),
    }


def question_from_row(row: Row) -> ClinicianQuestion:
    return ClinicianQuestion(
        text=row["text"],
        created_at=datetime.fromisoformat(row["created_at"]),
        answered=bool(row["answered"]),
        id=row["id"],
    )


class AppointmentStore:
    """Reached as ``DiaryStore.appointments``; shares the diary's connection."""

    def __init__(self, link: DiaryConnection) -> None:
        self._link = link

    # -- appointments --------------------------------------------------------------------

    def appointments(self) -> list[Appointment]:
        """Every appointment, earliest first."""
        rows = self._link.rows("SELECT * FROM appointments ORDER BY day, id")
        return [appointment_from_row(row) for row in rows]

    def appointment(self, appointment_id: int) -> Appointment:
        rows = self._link.rows("SELECT * FROM appointments WHERE id = ?", [appointment_id])
        if not rows:
            raise KeyError(appointment_id)
        return appointment_from_row(rows[0])

    def last_appointment_before(self, day: date) -> Appointment | None:
        """The latest appointment strictly before ``day`` (see
        :func:`moodlog.domain.appointments.last_appointment_before`)."""
        rows = self._link.rows(
            "SELECT * FROM appointments WHERE day < ? ORDER BY day DESC, id DESC LIMIT 1",
            [day.isoformat()],
        )
        return appointment_from_row(rows[0]) if rows else None

    def add_appointment(self, appointment: Appointment) -> Appointment:
        """Store a (validated) appointment; returns it with its id."""
        with self._link.writing():
            new_id = self._link.insert("appointments", appointment_to_row(appointment))
        return appointment.with_id(new_id)

    def update_appointment(self, appointment: Appointment) -> None:
        if appointment.id is None:
            raise ValueError("an unsaved appointment")
        with self._link.writing():
            self._link.update("appointments", appointment.id, appointment_to_row(appointment))

    def delete_appointment(self, appointment_id: int) -> Appointment:
        """Delete an appointment; returns it, so it can be put back."""
        with self._link.writing():
            appointment = self.appointment(appointment_id)
            self._link.execute("DELETE FROM appointments WHERE id = ?", [appointment_id])
        return appointment

    # -- questions for my doctor ---------------------------------------------------------

    def questions(self, include_answered: bool = True) -> list[ClinicianQuestion]:
        """The questions, oldest first; only the open ones unless ``include_answered``."""
        where = "1" if include_answered else "answered = 0"
        rows = self._link.rows(
            f"SELECT * FROM clinician_questions WHERE {where} ORDER BY created_at, id"
        )
        return [question_from_row(row) for row in rows]

    def open_questions(self) -> list[ClinicianQuestion]:
        """The questions not yet answered, oldest first: the report lists these."""
        return self.questions(include_answered=False)

    def question(self, question_id: int) -> ClinicianQuestion:
        rows = self._link.rows("SELECT * FROM clinician_questions WHERE id = ?", [question_id])
        if not rows:
            raise KeyError(question_id)
        return question_from_row(rows[0])

    def add_question(self, question: ClinicianQuestion) -> ClinicianQuestion:
        """Store a (validated) question; returns it with its id."""
        with self._link.writing():
            new_id = self._link.insert("clinician_questions", question_to_row(question))
        return question.with_id(new_id)

    def update_question(self, question: ClinicianQuestion) -> None:
        if question.id is None:
            raise ValueError("an unsaved question")
        with self._link.writing():
            self._link.update("clinician_questions", question.id, question_to_row(question))

    def set_question_answered(self, question_id: int, answered: bool) -> None:
        with self._link.writing():
            self._link.update("clinician_questions", question_id, {"answered": int(answered)})

    def delete_question(self, question_id: int) -> ClinicianQuestion:
        """Delete a question; returns it, so it can be put back."""
        with self._link.writing():
            question = self.question(question_id)
            self._link.execute("DELETE FROM clinician_questions WHERE id = ?", [question_id])
        return question

    # -- the name on reports -------------------------------------------------------------

    def report_name(self) -> str:
        """The name or ID last printed on a report's header ("" when none)."""
        rows = self._link.rows("SELECT value FROM diary_settings WHERE key = ?", [_REPORT_NAME])
        return str(rows[0]["value"]) if rows else ""

    def set_report_name(self, name: str) -> None:
        """Remember ``name`` for the next report ("" forgets it)."""
        with self._link.writing():
            if name.strip():
                row = {"key": _REPORT_NAME, "value": name.strip()}
                self._link.insert("diary_settings", row, True)
            else:
                self._link.execute("DELETE FROM diary_settings WHERE key = ?", [_REPORT_NAME])
