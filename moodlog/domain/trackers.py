"""Lifestyle factors and the person's own trackers: a number, yes/no, or a 0-10 rating."""

import math
from dataclasses import dataclass
from enum import Enum

from moodlog.domain.errors import InvalidEntry
from moodlog.domain.translation import QT_TRANSLATE_NOOP, translate

NUMBER_MAX = 100_000


class TrackerKind(Enum):
    NUMBER = "number"
    YES_NO = "yes_no"
    SCALE = "scale"

    @property
    def label(self) -> str:
        return {
            "number": translate("Trackers", "Number"),
            "yes_no": translate("Trackers", "Yes / no"),
            "scale": translate("Trackers", "0-10 rating"),
        }[self.value]


@dataclass(frozen=True, slots=True)
class Tracker:
    """Something tracked once a day. ``unit`` is shown after numbers ("minutes", "drinks").

    ``name`` and ``unit`` are stored in the diary; ``label`` and ``unit_label`` are what is
    shown (a built-in tracker's words in the person's language).
    """

    id: int
    name: str
    kind: TrackerKind
    unit: str
    is_builtin: bool
    is_visible: bool

    @property
    def label(self) -> str:
        return tracker_text(self.name) if self.is_builtin else self.name

    @property
    def unit_label(self) -> str:
        return tracker_text(self.unit) if self.is_builtin else self.unit


@dataclass(frozen=True, slots=True)
class TrackerTemplate:
    name: str
    kind: TrackerKind
    unit: str


# The lifestyle factors clinicians ask about; seeded into every new diary. Their English
# names and units are what the diary stores; only what is shown is translated.
BUILTIN_TRACKERS: tuple[TrackerTemplate, ...] = (
    TrackerTemplate(
        QT_TRANSLATE_NOOP("Trackers", "Exercise"),
        TrackerKind.NUMBER,
        #: Unit of a daily tracker, shown after the number
        QT_TRANSLATE_NOOP("Trackers", "minutes"),
    ),
    TrackerTemplate(
        QT_TRANSLATE_NOOP("Trackers", "Alcohol"),
        TrackerKind.NUMBER,
        #: Unit of a daily tracker, shown after the number ("2 drinks")
        QT_TRANSLATE_NOOP("Trackers", "drinks"),
    ),
    TrackerTemplate(
        QT_TRANSLATE_NOOP("Trackers", "Caffeine"),
        TrackerKind.NUMBER,
        #: Unit of a daily tracker, shown after the number ("2 drinks")
        QT_TRANSLATE_NOOP("Trackers", "drinks"),
    ),
    TrackerTemplate(
        QT_TRANSLATE_NOOP("Trackers", "Social contact"),
        TrackerKind.SCALE,
        #: What the ends of a 0-10 tracker mean
        QT_TRANSLATE_NOOP("Trackers", "0 none, 10 a lot"),
    ),
)
_BUILTIN_WORDS = frozenset(
    word for template in BUILTIN_TRACKERS for word in (template.name, template.unit)
)


def tracker_text(word: str) -> str:
    """A built-in tracker's name or unit in the person's language; other words as they are."""
    return translate("Trackers", word) if word in _BUILTIN_WORDS else word


def validate_tracker_value(tracker: Tracker, value: float) -> float:
    """Return the value if it fits the tracker's kind, else raise :class:`InvalidEntry`."""
    field = f"tracker:{tracker.id}"
    name = tracker.label
    if math.isnan(value) or math.isinf(value):
        raise InvalidEntry(
            translate("Trackers", "{name}: enter a number.").format(name=name), field
        )
    if tracker.kind is TrackerKind.YES_NO and value not in (0, 1):
        raise InvalidEntry(
            translate("Trackers", "{name}: answer yes or no.").format(name=name), field
        )
    if tracker.kind is TrackerKind.SCALE and (value != int(value) or not 0 <= value <= 10):
        raise InvalidEntry(
            translate("Trackers", "{name}: rate it with a whole number from 0 to 10.").format(
                name=name
            ),
            field,
        )
    if tracker.kind is TrackerKind.NUMBER and not 0 <= value <= NUMBER_MAX:
        raise InvalidEntry(
            translate("Trackers", "{name}: enter a number from 0 to {maximum}.").format(
                name=name, maximum=f"{NUMBER_MAX:,}"
            ),
            field,
        )
    return value
