"""Side effects: the checklist, and how severe each one was on a day."""

from dataclasses import dataclass
from enum import IntEnum

# In our own words (clinical-reference.md section 7.2): the ASEC domains confirmed from its
# abstract plus common label-listed effects. A person adds their own and hides any.
DEFAULT_SIDE_EFFECTS: tuple[str, ...] = (
    "Dry mouth",
    "Drowsiness",
    "Insomnia",
    "Nausea",
    "Headache",
    "Dizziness",
    "Sweating",
    "Sexual problems",
    "Weight change",
    "Emotional blunting",
    "Tremor",
    "Constipation",
    "Diarrhoea",
    "Decreased appetite",
    "Blurred vision",
    "Palpitations",
    "Yawning",
    "Problems urinating",
)


class Severity(IntEnum):
    NONE = 0
    MILD = 1
    MODERATE = 2
    SEVERE = 3

    @property
    def label(self) -> str:
        return self.name.capitalize()


@dataclass(frozen=True, slots=True)
class SideEffect:
    """One checklist item. ``is_tracked`` decides whether it appears on the Today view.

    ``suspected_medication_id`` / ``suspected_course_id`` name what the person thinks
    causes it (at most one of them), or ``None``.
    """

    id: int
    name: str
    is_builtin: bool
    is_tracked: bool
    suspected_medication_id: int | None = None
    suspected_course_id: int | None = None
