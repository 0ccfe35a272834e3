"""moodlog's own export brought in from the window (File › Import from another app…): what
the export holds, merge or replace (the diary copied aside first), the window showing the
new data, and refusals that leave the diary as it was."""

import json
from collections.abc import Iterator
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QRadioButton
from pytestqt.qtbot import QtBot

from moodlog.domain.check_in import CheckIn
from moodlog.domain.day_entry import DayEntry
from moodlog.storage.database import open_database
from moodlog.storage.diary_store import DiaryStore
from moodlog.storage.diary_transfer import dump_export, export_json
from moodlog.ui import dialogs
from moodlog.ui.import_dialog import NO_FILE_TO_REPLACE, ImportDialog
from moodlog.ui.main_window import MainWindow
from tests.reports.known_diary import build_known_diary
from tests.ui.conftest import FakeClock

MINE = "Mine, written before the import"
TODAY = date(2026, 11, 21)


def rows(store: DiaryStore, table: str, now: datetime) -> list[list[Any]]:
    return list(export_json(store, now)["tables"][table]["rows"])


@pytest.fixture
def document(tmp_path: Path, now: datetime) -> dict[str, Any]:
    """The export of a filled diary (the report tests' known diary)."""
    source = tmp_path / "source.sqlite"
    build_known_diary(source)
    store = DiaryStore(open_database(source, now))
    try:
        return export_json(store, now)
    finally:
        store.close()


@pytest.fixture
def chosen(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, document: dict[str, Any]) -> Path:
    """The export written to a file, and the file chooser answering with it."""
    path = tmp_path / "moodlog-export.json"
    path.write_text(dump_export(document), encoding="utf-8")
    monkeypatch.setattr(dialogs, "ask_open_path", lambda *_args: path)
    return path


@pytest.fixture
def diary_path(tmp_path: Path) -> Path:
    folder = tmp_path / "diary"
    folder.mkdir()
    return folder / "moodlog.sqlite"


@pytest.fixture
def file_store(diary_path: Path, now: datetime) -> Iterator[DiaryStore]:
    """A diary in a file, holding one check-in of its own today."""
    store = DiaryStore(open_database(diary_path, now))
    store.save_day(
        DayEntry(TODAY, CheckIn(datetime.combine(TODAY, time(8)), {"mood": 6}, MINE)), now
    )
    yield store
    store.close()


@pytest.fixture
def file_window(
    qtbot: QtBot, file_store: DiaryStore, clock: FakeClock, settings: QSettings, diary_path: Path
) -> MainWindow:
    win = MainWindow(file_store, clock, settings, diary_path)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    return win


def open_import(window: MainWindow) -> ImportDialog:
    (action,) = [a for a in window.file_menu.actions() if "Import from another app" in a.text()]
    action.trigger()
    (dialog,) = window.findChildren(ImportDialog)
    return dialog


def choose(qtbot: QtBot, dialog: ImportDialog) -> None:
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)


def click_choice(qtbot: QtBot, choice: QRadioButton) -> None:
    """Click the round mark at the choice's left (the row is wider than its text)."""
    qtbot.mouseClick(choice, Qt.MouseButton.LeftButton, pos=QPoint(8, choice.height() // 2))


def shown_medications(window: MainWindow) -> list[str]:
    return [m.name for m in window.today_view.adherence_panel.medications.values()]


def test_the_export_is_described_and_merged(
    qtbot: QtBot,
    file_window: MainWindow,
    file_store: DiaryStore,
    document: dict[str, Any],
    chosen: Path,
    diary_path: Path,
    now: datetime,
) -> None:
    dialog = open_import(file_window)
    choose(qtbot, dialog)
    check_ins = len(document["tables"]["check_ins"]["rows"])
    summary = dialog.summary_label.text().splitlines()
    assert summary[0] == "Format: moodlog export (JSON)"
    assert summary[1] == f"Exported on 21 Nov 2026 at 09:30 by moodlog {document['app_version']}."
    assert summary[2].startswith(f"It holds {check_ins} check-ins, ")
    assert "1 medication" in summary[2]
    assert "drafts" not in summary[2]
    assert dialog.export_box.isVisible()
    assert dialog.merge_choice.isChecked()
    assert dialog.replace_choice.isEnabled()
    assert str(diary_path.parent) in dialog.replace_note.text()
    assert dialog.import_button.isEnabled()
    assert len(rows(file_store, "check_ins", now)) == 1  # nothing written before Import
    assert shown_medications(file_window) == []

    with qtbot.waitSignal(dialog.whole_diary_changed):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    stored = rows(file_store, "check_ins", now)
    assert len(stored) == check_ins + 1
    assert [c.note for c in file_store.day_record(TODAY).check_ins] == [MINE]
    assert [m.name for m in file_store.treatments.medications()] == ["Sertraline"]
    banner = dialog.banner.label.text()
    assert "Added " in banner
    assert "from the export of 21 Nov 2026, 09:30." in banner
    assert "kept in" not in banner
    assert not [p for p in diary_path.parent.iterdir() if "before-import" in p.name]
    assert not dialog.import_button.isEnabled()  # choose the file again to import again
    # The window shows the imported data: today's medicines, and the days in History.
    assert shown_medications(file_window) == ["Sertraline"]
    file_window.show_history()
    assert file_window.history_view.model.rowCount() >= 20

    # The same export again adds nothing.
    choose(qtbot, dialog)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert "Nothing new to add" in dialog.banner.label.text()
    assert rows(file_store, "check_ins", now) == stored


def test_replace_copies_the_diary_aside_first(
    qtbot: QtBot,
    file_window: MainWindow,
    file_store: DiaryStore,
    document: dict[str, Any],
    chosen: Path,
    diary_path: Path,
    now: datetime,
    confirmations: list[str],
) -> None:
    dialog = open_import(file_window)
    choose(qtbot, dialog)
    click_choice(qtbot, dialog.replace_choice)
    assert dialog.replace_choice.isChecked()
    with qtbot.waitSignal(dialog.whole_diary_changed):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert confirmations == ["Replace your diary?"]
    # The diary is now exactly the export: today's own check-in is gone.
    assert export_json(file_store, now)["tables"] == document["tables"]
    assert file_store.day_record(TODAY).check_ins == []
    # ... and the diary as it was is kept next to it, owner-only, with that check-in.
    kept = diary_path.with_name("moodlog.before-import-20261121-093000.sqlite")
    assert dialog.kept_copy == kept
    assert kept.stat().st_mode & 0o777 == 0o600
    copy = DiaryStore(open_database(kept, now))
    try:
        assert [c.note for c in copy.day_record(TODAY).check_ins] == [MINE]
    finally:
        copy.close()
    banner = dialog.banner.label.text()
    assert "Your diary now holds the export of 21 Nov 2026, 09:30: " in banner
    assert banner.endswith(f"Your diary as it was is kept in {kept}.")
    assert shown_medications(file_window) == ["Sertraline"]


@pytest.mark.parametrize(
    ("spoil", "message"),
    [
        (
            lambda d: d["tables"]["check_ins"]["rows"][0].pop(),
            "⚠ This moodlog export is damaged (row 1 of “check_ins” has the wrong number of "
            "values).",
        ),
        (
            lambda d: d.update(format_version=99),
            "⚠ This export was made by a newer moodlog (export format 99;",
        ),
    ],
    ids=["damaged", "newer"],
)
def test_an_export_it_cannot_import_is_refused_with_the_diary_unchanged(
    qtbot: QtBot,
    file_window: MainWindow,
    file_store: DiaryStore,
    document: dict[str, Any],
    chosen: Path,
    now: datetime,
    spoil: Any,
    message: str,
) -> None:
    spoil(document)
    chosen.write_text(json.dumps(document), encoding="utf-8")
    before = export_json(file_store, now)
    dialog = open_import(file_window)
    choose(qtbot, dialog)
    assert dialog.summary_label.text().startswith(message)
    assert dialog.summary_label.text().endswith("Your diary has not changed.")
    assert not dialog.export_box.isVisible()
    assert not dialog.import_button.isEnabled()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert export_json(file_store, now) == before


def test_a_diary_in_memory_can_merge_but_not_replace(
    qtbot: QtBot, window: MainWindow, store: DiaryStore, chosen: Path, now: datetime
) -> None:
    dialog = open_import(window)
    choose(qtbot, dialog)
    assert not dialog.replace_choice.isEnabled()
    assert dialog.replace_note.text() == NO_FILE_TO_REPLACE
    click_choice(qtbot, dialog.replace_choice)
    assert dialog.merge_choice.isChecked()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert [m.name for m in store.treatments.medications()] == ["Sertraline"]
    assert rows(store, "check_ins", now)
