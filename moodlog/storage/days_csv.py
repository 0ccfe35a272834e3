"""The daily diary as one CSV table for a spreadsheet (docs/export-format.md, "CSV").

One row per check-in, in time order; a day with sleep, side effects, trackers or medicines
but no check-in gets one row with the check-in columns empty. The day's own values (sleep,
side effects, trackers, medicines) sit on the day's first row only, so a spreadsheet's sums
and averages count each day once. Treatments, questionnaires, the safety plan and the
settings are in the JSON export only.

Cells a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``, a tab
or a carriage return) get a leading apostrophe. The text is written with RFC 4180 quoting
and CRLF line ends; the file gets a UTF-8 byte-order mark so Excel reads it as UTF-8.
"""

import csv
import io
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date

from moodlog.domain.errors import InvalidEntry
from moodlog.domain.scales import SCALES
from moodlog.domain.sleep import SleepMode, measure_sleep
from moodlog.storage.diary_store import DiaryStore
from moodlog.storage.row_mapping import Row, sleep_from_row

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
ADHERENCE_WORDS = {"taken": "taken", "partly": "partly taken", "missed": "not taken"}
SLEEP_COLUMNS = (
    ("Sleep hours", "hours"),
    ("Sleep quality (1-5)", "quality"),
    ("Into bed", "into_bed"),
    ("Tried to sleep", "tried_to_sleep"),
    ("Minutes to fall asleep", "minutes_to_fall_asleep"),
    ("Awakenings", "awakenings"),
    ("Minutes awake in the night", "minutes_awake"),
    ("Final awakening", "final_awakening"),
    ("Out of bed", "out_of_bed"),
    ("Naps", "naps"),
    ("Nap minutes", "nap_minutes"),
    ("Sleep comment", "comment"),
)
# Fields of the detailed sleep diary, empty for a night recorded in the short form.
_FULL_ONLY = frozenset(
    {
        "into_bed",
        "tried_to_sleep",
        "minutes_to_fall_asleep",
        "awakenings",
        "minutes_awake",
        "final_awakening",
        "out_of_bed",
    }
)


def safe_cell(value: object) -> str:
    """``value`` as CSV text that no spreadsheet runs as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def number_text(value: object) -> str:
    """7.0 as "7", 7.25 as "7.25" (never in exponent form); "" for no value."""
    if not isinstance(value, int | float):
        return ""
    if float(value).is_integer():
        return str(int(value))
    return repr(float(value))


def csv_text(rows: Iterable[Sequence[object]]) -> str:
    """``rows`` as RFC 4180 CSV text (CRLF line ends), every cell made safe."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    for row in rows:
        writer.writerow([safe_cell(cell) for cell in row])
    return out.getvalue()


def days_csv(store: DiaryStore) -> str:
    """The daily diary as CSV text (see the module's docstring); a header row first."""
    return csv_text(days_table(store._link.conn))


def days_table(conn: sqlite3.Connection) -> list[list[str]]:
    """The header and the rows of the days CSV, as text."""
    day_rows = _Days(conn)
    # A file format (docs/export-format.md): English in every language, never translated.
    header = [
        "Date",
        "Time",
        "Check-in",
        *(f"{scale.source_label} (0-10)" for scale in SCALES),
        "Note",
        "For my clinician",
        *(label for label, _ in SLEEP_COLUMNS),
        *(f"Side effect: {name} (0-3)" for _, name in day_rows.side_effects),
        *(_tracker_heading(row) for row in day_rows.trackers),
        *(f"Medicine: {name} (from {started})" for _, name, started in day_rows.medications),
    ]
    table = [header]
    for day in day_rows.days():
        check_ins: list[Row | None] = [*day_rows.check_ins.get(day, [])] or [None]
        for number, check_in in enumerate(check_ins, start=1):
            cells = [day, *_check_in_cells(check_in, number)]
            if number == 1:
                cells += day_rows.day_cells(day)
            table.append(cells + [""] * (len(header) - len(cells)))
    return table


def _tracker_heading(row: Row) -> str:
    if row["kind"] == "yes_no":
        return f"Tracker: {row['name']} (1 = yes, 0 = no)"
    if row["unit"]:
        return f"Tracker: {row['name']} ({row['unit']})"
    return f"Tracker: {row['name']}"


def _check_in_cells(check_in: Row | None, number: int) -> list[str]:
    if check_in is None:
        return ["", "", *("" for _ in SCALES), "", ""]
    return [
        check_in["recorded_at"][11:16],
        str(number),
        *(number_text(check_in[scale.key]) for scale in SCALES),
        check_in["note"],
        "yes" if check_in["for_clinician"] else "",
    ]


class _Days:
    """The diary's daily tables, read once and grouped by day."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        def rows(sql: str) -> list[Row]:
            cursor = conn.execute(sql)
            names = [column[0] for column in cursor.description]
            return [dict(zip(names, row, strict=True)) for row in cursor]

        self.check_ins: dict[str, list[Row]] = defaultdict(list)
        for row in rows("SELECT * FROM check_ins ORDER BY day, recorded_at, id"):
            self.check_ins[row["day"]].append(row)
        self.sleep = {row["night_of"]: row for row in rows("SELECT * FROM sleep")}
        self.ratings = _by_day(
            rows("SELECT day, side_effect_id, severity FROM side_effect_ratings")
        )
        self.values = _by_day(rows("SELECT day, tracker_id, value FROM tracker_values"))
        self.adherence = _by_day(rows("SELECT day, medication_id, status FROM adherence"))
        self.side_effects = [
            (row["id"], row["name"])
            for row in rows(
                "SELECT id, name FROM side_effects WHERE id IN "
                "(SELECT side_effect_id FROM side_effect_ratings) ORDER BY sort_order, id"
            )
        ]
        self.trackers = rows(
            "SELECT * FROM trackers WHERE id IN (SELECT tracker_id FROM tracker_values) "
            "ORDER BY sort_order, id"
        )
        self.medications = [
            (row["id"], row["name"], row["started"])
            for row in rows(
                "SELECT id, name, started FROM medications WHERE id IN "
                "(SELECT medication_id FROM adherence) ORDER BY started, id"
            )
        ]

    def days(self) -> list[str]:
        return sorted(
            set(self.check_ins)
            | set(self.sleep)
            | set(self.ratings)
            | set(self.values)
            | set(self.adherence)
        )

    def day_cells(self, day: str) -> list[str]:
        ratings = self.ratings.get(day, {})
        values = self.values.get(day, {})
        taken = self.adherence.get(day, {})
        return [
            *_sleep_cells(self.sleep.get(day)),
            *(number_text(ratings.get(effect_id)) for effect_id, _ in self.side_effects),
            *(number_text(values.get(tracker["id"])) for tracker in self.trackers),
            *(ADHERENCE_WORDS.get(str(taken.get(m_id)), "") for m_id, _, _ in self.medications),
        ]


def _by_day(rows: list[Row]) -> dict[str, dict[int, object]]:
    grouped: dict[str, dict[int, object]] = defaultdict(dict)
    for day, item, value in (tuple(row.values()) for row in rows):
        grouped[day][item] = value
    return grouped


def _sleep_cells(row: Row | None) -> list[str]:
    if row is None:
        return ["" for _ in SLEEP_COLUMNS]
    record = sleep_from_row(row)
    full = record.mode is SleepMode.FULL
    cells = []
    for _, name in SLEEP_COLUMNS:
        if name == "hours":
            cells.append(number_text(_hours(row)))
        elif name in _FULL_ONLY and not full:
            cells.append("")
        else:
            value = row[name]
            cells.append(number_text(value) if isinstance(value, int | float) else value or "")
    return cells


def _hours(row: Row) -> float | None:
    """The hours slept: as recorded, or worked out from a detailed night's times."""
    record = sleep_from_row(row)
    if record.mode is SleepMode.MINIMAL:
        return record.hours_slept
    try:
        total = measure_sleep(record, today=date.max).total_sleep_minutes
    except InvalidEntry:
        return None
    return None if total is None else round(total / 60, 2)
