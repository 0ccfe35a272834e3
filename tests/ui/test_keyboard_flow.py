"""The whole Today view by keyboard: where Tab goes, and that focus is always visible."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from moodlog.storage.diary_store import DiaryStore
from moodlog.ui.choice_input import ChoiceInput
from moodlog.ui.main_window import MainWindow


def tab_through(qtbot: QtBot, count: int) -> list[QWidget]:
    visited = []
    for _ in range(count):
        focused = QApplication.focusWidget()
        assert focused is not None
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        assert focused is not None
        visited.append(focused)
    return visited


def test_focus_starts_on_mood_and_tab_follows_the_form(qtbot: QtBot, window: MainWindow) -> None:
    panel = window.today_view.check_in_panel
    qtbot.waitUntil(lambda: panel.inputs["mood"].hasFocus())
    visited = tab_through(qtbot, 7)
    expected = [panel.inputs[k] for k in panel.shown_scales()[1:]]
    assert visited[: len(expected)] == expected
    assert visited[len(expected)] is panel.note_edit  # Tab leaves the note, never types \t
    assert visited[len(expected) + 1] is panel.clinician_check


def test_a_day_in_a_few_keystrokes(qtbot: QtBot, window: MainWindow, store: DiaryStore) -> None:
    """Mood, anxiety, note, save: eight keys and a sentence."""
    qtbot.waitUntil(lambda: window.today_view.check_in_panel.inputs["mood"].hasFocus())
    for key in (Qt.Key.Key_4, Qt.Key.Key_Tab, Qt.Key.Key_7):
        qtbot.keyClick(QApplication.focusWidget(), key)
    panel = window.today_view.check_in_panel
    panel.note_edit.setFocus()
    qtbot.keyClicks(panel.note_edit, "tired")
    qtbot.keyClick(panel.note_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    (check_in,) = store.day_record(window.today_view.day).check_ins
    assert check_in.ratings == {"mood": 4, "anxiety": 7}
    assert check_in.note == "tired"


def test_every_rating_control_draws_a_focus_ring(qtbot: QtBot, window: MainWindow) -> None:
    mood = window.today_view.check_in_panel.inputs["mood"]
    mood.setFocus()
    qtbot.waitUntil(mood.hasFocus)
    focused = mood.grab().toImage()
    window.today_view.save_button.setFocus()
    qtbot.waitUntil(lambda: not mood.hasFocus())
    unfocused = mood.grab().toImage()
    assert focused != unfocused  # the ring is drawn only with focus


def test_arrow_keys_home_end_and_delete(qtbot: QtBot, window: MainWindow) -> None:
    energy: ChoiceInput = window.today_view.check_in_panel.inputs["energy"]
    energy.setFocus()
    qtbot.keyClick(energy, Qt.Key.Key_Right)
    assert energy.value() == 0
    qtbot.keyClick(energy, Qt.Key.Key_End)
    qtbot.keyClick(energy, Qt.Key.Key_Left)
    assert energy.value() == 9
    qtbot.keyClick(energy, Qt.Key.Key_Home)
    assert energy.value() == 0
    qtbot.keyClick(energy, Qt.Key.Key_Delete)
    assert energy.value() is None
