"""The clock the person reads times in, 24-hour ("21:30") or 12-hour ("9:30 pm"): every time
moodlog writes from now on (through moodlog/domain/clock_text.py) and the time fields open
now (their display format).

Only loaded when the 12-hour clock is chosen, or from Settings: the default needs nothing.
"""

from PySide6.QtWidgets import QApplication, QDateTimeEdit

from moodlog.domain.clock_text import use_twelve_hour_clock
from moodlog.ui.appearance_preferences import ClockStyle
from moodlog.ui.qt_dates import time_display_format

_TIME_FORMATS = ("HH:mm", "h:mm ap")


def apply_clock_style(app: QApplication, clock_style: ClockStyle) -> None:
    """Write times in ``clock_style`` from now on, and in the time fields that exist."""
    use_twelve_hour_clock(clock_style is ClockStyle.TWELVE_HOUR)
    wanted = time_display_format()
    for widget in app.allWidgets():
        if not isinstance(widget, QDateTimeEdit):  # a QTimeEdit is one too
            continue
        shown = widget.displayFormat()
        for old in _TIME_FORMATS:
            if old != wanted and shown.endswith(old):
                widget.setDisplayFormat(shown[: -len(old)] + wanted)
                break
