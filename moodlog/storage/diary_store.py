"""DiaryStore: the diary's typed read and write methods. Every write is one transaction."""

import sqlite3
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import date, datetime
from functools import cached_property
from typing import TYPE_CHECKING, TypeVar

from moodlog.domain.adherence import Adherence
from moodlog.domain.check_in import CheckIn
from moodlog.domain.day_entry import DayEntry, DayRecord, DaySummary
from moodlog.domain.side_effects import Severity, SideEffect
from moodlog.domain.sleep import SleepMode, SleepRecord, measure_sleep
from moodlog.domain.trackers import Tracker, TrackerKind
from moodlog.storage.diary_connection import DiaryConnection
from moodlog.storage.encrypted_connection import passphrase_of
from moodlog.storage.row_mapping import (
    Row,
    check_in_from_row,
    check_in_to_row,
    side_effect_from_row,
    sleep_from_row,
    sleep_to_row,
    tracker_from_row,
)
from moodlog.storage.treatment_store import TreatmentStore

if TYPE_CHECKING:
    from collections.abc import Mapping

    from moodlog.domain.instruments import Instrument
    from moodlog.domain.questionnaire_schedule import Due
    from moodlog.domain.trend_data import TrendData
    from moodlog.storage.appointment_store import AppointmentStore
    from moodlog.storage.import_store import ImportStore
    from moodlog.storage.questionnaire_store import QuestionnaireStore

T = TypeVar("T")

# How far back a PHQ-9 can still stop a start or end-of-treatment reminder (a baseline window
# of 28 days, an end score asked for 14 days after the end).
_DUE_LOOKBACK_DAYS = 60


@dataclass(frozen=True, slots=True)
class Draft:
    """Unsaved form contents kept for a day, so closing the window never loses them."""

    day: date
    payload: str
    saved_at: datetime


class DiaryStore:
    """Reads and writes the diary. Used from the GUI thread only.

    Reads go straight to the sqlite3 connection; writes run in sqlite-utils' ``atomic()``
    transactions, and sqlite-utils is loaded on the first write (or by
    :meth:`prepare_for_writes`), keeping it off the start-up path.
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._link = DiaryConnection(conn)
        self._conn = conn
        self.treatments = TreatmentStore(self._link)

    @cached_property
    def questionnaires(self) -> "QuestionnaireStore":
        """Questionnaire results and the safety plan, on the same connection (loaded on
        first use: the window shows before it needs them)."""
        from moodlog.storage.questionnaire_store import QuestionnaireStore

        return QuestionnaireStore(self._link)

    @cached_property
    def appointments(self) -> "AppointmentStore":
        """Recorded appointments and questions for the doctor, on the same connection
        (loaded on first use)."""
        from moodlog.storage.appointment_store import AppointmentStore

        return AppointmentStore(self._link)

    @cached_property
    def imports(self) -> "ImportStore":
        """Imports from other apps, with their undo (loaded on first use)."""
        from moodlog.storage.import_store import ImportStore

        return ImportStore(self._link)

    def questionnaire_dues(
        self,
        interval_days: int,
        today: date,
        last_taken: "Mapping[Instrument, date] | None" = None,
    ) -> list["Due"]:
        """What is due next for each questionnaire (see questionnaire_schedule.next_due):
        a few small reads, for the Today line and the Questionnaires page alike.
        ``last_taken``: :meth:`QuestionnaireStore.last_taken`, if the caller has read it."""
        from datetime import timedelta

        from moodlog.domain.instruments import Instrument
        from moodlog.domain.questionnaire_schedule import next_due, treatment_spans

        spans = treatment_spans(self.treatments.medications(), self.treatments.courses())
        since = today - timedelta(days=_DUE_LOOKBACK_DAYS)
        phq9_days = self.questionnaires.complete_days(Instrument.PHQ9, since)
        if last_taken is None:
            last_taken = self.questionnaires.last_taken()
        return next_due(last_taken, interval_days, spans, phq9_days, today)

    def close(self) -> None:
        self._conn.close()

    @property
    def connection(self) -> sqlite3.Connection:
        """The open connection, for storage code that works on the whole file (backups)."""
        return self._conn

    @property
    def passphrase(self) -> str | None:
        """The passphrase the diary is open with now (``None``: not encrypted): what its
        backups and copies are opened with. Read it when needed: it changes with
        File › Encryption…."""
        return passphrase_of(self._conn)

    def reopen(self, conn: sqlite3.Connection) -> None:
        """Carry on with ``conn``, the same diary opened again after :meth:`close` (see
        encryption_change.py); every store on this diary follows."""
        self._conn = conn
        self._link.reopen(conn)

    def closed_while(
        self,
        change: Callable[[], T],
        reopened: Callable[[], sqlite3.Connection],
        reopened_if_failed: Callable[[], sqlite3.Connection],
    ) -> T:
        """Run ``change`` on the diary's file with this store closed, then carry on with
        ``reopened()``, or with ``reopened_if_failed()`` when ``change`` raised (the error
        is raised again): a restore, or a change of passphrase."""
        self.close()
        try:
            result = change()
        except BaseException:
            self.reopen(reopened_if_failed())
            raise
        self.reopen(reopened())
        return result

    def prepare_for_writes(self) -> None:
        """Load what writing needs now (the app calls this once the window is ready)."""
        self._link.prepare_for_writes()

    def batch(self) -> AbstractContextManager[None]:
        """One transaction around many writes (demo data, imports): all or nothing."""
        return self._link.writing()

    def _set_day_value(
        self,
        table: str,
        item_column: str,
        value_column: str,
        day: str,
        item: int,
        value: float | str | None,
    ) -> None:
        """Write one item's value for a day, or delete it when ``value`` is ``None``."""
        if value is None:
            self._conn.execute(
                f"DELETE FROM {table} WHERE day = ? AND {item_column} = ?", [day, item]
            )
        else:
            self._link.insert(table, {"day": day, item_column: item, value_column: value}, True)

    # -- a day -------------------------------------------------------------------------

    def day_record(self, day: date) -> DayRecord:
        iso = day.isoformat()
        check_ins = [
            check_in_from_row(row)
            for row in self._link.rows(
                "SELECT * FROM check_ins WHERE day = ? ORDER BY recorded_at, id", [iso]
            )
        ]
        sleep_rows = self._link.rows("SELECT * FROM sleep WHERE night_of = ?", [iso])
        effects = {
            row["side_effect_id"]: Severity(row["severity"])
            for row in self._link.rows("SELECT * FROM side_effect_ratings WHERE day = ?", [iso])
        }
        trackers = {
            row["tracker_id"]: row["value"]
            for row in self._link.rows("SELECT * FROM tracker_values WHERE day = ?", [iso])
        }
        adherence = {
            row["medication_id"]: Adherence(row["status"])
            for row in self._link.rows("SELECT * FROM adherence WHERE day = ?", [iso])
        }
        return DayRecord(
            day=day,
            check_ins=check_ins,
            sleep=sleep_from_row(sleep_rows[0]) if sleep_rows else None,
            side_effects=effects,
            trackers=trackers,
            adherence=adherence,
        )

    def save_day(self, entry: DayEntry, now: datetime) -> CheckIn | None:
        """Write one save of the Today view and drop the day's draft, all or nothing.
        Returns the check-in as stored (with its id), if the entry had one."""
        with self._link.writing():
            saved = self._write_check_in(entry.check_in, now) if entry.check_in else None
            self._write_sleep(entry.day, entry.sleep, now)
            self._write_day_values(entry)
            self._conn.execute("DELETE FROM drafts WHERE day = ?", [entry.day.isoformat()])
        return saved

    def save_days(self, entries: Iterable[DayEntry], now: datetime) -> int:
        """Write many days in one transaction (demo data, imports). Returns the count."""
        count = 0
        with self._link.writing():
            for entry in entries:
                self.save_day(entry, now)
                count += 1
        return count

    def _write_check_in(self, check_in: CheckIn, now: datetime) -> CheckIn:
        row = check_in_to_row(check_in)
        row["updated_at"] = now.isoformat(timespec="seconds")
        if check_in.id is None:
            row["created_at"] = row["updated_at"]
            return check_in.with_id(self._link.insert("check_ins", row))
        assignments = ", ".join(f"{column} = ?" for column in row)
        self._conn.execute(
            f"UPDATE check_ins SET {assignments} WHERE id = ?", [*row.values(), check_in.id]
        )
        return check_in

    def _write_sleep(self, day: date, record: SleepRecord | None, now: datetime) -> None:
        if record is None:
            self._conn.execute("DELETE FROM sleep WHERE night_of = ?", [day.isoformat()])
            return
        row = sleep_to_row(record)
        row["updated_at"] = now.isoformat(timespec="seconds")
        self._link.insert("sleep", row, replace=True)

    def _write_day_values(self, entry: DayEntry) -> None:
        iso = entry.day.isoformat()
        for effect_id, severity in entry.side_effects.items():
            self._set_day_value(
                "side_effect_ratings",
                "side_effect_id",
                "severity",
                iso,
                effect_id,
                None if severity is None else int(severity),
            )
        for tracker_id, value in entry.trackers.items():
            self._set_day_value("tracker_values", "tracker_id", "value", iso, tracker_id, value)
        for medication_id, status in entry.adherence.items():
            self._set_day_value(
                "adherence",
                "medication_id",
                "status",
                iso,
                medication_id,
                None if status is None else status.value,
            )

    def delete_check_in(self, check_in_id: int) -> CheckIn:
        """Delete one check-in; return it so that the deletion can be undone."""
        with self._link.writing():
            rows = self._link.rows("SELECT * FROM check_ins WHERE id = ?", [check_in_id])
            if not rows:
                raise KeyError(check_in_id)
            self._conn.execute("DELETE FROM check_ins WHERE id = ?", [check_in_id])
        return check_in_from_row(rows[0])

    def delete_day(self, day: date) -> DayRecord:
        """Delete everything a day holds (draft included); return it for undo."""
        iso = day.isoformat()
        with self._link.writing():
            record = self.day_record(day)  # read in the same transaction as the delete
            self._conn.execute("DELETE FROM check_ins WHERE day = ?", [iso])
            self._conn.execute("DELETE FROM sleep WHERE night_of = ?", [iso])
            self._conn.execute("DELETE FROM side_effect_ratings WHERE day = ?", [iso])
            self._conn.execute("DELETE FROM tracker_values WHERE day = ?", [iso])
            self._conn.execute("DELETE FROM adherence WHERE day = ?", [iso])
            self._conn.execute("DELETE FROM drafts WHERE day = ?", [iso])
        return record

    def restore_day(self, record: DayRecord, now: datetime) -> None:
        """Put back what :meth:`delete_day` or :meth:`delete_check_in` removed, ids and all."""
        with self._link.writing():
            for check_in in record.check_ins:
                row = check_in_to_row(check_in)
                row.update(
                    id=check_in.id,
                    created_at=now.isoformat(timespec="seconds"),
                    updated_at=now.isoformat(timespec="seconds"),
                )
                self._link.insert("check_ins", row)
            if record.sleep is not None:
                self._write_sleep(record.day, record.sleep, now)
            self._write_day_values(
                DayEntry(
                    day=record.day,
                    side_effects=record.side_effects,
                    trackers=record.trackers,
                    adherence=record.adherence,
                )
            )

    # -- drafts ------------------------------------------------------------------------

    def save_draft(self, day: date, payload: str, now: datetime) -> None:
        with self._link.writing():
            self._conn.execute(
                "INSERT OR REPLACE INTO drafts VALUES (?, ?, ?)",
                [day.isoformat(), payload, now.isoformat(timespec="seconds")],
            )

    def draft_for(self, day: date) -> Draft | None:
        rows = self._link.rows("SELECT * FROM drafts WHERE day = ?", [day.isoformat()])
        if not rows:
            return None
        return Draft(day, rows[0]["payload"], datetime.fromisoformat(rows[0]["saved_at"]))

    def discard_draft(self, day: date) -> None:
        with self._link.writing():
            self._conn.execute("DELETE FROM drafts WHERE day = ?", [day.isoformat()])

    # -- checklists ----------------------------------------------------------------------

    def side_effects(self) -> list[SideEffect]:
        return [
            side_effect_from_row(row)
            for row in self._link.rows("SELECT * FROM side_effects ORDER BY sort_order, id")
        ]

    def add_side_effect(self, name: str) -> SideEffect:
        """Add a (pre-validated) name to the checklist, tracked."""
        with self._link.writing():
            cursor = self._conn.execute(
                "INSERT INTO side_effects (name, is_builtin, is_tracked, sort_order) "
                "VALUES (?, 0, 1, (SELECT COALESCE(MAX(sort_order), 0) + 1 FROM side_effects))",
                [name],
            )
        return SideEffect(int(cursor.lastrowid or 0), name, is_builtin=False, is_tracked=True)

    def set_side_effect_tracked(self, effect_id: int, tracked: bool) -> None:
        with self._link.writing():
            self._conn.execute(
                "UPDATE side_effects SET is_tracked = ? WHERE id = ?", [int(tracked), effect_id]
            )

    def set_side_effect_cause(
        self, effect_id: int, medication_id: int | None, course_id: int | None
    ) -> None:
        """Record what the person suspects causes a side effect (at most one cause)."""
        if medication_id is not None and course_id is not None:
            raise ValueError("one suspected cause at most")
        with self._link.writing():
            self._link.execute(
                "UPDATE side_effects SET suspected_medication_id = ?, suspected_course_id = ? "
                "WHERE id = ?",
                [medication_id, course_id, effect_id],
            )

    def first_rated_day(self, effect_id: int, since: date) -> date | None:
        """The first day on or after ``since`` the side effect was rated mild or worse."""
        rows = self._link.rows(
            "SELECT MIN(day) AS first FROM side_effect_ratings "
            "WHERE side_effect_id = ? AND day >= ? AND severity > 0",
            [effect_id, since.isoformat()],
        )
        first = rows[0]["first"] if rows else None
        return None if first is None else date.fromisoformat(first)

    def side_effect_ratings(self, start: date, end: date) -> dict[int, dict[date, Severity]]:
        """Every rating between two days (inclusive), by side effect id then day."""
        ratings: dict[int, dict[date, Severity]] = {}
        severities = tuple(Severity)
        for effect_id, day, severity in self._link.tuples(
            "SELECT side_effect_id, day, severity FROM side_effect_ratings "
            "WHERE day BETWEEN ? AND ?",
            [start.isoformat(), end.isoformat()],
        ):
            ratings.setdefault(effect_id, {})[date.fromisoformat(day)] = severities[severity]
        return ratings

    def trackers(self) -> list[Tracker]:
        return [
            tracker_from_row(row)
            for row in self._link.rows("SELECT * FROM trackers ORDER BY sort_order, id")
        ]

    def add_tracker(self, name: str, kind: TrackerKind, unit: str) -> Tracker:
        """Add a (pre-validated) tracker, visible on Today."""
        with self._link.writing():
            cursor = self._conn.execute(
                "INSERT INTO trackers (name, kind, unit, is_builtin, is_visible, sort_order) "
                "VALUES (?, ?, ?, 0, 1, (SELECT COALESCE(MAX(sort_order), 0) + 1 FROM trackers))",
                [name, kind.value, unit],
            )
        return Tracker(int(cursor.lastrowid or 0), name, kind, unit, False, True)

    def set_tracker_visible(self, tracker_id: int, visible: bool) -> None:
        with self._link.writing():
            self._conn.execute(
                "UPDATE trackers SET is_visible = ? WHERE id = ?", [int(visible), tracker_id]
            )

    # -- history -------------------------------------------------------------------------

    def day_summaries(self, start: date, end: date) -> list[DaySummary]:
        """One summary per day between ``start`` and ``end`` (inclusive) that holds anything,
        newest first."""
        bounds = [start.isoformat(), end.isoformat()]
        check_ins = {
            row["day"]: row
            for row in self._link.rows(
                """SELECT day, COUNT(*) AS n, AVG(mood) AS mood_mean, MIN(mood) AS mood_min,
                          MAX(mood) AS mood_max, AVG(anxiety) AS anxiety_mean,
                          AVG(energy) AS energy_mean, MAX(note <> '') AS has_note,
                          MAX(for_clinician AND note <> '') AS has_clinician_note
                   FROM check_ins WHERE day BETWEEN ? AND ? GROUP BY day""",
                bounds,
            )
        }
        sleep = {
            row["night_of"]: sleep_from_row(row)
            for row in self._link.rows("SELECT * FROM sleep WHERE night_of BETWEEN ? AND ?", bounds)
        }
        worst = {
            row["day"]: Severity(row["worst"])
            for row in self._link.rows(
                "SELECT day, MAX(severity) AS worst FROM side_effect_ratings "
                "WHERE day BETWEEN ? AND ? GROUP BY day",
                bounds,
            )
        }
        tracked = {
            row["day"]
            for row in self._link.rows(
                "SELECT DISTINCT day FROM tracker_values WHERE day BETWEEN ? AND ?", bounds
            )
        }
        days = sorted(set(check_ins) | set(sleep) | set(worst) | tracked, reverse=True)
        return [
            _summary(date.fromisoformat(d), check_ins.get(d), sleep.get(d), worst.get(d))
            for d in days
        ]

    def trend_data(self, start: date, end: date) -> "TrendData":
        """What the charts, their summaries and the insights need from ``start`` to ``end``
        (inclusive): per-day means and ranges of every scale, sleep, side effects, trackers,
        adherence, plus every treatment and score (drawn where they overlap)."""
        from moodlog.domain.scales import SCALE_KEYS
        from moodlog.domain.trend_data import DayRating, TrendData, night_sleep

        bounds = [start.isoformat(), end.isoformat()]
        columns = ", ".join(
            f"COUNT({key}), AVG({key}), MIN({key}), MAX({key})" for key in SCALE_KEYS
        )
        ratings: dict[str, dict[date, DayRating]] = {key: {} for key in SCALE_KEYS}
        notes: set[date] = set()
        for row in self._link.tuples(
            f"SELECT day, MAX(note <> ''), {columns} FROM check_ins "
            "WHERE day BETWEEN ? AND ? GROUP BY day",
            bounds,
        ):
            day = date.fromisoformat(row[0])
            if row[1]:
                notes.add(day)
            for index, key in enumerate(SCALE_KEYS):
                count, mean, low, high = row[2 + 4 * index : 6 + 4 * index]
                if count:
                    ratings[key][day] = DayRating(mean, low, high, count)
        sleep = {
            date.fromisoformat(row["night_of"]): night_sleep(sleep_from_row(row))
            for row in self._link.rows("SELECT * FROM sleep WHERE night_of BETWEEN ? AND ?", bounds)
        }
        trackers: dict[int, dict[date, float]] = {}
        for tracker_id, day_text, value in self._link.tuples(
            "SELECT tracker_id, day, value FROM tracker_values WHERE day BETWEEN ? AND ?", bounds
        ):
            trackers.setdefault(tracker_id, {})[date.fromisoformat(day_text)] = value
        adherence: dict[int, dict[date, Adherence]] = {}
        statuses = {status.value: status for status in Adherence}
        for medication_id, day_text, status in self._link.tuples(
            "SELECT medication_id, day, status FROM adherence WHERE day BETWEEN ? AND ?", bounds
        ):
            adherence.setdefault(medication_id, {})[date.fromisoformat(day_text)] = statuses[status]
        return TrendData(
            start=start,
            end=end,
            ratings={key: by_day for key, by_day in ratings.items() if by_day},
            sleep=sleep,
            side_effects=tuple(self.side_effects()),
            side_effect_ratings=self.side_effect_ratings(start, end),
            trackers=tuple(self.trackers()),
            tracker_values=trackers,
            adherence=adherence,
            medications=tuple(self.treatments.medications()),
            courses=tuple(self.treatments.courses()),
            sessions=tuple(self.treatments.sessions()),
            scores=tuple(self.questionnaires.results()),
            notes=frozenset(notes),
        )

    def first_day(self) -> date | None:
        """The earliest day with a check-in or a night's sleep."""
        rows = self._link.rows(
            "SELECT MIN(d) AS first FROM (SELECT MIN(day) AS d FROM check_ins "
            "UNION ALL SELECT MIN(night_of) FROM sleep)"
        )
        first = rows[0]["first"] if rows else None
        return None if first is None else date.fromisoformat(first)


def _sleep_hours(record: SleepRecord | None) -> float | None:
    if record is None:
        return None
    if record.mode is SleepMode.MINIMAL:
        return record.hours_slept
    total = measure_sleep(record, today=date.max).total_sleep_minutes
    return None if total is None else total / 60


def _summary(
    day: date, row: Row | None, sleep: SleepRecord | None, worst: Severity | None
) -> DaySummary:
    return DaySummary(
        day=day,
        check_in_count=row["n"] if row else 0,
        mood_mean=row["mood_mean"] if row else None,
        mood_min=row["mood_min"] if row else None,
        mood_max=row["mood_max"] if row else None,
        anxiety_mean=row["anxiety_mean"] if row else None,
        energy_mean=row["energy_mean"] if row else None,
        sleep_hours=_sleep_hours(sleep),
        worst_side_effect=worst,
        has_note=bool(row and row["has_note"]),
        has_clinician_note=bool(row and row["has_clinician_note"]),
    )
