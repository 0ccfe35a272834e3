"""Every control a keyboard can reach has a name that a screen reader can say."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from moodlog.ui.main_window import MainWindow


def unnamed_controls(root: QWidget) -> list[str]:
    missing = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root) or widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        if not widget.isEnabled() or widget.focusProxy() is not None:
            continue
        interface = QAccessible.queryAccessibleInterface(widget)
        name = interface.text(QAccessible.Text.Name) if interface else ""
        if not name.strip():
            missing.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return missing


def test_today_controls_all_have_accessible_names(qtbot: QtBot, window: MainWindow) -> None:
    window.today_view.sleep_panel.full_radio.setChecked(True)  # the detailed page too
    assert unnamed_controls(window.today_view) == []


def test_history_controls_all_have_accessible_names(qtbot: QtBot, window: MainWindow) -> None:
    window.show_history()
    assert unnamed_controls(window.history_view) == []
