"""recover_at_start: the diary would not open because it is damaged, before any window.

DamagedDiaryDialog offers the latest good backup (restoring keeps the damaged file beside it,
byte for byte) or another diary file. With no good backup to offer, the message is shown as
for any diary that can't be opened.
"""

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from moodlog.domain.clock import Clock
from moodlog.domain.translation import QT_TRANSLATE_NOOP
from moodlog.storage.backups import backup_folder, latest_good_backup, restore
from moodlog.storage.database import open_database
from moodlog.storage.diary_store import DiaryStore
from moodlog.storage.errors import DiaryDamaged, StorageError
from moodlog.ui import dialogs
from moodlog.ui.damaged_diary_dialog import DamagedDiaryDialog, Recovery

# Translated where shown (:func:`_shown`), under the context "StartUpRecovery".
CANT_OPEN = QT_TRANSLATE_NOOP("StartUpRecovery", "moodlog can't open your diary")
#: A file-chooser filter: translate the descriptions, keep the patterns in brackets as they are.
DIARY_FILTER = QT_TRANSLATE_NOOP("StartUpRecovery", "moodlog diaries (*.sqlite);;All files (*)")


def _shown(text: str) -> str:
    """One of this module's texts above, in the person's language."""
    return QCoreApplication.translate("StartUpRecovery", text)


def recover_at_start(
    diary: Path, problem: str, clock: Clock, passphrase: str | None = None
) -> tuple[DiaryStore, Path] | None:
    """The store opened after the person's choice, with its path; ``None`` to quit."""
    while True:
        latest = latest_good_backup(backup_folder(diary), diary.stem, passphrase)
        if latest is None:
            dialogs.show_error(None, _shown(CANT_OPEN), problem)
            return None
        dialog = DamagedDiaryDialog(diary, problem, latest, at_start=True)
        dialogs.run_modal(dialog)
        choice = dialog.choice()
        dialog.deleteLater()
        if choice is Recovery.NOT_NOW:
            return None
        target = diary
        try:
            if choice is Recovery.RESTORE:
                restore(diary, latest.path, clock(), passphrase)
            else:
                title = QCoreApplication.translate("StartUpRecovery", "Open another diary")
                chosen = dialogs.ask_open_path(None, title, _shown(DIARY_FILTER))
                if chosen is None:
                    continue
                target = chosen
            return DiaryStore(open_database(target, clock(), passphrase, check=False)), target
        except DiaryDamaged as error:
            diary, problem = target, error.message
        except StorageError as error:
            dialogs.show_error(None, _shown(CANT_OPEN), error.message)
