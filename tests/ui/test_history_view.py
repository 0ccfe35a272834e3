"""The History view: which days were logged, how they went, and opening one."""

from datetime import date, datetime

from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from moodlog.domain.check_in import CheckIn
from moodlog.domain.day_entry import DayEntry
from moodlog.domain.sleep import SleepMode, SleepRecord
from moodlog.storage.diary_store import DiaryStore
from moodlog.ui.history_table_model import Column
from moodlog.ui.main_window import MainWindow
from tests.ui.choice_clicks import click_choice


def add_day(store: DiaryStore, day: date, *moods: int, note: str = "") -> None:
    for hour, mood in enumerate(moods, start=9):
        store.save_day(
            DayEntry(
                day,
                CheckIn(datetime(day.year, day.month, day.day, hour), {"mood": mood}, note),
                SleepRecord(day, SleepMode.MINIMAL, hours_slept=7.5),
            ),
            datetime(2026, 11, 21, 9),
        )


def test_logged_days_listed_newest_first_with_their_values(
    qtbot: QtBot, window: MainWindow, store: DiaryStore
) -> None:
    add_day(store, date(2026, 11, 18), 3, 6, note="rough morning")
    add_day(store, date(2026, 11, 20), 7)
    window.show_history()
    model = window.history_view.model

    assert model.rowCount() == 2
    rows = [
        [model.index(r, c).data() for c in (Column.DAY, Column.MOOD, Column.SLEEP, Column.NOTES)]
        for r in range(2)
    ]
    assert rows == [
        ["Fri 20 Nov 2026", "7", "7.5 h", ""],
        ["Wed 18 Nov 2026", "4.5  (3–6)", "7.5 h", "✎"],
    ]
    assert "2 days logged in all" in window.history_view.summary_label.text()


def test_double_clicking_a_row_opens_that_day(
    qtbot: QtBot, window: MainWindow, store: DiaryStore
) -> None:
    add_day(store, date(2026, 11, 18), 5)
    window.show_history()
    table = window.history_view.table
    rect = table.visualRect(window.history_view.model.index(0, Column.DAY))
    # A real double-click: a press and release, then the double-click event.
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    assert window.tabs.currentWidget() is window.today_view
    assert window.today_view.day == date(2026, 11, 18)
    assert window.today_view.check_in_panel.inputs["mood"].value() == 5


def test_enter_on_the_calendar_opens_the_day(
    qtbot: QtBot, window: MainWindow, store: DiaryStore
) -> None:
    add_day(store, date(2026, 11, 2), 8)
    window.show_history()
    calendar = window.history_view.calendar
    calendar.setSelectedDate(QDate(2026, 11, 2))
    assert window.history_view.table.currentIndex().row() == 0
    calendar.setFocus()
    qtbot.keyClick(calendar.focusWidget() or calendar, Qt.Key.Key_Return)
    assert window.today_view.day == date(2026, 11, 2)


def test_a_save_on_today_shows_up_in_history(
    qtbot: QtBot, window: MainWindow, store: DiaryStore
) -> None:
    window.show_history()
    assert window.history_view.model.rowCount() == 0
    window.tabs.setCurrentWidget(window.today_view)
    mood = window.today_view.check_in_panel.inputs["mood"]
    click_choice(qtbot, mood, 2)
    window.today_view.save()
    window.show_history()
    assert window.history_view.model.rowCount() == 1
    assert window.history_view.model.index(0, Column.MOOD).data() == "2"
