"""DiaryKeeper: keeps the open diary safe while the window runs.

Just after the first frame (:meth:`start`) it answers a second moodlog started on the same
diary (single_instance.py), runs SQLite's quick check (~15 ms on ten years, which is why it
is not done before the first frame) and, if the diary is sound, makes the start-up backup;
then one a day while moodlog runs, each followed by the rotation. It adds "Back up now…" and
"Restore from a backup…" to the File menu. A damaged diary gets DamagedDiaryDialog, and no
automatic backups of it are made, so the good ones are never rotated away.

Restoring closes the diary, puts the backup in place (the current file kept beside it) and
opens it again in the same window; the day's unsaved form goes along as a draft.
"""

from contextlib import suppress
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths, QTimer, Signal

from moodlog.domain.clock import Clock
from moodlog.domain.translation import QT_TRANSLATE_NOOP
from moodlog.storage.backups import DiaryBackups, latest_good_backup, restore_store
from moodlog.storage.diary_store import DiaryStore
from moodlog.storage.errors import StorageError
from moodlog.ui import dialogs

if TYPE_CHECKING:
    from moodlog.ui.damaged_diary_dialog import DamagedDiaryDialog
    from moodlog.ui.main_window import MainWindow
    from moodlog.ui.restore_dialog import RestoreDialog
    from moodlog.ui.single_instance import SingleInstance

#: A file-chooser filter: translate the description, keep the pattern in brackets as it is.
BACKUP_FILTER = QT_TRANSLATE_NOOP("DiaryKeeper", "moodlog backups (*.sqlite)")
# How often to see whether the daily backup is due (it is made once the last is a day old).
CHECK_INTERVAL_MS = 60 * 60 * 1000
DAILY = timedelta(days=1)


class DiaryKeeper(QObject):
    """Backups, restoring, the integrity check and the single-instance guard for ``window``.

    ``back_up_at_start``: ``False`` for a diary created by this start (nothing to keep yet).
    ``passphrase``: the encrypted diary's, to check and open its backups."""

    status = Signal(str)

    def __init__(
        self,
        window: "MainWindow",
        store: DiaryStore,
        diary: Path,
        clock: Clock,
        back_up_at_start: bool = True,
        passphrase: str | None = None,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._store = store
        self._clock = clock
        self._back_up_at_start = back_up_at_start
        self._passphrase = passphrase
        self.diary = diary
        self.backups = DiaryBackups(store, diary)
        self.damaged = False
        self.instance: SingleInstance | None = None
        self.restore_dialog: RestoreDialog | None = None
        self.damaged_dialog: DamagedDiaryDialog | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_INTERVAL_MS)
        self.timer.timeout.connect(self.back_up_if_due)
        self.status.connect(lambda text: window.statusBar().showMessage(text, 10000))
        menu = window.file_menu
        menu.addSeparator()
        self.back_up_action = menu.addAction(self.tr("&Back up now…"))
        self.back_up_action.triggered.connect(self.back_up_now)
        self.restore_action = menu.addAction(self.tr("&Restore from a backup…"))
        self.restore_action.triggered.connect(self.open_restore)

    # -- after the first frame -------------------------------------------------------------

    def start(self) -> None:
        """Listen for a second copy, check the diary, make the start-up backup."""
        from moodlog.ui.single_instance import SingleInstance

        self.instance = SingleInstance(self.diary, self)
        self.instance.show_requested.connect(self.bring_to_front)
        self.instance.listen()
        if not self.check():
            return
        if self._back_up_at_start:
            self.back_up("start-up")
        self.timer.start()

    def check(self) -> bool:
        """SQLite's quick check; a damaged diary gets the dialog. ``True`` if sound."""
        problems = self.backups.problems()
        self.damaged = bool(problems)
        if problems:
            self.timer.stop()
            self._offer_recovery(problems[0])
        return not problems

    def bring_to_front(self) -> None:
        window = self._window
        if window.isMinimized():
            window.showNormal()
        window.show()
        window.raise_()
        window.activateWindow()

    # -- automatic backups -----------------------------------------------------------------

    def back_up(self, reason: str) -> Path | None:
        """An automatic backup and the rotation; a problem is said in the status bar only
        (nothing the person did failed, and the next try comes by itself)."""
        if self.damaged:
            return None
        try:
            return self.backups.make(self._clock(), reason)
        except StorageError as error:
            failed = self.tr("moodlog couldn't make its automatic backup. {problem}")
            self.status.emit(failed.format(problem=error.message))
            return None

    def back_up_if_due(self) -> Path | None:
        """The daily backup, once the newest is a day old."""
        newest = self.backups.available()
        if newest and self._clock() - newest[0].made_at < DAILY:
            return None
        return self.back_up("daily")

    # -- menu actions ----------------------------------------------------------------------

    def back_up_now(self) -> Path | None:
        """Ask where, then write a backup there (File › Back up now…)."""
        now = self._clock()
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        #: A suggested file name ({diary}: the diary's own name); no slashes in it.
        name = self.tr("{diary}-backup-{day}").format(diary=self.diary.stem, day=f"{now:%Y-%m-%d}")
        suggested = Path(folder) / f"{name}.sqlite"
        target = dialogs.ask_save_path(
            self._window,
            self.tr("Back up your diary"),
            suggested,
            QCoreApplication.translate("DiaryKeeper", BACKUP_FILTER),
        )
        if target is None:
            return None
        if target.suffix == "":
            target = target.with_suffix(".sqlite")
        try:
            self.backups.write_to(target)
        except StorageError as error:
            dialogs.show_error(self._window, self.tr("No backup was made"), error.message)
            return None
        self.status.emit(self.tr("Your diary is backed up to {path}.").format(path=target))
        return target

    def open_restore(self) -> "RestoreDialog":
        """File › Restore from a backup…: choose, confirm, restore."""
        from moodlog.ui.restore_dialog import RestoreDialog

        if self.restore_dialog is not None:
            self.restore_dialog.deleteLater()
        dialog = RestoreDialog(self.backups.available(), self._window)
        dialog.accepted.connect(lambda: self._confirm_restore(dialog.chosen()))
        self.restore_dialog = dialog
        dialog.open()
        return dialog

    def _confirm_restore(self, backup: Path | None) -> None:
        if backup is None:
            return
        asked = dialogs.confirm(
            self._window,
            self.tr("Restore this backup?"),
            self.tr(
                "Your diary will go back to the backup {name}. Your diary as it is now is "
                "kept in a file beside it, so nothing is lost."
            ).format(name=backup.name),
            self.tr("Restore"),
        )
        if asked:
            self.restore(backup)

    def restore(self, backup: Path) -> Path | None:
        """Put ``backup`` in place and show it; returns where the diary as it was is kept.
        The form's unsaved changes for its day come along as a draft."""
        today = self._window.today_view
        today.write_draft()
        day = today.day
        draft = self._store.draft_for(day)
        now = self._clock()
        try:
            kept = restore_store(self._store, self.diary, backup, now, self._passphrase)
        except StorageError as error:
            dialogs.show_error(self._window, self.tr("The backup was not restored"), error.message)
            return None
        if draft is not None:
            # If it can't be written, it is still in the kept file.
            with suppress(StorageError):
                self._store.save_draft(day, draft.payload, now)
        self.damaged = False
        self._window.reload_diary()
        if kept:
            restored = self.tr(
                "Restored the backup {name}. Your diary as it was is kept as {kept}."
            ).format(name=backup.name, kept=kept.name)
        else:
            restored = self.tr("Restored the backup {name}.").format(name=backup.name)
        self.status.emit(restored)
        if not self.timer.isActive():
            self.timer.start()
        return kept

    # -- a damaged diary -------------------------------------------------------------------

    def _offer_recovery(self, problem: str) -> None:
        from moodlog.ui.damaged_diary_dialog import DamagedDiaryDialog, Recovery

        latest = latest_good_backup(self.backups.folder, self.diary.stem, self._passphrase)
        dialog = DamagedDiaryDialog(
            self.diary, problem, latest, at_start=False, parent=self._window
        )
        self.damaged_dialog = dialog

        def finished() -> None:
            if dialog.choice() is Recovery.RESTORE and latest is not None:
                self.restore(latest.path)
            else:
                self.status.emit(
                    #: The end names the File menu and its item "Restore from a backup…": use
                    #: their translations.
                    self.tr(
                        "Your diary file is damaged; moodlog makes no automatic backups of it. "
                        "File › Restore from a backup… is there when you are ready."
                    )
                )

        dialog.finished.connect(finished)
        dialog.open()
