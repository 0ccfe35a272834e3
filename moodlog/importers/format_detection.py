"""Which app a file comes from, and reading it into an ImportPreview.

:func:`detect` looks at the content, never at the file name: a zip archive holding
``entry.csv`` is an eMoods backup; JSON is moodlog's own export (``"format": "moodlog"``)
or Pixels' list of days; CSV is told apart by its header (Daylio, Bearable, iMoodJournal).
Anything else is ``None``: the person can still import a CSV by naming its columns
(:mod:`moodlog.importers.generic_csv`).
"""

import json
from datetime import date
from pathlib import Path

from moodlog.domain.import_preview import ImportPreview
from moodlog.importers import bearable, daylio, emoods, generic_csv, imoodjournal, pixels
from moodlog.importers.source_text import csv_records, decode_text, header_names
from moodlog.importers.unreadable_file import UnreadableFile

MOODLOG = "moodlog"
FORMAT_NAMES = {
    "daylio": "Daylio CSV",
    "bearable": "Bearable CSV",
    "imoodjournal": "iMoodJournal CSV",
    "pixels": "Pixels JSON",
    "emoods": "eMoods backup",
    "generic": "CSV with chosen columns",
    MOODLOG: "moodlog export (JSON)",
}
# Formats read into a preview here ("moodlog" is read by the diary's own import).
PREVIEW_FORMATS = ("daylio", "bearable", "imoodjournal", "pixels", "emoods", "generic")
MAX_FILE_BYTES = 200_000_000  # far more than decades of any app's history


def read_source(path: Path) -> bytes:
    """The file's bytes; problems reading it become :class:`UnreadableFile`."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise UnreadableFile(f"{path.name} is too large to be a diary export.")
        return path.read_bytes()
    except IsADirectoryError as error:
        raise UnreadableFile(f"{path} is a folder. Choose the exported file.") from error
    except FileNotFoundError as error:
        raise UnreadableFile(f"There is no file {path}. Check the name.") from error
    except PermissionError as error:
        raise UnreadableFile(f"moodlog may not read {path}. Check its permissions.") from error
    except OSError as error:
        raise UnreadableFile(f"{path} can't be read ({error.strerror}).") from error


def _json_document(text: str) -> object:
    stripped = text.lstrip()
    if not stripped.startswith(("[", "{")):
        return None
    try:
        return json.loads(stripped)
    except (json.JSONDecodeError, RecursionError):
        return None


def detect(source: bytes | Path) -> str | None:
    """The format's key (see :data:`FORMAT_NAMES`), or ``None`` when it isn't one moodlog
    recognises. Never raises for bad content; an unreadable path raises
    :class:`UnreadableFile`."""
    data = read_source(source) if isinstance(source, Path) else source
    if emoods.is_backup(data):
        return "emoods"
    try:
        text = decode_text(data, "the file")
    except UnreadableFile:
        return None
    document = _json_document(text)
    if isinstance(document, dict) and document.get("format") == MOODLOG:
        return MOODLOG
    if pixels.matches(document):
        return "pixels"
    if document is not None:
        return None
    try:
        first = next(csv_records(text, "the file"), None)
    except UnreadableFile:
        return None
    if first is None:
        return None
    header = header_names(first[1])
    for key, module in (("daylio", daylio), ("bearable", bearable), ("imoodjournal", imoodjournal)):
        if module.matches(header):
            return key
    return None


def read_preview(
    data: bytes,
    file_name: str,
    today: date,
    format_key: str | None = None,
    columns: generic_csv.Columns | None = None,
) -> ImportPreview:
    """Read the file as ``format_key`` (detected when ``None``). Raises
    :class:`UnreadableFile` with a message for the person when it can't be read at all;
    problem rows are listed in the preview instead."""
    key = format_key or detect(data)
    if key is None:
        raise UnreadableFile(
            f"moodlog doesn't recognise {file_name}. It reads Daylio, Bearable and "
            "iMoodJournal CSV files, Pixels JSON backups and eMoods backups; for another "
            "spreadsheet, choose which column holds the date and the mood."
        )
    if key == MOODLOG:
        raise UnreadableFile(
            f"{file_name} is a moodlog export: import it as a moodlog export, not from another app."
        )
    if key == "generic":
        if columns is None:
            raise UnreadableFile("Choose which column holds the date (and the mood) first.")
        return generic_csv.read(data, file_name, today, columns)
    readers = {
        "daylio": daylio.read,
        "bearable": bearable.read,
        "imoodjournal": imoodjournal.read,
        "pixels": pixels.read,
        "emoods": emoods.read,
    }
    if key not in readers:
        raise UnreadableFile(
            f'"{key}" is not a format moodlog knows. Choose one of: {", ".join(PREVIEW_FORMATS)}.'
        )
    return readers[key](data, file_name, today)
