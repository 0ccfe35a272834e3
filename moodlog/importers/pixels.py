"""Pixels' JSON backup: an array with one object per day, in any order, in three layouts:

1. ``{"date": "2023-1-5", "mood": 1-5, "emotions": [...], "notes": "..."}``
2. ``{"date": ..., "entries": [{"type": "Mood", "value": 1-5, "notes": ..., "tags":
   [{"type": "Emotions", "entries": [...]}]}]}``
3. ``{"date": ..., "type": "Mood", "scores": [1-5, ...], "notes": ..., "tags": [...]}``

Each mood is a check-in at noon (Pixels records no time); 1-5 is spread over 0-10 (0, 2, 5,
8, 10; 5 is the best). Notes are the note; emotions and tags are added to it. Problems name
the day's position in the array ("item 3").
"""

import json
from datetime import date, datetime, time
from typing import Any

from moodlog.domain.import_preview import NO_TIME_HOUR, ImportPreview, spread_level
from moodlog.domain.translation import QT_TRANSLATE_NOOP, translate
from moodlog.importers.note_text import joined_note, plain_note
from moodlog.importers.preview_builder import PreviewBuilder
from moodlog.importers.source_text import decode_text
from moodlog.importers.unreadable_file import UnreadableFile

FORMAT = "pixels"
DEFAULT_MOODS = {str(level): spread_level(level, 5) for level in range(1, 6)}
# Shown in the import dialog: translated where they are read (``read_document``).
MAPPING_NOTES = (
    QT_TRANSLATE_NOOP(
        "Pixels", "Each Pixels mood becomes a check-in at noon; 1-5 becomes 0, 2, 5, 8 or 10."
    ),
    QT_TRANSLATE_NOOP("Pixels", "Notes are kept; emotions and tags are added to the note."),
)


def matches(document: object) -> bool:
    """An array whose first object has a date and a mood in one of the three layouts."""
    if not isinstance(document, list) or not document or not isinstance(document[0], dict):
        return False
    first = document[0]
    return "date" in first and any(key in first for key in ("mood", "entries", "scores"))


def _day(text: object) -> date | None:
    if not isinstance(text, str):
        return None
    parts = text.strip().split("-")
    if len(parts) != 3 or not all(p.isdecimal() for p in parts):
        return None
    try:
        return date(int(parts[0]), int(parts[1]), int(parts[2]))
    except ValueError:
        return None


def _words(value: object) -> list[str]:
    """Strings of a list (emotions, tag entries); anything else is ignored."""
    if not isinstance(value, list):
        return []
    return [str(item).strip() for item in value if isinstance(item, str | int) and str(item)]


def _tag_lines(tags: object) -> list[str]:
    lines = []
    for tag in tags if isinstance(tags, list) else []:
        if isinstance(tag, dict) and _words(tag.get("entries")):
            kind = str(tag.get("type") or "Tags").strip()
            lines.append(f"{kind}: {', '.join(_words(tag['entries']))}")
    return lines


def _level(value: object) -> str | None:
    """ "1".."5" for a valid mood value, else ``None``."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if not 1 <= value <= 5:  # first: NaN, infinities and huge numbers stop here
        return None
    return str(int(value)) if value == int(value) else None


def _moods(item: dict[str, Any]) -> list[tuple[object, str, list[str]]]:
    """(value, notes, extra note lines) of each mood the day holds, in the three layouts."""
    notes = item.get("notes")
    text = plain_note(notes) if isinstance(notes, str) else ""
    if "entries" in item:
        found: list[tuple[object, str, list[str]]] = []
        for entry in item["entries"] if isinstance(item["entries"], list) else [None]:
            if not isinstance(entry, dict):
                found.append((None, "", []))
                continue
            entry_notes = entry.get("notes")
            own = plain_note(entry_notes) if isinstance(entry_notes, str) else ""
            found.append(
                (entry.get("value"), joined_note(own, text), _tag_lines(entry.get("tags")))
            )
            text = ""  # the day's notes go with its first mood
        return found
    lines = _tag_lines(item.get("tags"))
    emotions = _words(item.get("emotions"))
    if emotions:
        lines.insert(0, "Emotions: " + ", ".join(emotions))
    if "scores" in item:
        scores = item["scores"] if isinstance(item["scores"], list) else [None]
        return [(s, text if n == 0 else "", lines if n == 0 else []) for n, s in enumerate(scores)]
    return [(item.get("mood"), text, lines)]


def read(data: bytes, file_name: str, today: date) -> ImportPreview:
    text = decode_text(data, file_name)
    try:
        document = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as error:
        raise UnreadableFile(
            translate(
                "Pixels",
                "{file} is not complete JSON ({error}). The file may be damaged or cut short: "
                "export it again from Pixels.",
            ).format(file=file_name, error=error)
        ) from error
    return read_document(document, data, file_name, today)


def read_document(document: object, data: bytes, file_name: str, today: date) -> ImportPreview:
    if not isinstance(document, list):
        raise UnreadableFile(
            translate(
                "Pixels",
                "{file} is JSON, but not Pixels' list of days. Check that this is the backup "
                "Pixels exported.",
            ).format(file=file_name)
        )
    builder = PreviewBuilder(today, unit="item")
    noon = time(NO_TIME_HOUR)
    for number, item in enumerate(document, start=1):
        if not isinstance(item, dict):
            builder.problem(
                number, translate("ImportProblem", "it is not a day (an object with a date)")
            )
            continue
        day = _day(item.get("date"))
        if day is None:
            unread = translate("ImportProblem", "the date {date} could not be read")
            builder.problem(number, unread.format(date=repr(item.get("date"))))
            continue
        for value, note, lines in _moods(item):
            label = _level(value)
            if value is not None and label is None:
                wrong = translate("ImportProblem", "the mood {value} is not a whole number 1-5")
                builder.problem(number, wrong.format(value=repr(value)))
                continue
            builder.add(number, datetime.combine(day, noon), label, joined_note(note, *lines))
    name = translate("ImportFormats", "Pixels JSON")
    explained = tuple(translate("Pixels", text) for text in MAPPING_NOTES)
    return builder.preview(data, file_name, FORMAT, name, DEFAULT_MOODS, explained)
