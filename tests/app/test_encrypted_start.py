"""Starting moodlog on an encrypted diary: the passphrase comes from --passphrase-file,
$MOODLOG_PASSPHRASE or the start-up dialog, for the window and the commands alike."""

import hashlib
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from moodlog import app
from moodlog.command_line import parse_options
from moodlog.storage.database import open_database
from moodlog.storage.diary_store import DiaryStore
from moodlog.storage.encrypted_connection import is_encrypted
from moodlog.ui import dialogs, passphrase_dialog

pytest.importorskip("sqlcipher3")

ROOT = Path(__file__).resolve().parents[2]
PASSPHRASE = "  spaces count, and so does 'this'"


@pytest.fixture(autouse=True)
def keep_umask_and_environment(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """app.run() sets an owner-only umask; give the test's back. No passphrase leaks in."""
    monkeypatch.delenv("MOODLOG_PASSPHRASE", raising=False)
    previous = os.umask(0o022)
    os.umask(previous)
    yield
    os.umask(previous)


@pytest.fixture
def encrypted(tmp_path: Path) -> Path:
    path = tmp_path / "diary.sqlite"
    open_database(path, None, PASSPHRASE).close()
    return path


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    errors: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda _p, _t, text: errors.append(text))
    return errors


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_passphrase_comes_from_a_file_or_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    secret = tmp_path / "secret"
    secret.write_text(PASSPHRASE + "\n")
    assert parse_options(["--passphrase-file", str(secret)]).passphrase == PASSPHRASE
    monkeypatch.setenv("MOODLOG_PASSPHRASE", "from the environment")
    assert parse_options([]).passphrase == "from the environment"
    assert parse_options(["--passphrase-file", str(secret)]).passphrase == PASSPHRASE
    for argv in (
        ["report", "--db", "d", "--from", "2026-01-01", "--to", "2026-01-02", "--out", "r.pdf"],
        ["demo", "--db", "d"],
        ["--passphrase-file", str(secret), "demo", "--db", "d"],
    ):
        assert parse_options([*argv, "--passphrase-file", str(secret)]).passphrase == PASSPHRASE
    # Never printed with the options.
    assert PASSPHRASE not in repr(parse_options(["--passphrase-file", str(secret)]))


def test_an_unreadable_or_empty_passphrase_file_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit):
        parse_options(["--passphrase-file", str(tmp_path / "missing")])
    assert "--passphrase-file: can't read" in capsys.readouterr().err
    empty = tmp_path / "empty"
    empty.write_text("\n")
    with pytest.raises(SystemExit):
        parse_options(["--passphrase-file", str(empty)])
    assert "is empty; put the passphrase on its first line" in capsys.readouterr().err


def test_an_encrypted_diary_asks_for_its_passphrase_before_the_window(
    encrypted: Path, monkeypatch: pytest.MonkeyPatch, shown: list[str]
) -> None:
    asked: list[Path] = []

    def ask(path: Path, _unlock: Callable[[str], DiaryStore]) -> DiaryStore | None:
        asked.append(path)
        return None  # the person closed the dialog

    monkeypatch.setattr(passphrase_dialog, "ask_passphrase", ask)
    assert app.run(["--db", str(encrypted)]) == 1
    assert asked == [encrypted]
    assert shown == []  # the dialog has said what it had to


def test_the_dialogs_unlock_opens_the_diary_with_what_was_typed(
    encrypted: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[DiaryStore] = []

    def ask(_path: Path, unlock: Callable[[str], DiaryStore]) -> DiaryStore | None:
        opened.append(unlock(PASSPHRASE))
        opened[0].close()
        return None

    monkeypatch.setattr(passphrase_dialog, "ask_passphrase", ask)
    assert app.run(["--db", str(encrypted)]) == 1
    assert len(opened) == 1


def test_a_wrong_passphrase_from_the_environment_is_refused_untouched(
    encrypted: Path, monkeypatch: pytest.MonkeyPatch, shown: list[str]
) -> None:
    before = digest(encrypted)
    monkeypatch.setenv("MOODLOG_PASSPHRASE", "not the one")
    assert app.run(["--db", str(encrypted)]) == 2
    assert shown[0].startswith("That passphrase doesn't open the diary")
    assert digest(encrypted) == before


def test_demo_into_a_new_encrypted_diary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    secret = tmp_path / "secret"
    secret.write_text(PASSPHRASE)
    path = tmp_path / "demo.sqlite"
    args = ["demo", "--db", str(path), "--years", "0.1", "--passphrase-file", str(secret)]
    assert app.run(args) == 0
    assert "demo days" in capsys.readouterr().out
    assert is_encrypted(path)
    store = DiaryStore(open_database(path, None, PASSPHRASE))
    assert store.first_day() is not None
    store.close()


def test_the_window_opens_an_encrypted_diary_with_the_environments_passphrase(
    encrypted: Path, tmp_path: Path
) -> None:
    """The real start-up, in a child process with its own HOME (so its settings are not the
    user's), with $MOODLOG_PASSPHRASE set: no dialog, the window shows."""
    result = subprocess.run(
        [sys.executable, "-m", "moodlog", "--db", str(encrypted), "--benchmark-startup"],
        cwd=ROOT,
        env={
            "QT_QPA_PLATFORM": "offscreen",
            "HOME": str(tmp_path),
            "PATH": "/usr/bin:/bin",
            "MOODLOG_PASSPHRASE": PASSPHRASE,
        },
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert is_encrypted(encrypted)


def test_export_of_an_encrypted_diary_needs_and_uses_its_passphrase(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "demo.sqlite"
    secret = tmp_path / "secret"
    secret.write_text(PASSPHRASE)
    assert (
        app.run(["demo", "--db", str(path), "--years", "0.1", "--passphrase-file", str(secret)])
        == 0
    )
    out = tmp_path / "export.json"
    assert app.run(["export", "--db", str(path), "--out", str(out)]) == 2
    assert not out.exists()
    capsys.readouterr()
    args = ["export", "--db", str(path), "--out", str(out), "--passphrase-file", str(secret)]
    assert app.run(args) == 0
    assert "not protected" in capsys.readouterr().out
    assert b'"check_ins"' in out.read_bytes()  # asked for explicitly, so plain JSON
