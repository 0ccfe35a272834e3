"""Starting moodlog with the desktop session, in the tray: the freedesktop autostart entry
(`$XDG_CONFIG_HOME/autostart/moodlog.desktop`, else `~/.config/autostart/`). Linux and other
freedesktop systems only; elsewhere :func:`autostart_supported` says no. No Qt here.
"""

import os
import shutil
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

ENTRY_NAME = "moodlog.desktop"
MINIMISED_FLAG = "--minimised"


def autostart_supported(platform: str = sys.platform) -> bool:
    return platform.startswith(("linux", "freebsd", "openbsd", "netbsd"))


def autostart_path(environ: Mapping[str, str] | None = None, home: Path | None = None) -> Path:
    """Where the entry goes. A relative $XDG_CONFIG_HOME is ignored, as the spec says."""
    environ = os.environ if environ is None else environ
    configured = environ.get("XDG_CONFIG_HOME", "")
    base = Path(configured) if configured and Path(configured).is_absolute() else None
    if base is None:
        base = (home or Path.home()) / ".config"
    return base / "autostart" / ENTRY_NAME


def launch_command(diary: Path | None) -> list[str]:
    """The command that starts this moodlog, minimised, on ``diary`` (the default diary
    when ``None``): the installed launcher if there is one, else this Python."""
    launcher = shutil.which("moodlog")
    command = [launcher] if launcher else [sys.executable, "-m", "moodlog"]
    command.append(MINIMISED_FLAG)
    if diary is not None:
        command += ["--db", str(diary)]
    return command


def _quoted(argument: str) -> str:
    """One Exec argument, quoted as the Desktop Entry Specification asks."""
    if argument and not any(c in argument for c in " \t\n\"'\\><~|&;$*?#()`%="):
        return argument
    escaped = "".join("\\" + c if c in '"`$\\' else c for c in argument)
    return '"' + escaped.replace("%", "%%") + '"'


def _value(argument: str) -> str:
    """A string value in a desktop file: backslashes doubled."""
    return argument.replace("\\", "\\\\")


def desktop_entry(command: Sequence[str]) -> str:
    exec_line = " ".join(_quoted(argument) for argument in command)
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Name=moodlog\n"
        "Comment=Starts moodlog in the tray, for the reminders you set\n"
        f"Exec={_value(exec_line)}\n"
        "Icon=moodlog\n"
        "Terminal=false\n"
        "X-GNOME-Autostart-enabled=true\n"
    )


def is_enabled(path: Path) -> bool:
    return path.is_file()


def enable(path: Path, command: Sequence[str]) -> None:
    """Write the entry (replacing an older one whole). Raises ``OSError``."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    draft = path.with_name(path.name + ".new")
    draft.write_text(desktop_entry(command), encoding="utf-8")
    draft.chmod(0o600)
    draft.replace(path)


def disable(path: Path) -> None:
    """Remove the entry, if there is one. Raises ``OSError``."""
    path.unlink(missing_ok=True)
