"""The import dialog, driven like a person would: choose a file, read the preview, place the
moods moodlog doesn't know, import, undo (at once, or later from the list)."""

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from moodlog.storage.diary_store import DiaryStore
from moodlog.ui import dialogs
from moodlog.ui.import_dialog import ImportDialog
from moodlog.ui.main_window import MainWindow
from tests.ui.conftest import FakeClock

DAYLIO = (
    "\ufefffull_date,date,weekday,time,mood,activities,note_title,note\r\n"
    '2026-11-20,Nov 20,Fri,9:00 PM,good,walk,,"A long, ""quiet"" day"\r\n'
    "2026-11-19,Nov 19,Thu,08:00,Calm-ish,,,\r\n"
    "2026-11-18,Nov 18,Wed,26:00,good,,,\r\n"
)


def stored(store: DiaryStore) -> list[tuple[int | None, str]]:
    days = [date(2026, 11, 19), date(2026, 11, 20)]
    return [(c.mood, c.note) for d in days for c in store.day_record(d).check_ins]


def banner_button(dialog: ImportDialog, text: str) -> QPushButton:
    (button,) = [b for b in dialog.banner.findChildren(QPushButton) if b.text() == text]
    return button


@pytest.fixture
def export(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "daylio_export.csv"
    path.write_text(DAYLIO, encoding="utf-8")
    monkeypatch.setattr(dialogs, "ask_open_path", lambda *_args: path)
    return path


@pytest.fixture
def dialog(qtbot: QtBot, store: DiaryStore, clock: FakeClock) -> ImportDialog:
    opened = ImportDialog(store, clock)
    qtbot.addWidget(opened)
    opened.open()
    qtbot.waitExposed(opened)
    return opened


def test_preview_mapping_import_and_undo(
    qtbot: QtBot, dialog: ImportDialog, store: DiaryStore, export: Path
) -> None:
    assert dialog.batches_heading.text() == "No earlier imports."
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    summary = dialog.summary_label.text()
    assert "Format: Daylio CSV (header of about 2021 on, with note titles)" in summary
    assert "Found 2 check-ins, 19 Nov 2026 – 20 Nov 2026." in summary
    assert "Moods: good → 8." in summary
    assert dialog.problems_list.isVisible()
    assert dialog.problems_list.item(0).text() == 'Line 4: the time "26:00" is not a clock time'
    # One name to place, and the problem row to agree to leave out: Import waits for both.
    assert list(dialog.mood_combos) == ["Calm-ish"]
    assert dialog.mapping_box.isVisible()
    assert not dialog.import_button.isEnabled()
    combo = dialog.mood_combos["Calm-ish"]
    combo.setFocus()
    for _ in range(5):  # Choose…, 10, 9, 8, 7, 6
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText() == "6 · Somewhat good"
    assert not dialog.import_button.isEnabled()
    dialog.skip_problems.setFocus()
    qtbot.keyClick(dialog.skip_problems, Qt.Key.Key_Space)
    assert dialog.skip_problems.isChecked()
    assert dialog.import_button.isEnabled()
    assert stored(store) == []  # nothing written before Import

    with qtbot.waitSignal(dialog.diary_changed):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert stored(store) == [(6, ""), (8, 'A long, "quiet" day\nActivities: walk')]
    assert "Imported 2 check-ins from daylio_export.csv" in dialog.banner.label.text()
    assert dialog.batch_list.count() == 1
    assert "Daylio CSV · daylio_export.csv · 2 check-ins" in dialog.batch_list.item(0).text()
    assert not dialog.import_button.isEnabled()  # the same preview can't go in twice
    # The finished preview's choices step aside, so the outcome has room (nothing squashed).
    assert not dialog.mapping_box.isVisible()
    assert not dialog.problems_list.isVisible()
    assert not dialog.skip_problems.isVisible()

    with qtbot.waitSignal(dialog.diary_changed):
        qtbot.mouseClick(banner_button(dialog, "&Undo this import"), Qt.MouseButton.LeftButton)
    assert stored(store) == []
    assert store.imports.batches() == []
    assert "Undone: the 2 check-ins imported from daylio_export.csv" in dialog.banner.label.text()
    assert dialog.batches_heading.text() == "No earlier imports."


def test_remembered_names_need_no_mapping_and_past_imports_can_be_undone(
    qtbot: QtBot, dialog: ImportDialog, store: DiaryStore, export: Path, confirmations: list[str]
) -> None:
    export.write_text(DAYLIO.replace("26:00", "07:00"), encoding="utf-8")
    dialog.load_file(export)
    dialog.mood_combos["Calm-ish"].setCurrentIndex(dialog.mood_combos["Calm-ish"].findData(3))
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert len(stored(store)) == 2

    # A newer export: Calm-ish is remembered, so there is nothing to place.
    export.write_text(DAYLIO.replace("26:00", "07:30"), encoding="utf-8")
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    assert dialog.mood_combos == {}
    assert not dialog.mapping_box.isVisible()
    assert "Calm-ish → 3" in dialog.summary_label.text()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert "2 rows were already in your diary." in dialog.banner.label.text()
    assert dialog.batch_list.count() == 2

    dialog.batch_list.setCurrentRow(1)  # the older import (newest first)
    qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    assert confirmations == ["Undo this import?"]
    assert dialog.batch_list.count() == 1
    # The older import's two check-ins are gone; the newer one's own row stays.
    assert [c.mood for c in store.day_record(date(2026, 11, 18)).check_ins] == [8]
    assert stored(store) == []


def test_an_unknown_spreadsheet_gets_a_column_step(
    qtbot: QtBot, dialog: ImportDialog, store: DiaryStore, tmp_path: Path
) -> None:
    path = tmp_path / "mine.csv"
    path.write_text("When,Score,Comment\n2026-11-19,5,fine\n2026-11-20,1,\n", encoding="utf-8")
    dialog.load_file(path)
    assert dialog.columns_box.isVisible()
    assert "doesn't recognise mine.csv" in dialog.summary_label.text()
    assert dialog.date_column.currentText() == "When"  # guessed from the names
    assert dialog.mood_column.currentText() == "Score"
    assert not dialog.import_button.isEnabled()
    qtbot.mouseClick(dialog.columns_button, Qt.MouseButton.LeftButton)
    assert "Found 2 check-ins" in dialog.summary_label.text()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert stored(store) == [(10, "fine"), (0, "")]


def test_damaged_and_foreign_files_are_explained(
    dialog: ImportDialog, store: DiaryStore, tmp_path: Path
) -> None:
    path = tmp_path / "backup.emoods"
    path.write_bytes(b"PK\x03\x04 cut short")
    dialog.load_file(path)
    assert dialog.summary_label.text().startswith("⚠ moodlog doesn't recognise backup.emoods")
    path.write_text('{"format": "moodlog", "tables": {}}', encoding="utf-8")
    dialog.load_file(path)
    assert "This moodlog export is damaged" in dialog.summary_label.text()
    assert not dialog.export_box.isVisible()
    assert not dialog.import_button.isEnabled()
    assert store.imports.batches() == []


def test_the_file_menu_opens_it(qtbot: QtBot, window: MainWindow) -> None:
    (action,) = [a for a in window.file_menu.actions() if "Import from another app" in a.text()]
    action.trigger()
    dialogs_open = window.findChildren(ImportDialog)
    assert len(dialogs_open) == 1
    assert dialogs_open[0].isVisible()
    dialogs_open[0].close()
