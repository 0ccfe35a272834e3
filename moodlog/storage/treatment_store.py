"""TreatmentStore: medications and their doses, adherence, procedure courses and sessions,
pharmacogenetic results and the current episode. Every write is one transaction."""

from dataclasses import replace
from datetime import date, datetime

from moodlog.domain.adherence import Adherence
from moodlog.domain.episode import Episode, EpisodeSeverity
from moodlog.domain.medications import Benefit, DoseStep, Medication, StopReason
from moodlog.domain.pharmacogenetics import PgxResult
from moodlog.domain.treatments import TreatmentCourse, TreatmentSession
from moodlog.storage.diary_connection import DiaryConnection
from moodlog.storage.treatment_rows import (
    course_from_row,
    course_to_row,
    medication_from_row,
    medication_to_row,
    pgx_from_row,
    pgx_to_row,
    session_from_row,
    session_to_row,
)

_EPISODE_START = "episode.started"
_EPISODE_SEVERITY = "episode.severity"


def _stamp(now: datetime) -> str:
    return now.isoformat(timespec="seconds")


class TreatmentStore:
    """Reached as ``DiaryStore.treatments``; shares the diary's connection."""

    def __init__(self, link: DiaryConnection) -> None:
        self._link = link

    # -- medications ---------------------------------------------------------------------

    def medications(self) -> list[Medication]:
        """Every medication, oldest start first."""
        return self._medications("1")

    def medication(self, medication_id: int) -> Medication:
        found = self._medications("id = ?", [medication_id])
        if not found:
            raise KeyError(medication_id)
        return found[0]

    def medications_taken_on(self, day: date) -> list[Medication]:
        """The medications being taken on ``day`` (scheduled and as-needed); the Today view
        asks on every day it shows, so only those are read."""
        iso = day.isoformat()
        return self._medications("started <= ? AND (stopped IS NULL OR stopped > ?)", [iso, iso])

    def _medications(self, where: str, params: list[object] | None = None) -> list[Medication]:
        """The medications matching ``where``, oldest start first, with their dose steps."""
        rows = self._link.rows(
            f"SELECT * FROM medications WHERE {where} ORDER BY started, id", params or []
        )
        steps: dict[int, list[DoseStep]] = {}
        for step in self._link.rows(
            f"SELECT * FROM dose_steps WHERE medication_id IN "
            f"(SELECT id FROM medications WHERE {where}) ORDER BY medication_id, start",
            params or [],
        ):
            steps.setdefault(step["medication_id"], []).append(
                DoseStep(date.fromisoformat(step["start"]), step["dose"])
            )
        return [medication_from_row(row, tuple(steps.get(row["id"], ()))) for row in rows]

    def add_medication(self, medication: Medication, now: datetime) -> Medication:
        """Store a (validated) medication with its dose history; returns it with its id."""
        row = medication_to_row(medication)
        row["updated_at"] = _stamp(now)
        with self._link.writing():
            new_id = self._link.insert("medications", row)
            self._write_doses(new_id, medication)
        return medication.with_id(new_id)

    def update_medication(self, medication: Medication, now: datetime) -> None:
        """Replace a medication's fields and its whole dose history."""
        if medication.id is None:
            raise ValueError("an unsaved medication")
        row = medication_to_row(medication)
        row["updated_at"] = _stamp(now)
        with self._link.writing():
            self._link.update("medications", medication.id, row)
            self._link.execute("DELETE FROM dose_steps WHERE medication_id = ?", [medication.id])
            self._write_doses(medication.id, medication)

    def _write_doses(self, medication_id: int, medication: Medication) -> None:
        for step in medication.doses:
            row = {"medication_id": medication_id, "start": step.start.isoformat()}
            self._link.insert("dose_steps", {**row, "dose": step.dose})

    def change_dose(self, medication_id: int, step: DoseStep, now: datetime) -> Medication:
        """Add a dated dose change (replacing one of the same date)."""
        with self._link.writing():
            changed = self.medication(medication_id).with_dose_change(step)
            self.update_medication(changed, now)
        return changed

    def stop_medication(
        self,
        medication_id: int,
        stopped: date,
        reason: StopReason,
        benefit: Benefit | None,
        now: datetime,
    ) -> Medication:
        with self._link.writing():
            medication = self.medication(medication_id)
            stopped_medication = replace(
                medication, stopped=stopped, stop_reason=reason, benefit=benefit
            )
            self.update_medication(stopped_medication, now)
        return stopped_medication

    def delete_medication(self, medication_id: int) -> Medication:
        """Delete a medication with its doses and adherence records; returns it."""
        with self._link.writing():
            medication = self.medication(medication_id)
            self._link.execute("DELETE FROM medications WHERE id = ?", [medication_id])
        return medication

    # -- adherence -----------------------------------------------------------------------

    def adherence(self, medication_id: int) -> dict[date, Adherence]:
        return {
            date.fromisoformat(row["day"]): Adherence(row["status"])
            for row in self._link.rows(
                "SELECT day, status FROM adherence WHERE medication_id = ? ORDER BY day",
                [medication_id],
            )
        }

    def adherence_by_medication(self) -> dict[int, dict[date, Adherence]]:
        """Every adherence record, by medication id then day."""
        records: dict[int, dict[date, Adherence]] = {}
        for row in self._link.rows("SELECT * FROM adherence ORDER BY medication_id, day"):
            records.setdefault(row["medication_id"], {})[date.fromisoformat(row["day"])] = (
                Adherence(row["status"])
            )
        return records

    def set_adherence(self, records: dict[tuple[int, date], Adherence]) -> None:
        """Write many adherence records in one go (demo data, imports)."""
        with self._link.writing():
            self._link.conn.executemany(
                "INSERT OR REPLACE INTO adherence (day, medication_id, status) VALUES (?, ?, ?)",
                [(day.isoformat(), mid, status.value) for (mid, day), status in records.items()],
            )

    # -- courses and sessions ------------------------------------------------------------

    def courses(self) -> list[TreatmentCourse]:
        return [
            course_from_row(row)
            for row in self._link.rows("SELECT * FROM treatment_courses ORDER BY started, id")
        ]

    def course(self, course_id: int) -> TreatmentCourse:
        rows = self._link.rows("SELECT * FROM treatment_courses WHERE id = ?", [course_id])
        if not rows:
            raise KeyError(course_id)
        return course_from_row(rows[0])

    def add_course(self, course: TreatmentCourse, now: datetime) -> TreatmentCourse:
        row = course_to_row(course)
        row["updated_at"] = _stamp(now)
        with self._link.writing():
            new_id = self._link.insert("treatment_courses", row)
        return course.with_id(new_id)

    def update_course(self, course: TreatmentCourse, now: datetime) -> None:
        if course.id is None:
            raise ValueError("an unsaved course")
        row = course_to_row(course)
        row["updated_at"] = _stamp(now)
        with self._link.writing():
            self._link.update("treatment_courses", course.id, row)

    def delete_course(self, course_id: int) -> TreatmentCourse:
        """Delete a course and its sessions; returns the course."""
        with self._link.writing():
            course = self.course(course_id)
            self._link.execute("DELETE FROM treatment_courses WHERE id = ?", [course_id])
        return course

    def sessions(self, course_id: int | None = None) -> list[TreatmentSession]:
        """A course's sessions (or every course's), in time order."""
        if course_id is None:
            rows = self._link.rows("SELECT * FROM treatment_sessions ORDER BY at, id")
        else:
            rows = self._link.rows(
                "SELECT * FROM treatment_sessions WHERE course_id = ? ORDER BY at, id",
                [course_id],
            )
        return [session_from_row(row) for row in rows]

    def next_session_number(self, course_id: int) -> int:
        rows = self._link.rows(
            "SELECT MAX(COALESCE(number, 0)) AS n, COUNT(*) AS c FROM treatment_sessions "
            "WHERE course_id = ?",
            [course_id],
        )
        return max(rows[0]["n"] or 0, rows[0]["c"] or 0) + 1

    def add_session(self, session: TreatmentSession, now: datetime) -> TreatmentSession:
        """Store a session; one without a number gets the course's next one."""
        with self._link.writing():
            if session.number is None:
                session = replace(session, number=self.next_session_number(session.course_id))
            row = session_to_row(session)
            row["updated_at"] = _stamp(now)
            new_id = self._link.insert("treatment_sessions", row)
        return session.with_id(new_id)

    def add_sessions(self, sessions: list[TreatmentSession], now: datetime) -> None:
        """Store many sessions in one transaction (demo data, imports)."""
        with self._link.writing():
            for session in sessions:
                self.add_session(session, now)

    def update_session(self, session: TreatmentSession, now: datetime) -> None:
        if session.id is None:
            raise ValueError("an unsaved session")
        row = session_to_row(session)
        row["updated_at"] = _stamp(now)
        with self._link.writing():
            self._link.update("treatment_sessions", session.id, row)

    def delete_session(self, session_id: int) -> None:
        with self._link.writing():
            self._link.execute("DELETE FROM treatment_sessions WHERE id = ?", [session_id])

    # -- pharmacogenetics ----------------------------------------------------------------

    def pgx_results(self) -> list[PgxResult]:
        return [
            pgx_from_row(row)
            for row in self._link.rows("SELECT * FROM pgx_results ORDER BY gene, id")
        ]

    def add_pgx_result(self, result: PgxResult) -> PgxResult:
        with self._link.writing():
            new_id = self._link.insert("pgx_results", pgx_to_row(result))
        return result.with_id(new_id)

    def delete_pgx_result(self, result_id: int) -> None:
        with self._link.writing():
            self._link.execute("DELETE FROM pgx_results WHERE id = ?", [result_id])

    # -- the current episode -------------------------------------------------------------

    def episode(self) -> Episode:
        values = {
            row["key"]: row["value"]
            for row in self._link.rows(
                "SELECT key, value FROM diary_settings WHERE key IN (?, ?)",
                [_EPISODE_START, _EPISODE_SEVERITY],
            )
        }
        start = values.get(_EPISODE_START)
        severity = values.get(_EPISODE_SEVERITY)
        return Episode(
            started=None if start is None else date.fromisoformat(start),
            severity=None if severity is None else EpisodeSeverity(int(severity)),
        )

    def set_episode(self, episode: Episode) -> None:
        values = {
            _EPISODE_START: None if episode.started is None else episode.started.isoformat(),
            _EPISODE_SEVERITY: None if episode.severity is None else str(int(episode.severity)),
        }
        with self._link.writing():
            for key, value in values.items():
                if value is None:
                    self._link.execute("DELETE FROM diary_settings WHERE key = ?", [key])
                else:
                    self._link.insert("diary_settings", {"key": key, "value": value}, True)
