"""Every control a keyboard can reach has a name that a screen reader can say, and Tab
reaches every control: on every page of the window, empty or lived-in, and in every dialog
the menus open. The rule itself is in tests/ui/accessibility_walk.py."""

import re
from collections.abc import Callable, Iterator
from datetime import date, datetime

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QMenuBar,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from moodlog.domain.medications import DoseStep, Medication
from moodlog.storage.diary_store import DiaryStore
from moodlog.ui import dialogs
from moodlog.ui.main_window import MainWindow
from tests.known_diary import TWO_CHECK_INS_DAY, write_known_diary
from tests.ui.accessibility_walk import (
    problems,
    undescribed_controls,
    unnamed_controls,
    unreachable_controls,
)


def test_the_walk_finds_what_a_screen_reader_would_miss(qtbot: QtBot) -> None:
    root = QWidget()
    qtbot.addWidget(root)
    layout = QVBoxLayout(root)
    named_by_label = QLineEdit(root)
    label = QLabel("&Dose:", root)
    label.setBuddy(named_by_label)
    unnamed = QLineEdit(root)
    unnamed.setObjectName("unnamed")
    arrow = QPushButton("▶", root)  # a symbol is not a name
    arrow.setObjectName("arrow")
    no_tab = QPushButton("Remove", root)
    no_tab.setObjectName("no_tab")
    no_tab.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
    hidden = QLineEdit(root)
    for widget in (label, named_by_label, unnamed, arrow, no_tab, hidden):
        layout.addWidget(widget)
    hidden.hide()
    root.show()
    assert unnamed_controls(root) == [
        "QLineEdit 'unnamed' text='' in QWidget",
        "QPushButton 'arrow' text='▶' in QWidget",
    ]
    assert unreachable_controls(root) == ["QPushButton 'no_tab' text='Remove' in QWidget"]


def test_the_walk_finds_controls_that_say_nothing_about_what_they_do(qtbot: QtBot) -> None:
    root = QWidget()
    qtbot.addWidget(root)
    layout = QVBoxLayout(root)
    bare = QPushButton("Add", root)
    bare.setObjectName("bare")
    symbols = QPushButton("Remove", root)
    symbols.setObjectName("symbols")
    symbols.setAccessibleDescription("… →")  # no letters: says nothing
    described = QPushButton("Export", root)
    described.setAccessibleDescription("Save your diary as a file")
    tipped = QPushButton("Save", root)
    tipped.setToolTip("Save this day (Ctrl+S)")  # Qt speaks the tooltip when there is none
    internal = QPushButton("May", root)
    internal.setObjectName("qt_calendar_monthbutton")  # one of Qt's own parts
    for widget in (bare, symbols, described, tipped, internal):
        layout.addWidget(widget)
    root.show()
    assert undescribed_controls(root) == [
        "QPushButton 'bare' text='Add' in QWidget",
        "QPushButton 'symbols' text='Remove' in QWidget",
    ]
    assert "no description: QPushButton 'bare' text='Add' in QWidget" in problems(root)


def test_the_walk_reaches_tab_widgets_on_the_pages_of_others(qtbot: QtBot) -> None:
    root = QWidget()
    qtbot.addWidget(root)
    outer = QTabWidget(root)
    inner = QTabWidget()
    outer.addTab(QWidget(), "First")
    outer.addTab(inner, "Second")
    inner.addTab(QWidget(), "Inner first")
    hidden_page = QWidget()
    QVBoxLayout(hidden_page).addWidget(QLineEdit(hidden_page))
    inner.addTab(hidden_page, "Inner second")
    QVBoxLayout(root).addWidget(outer)
    root.show()
    assert problems(root) == [
        "Second: Inner second: no description: QLineEdit '' text='' in QWidget",
        "Second: Inner second: no name: QLineEdit '' text='' in QWidget",
    ]
    assert outer.currentIndex() == 0  # each tab widget is left on the page it showed
    assert inner.currentIndex() == 0


def test_every_page_of_a_new_diary(qtbot: QtBot, window: MainWindow) -> None:
    assert problems(window) == []


def test_every_page_of_a_lived_in_diary(
    qtbot: QtBot, window: MainWindow, store: DiaryStore
) -> None:
    write_known_diary(store)
    window.today_view.reload_lists()  # the medications appear on Today
    window.open_day(TWO_CHECK_INS_DAY)  # a day with check-in chips
    window.today_view.sleep_panel.full_radio.setChecked(True)  # the detailed sleep page
    assert problems(window) == []


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


# -- every dialog the menus open ---------------------------------------------------------------


def menu_items(bar: QMenuBar) -> Iterator[tuple[str, QAction]]:
    """(the item's path, like "Help › About moodlog", its action) for every menu item."""

    def visit(menu: QMenu, path: str) -> Iterator[tuple[str, QAction]]:
        for action in menu.actions():
            if action.isSeparator():
                continue
            name = f"{path} › {action.text().replace('&', '')}"
            submenu = action.menu()
            if isinstance(submenu, QMenu):
                yield from visit(submenu, name)
            else:
                yield name, action

    for top in bar.actions():
        menu = top.menu()
        assert isinstance(menu, QMenu)
        yield from visit(menu, top.text().replace("&", ""))


def open_windows(main: QWidget) -> list[QWidget]:
    return [
        w
        for w in QApplication.topLevelWidgets()
        if w.isVisible()
        and w is not main
        and not isinstance(w, QMenu)
        and w.windowType() in (Qt.WindowType.Dialog, Qt.WindowType.Window)
    ]


@pytest.fixture
def no_questions(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every modal question and file chooser answers "no"/"cancel" at once (so walking the
    menus deletes and overwrites nothing); the list records what was said."""
    said: list[str] = []
    for name in dir(dialogs):
        function = getattr(dialogs, name)
        if not callable(function) or getattr(function, "__module__", "") != dialogs.__name__:
            continue
        if name.startswith(("ask", "confirm")):
            monkeypatch.setattr(dialogs, name, lambda *_a, _n=name, **_k: said.append(_n))
        elif name.startswith("show"):
            monkeypatch.setattr(dialogs, name, lambda _p, title, *_a, **_k: said.append(f"{title}"))
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda _url: True)
    return said


def walk_what_opens(
    qtbot: QtBot,
    window: MainWindow,
    name: str,
    trigger: Callable[[], object],
    check: Callable[[QWidget], list[str]] = problems,
) -> tuple[list[str], list[str]]:
    """Run ``trigger``; ``check`` every window it opens, then close them. Returns (what the
    checks found, titles of the windows opened)."""
    before = set(open_windows(window))
    found: list[str] = []

    def close_blocking_dialog() -> None:
        # Runs only inside a nested event loop: a dialog shown with exec(), which would
        # wait for a person forever. Dialogs are shown with open().
        modal = QApplication.activeModalWidget()
        found.append(f"{name}: waits in exec() ({type(modal).__name__})")
        if modal is not None:
            modal.close()

    watchdog = QTimer()
    watchdog.setSingleShot(True)
    watchdog.timeout.connect(close_blocking_dialog)
    watchdog.start(2000)
    trigger()
    watchdog.stop()
    opened = []
    for dialog in [w for w in open_windows(window) if w not in before]:
        title = dialog.windowTitle() or type(dialog).__name__
        opened.append(title)
        qtbot.waitExposed(dialog)
        found += [f"{name} ({title}): {p}" for p in check(dialog)]
        if isinstance(dialog, QDialog):
            dialog.reject()
        dialog.close()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return found, opened


def test_every_dialog_the_menus_open(
    qtbot: QtBot, window: MainWindow, store: DiaryStore, no_questions: list[str]
) -> None:
    write_known_diary(store)
    window.today_view.reload_lists()
    found: list[str] = []
    opened: list[str] = []
    for name, action in menu_items(window.menuBar()):
        # Quitting closes the window under test; ticks only change what Today shows.
        if name.endswith("Quit") or action.isCheckable() or not action.isEnabled():
            continue
        problems_here, titles = walk_what_opens(qtbot, window, name, action.trigger)
        found += problems_here
        opened += titles
    assert found == [], "\n".join(found)
    # The walk did open the dialogs (so an empty `found` means something).
    for title in ("About moodlog", "Get help now", "Trackers", "Side effects to track"):
        assert title in opened, opened


def dialog_buttons(window: MainWindow) -> Iterator[tuple[str, QPushButton]]:
    """(where, button) for each button whose label ends in "…" (a dialog opens), on every
    page and inner tab, each shown when its buttons are given (under the pseudo-translation
    the label ends in "…⟫")."""
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        page = window.tabs.widget(index)
        inner_tabs = page.findChildren(QTabWidget)
        pages = [(t, i) for t in inner_tabs for i in range(t.count())] or [(None, 0)]
        for tabs, inner in pages:
            if tabs is not None:
                tabs.setCurrentIndex(inner)
            for button in page.findChildren(QPushButton):
                text = button.text().replace("&", "")
                opens = text.removesuffix("⟫").endswith("…")
                if opens and button.isVisibleTo(page) and button.isEnabled():
                    yield f"{window.tabs.tabText(index).replace('&', '')} › {text}", button


def test_every_dialog_the_pages_buttons_open(
    qtbot: QtBot, window: MainWindow, store: DiaryStore, no_questions: list[str]
) -> None:
    """Buttons whose label ends in "…" open a dialog: Add medication…, Log a session…"""
    write_known_diary(store)
    window.today_view.reload_lists()
    found: list[str] = []
    opened: list[str] = []
    for name, button in dialog_buttons(window):
        problems_here, titles = walk_what_opens(qtbot, window, name, button.click)
        found += problems_here
        opened += titles
    assert found == [], "\n".join(found)
    for title in ("Add a medication", "Trackers"):
        assert title in opened, opened


# -- access keys -------------------------------------------------------------------------------


def access_key(text: str) -> str | None:
    """The letter after "&" ("&&" is a plain ampersand)."""
    match = re.search(r"&([^&])", text.replace("&&", ""))
    return match.group(1).lower() if match else None


def test_alt_and_a_letter_always_reaches_the_menus_and_tabs(window: MainWindow) -> None:
    """Alt+H opens Help and Alt+F opens File on every page: no field or button on a page
    takes a letter of the menu bar or of the tabs (Qt would only cycle between them)."""
    menus = [access_key(action.text()) for action in window.menuBar().actions()]
    tabs = [access_key(window.tabs.tabText(index)) for index in range(window.tabs.count())]
    everywhere = [key for key in menus + tabs if key is not None]
    assert len(everywhere) == len(set(everywhere)) == len(menus + tabs)
    found = []
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        page = window.tabs.widget(index)
        texts = [w.text() for w in page.findChildren(QLabel) if w.isVisibleTo(page)]
        texts += [w.text() for w in page.findChildren(QAbstractButton) if w.isVisibleTo(page)]
        texts += [w.title() for w in page.findChildren(QGroupBox) if w.isVisibleTo(page)]
        found += [
            f"{window.tabs.tabText(index)}: {text}"
            for text in texts
            if access_key(text) in everywhere
        ]
    assert found == []
