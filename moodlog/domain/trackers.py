"""Lifestyle factors and the person's own trackers: a number, yes/no, or a 0-10 rating."""

import math
from dataclasses import dataclass
from enum import Enum

from moodlog.domain.errors import InvalidEntry

NUMBER_MAX = 100_000


class TrackerKind(Enum):
    NUMBER = "number"
    YES_NO = "yes_no"
    SCALE = "scale"

    @property
    def label(self) -> str:
        return {"number": "Number", "yes_no": "Yes / no", "scale": "0-10 rating"}[self.value]


@dataclass(frozen=True, slots=True)
class Tracker:
    """Something tracked once a day. ``unit`` is shown after numbers ("minutes", "drinks")."""

    id: int
    name: str
    kind: TrackerKind
    unit: str
    is_builtin: bool
    is_visible: bool


@dataclass(frozen=True, slots=True)
class TrackerTemplate:
    name: str
    kind: TrackerKind
    unit: str


# The lifestyle factors clinicians ask about; seeded into every new diary.
BUILTIN_TRACKERS: tuple[TrackerTemplate, ...] = (
    TrackerTemplate("Exercise", TrackerKind.NUMBER, "minutes"),
    TrackerTemplate("Alcohol", TrackerKind.NUMBER, "drinks"),
    TrackerTemplate("Caffeine", TrackerKind.NUMBER, "drinks"),
    TrackerTemplate("Social contact", TrackerKind.SCALE, "0 none, 10 a lot"),
)


def validate_tracker_value(tracker: Tracker, value: float) -> float:
    """Return the value if it fits the tracker's kind, else raise :class:`InvalidEntry`."""
    field = f"tracker:{tracker.id}"
    if math.isnan(value) or math.isinf(value):
        raise InvalidEntry(f"{tracker.name}: enter a number.", field)
    if tracker.kind is TrackerKind.YES_NO and value not in (0, 1):
        raise InvalidEntry(f"{tracker.name}: answer yes or no.", field)
    if tracker.kind is TrackerKind.SCALE and (value != int(value) or not 0 <= value <= 10):
        raise InvalidEntry(f"{tracker.name}: rate it with a whole number from 0 to 10.", field)
    if tracker.kind is TrackerKind.NUMBER and not 0 <= value <= NUMBER_MAX:
        raise InvalidEntry(f"{tracker.name}: enter a number from 0 to {NUMBER_MAX:,}.", field)
    return value
