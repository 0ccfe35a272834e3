"""iMoodJournal's CSV export.

Header ``Date, Day of week, Hour, Minute, Level, LevelText, Comment``, then one 0/1 column
per hashtag. ``Date`` reads ``September 5, 2015``. Each row is one check-in: ``Level`` 1-10
is spread over moodlog's 0-10 (1 to 0, 10 to 10, evenly between), the comment is the note,
and hashtags marked 1 that the comment doesn't already mention are added to it.
"""

from collections.abc import Sequence
from datetime import date, datetime, time

from moodlog.domain.import_preview import ImportPreview, spread_level
from moodlog.domain.translation import QT_TRANSLATE_NOOP, translate
from moodlog.importers.month_names import date_in_words
from moodlog.importers.note_text import joined_note, plain_note
from moodlog.importers.preview_builder import (
    PreviewBuilder,
    date_problem,
    fields_problem,
    time_problem,
)
from moodlog.importers.source_text import column_index, csv_records, decode_text, header_names
from moodlog.importers.unreadable_file import UnreadableFile

FORMAT = "imoodjournal"
DEFAULT_MOODS = {str(level): spread_level(level, 10) for level in range(1, 11)}
# Shown in the import dialog: translated where they are read (``read``).
MAPPING_NOTES = (
    QT_TRANSLATE_NOOP(
        "IMoodJournal",
        "Each row becomes a check-in; levels 1-10 are spread over 0-10 (1 is 0, 10 is 10).",
    ),
    QT_TRANSLATE_NOOP(
        "IMoodJournal", "The comment is the note; hashtags marked in their columns are added to it."
    ),
)
_REQUIRED = ("date", "hour", "minute", "level", "comment")
_KNOWN = {*_REQUIRED, "day of week", "leveltext"}


def matches(header: Sequence[str]) -> bool:
    return set(_REQUIRED) <= set(header)


def read(data: bytes, file_name: str, today: date) -> ImportPreview:
    records = csv_records(decode_text(data, file_name), file_name)
    first = next(records, None)
    if first is None:
        raise UnreadableFile(
            translate("IMoodJournal", "{file} is empty. Export it again from iMoodJournal.").format(
                file=file_name
            )
        )
    header = header_names(first[1])
    if not matches(header):
        raise UnreadableFile(
            translate(
                "IMoodJournal",
                "{file} doesn't have iMoodJournal's columns ({columns}). Check that this is "
                "iMoodJournal's CSV export.",
            ).format(file=file_name, columns=", ".join(_REQUIRED))
        )
    columns = column_index(header)
    tags = [
        (position, "#" + first[1][position].strip().lstrip("#"))
        for position, name in enumerate(header)
        if name and name not in _KNOWN
    ]
    builder = PreviewBuilder(today)
    for line, cells in records:
        if len(cells) < len(header):
            builder.problem(line, fields_problem(len(cells), len(header)))
            continue
        day = date_in_words(cells[columns["date"]])
        if day is None:
            builder.problem(line, date_problem(cells[columns["date"]].strip()))
            continue
        hour, minute = cells[columns["hour"]].strip(), cells[columns["minute"]].strip()
        if not (hour.isdecimal() and minute.isdecimal() and int(hour) < 24 and int(minute) < 60):
            builder.problem(line, time_problem(f"{hour}:{minute}"))
            continue
        level = cells[columns["level"]].strip()
        if level not in DEFAULT_MOODS:
            wrong = translate("ImportProblem", 'the level "{value}" is not a whole number 1-10')
            builder.problem(line, wrong.format(value=level))
            continue
        comment = plain_note(cells[columns["comment"]])
        marked = [tag for position, tag in tags if cells[position].strip() == "1"]
        missing = [tag for tag in marked if tag.casefold() not in comment.casefold()]
        note = joined_note(comment, " ".join(missing))
        at = datetime.combine(day, time(int(hour), int(minute)))
        builder.add(line, at, level, note)
    name = translate("ImportFormats", "iMoodJournal CSV")
    explained = tuple(translate("IMoodJournal", text) for text in MAPPING_NOTES)
    return builder.preview(data, file_name, FORMAT, name, DEFAULT_MOODS, explained)
