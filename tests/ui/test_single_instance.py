"""Tests for moodlog/ui/single_instance.py: a second copy on the same diary asks the first to
come to the front (both sides in this one process)."""

import stat
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from moodlog.ui.single_instance import (
    SingleInstance,
    bring_running_copy_to_front,
    server_name,
)


@pytest.fixture(autouse=True)
def private_runtime_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Sockets in the test's own folder: never another test's, nor a real moodlog's."""
    folder = tmp_path / "run"
    folder.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(folder))
    return folder


def test_the_name_depends_on_the_diary_only(tmp_path: Path) -> None:
    a = server_name(tmp_path / "a.sqlite")
    assert a == server_name(tmp_path / "x" / ".." / "a.sqlite")
    assert a != server_name(tmp_path / "b.sqlite")
    assert str(tmp_path / "a.sqlite") not in a  # the path itself is not given away
    if sys.platform != "win32":
        assert a.startswith(str(tmp_path / "run"))
        assert a.endswith(".socket")


def test_with_no_copy_running_nothing_answers_and_qtnetwork_stays_unloaded(
    tmp_path: Path,
) -> None:
    loaded_before = "PySide6.QtNetwork" in sys.modules
    assert bring_running_copy_to_front(tmp_path / "diary.sqlite") is False
    if sys.platform != "win32" and not loaded_before:
        assert "PySide6.QtNetwork" not in sys.modules


def test_a_second_copy_brings_the_first_to_the_front(qtbot: QtBot, tmp_path: Path) -> None:
    diary = tmp_path / "diary.sqlite"
    running = SingleInstance(diary)
    assert running.listen()
    if sys.platform != "win32":
        assert stat.S_IMODE(Path(running.name).stat().st_mode) & 0o077 == 0  # owner only
    with qtbot.waitSignal(running.show_requested, timeout=2000):
        assert bring_running_copy_to_front(diary) is True
    # Another diary is another moodlog.
    assert bring_running_copy_to_front(tmp_path / "other.sqlite") is False
    running.close()
    assert bring_running_copy_to_front(diary) is False


@pytest.mark.skipif(sys.platform == "win32", reason="Unix sockets leave a file behind")
def test_a_socket_left_by_a_crash_is_taken_over(qtbot: QtBot, tmp_path: Path) -> None:
    diary = tmp_path / "diary.sqlite"
    Path(server_name(diary)).write_bytes(b"")  # what a killed copy leaves
    assert bring_running_copy_to_front(diary) is False
    running = SingleInstance(diary)
    assert running.listen()
    with qtbot.waitSignal(running.show_requested, timeout=2000):
        assert bring_running_copy_to_front(diary)
    running.close()
