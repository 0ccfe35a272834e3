"""DamagedDiaryDialog: what moodlog says when SQLite finds the diary file damaged.

It says so in plain words, that the file has not been changed, and offers the latest backup
that passes the same check. At start-up (before the window) it also offers another diary
file, or to quit; once the window is up, "Not now" keeps the diary open as it is (moodlog
then makes no automatic backups of it, so the good ones are never rotated away).
"""

from enum import Enum, auto
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from moodlog.domain.translation import QT_TRANSLATE_NOOP
from moodlog.storage.backups import Backup
from moodlog.ui.restore_dialog import size_text, when_text

TITLE = QT_TRANSLATE_NOOP("DamagedDiaryDialog", "Your diary file is damaged")


class Recovery(Enum):
    RESTORE = auto()
    OPEN_OTHER = auto()
    NOT_NOW = auto()  # quit, at start-up


def damaged_text(diary: Path, latest: Backup | None) -> str:
    text = QCoreApplication.translate(
        "DamagedDiaryDialog",
        "moodlog checked your diary file, {file}, and part of it can't be read. This "
        "can happen after a problem with the disk, or when a copy stopped halfway. moodlog "
        "has not changed the file.",
    ).format(file=diary.name)
    if latest is None:
        #: {damaged}: the sentences above, that say the diary file is damaged.
        no_backup = QCoreApplication.translate(
            "DamagedDiaryDialog", "{damaged} There is no backup that could replace it."
        )
        return no_backup.format(damaged=text)
    #: {damaged}: the sentences above, that say the diary file is damaged.
    with_backup = QCoreApplication.translate(
        "DamagedDiaryDialog",
        "{damaged}\n\nThe latest good backup is from {when} ({size}). Restoring it puts that "
        "version in place; the damaged file is kept beside it, unchanged, in case it is "
        "needed later.",
    )
    return with_backup.format(
        damaged=text, when=when_text(latest.made_at), size=size_text(latest.size)
    )


class DamagedDiaryDialog(QDialog):
    """:meth:`choice` is what the person chose, once finished."""

    def __init__(
        self,
        diary: Path,
        problem: str,
        latest: Backup | None,
        at_start: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        title = QCoreApplication.translate("DamagedDiaryDialog", TITLE)
        self.setWindowTitle(title)
        self._choice = Recovery.NOT_NOW
        layout = QVBoxLayout(self)
        heading = QLabel(title, self)
        bold = heading.font()
        bold.setBold(True)
        heading.setFont(bold)
        self.text_label = QLabel(damaged_text(diary, latest), self)
        self.text_label.setWordWrap(True)
        #: {problem}: SQLite's own words, in English.
        reported = self.tr("What SQLite reported: {problem}").format(problem=problem)
        self.detail_label = QLabel(reported, self)
        self.detail_label.setWordWrap(True)
        layout.addWidget(heading)
        layout.addWidget(self.text_label)
        layout.addWidget(self.detail_label)
        buttons = QDialogButtonBox(self)
        role = QDialogButtonBox.ButtonRole
        self.restore_button = buttons.addButton(self.tr("&Restore the backup"), role.AcceptRole)
        self.restore_button.setVisible(latest is not None)
        self.other_button = buttons.addButton(self.tr("&Open another diary…"), role.ActionRole)
        self.other_button.setVisible(at_start)
        not_now = self.tr("&Quit") if at_start else self.tr("&Not now")
        self.not_now_button = buttons.addButton(not_now, role.RejectRole)
        self.restore_button.setAccessibleDescription(
            self.tr("Put the latest good backup in place; the damaged file is kept as it is")
        )
        self.other_button.setAccessibleDescription(self.tr("Choose another diary file to open"))
        self.not_now_button.setAccessibleDescription(self.tr("Leave the diary as it is for now"))
        layout.addWidget(buttons)
        self.restore_button.clicked.connect(lambda: self._finish(Recovery.RESTORE))
        self.other_button.clicked.connect(lambda: self._finish(Recovery.OPEN_OTHER))
        self.not_now_button.clicked.connect(lambda: self._finish(Recovery.NOT_NOW))
        (self.restore_button if latest is not None else self.not_now_button).setDefault(True)
        self.setMinimumWidth(520)

    def choice(self) -> Recovery:
        return self._choice

    def _finish(self, choice: Recovery) -> None:
        self._choice = choice
        if choice is Recovery.NOT_NOW:
            self.reject()
        else:
            self.accept()
