"""The colour theme, applied to the whole application: the system's own, or moodlog's light
or dark palette. Every colour pair people read has a contrast of at least 4.5:1 (WCAG AA).

Light and dark use the Fusion style, which draws with the palette on every platform; "same
as the system" puts back the style and palette the application started with. Widgets that
paint themselves (charts, the calendar, the timeline) read the palette, so they follow.
"""

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

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
    Role.Mid: "#747474",
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
    if current != _FUSION:
        if saved is None:
            app.setProperty(_SYSTEM_STYLE_PROPERTY, current)
        app.setStyle(_FUSION)
    app.setPalette(dark_palette() if theme is Theme.DARK else light_palette())
