"""QuestionnaireStore: questionnaire results, the safety plan and crisis contacts. Every write
is one transaction."""

import json
from collections.abc import Iterable
from datetime import date, datetime

from moodlog.domain.instruments import SAFETY_ITEM_INDEX, Instrument
from moodlog.domain.questionnaire_result import QuestionnaireResult, Source
from moodlog.domain.safety_plan import CrisisContacts, PlanSection, SafetyPlan
from moodlog.storage.diary_connection import DiaryConnection
from moodlog.storage.row_mapping import Row

_PLAN_PREFIX = "safety_plan."
_CONTACT_PREFIX = "crisis_contacts."
_CONTACT_FIELDS = (
    "emergency_number",
    "trusted_name",
    "trusted_phone",
    "clinician_name",
    "clinician_phone",
)


def result_to_row(result: QuestionnaireResult) -> Row:
    return {
        "instrument": result.instrument.value,
        "taken_on": result.taken_on.isoformat(),
        "answers": json.dumps(list(result.answers)),
        "entered_total": result.entered_total,
        "difficulty": result.difficulty,
        "source": result.source.value,
        "source_note": result.source_note.strip(),
        "note": result.note.strip(),
    }


def result_from_row(row: Row) -> QuestionnaireResult:
    answers = json.loads(row["answers"])
    return QuestionnaireResult(
        instrument=Instrument(row["instrument"]),
        taken_on=date.fromisoformat(row["taken_on"]),
        answers=tuple(None if a is None else int(a) for a in answers),
        entered_total=row["entered_total"],
        difficulty=row["difficulty"],
        source=Source(row["source"]),
        source_note=row["source_note"],
        note=row["note"],
        id=row["id"],
    )


class QuestionnaireStore:
    """Reached as ``DiaryStore.questionnaires``; shares the diary's connection."""

    def __init__(self, link: DiaryConnection) -> None:
        self._link = link

    # -- results -------------------------------------------------------------------------

    def results(
        self,
        instruments: Iterable[Instrument] = (),
        start: date | None = None,
        end: date | None = None,
    ) -> list[QuestionnaireResult]:
        """Results oldest first, optionally only some instruments and days (inclusive)."""
        where, params = ["1"], list[object]()
        chosen = [i.value for i in instruments]
        if chosen:
            where.append(f"instrument IN ({', '.join('?' for _ in chosen)})")
            params += chosen
        if start is not None:
            where.append("taken_on >= ?")
            params.append(start.isoformat())
        if end is not None:
            where.append("taken_on <= ?")
            params.append(end.isoformat())
        rows = self._link.rows(
            f"SELECT * FROM questionnaire_results WHERE {' AND '.join(where)} "
            "ORDER BY taken_on, id",
            params,
        )
        return [result_from_row(row) for row in rows]

    def result(self, result_id: int) -> QuestionnaireResult:
        rows = self._link.rows("SELECT * FROM questionnaire_results WHERE id = ?", [result_id])
        if not rows:
            raise KeyError(result_id)
        return result_from_row(rows[0])

    def add_result(self, result: QuestionnaireResult, now: datetime) -> QuestionnaireResult:
        """Store a (validated) result; returns it with its id."""
        row = result_to_row(result)
        row["updated_at"] = now.isoformat(timespec="seconds")
        with self._link.writing():
            new_id = self._link.insert("questionnaire_results", row)
        return result.with_id(new_id)

    def update_result(self, result: QuestionnaireResult, now: datetime) -> None:
        if result.id is None:
            raise ValueError("an unsaved result")
        row = result_to_row(result)
        row["updated_at"] = now.isoformat(timespec="seconds")
        with self._link.writing():
            self._link.update("questionnaire_results", result.id, row)

    def delete_result(self, result_id: int) -> QuestionnaireResult:
        """Delete a result; returns it, so it can be put back."""
        with self._link.writing():
            result = self.result(result_id)
            self._link.execute("DELETE FROM questionnaire_results WHERE id = ?", [result_id])
        return result

    def last_taken(self) -> dict[Instrument, date]:
        """The latest result date of each instrument that has one (one small query: the
        Today view asks on every start)."""
        rows = self._link.rows(
            "SELECT instrument, max(taken_on) AS last FROM questionnaire_results "
            "GROUP BY instrument"
        )
        return {Instrument(row["instrument"]): date.fromisoformat(row["last"]) for row in rows}

    def complete_days(self, instrument: Instrument, start: date) -> list[date]:
        """Days from ``start`` with a complete result of ``instrument`` (every item answered,
        or a total entered): only those can be a treatment's baseline (course_outcome)."""
        rows = self._link.rows(
            "SELECT DISTINCT taken_on FROM questionnaire_results "
            "WHERE instrument = ? AND taken_on >= ? AND NOT EXISTS "
            "(SELECT 1 FROM json_each(answers) WHERE json_each.type = 'null') "
            "ORDER BY taken_on",
            [instrument.value, start.isoformat()],
        )
        return [date.fromisoformat(row["taken_on"]) for row in rows]

    def safety_answers(
        self, start: date | None = None, end: date | None = None
    ) -> list[tuple[date, int]]:
        """Every answered PHQ-9 item 9 with its date (0 included), oldest first: the report
        shows each one, not only the totals (clinical-reference §1.8)."""
        rows = self._link.rows(
            "SELECT taken_on, json_extract(answers, ?) AS answer FROM questionnaire_results "
            "WHERE instrument = 'phq9' AND json_extract(answers, ?) IS NOT NULL "
            "AND taken_on >= ? AND taken_on <= ? ORDER BY taken_on, id",
            [
                f"$[{SAFETY_ITEM_INDEX}]",
                f"$[{SAFETY_ITEM_INDEX}]",
                (start or date.min).isoformat(),
                (end or date.max).isoformat(),
            ],
        )
        return [(date.fromisoformat(row["taken_on"]), int(row["answer"])) for row in rows]

    # -- safety plan and contacts ---------------------------------------------------------

    def _settings(self, prefix: str) -> dict[str, str]:
        rows = self._link.rows(
            "SELECT key, value FROM diary_settings WHERE key LIKE ? ESCAPE '\\'",
            [prefix.replace("_", "\\_") + "%"],
        )
        return {row["key"][len(prefix) :]: row["value"] for row in rows}

    def safety_plan(self) -> SafetyPlan:
        values = self._settings(_PLAN_PREFIX)
        return SafetyPlan(
            {section: values[section.value] for section in PlanSection if section.value in values}
        )

    def crisis_contacts(self) -> CrisisContacts:
        values = self._settings(_CONTACT_PREFIX)
        return CrisisContacts(**{name: values.get(name, "") for name in _CONTACT_FIELDS})

    def set_safety_plan(self, plan: SafetyPlan, contacts: CrisisContacts) -> None:
        """Replace the plan and the contacts together (one transaction)."""
        values = {_PLAN_PREFIX + s.value: plan.text(s).strip() for s in PlanSection}
        values |= {_CONTACT_PREFIX + n: getattr(contacts, n).strip() for n in _CONTACT_FIELDS}
        with self._link.writing():
            for key, value in values.items():
                if value:
                    self._link.insert("diary_settings", {"key": key, "value": value}, True)
                else:
                    self._link.execute("DELETE FROM diary_settings WHERE key = ?", [key])
