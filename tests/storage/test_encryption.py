"""Encryption at rest (SQLCipher): the right passphrase reads, a wrong one is refused with the
file untouched, turning encryption on, changing it and turning it off keep every row, and
copies of an encrypted diary stay encrypted."""

import hashlib
import sqlite3
import stat
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlite_utils import Database

from moodlog.domain.check_in import CheckIn
from moodlog.domain.day_entry import DayEntry
from moodlog.storage.database import applied_migration_names, copy_aside, open_database
from moodlog.storage.diary_store import DiaryStore
from moodlog.storage.encrypted_connection import (
    SQLITE_HEADER,
    connect_encrypted,
    connect_like,
    is_encrypted,
    passphrase_of,
    quote_passphrase,
)
from moodlog.storage.encryption_change import change_encryption, change_store_encryption
from moodlog.storage.errors import DiaryUnavailable, PassphraseNeeded, WrongPassphrase
from moodlog.storage.migrations import build_migrations, known_migration_names
from tests.known_diary import write_known_diary

dbapi = pytest.importorskip("sqlcipher3.dbapi2")

NOW = datetime(2026, 11, 21, 9, 30, 15)
DAY = date(2026, 11, 20)
SECRET_NOTE = "walked to the river with Sam"
PASSPHRASE = "correct horse battery staple"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def write_note(store: DiaryStore, note: str = SECRET_NOTE) -> None:
    store.save_day(DayEntry(DAY, CheckIn(datetime(2026, 11, 20, 21), {"mood": 4}, note)), NOW)


def read_note(store: DiaryStore) -> str:
    return store.day_record(DAY).check_ins[-1].note  # the latest


def every_row(path: Path, passphrase: str | None = None) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, sorted: what a round trip must give back."""
    conn = connect_encrypted(path, passphrase) if passphrase else sqlite3.connect(path)
    try:
        names = [n for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {
            name: sorted(conn.execute(f'SELECT * FROM "{name}"').fetchall(), key=repr)
            for name in names
        }
    finally:
        conn.close()


def plain_sqlite_cannot_read(path: Path) -> bool:
    conn = sqlite3.connect(path)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as error:
        return "not a database" in str(error)
    finally:
        conn.close()
    return False


@pytest.fixture
def encrypted(tmp_path: Path) -> Path:
    """An encrypted diary holding one note, closed."""
    path = tmp_path / "diary.sqlite"
    store = DiaryStore(open_database(path, NOW, PASSPHRASE))
    write_note(store)
    store.close()
    return path


def test_the_right_passphrase_reads_what_was_written(encrypted: Path) -> None:
    store = DiaryStore(open_database(encrypted, NOW, PASSPHRASE))
    try:
        assert read_note(store) == SECRET_NOTE
        assert applied_migration_names(store._conn) == known_migration_names()
    finally:
        store.close()


def test_the_file_on_disk_is_unreadable_without_the_passphrase(encrypted: Path) -> None:
    data = encrypted.read_bytes()
    assert not data.startswith(SQLITE_HEADER)
    assert SECRET_NOTE.encode() not in data
    assert is_encrypted(encrypted)
    assert plain_sqlite_cannot_read(encrypted)
    assert mode(encrypted) == 0o600


def test_a_wrong_passphrase_is_refused_and_the_file_left_alone(encrypted: Path) -> None:
    before = digest(encrypted)
    with pytest.raises(WrongPassphrase) as refused:
        open_database(encrypted, NOW, "correct horse battery stapler")
    assert refused.value.message.startswith("That passphrase doesn't open the diary")
    assert "has not been changed" in refused.value.message
    assert digest(encrypted) == before
    assert sorted(p.name for p in encrypted.parent.iterdir()) == ["diary.sqlite"]


def test_an_encrypted_diary_opened_without_a_passphrase_says_it_needs_one(
    encrypted: Path,
) -> None:
    before = digest(encrypted)
    with pytest.raises(PassphraseNeeded, match="needs a passphrase") as refused:
        open_database(encrypted, NOW)
    assert "moodlog has not changed it" in refused.value.message
    assert digest(encrypted) == before


def test_a_plain_diary_opened_with_a_passphrase_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "plain.sqlite"
    open_database(path, NOW).close()
    before = digest(path)
    with pytest.raises(WrongPassphrase, match="is not encrypted"):
        open_database(path, NOW, PASSPHRASE)
    assert digest(path) == before


@pytest.mark.parametrize(
    "passphrase",
    [
        "it's mine",
        "'; DROP TABLE check_ins; --",
        "x' ; PRAGMA key = \"y",
        "pässwörd ☂ 鍵",
        "x'",
    ],
)
def test_any_passphrase_is_the_key_itself_never_sql(tmp_path: Path, passphrase: str) -> None:
    path = tmp_path / "diary.sqlite"
    store = DiaryStore(open_database(path, NOW, passphrase))
    write_note(store)
    store.close()
    store = DiaryStore(open_database(path, NOW, passphrase))
    assert read_note(store) == SECRET_NOTE
    store.close()
    # Only the whole passphrase opens it: neither the part before a quote nor a prefix does.
    for wrong in {passphrase.split("'")[0], passphrase[:-1]} - {passphrase, ""}:
        with pytest.raises(WrongPassphrase):
            open_database(path, NOW, wrong)


def test_quoting_doubles_single_quotes_and_refuses_nul() -> None:
    assert quote_passphrase("it's") == "'it''s'"
    with pytest.raises(WrongPassphrase):
        quote_passphrase("a\x00b")
    with pytest.raises(WrongPassphrase):
        quote_passphrase("")


def test_plain_to_encrypted_to_new_passphrase_to_plain_keeps_every_row(tmp_path: Path) -> None:
    path = tmp_path / "diary.sqlite"
    store = DiaryStore(open_database(path, NOW))
    write_known_diary(store)
    write_note(store, "a note with 'quotes', commas,\nand a line break")
    store.save_draft(date(2026, 11, 21), '{"draft": true}', NOW)
    store.close()
    original = every_row(path)
    assert sum(len(rows) for rows in original.values()) > 50

    assert change_encryption(path, None, "first", NOW) is None
    assert is_encrypted(path)
    assert every_row(path, "first") == original
    assert change_encryption(path, "first", "second", NOW) is None
    with pytest.raises(WrongPassphrase):
        open_database(path, NOW, "first")
    assert every_row(path, "second") == original
    kept = change_encryption(path, "second", None, NOW)
    assert not is_encrypted(path)
    assert every_row(path) == original

    # Only the copy made before turning encryption off is kept, and it is still encrypted:
    # a plain copy (or one the old passphrase opens) beside the diary would undo the change.
    assert kept == tmp_path / "diary.before-decryption-20261121-093015.sqlite"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["diary.sqlite", kept.name])
    assert plain_sqlite_cannot_read(kept)
    assert every_row(kept, "second") == original
    assert mode(path) == 0o600
    assert mode(kept) == 0o600
    # The plain diary opens as any diary does.
    store = DiaryStore(open_database(path, NOW))
    assert "quotes" in read_note(store)
    store.close()


def test_a_wrong_current_passphrase_changes_nothing(encrypted: Path) -> None:
    before = digest(encrypted)
    with pytest.raises(WrongPassphrase):
        change_encryption(encrypted, "not it", None, NOW)
    assert digest(encrypted) == before
    assert sorted(p.name for p in encrypted.parent.iterdir()) == ["diary.sqlite"]


def test_a_failed_export_leaves_the_diary_and_no_new_file(
    encrypted: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from moodlog.storage import encryption_change

    def fail(*_args: object) -> None:
        raise DiaryUnavailable("The new diary file didn't check out")

    monkeypatch.setattr(encryption_change, "_check", fail)
    with pytest.raises(DiaryUnavailable):
        change_encryption(encrypted, PASSPHRASE, "new one", NOW)
    assert not encrypted.with_name("diary.sqlite.new").exists()
    store = DiaryStore(open_database(encrypted, NOW, PASSPHRASE))
    assert read_note(store) == SECRET_NOTE
    store.close()


def test_an_open_store_carries_on_after_its_encryption_changes(tmp_path: Path) -> None:
    path = tmp_path / "diary.sqlite"
    store = DiaryStore(open_database(path, NOW))
    write_note(store)
    treatments = store.treatments  # a sub-store made before the change follows it
    change_store_encryption(store, path, None, PASSPHRASE, NOW)
    assert is_encrypted(path)
    assert read_note(store) == SECRET_NOTE
    write_note(store, "written after")
    assert treatments.medications() == []
    with pytest.raises(WrongPassphrase):  # a wrong current passphrase: still open, unchanged
        change_store_encryption(store, path, "not it", None, NOW)
    assert read_note(store) == "written after"
    store.close()
    assert plain_sqlite_cannot_read(path)


def test_a_backup_of_an_encrypted_diary_stays_encrypted(encrypted: Path) -> None:
    conn = open_database(encrypted, NOW, PASSPHRASE)
    target = encrypted.with_name("backup.sqlite")
    copy = connect_like(conn, target)
    assert passphrase_of(copy) == PASSPHRASE
    conn.backup(copy)
    copy.close()
    assert plain_sqlite_cannot_read(target)
    assert SECRET_NOTE.encode() not in target.read_bytes()
    assert every_row(target, PASSPHRASE) == every_row(encrypted, PASSPHRASE)
    # SQLite's backup API refuses to copy it into a plain file, so no mistake makes one.
    plain = dbapi.connect(str(encrypted.with_name("plain.sqlite")))
    with pytest.raises(dbapi.OperationalError):
        conn.backup(plain)
    plain.close()
    conn.close()


def test_a_migration_on_an_encrypted_diary_copies_it_aside_encrypted(tmp_path: Path) -> None:
    path = tmp_path / "diary.sqlite"
    raw = connect_encrypted(path, PASSPHRASE)
    build_migrations().apply(Database(raw), stop_before="seed_default_side_effects_and_trackers")
    raw.commit()
    raw.close()

    store = DiaryStore(open_database(path, NOW, PASSPHRASE))
    assert applied_migration_names(store._conn) == known_migration_names()
    assert store.side_effects()
    store.close()
    (copy,) = tmp_path.glob("diary.before-*.sqlite")
    assert mode(copy) == 0o600
    assert plain_sqlite_cannot_read(copy)
    assert "create_diary_tables" in every_row(copy, PASSPHRASE)["_sqlite_migrations"][0]


def test_copy_aside_of_a_plain_diary_stays_plain(tmp_path: Path) -> None:
    path = tmp_path / "diary.sqlite"
    conn = open_database(path, NOW)
    copy = copy_aside(conn, path, "before-test", NOW)
    conn.close()
    assert copy.read_bytes().startswith(SQLITE_HEADER)


def test_storage_errors_on_an_encrypted_diary_reach_the_person_as_storage_errors(
    encrypted: Path,
) -> None:
    store = DiaryStore(open_database(encrypted, NOW, PASSPHRASE))
    link = store._link
    refused = pytest.raises(DiaryUnavailable, match="nothing already saved has changed")
    with refused, link.writing():
        link.execute("INSERT INTO no_such_table VALUES (1)")
    with pytest.raises(dbapi.IntegrityError), link.writing():  # our bug stays a bug
        link.execute("INSERT INTO check_ins (id) VALUES (NULL)")
    store.close()


def test_a_plain_diary_never_loads_sqlcipher(tmp_path: Path) -> None:
    code = f"""
import sys
from pathlib import Path
from moodlog.storage.database import open_database
open_database(Path({str(tmp_path / "d.sqlite")!r})).close()
open_database(Path({str(tmp_path / "d.sqlite")!r})).close()
print("LOADED", "sqlcipher3" in sys.modules)
"""
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=Path(__file__).resolve().parents[2],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "LOADED False" in result.stdout


def test_the_store_knows_the_passphrase_it_is_open_with(tmp_path: Path) -> None:
    path = tmp_path / "diary.sqlite"
    store = DiaryStore(open_database(path, NOW))
    assert store.passphrase is None
    change_store_encryption(store, path, None, PASSPHRASE, NOW)
    assert store.passphrase == PASSPHRASE
    change_store_encryption(store, path, PASSPHRASE, "another one", NOW)
    assert store.passphrase == "another one"
    store.close()
