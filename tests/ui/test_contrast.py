"""Text people read has a contrast of at least 4.5:1 (WCAG 2 AA) against what it is drawn
on: the window's palette (the system's as Qt gives it, and moodlog's light and dark themes),
the mood calendar's tinted days and the treatment timeline's bar labels. The charts' own
colours: tests/charts/test_chart_contrast.py."""

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QCheckBox, QRadioButton, QStyle, QStyleOptionButton
from pytestqt.qtbot import QtBot

from moodlog.ui.app_theme import apply_theme, dark_palette, light_palette
from moodlog.ui.appearance_preferences import Theme
from moodlog.ui.mood_calendar import MoodCalendar
from moodlog.ui.mood_colours import mood_colour
from moodlog.ui.timeline_colours import PROCEDURE_HUE, ROLE_HUES, TimelineColours, contrast_ratio

TEXT = 4.5
Role = QPalette.ColorRole


def contrast(a: str | QColor, b: str | QColor) -> float:
    return contrast_ratio(QColor(a), QColor(b))


def test_contrast_is_wcags() -> None:
    assert contrast("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)
    assert contrast("#FFFFFF", "#777777") == contrast("#777777", "#FFFFFF")


def system_palette() -> QPalette:
    return QGuiApplication.palette()


PALETTES = [system_palette, light_palette, dark_palette]
PALETTE_IDS = ["system", "light", "dark"]


@pytest.mark.parametrize("palette_of", PALETTES, ids=PALETTE_IDS)
def test_the_windows_text_reads_on_its_ground(qapp: QApplication, palette_of: object) -> None:
    assert callable(palette_of)
    palette: QPalette = palette_of()
    for text, ground in ((Role.Text, Role.Base), (Role.WindowText, Role.Window)):
        ratio = contrast(palette.color(text), palette.color(ground))
        assert ratio >= TEXT, (text, ground, round(ratio, 2))


@pytest.mark.parametrize("palette_of", PALETTES, ids=PALETTE_IDS)
def test_the_calendars_day_numbers_read_on_every_mood_tint(
    qapp: QApplication, palette_of: object
) -> None:
    """MoodCalendar draws each logged day's number, this month's and the next's alike, in
    the palette's text colour on the mood's tint of the base colour."""
    assert callable(palette_of)
    palette: QPalette = palette_of()
    base, text = palette.color(Role.Base), palette.color(Role.Text)
    worst = min(contrast(text, mood_colour(mood / 2, base)) for mood in range(21))
    assert worst >= TEXT, round(worst, 2)


@pytest.mark.parametrize("palette_of", PALETTES, ids=PALETTE_IDS)
def test_the_timelines_bar_labels_read_on_their_bars(
    qapp: QApplication, palette_of: object
) -> None:
    assert callable(palette_of)
    colours = TimelineColours(palette_of())
    failures = []
    for hue in [*ROLE_HUES.values(), PROCEDURE_HUE]:
        for weight in range(45, 96):  # how strongly a bar shows (timeline_scene)
            fill, ink = colours.fill_and_ink(hue, weight / 100)
            if contrast(fill, ink) < TEXT:
                failures.append((hue.name(), weight, round(contrast(fill, ink), 2)))
    assert failures == []


@pytest.mark.parametrize("palette_of", PALETTES, ids=PALETTE_IDS)
def test_the_calendars_weekends_read_as_well_as_weekdays(qtbot: QtBot, palette_of: object) -> None:
    """Qt's calendar sets Saturday and Sunday in pure red (4:1 on white, 2.9:1 on a dark
    base); moodlog's calendar uses the palette's text colour for them."""
    assert callable(palette_of)
    palette: QPalette = palette_of()
    calendar = MoodCalendar()
    qtbot.addWidget(calendar)
    calendar.setPalette(palette)
    for day in (Qt.DayOfWeek.Saturday, Qt.DayOfWeek.Sunday):
        brush = calendar.weekdayTextFormat(day).foreground()
        drawn = (
            palette.color(Role.Text) if brush.style() == Qt.BrushStyle.NoBrush else brush.color()
        )
        ratio = contrast(drawn, palette.color(Role.Base))
        assert ratio >= TEXT, (day, round(ratio, 2))


@pytest.fixture
def dark_theme(qapp: QApplication) -> Iterator[None]:
    apply_theme(qapp, Theme.DARK)
    yield
    apply_theme(qapp, Theme.SYSTEM)


@pytest.mark.parametrize("kind", [QCheckBox, QRadioButton])
@pytest.mark.usefixtures("dark_theme")
def test_an_unticked_box_shows_its_edge_in_the_dark_theme(
    qtbot: QtBot, kind: type[QCheckBox] | type[QRadioButton]
) -> None:
    """A control's edge needs 3:1 against its ground (WCAG 1.4.11): the darkest-to-lightest
    step across the indicator's left edge, on a dark window."""
    box = kind("Unticked")
    qtbot.addWidget(box)
    box.show()
    qtbot.waitExposed(box)
    image = box.grab().toImage()
    option = QStyleOptionButton()
    box.initStyleOption(option)
    element = (
        QStyle.SubElement.SE_CheckBoxIndicator
        if kind is QCheckBox
        else QStyle.SubElement.SE_RadioButtonIndicator
    )
    indicator = box.style().subElementRect(element, option, box)
    ratio = image.devicePixelRatio()
    y = int(indicator.center().y() * ratio)
    ground = box.palette().color(Role.Window)
    edge = [image.pixelColor(x, y) for x in range(int((indicator.left() + 3) * ratio))]
    assert max(contrast(colour, ground) for colour in edge) >= 3.0
