"""Turning a diary's encryption on, changing its passphrase, and turning it off.

Each is the same sequence on the closed diary: open it with the current passphrase (a wrong
one is refused before anything happens), copy it aside with SQLite's backup API, write the
whole diary into a new file with SQLCipher's ``sqlcipher_export`` under the new passphrase
(or none), check that the new file is sound and holds every row, and only then put it in the
diary's place with one atomic rename. A failure at any step leaves the diary as it was.

The copy aside is kept when encryption is turned off (it is encrypted, as the diary was).
When encryption is turned on, or the passphrase changes, it is removed once the new file is
in place: a plain copy, or one the old passphrase opens, lying next to the diary would undo
what the person asked for.
"""

import os
import sqlite3
from datetime import datetime
from pathlib import Path

from moodlog.domain.translation import translate
from moodlog.storage.database import FILE_MODE, copy_aside, open_database
from moodlog.storage.diary_store import DiaryStore
from moodlog.storage.encrypted_connection import (
    connect_encrypted,
    connect_plain_cipher,
    database_errors,
)
from moodlog.storage.errors import DiaryUnavailable


def change_store_encryption(
    store: DiaryStore, path: Path, old: str | None, new: str | None, now: datetime
) -> Path | None:
    """:func:`change_encryption` for the diary ``store`` has open: the store is closed for
    the change and opened again afterwards, with the new passphrase, or with the old one if
    the change failed (the error is then raised)."""
    open_database(path, now, old).close()  # a wrong ``old`` is refused while the store is open
    return store.closed_while(
        lambda: change_encryption(path, old, new, now),
        lambda: open_database(path, now, new),
        lambda: open_database(path, now, old),
    )


def change_encryption(path: Path, old: str | None, new: str | None, now: datetime) -> Path | None:
    """Re-write the closed diary at ``path``, opened with ``old`` (``None``: plain), under
    ``new`` (``None``: plain). Returns the copy aside that was kept, if any (see above).
    Raises a :class:`StorageError` (``WrongPassphrase`` for a wrong ``old``), the diary
    untouched."""
    source = open_database(path, now, old)
    try:
        aside = copy_aside(source, path, _reason(old, new), now)
        source.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        counts = _row_counts(source)
    finally:
        source.close()
    fresh = path.with_name(f"{path.name}.new")
    try:
        _export(path, old, new, fresh)
        _check(fresh, new, counts)
        _put_in_place(fresh, path)
    except BaseException:
        fresh.unlink(missing_ok=True)
        raise
    if new is not None:
        aside.unlink()
        return None
    return aside


def _unchanged() -> str:
    return translate("EncryptionChange", "Your diary has not been changed.")


def _reason(old: str | None, new: str | None) -> str:
    if old is None:
        return "before-encryption"
    return "before-decryption" if new is None else "before-new-passphrase"


def _row_counts(conn: sqlite3.Connection) -> dict[str, int]:
    tables = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    return {
        name: conn.execute(f"SELECT count(*) FROM {_quoted(name)}").fetchone()[0]
        for (name,) in tables
    }


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _export(path: Path, old: str | None, new: str | None, fresh: Path) -> None:
    """Write the diary at ``path`` into the new file ``fresh`` (0600) under ``new``."""
    fresh.unlink(missing_ok=True)  # a leftover of an interrupted change
    os.close(os.open(fresh, os.O_CREAT | os.O_WRONLY | os.O_EXCL, FILE_MODE))
    exporter = connect_encrypted(path, old) if old is not None else connect_plain_cipher(path)
    try:
        # ATTACH takes bound parameters, KEY included ('' attaches a plain database).
        exporter.execute("ATTACH DATABASE ? AS fresh KEY ?", [str(fresh), new or ""])
        exporter.execute("SELECT sqlcipher_export('fresh')")
        exporter.execute("DETACH DATABASE fresh")
    except database_errors() as error:
        raise DiaryUnavailable(
            translate(
                "EncryptionChange",
                "The new diary file couldn't be written ({error}). Check there is free space "
                "in {folder}, then try again. {unchanged}",
            ).format(error=error, folder=path.parent, unchanged=_unchanged())
        ) from error
    finally:
        exporter.close()


def _check(fresh: Path, new: str | None, expected: dict[str, int]) -> None:
    """Refuse a new file that isn't sound or lacks a row of the diary."""
    conn = connect_encrypted(fresh, new) if new is not None else sqlite3.connect(fresh)
    try:
        verdict = conn.execute("PRAGMA integrity_check").fetchone()[0]
        counts = _row_counts(conn)
    finally:
        conn.close()
    if verdict != "ok" or counts != expected:
        raise DiaryUnavailable(
            translate(
                "EncryptionChange",
                "The new diary file didn't check out, so it was thrown away. {unchanged} "
                "Try again; if it happens again, make a backup first.",
            ).format(unchanged=_unchanged())
        )


def _put_in_place(fresh: Path, path: Path) -> None:
    """Replace the diary with ``fresh`` in one rename, both flushed to disk first."""
    wal = path.with_name(f"{path.name}-wal")
    if wal.exists() and wal.stat().st_size > 0:
        raise DiaryUnavailable(
            translate(
                "EncryptionChange",
                "Another program still has the diary open. Close it, then try again. {unchanged}",
            ).format(unchanged=_unchanged())
        )
    _fsync(fresh)
    fresh.replace(path)
    _fsync(path.parent)
    # The old file's index: it would describe pages of a file that is gone.
    for suffix in ("-wal", "-shm"):
        path.with_name(f"{path.name}{suffix}").unlink(missing_ok=True)


def _fsync(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
