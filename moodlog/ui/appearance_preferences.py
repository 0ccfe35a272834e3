"""AppearancePreferences: the colour theme and the first day of the week (QSettings)."""

from enum import StrEnum

from PySide6.QtCore import QSettings

_THEME_KEY = "appearance/theme"
_WEEK_START_KEY = "appearance/week_start"


class Theme(StrEnum):
    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"

    @property
    def label(self) -> str:
        return {
            Theme.SYSTEM: "Same as the system",
            Theme.LIGHT: "Light",
            Theme.DARK: "Dark",
        }[self]


class WeekStart(StrEnum):
    LOCALE = "locale"
    MONDAY = "monday"
    SUNDAY = "sunday"

    @property
    def label(self) -> str:
        return {
            WeekStart.LOCALE: "As usual where I live",
            WeekStart.MONDAY: "Monday",
            WeekStart.SUNDAY: "Sunday",
        }[self]


class AppearancePreferences:
    def __init__(self, settings: QSettings) -> None:
        self._settings = settings

    def theme(self) -> Theme:
        try:
            return Theme(str(self._settings.value(_THEME_KEY, Theme.SYSTEM.value)))
        except ValueError:
            return Theme.SYSTEM

    def set_theme(self, theme: Theme) -> None:
        self._settings.setValue(_THEME_KEY, theme.value)

    def week_start(self) -> WeekStart:
        try:
            return WeekStart(str(self._settings.value(_WEEK_START_KEY, WeekStart.LOCALE.value)))
        except ValueError:
            return WeekStart.LOCALE

    def set_week_start(self, week_start: WeekStart) -> None:
        self._settings.setValue(_WEEK_START_KEY, week_start.value)
