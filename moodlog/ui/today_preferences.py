"""TodayPreferences: which scales the Today view shows and how sleep is entered (QSettings).
Health data never goes here; it stays in the diary file."""

from PySide6.QtCore import QSettings

from moodlog.domain.scales import SCALES
from moodlog.domain.sleep import SleepMode

_SCALES_KEY = "today/shown_scales"
_SLEEP_MODE_KEY = "today/sleep_mode"


class TodayPreferences:
    def __init__(self, settings: QSettings) -> None:
        self._settings = settings

    def shown_scales(self) -> list[str]:
        stored = self._settings.value(_SCALES_KEY)
        if stored is None:
            return [s.key for s in SCALES if s.shown_by_default]
        keys = [stored] if isinstance(stored, str) else list(stored)  # one-item INI lists
        known = {s.key for s in SCALES}
        return [k for k in keys if k in known]

    def set_shown_scales(self, keys: list[str]) -> None:
        self._settings.setValue(_SCALES_KEY, keys)

    def sleep_mode(self) -> SleepMode:
        stored = self._settings.value(_SLEEP_MODE_KEY, SleepMode.MINIMAL.value)
        try:
            return SleepMode(stored)
        except ValueError:
            return SleepMode.MINIMAL

    def set_sleep_mode(self, mode: SleepMode) -> None:
        self._settings.setValue(_SLEEP_MODE_KEY, mode.value)
