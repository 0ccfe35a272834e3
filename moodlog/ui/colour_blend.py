"""Mixing a colour into the palette's base colour, so tints read in light and dark themes."""

from PySide6.QtGui import QColor


def blend(base: QColor, target: QColor, weight: float) -> QColor:
    """``weight`` of the way from ``base`` to ``target`` (0 to 1)."""
    weight = max(0.0, min(1.0, weight))
    return QColor(
        round(base.red() + (target.red() - base.red()) * weight),
        round(base.green() + (target.green() - base.green()) * weight),
        round(base.blue() + (target.blue() - base.blue()) * weight),
    )
