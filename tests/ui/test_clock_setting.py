"""Settings › Appearance › Clock: times written 24-hour (the default) or 12-hour, on Today and
in time fields, typed back either way, and kept."""

from collections.abc import Iterator
from datetime import date, time

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QTimeEdit
from pytestqt.qtbot import QtBot

from moodlog.storage.diary_store import DiaryStore
from moodlog.ui.appearance_preferences import AppearancePreferences, ClockStyle
from moodlog.ui.clock_style import apply_clock_style
from moodlog.ui.main_window import MainWindow
from moodlog.ui.message_banner import BannerKind
from tests.ui.choice_clicks import click_choice
from tests.ui.conftest import FakeClock
from tests.ui.test_settings_dialog import choose, new_window, open_settings, show_tab

TODAY = date(2026, 11, 21)


@pytest.fixture(autouse=True)
def _24_hour_afterwards(qapp: QApplication) -> Iterator[None]:
    yield
    apply_clock_style(qapp, ClockStyle.TWENTY_FOUR_HOUR)


def chips(window: MainWindow) -> list[str]:
    return [b.text() for b in window.today_view._check_in_buttons.buttons()]


def save(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)


def twelve_hour_window(
    qtbot: QtBot, qapp: QApplication, store: DiaryStore, clock: FakeClock, settings: QSettings
) -> MainWindow:
    """A window started with 12-hour chosen, as app.py starts it."""
    AppearancePreferences(settings).set_clock_style(ClockStyle.TWELVE_HOUR)
    apply_clock_style(qapp, AppearancePreferences(settings).clock_style())
    window = MainWindow(store, clock, settings, None)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def test_the_clock_is_24_hour_until_chosen_and_the_choice_is_kept(
    qtbot: QtBot, window: MainWindow, store: DiaryStore, clock: FakeClock, settings: QSettings
) -> None:
    click_choice(qtbot, window.today_view.check_in_panel.inputs["mood"], 6)
    save(qtbot, window)
    assert chips(window) == ["09:30 · mood 6"]
    time_edit = window.today_view.check_in_panel.time_edit
    assert time_edit.text() == "09:30"
    dialog = open_settings(qtbot, window)
    show_tab(dialog, "Appearance")
    assert dialog.clock_combo.currentData() == ClockStyle.TWENTY_FOUR_HOUR
    assert dialog.clock_combo.currentText() == "24-hour (21:30)"

    choose(qtbot, dialog.clock_combo, "12-hour")
    assert dialog.clock_combo.currentText() == "12-hour (9:30 pm)"
    assert AppearancePreferences(settings).clock_style() is ClockStyle.TWELVE_HOUR
    # What is on screen follows at once: Today's check-in and its time field, and the
    # reminder times on the Settings dialog's own Reminders page.
    assert chips(window) == ["9:30 am · mood 6"]
    assert time_edit.text() == "9:30 am"
    reminder_times = [
        edit.text() for edit in dialog.reminder_page.findChildren(QTimeEdit) if edit.text()
    ]
    assert reminder_times
    assert all(text.endswith((" am", " pm")) for text in reminder_times), reminder_times
    reopened = open_settings(qtbot, new_window(qtbot, store, clock, settings))
    assert reopened.clock_combo.currentData() == ClockStyle.TWELVE_HOUR
    reopened.reject()

    choose(qtbot, dialog.clock_combo, "24-hour")
    assert AppearancePreferences(settings).clock_style() is ClockStyle.TWENTY_FOUR_HOUR
    assert chips(window) == ["09:30 · mood 6"]
    assert time_edit.text() == "09:30"


def test_with_12_hour_today_shows_am_pm_and_reads_it_back(
    qtbot: QtBot,
    qapp: QApplication,
    store: DiaryStore,
    clock: FakeClock,
    settings: QSettings,
) -> None:
    window = twelve_hour_window(qtbot, qapp, store, clock, settings)
    view = window.today_view
    assert view.check_in_panel.time_edit.text() == "9:30 am"
    click_choice(qtbot, view.check_in_panel.inputs["mood"], 5)
    sleep = view.sleep_panel
    qtbot.mouseClick(sleep.full_radio, Qt.MouseButton.LeftButton)
    for key, text in {
        "into_bed": "11:15 pm",
        "tried_to_sleep": "11:30PM",
        "final_awakening": "6 am",
        "out_of_bed": "7:05 am",
    }.items():
        qtbot.keyClicks(sleep.clock_edits[key], text)
    save(qtbot, window)

    assert "Saved at 9:30 am." in view.banner.text()
    assert view.banner.kind is BannerKind.SUCCESS
    saved = store.day_record(TODAY).sleep
    assert saved is not None
    assert (saved.into_bed, saved.tried_to_sleep) == (time(23, 15), time(23, 30))
    assert (saved.final_awakening, saved.out_of_bed) == (time(6, 0), time(7, 5))
    assert chips(window) == ["9:30 am · mood 5"]
    view.move_days(-1)
    view.move_days(1)  # shown again from the diary
    shown = {key: edit.text() for key, edit in sleep.clock_edits.items()}
    assert shown == {
        "into_bed": "11:15 pm",
        "tried_to_sleep": "11:30 pm",
        "final_awakening": "6:00 am",
        "out_of_bed": "7:05 am",
    }


def test_with_12_hour_an_impossible_night_names_its_times_that_way(
    qtbot: QtBot,
    qapp: QApplication,
    store: DiaryStore,
    clock: FakeClock,
    settings: QSettings,
) -> None:
    window = twelve_hour_window(qtbot, qapp, store, clock, settings)
    sleep = window.today_view.sleep_panel
    qtbot.mouseClick(sleep.full_radio, Qt.MouseButton.LeftButton)
    for key, text in {
        "into_bed": "11 pm",
        "tried_to_sleep": "11:10 pm",
        "final_awakening": "7:30 am",
        "out_of_bed": "7 am",
    }.items():
        qtbot.keyClicks(sleep.clock_edits[key], text)
    assert sleep.measures_label.text().startswith("⚠ The time you got out of bed (7:00 am)")
    save(qtbot, window)
    assert "got out of bed (7:00 am) comes before" in window.today_view.banner.text()
    assert store.day_record(TODAY).is_empty
    assert sleep.clock_edits["out_of_bed"].text() == "7 am"  # what was typed stays
