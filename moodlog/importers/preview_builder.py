"""Collects an importer's rows and problems into an ImportPreview, applying the rules every
format shares: nothing dated after today, no empty check-ins, notes within the limit."""

import hashlib
from collections.abc import Mapping
from datetime import date, datetime, time, timedelta
from types import MappingProxyType

from moodlog.domain.check_in import NOTE_MAX_CHARS
from moodlog.domain.import_preview import (
    NO_RATINGS,
    ImportedEntry,
    ImportPreview,
    RowProblem,
    mood_key,
)


class PreviewBuilder:
    """``unit`` names what a problem's number counts ("line", or "item" in JSON files)."""

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
            self.problem(line, f"it is dated {recorded_at:%-d %b %Y}, after today")
            return
        if len(note) > NOTE_MAX_CHARS:
            self.problem(
                line,
                f"its note is {len(note):,} characters long; moodlog keeps up to "
                f"{NOTE_MAX_CHARS:,}",
            )
            return
        if mood_label is None and not ratings and not note:
            self.problem(line, "it holds no mood and no note")
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
