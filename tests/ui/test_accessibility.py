"""Every control a keyboard can reach has a name that a screen reader can say."""

from datetime import date, datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from moodlog.domain.medications import DoseStep, Medication
from moodlog.storage.diary_store import DiaryStore
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


def test_treatment_controls_all_have_accessible_names(
    qtbot: QtBot, window: MainWindow, store: DiaryStore, now: datetime
) -> None:
    store.treatments.add_medication(
        Medication("Sertraline", date(2026, 9, 1), (DoseStep(date(2026, 9, 1), 50.0),)), now
    )
    window.show_treatment()
    view = window.treatment_view
    for index in range(view.tabs.count()):  # every tab's controls, not only the first
        view.tabs.setCurrentIndex(index)
        assert unnamed_controls(view) == [], view.tabs.tabText(index)


def test_questionnaires_page_and_get_help_have_accessible_names(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.show_scores()
    assert unnamed_controls(window.scores_view) == []
    assert window.help_button.accessibleName() == "Get help now"
    qtbot.mouseClick(window.help_button, Qt.MouseButton.LeftButton)
    assert window.flows.get_help is not None
    assert unnamed_controls(window.flows.get_help) == []


def test_charts_controls_all_have_accessible_names(qtbot: QtBot, window: MainWindow) -> None:
    window.show_charts()
    view = window.charts_view
    view.open_button.setEnabled(True)  # enabled once a day is chosen
    assert unnamed_controls(view) == []
