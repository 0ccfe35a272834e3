"""Converting between Python dates and Qt's (the binding's stubs do not accept a ``date``
where a ``QDate`` is expected, and ``QDate.toPython`` is typed loosely), and the display
format of time fields."""

from datetime import date

from PySide6.QtCore import QDate

from moodlog.domain.clock_text import twelve_hour_clock


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def to_date(qdate: QDate) -> date:
    return date(qdate.year(), qdate.month(), qdate.day())


def time_display_format() -> str:
    """The display format of a time field, as the person reads times: "HH:mm" (21:30) or
    "h:mm ap" (9:30 pm)."""
    return "h:mm ap" if twelve_hour_clock() else "HH:mm"
