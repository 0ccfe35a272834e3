"""Tests for moodlog/storage/database.py: opening, permissions, pragmas, safe migration."""

import hashlib
import os
import sqlite3
import stat
from datetime import datetime
from pathlib import Path
from random import Random

import pytest
from sqlite_utils import Database

from moodlog.domain.side_effects import DEFAULT_SIDE_EFFECTS
from moodlog.domain.trackers import BUILTIN_TRACKERS
from moodlog.storage.database import applied_migration_names, open_database
from moodlog.storage.errors import DiaryDamaged, DiaryTooNew, DiaryUnavailable
from moodlog.storage.migrations import build_migrations, known_migration_names

NOW = datetime(2026, 11, 21, 9, 30, 15)
SEED_STEP = "seed_default_side_effects_and_trackers"
TREATMENT_STEP = "create_treatment_tables"
QUESTIONNAIRE_STEP = "create_questionnaire_tables"
APP_TABLES = {
    "appointments",
    "import_batches",
    "clinician_questions",
    "check_ins",
    "sleep",
    "side_effects",
    "side_effect_ratings",
    "medications",
    "dose_steps",
    "adherence",
    "treatment_courses",
    "treatment_sessions",
    "pgx_results",
    "questionnaire_results",
    "diary_settings",
    "trackers",
    "tracker_values",
    "drafts",
}


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def count(db: Database, table: str) -> int:
    return int(db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])


def copies_beside(path: Path) -> list[Path]:
    return sorted(path.parent.glob(f"{path.stem}.before-*.sqlite"))


def test_new_file_gets_every_migration_and_the_seeded_lists(tmp_path: Path) -> None:
    path = tmp_path / "diary.sqlite"
    db = open_database(path, NOW)
    try:
        assert applied_migration_names(db) == known_migration_names()
        assert known_migration_names() == [
            "create_diary_tables",
            SEED_STEP,
            TREATMENT_STEP,
            QUESTIONNAIRE_STEP,
            "create_appointment_tables",
            "create_import_tables",
        ]
        names = [r[0] for r in db.execute("SELECT name FROM side_effects ORDER BY sort_order")]
        assert names == list(DEFAULT_SIDE_EFFECTS)
        assert count(db, "trackers") == len(BUILTIN_TRACKERS)
    finally:
        db.close()
    assert copies_beside(path) == []  # a new, empty diary has nothing to copy aside


def test_reopening_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "diary.sqlite"
    db = open_database(path, NOW)
    db.execute(
        "INSERT INTO drafts VALUES ('2026-11-20', 'kept', '2026-11-20T21:00:00')"
    ).connection.commit()
    applied = [(m.name, m.applied_at) for m in build_migrations().applied(Database(db))]
    db.close()
    again = open_database(path, NOW)
    try:
        assert [
            (m.name, m.applied_at) for m in build_migrations().applied(Database(again))
        ] == applied
        assert count(again, "side_effects") == len(DEFAULT_SIDE_EFFECTS)
        assert list(again.execute("SELECT payload FROM drafts")) == [("kept",)]
    finally:
        again.close()
    assert copies_beside(path) == []


def test_in_memory_diary_is_fully_migrated() -> None:
    db = open_database(None)
    try:
        assert applied_migration_names(db) == known_migration_names()
        assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    finally:
        db.close()


def test_pending_migration_copies_the_diary_aside_first(tmp_path: Path) -> None:
    path = tmp_path / "diary.sqlite"
    raw = Database(path)
    build_migrations().apply(raw, stop_before=SEED_STEP)
    raw.execute(
        "INSERT INTO drafts VALUES ('2026-11-20', 'before the upgrade', '2026-11-20T21:00:00')"
    )
    raw.conn.commit()
    raw.close()

    db = open_database(path, NOW)
    try:
        assert applied_migration_names(db) == known_migration_names()
        assert count(db, "side_effects") == len(DEFAULT_SIDE_EFFECTS)
        assert count(db, "drafts") == 1
    finally:
        db.close()

    copy = tmp_path / f"diary.before-{SEED_STEP}-20261121-093015.sqlite"
    assert copies_beside(path) == [copy]
    assert mode(copy) == 0o600
    with sqlite3.connect(copy) as old:
        names = [r[0] for r in old.execute("SELECT name FROM _sqlite_migrations ORDER BY id")]
        assert names == ["create_diary_tables"]
        assert old.execute("SELECT COUNT(*) FROM side_effects").fetchone()[0] == 0
        assert old.execute("SELECT COUNT(*) FROM trackers").fetchone()[0] == 0
        assert old.execute("SELECT payload FROM drafts").fetchall() == [("before the upgrade",)]
    old.close()


def test_a_diary_from_before_treatments_keeps_its_days_and_gains_the_tables(
    tmp_path: Path,
) -> None:
    path = tmp_path / "diary.sqlite"
    raw = Database(path)
    build_migrations().apply(raw, stop_before=TREATMENT_STEP)
    raw.execute(
        "INSERT INTO side_effect_ratings VALUES ('2026-11-20', "
        "(SELECT id FROM side_effects WHERE name = 'Nausea'), 2)"
    )
    raw.conn.commit()
    raw.close()

    db = open_database(path, NOW)
    try:
        assert applied_migration_names(db) == known_migration_names()
        assert count(db, "side_effect_ratings") == 1
        assert count(db, "medications") == 0
        causes = db.execute(
            "SELECT suspected_medication_id, suspected_course_id FROM side_effects"
        ).fetchall()
        assert set(causes) == {(None, None)}
    finally:
        db.close()
    assert [p.name for p in copies_beside(path)] == [
        f"diary.before-{TREATMENT_STEP}-20261121-093015.sqlite"
    ]


def test_a_diary_from_before_questionnaires_keeps_its_treatments_and_gains_the_table(
    tmp_path: Path,
) -> None:
    path = tmp_path / "diary.sqlite"
    raw = Database(path)
    build_migrations().apply(raw, stop_before=QUESTIONNAIRE_STEP)
    raw.execute(
        "INSERT INTO treatment_courses (kind, started, updated_at) "
        "VALUES ('tms', '2026-10-01', '2026-10-01T09:00:00')"
    )
    raw.conn.commit()
    raw.close()

    db = open_database(path, NOW)
    try:
        assert applied_migration_names(db) == known_migration_names()
        assert count(db, "treatment_courses") == 1
        assert count(db, "questionnaire_results") == 0
    finally:
        db.close()
    assert [p.name for p in copies_beside(path)] == [
        f"diary.before-{QUESTIONNAIRE_STEP}-20261121-093015.sqlite"
    ]


def _record_future_migration(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
            "VALUES ('moodlog', 'add_mood_colour_column', '2030-01-01 00:00:00')"
        )
    conn.close()


@pytest.mark.parametrize("written_by_moodlog", [True, False], ids=["wal-file", "rollback-file"])
def test_diary_from_a_newer_moodlog_is_refused_untouched(
    tmp_path: Path, written_by_moodlog: bool
) -> None:
    path = tmp_path / "diary.sqlite"
    if written_by_moodlog:
        open_database(path, NOW).close()
    else:
        raw = Database(path)  # rollback journal: WAL would rewrite the header on open
        build_migrations().apply(raw)
        raw.close()
    _record_future_migration(path)
    before = digest(path)

    with pytest.raises(DiaryTooNew) as caught:
        open_database(path, NOW)

    assert "add_mood_colour_column" in caught.value.message
    assert "newer version of moodlog" in caught.value.message
    assert digest(path) == before
    assert copies_beside(path) == []


def test_non_sqlite_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "diary.sqlite"
    path.write_bytes(Random(3).randbytes(8192))
    before = digest(path)

    with pytest.raises(DiaryDamaged) as caught:
        open_database(path, NOW)

    assert "is not a moodlog diary, or it is damaged" in caught.value.message
    assert "has not changed it" in caught.value.message
    assert digest(path) == before
    assert copies_beside(path) == []


def test_folder_is_created_owner_only_and_so_is_the_file(tmp_path: Path) -> None:
    path = tmp_path / "new" / "moodlog" / "diary.sqlite"
    open_database(path, NOW).close()
    assert mode(path.parent) == 0o700
    assert mode(path) == 0o600


def test_existing_file_is_tightened_to_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "diary.sqlite"
    open_database(path, NOW).close()
    path.chmod(0o644)
    open_database(path, NOW).close()
    assert mode(path) == 0o600


def test_existing_folder_keeps_its_mode(tmp_path: Path) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    folder.chmod(0o755)
    open_database(folder / "diary.sqlite", NOW).close()
    assert mode(folder) == 0o755


def test_folder_in_place_of_the_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DiaryUnavailable, match="is a folder, not a diary file"):
        open_database(tmp_path, NOW)


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores folder permissions")
def test_unwritable_folder_is_refused(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    with pytest.raises(DiaryUnavailable, match="may not write to"):
        open_database(locked / "diary.sqlite", NOW)


def test_file_diary_uses_wal_full_sync_and_foreign_keys(tmp_path: Path) -> None:
    db = open_database(tmp_path / "diary.sqlite", NOW)
    try:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert db.execute("PRAGMA busy_timeout").fetchone()[0] == 3000
    finally:
        db.close()


def test_foreign_keys_are_enforced(tmp_path: Path) -> None:
    db = open_database(tmp_path / "diary.sqlite", NOW)
    try:
        with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
            db.execute("INSERT INTO tracker_values VALUES ('2026-11-20', 999, 1.0)")
    finally:
        db.close()


@pytest.mark.parametrize("in_file", [True, False], ids=["file", "memory"])
def test_every_app_table_is_strict(tmp_path: Path, in_file: bool) -> None:
    db = open_database(tmp_path / "diary.sqlite" if in_file else None, NOW)
    try:
        rows = db.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'table' "
            "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '\\_sqlite%' ESCAPE '\\'"
        ).fetchall()
        assert {name for name, _ in rows} == APP_TABLES
        for name, sql in rows:
            assert sql.rstrip().endswith("STRICT"), name
        with pytest.raises(sqlite3.IntegrityError, match="cannot store TEXT value in INTEGER"):
            db.execute("INSERT INTO side_effect_ratings VALUES ('2026-11-20', 1, 'severe')")
    finally:
        db.close()
