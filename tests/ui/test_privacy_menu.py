"""File › Encryption… and File › Delete all my data…, driven through the real window over a
diary file: what happens on disk, and what the person sees."""

import hashlib
import json
import sqlite3
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from moodlog.domain.check_in import CheckIn
from moodlog.domain.day_entry import DayEntry
from moodlog.storage.backups import backup_folder
from moodlog.storage.database import copy_aside, open_database
from moodlog.storage.diary_store import DiaryStore
from moodlog.storage.encrypted_connection import SQLITE_HEADER, is_encrypted
from moodlog.storage.errors import WrongPassphrase
from moodlog.ui import dialogs
from moodlog.ui.delete_all_dialog import DONE_TEXT, DeleteAllDialog
from moodlog.ui.encryption_dialog import FORGOTTEN_TEXT, EncryptionDialog
from moodlog.ui.main_window import MainWindow
from tests.ui.conftest import FakeClock

pytest.importorskip("sqlcipher3")

NOTE = "a quiet walk by the canal"
PASSPHRASE = "lanterns in the fog"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def plain_sqlite_cannot_read(path: Path) -> bool:
    conn = sqlite3.connect(path)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError:
        return True
    finally:
        conn.close()
    return False


def write_note(store: DiaryStore, now: datetime) -> None:
    store.save_day(DayEntry(now.date(), CheckIn(now, {"mood": 6}, NOTE)), now)


def notes(store: DiaryStore, now: datetime) -> list[str]:
    return [check_in.note for check_in in store.day_record(now.date()).check_ins]


@pytest.fixture
def diary(tmp_path: Path) -> Path:
    return tmp_path / "diary" / "moodlog.sqlite"


@pytest.fixture
def file_store(diary: Path, now: datetime) -> Iterator[DiaryStore]:
    store = DiaryStore(open_database(diary, now))
    write_note(store, now)
    yield store
    store.close()


@pytest.fixture
def file_window(
    qtbot: QtBot, file_store: DiaryStore, clock: FakeClock, settings: QSettings, diary: Path
) -> MainWindow:
    win = MainWindow(file_store, clock, settings, diary)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def file_action(window: MainWindow, text: str) -> QAction:
    (action,) = [a for a in window.file_menu.actions() if a.text() == text]
    return action


def opened(qtbot: QtBot, window: MainWindow, kind: type[QDialog]) -> QDialog:
    dialog = window.findChild(kind)
    assert isinstance(dialog, kind)
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def click(qtbot: QtBot, button: QWidget) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


# -- Encryption ------------------------------------------------------------------------------


def test_a_diary_in_memory_has_no_encryption_or_delete_all(window: MainWindow) -> None:
    assert not file_action(window, "Encr&yption…").isEnabled()
    assert not file_action(window, "&Delete all my data…").isEnabled()


def test_turning_encryption_on_from_the_file_menu(
    qtbot: QtBot, file_window: MainWindow, file_store: DiaryStore, diary: Path, now: datetime
) -> None:
    file_action(file_window, "Encr&yption…").trigger()
    dialog = opened(qtbot, file_window, EncryptionDialog)
    assert isinstance(dialog, EncryptionDialog)
    assert "not encrypted" in dialog.intro_label.text()
    assert dialog.forgotten_label.isVisible()
    assert FORGOTTEN_TEXT in dialog.forgotten_label.text()
    assert "There is no reset" in FORGOTTEN_TEXT
    assert not dialog.current_edit.isVisible()
    assert dialog.apply_button.text() == "&Encrypt my diary"

    qtbot.keyClicks(dialog.new_edit, PASSPHRASE)
    qtbot.keyClicks(dialog.repeat_edit, PASSPHRASE + "!")
    click(qtbot, dialog.apply_button)
    assert dialog.isVisible()
    assert dialog.error_label.text() == (
        "⚠ The two passphrases are different. Type the same one twice."
    )
    assert dialog.new_edit.text() == PASSPHRASE  # nothing typed is lost
    assert diary.read_bytes().startswith(SQLITE_HEADER)  # nothing changed yet

    qtbot.keyClick(dialog.repeat_edit, Qt.Key.Key_Backspace)
    with qtbot.waitSignal(dialog.accepted):
        click(qtbot, dialog.apply_button)
    assert is_encrypted(diary)
    assert plain_sqlite_cannot_read(diary)
    assert NOTE.encode() not in diary.read_bytes()
    assert sorted(p.name for p in diary.parent.iterdir() if "before" in p.name) == []
    # The window carries on with the same diary, now encrypted.
    assert notes(file_store, now) == [NOTE]
    assert file_window.statusBar().currentMessage().startswith("Your diary is now encrypted.")
    file_store.close()
    reopened = DiaryStore(open_database(diary, now, PASSPHRASE))
    assert notes(reopened, now) == [NOTE]
    reopened.close()


@pytest.fixture
def encrypted_store(diary: Path, now: datetime) -> Iterator[DiaryStore]:
    store = DiaryStore(open_database(diary, now, PASSPHRASE))
    write_note(store, now)
    yield store
    store.close()


def encryption_dialog(
    qtbot: QtBot, store: DiaryStore, diary: Path, clock: FakeClock
) -> EncryptionDialog:
    dialog = EncryptionDialog(store, diary, clock)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def test_a_wrong_current_passphrase_changes_nothing_and_keeps_what_was_typed(
    qtbot: QtBot, encrypted_store: DiaryStore, diary: Path, clock: FakeClock, now: datetime
) -> None:
    before = digest(diary)
    dialog = encryption_dialog(qtbot, encrypted_store, diary, clock)
    assert dialog.intro_label.text() == "Your diary is encrypted with a passphrase."
    assert dialog.change_radio.isChecked()
    qtbot.keyClicks(dialog.current_edit, "lanterns in the mist")
    qtbot.keyClicks(dialog.new_edit, "a brand new one")
    qtbot.keyClicks(dialog.repeat_edit, "a brand new one")
    click(qtbot, dialog.apply_button)
    assert dialog.isVisible()
    assert dialog.error_label.text() == (
        "⚠ That isn't the passphrase this diary has now. Nothing was changed."
    )
    assert dialog.new_edit.text() == "a brand new one"
    assert digest(diary) == before
    assert notes(encrypted_store, now) == [NOTE]  # still open and readable


def test_changing_the_passphrase(
    qtbot: QtBot, encrypted_store: DiaryStore, diary: Path, clock: FakeClock, now: datetime
) -> None:
    dialog = encryption_dialog(qtbot, encrypted_store, diary, clock)
    assert dialog.apply_button.text() == "Change &passphrase"
    qtbot.keyClicks(dialog.current_edit, PASSPHRASE)
    qtbot.keyClicks(dialog.new_edit, "a brand new one")
    qtbot.keyClicks(dialog.repeat_edit, "a brand new one")
    with qtbot.waitSignal(dialog.accepted):
        click(qtbot, dialog.apply_button)
    assert dialog.outcome == "The passphrase is changed. The old one no longer opens the diary."
    write_note(encrypted_store, now)  # the window's store writes on
    encrypted_store.close()
    with pytest.raises(WrongPassphrase):
        open_database(diary, now, PASSPHRASE)
    store = DiaryStore(open_database(diary, now, "a brand new one"))
    assert notes(store, now) == [NOTE, NOTE]
    store.close()


def test_turning_encryption_off_keeps_an_encrypted_copy(
    qtbot: QtBot, encrypted_store: DiaryStore, diary: Path, clock: FakeClock, now: datetime
) -> None:
    dialog = encryption_dialog(qtbot, encrypted_store, diary, clock)
    assert not dialog.off_note.isVisible()
    qtbot.keyClick(dialog, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)  # Turn o&ff
    qtbot.waitUntil(dialog.off_note.isVisible)
    assert "readable by anyone" in dialog.off_note.text()
    assert not dialog.new_edit.isEnabled()
    assert dialog.apply_button.text() == "Turn encryption &off"
    qtbot.keyClicks(dialog.current_edit, PASSPHRASE)
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.current_edit, Qt.Key.Key_Return)
    assert diary.read_bytes().startswith(SQLITE_HEADER)
    (copy,) = diary.parent.glob("moodlog.before-decryption-*.sqlite")
    assert plain_sqlite_cannot_read(copy)
    assert dialog.outcome == (
        f"Encryption is off: the diary file is no longer encrypted. The encrypted copy is "
        f"{copy.name}."
    )
    assert notes(encrypted_store, now) == [NOTE]


# -- Delete all my data ----------------------------------------------------------------------


@pytest.fixture
def told(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """What the person is told in message boxes (title, text)."""
    messages: list[tuple[str, str]] = []
    for name in ("show_info", "show_error"):
        monkeypatch.setattr(
            dialogs, name, lambda _parent, title, text: messages.append((title, text))
        )
    return messages


def delete_dialog(qtbot: QtBot, window: MainWindow) -> DeleteAllDialog:
    file_action(window, "&Delete all my data…").trigger()
    dialog = opened(qtbot, window, DeleteAllDialog)
    assert isinstance(dialog, DeleteAllDialog)
    return dialog


def test_delete_all_offers_an_export_then_deletes_everything_once_delete_is_typed(
    qtbot: QtBot,
    file_window: MainWindow,
    file_store: DiaryStore,
    diary: Path,
    settings: QSettings,
    now: datetime,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    told: list[tuple[str, str]],
) -> None:
    copy_aside(file_store._conn, diary, "before-import", now)
    backups = backup_folder(diary)
    backups.mkdir(mode=0o700)
    (backups / "moodlog-20261120-090000-daily.sqlite").write_bytes(diary.read_bytes())
    settings.setValue("today/scales", "mood")
    settings.sync()
    file_window.today_view.check_in_panel.focus_first()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_7)  # an unsaved edit: a draft
    assert file_window.today_view.has_unsaved_changes

    dialog = delete_dialog(qtbot, file_window)
    assert "It can't be undone" in dialog.intro_label.text()
    assert str(diary) in dialog.path_label.text()
    assert not dialog.delete_button.isEnabled()

    # Export first, to a place the person chooses.
    export = tmp_path / "keep" / "my-diary.json"
    export.parent.mkdir()
    asked: list[Path] = []

    def ask_save_path(_parent: object, _title: str, suggested: Path, _filter: str) -> Path:
        asked.append(suggested)
        return export

    monkeypatch.setattr(dialogs, "ask_save_path", ask_save_path)
    click(qtbot, dialog.export_button)
    assert asked[0].name == "moodlog-export-2026-11-21.json"
    assert NOTE in json.dumps(json.loads(export.read_text()))
    assert dialog.export_note.isVisible()
    assert str(export) in dialog.export_note.text()
    assert "isn't encrypted" in dialog.export_note.text()

    # Only DELETE, in capitals, enables the button.
    qtbot.keyClicks(dialog.confirm_edit, "delete")
    assert not dialog.delete_button.isEnabled()
    dialog.confirm_edit.clear()
    qtbot.keyClicks(dialog.confirm_edit, "DELETE")
    assert dialog.delete_button.isEnabled()
    assert diary.exists()
    with qtbot.waitSignal(dialog.accepted):
        click(qtbot, dialog.delete_button)

    assert sorted(p.name for p in diary.parent.iterdir()) == []
    assert not backups.exists()
    assert export.exists()  # the export the person chose to keep stays
    assert settings.allKeys() == []
    assert told == [("Your data is deleted", DONE_TEXT)]
    assert not file_window.isVisible()  # moodlog closes


def test_cancelling_delete_all_deletes_nothing(
    qtbot: QtBot,
    file_window: MainWindow,
    file_store: DiaryStore,
    diary: Path,
    settings: QSettings,
    now: datetime,
    told: list[tuple[str, str]],
) -> None:
    settings.setValue("today/scales", "mood")
    dialog = delete_dialog(qtbot, file_window)
    qtbot.keyClicks(dialog.confirm_edit, "DELETE")
    with qtbot.waitSignal(dialog.rejected):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert diary.exists()
    assert notes(file_store, now) == [NOTE]
    assert settings.value("today/scales") == "mood"
    assert told == []
    assert file_window.isVisible()


def test_enter_deletes_only_once_delete_is_typed(
    qtbot: QtBot, file_window: MainWindow, diary: Path, told: list[tuple[str, str]]
) -> None:
    dialog = delete_dialog(qtbot, file_window)
    qtbot.keyClicks(dialog.confirm_edit, "yes")
    qtbot.keyClick(dialog.confirm_edit, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.error_label.text() == "⚠ Type DELETE in capitals to confirm, or choose Cancel."
    assert diary.exists()
    dialog.confirm_edit.clear()
    qtbot.keyClicks(dialog.confirm_edit, "DELETE")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.confirm_edit, Qt.Key.Key_Return)
    assert not diary.exists()
    assert told == [("Your data is deleted", DONE_TEXT)]
