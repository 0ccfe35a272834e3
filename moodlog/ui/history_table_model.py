"""HistoryTableModel: one row per logged day, newest first."""

from datetime import date
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from typing_extensions import override

from moodlog.domain.day_entry import DaySummary
from moodlog.domain.scales import mood_word
from moodlog.ui.qt_dates import to_qdate

SummaryRole = Qt.ItemDataRole.UserRole + 1

ModelIndex = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    DAY = 0
    MOOD = 1
    ANXIETY = 2
    ENERGY = 3
    SLEEP = 4
    SIDE_EFFECTS = 5
    NOTES = 6


_HEADERS = {
    Column.DAY: QT_TRANSLATE_NOOP("HistoryTableModel", "Day"),
    Column.MOOD: QT_TRANSLATE_NOOP("HistoryTableModel", "Mood"),
    Column.ANXIETY: QT_TRANSLATE_NOOP("HistoryTableModel", "Anxiety"),
    Column.ENERGY: QT_TRANSLATE_NOOP("HistoryTableModel", "Energy"),
    #: Column heading: hours slept that night
    Column.SLEEP: QT_TRANSLATE_NOOP("HistoryTableModel", "Sleep"),
    Column.SIDE_EFFECTS: QT_TRANSLATE_NOOP("HistoryTableModel", "Worst side effect"),
    Column.NOTES: QT_TRANSLATE_NOOP("HistoryTableModel", "Note"),
}


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:.1f}".removesuffix(".0")


class HistoryTableModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self._rows: list[DaySummary] = []
        self._row_of_day: dict[date, int] = {}

    def set_summaries(self, rows: list[DaySummary]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._row_of_day = {summary.day: row for row, summary in enumerate(self._rows)}
        self.endResetModel()

    def summary_at(self, row: int) -> DaySummary:
        return self._rows[row]

    def row_of(self, day: date) -> int | None:
        return self._row_of_day.get(day)

    @override
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    @override
    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    @override
    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("HistoryTableModel", str(_HEADERS[Column(section)]))
        return None

    @override
    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        summary = self._rows[index.row()]
        column = Column(index.column())
        if role == SummaryRole:
            return summary
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(summary, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == Column.MOOD and summary.mood_mean:
            return mood_word(round(summary.mood_mean))
        if role == Qt.ItemDataRole.TextAlignmentRole and column not in (Column.DAY, Column.NOTES):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    @staticmethod
    def _display(summary: DaySummary, column: Column) -> str:
        if column == Column.DAY:
            return QLocale().toString(to_qdate(summary.day), "ddd d MMM yyyy")
        if column == Column.MOOD:
            text = _number(summary.mood_mean)
            if summary.mood_min is not None and summary.mood_min != summary.mood_max:
                text += f"  ({summary.mood_min}–{summary.mood_max})"
            return text
        if column == Column.ANXIETY:
            return _number(summary.anxiety_mean)
        if column == Column.ENERGY:
            return _number(summary.energy_mean)
        if column == Column.SLEEP:
            if summary.sleep_hours is None:
                return ""
            #: Hours slept, e.g. "7.5 h"
            return QCoreApplication.translate("HistoryTableModel", "{hours} h").format(
                hours=f"{summary.sleep_hours:.1f}"
            )
        if column == Column.SIDE_EFFECTS:
            worst = summary.worst_side_effect
            return "" if worst is None else worst.label
        if summary.has_clinician_note:
            #: The day's note is marked for the clinician
            return QCoreApplication.translate("HistoryTableModel", "✎ for clinician")
        return "✎" if summary.has_note else ""
