"""Converting between Python dates and Qt's (the binding's stubs do not accept a ``date``
where a ``QDate`` is expected, and ``QDate.toPython`` is typed loosely)."""

from datetime import date

from PySide6.QtCore import QDate


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def to_date(qdate: QDate) -> date:
    return date(qdate.year(), qdate.month(), qdate.day())
