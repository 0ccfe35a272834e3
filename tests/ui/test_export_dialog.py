"""The export dialog over the real window: reached from File › Export my diary…, JSON or
CSV chosen by clicking, the file chooser replaced (dialogs.ask_save_path), and what the
person sees: where the file went, that it is not protected, and a problem said inline."""

import json
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from moodlog.domain.check_in import CheckIn
from moodlog.domain.day_entry import DayEntry
from moodlog.storage.diary_store import DiaryStore
from moodlog.storage.diary_transfer import parse_export
from moodlog.ui import dialogs
from moodlog.ui.export_dialog import NOT_PROTECTED, ExportDialog
from moodlog.ui.main_window import MainWindow
from tests.ui.test_accessibility import unnamed_controls
from tests.ui.test_medication_dialogs import mnemonics

NOTE = 'Tired, "heavy" day,\nbetter later'
FORMULA = "=SUM(A1:A9)"


class SaveAnswers:
    """Stands in for the file dialog: answers ``path`` and records what it was offered."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.offered: list[tuple[Path, str]] = []

    def __call__(self, _parent: object, _title: str, suggested: Path, filter: str) -> Path | None:
        self.offered.append((suggested, filter))
        return self.path


def open_from_menu(qtbot: QtBot, window: MainWindow) -> ExportDialog:
    """File › Export my diary…; waits until the dialog has the keyboard."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    actions = {a.text(): a for a in window.file_menu.actions()}
    actions["&Export my diary…"].trigger()
    dialog = window.findChild(ExportDialog)
    assert isinstance(dialog, ExportDialog)
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


@pytest.fixture
def written(store: DiaryStore, now: datetime) -> DiaryStore:
    day = date(2026, 11, 20)
    store.save_day(DayEntry(day, CheckIn(datetime(2026, 11, 20, 9), {"mood": 4}, NOTE)), now)
    store.save_day(DayEntry(day, CheckIn(datetime(2026, 11, 20, 21), {"mood": 5}, FORMULA)), now)
    return store


def test_the_whole_diary_is_exported_as_json(
    qtbot: QtBot,
    window: MainWindow,
    written: DiaryStore,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    answers = SaveAnswers(tmp_path / "my diary")  # no suffix typed: .json is added
    monkeypatch.setattr(dialogs, "ask_save_path", answers)
    dialog = open_from_menu(qtbot, window)
    assert dialog.json_radio.isChecked()
    assert dialog.privacy_label.text() == NOT_PROTECTED
    assert dialog.privacy_label.isVisible()
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)

    out = tmp_path / "my diary.json"
    assert answers.offered[0][1] == "moodlog export (*.json)"
    assert answers.offered[0][0].name == "moodlog diary 2026-11-21.json"
    document = parse_export(out.read_bytes())
    rows = document["tables"]["check_ins"]["rows"]
    assert [row for row in rows if NOTE in row]
    assert out.stat().st_mode & 0o777 == 0o600
    assert dialog.result_label.isVisible()
    assert dialog.result_label.text() == f"Saved. Your diary went to {out}"
    assert dialog.isVisible()  # stays open, saying where it went
    assert not dialog.error_label.isVisible()


def test_the_days_are_exported_as_csv(
    qtbot: QtBot,
    window: MainWindow,
    written: DiaryStore,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    answers = SaveAnswers(tmp_path / "days.csv")
    monkeypatch.setattr(dialogs, "ask_save_path", answers)
    dialog = open_from_menu(qtbot, window)
    qtbot.mouseClick(dialog.csv_radio, Qt.MouseButton.LeftButton)
    assert dialog.csv_radio.isChecked()
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # Enter exports

    assert answers.offered[0][1] == "CSV files (*.csv)"
    text = (tmp_path / "days.csv").read_bytes().decode("utf-8-sig")
    assert '"Tired, ""heavy"" day,\nbetter later"' in text  # quoted, quotes doubled
    assert ",'=SUM(A1:A9)," in text  # a formula is shown as text, never run
    assert "\n=SUM" not in text
    assert (
        dialog.result_label.text() == f"Saved. Your daily entries went to {tmp_path / 'days.csv'}"
    )


def test_cancelling_the_file_chooser_writes_nothing(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dialogs, "ask_save_path", SaveAnswers(None))
    dialog = open_from_menu(qtbot, window)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert [p for p in tmp_path.iterdir() if p.suffix in (".json", ".csv")] == []
    assert not dialog.result_label.isVisible()
    assert dialog.isVisible()


def test_a_place_that_cannot_be_written_is_said_inline(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    missing = tmp_path / "gone" / "diary.json"
    monkeypatch.setattr(dialogs, "ask_save_path", SaveAnswers(missing))
    dialog = open_from_menu(qtbot, window)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.error_label.isVisible()
    assert dialog.error_label.text() == (
        f"⚠ The folder {missing.parent} doesn't exist; create it or choose another."
    )
    assert not dialog.result_label.isVisible()
    # Another try, somewhere that works, clears the problem.
    monkeypatch.setattr(dialogs, "ask_save_path", SaveAnswers(tmp_path / "d.json"))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert not dialog.error_label.isVisible()
    assert json.loads((tmp_path / "d.json").read_text())["format"] == "moodlog"


def test_the_dialog_is_reachable_by_keyboard_and_named(qtbot: QtBot, window: MainWindow) -> None:
    dialog = open_from_menu(qtbot, window)
    assert unnamed_controls(dialog) == []
    letters = mnemonics(dialog)
    assert len(letters) == len(set(letters)), letters
    # Alt+letter reaches each choice (a mnemonic clicks animated: it takes a moment).
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(dialog.csv_radio.isChecked)
    qtbot.keyClick(dialog, Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(dialog.json_radio.isChecked)
