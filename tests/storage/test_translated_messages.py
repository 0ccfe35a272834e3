"""Storage's messages go through the translator (issue 8), and code that tells problems apart
does so by what happened, not by the English words."""

import sqlite3
from pathlib import Path

import pytest

from moodlog.storage.backups import restore
from moodlog.storage.diary_transfer import ImportSummary
from moodlog.storage.errors import DiaryTooNew, unavailable_from
from tests.storage.diary_files import NOW, digest, write_diary


@pytest.mark.usefixtures("translated")
def test_a_backup_from_a_newer_moodlog_is_refused_in_any_language(tmp_path: Path) -> None:
    diary = write_diary(tmp_path / "moodlog.sqlite")
    backup = write_diary(tmp_path / "old" / "moodlog.sqlite", days=3)
    with sqlite3.connect(backup) as conn:
        conn.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
            "VALUES ('moodlog', 'from_the_future', '2030-01-01')"
        )
    conn.close()
    before = digest(diary)
    with pytest.raises(DiaryTooNew, match=r"⟪The backup .* was made by a newer version"):
        restore(diary, backup, NOW)
    assert digest(diary) == before


@pytest.mark.usefixtures("translated")
def test_a_failed_save_is_explained_in_the_persons_language() -> None:
    message = unavailable_from(sqlite3.OperationalError("database or disk is full")).message
    assert message == (
        "⟪The disk is full, so this could not be saved. Free some space, then save again. "
        "⟪What you typed is still in the form, and nothing already saved has changed.⟫⟫"
    )


@pytest.mark.usefixtures("translated")
def test_an_import_summary_is_whole_translated_sentences() -> None:
    summary = ImportSummary(False, added={"check_ins": 3}, already_there={"check_ins": 1})
    assert summary.text() == (
        "⟪Added 3 records from the export.⟫ ⟪1 record was already in your diary.⟫"
    )
