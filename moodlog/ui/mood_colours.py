"""Colours for mood values: colour-blind-safe (Okabe-Ito vermillion to blue), blended into
the current palette's base colour so they read in light and dark themes. Colour is never
the only carrier: every coloured cell also shows its number."""

from PySide6.QtGui import QColor

from moodlog.ui.colour_blend import blend

_LOW = QColor("#D55E00")  # vermillion: low mood
_HIGH = QColor("#0072B2")  # blue: good mood
_STRENGTH = 0.55


def mood_colour(mood: float, base: QColor) -> QColor:
    """A tint for ``mood`` (0-10): strongest at the ends, nearly ``base`` at 5."""
    target = _LOW if mood < 5 else _HIGH
    weight = _STRENGTH * min(1.0, abs(mood - 5) / 5)
    return blend(base, target, weight)
