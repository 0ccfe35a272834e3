"""Any CSV with a header, given which column holds what: a spreadsheet of one's own, or an
app moodlog doesn't know.

:class:`Columns` names the date column (required) and, optionally, the time, mood and note
columns, the mood's range (``low`` is the worst value, ``high`` the best; a reversed range
works too) and the order of day, month and year in dates that aren't ISO. Dates are
``YYYY-MM-DD`` (with or without a time after them), or three numbers in the given order
(``21/11/2026``), or words (``November 21, 2026``). Numeric moods are spread over 0-10
(``low`` to 0, ``high`` to 10); words are mood names the person maps. No time means noon.
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time

from moodlog.domain.import_preview import NO_TIME_HOUR, ImportPreview
from moodlog.domain.scales import SCALE_MAX
from moodlog.domain.translation import translate
from moodlog.importers.clock_times import parse_clock
from moodlog.importers.month_names import date_in_words
from moodlog.importers.note_text import plain_note
from moodlog.importers.preview_builder import (
    PreviewBuilder,
    date_problem,
    fields_problem,
    time_problem,
)
from moodlog.importers.source_text import csv_records, decode_text, header_names
from moodlog.importers.unreadable_file import UnreadableFile

FORMAT = "generic"
DATE_ORDERS = ("dmy", "mdy", "ymd")


@dataclass(frozen=True, slots=True)
class Columns:
    """Column names as in the file's header (matched ignoring case and spaces around)."""

    date: str
    time: str = ""
    mood: str = ""
    note: str = ""
    low: float = 1
    high: float = 5
    date_order: str = "dmy"

    def __post_init__(self) -> None:
        if self.date_order not in DATE_ORDERS:
            raise ValueError(f"date order {self.date_order!r}")


def header_of(data: bytes, file_name: str) -> list[str]:
    """The file's column names as written (for the column-mapping step)."""
    first = next(csv_records(decode_text(data, file_name), file_name), None)
    if first is None:
        raise UnreadableFile(_empty(file_name))
    return [name.strip() for name in first[1]]


def _empty(file_name: str) -> str:
    return translate("GenericCsv", "{file} is empty.").format(file=file_name)


def _day(text: str, order: str) -> date | None:
    text = text.strip()
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        pass
    for separator in "/.-":
        parts = text.split(" ")[0].split(separator)
        if len(parts) == 3 and all(p.isdecimal() for p in parts):
            values = dict(zip(order, (int(p) for p in parts), strict=True))
            year = values["y"] + (2000 if values["y"] < 100 else 0)
            try:
                return date(year, values["m"], values["d"])
            except ValueError:
                return None
    return date_in_words(text)


def _clock_in(text: str) -> time | None:
    """The time of an ISO date and time (``2026-11-21T09:30``), if there is one."""
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        return None
    return moment.time() if len(text.strip()) > 10 else None


def _number(text: str) -> float | None:
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _mood_label(text: str, columns: Columns, defaults: dict[str, int]) -> str | None:
    """The label to map, adding a numeric mood's default; ``None`` outside the range."""
    value = _number(text)
    if value is None:
        return text
    low, high = sorted((columns.low, columns.high))
    if not low <= value <= high:
        return None
    label = f"{value:g}"
    defaults[label] = round((value - columns.low) * SCALE_MAX / (columns.high - columns.low))
    return label


def _positions(header: Sequence[str], columns: Columns, file_name: str) -> dict[str, int]:
    found: dict[str, int] = {}
    for role in ("date", "time", "mood", "note"):
        name = getattr(columns, role).strip().casefold()
        if not name:
            continue
        if name not in header:
            raise UnreadableFile(
                translate("GenericCsv", '{file} has no column "{column}".').format(
                    file=file_name, column=getattr(columns, role)
                )
            )
        found[role] = header.index(name)
    return found


def read(data: bytes, file_name: str, today: date, columns: Columns) -> ImportPreview:
    if columns.low == columns.high:
        raise UnreadableFile(
            translate("GenericCsv", "The mood's lowest and highest values must differ.")
        )
    records = csv_records(decode_text(data, file_name), file_name)
    first = next(records, None)
    if first is None:
        raise UnreadableFile(_empty(file_name))
    header = header_names(first[1])
    at = _positions(header, columns, file_name)
    defaults: dict[str, int] = {}
    builder = PreviewBuilder(today)
    for line, cells in records:
        if len(cells) <= max(at.values()):
            builder.problem(line, fields_problem(len(cells), len(header)))
            continue
        day_text = cells[at["date"]]
        day = _day(day_text, columns.date_order)
        if day is None:
            builder.problem(line, date_problem(day_text.strip()))
            continue
        clock = _clock_in(day_text) or time(NO_TIME_HOUR)
        if "time" in at and cells[at["time"]].strip():
            found = parse_clock(cells[at["time"]])
            if found is None:
                builder.problem(line, time_problem(cells[at["time"]].strip()))
                continue
            clock = found
        label = None
        if "mood" in at and cells[at["mood"]].strip():
            text = " ".join(cells[at["mood"]].split())
            label = _mood_label(text, columns, defaults)
            if label is None:
                outside = translate("ImportProblem", 'the mood "{value}" is outside {low}-{high}')
                builder.problem(
                    line,
                    outside.format(value=text, low=f"{columns.low:g}", high=f"{columns.high:g}"),
                )
                continue
        note = plain_note(cells[at["note"]]) if "note" in at else ""
        builder.add(line, datetime.combine(day, clock), label, note)
    notes = (
        translate(
            "GenericCsv", "Each row becomes a check-in; rows without a time are placed at noon."
        ),
        translate(
            "GenericCsv", "Moods from {low} (worst) to {high} (best) are spread over 0-10."
        ).format(low=f"{columns.low:g}", high=f"{columns.high:g}"),
    )
    name = translate("ImportFormats", "CSV with chosen columns")
    return builder.preview(data, file_name, FORMAT, name, defaults, notes)
