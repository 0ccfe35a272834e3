"""Bearable's CSV export: one row per reading (long format).

Header ``date,weekday,time of day,category,rating/amount,detail,notes`` (newer exports add
``date formatted``, an ISO date, after ``date``). The readings of one day and time of day
make one check-in: ``Mood`` gives its mood (Bearable's number, taken as 0-10 as it stands;
a second mood at the same time makes a second check-in), ``Energy`` 1-5 its energy (spread
over 0-10: 0, 2, 5, 8, 10), and every other category a line of its note
("Symptom: Headache (Mild)", "Sleep: 7:30 · Asleep 02:45 - 12:30"), as do the notes.
Times of day that are parts of the day are placed at 06:00 (pre), 09:00 (am), 13:00 (mid),
18:00 (pm), noon (all day, or none).
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time

from moodlog.domain.import_preview import NO_TIME_HOUR, ImportPreview, spread_level
from moodlog.domain.translation import QT_TRANSLATE_NOOP, translate
from moodlog.importers.clock_times import parse_clock
from moodlog.importers.month_names import date_in_words
from moodlog.importers.note_text import joined_note, plain_note
from moodlog.importers.preview_builder import PreviewBuilder, date_problem, fields_problem
from moodlog.importers.source_text import column_index, csv_records, decode_text, header_names
from moodlog.importers.unreadable_file import UnreadableFile

FORMAT = "bearable"
DEFAULT_MOODS = {str(value): value for value in range(11)}
# Shown in the import dialog: translated where they are read (``read``).
MAPPING_NOTES = (
    QT_TRANSLATE_NOOP("Bearable", "The readings of one day and time of day become one check-in."),
    QT_TRANSLATE_NOOP(
        "Bearable", "Mood keeps Bearable's number (0-10); energy 1-5 becomes 0, 2, 5, 8 or 10."
    ),
    QT_TRANSLATE_NOOP(
        "Bearable", "Symptoms, medication, sleep, factors and notes are added to the note."
    ),
    QT_TRANSLATE_NOOP(
        "Bearable",
        "Parts of the day are placed at 06:00 (pre), 09:00 (am), 13:00 (mid), 18:00 (pm), "
        "noon (all day).",
    ),
)
_REQUIRED = ("date", "time of day", "category", "rating/amount", "detail", "notes")
_PARTS = {"pre": time(6), "am": time(9), "mid": time(13), "pm": time(18), "all day": time(12)}


def matches(header: Sequence[str]) -> bool:
    return set(_REQUIRED) <= set(header)


@dataclass
class _Slot:
    line: int
    moods: list[tuple[int, str, str]] = field(default_factory=list)  # line, label, detail
    energy: int | None = None
    lines: list[str] = field(default_factory=list)


def _number(text: str) -> float | None:
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _day(cells: list[str], columns: dict[str, int]) -> date | None:
    if "date formatted" in columns:
        try:
            return date.fromisoformat(cells[columns["date formatted"]].strip())
        except ValueError:
            pass
    return date_in_words(cells[columns["date"]])


def _clock(text: str) -> time | None:
    text = text.strip().casefold()
    if not text:
        return time(NO_TIME_HOUR)
    return _PARTS.get(text) or parse_clock(text)


def read(data: bytes, file_name: str, today: date) -> ImportPreview:
    records = csv_records(decode_text(data, file_name), file_name)
    first = next(records, None)
    if first is None:
        raise UnreadableFile(
            translate("Bearable", "{file} is empty. Export it again from Bearable.").format(
                file=file_name
            )
        )
    header = header_names(first[1])
    if not matches(header):
        raise UnreadableFile(
            translate(
                "Bearable",
                "{file} doesn't have Bearable's columns ({columns}). Check that this is "
                "Bearable's CSV export.",
            ).format(file=file_name, columns=", ".join(_REQUIRED))
        )
    columns = column_index(header)
    width = len(header)
    builder = PreviewBuilder(today)
    slots: dict[datetime, _Slot] = {}
    for line, cells in records:
        if len(cells) < width:
            builder.problem(line, fields_problem(len(cells), width))
            continue
        day = _day(cells, columns)
        if day is None:
            builder.problem(line, date_problem(cells[columns["date"]].strip()))
            continue
        clock = _clock(cells[columns["time of day"]])
        if clock is None:
            text = cells[columns["time of day"]].strip()
            unread = translate("ImportProblem", 'the time of day "{text}" could not be read')
            builder.problem(line, unread.format(text=text))
            continue
        category = cells[columns["category"]].strip()
        amount = cells[columns["rating/amount"]].strip()
        detail = plain_note(cells[columns["detail"]]).replace(" | ", ", ")
        at = datetime.combine(day, clock)
        kind = category.casefold()
        if kind in ("mood", "energy"):
            value = _number(amount)
            top = 10 if kind == "mood" else 5
            low = 0 if kind == "mood" else 1
            if value is None or value != int(value) or not low <= value <= top:
                if kind == "mood":
                    wrong = translate(
                        "ImportProblem", 'the mood "{value}" is not a whole number 0-10'
                    )
                else:
                    wrong = translate(
                        "ImportProblem", 'the energy "{value}" is not a whole number 1-5'
                    )
                builder.problem(line, wrong.format(value=amount))
                continue
            slot = slots.setdefault(at, _Slot(line))
            if kind == "mood":
                slot.moods.append((line, str(int(value)), detail))
            else:
                slot.energy = spread_level(int(value), 5)
        elif amount or detail:
            slot = slots.setdefault(at, _Slot(line))
            slot.lines.append(f"{category}: " + " · ".join(p for p in (detail, amount) if p))
        slot = slots.setdefault(at, _Slot(line))
        notes = plain_note(cells[columns["notes"]])
        if notes and notes not in slot.lines:
            slot.lines.append(notes)
    for at, slot in sorted(slots.items()):
        ratings = {} if slot.energy is None else {"energy": slot.energy}
        moods = slot.moods or [(slot.line, "", "")]
        for number, (line, label, detail) in enumerate(moods):
            extra = "\n".join(slot.lines) if number == 0 else ""
            feelings = f"Feelings: {detail}" if detail else ""
            note = joined_note(feelings, extra)
            builder.add(line, at, label or None, note, ratings if number == 0 else {})
    name = translate("ImportFormats", "Bearable CSV")
    explained = tuple(translate("Bearable", text) for text in MAPPING_NOTES)
    return builder.preview(data, file_name, FORMAT, name, DEFAULT_MOODS, explained)
