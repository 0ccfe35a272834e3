"""Tests for moodlog/storage/errors.py: SQLite's errors become messages a person can act on."""

import sqlite3

import pytest

from moodlog.storage.errors import (
    DiaryDamaged,
    DiaryUnavailable,
    StorageError,
    unavailable_from,
)

KEPT = "What you typed is still in the form, and nothing already saved has changed."


@pytest.mark.parametrize(
    ("error", "kind", "message"),
    [
        (sqlite3.OperationalError("database or disk is full"), DiaryUnavailable, "disk is full"),
        (
            sqlite3.OperationalError("attempt to write a readonly database"),
            DiaryUnavailable,
            "The diary file is read-only",
        ),
        (
            sqlite3.OperationalError("database is locked"),
            DiaryUnavailable,
            "Another program is using the diary file",
        ),
        (
            sqlite3.DatabaseError("database disk image is malformed"),
            DiaryDamaged,
            "The diary file is damaged",
        ),
        (
            sqlite3.DatabaseError("file is not a database"),
            DiaryDamaged,
            "The diary file is damaged",
        ),
        (
            sqlite3.OperationalError("disk I/O error"),
            DiaryUnavailable,
            "This could not be saved (disk I/O error).",
        ),
    ],
)
def test_unavailable_from(error: sqlite3.Error, kind: type[StorageError], message: str) -> None:
    translated = unavailable_from(error)
    assert type(translated) is kind
    assert message in translated.message
    assert translated.message.endswith(KEPT)
