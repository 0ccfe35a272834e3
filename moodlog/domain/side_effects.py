"""Side effects: the checklist, and how severe each one was on a day."""

from dataclasses import dataclass
from enum import IntEnum

from moodlog.domain.translation import QT_TRANSLATE_NOOP, translate

# In our own words (clinical-reference.md section 7.2): the ASEC domains confirmed from its
# abstract plus common label-listed effects. A person adds their own and hides any.
# These English names are stored in every new diary (and compared there); only what is
# shown is translated (see :attr:`SideEffect.label` and :func:`side_effect_text`).
DEFAULT_SIDE_EFFECTS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("SideEffects", "Dry mouth"),
    #: A side effect: sleepiness during the day
    QT_TRANSLATE_NOOP("SideEffects", "Drowsiness"),
    QT_TRANSLATE_NOOP("SideEffects", "Insomnia"),
    QT_TRANSLATE_NOOP("SideEffects", "Nausea"),
    QT_TRANSLATE_NOOP("SideEffects", "Headache"),
    QT_TRANSLATE_NOOP("SideEffects", "Dizziness"),
    QT_TRANSLATE_NOOP("SideEffects", "Sweating"),
    QT_TRANSLATE_NOOP("SideEffects", "Sexual problems"),
    QT_TRANSLATE_NOOP("SideEffects", "Weight change"),
    QT_TRANSLATE_NOOP("SideEffects", "Emotional blunting"),
    QT_TRANSLATE_NOOP("SideEffects", "Tremor"),
    QT_TRANSLATE_NOOP("SideEffects", "Constipation"),
    QT_TRANSLATE_NOOP("SideEffects", "Diarrhoea"),
    QT_TRANSLATE_NOOP("SideEffects", "Decreased appetite"),
    QT_TRANSLATE_NOOP("SideEffects", "Blurred vision"),
    QT_TRANSLATE_NOOP("SideEffects", "Palpitations"),
    QT_TRANSLATE_NOOP("SideEffects", "Yawning"),
    QT_TRANSLATE_NOOP("SideEffects", "Problems urinating"),
)


def side_effect_text(name: str) -> str:
    """``name`` as shown: a built-in side effect in the person's language, a name the person
    typed as it is."""
    return translate("SideEffects", name) if name in DEFAULT_SIDE_EFFECTS else name


class Severity(IntEnum):
    NONE = 0
    MILD = 1
    MODERATE = 2
    SEVERE = 3

    @property
    def label(self) -> str:
        return {
            #: How severe a side effect was on a day: not at all
            Severity.NONE: translate("SideEffects", "None"),
            #: How severe a side effect was on a day
            Severity.MILD: translate("SideEffects", "Mild"),
            #: How severe a side effect was on a day
            Severity.MODERATE: translate("SideEffects", "Moderate"),
            #: How severe a side effect was on a day
            Severity.SEVERE: translate("SideEffects", "Severe"),
        }[self]


@dataclass(frozen=True, slots=True)
class SideEffect:
    """One checklist item. ``is_tracked`` decides whether it appears on the Today view.

    ``suspected_medication_id`` / ``suspected_course_id`` name what the person thinks
    causes it (at most one of them), or ``None``.

    ``name`` is stored in the diary; ``label`` is what is shown.
    """

    id: int
    name: str
    is_builtin: bool
    is_tracked: bool
    suspected_medication_id: int | None = None
    suspected_course_id: int | None = None

    @property
    def label(self) -> str:
        """The name as shown: a built-in item in the person's language."""
        return side_effect_text(self.name) if self.is_builtin else self.name
