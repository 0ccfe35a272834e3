"""The passphrase asked at start-up for an encrypted diary: the right one opens it, a wrong
one says so quietly, and after three tries the dialog says calmly that nothing changed."""

import hashlib
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit
from pytestqt.qtbot import QtBot

from moodlog.domain.check_in import CheckIn
from moodlog.domain.day_entry import DayEntry
from moodlog.storage.database import open_database
from moodlog.storage.diary_store import DiaryStore
from moodlog.storage.errors import DiaryTooNew
from moodlog.ui.passphrase_dialog import GIVE_UP_TEXT, PassphraseDialog, ask_passphrase

pytest.importorskip("sqlcipher3")

PASSPHRASE = "river stones at dusk"
NOTE = "slept a little better"


@pytest.fixture
def encrypted(tmp_path: Path, now: datetime) -> Path:
    path = tmp_path / "diary.sqlite"
    store = DiaryStore(open_database(path, now, PASSPHRASE))
    store.save_day(DayEntry(date(2026, 11, 21), CheckIn(now, {"mood": 5}, NOTE)), now)
    store.close()
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def unlocker(path: Path) -> "tuple[list[str], object]":
    tried: list[str] = []

    def unlock(typed: str) -> DiaryStore:
        tried.append(typed)
        return DiaryStore(open_database(path, None, typed))

    return tried, unlock


def make_dialog(qtbot: QtBot, path: Path) -> tuple[PassphraseDialog, list[str]]:
    tried, unlock = unlocker(path)
    dialog = PassphraseDialog(path, unlock)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog, tried


def type_and_enter(qtbot: QtBot, dialog: PassphraseDialog, text: str) -> None:
    qtbot.keyClicks(dialog.passphrase_edit, text)
    qtbot.keyClick(dialog.passphrase_edit, Qt.Key.Key_Return)


def test_the_right_passphrase_opens_the_diary(qtbot: QtBot, encrypted: Path) -> None:
    dialog, tried = make_dialog(qtbot, encrypted)
    assert dialog.passphrase_edit.echoMode() is QLineEdit.EchoMode.Password
    assert str(encrypted) in dialog.path_label.text()
    with qtbot.waitSignal(dialog.accepted):
        type_and_enter(qtbot, dialog, PASSPHRASE)
    store = dialog.store()
    assert store is not None
    assert store.day_record(date(2026, 11, 21)).check_ins[0].note == NOTE
    assert dialog.passphrase() == PASSPHRASE
    assert tried == [PASSPHRASE]
    store.close()


def test_a_wrong_passphrase_says_so_and_the_next_try_opens(qtbot: QtBot, encrypted: Path) -> None:
    before = digest(encrypted)
    dialog, _tried = make_dialog(qtbot, encrypted)
    type_and_enter(qtbot, dialog, "river stones at dawn")
    assert dialog.isVisible()
    assert dialog.error_label.isVisible()
    assert "doesn't open this diary" in dialog.error_label.text()
    assert "(2 more tries)" in dialog.error_label.text()
    assert dialog.passphrase_edit.text() == ""  # ready for the next try
    assert dialog.passphrase_edit.hasFocus()
    assert digest(encrypted) == before
    type_and_enter(qtbot, dialog, "River stones at dusk")
    assert "(one more try)" in dialog.error_label.text()
    with qtbot.waitSignal(dialog.accepted):
        type_and_enter(qtbot, dialog, PASSPHRASE)
    store = dialog.store()
    assert store is not None
    store.close()


def test_after_three_wrong_tries_it_says_calmly_that_nothing_changed(
    qtbot: QtBot, encrypted: Path
) -> None:
    before = digest(encrypted)
    dialog, tried = make_dialog(qtbot, encrypted)
    for attempt in ("one", "two", "three"):
        type_and_enter(qtbot, dialog, attempt)
    assert tried == ["one", "two", "three"]
    assert dialog.error_label.text() == GIVE_UP_TEXT
    assert "Nothing in it has changed" in GIVE_UP_TEXT
    assert not dialog.passphrase_edit.isEnabled()
    assert not dialog.unlock_button.isVisible()
    close = dialog.button_box.button(QDialogButtonBox.StandardButton.Cancel)
    assert close.text() == "Close"
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # Enter no longer tries anything
    assert tried == ["one", "two", "three"]
    with qtbot.waitSignal(dialog.rejected):
        qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    assert dialog.store() is None
    assert digest(encrypted) == before


def test_an_empty_passphrase_is_not_a_try(qtbot: QtBot, encrypted: Path) -> None:
    dialog, tried = make_dialog(qtbot, encrypted)
    qtbot.keyClick(dialog.passphrase_edit, Qt.Key.Key_Return)
    assert tried == []
    assert dialog.error_label.text() == "⚠ Type the passphrase first."


def test_show_what_i_type(qtbot: QtBot, encrypted: Path) -> None:
    dialog, _tried = make_dialog(qtbot, encrypted)
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(dialog.show_check.isChecked)  # a mnemonic clicks with a short animation
    assert dialog.passphrase_edit.echoMode() is QLineEdit.EchoMode.Normal


def test_another_storage_problem_closes_the_dialog_for_the_app_to_show(
    qtbot: QtBot, encrypted: Path
) -> None:
    def unlock(_typed: str) -> DiaryStore:
        raise DiaryTooNew("written by a newer moodlog")

    dialog = PassphraseDialog(encrypted, unlock)
    qtbot.addWidget(dialog)
    dialog.open()
    with qtbot.waitSignal(dialog.rejected):
        type_and_enter(qtbot, dialog, PASSPHRASE)
    assert isinstance(dialog.error, DiaryTooNew)


def test_ask_passphrase_waits_for_the_dialog_and_returns_the_diary(
    qtbot: QtBot, encrypted: Path
) -> None:
    def answer() -> None:
        (dialog,) = [w for w in QApplication.topLevelWidgets() if isinstance(w, PassphraseDialog)]
        qtbot.keyClicks(dialog.passphrase_edit, PASSPHRASE)
        qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)

    _tried, unlock = unlocker(encrypted)
    QTimer.singleShot(0, answer)
    store = ask_passphrase(encrypted, unlock)  # type: ignore[arg-type]
    assert store is not None
    assert store.day_record(date(2026, 11, 21)).check_ins[0].note == NOTE
    store.close()


def test_ask_passphrase_raises_what_the_dialog_closed_on(qtbot: QtBot, encrypted: Path) -> None:
    def unlock(_typed: str) -> DiaryStore:
        raise DiaryTooNew("written by a newer moodlog")

    def answer() -> None:
        (dialog,) = [w for w in QApplication.topLevelWidgets() if isinstance(w, PassphraseDialog)]
        qtbot.keyClicks(dialog.passphrase_edit, "anything")
        qtbot.keyClick(dialog.passphrase_edit, Qt.Key.Key_Return)

    QTimer.singleShot(0, answer)
    with pytest.raises(DiaryTooNew):
        ask_passphrase(encrypted, unlock)
