"""Opening the diary file: owner-only permissions, pragmas, and safe migration.

A file written by a newer moodlog is refused untouched. Before pending migrations run on
a diary that already holds data, the file is copied aside with SQLite's backup API.
Opening an up-to-date diary uses plain sqlite3 only; sqlite-utils is loaded when a
migration has to run (see sqlite_utils_loader.py for why).
"""

import os
import sqlite3
from datetime import datetime
from pathlib import Path

from moodlog.domain.translation import translate
from moodlog.storage.encrypted_connection import (
    connect_encrypted,
    connect_like,
    database_errors,
    is_encrypted,
)
from moodlog.storage.errors import DiaryDamaged, DiaryTooNew, DiaryUnavailable, PassphraseNeeded
from moodlog.storage.integrity import check_integrity
from moodlog.storage.migrations import MIGRATION_SET, build_migrations, known_migration_names
from moodlog.storage.sqlite_utils_loader import load_sqlite_utils

FOLDER_MODE = 0o700
FILE_MODE = 0o600
BUSY_TIMEOUT_MS = 3000


def open_database(
    path: Path | None,
    now: datetime | None = None,
    passphrase: str | None = None,
    *,
    check: bool = True,
) -> sqlite3.Connection:
    """Open (creating if need be) the diary at ``path``, or an in-memory one for ``None``,
    with every migration applied. Raises a :class:`StorageError` subclass with a message
    for the person when the file can't be used; the file is then left as it was.
    With ``passphrase`` the diary is encrypted (SQLCipher; see encrypted_connection.py).
    ``check``: run SQLite's quick check first (:class:`DiaryDamaged` if it fails); the window
    passes ``False`` and runs it just after its first frame (see integrity.py)."""
    if path is None:
        memory = sqlite3.connect(":memory:")
        _configure(memory, in_memory=True)
        _migrate(memory, None, now, applied=[])
        return memory
    _prepare_file(path)
    conn: sqlite3.Connection | None = None
    try:
        conn = _connect(path, passphrase)
        applied = applied_migration_names(conn)
        # Refuse first: switching an older file to WAL rewrites its header.
        _refuse_newer(conn, path, applied)
        if check:
            _refuse_damaged(conn, path)
        _configure(conn, in_memory=False)
        if set(known_migration_names()) - set(applied):
            _migrate(conn, path, now, applied)
    except database_errors() as error:
        if conn is not None:
            conn.close()
        raise _open_error(error, path) from error
    return conn


def _connect(path: Path, passphrase: str | None) -> sqlite3.Connection:
    if passphrase is not None:
        return connect_encrypted(path, passphrase)
    if is_encrypted(path):
        raise PassphraseNeeded(
            translate(
                "Database",
                "{path} needs a passphrase (it is encrypted), or it is not a moodlog diary, or "
                "it is damaged. moodlog has not changed it. For an encrypted diary, give the "
                "passphrase with --passphrase-file or MOODLOG_PASSPHRASE, or open it from the "
                "window, which asks for it.",
            ).format(path=path)
        )
    return sqlite3.connect(path)


def _prepare_file(path: Path) -> None:
    """Create the folder (0700) and the file (0600) if missing; tighten an existing file."""
    folder = path.parent
    try:
        if not folder.exists():
            created = [f for f in (folder, *folder.parents) if not f.exists()]
            folder.mkdir(mode=FOLDER_MODE, parents=True)
            for new_folder in created:  # mkdir's mode is filtered by the umask, and
                new_folder.chmod(FOLDER_MODE)  # parents get the default mode
        if path.exists():
            if path.is_dir():
                raise DiaryUnavailable(
                    translate(
                        "Database", "{path} is a folder, not a diary file. Choose a file name."
                    ).format(path=path)
                )
            path.chmod(FILE_MODE)
        else:
            os.close(os.open(path, os.O_CREAT | os.O_WRONLY, FILE_MODE))
    except PermissionError as error:
        raise DiaryUnavailable(
            translate(
                "Database",
                "moodlog may not write to {folder}. Choose another place with --db, or fix the "
                "folder's permissions.",
            ).format(folder=folder)
        ) from error
    except OSError as error:
        raise DiaryUnavailable(
            translate("Database", "The diary file {path} can't be created: {reason}.").format(
                path=path, reason=error.strerror
            )
        ) from error


def _configure(conn: sqlite3.Connection, in_memory: bool) -> None:
    # Foreign keys are per connection, and must be set outside any transaction.
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    if not in_memory:
        conn.execute("PRAGMA journal_mode = WAL")
        # FULL: a commit is on disk before save() returns; a diary entry must survive a
        # power cut, and WAL keeps the cost to one fsync.
        conn.execute("PRAGMA synchronous = FULL")


def applied_migration_names(conn: sqlite3.Connection) -> list[str]:
    """The migrations recorded in the file, in the order they ran."""
    recorded = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_sqlite_migrations'"
    ).fetchone()
    if recorded is None:
        return []
    rows = conn.execute(
        "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY rowid",
        [MIGRATION_SET],
    )
    return [name for (name,) in rows]


def _refuse_newer(conn: sqlite3.Connection, path: Path, applied: list[str]) -> None:
    known = set(known_migration_names())
    unknown = [name for name in applied if name not in known]
    if unknown:
        conn.close()
        raise DiaryTooNew(
            translate(
                "Database",
                "The diary {path} was written by a newer version of moodlog (it has changes "
                "this version doesn't know: {changes}). Install the newer moodlog to open it. "
                "The file has not been changed.",
            ).format(path=path, changes=", ".join(unknown))
        )


def _refuse_damaged(conn: sqlite3.Connection, path: Path) -> None:
    problems = check_integrity(conn)
    if problems:
        conn.close()
        raise DiaryDamaged(
            translate(
                "Database",
                "The diary {path} is damaged: SQLite found a problem in it ({problem}). "
                "moodlog has not changed it. Restore a backup, or open another file with --db.",
            ).format(path=path, problem=problems[0])
        )


def _migrate(
    conn: sqlite3.Connection, path: Path | None, now: datetime | None, applied: list[str]
) -> None:
    """Apply the pending migrations, copying a diary that holds data aside first."""
    load_sqlite_utils()
    from sqlite_utils import Database

    pending = [name for name in known_migration_names() if name not in applied]
    if path is not None and applied and pending:
        copy_aside(conn, path, f"before-{pending[0]}", now or datetime.now())
    build_migrations().apply(Database(conn, strict=True, execute_plugins=False))


def copy_aside(conn: sqlite3.Connection, path: Path, reason: str, now: datetime) -> Path:
    """Copy the open diary next to itself as ``<name>.<reason>-<timestamp>.sqlite`` (0600)."""
    target = path.with_name(f"{path.stem}.{reason}-{now:%Y%m%d-%H%M%S}.sqlite")
    os.close(os.open(target, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, FILE_MODE))
    with connect_like(conn, target) as copy:  # encrypted like the diary
        conn.backup(copy)
    copy.close()
    return target


def _open_error(error: sqlite3.DatabaseError, path: Path) -> Exception:
    text = str(error).lower()
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return DiaryDamaged(
            translate(
                "Database",
                "{path} is not a moodlog diary, or it is damaged ({error}). moodlog has not "
                "changed it. Open another file with --db, or restore a backup copy.",
            ).format(path=path, error=error)
        )
    if "readonly" in text or "locked" in text or "unable to open" in text:
        return DiaryUnavailable(
            translate(
                "Database",
                "{path} can't be opened for writing ({error}). Close other programs using it, "
                "check its permissions, or open another file with --db.",
            ).format(path=path, error=error)
        )
    return error
