"""Collects an importer's rows and problems into an ImportPreview, applying the rules every
format shares: nothing dated after today, no empty check-ins, notes within the limit."""

import hashlib
from collections.abc import Mapping
from datetime import date, datetime, time, timedelta
from types import MappingProxyType

from moodlog.domain.check_in import NOTE_MAX_CHARS
from moodlog.domain.day_text import day_text
from moodlog.domain.import_preview import (
    NO_RATINGS,
    ImportedEntry,
    ImportPreview,
    RowProblem,
    mood_key,
)
from moodlog.domain.translation import translate


class PreviewBuilder:
    """``unit`` names what a problem's number counts ("line", or "item" in JSON files).
    Problem reasons are in the person's language (context "ImportProblem", shared by every
    format); mood labels and the notes built from a file stay as the file has them."""

    def __init__(self, today: date, unit: str = "line") -> None:
        self._tomorrow = datetime.combine(today + timedelta(days=1), time())
        self._unit = unit
        self.entries: list[ImportedEntry] = []
        self.problems: list[RowProblem] = []
        self._names: dict[str, str] = {}
        self._labels: set[str] = set()  # labels met, as written (most repeat)

    def problem(self, line: int, reason: str) -> None:
        self.problems.append(RowProblem(line, reason, self._unit))

    def add(
        self,
        line: int,
        recorded_at: datetime,
        mood_label: str | None,
        note: str = "",
        ratings: Mapping[str, int] = NO_RATINGS,
    ) -> None:
        """Keep the row, or record why it is left out."""
        if recorded_at >= self._tomorrow:
            dated = translate("ImportProblem", "it is dated {day}, after today")
            self.problem(line, dated.format(day=day_text(recorded_at.date())))
            return
        if len(note) > NOTE_MAX_CHARS:
            too_long = translate(
                "ImportProblem", "its note is {length} characters long; moodlog keeps up to {limit}"
            )
            self.problem(
                line, too_long.format(length=f"{len(note):,}", limit=f"{NOTE_MAX_CHARS:,}")
            )
            return
        if mood_label is None and not ratings and not note:
            self.problem(line, translate("ImportProblem", "it holds no mood and no note"))
            return
        if mood_label is not None and mood_label not in self._labels:
            self._labels.add(mood_label)
            self._names.setdefault(mood_key(mood_label), " ".join(mood_label.split()))
        self.entries.append(ImportedEntry(line, recorded_at, mood_label, note, ratings))

    def preview(
        self,
        data: bytes,
        file_name: str,
        format_key: str,
        format_name: str,
        mood_defaults: Mapping[str, int],
        mapping_notes: tuple[str, ...] = (),
    ) -> ImportPreview:
        return ImportPreview(
            format=format_key,
            format_name=format_name,
            file_name=file_name,
            file_hash=hashlib.sha256(data).hexdigest(),
            entries=tuple(self.entries),
            problems=tuple(self.problems),
            mood_defaults=MappingProxyType(dict(mood_defaults)),
            mood_names=tuple(self._names.values()),
            mapping_notes=mapping_notes,
        )


# Problems every format meets, in the words shared by all of them.


def fields_problem(count: int, width: int) -> str:
    """A row with ``count`` fields under a header of ``width``."""
    return translate("ImportProblem", "it has {count} fields; the header has {width}").format(
        count=count, width=width
    )


def date_problem(text: str) -> str:
    """A date that could not be read, as the file wrote it."""
    return translate("ImportProblem", 'the date "{text}" could not be read').format(text=text)


def time_problem(text: str) -> str:
    """A time that is not a clock time, as the file wrote it."""
    return translate("ImportProblem", 'the time "{text}" is not a clock time').format(text=text)
