"""`moodlog backup` and `moodlog restore` from the command line."""

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from moodlog import app
from moodlog.storage.backups import backup_folder, list_backups
from moodlog.ui.single_instance import SingleInstance
from tests.storage.diary_files import damage_table, digest, moods, write_diary


@pytest.fixture(autouse=True)
def keep_umask() -> Iterator[None]:
    """app.run() sets an owner-only umask for the process; give the test's back."""
    previous = os.umask(0o022)
    os.umask(previous)
    yield
    os.umask(previous)


@pytest.fixture(autouse=True)
def private_runtime_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: QApplication
) -> None:
    """The single-instance socket in the test's own folder; the test session's QApplication
    made first, so the restore command does not make a bare QCoreApplication."""
    folder = tmp_path / "run"
    folder.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(folder))


@pytest.fixture
def diary(tmp_path: Path) -> Path:
    return write_diary(tmp_path / "moodlog.sqlite", days=20)


def test_backup_goes_into_the_backups_folder_beside_the_diary(
    diary: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert app.run(["backup", "--db", str(diary)]) == 0
    made = list_backups(backup_folder(diary))
    assert [b.reason for b in made] == ["by-hand"]
    assert capsys.readouterr().out == f"Backed up {diary} to {made[0].path}\n"
    assert moods(made[0].path) == moods(diary)
    assert made[0].path.stat().st_mode & 0o777 == 0o600
    assert backup_folder(diary).stat().st_mode & 0o777 == 0o700


def test_backup_to_a_chosen_file(
    diary: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "copy.sqlite"
    assert app.run(["backup", "--db", str(diary), "--out", str(out)]) == 0
    assert capsys.readouterr().out == f"Backed up {diary} to {out}\n"
    assert moods(out) == moods(diary)


def test_backup_problems_get_one_clear_line(
    diary: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nothing-here.sqlite"
    assert app.run(["backup", "--db", str(missing)]) == 2
    assert capsys.readouterr().err == (
        f"moodlog: There is no diary at {missing}. Check the path given with --db.\n"
    )
    assert not missing.exists()
    out = tmp_path / "no-such-folder" / "copy.sqlite"
    assert app.run(["backup", "--db", str(diary), "--out", str(out)]) == 2
    assert capsys.readouterr().err == (
        "moodlog: No backup was made (No such file or directory). Your diary has not changed.\n"
    )


def test_restore_puts_the_backup_in_place_and_keeps_the_diary(
    diary: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    backup = write_diary(tmp_path / "old" / "backup.sqlite", days=5)
    before = digest(diary)
    assert app.run(["restore", "--db", str(diary), str(backup)]) == 0
    out = capsys.readouterr().out
    kept = next(tmp_path.glob("moodlog.before-restore-*.sqlite"))
    assert out == f"Restored {backup} as {diary}. The diary as it was is kept as {kept}\n"
    assert digest(kept) == before
    assert moods(diary) == moods(backup)


def test_a_damaged_backup_is_not_restored(
    diary: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    backup = write_diary(tmp_path / "old" / "backup.sqlite", days=5)
    damage_table(backup)
    before = digest(diary)
    assert app.run(["restore", "--db", str(diary), str(backup)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"moodlog: The backup {backup} can't be used: ")
    assert err.endswith("Your diary has not changed. Choose another backup.\n")
    assert digest(diary) == before


def test_a_file_that_is_not_a_backup_is_named_plainly(
    diary: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    export = tmp_path / "export.json"
    export.write_text('{"days": []}' * 100, encoding="utf-8")
    before = digest(diary)
    assert app.run(["restore", "--db", str(diary), str(export)]) == 2
    err = capsys.readouterr().err
    assert "file is not a database" not in err
    assert f"The backup {export} can't be used: it isn't a moodlog backup" in err
    assert digest(diary) == before


def test_restore_waits_for_the_window_to_be_closed(
    diary: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    backup = write_diary(tmp_path / "old" / "backup.sqlite", days=5)
    running = SingleInstance(diary)  # as the open window does
    assert running.listen()
    try:
        before = digest(diary)
        assert app.run(["restore", "--db", str(diary), str(backup)]) == 2
    finally:
        running.close()
    assert "moodlog is open on" in capsys.readouterr().err
    assert digest(diary) == before
