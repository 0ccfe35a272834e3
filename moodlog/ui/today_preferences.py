"""TodayPreferences: which scales the Today view shows, the words at each scale's ends and how
sleep is entered (QSettings). Health data never goes here; it stays in the diary file."""

from PySide6.QtCore import QSettings

from moodlog.domain.scales import SCALES, SCALES_BY_KEY
from moodlog.domain.sleep import SleepMode

_SCALES_KEY = "today/shown_scales"
_SLEEP_MODE_KEY = "today/sleep_mode"
_ANCHORS_GROUP = "today/anchors"  # today/anchors/<scale>/low and .../high


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

    def anchors(self, key: str) -> tuple[str, str]:
        """The words at 0 and at 10 of the scale ``key``: the person's own, else the usual."""
        scale = SCALES_BY_KEY[key]
        low = str(self._settings.value(f"{_ANCHORS_GROUP}/{key}/low", "")).strip()
        high = str(self._settings.value(f"{_ANCHORS_GROUP}/{key}/high", "")).strip()
        return low or scale.low, high or scale.high

    def set_anchors(self, key: str, low: str, high: str) -> None:
        """Keep the person's words for the ends of ``key``; blank (or the usual words) puts
        back the usual words."""
        scale = SCALES_BY_KEY[key]
        for end, text, usual in (("low", low, scale.low), ("high", high, scale.high)):
            name = f"{_ANCHORS_GROUP}/{key}/{end}"
            if text.strip() and text.strip() != usual:
                self._settings.setValue(name, text.strip())
            else:
                self._settings.remove(name)
