"""Deleting all of a diary's files (without a window): the diary, SQLite's files beside it,
copies set aside, the automatic backups; nothing else in the folder."""

import shutil
from datetime import datetime
from pathlib import Path

import pytest

from moodlog.storage.backups import backup_folder
from moodlog.storage.database import copy_aside, open_database
from moodlog.storage.diary_deletion import delete_diary_files, diary_files
from moodlog.storage.diary_store import DiaryStore
from moodlog.storage.errors import DiaryUnavailable

NOW = datetime(2026, 11, 21, 9, 30, 15)


def names(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


@pytest.fixture
def diary(tmp_path: Path) -> Path:
    """A diary with a copy aside, two automatic backups, and the person's own files."""
    path = tmp_path / "diary.sqlite"
    conn = open_database(path, NOW)
    copy_aside(conn, path, "before-import", NOW)
    backups = backup_folder(path)
    backups.mkdir()
    for name in (
        "diary-20261120-090000-start-up.sqlite",
        "diary-20261121-090000-daily.sqlite",
        "other-20261121-090000-daily.sqlite",  # another diary's, in the same folder
    ):
        shutil.copyfile(path, backups / name)
    conn.close()
    (tmp_path / "shopping list.txt").write_text("bread")
    (tmp_path / "other.sqlite").write_text("not moodlog's")
    (tmp_path / "diary.sqlite.new").write_bytes(b"left by an interrupted encryption change")
    return path


def test_every_file_of_the_diary_goes_and_nothing_else(diary: Path) -> None:
    folder = diary.parent
    assert names(folder) == [
        "backups",
        "backups/diary-20261120-090000-start-up.sqlite",
        "backups/diary-20261121-090000-daily.sqlite",
        "backups/other-20261121-090000-daily.sqlite",
        "diary.before-import-20261121-093015.sqlite",
        "diary.sqlite",
        "diary.sqlite.new",
        "other.sqlite",
        "shopping list.txt",
    ]
    deleted = delete_diary_files(diary)
    assert len(deleted) == 5
    assert names(folder) == [
        "backups",
        "backups/other-20261121-090000-daily.sqlite",
        "other.sqlite",
        "shopping list.txt",
    ]


def test_an_open_diarys_wal_and_shm_files_go_too(tmp_path: Path) -> None:
    path = tmp_path / "diary.sqlite"
    store = DiaryStore(open_database(path, NOW))
    store.save_draft(NOW.date(), "{}", NOW)
    assert {p.name for p in diary_files(path)} == {
        "diary.sqlite",
        "diary.sqlite-wal",
        "diary.sqlite-shm",
    }
    store.close()
    # Closing normally removes them; a crash leaves them behind.
    (tmp_path / "diary.sqlite-wal").write_bytes(b"wal")
    (tmp_path / "diary.sqlite-shm").write_bytes(b"shm")
    delete_diary_files(path)
    assert names(tmp_path) == []


def test_the_backups_folder_goes_once_it_is_empty(diary: Path) -> None:
    backups = backup_folder(diary)
    (backups / "other-20261121-090000-daily.sqlite").unlink()
    assert delete_diary_files(diary)
    assert not backups.exists()  # empty, so it went too


def test_a_file_that_cannot_be_deleted_is_reported(
    diary: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_unlink = Path.unlink

    def unlink(self: Path, missing_ok: bool = False) -> None:
        if self.name == "diary.sqlite":
            raise PermissionError(13, "Permission denied")
        real_unlink(self, missing_ok)

    monkeypatch.setattr(Path, "unlink", unlink)
    with pytest.raises(DiaryUnavailable, match="couldn't be deleted"):
        delete_diary_files(diary)
    assert diary.exists()


def test_deleting_a_diary_that_is_already_gone_is_fine(tmp_path: Path) -> None:
    assert delete_diary_files(tmp_path / "never.sqlite") == []
