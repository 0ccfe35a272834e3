"""Window fixtures: the real MainWindow over an in-memory diary, a fixed clock, and
settings in a temporary INI file (never the user's real settings)."""

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from moodlog.storage.diary_store import DiaryStore
from moodlog.ui import dialogs
from moodlog.ui.main_window import MainWindow


class FakeClock:
    """A clock the test moves by hand."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock(now: datetime) -> FakeClock:
    return FakeClock(now)


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture(autouse=True)
def _no_real_confirmation_boxes(monkeypatch: pytest.MonkeyPatch) -> None:
    """A real message box would wait for a click forever (e.g. a dialog closed at teardown
    with unsaved answers asks first): every test answers yes unless it asks otherwise."""
    monkeypatch.setattr(dialogs, "confirm", lambda *_args: True)


@pytest.fixture
def confirmations(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Answer every confirmation with yes; the list records the questions asked."""
    asked: list[str] = []

    def confirm(_parent: object, title: str, _text: str, _label: str) -> bool:
        asked.append(title)
        return True

    monkeypatch.setattr(dialogs, "confirm", confirm)
    return asked


@pytest.fixture
def window(
    qtbot: QtBot, store: DiaryStore, clock: FakeClock, settings: QSettings
) -> Iterator[MainWindow]:
    win = MainWindow(store, clock, settings, None)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    return win
