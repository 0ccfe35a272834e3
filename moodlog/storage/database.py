"""Opening the diary file: owner-only permissions, pragmas, and safe migration.

A file written by a newer moodlog is refused untouched. Before pending migrations run on
a diary that already holds data, the file is copied aside with SQLite's backup API.
"""

import os
import sqlite3
from datetime import datetime
from pathlib import Path

from sqlite_utils import Database

from moodlog.storage.errors import DiaryDamaged, DiaryTooNew, DiaryUnavailable
from moodlog.storage.migrations import MIGRATION_SET, known_migration_names, migrations

FOLDER_MODE = 0o700
FILE_MODE = 0o600
BUSY_TIMEOUT_MS = 3000


def open_database(path: Path | None, now: datetime | None = None) -> Database:
    """Open (creating if need be) the diary at ``path``, or an in-memory one for ``None``,
    with every migration applied. Raises a :class:`StorageError` subclass with a message
    for the person when the file can't be used; the file is then left as it was."""
    if path is None:
        memory = Database(memory=True, strict=True, execute_plugins=False)
        _configure(memory, in_memory=True)
        migrations.apply(memory)
        return memory
    _prepare_file(path)
    db: Database | None = None
    try:
        db = Database(path, strict=True, execute_plugins=False)
        # Refuse first: switching an older file to WAL rewrites its header.
        _refuse_newer(db, path)
        _configure(db, in_memory=False)
        pending = migrations.pending(db)
        if pending and migrations.applied(db):
            copy_aside(db, path, f"before-{pending[0].name}", now or datetime.now())
        migrations.apply(db)
    except sqlite3.DatabaseError as error:
        if db is not None:
            db.close()
        raise _open_error(error, path) from error
    return db


def _prepare_file(path: Path) -> None:
    """Create the folder (0700) and the file (0600) if missing; tighten an existing file."""
    folder = path.parent
    try:
        if not folder.exists():
            folder.mkdir(mode=FOLDER_MODE, parents=True)
            folder.chmod(FOLDER_MODE)  # mkdir's mode is filtered by the umask
        if path.exists():
            if path.is_dir():
                raise DiaryUnavailable(f"{path} is a folder, not a diary file. Choose a file name.")
            path.chmod(FILE_MODE)
        else:
            os.close(os.open(path, os.O_CREAT | os.O_WRONLY, FILE_MODE))
    except PermissionError as error:
        raise DiaryUnavailable(
            f"moodlog may not write to {folder}. Choose another place with --db, or fix the "
            "folder's permissions."
        ) from error
    except OSError as error:
        raise DiaryUnavailable(
            f"The diary file {path} can't be created: {error.strerror}."
        ) from error


def _configure(db: Database, in_memory: bool) -> None:
    # Foreign keys are per connection, and must be set outside any transaction.
    db.execute("PRAGMA foreign_keys = ON")
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    if not in_memory:
        db.execute("PRAGMA journal_mode = WAL")
        # FULL: a commit is on disk before save() returns; a diary entry must survive a
        # power cut, and WAL keeps the cost to one fsync.
        db.execute("PRAGMA synchronous = FULL")


def _refuse_newer(db: Database, path: Path) -> None:
    known = set(known_migration_names())
    unknown = [m.name for m in migrations.applied(db) if m.name not in known]
    if unknown:
        db.close()
        raise DiaryTooNew(
            f"The diary {path} was written by a newer version of moodlog (it has changes "
            f"this version doesn't know: {', '.join(unknown)}). Install the newer moodlog to "
            "open it. The file has not been changed."
        )


def copy_aside(db: Database, path: Path, reason: str, now: datetime) -> Path:
    """Copy the open diary next to itself as ``<name>.<reason>-<timestamp>.sqlite`` (0600)."""
    target = path.with_name(f"{path.stem}.{reason}-{now:%Y%m%d-%H%M%S}.sqlite")
    os.close(os.open(target, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, FILE_MODE))
    with sqlite3.connect(target) as copy:
        db.conn.backup(copy)
    copy.close()
    return target


def _open_error(error: sqlite3.DatabaseError, path: Path) -> Exception:
    text = str(error).lower()
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return DiaryDamaged(
            f"{path} is not a moodlog diary, or it is damaged ({error}). moodlog has not "
            "changed it. Open another file with --db, or restore a backup copy."
        )
    if "readonly" in text or "locked" in text or "unable to open" in text:
        return DiaryUnavailable(
            f"{path} can't be opened for writing ({error}). Close other programs using it, "
            "check its permissions, or open another file with --db."
        )
    return error


def applied_migration_names(db: Database) -> list[str]:
    """The migrations recorded in ``db``, in the order they ran (for diagnostics)."""
    return [m.name for m in migrations.applied(db)]


__all__ = ["MIGRATION_SET", "applied_migration_names", "copy_aside", "open_database"]
