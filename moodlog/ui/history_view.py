"""HistoryView: which days have entries and how they went; opens any day for editing."""

from datetime import date, timedelta

from PySide6.QtCore import QDate, QModelIndex, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from moodlog.domain.clock import Clock
from moodlog.storage.diary_store import DiaryStore
from moodlog.ui.diary_view import DiaryView
from moodlog.ui.history_table_model import Column, HistoryTableModel
from moodlog.ui.mood_calendar import MoodCalendar
from moodlog.ui.qt_dates import to_qdate


class HistoryView(DiaryView):
    """Loaded on first show, so start-up never reads the whole history.

    Signals:
        day_opened(object): the person asked to edit this ``date``.
    """

    day_opened = Signal(object)

    def __init__(self, store: DiaryStore, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._clock = clock
        self.model = HistoryTableModel()
        self._build_layout()
        self._connect_signals()

    def _build_layout(self) -> None:
        outer = QVBoxLayout(self)
        self.summary_label = QLabel(self)
        self.summary_label.setWordWrap(True)
        self.summary_label.setAccessibleName(self.tr("History summary"))
        outer.addWidget(self.summary_label)
        row = QHBoxLayout()
        left = QVBoxLayout()
        self.calendar = MoodCalendar(self)
        legend = QLabel(
            self.tr(
                "Each logged day shows its mean mood (0 worst, 10 best). Warmer tint: lower mood; "
                "blue tint: better mood. Double-click a day or press Enter to open it."
            ),
            self,
        )
        legend.setWordWrap(True)
        left.addWidget(self.calendar)
        left.addWidget(legend)
        left.addStretch(1)
        row.addLayout(left, 2)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAccessibleName(self.tr("Logged days, newest first"))
        self.table.setAccessibleDescription(
            self.tr("One row for each day you logged; Enter opens the day on Today")
        )
        row.addWidget(self.table, 3)
        outer.addLayout(row, 1)

    def _connect_signals(self) -> None:
        self.calendar.activated.connect(self._on_calendar_activated)
        self.calendar.selectionChanged.connect(self._on_calendar_selected)
        self.table.activated.connect(self._on_row_activated)
        self.table.doubleClicked.connect(self._on_row_activated)

    def refresh(self) -> None:
        today = self._clock().date()
        first = self._store.first_day() or today
        summaries = self._store.day_summaries(first, today)
        self.model.set_summaries(summaries)
        self.calendar.set_summaries({s.day: s for s in summaries})
        self.calendar.setMaximumDate(to_qdate(today))
        self._refreshed()
        year_ago = today - timedelta(days=364)
        logged = sum(1 for s in summaries if s.day >= year_ago)
        span = min(365, (today - first).days + 1)
        self.summary_label.setText(
            self.tr(
                "{total} days logged in all. In the last {span} days: {logged} logged. "
                "Missed days are fine; you can fill any of them in later."
            ).format(total=len(summaries), span=span, logged=logged)
            if summaries
            else self.tr("Nothing logged yet. Your days will appear here.")
        )

    def _on_calendar_activated(self, qdate: QDate) -> None:
        self.day_opened.emit(qdate.toPython())

    def _on_calendar_selected(self) -> None:
        selected: date = self.calendar.selectedDate().toPython()  # type: ignore[assignment]
        row = self.model.row_of(selected)
        if row is not None:
            self.table.selectRow(row)

    def _on_row_activated(self, index: QModelIndex) -> None:
        day: date = self.model.summary_at(index.row()).day
        self.day_opened.emit(day)

    def select_day(self, day: date) -> None:
        self.calendar.setSelectedDate(to_qdate(day))
        row = self.model.row_of(day)
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, Column.DAY))
