"""The reminders page: what is ticked and typed is stored at once (isolated QSettings), read
back the next time, reaches the running reminders, and writes the autostart entry."""

from datetime import date, datetime, time
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QDateTimeEdit, QTimeEdit, QWidget
from pytestqt.qtbot import QtBot

from moodlog.domain.medications import DoseStep, Medication
from moodlog.domain.reminder_schedule import MedicationReminder, ReminderSettings
from moodlog.storage.diary_store import DiaryStore
from moodlog.ui.main_window import MainWindow
from moodlog.ui.reminder_preferences import ReminderPreferences
from moodlog.ui.reminder_settings_dialog import ReminderSettingsDialog
from moodlog.ui.reminder_settings_page import ReminderSettingsPage
from moodlog.ui.reminder_tray import ReminderTray
from tests.ui.conftest import FakeClock
from tests.ui.test_accessibility import unnamed_controls


@pytest.fixture(autouse=True)
def autostart_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Never the real ~/.config/autostart."""
    config = tmp_path / "config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    return config / "autostart" / "moodlog.desktop"


def open_from_menu(qtbot: QtBot, window: MainWindow) -> ReminderSettingsDialog:
    view_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    action = next(a for a in view_menu.actions() if a.text() == "&Reminders…")
    action.trigger()
    dialog = window.findChild(ReminderSettingsDialog)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def type_time(qtbot: QtBot, edit: QTimeEdit, text: str) -> None:
    """Type over the time as a person would: focus it, then the digits from the hour on."""
    edit.window().activateWindow()
    qtbot.waitUntil(edit.window().isActiveWindow)
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    edit.setSelectedSection(QDateTimeEdit.Section.HourSection)
    qtbot.keyClicks(edit, text)


def click(qtbot: QtBot, widget: QWidget) -> None:
    """Click a button, or a tick box on its box (its far end is not part of it)."""
    if isinstance(widget, QCheckBox):
        where = QPoint(8, widget.height() // 2)
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=where)
    else:
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def add_medication(store: DiaryStore, now: datetime, name: str = "Sertraline") -> int:
    medication = store.treatments.add_medication(
        Medication(name, date(2026, 9, 1), (DoseStep(date(2026, 9, 1), 50.0),)), now
    )
    assert medication.id is not None
    return medication.id


def test_choices_are_stored_at_once_and_read_back(
    qtbot: QtBot, window: MainWindow, settings: QSettings
) -> None:
    dialog = open_from_menu(qtbot, window)
    page = dialog.page
    assert not page.check_in_time.isEnabled()  # off until ticked
    click(qtbot, page.check_in_box)
    assert page.check_in_time.isEnabled()
    type_time(qtbot, page.check_in_time, "2115")
    click(qtbot, page.questionnaire_box)
    assert settings.value("reminders/check_in") == "true"
    assert settings.value("reminders/check_in_time") == "21:15"
    assert settings.value("reminders/questionnaires") == "true"
    chosen = ReminderPreferences(settings).load()
    assert chosen == ReminderSettings(
        check_in=True,
        check_in_time=time(21, 15),
        questionnaires=True,
        questionnaire_time=time(10, 0),
    )
    click(qtbot, dialog.button_box.buttons()[0])  # Close
    again = open_from_menu(qtbot, window).page
    assert again.check_in_box.isChecked()
    assert again.check_in_time.time().toString("HH:mm") == "21:15"
    assert again.questionnaire_box.isChecked()


def test_every_control_has_a_name_and_times_have_labels(
    qtbot: QtBot, window: MainWindow, store: DiaryStore, now: datetime
) -> None:
    add_medication(store, now)
    page = open_from_menu(qtbot, window).page
    page.check_in_box.setChecked(True)
    page.questionnaire_box.setChecked(True)
    page.dose_rows[0].check.setChecked(True)
    assert unnamed_controls(page) == []
    assert page.check_in_time.accessibleName() == "Check-in reminder time"
    assert page.dose_rows[0].edits[0].accessibleName() == "Sertraline: reminder time 1"


def test_medication_times_by_keyboard_and_mouse(
    qtbot: QtBot, window: MainWindow, store: DiaryStore, now: datetime, settings: QSettings
) -> None:
    sertraline = add_medication(store, now)
    add_medication(store, now, "Lithium")
    page = open_from_menu(qtbot, window).page
    row = page.dose_rows[0]
    assert row.name == "Sertraline"
    assert not row.edits[0].isVisible()  # unticked: no times in the way
    click(qtbot, row.check)
    assert row.edits[0].isVisible()
    type_time(qtbot, row.edits[0], "0730")
    click(qtbot, row.add_button)
    assert [e.time().toString("HH:mm") for e in row.edits] == ["07:30", "08:00"]
    assert QApplication.focusWidget() is row.edits[1]
    type_time(qtbot, row.edits[1], "1945")
    assert settings.value(f"reminders/medications/{sertraline}") == "07:30 19:45"
    click(qtbot, row.remove_buttons[0])
    assert [e.time().toString("HH:mm") for e in row.edits] == ["19:45"]
    assert row.edits[0].accessibleName() == "Sertraline: reminder time 1"
    assert not row.remove_buttons[0].isEnabled()  # one time stays while ticked
    assert ReminderPreferences(settings).load().medications == (
        MedicationReminder(sertraline, (time(19, 45),)),
    )
    click(qtbot, row.check)  # unticked: the reminder goes
    assert ReminderPreferences(settings).load().medications == ()


def test_a_stored_medication_reminder_shows_ticked(
    qtbot: QtBot, window: MainWindow, store: DiaryStore, now: datetime, settings: QSettings
) -> None:
    sertraline = add_medication(store, now)
    ReminderPreferences(settings).save(
        ReminderSettings(medications=(MedicationReminder(sertraline, (time(9, 0), time(21, 0))),))
    )
    row = open_from_menu(qtbot, window).page.dose_rows[0]
    assert row.check.isChecked()
    assert [e.time().toString("HH:mm") for e in row.edits] == ["09:00", "21:00"]


def test_no_medications_says_where_to_add_them(
    qtbot: QtBot, window: MainWindow, settings: QSettings
) -> None:
    page = open_from_menu(qtbot, window).page
    assert page.dose_rows == []
    assert "Add them on the Treatment tab" in "".join(
        label.text() for label in page.findChildren(type(page.error_label))
    )


def test_autostart_is_written_and_removed(
    qtbot: QtBot, window: MainWindow, autostart_file: Path
) -> None:
    entry = autostart_file
    page = open_from_menu(qtbot, window).page
    assert not page.autostart_box.isChecked()
    click(qtbot, page.autostart_box)
    assert entry.is_file()
    exec_line = next(line for line in entry.read_text().splitlines() if line.startswith("Exec="))
    assert "--minimised" in exec_line
    assert page.error_label.isHidden()
    click(qtbot, page.autostart_box)
    assert not entry.exists()


def test_an_autostart_entry_that_cannot_be_written_is_explained(
    qtbot: QtBot, window: MainWindow, settings: QSettings, autostart_file: Path
) -> None:
    autostart_file.parent.parent.mkdir(parents=True)
    autostart_file.parent.write_text("not a folder")  # autostart/ is a file
    page = open_from_menu(qtbot, window).page
    click(qtbot, page.check_in_box)
    click(qtbot, page.autostart_box)
    assert page.error_label.isVisible()
    assert page.error_label.text().startswith("⚠ moodlog couldn't add the start-up entry")
    assert "Your reminders are saved" in page.error_label.text()
    assert ReminderPreferences(settings).load().check_in  # the rest was stored


def test_keep_in_tray_is_stored_only_once_chosen(
    qtbot: QtBot, window: MainWindow, settings: QSettings
) -> None:
    page = ReminderSettingsPage(settings, window, tray_available=True)
    qtbot.addWidget(page)
    page.show()
    click(qtbot, page.check_in_box)
    assert ReminderPreferences(settings).close_to_tray() is None  # still to be asked
    click(qtbot, page.tray_box)
    assert ReminderPreferences(settings).close_to_tray() is True
    click(qtbot, page.tray_box)
    assert ReminderPreferences(settings).close_to_tray() is False


def test_without_a_tray_the_page_says_where_reminders_appear(
    qtbot: QtBot, settings: QSettings
) -> None:
    page = ReminderSettingsPage(settings, tray_available=False)
    qtbot.addWidget(page)
    assert not page.tray_box.isEnabled()
    texts = " ".join(label.text() for label in page.findChildren(type(page.error_label)))
    assert "no system tray: reminders appear inside the moodlog window" in texts


def test_the_running_reminders_hear_of_a_change_at_once(
    qtbot: QtBot,
    window: MainWindow,
    store: DiaryStore,
    clock: FakeClock,
    settings: QSettings,
) -> None:
    tray = ReminderTray(window, store, clock, settings, tray_available=False)
    page = open_from_menu(qtbot, window).page
    click(qtbot, page.check_in_box)
    assert tray.settings.check_in  # without waiting for the timer
    type_time(qtbot, page.check_in_time, "0945")
    assert tray.settings.check_in_time == time(9, 45)
    clock.now = datetime(2026, 11, 21, 9, 45)
    tray.timer.timeout.emit()
    assert "A moment to check in?" in tray.banner.text()
