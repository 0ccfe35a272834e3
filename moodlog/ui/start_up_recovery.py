"""recover_at_start: the diary would not open because it is damaged, before any window.

DamagedDiaryDialog offers the latest good backup (restoring keeps the damaged file beside it,
byte for byte) or another diary file. With no good backup to offer, the message is shown as
for any diary that can't be opened.
"""

from pathlib import Path

from moodlog.domain.clock import Clock
from moodlog.storage.backups import backup_folder, latest_good_backup, restore
from moodlog.storage.database import open_database
from moodlog.storage.diary_store import DiaryStore
from moodlog.storage.errors import DiaryDamaged, StorageError
from moodlog.ui import dialogs
from moodlog.ui.damaged_diary_dialog import DamagedDiaryDialog, Recovery

CANT_OPEN = "moodlog can't open your diary"
DIARY_FILTER = "moodlog diaries (*.sqlite);;All files (*)"


def recover_at_start(
    diary: Path, problem: str, clock: Clock, passphrase: str | None = None
) -> tuple[DiaryStore, Path] | None:
    """The store opened after the person's choice, with its path; ``None`` to quit."""
    while True:
        latest = latest_good_backup(backup_folder(diary), diary.stem, passphrase)
        if latest is None:
            dialogs.show_error(None, CANT_OPEN, problem)
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
                chosen = dialogs.ask_open_path(None, "Open another diary", DIARY_FILTER)
                if chosen is None:
                    continue
                target = chosen
            return DiaryStore(open_database(target, clock(), passphrase, check=False)), target
        except DiaryDamaged as error:
            diary, problem = target, error.message
        except StorageError as error:
            dialogs.show_error(None, CANT_OPEN, error.message)
