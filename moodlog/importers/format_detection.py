"""Which app a file comes from, and reading it into an ImportPreview.

:func:`detect` looks at the content, never at the file name: a zip archive holding
``entry.csv`` is an eMoods backup; JSON is moodlog's own export (``"format": "moodlog"``)
or Pixels' list of days; CSV is told apart by its header (Daylio, Bearable, iMoodJournal).
Anything else is ``None``: the person can still import a CSV by naming its columns
(:mod:`moodlog.importers.generic_csv`).
"""

import json
from collections.abc import Iterator, Mapping
from datetime import date
from pathlib import Path

from moodlog.domain.import_preview import ImportPreview
from moodlog.domain.translation import QT_TRANSLATE_NOOP, translate
from moodlog.importers import bearable, daylio, emoods, generic_csv, imoodjournal, pixels
from moodlog.importers.source_text import csv_records, decode_text, header_names
from moodlog.importers.unreadable_file import UnreadableFile

MOODLOG = "moodlog"


class FormatNames(Mapping[str, str]):
    """Format key -> the format's name, in the person's language when read."""

    def __init__(self, names: Mapping[str, str]) -> None:
        self._names = dict(names)

    def __getitem__(self, key: str) -> str:
        return translate("ImportFormats", self._names[key])

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)


FORMAT_NAMES = FormatNames(
    {
        "daylio": QT_TRANSLATE_NOOP("ImportFormats", "Daylio CSV"),
        "bearable": QT_TRANSLATE_NOOP("ImportFormats", "Bearable CSV"),
        "imoodjournal": QT_TRANSLATE_NOOP("ImportFormats", "iMoodJournal CSV"),
        "pixels": QT_TRANSLATE_NOOP("ImportFormats", "Pixels JSON"),
        "emoods": QT_TRANSLATE_NOOP("ImportFormats", "eMoods backup"),
        "generic": QT_TRANSLATE_NOOP("ImportFormats", "CSV with chosen columns"),
        MOODLOG: QT_TRANSLATE_NOOP("ImportFormats", "moodlog export (JSON)"),
    }
)
# Formats read into a preview here ("moodlog" is read by the diary's own import).
PREVIEW_FORMATS = ("daylio", "bearable", "imoodjournal", "pixels", "emoods", "generic")
MAX_FILE_BYTES = 200_000_000  # far more than decades of any app's history


def read_source(path: Path) -> bytes:
    """The file's bytes; problems reading it become :class:`UnreadableFile`."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise UnreadableFile(
                translate("FormatDetection", "{file} is too large to be a diary export.").format(
                    file=path.name
                )
            )
        return path.read_bytes()
    except IsADirectoryError as error:
        raise UnreadableFile(
            translate("FormatDetection", "{path} is a folder. Choose the exported file.").format(
                path=path
            )
        ) from error
    except FileNotFoundError as error:
        raise UnreadableFile(
            translate("FormatDetection", "There is no file {path}. Check the name.").format(
                path=path
            )
        ) from error
    except PermissionError as error:
        raise UnreadableFile(
            translate(
                "FormatDetection", "moodlog may not read {path}. Check its permissions."
            ).format(path=path)
        ) from error
    except OSError as error:
        raise UnreadableFile(
            translate("FormatDetection", "{path} can't be read ({reason}).").format(
                path=path, reason=error.strerror
            )
        ) from error


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
            translate(
                "FormatDetection",
                "moodlog doesn't recognise {file}. It reads Daylio, Bearable and iMoodJournal "
                "CSV files, Pixels JSON backups and eMoods backups; for another spreadsheet, "
                "choose which column holds the date and the mood.",
            ).format(file=file_name)
        )
    if key == MOODLOG:
        raise UnreadableFile(
            translate(
                "FormatDetection",
                "{file} is a moodlog export: import it as a moodlog export, not from another app.",
            ).format(file=file_name)
        )
    if key == "generic":
        if columns is None:
            raise UnreadableFile(
                translate(
                    "FormatDetection", "Choose which column holds the date (and the mood) first."
                )
            )
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
            translate(
                "FormatDetection", '"{key}" is not a format moodlog knows. Choose one of: {keys}.'
            ).format(key=key, keys=", ".join(PREVIEW_FORMATS))
        )
    return readers[key](data, file_name, today)
