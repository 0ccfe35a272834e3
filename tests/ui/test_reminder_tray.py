"""The reminders in the running window: a fake clock moved by hand, the timer triggered by
the test, what the person sees (banner, status bar, tray message) and what they can do."""

import gc
from collections.abc import Iterator
from datetime import date, datetime, time

import pytest
from PySide6.QtCore import QEvent, QSettings, Qt
from PySide6.QtGui import QCloseEvent, QIcon
from PySide6.QtWidgets import QApplication, QSystemTrayIcon
from pytestqt.qtbot import QtBot
from typing_extensions import override

from moodlog import app
from moodlog.domain.adherence import Adherence
from moodlog.domain.medications import DoseStep, Medication
from moodlog.domain.reminder_schedule import MedicationReminder, ReminderSettings
from moodlog.storage.diary_store import DiaryStore
from moodlog.ui.main_window import MainWindow
from moodlog.ui.reminder_preferences import ReminderPreferences
from moodlog.ui.reminder_tray import CHECK_EVERY_MS, ReminderTray
from tests.ui.conftest import FakeClock

CHECK_IN_AT_EIGHT = ReminderSettings(check_in=True, check_in_time=time(20, 0))


class QuietTrayIcon(QSystemTrayIcon):
    """A tray icon that records instead of drawing (the offscreen platform has no tray)."""

    def __init__(self, icon: QIcon, parent: ReminderTray) -> None:
        super().__init__(icon, parent)
        self.shown = False
        self.messages: list[tuple[str, str]] = []

    @override
    def setVisible(self, visible: bool) -> None:
        self.shown = visible

    @override
    def isVisible(self) -> bool:
        return self.shown

    @override
    def showMessage(self, title: str, text: str, *_args: object) -> None:  # type: ignore[override]
        self.messages.append((title, text))


@pytest.fixture(autouse=True)
def _quit_on_last_window_closed() -> Iterator[None]:
    """Hiding to the tray changes an application-wide switch; put it back."""
    yield
    QApplication.setQuitOnLastWindowClosed(True)


def at(hour: int, minute: int = 0, day: date = date(2026, 11, 21)) -> datetime:
    return datetime.combine(day, time(hour, minute))


def start(
    window: MainWindow,
    store: DiaryStore,
    clock: FakeClock,
    settings: QSettings,
    chosen: ReminderSettings = CHECK_IN_AT_EIGHT,
    *,
    with_tray: bool = False,
) -> ReminderTray:
    ReminderPreferences(settings).save(chosen)
    return ReminderTray(
        window, store, clock, settings, tray_available=with_tray, tray_class=QuietTrayIcon
    )


def tick(tray: ReminderTray, clock: FakeClock, now: datetime) -> None:
    """Move the clock, then let the timer fire as it would."""
    clock.now = now
    tray.timer.timeout.emit()


def banner_text(tray: ReminderTray) -> str:
    return tray.banner.text() if tray.banner.isVisible() else ""


def test_the_check_in_reminder_comes_at_the_chosen_time(
    qtbot: QtBot, window: MainWindow, store: DiaryStore, clock: FakeClock, settings: QSettings
) -> None:
    tray = start(window, store, clock, settings)
    assert tray.timer.isActive()
    assert tray.timer.interval() == CHECK_EVERY_MS
    tick(tray, clock, at(19, 59))
    assert banner_text(tray) == ""
    tick(tray, clock, at(20, 0))
    assert "A moment to check in?" in banner_text(tray)
    assert window.statusBar().currentMessage() == "A moment to check in?"
    assert list(tray.banner_buttons()) == ["Check in now", "Snooze 1 hour", "Not today"]


def test_no_tray_means_no_icon_and_the_banner_still_says_it(
    qtbot: QtBot, window: MainWindow, store: DiaryStore, clock: FakeClock, settings: QSettings
) -> None:
    ReminderPreferences(settings).save(CHECK_IN_AT_EIGHT)
    tray = ReminderTray(window, store, clock, settings)  # offscreen: Qt says there is none
    assert tray.tray is None
    tick(tray, clock, at(20, 5))
    assert "A moment to check in?" in banner_text(tray)
    assert not tray.in_tray


def test_snooze_brings_it_back_an_hour_later(
    qtbot: QtBot, window: MainWindow, store: DiaryStore, clock: FakeClock, settings: QSettings
) -> None:
    tray = start(window, store, clock, settings)
    tick(tray, clock, at(20, 0))
    qtbot.mouseClick(tray.banner_buttons()["Snooze 1 hour"], Qt.MouseButton.LeftButton)
    assert banner_text(tray) == ""
    assert window.statusBar().currentMessage() == "Reminders are snoozed until 21:00."
    tick(tray, clock, at(20, 30))
    tick(tray, clock, at(20, 59))
    assert banner_text(tray) == ""
    tick(tray, clock, at(21, 0))
    assert "A moment to check in?" in banner_text(tray)


def test_a_check_in_saved_today_means_no_reminder(
    qtbot: QtBot, window: MainWindow, store: DiaryStore, clock: FakeClock, settings: QSettings
) -> None:
    tray = start(window, store, clock, settings)
    mood = window.today_view.check_in_panel.inputs["mood"]
    qtbot.keyClick(mood, Qt.Key.Key_6)
    qtbot.keyClick(mood, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert store.day_record(clock.now.date()).check_ins
    tick(tray, clock, at(20, 0))
    tick(tray, clock, at(20, 1))
    assert banner_text(tray) == ""


def test_the_banner_goes_once_the_person_checks_in(
    qtbot: QtBot, window: MainWindow, store: DiaryStore, clock: FakeClock, settings: QSettings
) -> None:
    tray = start(window, store, clock, settings)
    tick(tray, clock, at(20, 0))
    qtbot.mouseClick(tray.banner_buttons()["Check in now"], Qt.MouseButton.LeftButton)
    mood = window.today_view.check_in_panel.inputs["mood"]
    assert window.tabs.currentWidget() is window.today_view
    qtbot.waitUntil(mood.hasFocus)
    assert "A moment to check in?" in banner_text(tray)  # still there until saved
    qtbot.keyClick(mood, Qt.Key.Key_5)
    qtbot.keyClick(mood, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert banner_text(tray) == ""


def test_not_today_keeps_today_quiet_and_tomorrow_comes_as_usual(
    qtbot: QtBot, window: MainWindow, store: DiaryStore, clock: FakeClock, settings: QSettings
) -> None:
    tray = start(window, store, clock, settings)
    tick(tray, clock, at(20, 0))
    qtbot.mouseClick(tray.banner_buttons()["Not today"], Qt.MouseButton.LeftButton)
    assert banner_text(tray) == ""
    tick(tray, clock, at(23, 59))
    assert banner_text(tray) == ""
    tick(tray, clock, at(20, 0, date(2026, 11, 22)))
    assert "A moment to check in?" in banner_text(tray)


def test_turning_reminders_off_stops_them(
    qtbot: QtBot, window: MainWindow, store: DiaryStore, clock: FakeClock, settings: QSettings
) -> None:
    tray = start(window, store, clock, settings, with_tray=True)
    assert tray.in_tray
    ReminderPreferences(settings).save(ReminderSettings(check_in=False))
    tick(tray, clock, at(20, 0))
    assert banner_text(tray) == ""
    assert not tray.in_tray  # nothing left to remind about: no icon either


def test_a_time_set_after_it_has_passed_waits_for_tomorrow(
    qtbot: QtBot, window: MainWindow, store: DiaryStore, clock: FakeClock, settings: QSettings
) -> None:
    clock.now = at(21, 0)
    tray = start(window, store, clock, settings, ReminderSettings())
    ReminderPreferences(settings).save(CHECK_IN_AT_EIGHT)
    tray.apply_settings()
    assert banner_text(tray) == ""
    tick(tray, clock, at(20, 0, date(2026, 11, 22)))
    assert "A moment to check in?" in banner_text(tray)


def test_a_reminder_due_at_start_up_is_shown(
    qtbot: QtBot, window: MainWindow, store: DiaryStore, clock: FakeClock, settings: QSettings
) -> None:
    """Opening moodlog at 21:00 with an 8 pm check-in not yet made."""
    clock.now = at(21, 0)
    tray = start(window, store, clock, settings)
    assert "A moment to check in?" in banner_text(tray)


def test_the_tray_shows_a_message_and_its_menu(
    qtbot: QtBot, window: MainWindow, store: DiaryStore, clock: FakeClock, settings: QSettings
) -> None:
    tray = start(window, store, clock, settings, with_tray=True)
    icon = tray.tray
    assert isinstance(icon, QuietTrayIcon)
    assert icon.contextMenu() is tray.menu
    assert [a.text() for a in tray.menu.actions() if not a.isSeparator()] == [
        "&Open moodlog",
        "&Check in now",
        "Snooze 1 hour",
        "Turn reminders off for &today",
        "&Quit",
    ]
    assert icon.toolTip() == "moodlog: next reminder 20:00"
    tick(tray, clock, at(20, 0))
    assert icon.messages == [
        ("A moment to check in?", "How has today been? A few taps are enough.")
    ]
    tray.snooze_action.trigger()
    tick(tray, clock, at(20, 30))
    assert icon.toolTip() == "moodlog: next reminder 21:00"
    tray.quiet_action.trigger()
    tick(tray, clock, at(21, 0))
    assert len(icon.messages) == 1
    assert icon.toolTip() == "moodlog: next reminder tomorrow 20:00"


def test_medication_and_questionnaire_reminders(
    qtbot: QtBot,
    window: MainWindow,
    store: DiaryStore,
    clock: FakeClock,
    settings: QSettings,
    now: datetime,
) -> None:
    medication = store.treatments.add_medication(
        Medication("Sertraline", date(2026, 9, 1), (DoseStep(date(2026, 9, 1), 50.0),)), now
    )
    assert medication.id is not None
    chosen = ReminderSettings(
        questionnaires=True,
        questionnaire_time=time(10, 0),
        medications=(MedicationReminder(medication.id, (time(10, 0), time(22, 0))),),
    )
    tray = start(window, store, clock, settings, chosen)
    tick(tray, clock, at(10, 0))
    text = banner_text(tray)
    assert "A questionnaire is ready · A reminder you set for 10:00" in text
    assert "Sertraline" not in text  # names only when asked for
    assert "See questionnaires" in tray.banner_buttons()
    # The dose noted on Today: the evening reminder stays silent.
    store.treatments.set_adherence({(medication.id, clock.now.date()): Adherence.TAKEN})
    clock.now = at(22, 0)
    assert tray.check() == []


def test_closing_the_window_asks_once_and_quits_by_default(
    qtbot: QtBot,
    window: MainWindow,
    store: DiaryStore,
    clock: FakeClock,
    settings: QSettings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(ReminderTray, "closing_by_user", staticmethod(lambda _event: True))
    tray = start(window, store, clock, settings, with_tray=True)
    window.close()
    box = tray.close_question
    assert box is not None
    assert window.isVisible()
    assert box.defaultButton().text() == "&Quit moodlog"
    qtbot.keyClick(box, Qt.Key.Key_Escape)  # the safe answer: quit
    assert not window.isVisible()
    assert ReminderPreferences(settings).close_to_tray() is False


def test_keeping_moodlog_in_the_tray(
    qtbot: QtBot,
    window: MainWindow,
    store: DiaryStore,
    clock: FakeClock,
    settings: QSettings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(ReminderTray, "closing_by_user", staticmethod(lambda _event: True))
    tray = start(window, store, clock, settings, with_tray=True)
    window.close()
    box = tray.close_question
    assert box is not None
    keep = next(b for b in box.buttons() if b.text() == "&Keep in the tray")
    qtbot.mouseClick(keep, Qt.MouseButton.LeftButton)
    assert not window.isVisible()
    assert ReminderPreferences(settings).close_to_tray() is True
    assert not QApplication.quitOnLastWindowClosed()
    icon = tray.tray
    assert isinstance(icon, QuietTrayIcon)
    assert icon.messages[-1][0] == "moodlog is still here"
    # Hidden, the reminders still come.
    tick(tray, clock, at(20, 0))
    assert icon.messages[-1][0] == "A moment to check in?"
    icon.messageClicked.emit()
    assert window.isVisible()
    assert QApplication.quitOnLastWindowClosed()
    # Asked once: the next close goes straight to the tray.
    window.close()
    assert tray.close_question is None
    assert not window.isVisible()


def test_quit_and_log_out_always_quit(
    qtbot: QtBot, window: MainWindow, store: DiaryStore, clock: FakeClock, settings: QSettings
) -> None:
    """Diary → Quit and the session ending close the window without a spontaneous event."""
    ReminderPreferences(settings).set_close_to_tray(True)
    tray = start(window, store, clock, settings, with_tray=True)
    event = QCloseEvent()
    assert not event.spontaneous()
    QApplication.sendEvent(window, event)
    assert event.isAccepted()
    assert tray.close_question is None


def test_without_a_tray_closing_quits(
    qtbot: QtBot,
    window: MainWindow,
    store: DiaryStore,
    clock: FakeClock,
    settings: QSettings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(ReminderTray, "closing_by_user", staticmethod(lambda _event: True))
    tray = start(window, store, clock, settings, with_tray=False)
    window.close()
    assert tray.close_question is None
    assert not window.isVisible()


def test_the_tray_quit_action_closes_the_window(
    qtbot: QtBot,
    window: MainWindow,
    store: DiaryStore,
    clock: FakeClock,
    settings: QSettings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    quits: list[bool] = []
    monkeypatch.setattr(QApplication, "quit", lambda: quits.append(True))
    ReminderPreferences(settings).set_close_to_tray(True)
    tray = start(window, store, clock, settings, with_tray=True)
    tray.quit_action.trigger()
    assert not window.isVisible()
    assert quits == [True]


def test_the_app_starts_the_tray_after_the_window_and_honours_minimised(
    qtbot: QtBot, window: MainWindow, store: DiaryStore, settings: QSettings
) -> None:
    window.hide()
    app._start_reminders(window, store, settings, minimised=True)
    gc.collect()
    tray = ReminderTray.of(window)
    assert tray is not None  # kept alive by its parent, the window
    assert tray.timer.isActive()
    # No tray offscreen: the window shows, minimised, so it can still be found.
    assert window.isVisible()
    assert window.isMinimized()


def test_close_event_filter_ignores_other_events(
    qtbot: QtBot, window: MainWindow, store: DiaryStore, clock: FakeClock, settings: QSettings
) -> None:
    tray = start(window, store, clock, settings, with_tray=True)
    assert not tray.eventFilter(window, QEvent(QEvent.Type.Show))
    assert tray.close_question is None
