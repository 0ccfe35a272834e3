"""The welcome for a new diary: shown once, says where the diary is, every step skippable."""

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QPushButton
from pytestqt.qtbot import QtBot

from moodlog.domain.check_in import CheckIn
from moodlog.domain.day_entry import DayEntry
from moodlog.storage.database import open_database
from moodlog.storage.diary_store import DiaryStore
from moodlog.ui.first_run import FirstRunDialog
from moodlog.ui.import_dialog import ImportDialog
from moodlog.ui.main_window import MainWindow
from moodlog.ui.medication_dialog import MedicationDialog
from moodlog.ui.settings_dialog import SettingsDialog
from tests.ui.conftest import FakeClock

Key = Qt.Key
LEFT = Qt.MouseButton.LeftButton
WELCOME = "Welcome to moodlog"
MEDICATIONS = "Your current medications"
REMINDER = "A gentle reminder"
IMPORT = "Bring your history with you"
READY = "You are ready"


@pytest.fixture
def diary_path(tmp_path: Path) -> Path:
    return tmp_path / "diaries" / "moodlog.sqlite"


@pytest.fixture
def file_store(diary_path: Path) -> Iterator[DiaryStore]:
    store = DiaryStore(open_database(diary_path))
    yield store
    store.close()


def make_window(
    qtbot: QtBot, store: DiaryStore, clock: FakeClock, settings: QSettings, path: Path
) -> MainWindow:
    window = MainWindow(store, clock, settings, path)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def new_diary_window(
    qtbot: QtBot, file_store: DiaryStore, clock: FakeClock, settings: QSettings, diary_path: Path
) -> MainWindow:
    return make_window(qtbot, file_store, clock, settings, diary_path)


def welcome(qtbot: QtBot, window: MainWindow) -> FirstRunDialog:
    dialog = window.offer_first_run()
    assert isinstance(dialog, FirstRunDialog)
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def go_to(qtbot: QtBot, dialog: FirstRunDialog, heading: str) -> None:
    while dialog.current_heading() != heading:
        qtbot.mouseClick(dialog.skip_button, LEFT)


def texts(dialog: FirstRunDialog) -> str:
    from PySide6.QtWidgets import QLabel

    return "\n".join(label.text() for label in dialog.findChildren(QLabel))


def test_a_new_diary_is_welcomed_once_and_told_where_it_is(
    qtbot: QtBot,
    new_diary_window: MainWindow,
    file_store: DiaryStore,
    clock: FakeClock,
    settings: QSettings,
    diary_path: Path,
) -> None:
    dialog = welcome(qtbot, new_diary_window)
    assert dialog.isVisible()
    assert dialog.current_heading() == WELCOME
    assert dialog.path_label.text() == str(diary_path)
    assert diary_path.exists()  # the very file the window writes to
    words = texts(dialog)
    assert "Nothing you write leaves this computer" in words
    assert "does not diagnose and does not give advice" in words
    qtbot.keyClick(dialog, Key.Key_Escape)
    assert not dialog.isVisible()

    assert new_diary_window.offer_first_run() is None  # once
    settings.sync()
    again = QSettings(settings.fileName(), QSettings.Format.IniFormat)
    later = make_window(qtbot, file_store, clock, again, diary_path)
    assert later.offer_first_run() is None  # and not after a restart


def test_a_diary_that_already_has_days_is_never_welcomed(
    qtbot: QtBot, new_diary_window: MainWindow, file_store: DiaryStore, now: datetime
) -> None:
    file_store.save_day(DayEntry(now.date(), CheckIn(now, {"mood": 5})), now)
    assert new_diary_window.offer_first_run() is None
    assert new_diary_window.findChild(FirstRunDialog) is None


def test_every_step_can_be_skipped_and_nothing_is_added(
    qtbot: QtBot, new_diary_window: MainWindow, file_store: DiaryStore
) -> None:
    dialog = welcome(qtbot, new_diary_window)
    assert dialog.page_headings() == [WELCOME, IMPORT, MEDICATIONS, REMINDER, READY]
    seen = []
    while dialog.isVisible():
        seen.append((dialog.current_heading(), dialog.skip_button.text().replace("&", "")))
        assert dialog.not_now_button.isVisible() == (dialog.current_heading() != READY)
        qtbot.mouseClick(dialog.skip_button, LEFT)
    assert seen == [
        (WELCOME, "Next"),
        (IMPORT, "Skip"),
        (MEDICATIONS, "Skip"),
        (REMINDER, "Skip"),
        (READY, "Start"),
    ]
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert file_store.treatments.medications() == []
    assert new_diary_window.findChild(MedicationDialog) is None
    assert new_diary_window.findChild(SettingsDialog) is None
    assert new_diary_window.findChild(ImportDialog) is None


@pytest.mark.parametrize("heading", [WELCOME, IMPORT, MEDICATIONS, REMINDER])
@pytest.mark.parametrize("how", ["Not now", "Esc"])
def test_not_now_and_esc_close_it_from_any_page(
    qtbot: QtBot, new_diary_window: MainWindow, heading: str, how: str
) -> None:
    dialog = welcome(qtbot, new_diary_window)
    go_to(qtbot, dialog, heading)
    if how == "Esc":
        qtbot.keyClick(dialog, Key.Key_Escape)
    else:
        qtbot.mouseClick(dialog.not_now_button, LEFT)
    assert not dialog.isVisible()
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert new_diary_window.offer_first_run() is None


def test_back_returns_to_the_page_before(qtbot: QtBot, new_diary_window: MainWindow) -> None:
    dialog = welcome(qtbot, new_diary_window)
    assert not dialog.back_button.isVisible()
    qtbot.keyClick(dialog, Key.Key_Return)  # Enter goes on
    assert dialog.current_heading() == IMPORT
    qtbot.mouseClick(dialog.back_button, LEFT)
    assert dialog.current_heading() == WELCOME


def test_add_a_medication_stores_it_and_the_welcome_goes_on(
    qtbot: QtBot, new_diary_window: MainWindow, file_store: DiaryStore
) -> None:
    dialog = welcome(qtbot, new_diary_window)
    go_to(qtbot, dialog, MEDICATIONS)
    button = dialog.action_buttons[MEDICATIONS]
    assert button.hasFocus()
    qtbot.keyClick(button, Key.Key_Return)  # Enter goes on, even from the focused offer
    assert dialog.current_heading() != MEDICATIONS
    assert new_diary_window.findChild(MedicationDialog) is None
    qtbot.mouseClick(dialog.back_button, LEFT)
    assert dialog.current_heading() == MEDICATIONS
    qtbot.mouseClick(button, LEFT)
    medication = new_diary_window.findChild(MedicationDialog)
    assert isinstance(medication, MedicationDialog)
    qtbot.waitExposed(medication)
    assert new_diary_window.tabs.currentWidget() is new_diary_window.treatment_view.parentWidget()
    qtbot.keyClicks(medication.name_edit, "Vitamin D")
    medication.dose_spin.setFocus()
    medication.dose_spin.selectAll()
    qtbot.keyClicks(medication.dose_spin, "1000")
    ok = medication.button_box.button(QDialogButtonBox.StandardButton.Ok)
    assert isinstance(ok, QPushButton)
    qtbot.mouseClick(ok, LEFT)
    assert [m.name for m in file_store.treatments.medications()] == ["Vitamin D"]
    status = dialog.status_labels[MEDICATIONS]
    assert status.isVisible()
    assert status.text() == "Done. You can do it again, or go on."
    assert dialog.skip_button.text() == "&Next"
    assert dialog.current_heading() == MEDICATIONS


def test_a_cancelled_medication_leaves_nothing_and_says_nothing_was_done(
    qtbot: QtBot, new_diary_window: MainWindow, file_store: DiaryStore
) -> None:
    dialog = welcome(qtbot, new_diary_window)
    go_to(qtbot, dialog, MEDICATIONS)
    qtbot.mouseClick(dialog.action_buttons[MEDICATIONS], LEFT)
    medication = new_diary_window.findChild(MedicationDialog)
    assert isinstance(medication, MedicationDialog)
    medication.reject()
    assert file_store.treatments.medications() == []
    assert not dialog.status_labels[MEDICATIONS].isVisible()


def test_set_a_reminder_opens_the_reminders_in_settings(
    qtbot: QtBot, new_diary_window: MainWindow
) -> None:
    dialog = welcome(qtbot, new_diary_window)
    go_to(qtbot, dialog, REMINDER)
    qtbot.mouseClick(dialog.action_buttons[REMINDER], LEFT)
    settings_dialog = new_diary_window.findChild(SettingsDialog)
    assert isinstance(settings_dialog, SettingsDialog)
    qtbot.waitExposed(settings_dialog)
    assert settings_dialog.tabs.currentWidget() is settings_dialog.reminder_page
    settings_dialog.reject()
    assert dialog.skip_button.text() == "&Next"  # it was looked at; going on is not skipping


def test_import_opens_the_import_dialog(qtbot: QtBot, new_diary_window: MainWindow) -> None:
    dialog = welcome(qtbot, new_diary_window)
    go_to(qtbot, dialog, IMPORT)
    qtbot.mouseClick(dialog.action_buttons[IMPORT], LEFT)
    importer = new_diary_window.findChild(ImportDialog)
    assert isinstance(importer, ImportDialog)
    qtbot.waitExposed(importer)
    importer.reject()
    assert dialog.current_heading() == IMPORT
    assert dialog.skip_button.text() == "&Next"


def test_a_step_the_app_cannot_offer_is_left_out(qtbot: QtBot) -> None:
    asked: list[str] = []

    def import_history() -> None:
        asked.append("import")

    dialog = FirstRunDialog(None, import_history=import_history, add_medication=lambda: None)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    assert dialog.page_headings() == [WELCOME, IMPORT, MEDICATIONS, READY]
    assert dialog.path_label.text() == (
        "This diary is held in memory only and is not saved to a file."
    )
    qtbot.mouseClick(dialog.skip_button, LEFT)
    assert dialog.current_heading() == IMPORT
    qtbot.mouseClick(dialog.action_buttons[IMPORT], LEFT)
    assert asked == ["import"]
