"""The colour theme, applied to the whole application: the system's own, or moodlog's light
or dark palette. Every colour pair people read has a contrast of at least 4.5:1 (WCAG AA).

Light and dark use the Fusion style, which draws with the palette on every platform; "same
as the system" puts back the style and palette the application started with. Widgets that
paint themselves (charts, the calendar, the timeline) read the palette, so they follow.
"""

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QApplication,
    QProxyStyle,
    QStyle,
    QStyleFactory,
    QStyleOption,
    QWidget,
)
from typing_extensions import override

from moodlog.ui.appearance_preferences import Theme

_FUSION = "fusion"
_SYSTEM_STYLE_PROPERTY = "moodlog_system_style"

Role = QPalette.ColorRole
Group = QPalette.ColorGroup

_DARK: dict[Role, str] = {
    Role.Window: "#2b2b2b",
    Role.WindowText: "#e8e8e8",
    # Fields a step lighter than the window, so Fusion's dark outline shows their edges.
    Role.Base: "#383838",
    Role.AlternateBase: "#323232",
    Role.Text: "#ececec",
    Role.Button: "#333333",
    Role.ButtonText: "#e8e8e8",
    Role.BrightText: "#ffffff",
    Role.Highlight: "#2f6db5",
    Role.HighlightedText: "#ffffff",
    Role.Link: "#8ab8ff",
    Role.LinkVisited: "#c58af9",
    Role.PlaceholderText: "#bdbdbd",
    Role.ToolTipBase: "#424242",
    Role.ToolTipText: "#e8e8e8",
    Role.Light: "#5a5a5a",
    Role.Midlight: "#4a4a4a",
    Role.Mid: "#7c7c7c",  # the edges of check boxes and radio buttons: 3:1 on the window
    Role.Dark: "#202020",
    Role.Shadow: "#141414",
}
_DARK_DISABLED: dict[Role, str] = {
    Role.WindowText: "#8a8a8a",
    Role.Text: "#8a8a8a",
    Role.ButtonText: "#8a8a8a",
    Role.Highlight: "#444444",
    Role.HighlightedText: "#a0a0a0",
}
# Fusion's light palette, with a darker highlight and secondary text: its own (#308cc6 under
# white text, half-transparent black for hints) fall short of 4.5:1.
_LIGHT_CHANGES: dict[Role, str] = {
    Role.Highlight: "#2f6db5",
    Role.HighlightedText: "#ffffff",
    Role.PlaceholderText: "#5e5e5e",
    Role.Link: "#1a56a8",
}


class _VisibleIndicators(QProxyStyle):
    """Fusion, with every check box's and radio button's edge drawn in the palette's Mid
    colour, 3:1 against the dark window (WCAG's contrast for a control's edge): Fusion's own
    edge, a shade darker than the window, all but disappears on a dark one, so an unticked
    box could not be seen."""

    def __init__(self) -> None:
        super().__init__(QStyleFactory.create(_FUSION))

    @override
    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawPrimitive(element, option, painter, widget)
        box = element is QStyle.PrimitiveElement.PE_IndicatorCheckBox
        if not box and element is not QStyle.PrimitiveElement.PE_IndicatorRadioButton:
            return
        focused = QStyle.StateFlag.State_HasFocus | QStyle.StateFlag.State_KeyboardFocusChange
        if option.state & focused == focused:  # Fusion's focus colour says more
            return
        painter.save()
        painter.setPen(QPen(option.palette.color(QPalette.ColorRole.Mid), 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        rect = QRectF(option.rect)
        if box:  # where Fusion draws its own edge
            painter.drawRect(rect.adjusted(0.5, 0.5, -1.5, -1.5))
        else:
            # A ring a pixel and a half wide: one pixel, smoothed, would come out greyer.
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(option.palette.color(QPalette.ColorRole.Mid), 1.5))
            radius = (rect.width() + (int(rect.width()) + 1) % 2) / 2 - 1
            painter.drawEllipse(rect.center() + QPointF(0.5, 0.5), radius - 0.75, radius - 0.75)
        painter.restore()


def _palette(colours: dict[Role, str], disabled: dict[Role, str], base: QPalette) -> QPalette:
    palette = QPalette(base)
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    if hasattr(Role, "Accent"):  # Qt 6.6 and later draw some controls with the accent
        palette.setColor(Role.Accent, palette.color(Role.Highlight))
    for role, colour in disabled.items():
        palette.setColor(Group.Disabled, role, QColor(colour))
    return palette


def dark_palette() -> QPalette:
    return _palette(_DARK, _DARK_DISABLED, QPalette())


def light_palette() -> QPalette:
    fusion = QStyleFactory.create(_FUSION)
    return _palette(_LIGHT_CHANGES, {}, fusion.standardPalette())


def apply_theme(app: QApplication, theme: Theme) -> None:
    """Colour the whole application with ``theme`` (at start-up and when it changes)."""
    style = app.style()
    current = style.name().lower() if style is not None else ""
    saved = app.property(_SYSTEM_STYLE_PROPERTY)
    hints = app.styleHints()
    if theme is Theme.SYSTEM:
        if hasattr(hints, "unsetColorScheme"):
            hints.unsetColorScheme()
        if isinstance(saved, str) and saved and saved != current:
            app.setStyle(saved)
        app.setPalette(QPalette())  # a palette with nothing set puts back the system's
        return
    if hasattr(hints, "setColorScheme"):  # native dialogs and title bars follow (Qt 6.8)
        dark = theme is Theme.DARK
        hints.setColorScheme(Qt.ColorScheme.Dark if dark else Qt.ColorScheme.Light)
    if saved is None and current != _FUSION:
        app.setProperty(_SYSTEM_STYLE_PROPERTY, current)
    if theme is Theme.DARK:
        app.setStyle(_VisibleIndicators())
    elif current != _FUSION:
        app.setStyle(_FUSION)
    app.setPalette(dark_palette() if theme is Theme.DARK else light_palette())
