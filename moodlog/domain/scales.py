"""The 0-10 self-rating scales of a check-in, with their word anchors."""

from dataclasses import dataclass

from moodlog.domain.translation import QT_TRANSLATE_NOOP, translate

SCALE_MIN = 0
SCALE_MAX = 10


@dataclass(frozen=True, slots=True)
class Scale:
    """One 0-10 rating a check-in can hold.

    ``low`` and ``high`` are the anchors shown at 0 and 10; ``higher_is_better`` says which
    end is the good one, so summaries and colours never have to guess.

    The ``source_…`` fields hold the English words (the CSV export's column names use
    ``source_label``); ``label``, ``question``, ``low`` and ``high`` are in the person's
    language.
    """

    key: str
    source_label: str
    source_question: str
    source_low: str
    source_high: str
    higher_is_better: bool
    shown_by_default: bool = True

    @property
    def label(self) -> str:
        return translate("Scales", self.source_label)

    @property
    def question(self) -> str:
        return translate("Scales", self.source_question)

    @property
    def low(self) -> str:
        return translate("Scales", self.source_low)

    @property
    def high(self) -> str:
        return translate("Scales", self.source_high)


MOOD = Scale(
    "mood",
    QT_TRANSLATE_NOOP("Scales", "Mood"),
    QT_TRANSLATE_NOOP("Scales", "How is your mood?"),
    #: The anchor at 0 of the mood scale
    QT_TRANSLATE_NOOP("Scales", "worst possible"),
    #: The anchor at 10 of the mood scale
    QT_TRANSLATE_NOOP("Scales", "best possible"),
    higher_is_better=True,
)
SCALES: tuple[Scale, ...] = (
    MOOD,
    Scale(
        "anxiety",
        QT_TRANSLATE_NOOP("Scales", "Anxiety"),
        QT_TRANSLATE_NOOP("Scales", "How anxious do you feel?"),
        #: The anchor at 0 of a 0-10 scale
        QT_TRANSLATE_NOOP("Scales", "none"),
        #: The anchor at 10 of a 0-10 scale
        QT_TRANSLATE_NOOP("Scales", "extreme"),
        False,
    ),
    Scale(
        "energy",
        QT_TRANSLATE_NOOP("Scales", "Energy"),
        QT_TRANSLATE_NOOP("Scales", "How much energy do you have?"),
        #: The anchor at 0 of a 0-10 scale
        QT_TRANSLATE_NOOP("Scales", "exhausted"),
        #: The anchor at 10 of a 0-10 scale
        QT_TRANSLATE_NOOP("Scales", "full of energy"),
        True,
    ),
    Scale(
        "interest",
        QT_TRANSLATE_NOOP("Scales", "Interest / enjoyment"),
        QT_TRANSLATE_NOOP("Scales", "How much can you enjoy or take interest in things?"),
        #: The anchor at 0 of a 0-10 scale
        QT_TRANSLATE_NOOP("Scales", "none at all"),
        #: The anchor at 10 of a 0-10 scale
        QT_TRANSLATE_NOOP("Scales", "as much as ever"),
        True,
    ),
    Scale(
        "concentration",
        QT_TRANSLATE_NOOP("Scales", "Concentration"),
        QT_TRANSLATE_NOOP("Scales", "How well can you concentrate?"),
        #: The anchor at 0 of a 0-10 scale
        QT_TRANSLATE_NOOP("Scales", "not at all"),
        #: The anchor at 10 of a 0-10 scale
        QT_TRANSLATE_NOOP("Scales", "as well as ever"),
        True,
    ),
    Scale(
        "irritability",
        QT_TRANSLATE_NOOP("Scales", "Irritability"),
        QT_TRANSLATE_NOOP("Scales", "How irritable do you feel?"),
        #: The anchor at 0 of a 0-10 scale
        QT_TRANSLATE_NOOP("Scales", "not at all"),
        #: The anchor at 10 of a 0-10 scale
        QT_TRANSLATE_NOOP("Scales", "extremely"),
        False,
        shown_by_default=False,
    ),
    Scale(
        "hopelessness",
        QT_TRANSLATE_NOOP("Scales", "Hopelessness"),
        QT_TRANSLATE_NOOP("Scales", "How hopeless do you feel?"),
        #: The anchor at 0 of a 0-10 scale
        QT_TRANSLATE_NOOP("Scales", "not at all"),
        #: The anchor at 10 of a 0-10 scale
        QT_TRANSLATE_NOOP("Scales", "completely"),
        False,
    ),
)
SCALE_KEYS: tuple[str, ...] = tuple(s.key for s in SCALES)
SCALES_BY_KEY: dict[str, Scale] = {s.key: s for s in SCALES}

# A word for every mood value, so the number is never the only thing a person reads. In
# English here; :func:`mood_word` gives them in the person's language.
MOOD_WORDS: tuple[str, ...] = (
    #: Mood 0 of 10
    QT_TRANSLATE_NOOP("Scales", "Worst possible"),
    #: Mood 1 of 10
    QT_TRANSLATE_NOOP("Scales", "Terrible"),
    #: Mood 2 of 10
    QT_TRANSLATE_NOOP("Scales", "Very low"),
    #: Mood 3 of 10
    QT_TRANSLATE_NOOP("Scales", "Low"),
    #: Mood 4 of 10
    QT_TRANSLATE_NOOP("Scales", "Somewhat low"),
    #: Mood 5 of 10
    QT_TRANSLATE_NOOP("Scales", "Neither good nor bad"),
    #: Mood 6 of 10
    QT_TRANSLATE_NOOP("Scales", "Somewhat good"),
    #: Mood 7 of 10
    QT_TRANSLATE_NOOP("Scales", "Good"),
    #: Mood 8 of 10
    QT_TRANSLATE_NOOP("Scales", "Very good"),
    #: Mood 9 of 10
    QT_TRANSLATE_NOOP("Scales", "Great"),
    #: Mood 10 of 10
    QT_TRANSLATE_NOOP("Scales", "Best possible"),
)


def mood_word(value: int) -> str:
    """The word anchor for a mood value from 0 to 10, in the person's language."""
    return translate("Scales", MOOD_WORDS[value])


def mood_words() -> tuple[str, ...]:
    """Every mood word, 0 to 10, in the person's language."""
    return tuple(translate("Scales", word) for word in MOOD_WORDS)
