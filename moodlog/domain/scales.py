"""The 0-10 self-rating scales of a check-in, with their word anchors."""

from dataclasses import dataclass

SCALE_MIN = 0
SCALE_MAX = 10


@dataclass(frozen=True, slots=True)
class Scale:
    """One 0-10 rating a check-in can hold.

    ``low`` and ``high`` are the anchors shown at 0 and 10; ``higher_is_better`` says which
    end is the good one, so summaries and colours never have to guess.
    """

    key: str
    label: str
    question: str
    low: str
    high: str
    higher_is_better: bool
    shown_by_default: bool = True


MOOD = Scale(
    "mood", "Mood", "How is your mood?", "worst possible", "best possible", higher_is_better=True
)
SCALES: tuple[Scale, ...] = (
    MOOD,
    Scale("anxiety", "Anxiety", "How anxious do you feel?", "none", "extreme", False),
    Scale("energy", "Energy", "How much energy do you have?", "exhausted", "full of energy", True),
    Scale(
        "interest",
        "Interest / enjoyment",
        "How much can you enjoy or take interest in things?",
        "none at all",
        "as much as ever",
        True,
    ),
    Scale(
        "concentration",
        "Concentration",
        "How well can you concentrate?",
        "not at all",
        "as well as ever",
        True,
    ),
    Scale(
        "irritability",
        "Irritability",
        "How irritable do you feel?",
        "not at all",
        "extremely",
        False,
        shown_by_default=False,
    ),
    Scale(
        "hopelessness",
        "Hopelessness",
        "How hopeless do you feel?",
        "not at all",
        "completely",
        False,
    ),
)
SCALE_KEYS: tuple[str, ...] = tuple(s.key for s in SCALES)
SCALES_BY_KEY: dict[str, Scale] = {s.key: s for s in SCALES}

# A word for every mood value, so the number is never the only thing a person reads.
MOOD_WORDS: tuple[str, ...] = (
    "Worst possible",
    "Terrible",
    "Very low",
    "Low",
    "Somewhat low",
    "Neither good nor bad",
    "Somewhat good",
    "Good",
    "Very good",
    "Great",
    "Best possible",
)


def mood_word(value: int) -> str:
    """The word anchor for a mood value from 0 to 10."""
    return MOOD_WORDS[value]
