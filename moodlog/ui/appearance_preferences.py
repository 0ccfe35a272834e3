"""AppearancePreferences: the colour theme, the first day of the week and the clock
(QSettings)."""

from enum import StrEnum

from PySide6.QtCore import QCoreApplication, QSettings

_THEME_KEY = "appearance/theme"
_WEEK_START_KEY = "appearance/week_start"
_CLOCK_KEY = "appearance/clock"


class Theme(StrEnum):
    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"

    @property
    def label(self) -> str:
        """The theme's name in the person's language."""
        if self is Theme.LIGHT:
            #: A colour theme: light colours.
            return QCoreApplication.translate("Theme", "Light")
        if self is Theme.DARK:
            #: A colour theme: dark colours.
            return QCoreApplication.translate("Theme", "Dark")
        #: A colour theme: the colours the desktop uses.
        return QCoreApplication.translate("Theme", "Same as the system")


class WeekStart(StrEnum):
    LOCALE = "locale"
    MONDAY = "monday"
    SUNDAY = "sunday"

    @property
    def label(self) -> str:
        """The choice's name in the person's language."""
        if self is WeekStart.MONDAY:
            return QCoreApplication.translate("WeekStart", "Monday")
        if self is WeekStart.SUNDAY:
            return QCoreApplication.translate("WeekStart", "Sunday")
        #: Weeks start on the day usual in the person's country (their locale).
        return QCoreApplication.translate("WeekStart", "As usual where I live")


class ClockStyle(StrEnum):
    TWENTY_FOUR_HOUR = "24-hour"
    TWELVE_HOUR = "12-hour"

    @property
    def label(self) -> str:
        """The choice's name in the person's language, with an example time."""
        if self is ClockStyle.TWELVE_HOUR:
            #: How times are written: 1 to 12, then am or pm.
            return QCoreApplication.translate("ClockStyle", "12-hour (9:30 pm)")
        #: How times are written: 0 to 23.
        return QCoreApplication.translate("ClockStyle", "24-hour (21:30)")


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

    def clock_style(self) -> ClockStyle:
        try:
            return ClockStyle(
                str(self._settings.value(_CLOCK_KEY, ClockStyle.TWENTY_FOUR_HOUR.value))
            )
        except ValueError:
            return ClockStyle.TWENTY_FOUR_HOUR

    def set_clock_style(self, clock_style: ClockStyle) -> None:
        self._settings.setValue(_CLOCK_KEY, clock_style.value)
