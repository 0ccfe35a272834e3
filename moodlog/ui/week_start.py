"""The first day of the week in every calendar moodlog shows: the History calendar and the
pop-up calendars of date fields, including ones created later.

Qt takes a calendar's first day from the locale when the calendar is made, so a chosen day
is set on the calendars that exist and, through an application event filter that only
exists while a day is chosen, on each new calendar before it is first shown.
"""

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QCalendarWidget
from typing_extensions import override

from moodlog.ui.appearance_preferences import WeekStart

_FILTER_NAME = "moodlog_week_start"


def first_day_of_week(week_start: WeekStart, calendar: QCalendarWidget) -> Qt.DayOfWeek:
    if week_start is WeekStart.MONDAY:
        return Qt.DayOfWeek.Monday
    if week_start is WeekStart.SUNDAY:
        return Qt.DayOfWeek.Sunday
    return calendar.locale().firstDayOfWeek()


class _NewCalendars(QObject):
    """Sets the chosen first day on each calendar as it is polished (before first shown)."""

    def __init__(self, week_start: WeekStart, parent: QObject) -> None:
        super().__init__(parent)
        self.setObjectName(_FILTER_NAME)
        self.week_start = week_start

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Polish and isinstance(watched, QCalendarWidget):
            watched.setFirstDayOfWeek(first_day_of_week(self.week_start, watched))
        return False


def apply_week_start(app: QApplication, week_start: WeekStart) -> None:
    """Start the week on ``week_start`` in every calendar, now and from now on."""
    current = app.findChild(_NewCalendars, _FILTER_NAME)
    if week_start is WeekStart.LOCALE:
        if current is not None:
            app.removeEventFilter(current)
            current.setObjectName("")  # not found again before it is deleted
            current.deleteLater()
    elif current is None:
        app.installEventFilter(_NewCalendars(week_start, app))
    else:
        current.week_start = week_start
    for widget in app.allWidgets():
        if isinstance(widget, QCalendarWidget):
            widget.setFirstDayOfWeek(first_day_of_week(week_start, widget))
