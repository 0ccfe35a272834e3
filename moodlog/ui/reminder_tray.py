"""ReminderTray: shows the reminders the person chose (moodlog/domain/reminder_schedule.py)
through the system tray while moodlog runs, and in the window as a quiet banner (the only
way when the desktop has no tray). A timer looks at the injected clock twice a minute, so a
wall clock that jumps (sleep, summer time) is simply read again.

Closing the window while reminders are on asks once whether to keep moodlog in the tray;
until the person says yes, closing quits, so nothing keeps running unexpectedly. Only a
close from the window manager goes to the tray: Diary → Quit and logging out quit.
"""

from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QIcon
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox, QPushButton, QSystemTrayIcon
from typing_extensions import override

from moodlog.domain.clock import Clock
from moodlog.domain.clock_text import time_text
from moodlog.domain.reminder_schedule import (
    Reminder,
    ReminderFacts,
    ReminderKind,
    ReminderState,
    Snooze,
    due_now,
    next_reminders,
    quiet_today,
    record_shown,
    set_aside,
    snooze,
    still_wanted,
    summary,
)
from moodlog.resource_files import resource_path
from moodlog.storage.diary_store import DiaryStore
from moodlog.storage.errors import StorageError
from moodlog.ui.message_banner import BannerKind, MessageBanner
from moodlog.ui.reminder_preferences import ReminderPreferences

if TYPE_CHECKING:
    from moodlog.ui.main_window import MainWindow

CHECK_EVERY_MS = 30_000
# A name, the same in every language: never translated.
APP_NAME = "moodlog"
MESSAGE_SHOWN_MS = 20_000


class ReminderTray(QObject):
    """The tray icon, its menu, the timer and the in-window banner. Lives as a child of the
    window (find it with :meth:`of`)."""

    def __init__(
        self,
        window: "MainWindow",
        store: DiaryStore,
        clock: Clock,
        settings: QSettings,
        tray_available: bool | None = None,
        tray_class: type[QSystemTrayIcon] = QSystemTrayIcon,
    ) -> None:
        """``tray_available``: whether the desktop has a tray (Qt says, when ``None``);
        ``tray_class``: what to make the icon with (tests use one that draws nothing)."""
        super().__init__(window)
        self._window = window
        self._store = store
        self._clock = clock
        self.preferences = ReminderPreferences(settings)
        self.settings = self.preferences.load()
        self.state = ReminderState()
        self.on_show: list[Reminder] = []
        self._quitting = False
        self._told_about_tray = False
        self.close_question: QMessageBox | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.banner = MessageBanner(window.today_view)
        window.today_view.add_notice(self.banner)
        self.menu = QMenu(window)
        self.open_action = self._menu_action(self.tr("&Open moodlog"), self.open_window)
        self.check_in_action = self._menu_action(self.tr("&Check in now"), self.check_in_now)
        self.menu.addSeparator()
        self.snooze_action = self._menu_action(Snooze.ONE_HOUR.label, self.snooze_hour)
        self.quiet_action = self._menu_action(
            self.tr("Turn reminders off for &today"), self.quiet_today
        )
        self.menu.addSeparator()
        self.quit_action = self._menu_action(self.tr("&Quit"), self.quit)
        if tray_available is None:
            tray_available = QSystemTrayIcon.isSystemTrayAvailable()
        self.tray: QSystemTrayIcon | None = None
        if tray_available:
            self.tray = tray_class(self._icon(), self)
            self.tray.setContextMenu(self.menu)
            self.tray.activated.connect(self._on_activated)
            self.tray.messageClicked.connect(self.open_window)
        self._connect_signals()
        self.apply_settings()
        self.timer.start()

    @staticmethod
    def of(window: "MainWindow") -> "ReminderTray | None":
        """The window's ReminderTray, once the app has made it."""
        return window.findChild(ReminderTray)

    def _menu_action(self, text: str, slot: object) -> QAction:
        action = QAction(text, self)
        action.triggered.connect(slot)
        self.menu.addAction(action)
        return action

    def _icon(self) -> QIcon:
        icon = QApplication.windowIcon()
        return icon if not icon.isNull() else QIcon(str(resource_path("moodlog.svg")))

    def _connect_signals(self) -> None:
        self.timer.timeout.connect(self.check)
        self._window.today_view.day_saved.connect(self._refresh_on_show)
        self._window.flows.results_changed.connect(self._refresh_on_show)
        self._window.installEventFilter(self)

    # -- settings ------------------------------------------------------------------------

    def apply_settings(self) -> None:
        """Read the stored choices again (the settings page calls this), then look."""
        self.check()

    def _load_settings(self) -> None:
        self.settings = self.preferences.load()
        if self.tray is not None and self.tray.isVisible() != self.settings.any_on:
            self.tray.setVisible(self.settings.any_on)
        for action in (self.snooze_action, self.quiet_action):
            action.setEnabled(self.settings.any_on)

    @property
    def in_tray(self) -> bool:
        """Whether the tray icon is showing (reminders are on and the desktop has a tray)."""
        return self.tray is not None and self.tray.isVisible()

    # -- looking at the clock ------------------------------------------------------------

    def check(self) -> list[Reminder]:
        """Show whatever has come due; returns it (tests and the timer call this)."""
        now = self._clock()
        before = self.settings
        self._load_settings()  # a change made elsewhere counts at once
        if self.settings != before:  # only times still ahead count from a change
            passed = due_now(self.settings, now, ReminderFacts(now.date()), self.state)
            self.state = set_aside(self.state, passed)
        if self.on_show and self.on_show[0].at.date() != now.date():
            self._clear()  # a new day starts afresh
        self._update_tooltip(now)
        if not self.settings.any_on:
            self._clear()
            return []
        # Reading the diary costs a few queries: only when something may be due.
        if not due_now(self.settings, now, ReminderFacts(now.date()), self.state):
            return []
        due = due_now(self.settings, now, self.read_facts(now.date()), self.state)
        if due:
            self.state = record_shown(self.state, due, now)
            self._notify(due)
        return due

    def read_facts(self, day: date) -> ReminderFacts:
        """What the diary says about ``day``, as far as the chosen reminders care."""
        settings = self.settings
        try:
            record = self._store.day_record(day)
            due: tuple[str, ...] | None = None
            if settings.questionnaires:
                last_taken = self._store.questionnaires.last_taken()
                interval = self._window.questionnaire_preferences.interval_days()
                dues = (
                    []
                    if day in last_taken.values()
                    else (self._store.questionnaire_dues(interval, day, last_taken))
                )
                due = tuple(dict.fromkeys(d.instrument.label for d in dues if d.is_due(day)))
            names = None
            if settings.medications:
                taking = self._store.treatments.medications_taken_on(day)
                names = {m.id: m.name for m in taking if m.id is not None}
        except StorageError:
            return ReminderFacts(day)  # unreadable just now: remind rather than stay silent
        return ReminderFacts(
            day,
            checked_in=bool(record.check_ins),
            questionnaires_due=due,
            medication_names=names,
            doses_noted=frozenset(record.adherence),
        )

    def _update_tooltip(self, now: datetime) -> None:
        if self.tray is None:
            return
        upcoming = next_reminders(self.settings, now, ReminderFacts(now.date()), self.state)
        text = APP_NAME
        if upcoming:
            first = upcoming[0].at
            at = time_text(first.time())
            if first.date() == now.date():
                text = self.tr("moodlog: next reminder {time}").format(time=at)
            else:
                text = self.tr("moodlog: next reminder tomorrow {time}").format(time=at)
        self.tray.setToolTip(text)

    # -- showing -------------------------------------------------------------------------

    def _notify(self, due: list[Reminder]) -> None:
        title, text = summary(due)
        if self.in_tray and self.tray is not None:
            self.tray.showMessage(title, text, self._icon(), MESSAGE_SHOWN_MS)
        self._show_banner(due)
        self._window.statusBar().showMessage(title, MESSAGE_SHOWN_MS)
        if not self.in_tray and self._window.isVisible():
            QApplication.alert(self._window)  # a taskbar hint, where the desktop has one

    def _show_banner(self, reminders: list[Reminder]) -> None:
        self.on_show = reminders
        if len(reminders) == 1:
            text = f"{reminders[0].title} {reminders[0].text}"
        else:
            text = " · ".join(r.title for r in reminders)
        kinds = {r.kind for r in reminders}
        actions: list[tuple[str, Callable[[], object]]] = []
        if ReminderKind.CHECK_IN in kinds:
            actions.append((self.tr("Check in no&w"), self.check_in_now))
        elif ReminderKind.QUESTIONNAIRE in kinds:
            actions.append((self.tr("See &questionnaires"), self._show_questionnaires))
        actions += [
            (Snooze.ONE_HOUR.label, self.snooze_hour),
            #: No more reminders for the rest of today.
            (self.tr("Not today"), self.quiet_today),
        ]
        self.banner.show_message(text, BannerKind.INFO, actions)
        for button in self.banner.buttons():
            button.setAutoDefault(False)
            button.setAccessibleName(button.text().replace("&", ""))
        self.banner.setAccessibleName(self.tr("Reminder"))

    def banner_buttons(self) -> dict[str, QPushButton]:
        return {b.text().replace("&", ""): b for b in self.banner.buttons()}

    def _refresh_on_show(self) -> None:
        """Withdraw what is no longer true (a check-in saved, a questionnaire taken)."""
        if not self.on_show:
            return
        facts = self.read_facts(self._clock().date())
        kept = [r for r in self.on_show if still_wanted(r, self.settings, facts)]
        if not kept:
            self._clear()
        elif kept != self.on_show:
            self._show_banner(kept)

    def _clear(self) -> None:
        self.on_show = []
        self.banner.clear()

    # -- what the person can do ----------------------------------------------------------

    def open_window(self) -> None:
        QApplication.setQuitOnLastWindowClosed(True)
        window = self._window
        if window.isMinimized() or not window.isVisible():
            window.showNormal()
        window.raise_()
        window.activateWindow()

    def check_in_now(self) -> None:
        self.open_window()
        self._window.open_day(self._clock().date())
        self._window.today_view.check_in_panel.focus_first()

    def _show_questionnaires(self) -> None:
        self.open_window()
        self._window.show_scores()

    def snooze_hour(self) -> None:
        now = self._clock()
        self.state = snooze(self.state, now, Snooze.ONE_HOUR)
        self._clear()
        until = now + Snooze.ONE_HOUR.value
        self._window.statusBar().showMessage(
            self.tr("Reminders are snoozed until {time}.").format(time=time_text(until.time())),
            8000,
        )
        self._update_tooltip(now)

    def quiet_today(self) -> None:
        self.state = quiet_today(self.state, self._clock())
        self._clear()
        self._window.statusBar().showMessage(
            self.tr("No more reminders today; see you tomorrow."), 8000
        )

    def quit(self) -> None:
        """Close the window for real (its draft is kept) and end moodlog."""
        self._quitting = True
        QApplication.setQuitOnLastWindowClosed(True)
        self._window.close()
        QApplication.quit()

    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.open_window()

    # -- starting and closing ------------------------------------------------------------

    def start_hidden(self) -> bool:
        """Started with --minimised: stay in the tray if there is one and reminders are on;
        ``False`` when the window should show (minimised) instead."""
        if not self.in_tray:
            return False
        QApplication.setQuitOnLastWindowClosed(False)
        return True

    def hide_to_tray(self) -> None:
        QApplication.setQuitOnLastWindowClosed(False)  # a dialog closing must not quit
        self._window.today_view.write_draft()  # as closing does: nothing typed is lost
        self._window.hide()
        if not self._told_about_tray and self.tray is not None:
            self._told_about_tray = True
            self.tray.showMessage(
                self.tr("moodlog is still here"),
                self.tr("It stays in the tray for your reminders. Quit from this icon's menu."),
                self._icon(),
                MESSAGE_SHOWN_MS,
            )

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self._window
            and isinstance(event, QCloseEvent)
            and self.closing_by_user(event)
            and not self._quitting
            and self.in_tray
        ):
            keep = self.preferences.close_to_tray()
            if keep is None:
                event.ignore()
                self._ask_about_tray()
                return True
            if keep:
                event.ignore()
                self.hide_to_tray()
                return True
        return super().eventFilter(watched, event)

    @staticmethod
    def closing_by_user(event: QCloseEvent) -> bool:
        """A close from the window manager (the title bar's ×), not Quit or logging out."""
        return event.spontaneous()

    def _ask_about_tray(self) -> None:
        if self.close_question is not None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Keep reminders running?"),
            self.tr(
                "Reminders come only while moodlog runs. Keep it running in the system tray "
                "when you close the window?\n\nYou can change this later under View → "
                "Reminders."
            ),
            parent=self._window,
        )
        keep = box.addButton(self.tr("&Keep in the tray"), QMessageBox.ButtonRole.AcceptRole)
        leave = box.addButton(self.tr("&Quit moodlog"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(leave)
        box.setEscapeButton(leave)

        def answered() -> None:
            chose_keep = box.clickedButton() is keep
            self.preferences.set_close_to_tray(chose_keep)
            self.close_question = None
            box.deleteLater()
            if chose_keep:
                self.hide_to_tray()
            else:
                self._quitting = True
                self._window.close()

        box.finished.connect(answered)
        self.close_question = box
        box.open()
