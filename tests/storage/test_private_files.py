"""Owner-only audit: every file moodlog creates for a diary is 0600 and every folder 0700,
whatever the process umask (the app sets 077, but storage must not rely on it)."""

import os
import stat
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from sqlite_utils import Database

from moodlog.storage.database import copy_aside, open_database
from moodlog.storage.diary_store import DiaryStore
from moodlog.storage.migrations import build_migrations

NOW = datetime(2026, 11, 21, 9, 30, 15)


@pytest.fixture(autouse=True)
def permissive_umask() -> Iterator[None]:
    """A umask that would leave files readable by others if moodlog relied on it."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def modes_under(root: Path) -> dict[str, int]:
    """The permission bits of everything below ``root``, by relative path."""
    return {
        str(path.relative_to(root)): stat.S_IMODE(path.stat().st_mode)
        for path in sorted(root.rglob("*"))
    }


def assert_owner_only(root: Path) -> dict[str, int]:
    modes = modes_under(root)
    wrong = {
        name: oct(mode)
        for name, mode in modes.items()
        if mode != (0o700 if (root / name).is_dir() else 0o600)
    }
    assert wrong == {}
    return modes


def test_a_new_diary_in_new_folders_is_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "new" / "nested" / "diary.sqlite"
    store = DiaryStore(open_database(path, NOW))
    store.save_draft(NOW.date(), "{}", NOW)  # a write, so the -wal and -shm files exist
    modes = assert_owner_only(tmp_path)
    assert set(modes) == {
        "new",
        "new/nested",
        "new/nested/diary.sqlite",
        "new/nested/diary.sqlite-wal",
        "new/nested/diary.sqlite-shm",
    }
    store.close()
    assert_owner_only(tmp_path)


def test_copies_aside_are_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "diary.sqlite"
    raw = Database(path)
    build_migrations().apply(raw, stop_before="seed_default_side_effects_and_trackers")
    raw.close()
    path.chmod(0o644)  # an older moodlog's file, or one copied in by hand
    conn = open_database(path, NOW)  # migrates, copying the diary aside first
    copy_aside(conn, path, "by-hand", NOW)
    conn.close()
    modes = assert_owner_only(tmp_path)
    assert len([name for name in modes if ".before-" in name]) == 1
    assert "diary.by-hand-20261121-093015.sqlite" in modes
