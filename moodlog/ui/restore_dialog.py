"""RestoreDialog: choose a backup to go back to (File › Restore from a backup…).

The automatic backups are listed newest first with when and why each was made and its
size; "Choose a file…" picks one made elsewhere (with "Back up now…"). The dialog only
chooses: the caller asks once more, then restores, keeping the diary as it is now.
"""

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, Qt, QTime
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from moodlog.domain.translation import QT_TRANSLATE_NOOP
from moodlog.storage.backups import Backup
from moodlog.ui import dialogs
from moodlog.ui.qt_dates import time_display_format, to_qdate

# Translated where shown (:func:`_shown`), under the context "RestoreDialog".
TITLE = QT_TRANSLATE_NOOP("RestoreDialog", "Restore from a backup")
INTRODUCTION = QT_TRANSLATE_NOOP(
    "RestoreDialog",
    "Choose the backup to go back to. Your diary as it is now is kept in a file beside it, "
    "so nothing is lost.",
)
NO_BACKUPS = QT_TRANSLATE_NOOP(
    "RestoreDialog",
    "There are no automatic backups yet: moodlog makes one each time it starts and once a "
    "day. You can choose a backup file you made yourself.",
)
#: A file-chooser filter: translate the descriptions, keep the patterns in brackets as they are.
FILTER = QT_TRANSLATE_NOOP("RestoreDialog", "moodlog backups (*.sqlite);;All files (*)")
# Why a backup was made (the reason stored with it, in the "Why" column).
REASONS = {
    "start-up": QT_TRANSLATE_NOOP("RestoreDialog", "When moodlog started"),
    "daily": QT_TRANSLATE_NOOP("RestoreDialog", "Daily"),
    "by-hand": QT_TRANSLATE_NOOP("RestoreDialog", "By hand"),
}


def _shown(text: str) -> str:
    """One of this module's texts above, in the person's language."""
    return QCoreApplication.translate("RestoreDialog", text)


def when_text(made_at: datetime) -> str:
    """ "Sat 21 Nov 2026, 09:30", with the day and month in the person's language."""
    moment = QDateTime(to_qdate(made_at.date()), QTime(made_at.hour, made_at.minute))
    return QLocale().toString(moment, f"ddd d MMM yyyy, {time_display_format()}")


def reason_text(reason: str) -> str:
    """Why a backup was made, in words (a reason this version doesn't know: as stored)."""
    return _shown(REASONS[reason]) if reason in REASONS else reason


def size_text(size: int) -> str:
    if size < 1024 * 1024:
        kilobytes = QCoreApplication.translate("RestoreDialog", "{size} KB")
        return kilobytes.format(size=max(1, round(size / 1024)))
    megabytes = QCoreApplication.translate("RestoreDialog", "{size} MB")
    return megabytes.format(size=f"{size / (1024 * 1024):.1f}")


class RestoreDialog(QDialog):
    """Lists ``backups`` (newest first); :meth:`chosen` is the file to restore once
    accepted."""

    def __init__(self, backups: list[Backup], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_shown(TITLE))
        self._backups = backups
        self._chosen_file: Path | None = None
        self._build_layout()
        self._connect_signals()
        self._update_button()

    def _build_layout(self) -> None:
        layout = QVBoxLayout(self)
        intro = QLabel(_shown(INTRODUCTION if self._backups else NO_BACKUPS), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.list_label = QLabel(self.tr("&Backups:"), self)
        self.backup_list = QTreeWidget(self)
        self.backup_list.setAccessibleName(self.tr("Backups"))
        self.backup_list.setAccessibleDescription(
            self.tr("Your backups: when each was made, why, and its size")
        )
        self.backup_list.setRootIsDecorated(False)
        self.backup_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.backup_list.setHeaderLabels(
            [
                #: Column heading: when the backup was made.
                self.tr("Made"),
                #: Column heading: why the backup was made.
                self.tr("Why"),
                self.tr("Size"),
            ]
        )
        for backup in self._backups:
            item = QTreeWidgetItem(
                [
                    when_text(backup.made_at),
                    reason_text(backup.reason),
                    size_text(backup.size),
                ]
            )
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setToolTip(0, str(backup.path))
            self.backup_list.addTopLevelItem(item)
        header = self.backup_list.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.list_label.setBuddy(self.backup_list)
        self.list_label.setVisible(bool(self._backups))
        self.backup_list.setVisible(bool(self._backups))
        first = self.backup_list.topLevelItem(0)
        if first is not None:
            self.backup_list.setCurrentItem(first)
        layout.addWidget(self.list_label)
        layout.addWidget(self.backup_list, 1)
        self.file_button = QPushButton(self.tr("Choose a &file…"), self)
        self.file_button.setAutoDefault(False)
        self.file_button.setAccessibleDescription(
            self.tr("Restore from a backup file kept somewhere else")
        )
        self.file_label = QLabel(self)
        self.file_label.setWordWrap(True)
        self.file_label.hide()
        layout.addWidget(self.file_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.file_label)
        self.button_box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.restore_button = self.button_box.addButton(
            self.tr("&Restore…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restore_button.setAccessibleDescription(
            self.tr("Put the chosen backup in place; your diary as it is now is kept aside")
        )
        cancel = self.button_box.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleDescription(self.tr("Close this and change nothing"))
        layout.addWidget(self.button_box)
        self.resize(560, 380)

    def _connect_signals(self) -> None:
        self.button_box.accepted.connect(self.accept)
        self.button_box.rejected.connect(self.reject)
        self.file_button.clicked.connect(self._choose_file)
        self.backup_list.itemSelectionChanged.connect(self._on_list_choice)
        self.backup_list.itemActivated.connect(lambda *_: self.accept())

    def chosen(self) -> Path | None:
        """The file the person chose: one from the list, or one chosen with "Choose a file"."""
        if self._chosen_file is not None:
            return self._chosen_file
        current = self.backup_list.currentItem()
        if current is None or not current.isSelected():
            return None
        return self._backups[self.backup_list.indexOfTopLevelItem(current)].path

    def _choose_file(self) -> None:
        path = dialogs.ask_open_path(self, self.tr("Choose a backup file"), _shown(FILTER))
        if path is None:
            return
        self._chosen_file = path
        self.backup_list.clearSelection()
        self.file_label.setText(self.tr("Chosen: {path}").format(path=path))
        self.file_label.show()
        self._update_button()
        self.restore_button.setFocus()

    def _on_list_choice(self) -> None:
        if self.backup_list.selectedItems():
            self._chosen_file = None
            self.file_label.hide()
        self._update_button()

    def _update_button(self) -> None:
        self.restore_button.setEnabled(self.chosen() is not None)
