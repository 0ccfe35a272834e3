"""The autostart entry: where it goes, what it says, and that it comes and goes cleanly."""

import sys
from pathlib import Path

import pytest

from moodlog import autostart_entry
from moodlog.autostart_entry import (
    autostart_path,
    autostart_supported,
    desktop_entry,
    disable,
    enable,
    is_enabled,
    launch_command,
)
from moodlog.command_line import parse_options


def test_the_entry_goes_under_xdg_config_home(tmp_path: Path) -> None:
    path = autostart_path({"XDG_CONFIG_HOME": str(tmp_path / "config")}, home=tmp_path)
    assert path == tmp_path / "config" / "autostart" / "moodlog.desktop"


def test_without_xdg_config_home_or_with_a_relative_one_it_is_dot_config(tmp_path: Path) -> None:
    expected = tmp_path / ".config" / "autostart" / "moodlog.desktop"
    assert autostart_path({}, home=tmp_path) == expected
    assert autostart_path({"XDG_CONFIG_HOME": ""}, home=tmp_path) == expected
    assert autostart_path({"XDG_CONFIG_HOME": "relative/dir"}, home=tmp_path) == expected


def test_the_real_environment_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert autostart_path() == tmp_path / "autostart" / "moodlog.desktop"


def test_enable_writes_a_private_entry_and_disable_removes_it(tmp_path: Path) -> None:
    path = autostart_path({"XDG_CONFIG_HOME": str(tmp_path / "new")})
    assert not is_enabled(path)
    enable(path, ["moodlog", "--minimised"])
    assert is_enabled(path)
    text = path.read_text(encoding="utf-8")
    assert text.startswith("[Desktop Entry]\n")
    assert "Exec=moodlog --minimised\n" in text
    assert "Type=Application\n" in text
    assert path.stat().st_mode & 0o777 == 0o600
    assert path.parent.stat().st_mode & 0o777 == 0o700
    assert [p.name for p in path.parent.iterdir()] == ["moodlog.desktop"]  # no draft left
    enable(path, ["moodlog", "--minimised", "--db", "/d.sqlite"])  # replaced whole
    assert "Exec=moodlog --minimised --db /d.sqlite\n" in path.read_text(encoding="utf-8")
    disable(path)
    assert not path.exists()
    disable(path)  # already gone: fine


def test_other_entries_in_the_folder_are_left_alone(tmp_path: Path) -> None:
    path = autostart_path({"XDG_CONFIG_HOME": str(tmp_path)})
    path.parent.mkdir(parents=True)
    other = path.parent / "other.desktop"
    other.write_text("[Desktop Entry]\n")
    enable(path, ["moodlog"])
    disable(path)
    assert other.exists()


def test_arguments_with_spaces_and_special_characters_are_quoted() -> None:
    text = desktop_entry(["/opt/my apps/python", "-m", "moodlog", "--db", '/home/a/50% "$x".db'])
    (exec_line,) = [line for line in text.splitlines() if line.startswith("Exec=")]
    # The spec's quoting, then the string escaping of a desktop-file value.
    assert exec_line == (
        'Exec="/opt/my apps/python" -m moodlog --db "/home/a/50%% \\\\"\\\\$x\\\\".db"'
    )


def test_the_command_uses_the_launcher_when_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(autostart_entry.shutil, "which", lambda _name: "/usr/bin/moodlog")
    assert launch_command(None) == ["/usr/bin/moodlog", "--minimised"]
    assert launch_command(Path("/d.sqlite")) == [
        "/usr/bin/moodlog",
        "--minimised",
        "--db",
        "/d.sqlite",
    ]
    monkeypatch.setattr(autostart_entry.shutil, "which", lambda _name: None)
    assert launch_command(None) == [sys.executable, "-m", "moodlog", "--minimised"]


def test_the_command_line_accepts_the_flag_it_writes() -> None:
    command = launch_command(Path("/d.sqlite"))
    options = parse_options(command[command.index("--minimised") :])
    assert options.minimised
    assert options.db == Path("/d.sqlite")
    assert parse_options(["--minimized"]).minimised
    assert not parse_options([]).minimised


def test_supported_on_freedesktop_systems_only() -> None:
    assert autostart_supported("linux")
    assert not autostart_supported("win32")
    assert not autostart_supported("darwin")
