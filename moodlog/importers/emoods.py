"""eMoods' backup (``*.emoods``): a zip archive holding ``entry.csv``.

Columns ``ID, DATE, IRRITABILITY, ANXIETY, DEPRESSED, ELEVATED, SLEEP, PSYCHOTIC SYMPTOMS,
NOTE, THERAPY, MENSTRUAL CYCLE, WEIGHT`` and one column per tracked medication. The mood
items are 0-4: 0 not recorded, then none, mild, moderate, severe. Each day is one check-in
at noon (eMoods records no time):

* eMoods rates depression, not mood: DEPRESSED none, mild, moderate, severe becomes mood
  5, 3, 2, 0 (none is "neither good nor bad", severe the bottom, evenly between);
* ANXIETY and IRRITABILITY none to severe become 0, 3, 7, 10 on those scales;
* the note is kept; elevated mood and psychotic symptoms (mild or more), sleep hours,
  therapy, menstrual cycle, weight and medications are added to it as lines.

``DATE`` is ``YYYY-MM-DD`` (a time after it is ignored) or ``M/D/YYYY``.
"""

import io
import zipfile
from datetime import date, datetime, time

from moodlog.domain.import_preview import NO_TIME_HOUR, ImportPreview, spread_level
from moodlog.domain.translation import QT_TRANSLATE_NOOP, translate
from moodlog.importers.note_text import joined_note, plain_note
from moodlog.importers.preview_builder import PreviewBuilder, date_problem, fields_problem
from moodlog.importers.source_text import column_index, csv_records, decode_text, header_names
from moodlog.importers.unreadable_file import UnreadableFile

FORMAT = "emoods"
SEVERITIES = ("none", "mild", "moderate", "severe")
DEFAULT_MOODS = {
    f"depressed: {word}": value for word, value in zip(SEVERITIES, (5, 3, 2, 0), strict=True)
}
# Shown in the import dialog: translated where they are read (``read``).
MAPPING_NOTES = (
    QT_TRANSLATE_NOOP("EMoods", "Each day becomes a check-in at noon."),
    QT_TRANSLATE_NOOP("EMoods", "Depressed none, mild, moderate, severe becomes mood 5, 3, 2, 0."),
    QT_TRANSLATE_NOOP("EMoods", "Anxiety and irritability none to severe become 0, 3, 7, 10."),
    QT_TRANSLATE_NOOP(
        "EMoods",
        "Elevated mood, psychotic symptoms, sleep, therapy, cycle, weight and medications are "
        "added to the note.",
    ),
)
_MEMBER = "entry.csv"
_MAX_BYTES = 50_000_000  # entry.csv of decades of days is a few MB
_SCALES = {"anxiety": "anxiety", "irritability": "irritability"}
_NOTE_ITEMS = {"elevated": "Elevated mood", "psychotic symptoms": "Psychotic symptoms"}
_PLAIN = ("therapy", "menstrual cycle", "weight")
_UNRECORDED = {"", "0", "0.0", "false", "no"}
_KNOWN = {"id", "date", "depressed", "sleep", "note", *_SCALES, *_NOTE_ITEMS, *_PLAIN}


def is_backup(data: bytes) -> bool:
    """A zip archive holding ``entry.csv``."""
    if not data.startswith(b"PK"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return any(_is_entries(name) for name in archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return False


def _is_entries(name: str) -> bool:
    return name.replace("\\", "/").rsplit("/", 1)[-1].casefold() == _MEMBER


def _entries_csv(data: bytes, file_name: str) -> bytes:
    damaged = translate(
        "EMoods",
        "{file} is not a complete eMoods backup (a zip archive holding entry.csv). The file "
        "may be damaged or cut short: make a new backup in eMoods.",
    ).format(file=file_name)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = [info for info in archive.infolist() if _is_entries(info.filename)]
            if not members:
                raise UnreadableFile(damaged)
            if members[0].file_size > _MAX_BYTES:
                raise UnreadableFile(
                    translate("EMoods", "{file}'s entry.csv is too large to be a diary.").format(
                        file=file_name
                    )
                )
            return archive.read(members[0])
    except UnreadableFile:
        raise
    except Exception as error:  # zipfile, zlib, bz2 and lzma each fail their own way
        raise UnreadableFile(damaged) from error


def _day(text: str) -> date | None:
    text = text.strip()
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        pass
    parts = text.split(" ")[0].split("/")
    if len(parts) == 3 and all(p.isdecimal() for p in parts):
        try:
            return date(int(parts[2]), int(parts[0]), int(parts[1]))
        except ValueError:
            return None
    return None


def _severity(text: str) -> int | str | None:
    """1-4 for a recorded item, ``None`` for 0 (not recorded), the text itself if invalid."""
    text = text.strip()
    if text in _UNRECORDED:
        return None
    try:
        number = float(text)
    except ValueError:
        return text
    if number in (1, 2, 3, 4):
        return int(number)
    return None if number == 0 else text


def read(data: bytes, file_name: str, today: date) -> ImportPreview:
    text = decode_text(_entries_csv(data, file_name), file_name)
    records = csv_records(text, file_name)
    first = next(records, None)
    if first is None:
        raise UnreadableFile(
            translate("EMoods", "{file}'s entry.csv is empty. Make a new backup in eMoods.").format(
                file=file_name
            )
        )
    header = header_names(first[1])
    if not {"date", "depressed"} <= set(header):
        raise UnreadableFile(
            translate(
                "EMoods",
                "{file}'s entry.csv doesn't have eMoods' columns (DATE, DEPRESSED, …). Check "
                "that this is an eMoods backup.",
            ).format(file=file_name)
        )
    columns = column_index(header)
    others = [(i, first[1][i].strip()) for i, name in enumerate(header) if name not in _KNOWN]
    builder = PreviewBuilder(today)
    noon = time(NO_TIME_HOUR)
    for line, cells in records:
        if len(cells) < len(header):
            builder.problem(line, fields_problem(len(cells), len(header)))
            continue
        day = _day(cells[columns["date"]])
        if day is None:
            builder.problem(line, date_problem(cells[columns["date"]].strip()))
            continue
        items: dict[str, int | None] = {}
        bad = None
        for name in ("depressed", *_SCALES, *_NOTE_ITEMS):
            if name in columns:
                level = _severity(cells[columns[name]])
                if isinstance(level, str):
                    bad = translate("ImportProblem", '{column} is "{value}", not 0-4').format(
                        column=name, value=level
                    )
                    break
                items[name] = level
        if bad:
            builder.problem(line, bad)
            continue
        depressed = items.get("depressed")
        label = None if depressed is None else f"depressed: {SEVERITIES[depressed - 1]}"
        ratings = {
            scale: spread_level(level, 4)
            for name, scale in _SCALES.items()
            if (level := items.get(name)) is not None
        }
        lines = [
            f"{word}: {SEVERITIES[level - 1]}"
            for name, word in _NOTE_ITEMS.items()
            if (level := items.get(name)) is not None and level > 1
        ]
        sleep = cells[columns["sleep"]].strip() if "sleep" in columns else ""
        if sleep not in _UNRECORDED:
            lines.append(f"Sleep: {sleep} hours")
        for name in _PLAIN:
            value = cells[columns[name]].strip() if name in columns else ""
            if value not in _UNRECORDED:
                lines.append(f"{name.capitalize()}: {value}")
        lines += [
            f"{n}: {cells[i].strip()}" for i, n in others if cells[i].strip() not in _UNRECORDED
        ]
        note = plain_note(cells[columns["note"]]) if "note" in columns else ""
        note = joined_note(note, *lines)
        if label is None and not ratings and not note:
            continue  # a day with nothing recorded
        builder.add(line, datetime.combine(day, noon), label, note, ratings)
    name = translate("ImportFormats", "eMoods backup")
    explained = tuple(translate("EMoods", text) for text in MAPPING_NOTES)
    return builder.preview(data, file_name, FORMAT, name, DEFAULT_MOODS, explained)
