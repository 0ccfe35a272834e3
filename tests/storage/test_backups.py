"""Tests for moodlog/storage/backups.py and integrity.py: backups, rotation on disk,
restoring, and SQLite's check when a diary opens."""

import errno
import os
import sqlite3
import stat
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from moodlog.domain.backup_rotation import backups_to_keep
from moodlog.storage import backups
from moodlog.storage.backups import (
    DiaryBackups,
    backup_error,
    backup_folder,
    backup_problems,
    latest_good_backup,
    list_backups,
    make_backup,
    prune,
    restore,
    restore_store,
    write_backup,
)
from moodlog.storage.database import open_database
from moodlog.storage.diary_store import DiaryStore
from moodlog.storage.errors import DiaryDamaged, DiaryTooNew, DiaryUnavailable, StorageError
from moodlog.storage.integrity import check_integrity
from tests.storage.diary_files import (
    NOW,
    damage_header,
    damage_table,
    digest,
    moods,
    write_diary,
)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def diary(tmp_path: Path) -> Path:
    return write_diary(tmp_path / "moodlog.sqlite")


@pytest.fixture
def store(diary: Path) -> Iterator[DiaryStore]:
    """The diary file open (this module's ``store`` is on a file, not in memory)."""
    opened = DiaryStore(open_database(diary, NOW))
    yield opened
    opened.close()


# -- making backups ----------------------------------------------------------------------


def test_a_backup_is_a_whole_private_copy_in_a_private_folder(
    diary: Path, store: DiaryStore
) -> None:
    folder = backup_folder(diary)
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)  # made by someone else, too open
    made = make_backup(store.connection, folder, NOW, "start-up")
    assert made == folder / "moodlog-20261121-093015-start-up.sqlite"
    assert mode(folder) == 0o700
    assert mode(made) == 0o600
    assert moods(made) == moods(diary)
    assert sorted(p.name for p in folder.iterdir()) == [made.name]  # no -wal, no partial
    with sqlite3.connect(made) as copy:
        assert copy.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    copy.close()


def test_a_backup_holds_saves_still_in_the_write_ahead_log(diary: Path, store: DiaryStore) -> None:
    store.connection.execute("PRAGMA wal_autocheckpoint = 0")
    store.connection.execute("UPDATE check_ins SET mood = 10 WHERE recorded_at LIKE '2026-01-01%'")
    store.connection.commit()
    assert Path(f"{diary}-wal").stat().st_size > 0
    made = make_backup(store.connection, tmp := diary.parent / "elsewhere", NOW, "by-hand")
    assert made.parent == tmp
    assert moods(made)[0] == ("2026-01-01", 10)


def test_a_new_folder_is_created_owner_only(diary: Path, store: DiaryStore) -> None:
    folder = diary.parent / "deep" / "backups"
    make_backup(store.connection, folder, NOW, "daily")
    assert mode(folder) == 0o700


def test_the_reason_must_be_plain_words(diary: Path, store: DiaryStore) -> None:
    with pytest.raises(ValueError, match="reason"):
        make_backup(store.connection, diary.parent, NOW, "../escape")


def test_back_up_now_replaces_a_chosen_file_only_once_the_copy_is_whole(
    diary: Path, store: DiaryStore, tmp_path: Path
) -> None:
    target = tmp_path / "usb" / "my diary.sqlite"
    target.parent.mkdir()
    target.write_bytes(b"an older backup")
    assert write_backup(store.connection, target) == target
    assert moods(target) == moods(diary)
    assert mode(target) == 0o600
    assert sorted(p.name for p in target.parent.iterdir()) == ["my diary.sqlite"]


def test_listing_finds_this_diarys_backups_newest_first(diary: Path, store: DiaryStore) -> None:
    folder = backup_folder(diary)
    older = make_backup(store.connection, folder, NOW - timedelta(days=2), "daily")
    newer = make_backup(store.connection, folder, NOW, "start-up")
    (folder / "other-20261121-093015-daily.sqlite").write_bytes(b"another diary's")
    (folder / ".moodlog-20261121-093016-daily.sqlite.partial").write_bytes(b"half")
    (folder / "moodlog-notes.txt").write_text("mine")
    found = list_backups(folder)
    assert [b.path for b in found] == [newer, older]
    assert found[0].made_at == NOW
    assert found[0].reason == "start-up"
    assert found[1].made_at == NOW - timedelta(days=2)
    assert found[1].reason == "daily"
    assert found[0].size == newer.stat().st_size > 0
    assert [b.path.name for b in list_backups(folder, "other")] == [
        "other-20261121-093015-daily.sqlite"
    ]
    assert list_backups(diary.parent / "missing") == []


def test_pruning_keeps_what_the_rotation_keeps(diary: Path, store: DiaryStore) -> None:
    folder = backup_folder(diary)
    first = make_backup(store.connection, folder, NOW, "daily")
    stamps = [NOW - timedelta(hours=7 * n) for n in range(200)]
    for stamp in stamps[1:]:  # copies are enough: pruning goes by name
        (folder / f"moodlog-{stamp:%Y%m%d-%H%M%S}-daily.sqlite").write_bytes(first.read_bytes())
    other = folder / "other-20200101-000000-daily.sqlite"
    other.write_bytes(b"not ours to prune")
    deleted = prune(folder, NOW)
    kept = {b.made_at for b in list_backups(folder)}
    assert kept == backups_to_keep(stamps, NOW)
    assert len(deleted) == 200 - len(kept) > 150
    assert other.exists()
    assert prune(folder, NOW) == []  # nothing more to do


def test_diary_backups_rotate_as_they_go(diary: Path, store: DiaryStore) -> None:
    keeper = DiaryBackups(store, diary)
    for n in range(10):
        keeper.make(NOW + timedelta(minutes=n), "start-up")
    assert len(keeper.available()) == 3  # the newest few of one day
    assert keeper.available()[0].made_at == NOW + timedelta(minutes=9)
    assert keeper.problems() == []


# -- errors while backing up -------------------------------------------------------------


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write into any folder")
def test_a_read_only_folder_gets_a_clear_message(diary: Path, store: DiaryStore) -> None:
    folder = diary.parent / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(DiaryUnavailable, match="may not write to") as raised:
            write_backup(store.connection, folder / "copy.sqlite")
    finally:
        folder.chmod(0o700)
    assert "Your diary has not changed" in raised.value.message
    assert list(folder.iterdir()) == []


def test_a_folder_it_may_not_write_to_gets_a_clear_message(
    diary: Path, store: DiaryStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same as above, for a run as root: the refusal is the operating system's."""

    def refuse(*_args: object) -> int:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(backups.os, "open", refuse)
    with pytest.raises(DiaryUnavailable) as raised:
        write_backup(store.connection, diary.parent / "out" / "copy.sqlite")
    assert raised.value.message == (
        f"moodlog may not write to {diary.parent / 'out'}. No backup was made. Choose another "
        "folder, or check its permissions. Your diary has not changed."
    )


def test_a_full_disk_gets_a_clear_message_and_leaves_nothing_half_written(
    diary: Path, store: DiaryStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    def tiny_disk(conn: sqlite3.Connection, path: Path) -> sqlite3.Connection:
        copy = sqlite3.connect(path)
        copy.execute("PRAGMA max_page_count = 3")  # SQLite's own "disk full"
        return copy

    monkeypatch.setattr(backups, "connect_like", tiny_disk)
    target = diary.parent / "copy.sqlite"
    with pytest.raises(DiaryUnavailable, match="The disk is full") as raised:
        write_backup(store.connection, target)
    assert "No backup was made" in raised.value.message
    assert not target.exists()
    assert not list(diary.parent.glob(".*partial"))


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (OSError(errno.ENOSPC, "No space left on device"), "The disk is full."),
        (OSError(errno.EROFS, "Read-only file system"), "moodlog may not write to"),
        (sqlite3.OperationalError("attempt to write a readonly database"), "may not write"),
        (sqlite3.OperationalError("database is locked"), "Another program is using the file"),
        (OSError(errno.EIO, "Input/output error"), "No backup was made (Input/output error)"),
    ],
)
def test_backup_errors_say_what_happened_and_that_the_diary_is_safe(
    error: BaseException, expected: str, tmp_path: Path
) -> None:
    message = backup_error(error, tmp_path / "x.sqlite").message
    assert expected in message
    assert message.endswith("Your diary has not changed.")
    restoring = backup_error(error, tmp_path / "x.sqlite", restoring=True).message
    assert "could not be restored" in restoring or "The disk is full" in restoring


# -- SQLite's check ------------------------------------------------------------------------


def test_a_sound_diary_passes_both_checks(diary: Path, store: DiaryStore) -> None:
    assert check_integrity(store.connection) == []
    assert check_integrity(store.connection, thorough=True) == []


def test_a_damaged_diary_is_refused_when_it_opens_and_left_as_it_was(diary: Path) -> None:
    damage_table(diary)
    before = digest(diary)
    with pytest.raises(DiaryDamaged, match="is damaged") as raised:
        open_database(diary, NOW)
    assert "moodlog has not changed it" in raised.value.message
    assert digest(diary) == before
    # Opened without the check (the window checks after its first frame), it still opens,
    # and the check reports the damage.
    conn = open_database(diary, NOW, check=False)
    try:
        problems = check_integrity(conn)
        assert problems
        assert all(isinstance(p, str) for p in problems)
    finally:
        conn.close()
    assert digest(diary) == before


def test_a_file_with_a_damaged_header_is_refused(diary: Path) -> None:
    damage_header(diary)
    before = digest(diary)
    # Without SQLite's header it can't be told from an encrypted diary: either message.
    with pytest.raises(StorageError):
        open_database(diary, NOW, check=False)
    assert digest(diary) == before


# -- restoring -----------------------------------------------------------------------------


def test_restoring_keeps_the_current_diary_byte_for_byte(diary: Path, tmp_path: Path) -> None:
    backup = write_diary(tmp_path / "old" / "moodlog.sqlite", days=30, note="from the backup")
    backup_bytes = digest(backup)
    current = digest(diary)
    kept = restore(diary, backup, NOW)
    assert kept == tmp_path / "moodlog.before-restore-20261121-093015.sqlite"
    assert digest(kept) == current
    assert mode(kept) == 0o600
    assert moods(diary) == moods(backup)
    assert len(moods(diary)) == 30
    assert digest(backup) == backup_bytes  # the backup itself is only read
    assert mode(diary) == 0o600
    assert not list(tmp_path.glob(".*restoring*"))
    # Restoring again in the same second keeps both earlier versions.
    again = restore(diary, backup, NOW)
    assert again is not None
    assert again != kept
    assert again.name.endswith("-2.sqlite")


def test_restoring_keeps_saves_still_in_the_write_ahead_log(diary: Path, tmp_path: Path) -> None:
    """A diary left by a crash has saves in its -wal: the kept copy has them too."""
    backup = write_diary(tmp_path / "old" / "moodlog.sqlite", days=5)
    writer = sqlite3.connect(diary)
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    writer.execute("UPDATE check_ins SET mood = 10")
    writer.commit()
    crashed = tmp_path / "crashed"
    crashed.mkdir()
    for name in ("moodlog.sqlite", "moodlog.sqlite-wal"):  # as a crash would leave them
        (crashed / name).write_bytes((tmp_path / name).read_bytes())
    writer.close()
    kept = restore(crashed / "moodlog.sqlite", backup, NOW)
    assert kept is not None
    assert Path(f"{kept}-wal").exists()
    assert {mood for _day, mood in moods(kept)} == {10}
    assert not Path(crashed / "moodlog.sqlite-wal").exists()
    assert moods(crashed / "moodlog.sqlite") == moods(backup)


def test_a_damaged_backup_is_refused_and_the_diary_left_alone(diary: Path, tmp_path: Path) -> None:
    backup = write_diary(tmp_path / "old" / "moodlog.sqlite", days=30)
    damage_table(backup)
    before = digest(diary)
    assert backup_problems(backup) != []
    with pytest.raises(DiaryDamaged, match="can't be used") as raised:
        restore(diary, backup, NOW)
    assert "Your diary has not changed" in raised.value.message
    assert digest(diary) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["moodlog.sqlite", "old"]


def test_a_file_that_is_not_a_diary_is_refused(diary: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE notes (text)")
    conn.close()
    with pytest.raises(DiaryDamaged, match="not a moodlog diary"):
        restore(diary, other, NOW)
    text = tmp_path / "notes.txt"
    text.write_text("my notes " * 500)
    with pytest.raises(DiaryDamaged, match="can't be used"):
        restore(diary, text, NOW)
    assert backup_problems(text) != []


def test_a_backup_from_a_newer_moodlog_is_refused(diary: Path, tmp_path: Path) -> None:
    backup = write_diary(tmp_path / "old" / "moodlog.sqlite", days=3)
    with sqlite3.connect(backup) as conn:
        conn.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
            "VALUES ('moodlog', 'from_the_future', '2030-01-01')"
        )
    conn.close()
    before = digest(diary)
    with pytest.raises(DiaryTooNew, match="newer version of moodlog"):
        restore(diary, backup, NOW)
    assert digest(diary) == before


def test_the_diary_itself_is_not_a_backup(diary: Path) -> None:
    with pytest.raises(DiaryUnavailable, match="is the diary itself"):
        restore(diary, diary, NOW)


def test_restoring_where_there_is_no_diary_yet(tmp_path: Path) -> None:
    backup = write_diary(tmp_path / "old" / "moodlog.sqlite", days=3)
    target = tmp_path / "new.sqlite"
    assert restore(target, backup, NOW) is None
    assert moods(target) == moods(backup)


def test_restoring_a_damaged_diary_keeps_the_damaged_file(diary: Path, tmp_path: Path) -> None:
    folder = backup_folder(diary)
    with DiaryStoreFor(diary) as store:
        good = make_backup(store.connection, folder, NOW - timedelta(days=1), "daily")
        newest = make_backup(store.connection, folder, NOW, "start-up")
    damage_table(newest, seed=2)  # the newest backup is damaged too
    damage_table(diary)
    damaged = digest(diary)
    latest = latest_good_backup(folder)
    assert latest is not None
    assert latest.path == good
    kept = restore(diary, latest.path, NOW)
    assert kept is not None
    assert digest(kept) == damaged
    assert check_integrity(open_database(diary, NOW)) == []


def test_restoring_through_the_open_store(diary: Path, tmp_path: Path) -> None:
    backup = write_diary(tmp_path / "old" / "moodlog.sqlite", days=7)
    store = DiaryStore(open_database(diary, NOW))
    try:
        assert len(moods(diary)) == 120
        kept = restore_store(store, diary, backup, NOW)
        assert kept is not None
        assert len(moods(kept)) == 120
        first = store.first_day()
        assert first is not None
        assert first.isoformat() == "2026-01-01"
        assert len(store.day_summaries(first, first + timedelta(days=400))) == 7
        # A refused backup leaves the store open on the diary as it was.
        damage_table(backup)
        with pytest.raises(DiaryDamaged):
            restore_store(store, diary, backup, NOW + timedelta(seconds=1))
        assert len(store.day_summaries(first, first + timedelta(days=400))) == 7
    finally:
        store.close()


class DiaryStoreFor:
    """A store on ``path``, closed at the end of the ``with``."""

    def __init__(self, path: Path) -> None:
        self.store = DiaryStore(open_database(path, NOW))

    def __enter__(self) -> DiaryStore:
        return self.store

    def __exit__(self, *_exc: object) -> None:
        self.store.close()


def test_backups_are_named_by_their_time(diary: Path, store: DiaryStore) -> None:
    made = make_backup(
        store.connection, backup_folder(diary), datetime(2027, 1, 2, 3, 4, 5), "daily"
    )
    assert made.name == "moodlog-20270102-030405-daily.sqlite"
