"""Daylio's CSV export, every header generation.

| generation | header |
|---|---|
| oldest (to about 2018) | ``year,date,weekday,time,mood,activities,note`` |
| 2018 to about 2021 | ``full_date,date,weekday,time,mood,activities,note`` |
| about 2021 on | ``…,mood,activities,note_title,note`` |
| newest Android builds | ``…,mood,activities,scales,note_title,note`` |

The day comes from ``full_date``; in the oldest form from ``year`` plus the localised
``date`` (``June 22``, ``16 de octubre``). Times are 12- or 24-hour. Each row is one
check-in, several a day and two at the same minute included. Moods are names: Daylio's
five defaults (rad, good, meh, bad, awful) are spread over 0-10 (10, 8, 5, 2, 0); any
other name is mapped by the person. The note title, the note, the activities and the
scales go into the check-in's note, in that order ("Activities: …", "Scales: …").
"""

from collections.abc import Sequence
from datetime import date, datetime
from functools import lru_cache

from moodlog.domain.import_preview import ImportPreview, spread_level
from moodlog.domain.translation import QT_TRANSLATE_NOOP, translate
from moodlog.importers.clock_times import parse_clock
from moodlog.importers.month_names import day_and_month
from moodlog.importers.note_text import joined_note, plain_note
from moodlog.importers.preview_builder import (
    PreviewBuilder,
    date_problem,
    fields_problem,
    time_problem,
)
from moodlog.importers.source_text import column_index, csv_records, decode_text, header_names
from moodlog.importers.unreadable_file import UnreadableFile

FORMAT = "daylio"
DEFAULT_MOODS = {
    name: spread_level(level, 5)
    for level, name in enumerate(("awful", "bad", "meh", "good", "rad"), start=1)
}
# Shown in the import dialog: translated where they are read (``read``).
MAPPING_NOTES = (
    QT_TRANSLATE_NOOP("Daylio", "Each Daylio entry becomes a check-in with its mood and note."),
    QT_TRANSLATE_NOOP(
        "Daylio",
        "Daylio's own moods: rad 10, good 8, meh 5, bad 2, awful 0 (best to best, evenly between).",
    ),
    QT_TRANSLATE_NOOP(
        "Daylio", "The note title, the activities and the scales are added to the note."
    ),
)
_COMMON = {"weekday", "time", "mood", "activities", "note"}


def matches(header: Sequence[str]) -> bool:
    names = set(header)
    return names >= _COMMON and ("full_date" in names or {"year", "date"} <= names)


def generation(header: Sequence[str]) -> str:
    """The format's name, with which of Daylio's headers the file has."""
    names = set(header)
    if "full_date" not in names:
        return translate("ImportFormats", "Daylio CSV (oldest header, to about 2018)")
    if "scales" in names:
        return translate("ImportFormats", "Daylio CSV (newest header, with scales)")
    if "note_title" in names:
        return translate("ImportFormats", "Daylio CSV (header of about 2021 on, with note titles)")
    return translate("ImportFormats", "Daylio CSV (header of 2018 to about 2021)")


def _items(cell: str) -> list[str]:
    return [item.strip() for item in cell.split("|") if item.strip()]


# The same activities (and scales) come back row after row: each cell's line is made once.
@lru_cache(maxsize=4096)
def _activities_line(cell: str) -> str:
    return "Activities: " + ", ".join(_items(cell)) if cell and not cell.isspace() else ""


@lru_cache(maxsize=4096)
def _scales_line(cell: str) -> str:
    return "Scales: " + "; ".join(_items(cell)) if cell.strip() else ""


def _day(cells: list[str], columns: dict[str, int]) -> date | str:
    """The row's day, or the reason it can't be read."""
    if "full_date" in columns:
        text = cells[columns["full_date"]].strip()
        try:
            return date.fromisoformat(text)
        except ValueError:
            not_iso = translate("ImportProblem", 'the date "{text}" is not a date (YYYY-MM-DD)')
            return not_iso.format(text=text)
    year_text, words = cells[columns["year"]].strip(), cells[columns["date"]].strip()
    found = day_and_month(words)
    if not year_text.isdecimal() or found is None:
        return date_problem(f"{words} {year_text}")
    try:
        return date(int(year_text), found[0], found[1])
    except ValueError:
        no_day = translate("ImportProblem", '"{text}" is not a day of the calendar')
        return no_day.format(text=f"{words} {year_text}")


def read(data: bytes, file_name: str, today: date) -> ImportPreview:
    records = csv_records(decode_text(data, file_name), file_name)
    first = next(records, None)
    if first is None:
        raise UnreadableFile(
            translate("Daylio", "{file} is empty. Export it again from Daylio.").format(
                file=file_name
            )
        )
    header = header_names(first[1])
    if not matches(header):
        raise UnreadableFile(
            translate(
                "Daylio",
                "{file} doesn't have Daylio's columns (full_date or year, date, time, mood, "
                "activities, note). Check that this is Daylio's CSV export.",
            ).format(file=file_name)
        )
    columns = column_index(header)
    width = len(header)
    time_at, mood_at = columns["time"], columns["mood"]
    activities_at, note_at = columns["activities"], columns["note"]
    title_at, scales_at = columns.get("note_title"), columns.get("scales")
    full_date_at = columns.get("full_date")
    builder = PreviewBuilder(today)
    add, problem = builder.add, builder.problem
    combine, from_iso = datetime.combine, date.fromisoformat
    # Ten thousand rows should take a blink: the common path below avoids calls it can.
    for line, cells in records:
        if len(cells) != width and (len(cells) < width or any(c.strip() for c in cells[width:])):
            problem(line, fields_problem(len(cells), width))
            continue
        try:
            day = None if full_date_at is None else from_iso(cells[full_date_at])
        except ValueError:
            day = None
        if day is None:
            found = _day(cells, columns)
            if isinstance(found, str):
                problem(line, found)
                continue
            day = found
        clock = parse_clock(cells[time_at])
        if clock is None:
            problem(line, time_problem(cells[time_at].strip()))
            continue
        note = cells[note_at]
        if note:
            note = plain_note(note)
        title = "" if title_at is None else cells[title_at]
        activities = _activities_line(cells[activities_at])
        scales = "" if scales_at is None else _scales_line(cells[scales_at])
        if title or activities or scales:
            note = joined_note(title and plain_note(title), note, activities, scales)
        add(line, combine(day, clock), cells[mood_at].strip() or None, note)
    explained = tuple(translate("Daylio", text) for text in MAPPING_NOTES)
    return builder.preview(data, file_name, FORMAT, generation(header), DEFAULT_MOODS, explained)
