"""Help › About and Help › User guide, and the window coming back where it was left."""

from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QSettings, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QAbstractButton, QDialogButtonBox, QMenu
from pytestqt.qtbot import QtBot

from moodlog import __version__
from moodlog.storage.diary_store import DiaryStore
from moodlog.ui import dialogs, user_guide
from moodlog.ui.about_dialog import AboutDialog
from moodlog.ui.main_window import GEOMETRY_KEY, MainWindow
from tests.ui.conftest import FakeClock


def help_action(window: MainWindow, text: str) -> None:
    """Trigger the Help menu item whose text (without the &) is ``text``."""
    (menu,) = [a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == "Help"]
    assert isinstance(menu, QMenu)
    (action,) = [a for a in menu.actions() if a.text().replace("&", "") == text]
    action.trigger()


def test_about_says_version_licences_statement_and_where_the_diary_is(
    qtbot: QtBot, store: DiaryStore, clock: FakeClock, settings: QSettings, tmp_path: Path
) -> None:
    diary = tmp_path / "moodlog.sqlite"
    window = MainWindow(store, clock, settings, diary)
    qtbot.addWidget(window)
    window.show()
    help_action(window, "About moodlog")
    (dialog,) = window.findChildren(AboutDialog)
    assert dialog.isVisible()
    assert __version__ in dialog.title_label.text()
    assert "GPL-3.0-or-later" in dialog.licence_label.text()
    assert "does not diagnose or advise on treatment" in dialog.statement_label.text()
    assert "not a medical device" in dialog.statement_label.text()
    assert str(diary) in dialog.diary_label.text()
    licences = dialog.licences.toPlainText()
    for line in ("Qt", "LGPL-3.0-only", "Matplotlib", "sqlite-utils", "Apache-2.0", "PHQ-9"):
        assert line in licences
    assert "PySide6" in licences
    # Escape (the Close button) closes it.
    close = dialog.button_box.button(QDialogButtonBox.StandardButton.Close)
    assert isinstance(close, QAbstractButton)
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def test_about_an_in_memory_diary_says_so(qtbot: QtBot, window: MainWindow) -> None:
    dialog = window.open_about()
    assert "in memory only" in dialog.diary_label.text()


def test_the_user_guide_opens_the_shipped_file(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    help_action(window, "User guide")
    (url,) = opened
    assert url.isLocalFile()  # nothing goes over the network
    path = Path(url.toLocalFile())
    assert path.name == user_guide.GUIDE_NAME
    assert path.read_text().startswith("# moodlog user guide")


def test_when_the_guide_cannot_open_the_message_says_where_it_is(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda _url: False)
    errors: list[tuple[str, str]] = []
    monkeypatch.setattr(dialogs, "show_error", lambda _p, title, text: errors.append((title, text)))
    assert window.open_user_guide() is False
    ((title, text),) = errors
    assert title == "The user guide didn't open"
    assert "user-guide.md" in text
    assert "Your diary is not affected." in text


def test_the_window_comes_back_with_its_size_and_place(
    qtbot: QtBot, store: DiaryStore, now: datetime, settings: QSettings
) -> None:
    first = MainWindow(store, FakeClock(now), settings, None)
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    fitted = first.size()
    # The offscreen screen is 800 x 600; the window is at least as wide as its contents.
    first.setGeometry(40, 30, first.minimumSizeHint().width(), 450)
    left = first.geometry()
    assert left.size() != fitted
    first.close()
    settings.sync()
    second = MainWindow(store, FakeClock(now), settings, None)
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    assert second.geometry() == left


@pytest.mark.parametrize("saved", [None, "nonsense", QByteArray(b"not a geometry")])
def test_without_a_usable_saved_place_the_window_fits_the_screen(
    qtbot: QtBot, store: DiaryStore, now: datetime, settings: QSettings, saved: object
) -> None:
    if saved is not None:
        settings.setValue(GEOMETRY_KEY, saved)
    window = MainWindow(store, FakeClock(now), settings, None)
    qtbot.addWidget(window)
    screen = window.screen().availableGeometry()
    expected = (min(1280, screen.width() * 95 // 100), min(800, screen.height() * 88 // 100))
    assert (window.width(), window.height()) == expected
