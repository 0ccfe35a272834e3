"""Diaries encrypted at rest with SQLCipher, through the optional ``sqlcipher3`` package.

sqlcipher3's ``dbapi2`` is a fork of Python's sqlite3 module with the same Connection API, so
an encrypted connection is a drop-in: the stores, sqlite-utils and the migrations use it
unchanged, and it is typed as :class:`sqlite3.Connection` for that reason. Two differences
are handled here: its exceptions are its own classes (:func:`database_errors`), and a copy of
an encrypted diary must be keyed like it (SQLite's backup API refuses to copy an encrypted
diary into a plain file), so the connection remembers its passphrase (:func:`connect_like`).

sqlcipher3 is imported only when an encrypted diary is opened: a plain diary never loads it.
"""

import importlib
import os
import sqlite3
import sys
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any, cast

from moodlog.domain.translation import translate
from moodlog.storage.errors import EncryptionUnavailable, WrongPassphrase

SQLITE_HEADER = b"SQLite format 3\x00"
_SMALLEST_PAGE = 512
_DBAPI = "sqlcipher3.dbapi2"


def is_encrypted(path: Path) -> bool:
    """Whether ``path`` looks like an SQLCipher diary: not empty, not starting with SQLite's
    header, and made of whole pages. A file that is none of these (a text file, a truncated
    diary) is left to the plain open, which calls it damaged."""
    try:
        with path.open("rb") as file:
            head = file.read(len(SQLITE_HEADER))
            size = os.fstat(file.fileno()).st_size
    except OSError:
        return False
    return size > 0 and size % _SMALLEST_PAGE == 0 and head != SQLITE_HEADER


def is_plain(path: Path) -> bool:
    """Whether ``path`` starts with SQLite's header (an unencrypted database)."""
    try:
        with path.open("rb") as file:
            return file.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def encryption_available() -> bool:
    """Whether sqlcipher3 can be loaded (the window offers encryption only then)."""
    try:
        _dbapi()
    except EncryptionUnavailable:
        return False
    return True


def database_errors() -> tuple[type[sqlite3.DatabaseError], ...]:
    """The DatabaseError classes to catch: sqlite3's, and sqlcipher3's once it is loaded
    (its exceptions don't derive from sqlite3's)."""
    cipher = sys.modules.get(_DBAPI)
    if cipher is None:
        return (sqlite3.DatabaseError,)
    return (sqlite3.DatabaseError, cipher.DatabaseError)


def quote_passphrase(passphrase: str) -> str:
    """``passphrase`` as an SQL string literal for ``PRAGMA key``, which takes no bound
    parameters. Doubling single quotes is the only escape inside an SQLite string literal, so
    no passphrase can end the literal early; NUL, which would cut it short, is refused."""
    if not passphrase or "\x00" in passphrase:
        raise WrongPassphrase(
            translate(
                "EncryptedConnection", "A passphrase can't be empty or contain a NUL character."
            )
        )
    return "'" + passphrase.replace("'", "''") + "'"


def passphrase_of(conn: sqlite3.Connection) -> str | None:
    """The passphrase ``conn`` was opened with, or ``None`` for a plain diary."""
    passphrase = getattr(conn, "passphrase", None)
    return passphrase if isinstance(passphrase, str) else None


def connect_encrypted(path: Path, passphrase: str) -> sqlite3.Connection:
    """Open ``path`` with ``passphrase``; a missing or empty file becomes a new encrypted
    database. Raises :class:`WrongPassphrase` (the file untouched) when the passphrase doesn't
    open it, and :class:`EncryptionUnavailable` without sqlcipher3."""
    key = quote_passphrase(passphrase)
    if is_plain(path):
        raise WrongPassphrase(
            translate(
                "EncryptedConnection",
                "{path} is not encrypted, so it opens without a passphrase. Leave out "
                "--passphrase-file and MOODLOG_PASSPHRASE to open it. Nothing was changed.",
            ).format(path=path)
        )
    dbapi = _dbapi()
    conn = dbapi.connect(str(path), factory=_keyed_connection_class(dbapi))
    conn.passphrase = passphrase
    try:
        # A wrong key makes SQLCipher log "hmac check failed" to stderr; the person gets
        # WrongPassphrase's message instead.
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = {key}")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except dbapi.DatabaseError as error:
        conn.close()
        raise WrongPassphrase(
            translate(
                "EncryptedConnection",
                "That passphrase doesn't open the diary {path}. Check Caps Lock and the "
                "keyboard layout, then try again. The diary has not been changed.",
            ).format(path=path)
        ) from error
    return cast(sqlite3.Connection, conn)


def connect_plain_cipher(path: Path) -> sqlite3.Connection:
    """A sqlcipher3 connection to a plain diary (no key): it reads the file like sqlite3,
    and can export it into an encrypted one with ``sqlcipher_export``."""
    dbapi = _dbapi()
    conn = dbapi.connect(str(path))
    conn.execute("PRAGMA cipher_log_level = NONE")
    return cast(sqlite3.Connection, conn)


def connect_like(conn: sqlite3.Connection, path: Path) -> sqlite3.Connection:
    """A connection to ``path`` to copy ``conn``'s diary into: keyed with the same passphrase
    when ``conn`` is encrypted, so copies of an encrypted diary stay encrypted."""
    passphrase = passphrase_of(conn)
    if passphrase is None:
        return sqlite3.connect(path)
    return connect_encrypted(path, passphrase)


def _dbapi() -> ModuleType:
    try:
        return importlib.import_module(_DBAPI)
    except ImportError as error:
        raise EncryptionUnavailable(
            translate(
                "EncryptedConnection",
                "Encrypted diaries need the optional sqlcipher3 package, which isn't installed. "
                "Install it with: pip install 'moodlog[encryption]'. Nothing was changed.",
            )
        ) from error


@cache
def _keyed_connection_class(dbapi: ModuleType) -> Any:
    """sqlcipher3's Connection with a ``passphrase`` attribute (the C class has none)."""

    class KeyedConnection(dbapi.Connection):  # type: ignore[name-defined, misc]
        passphrase: str = ""

    return KeyedConnection
