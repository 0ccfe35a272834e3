"""From a file's bytes to text, and from CSV text to records with their line numbers.

Byte-order marks (UTF-8, UTF-16) are honoured and dropped; text without one is read as
UTF-8, else as Windows-1252 (what spreadsheet programs write), else as Latin-1.
"""

import codecs
import csv
import io
from collections.abc import Iterator, Sequence

from moodlog.domain.translation import translate
from moodlog.importers.unreadable_file import UnreadableFile

# A CSV field longer than this (a damaged quote swallowing the rest of the file) stops the read.
FIELD_LIMIT = 1_000_000


def decode_text(data: bytes, file_name: str) -> str:
    """The file's text; raises :class:`UnreadableFile` for text that isn't text."""
    try:
        if data.startswith(codecs.BOM_UTF8):
            text = data[len(codecs.BOM_UTF8) :].decode("utf-8")
        elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            text = data.decode("utf-16")
        else:
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                try:
                    text = data.decode("cp1252")
                except UnicodeDecodeError:
                    text = data.decode("latin-1")
    except UnicodeDecodeError as error:
        raise UnreadableFile(
            translate(
                "SourceText",
                "{file} says it is Unicode text but part of it isn't ({reason} at byte "
                "{byte}). The file may be damaged: export it again from the app.",
            ).format(file=file_name, reason=error.reason, byte=error.start)
        ) from error
    if "\x00" in text:
        raise UnreadableFile(
            translate(
                "SourceText",
                "{file} holds binary data, not text. Choose the file the app exported.",
            ).format(file=file_name)
        )
    return text.removeprefix("\ufeff")


def csv_records(text: str, file_name: str) -> Iterator[tuple[int, list[str]]]:
    """Each non-blank CSV record with the line it starts on (the header is line 1).
    Quoted fields may hold commas, ``""`` and line breaks. A malformed file raises
    :class:`UnreadableFile` naming the line."""
    csv.field_size_limit(FIELD_LIMIT)
    reader = csv.reader(io.StringIO(text, newline=""))
    start = 1
    try:
        for record in reader:
            if record and (len(record) > 1 or record[0].strip()):
                yield start, record
            start = reader.line_num + 1
    except csv.Error as error:
        raise UnreadableFile(
            translate(
                "SourceText",
                "{file} is damaged near line {line} ({error}). Nothing has been imported. Export "
                "the file again from the app, or open it in a spreadsheet program to mend it.",
            ).format(file=file_name, line=start, error=error)
        ) from error


def header_names(record: Sequence[str]) -> list[str]:
    """A header row's names as matched: stripped, quotes and stray marks dropped, lower case."""
    return [name.strip().strip('"').strip("\ufeff").strip().casefold() for name in record]


def column_index(header: Sequence[str]) -> dict[str, int]:
    """Name -> position (the first column of that name wins)."""
    index: dict[str, int] = {}
    for position, name in enumerate(header):
        index.setdefault(name, position)
    return index
