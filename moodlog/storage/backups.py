"""Backups of the diary, and restoring one.

Automatic backups live in ``<diary folder>/backups/`` (0700), one file each (0600), named
``<diary name>-YYYYMMDD-HHMMSS-<reason>.sqlite`` and rotated by
:func:`moodlog.domain.backup_rotation.backups_to_keep`. Every backup is written with SQLite's
online backup API (a consistent copy even while moodlog writes) into a temporary file that
is renamed into place, so a backup is either complete or absent.

Restoring never loses the current file: it is copied aside byte for byte first (SQLite is
not asked to read it: it may be the damaged one), the backup is checked on a copy, and the
checked copy then replaces the diary in one rename.
"""

import contextlib
import errno
import os
import re
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from moodlog.domain.backup_rotation import backups_to_delete
from moodlog.domain.translation import translate
from moodlog.storage.database import (
    FILE_MODE,
    FOLDER_MODE,
    applied_migration_names,
    open_database,
)
from moodlog.storage.diary_store import DiaryStore
from moodlog.storage.encrypted_connection import connect_encrypted, connect_like, database_errors
from moodlog.storage.errors import DiaryDamaged, DiaryTooNew, DiaryUnavailable, StorageError
from moodlog.storage.integrity import check_integrity
from moodlog.storage.migrations import known_migration_names

BACKUP_FOLDER_NAME = "backups"
_STAMP = "%Y%m%d-%H%M%S"
_NAME = re.compile(r"(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})-(?P<reason>[a-z][a-z-]*)\.sqlite")
_SIDE_FILES = ("-wal", "-shm", "-journal")


@dataclass(frozen=True, slots=True)
class Backup:
    path: Path
    made_at: datetime
    reason: str  # "start-up", "daily", "by-hand", ...
    size: int  # bytes


def backup_folder(diary: Path) -> Path:
    """Where the automatic backups of ``diary`` go: ``backups/`` beside it."""
    return diary.parent / BACKUP_FOLDER_NAME


def write_backup(conn: sqlite3.Connection, target: Path) -> Path:
    """Copy the open diary into ``target`` (0600), replacing it only once the copy is whole.

    The copy is a single self-contained file (no -wal beside it), encrypted like the diary.
    Raises :class:`DiaryUnavailable` with a message when it can't be written."""
    partial = target.with_name(f".{target.name}.partial")
    try:
        os.close(os.open(partial, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, FILE_MODE))
        copy = connect_like(conn, partial)
        try:
            conn.backup(copy)
            copy.execute("PRAGMA journal_mode = DELETE")
        finally:
            copy.close()
        _fsync(partial)
        partial.replace(target)
        _fsync_folder(target.parent)
    except _sqlite_errors(OSError) as error:
        _remove_quietly(partial)
        raise backup_error(error, target) from error
    return target


def make_backup(
    conn: sqlite3.Connection, folder: Path, now: datetime, reason: str, stem: str = "moodlog"
) -> Path:
    """An automatic (or by-hand) backup into ``folder``, created owner-only if need be."""
    if not re.fullmatch(r"[a-z][a-z-]*", reason):
        raise ValueError(f"reason must be lower-case words joined by '-': {reason!r}")
    try:
        folder.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
        folder.chmod(FOLDER_MODE)  # mkdir's mode is filtered by the umask
    except OSError as error:
        raise backup_error(error, folder) from error
    return write_backup(conn, folder / f"{stem}-{now:{_STAMP}}-{reason}.sqlite")


def list_backups(folder: Path, stem: str = "moodlog") -> list[Backup]:
    """The backups of the diary named ``stem`` in ``folder``, newest first."""
    found = []
    try:
        paths = list(folder.iterdir())
    except OSError:
        return []
    for path in paths:
        match = _NAME.fullmatch(path.name)
        if match is None or match["stem"] != stem:
            continue
        try:
            made_at = datetime.strptime(match["stamp"], _STAMP)
            size = path.stat().st_size
        except (ValueError, OSError):
            continue
        found.append(Backup(path, made_at, match["reason"], size))
    return sorted(found, key=lambda backup: (backup.made_at, backup.path.name), reverse=True)


def prune(folder: Path, now: datetime, stem: str = "moodlog") -> list[Path]:
    """Delete the backups the rotation no longer keeps; returns what was deleted. A file
    that can't be deleted just stays."""
    backups = list_backups(folder, stem)
    doomed = backups_to_delete([backup.made_at for backup in backups], now)
    deleted = []
    for backup in backups:
        if backup.made_at in doomed:
            try:
                backup.path.unlink()
            except OSError:
                continue
            deleted.append(backup.path)
    return deleted


def backup_problems(path: Path, passphrase: str | None = None) -> list[str]:
    """Why ``path`` can't be restored ([] when it can). Only reads the file."""
    try:
        if passphrase is None:
            conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        else:
            conn = connect_encrypted(path, passphrase)
    except StorageError as error:
        return [error.message]
    except _sqlite_errors() as error:
        return [str(error)]
    try:
        return _diary_problems(conn, thorough=False)[0]
    finally:
        conn.close()


def latest_good_backup(
    folder: Path, stem: str = "moodlog", passphrase: str | None = None
) -> Backup | None:
    """The newest backup that passes SQLite's check."""
    for backup in list_backups(folder, stem):
        if not backup_problems(backup.path, passphrase):
            return backup
    return None


def restore(diary: Path, backup: Path, now: datetime, passphrase: str | None = None) -> Path | None:
    """Replace ``diary`` (which must not be open) by ``backup``.

    The backup is copied and checked first; then the current file (and its -wal, which may
    hold its latest saves) is kept beside it as ``<name>.before-restore-<time>.sqlite``, byte
    for byte; then the checked copy takes its place in one rename. Returns the kept file, or
    ``None`` if there was no diary yet. Raises a :class:`StorageError` with a message, the
    diary untouched, if the backup is damaged, from a newer moodlog, or can't be copied."""
    if diary.exists() and backup.resolve() == diary.resolve():
        raise DiaryUnavailable(
            translate("Backups", "{backup} is the diary itself. Choose a backup file.").format(
                backup=backup
            )
        )
    incoming = diary.with_name(f".{diary.name}.restoring")
    try:
        _copy_with_side_files(backup, incoming)
        _check_restorable(incoming, backup, passphrase)
        _fsync(incoming)
        kept = _keep_aside(diary, now)
        for suffix in _SIDE_FILES:  # a stale -wal must never be replayed onto the backup
            _remove_quietly(Path(f"{diary}{suffix}"))
        incoming.replace(diary)
        _fsync_folder(diary.parent)
    except OSError as error:
        raise backup_error(error, diary, restoring=True) from error
    finally:
        for suffix in ("", *_SIDE_FILES):
            _remove_quietly(Path(f"{incoming}{suffix}"))
    return kept


def restore_store(
    store: DiaryStore, diary: Path, backup: Path, now: datetime, passphrase: str | None = None
) -> Path | None:
    """:func:`restore` for the diary ``store`` has open: the store is closed for it and opened
    again afterwards (on the restored diary, or on the unchanged one if restoring failed, and
    the error is then raised). Returns the kept copy of the diary as it was."""

    def reopened() -> sqlite3.Connection:
        return open_database(diary, now, passphrase)

    return store.closed_while(lambda: restore(diary, backup, now, passphrase), reopened, reopened)


def back_up_diary_file(
    diary: Path, out: Path | None, now: datetime, passphrase: str | None = None
) -> str:
    """`moodlog backup`: a backup of the diary at ``diary`` into ``out``, or into its backups
    folder (rotated). Returns what to tell the person; raises :class:`StorageError`."""
    if not diary.is_file():
        raise DiaryUnavailable(
            translate(
                "Backups", "There is no diary at {diary}. Check the path given with --db."
            ).format(diary=diary)
        )
    conn = open_database(diary, now, passphrase)
    try:
        if out is not None:
            made = write_backup(conn, out)
        else:
            folder = backup_folder(diary)
            made = make_backup(conn, folder, now, "by-hand", diary.stem)
            prune(folder, now, diary.stem)
    finally:
        conn.close()
    return translate("Backups", "Backed up {diary} to {backup}").format(diary=diary, backup=made)


def restore_diary_file(
    diary: Path, backup: Path, now: datetime, passphrase: str | None = None
) -> str:
    """`moodlog restore`: :func:`restore`, with what to tell the person."""
    kept = restore(diary, backup, now, passphrase)
    if kept is None:
        return translate("Backups", "Restored {backup} as {diary}").format(
            backup=backup, diary=diary
        )
    return translate(
        "Backups", "Restored {backup} as {diary}. The diary as it was is kept as {kept}"
    ).format(backup=backup, diary=diary, kept=kept)


class DiaryBackups:
    """The backups of the diary ``store`` has open: what the window's backup actions use."""

    def __init__(self, store: DiaryStore, diary: Path) -> None:
        self._store = store
        self.diary = diary
        self.folder = backup_folder(diary)

    def make(self, now: datetime, reason: str) -> Path:
        """An automatic backup, then the rotation."""
        made = make_backup(self._store.connection, self.folder, now, reason, self.diary.stem)
        prune(self.folder, now, self.diary.stem)
        return made

    def write_to(self, target: Path) -> Path:
        return write_backup(self._store.connection, target)

    def available(self) -> list[Backup]:
        return list_backups(self.folder, self.diary.stem)

    def problems(self) -> list[str]:
        """SQLite's quick check of the open diary."""
        return check_integrity(self._store.connection)


def backup_error(error: BaseException, where: Path, restoring: bool = False) -> StorageError:
    """A message for the person: what happened, that the diary is safe, what to do."""
    if isinstance(error, StorageError):
        return error
    if restoring:
        what = translate("Backups", "The backup could not be restored.")
    else:
        what = translate("Backups", "No backup was made.")
    safe = translate("Backups", "Your diary has not changed.")
    text = str(error).lower()
    number = getattr(error, "errno", None)
    if number == errno.ENOSPC or "full" in text:
        return DiaryUnavailable(
            translate(
                "Backups", "The disk is full. {what} Free some space, then try again. {safe}"
            ).format(what=what, safe=safe)
        )
    if isinstance(error, PermissionError) or number == errno.EROFS or "readonly" in text:
        folder = where if where.is_dir() else where.parent
        return DiaryUnavailable(
            translate(
                "Backups",
                "moodlog may not write to {folder}. {what} Choose another folder, or check its "
                "permissions. {safe}",
            ).format(folder=folder, what=what, safe=safe)
        )
    if "locked" in text or "busy" in text:
        return DiaryUnavailable(
            translate(
                "Backups",
                "Another program is using the file. {what} Close it (or wait a moment), then "
                "try again. {safe}",
            ).format(what=what, safe=safe)
        )
    reason = getattr(error, "strerror", None) or str(error)
    if restoring:
        failed = translate("Backups", "The backup could not be restored ({reason}). {safe}")
    else:
        failed = translate("Backups", "No backup was made ({reason}). {safe}")
    return DiaryUnavailable(failed.format(reason=reason, safe=safe))


# -- helpers ---------------------------------------------------------------------------------


def _diary_problems(conn: sqlite3.Connection, thorough: bool) -> tuple[list[str], bool]:
    """What is wrong with the diary ``conn`` holds, and whether a newer moodlog made it."""
    try:
        applied = applied_migration_names(conn)
    except database_errors() as error:
        return [str(error)], False
    if not applied:
        return [translate("Backups", "it is not a moodlog diary")], False
    unknown = [name for name in applied if name not in set(known_migration_names())]
    if unknown:
        newer = translate("Backups", "it was made by a newer moodlog ({changes})")
        return [newer.format(changes=", ".join(unknown))], True
    return check_integrity(conn, thorough=thorough), False


def _check_restorable(copy: Path, original: Path, passphrase: str | None) -> None:
    """Check the copy to be restored thoroughly (the original is never opened for writing)."""
    newer = False
    try:
        conn = sqlite3.connect(copy) if passphrase is None else connect_encrypted(copy, passphrase)
    except StorageError as error:
        problems = [error.message]
    except _sqlite_errors() as error:
        problems = [str(error)]
    else:
        try:
            problems, newer = _diary_problems(conn, thorough=True)
            if not problems:
                conn.execute("PRAGMA journal_mode = DELETE")  # fold in a -wal it came with
        finally:
            conn.close()
    if not problems:
        return
    if problems[0] == "file is not a database":  # SQLite's words for a file that isn't one
        problems[0] = translate(
            "Backups", "it isn't a moodlog backup (or it was encrypted with another passphrase)"
        )
    if newer:
        raise DiaryTooNew(
            translate(
                "Backups",
                "The backup {backup} was made by a newer version of moodlog. Install the newer "
                "moodlog to restore it. Your diary has not changed.",
            ).format(backup=original)
        )
    raise DiaryDamaged(
        translate(
            "Backups",
            "The backup {backup} can't be used: {problem}. Your diary has not changed. "
            "Choose another backup.",
        ).format(backup=original, problem=problems[0])
    )


def _keep_aside(diary: Path, now: datetime) -> Path | None:
    """Keep ``diary`` (and its -wal) under a new name, byte for byte."""
    if not diary.exists():
        return None
    stamp = f"{now:{_STAMP}}"
    kept = diary.with_name(f"{diary.stem}.before-restore-{stamp}.sqlite")
    n = 1
    while kept.exists():
        n += 1
        kept = diary.with_name(f"{diary.stem}.before-restore-{stamp}-{n}.sqlite")
    try:
        os.link(diary, kept)  # the very same bytes under a second name
    except OSError:
        _private_copy(diary, kept)
    _copy_journals(diary, kept)
    _fsync_folder(diary.parent)
    return kept


def _copy_with_side_files(source: Path, target: Path) -> None:
    _private_copy(source, target)
    _copy_journals(source, target)


def _copy_journals(source: Path, target: Path) -> None:
    """Copy the -wal or -journal that goes with ``source``: SQLite needs it to read the
    file as it was last committed."""
    for suffix in ("-wal", "-journal"):
        journal = Path(f"{source}{suffix}")
        if journal.exists():
            _private_copy(journal, Path(f"{target}{suffix}"))


def _private_copy(source: Path, target: Path) -> None:
    os.close(os.open(target, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, FILE_MODE))
    shutil.copyfile(source, target)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_folder(folder: Path) -> None:
    """Make a rename durable (POSIX only; Windows has no folder handles to sync)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _sqlite_errors(*more: type[Exception]) -> tuple[type[Exception], ...]:
    """sqlite3's errors, sqlcipher3's once it is loaded, and ``more``."""
    return (sqlite3.Error, *database_errors(), *more)


def _remove_quietly(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)
