"""Diary files for the backup, recovery and crash tests: one with a known history, and ways
to damage one the way a failing disk or a half-copied file does."""

import hashlib
import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path
from random import Random

from moodlog.domain.check_in import CheckIn
from moodlog.domain.day_entry import DayEntry
from moodlog.storage.database import open_database
from moodlog.storage.diary_store import DiaryStore

NOW = datetime(2026, 11, 21, 9, 30, 15)
FIRST_DAY = date(2026, 1, 1)


def write_diary(path: Path, days: int = 120, note: str = "a plain day") -> Path:
    """A closed diary with ``days`` check-ins from 1 Jan 2026 (enough rows for many pages)."""
    store = DiaryStore(open_database(path, NOW))
    entries = [
        DayEntry(
            FIRST_DAY + timedelta(days=n),
            CheckIn(
                datetime.combine(FIRST_DAY + timedelta(days=n), datetime.min.time()).replace(
                    hour=9
                ),
                {"mood": n % 11},
                f"{note} {n} " + "words " * 40,
            ),
        )
        for n in range(days)
    ]
    store.save_days(entries, NOW)
    store.close()
    return path


def moods(path: Path) -> list[tuple[str, int]]:
    """(day, mood) of every check-in, read with plain sqlite3."""
    with sqlite3.connect(path) as conn:
        rows = conn.execute(
            "SELECT substr(recorded_at, 1, 10), mood FROM check_ins ORDER BY recorded_at"
        ).fetchall()
    conn.close()
    return [(day, mood) for day, mood in rows]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def damage_table(path: Path, table: str = "check_ins", seed: int = 1) -> None:
    """Overwrite the pages of ``table``'s b-tree root with garbage: the file still opens
    (page 1 and the schema are intact) but SQLite's check finds the damage."""
    with sqlite3.connect(path) as conn:
        (root,) = conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name = ?", [table]
        ).fetchone()
        (page_size,) = conn.execute("PRAGMA page_size").fetchone()
    conn.close()
    garbage = Random(seed).randbytes(page_size)
    with path.open("r+b") as file:
        file.seek((root - 1) * page_size)
        file.write(garbage)


def damage_header(path: Path) -> None:
    """Overwrite SQLite's file header: the file no longer opens as a database."""
    with path.open("r+b") as file:
        file.write(b"\xde\xad\xbe\xef" * 25)
