"""ReminderSettingsDialog: the reminders page on its own (View → Reminders…). Like Settings,
each change is stored at once, so the only button is Close."""

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from moodlog.domain.clock import Clock
from moodlog.storage.diary_store import DiaryStore
from moodlog.ui.reminder_settings_page import ReminderSettingsPage


class ReminderSettingsDialog(QDialog):
    def __init__(
        self,
        store: DiaryStore,
        clock: Clock,
        settings: QSettings,
        diary_path: Path | None,
        tray_available: bool | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reminders"))
        self.page = ReminderSettingsPage(
            settings,
            self,
            store=store,
            clock=clock,
            diary_path=diary_path,
            tray_available=tray_available,
        )
        self.button_box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.button_box.button(QDialogButtonBox.StandardButton.Close).setAccessibleDescription(
            self.tr("Close this window; your choices here are already kept")
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.page, 1)
        layout.addWidget(self.button_box)
        self.button_box.rejected.connect(self.reject)
        # Room for the whole page without scrolling, where the screen allows it.
        hint = self.page.content_size_hint()
        margins = layout.contentsMargins()
        width = hint.width() + margins.left() + margins.right()
        height = (
            hint.height()
            + layout.spacing()
            + self.button_box.sizeHint().height()
            + margins.top()
            + margins.bottom()
        )
        screen = self.screen().availableGeometry()
        self.resize(min(width, screen.width() * 9 // 10), min(height, screen.height() * 9 // 10))
