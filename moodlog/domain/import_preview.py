"""What an import from another app would add, shown before anything is written.

An importer (``moodlog.importers``) reads a file into an :class:`ImportPreview`: the rows it
could read as :class:`ImportedEntry` objects, each problem row with its line number and
reason, and how the app's mood names or numbers land on moodlog's 0-10 mood scale. Names it
cannot place are listed for the person to map; nothing is written until every one is.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from types import MappingProxyType
from typing import NamedTuple

from moodlog.domain.scales import SCALE_MAX, SCALE_MIN
from moodlog.domain.translation import translate

# Sources that record no time of day (Pixels, eMoods, a spreadsheet without a time column)
# place their check-ins at noon.
NO_TIME_HOUR = 12

MoodMapping = Mapping[str, int]
NO_RATINGS: Mapping[str, int] = MappingProxyType({})


def mood_key(label: str) -> str:
    """The form a mood name is matched and remembered in: spaces collapsed, case folded."""
    return " ".join(label.split()).casefold()


def spread_level(level: int, levels: int) -> int:
    """Level ``level`` (1 = worst .. ``levels`` = best) of an app's scale on moodlog's 0-10
    scale: worst to 0, best to 10, the others evenly between (rounded to the nearest whole
    number, halves to even, so a five-level scale gives 0, 2, 5, 8, 10)."""
    if levels < 2 or not 1 <= level <= levels:
        raise ValueError(f"level {level} of {levels}")
    return round((level - 1) * (SCALE_MAX - SCALE_MIN) / (levels - 1)) + SCALE_MIN


class ImportedEntry(NamedTuple):
    """One check-in read from the file. ``mood_label`` is the app's own mood name or number
    (``None`` when the row has no mood); ``ratings`` holds other moodlog scales the app
    rates directly (e.g. eMoods' anxiety), already on the 0-10 scale. (A named tuple: a
    file can hold tens of thousands, and tuples are made quickly.)"""

    line: int
    recorded_at: datetime
    mood_label: str | None
    note: str = ""
    ratings: Mapping[str, int] = NO_RATINGS

    @property
    def day(self) -> date:
        return self.recorded_at.date()


@dataclass(frozen=True, slots=True)
class RowProblem:
    """A row left out of the import, with the file's line number and why."""

    line: int
    reason: str
    unit: str = "line"  # what ``line`` counts: "line", or "item" in a JSON file

    def __str__(self) -> str:
        if self.unit == "item":
            #: A problem with an item (entry) of an imported JSON file, e.g. "item 4: no date"
            text = translate("ImportPreview", "item {number}: {reason}")
        elif self.unit == "line":
            #: A problem with a line of an imported file, e.g. "line 12: no date"
            text = translate("ImportPreview", "line {number}: {reason}")
        else:
            text = "{unit} {number}: {reason}"
        return text.format(unit=self.unit, number=self.line, reason=self.reason)


@dataclass(frozen=True, slots=True)
class ImportPreview:
    """Everything a file would add, and what could not be read.

    ``format`` is the importer's key ("daylio", …), ``format_name`` the name shown to the
    person. ``mood_defaults`` maps :func:`mood_key` of each name or number moodlog can place
    by its documented rule to a 0-10 value; ``mood_names`` lists every mood name found (first
    spelling, in the order met). ``mapping_notes`` says in words where the other fields went.
    """

    format: str
    format_name: str
    file_name: str
    file_hash: str
    entries: tuple[ImportedEntry, ...]
    problems: tuple[RowProblem, ...] = ()
    mood_defaults: Mapping[str, int] = field(default_factory=dict)
    mood_names: tuple[str, ...] = ()
    mapping_notes: tuple[str, ...] = ()

    @property
    def first_day(self) -> date | None:
        return min(e.recorded_at for e in self.entries).date() if self.entries else None

    @property
    def last_day(self) -> date | None:
        return max(e.recorded_at for e in self.entries).date() if self.entries else None

    def mapping(
        self, remembered: MoodMapping | None = None, chosen: MoodMapping | None = None
    ) -> dict[str, int]:
        """The mood mapping to use: the defaults, then what was remembered from earlier
        imports, then what the person chose now (later wins). Keys are :func:`mood_key`."""
        merged = dict(self.mood_defaults)
        for source in (remembered or {}, chosen or {}):
            merged.update({mood_key(name): value for name, value in source.items()})
        return merged

    def unplaced(self, mapping: MoodMapping) -> list[str]:
        """The mood names that ``mapping`` does not place (first spelling of each)."""
        return [name for name in self.mood_names if mood_key(name) not in mapping]

    def moods(self, mapping: MoodMapping) -> list[int | None]:
        """Each entry's mood on moodlog's scale; raises ``KeyError`` for an unplaced name."""
        labels = {e.mood_label for e in self.entries if e.mood_label is not None}
        values: dict[str | None, int | None] = {None: None}
        values.update({label: mapping[mood_key(label)] for label in labels})
        return [values[e.mood_label] for e in self.entries]


def check_mapping(mapping: MoodMapping) -> None:
    """Raise ``ValueError`` when a mapped value is off moodlog's scale."""
    for name, value in mapping.items():
        if not SCALE_MIN <= value <= SCALE_MAX:
            raise ValueError(f"mood {name!r} mapped to {value}, outside {SCALE_MIN}-{SCALE_MAX}")
