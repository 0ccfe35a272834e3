"""MoodCalendar: a month calendar whose logged days are tinted by mood and show the number."""

from datetime import date

from PySide6.QtCore import QDate, QRect, Qt
from PySide6.QtGui import QPainter, QPalette, QTextCharFormat
from PySide6.QtWidgets import QCalendarWidget, QTableView, QToolButton, QWidget
from typing_extensions import override

from moodlog.domain.day_entry import DaySummary
from moodlog.ui.mood_colours import mood_colour


class MoodCalendar(QCalendarWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._summaries: dict[date, DaySummary] = {}
        self.setGridVisible(True)
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.setAccessibleName(self.tr("Calendar of logged days"))
        # Qt sets weekends in pure red: under 4.5:1 on white and on a dark base. The
        # palette's own text colour reads in every theme.
        for weekend in (Qt.DayOfWeek.Saturday, Qt.DayOfWeek.Sunday):
            self.setWeekdayTextFormat(weekend, QTextCharFormat())
        grid = self.findChild(QTableView, "qt_calendar_calendarview")
        if grid is not None:  # Qt's inner day grid is what takes the focus
            grid.setAccessibleName(self.tr("Days of the month; Enter opens the day"))
        # Qt's month arrows are icons without names (Page Up and Page Down do the same).
        for name, spoken in (
            ("qt_calendar_prevmonth", self.tr("Previous month (Page Up)")),
            ("qt_calendar_nextmonth", self.tr("Next month (Page Down)")),
        ):
            arrow = self.findChild(QToolButton, name)
            if arrow is not None:
                arrow.setAccessibleName(spoken)
        # Room for two lines (the day and its mood) in each cell, at any font size.
        self.setMinimumHeight(self.fontMetrics().lineSpacing() * 22)

    def set_summaries(self, summaries: dict[date, DaySummary]) -> None:
        self._summaries = summaries
        self.updateCells()

    @override
    def paintCell(self, painter: QPainter, rect: QRect, qdate: QDate) -> None:
        summary = self._summaries.get(qdate.toPython())  # type: ignore[call-overload]
        if summary is None:
            super().paintCell(painter, rect, qdate)
            return
        palette = self.palette()
        painter.save()
        base = palette.color(QPalette.ColorRole.Base)
        if summary.mood_mean is not None:
            painter.fillRect(rect, mood_colour(summary.mood_mean, base))
        else:
            painter.fillRect(rect, palette.color(QPalette.ColorRole.AlternateBase))
        if qdate == self.selectedDate():
            painter.setPen(palette.color(QPalette.ColorRole.Highlight))
            painter.drawRect(rect.adjusted(1, 1, -2, -2))
            painter.drawRect(rect.adjusted(2, 2, -3, -3))
        # Another month's days are set in italics: a paler colour would not read on the tint.
        if qdate.month() != self.monthShown():
            italic = painter.font()
            italic.setItalic(True)
            painter.setFont(italic)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        top = rect.adjusted(0, 2, 0, -rect.height() // 2)
        painter.drawText(top, Qt.AlignmentFlag.AlignCenter, str(qdate.day()))
        if summary.mood_mean is not None:
            font = painter.font()
            font.setBold(True)
            painter.setFont(font)
            bottom = rect.adjusted(0, rect.height() // 2, 0, -2)
            painter.drawText(bottom, Qt.AlignmentFlag.AlignCenter, f"{summary.mood_mean:.0f}")
        painter.restore()
