"""The treatment timeline's colours: Okabe-Ito hues (colour-blind safe), one per medication
role and one for procedures, blended into the palette's base colour so they read in light and
dark themes, each with the text colour that reads best on it."""

from PySide6.QtGui import QColor, QPalette

from moodlog.domain.medications import MedicationRole
from moodlog.ui.colour_blend import blend

ROLE_HUES = {
    MedicationRole.ANTIDEPRESSANT: QColor("#0072B2"),  # blue
    MedicationRole.AUGMENTATION: QColor("#009E73"),  # bluish green
    MedicationRole.OTHER: QColor("#CC79A7"),  # reddish purple
}
PROCEDURE_HUE = QColor("#E69F00")  # orange


def _luminance(colour: QColor) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.red())
        + 0.7152 * channel(colour.green())
        + 0.0722 * channel(colour.blue())
    )


def contrast_ratio(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio of two colours (1 to 21)."""
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


class TimelineColours:
    """Every colour the timeline paints with, worked out once for one palette (in its
    current colour group)."""

    def __init__(self, palette: QPalette) -> None:
        self.key = palette_key(palette)
        self.base = palette.color(QPalette.ColorRole.Base)
        self.text = palette.color(QPalette.ColorRole.Text)
        self.highlight = palette.color(QPalette.ColorRole.Highlight)
        self.highlighted_text = palette.color(QPalette.ColorRole.HighlightedText)
        self.band = QColor(self.highlight)  # behind the highlighted lane
        self.band.setAlpha(40)
        self.grid = blend(self.base, self.text, 0.12)
        self.heading_rule = blend(self.base, self.text, 0.3)
        self.course_fill = blend(self.base, PROCEDURE_HUE, 0.3)
        self.course_outline = blend(self.base, PROCEDURE_HUE, 0.8)
        self.course_arrow = blend(self.base, PROCEDURE_HUE, 0.95)
        self.session_tick = blend(self.text, PROCEDURE_HUE, 0.25)
        self.setting_change = blend(self.base, PROCEDURE_HUE, 1.0)
        self._fills: dict[tuple[int, int], tuple[QColor, QColor]] = {}

    def fill_and_ink(self, hue: QColor, weight: float) -> tuple[QColor, QColor]:
        """``hue`` blended into the base colour by ``weight`` (to the nearest hundredth),
        and the palette's text or base colour, whichever reads better on it."""
        key = (hue.rgb(), round(weight * 100))
        found = self._fills.get(key)
        if found is None:
            fill = blend(self.base, hue, key[1] / 100)
            found = self._fills[key] = (fill, self._best_text(fill))
        return found

    def outline(self, hue: QColor) -> QColor:
        """The strong shade of ``hue`` that outlines its bars and draws their arrows."""
        return self.fill_and_ink(hue, 0.95)[0]

    def _best_text(self, fill: QColor) -> QColor:
        """The palette's text or base colour; on a middling fill where neither reaches
        4.5:1, black or white (one of which always does)."""
        best = max((self.text, self.base), key=lambda ink: contrast_ratio(fill, ink))
        if contrast_ratio(fill, best) >= 4.5:
            return best
        black, white = QColor("#000000"), QColor("#FFFFFF")
        return max((black, white), key=lambda ink: contrast_ratio(fill, ink))


def palette_key(palette: QPalette) -> tuple[int, QPalette.ColorGroup]:
    """Changes whenever ``palette`` would give other colours: a new palette, or another
    colour group (a widget's palette is Inactive while its window is in the background)."""
    return palette.cacheKey(), palette.currentColorGroup()
