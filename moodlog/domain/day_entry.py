"""Everything a day holds, as saved in one go from the Today view, and the per-day summary
the history shows."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from moodlog.domain.adherence import Adherence
from moodlog.domain.check_in import CheckIn
from moodlog.domain.side_effects import Severity
from moodlog.domain.sleep import SleepRecord


@dataclass(frozen=True, slots=True)
class DayEntry:
    """One save of the Today view.

    ``check_in`` is the check-in being written (new when its id is ``None``), or ``None``
    when the person only logged sleep or the other sections. ``sleep`` of ``None`` means
    the night was left blank. ``side_effects`` and ``trackers`` hold the items the form
    showed: a value replaces what the day held, ``None`` clears it ("not rated"); items
    the form did not show keep what they had. ``adherence`` works the same way, keyed by
    medication id.
    """

    day: date
    check_in: CheckIn | None = None
    sleep: SleepRecord | None = None
    side_effects: Mapping[int, Severity | None] = field(default_factory=dict)
    trackers: Mapping[int, float | None] = field(default_factory=dict)
    adherence: Mapping[int, Adherence | None] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.check_in is not None and self.check_in.day != self.day:
            raise ValueError(f"check-in of {self.check_in.day} in the entry for {self.day}")


@dataclass(frozen=True, slots=True)
class DayRecord:
    """What the diary holds for one day, read back for the Today view."""

    day: date
    check_ins: list[CheckIn]
    sleep: SleepRecord | None
    side_effects: dict[int, Severity]
    trackers: dict[int, float]
    adherence: dict[int, Adherence] = field(default_factory=dict)

    @property
    def is_empty(self) -> bool:
        return not (
            self.check_ins or self.sleep or self.side_effects or self.trackers or self.adherence
        )


@dataclass(frozen=True, slots=True)
class DaySummary:
    """One history row: how a day went, at a glance."""

    day: date
    check_in_count: int
    mood_mean: float | None
    mood_min: int | None
    mood_max: int | None
    anxiety_mean: float | None
    energy_mean: float | None
    sleep_hours: float | None
    worst_side_effect: Severity | None
    has_note: bool
    has_clinician_note: bool
