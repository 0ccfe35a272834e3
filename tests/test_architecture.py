"""Rules a reviewer would otherwise have to remember, checked by running the real thing."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_python(code: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={"QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_starting_the_app_does_not_import_matplotlib(tmp_path: Path) -> None:
    """matplotlib costs ~0.4 s to import; start-up must not pay it."""
    code = f"""
import sys
from moodlog import app
code = app.run(["--db", {str(tmp_path / "d.sqlite")!r}, "--benchmark-startup"])
assert code == 0, code
loaded = sorted(m for m in sys.modules if m.split(".")[0] == "matplotlib")
print("LOADED", loaded)
"""
    result = run_python(code, tmp_path)
    assert result.returncode == 0, result.stderr
    assert "LOADED []" in result.stdout


def test_the_diary_and_its_folder_are_private(tmp_path: Path) -> None:
    folder = tmp_path / "new-folder"
    code = f"""
from moodlog import app
assert app.run(["--db", {str(folder / "d.sqlite")!r}, "--benchmark-startup"]) == 0
"""
    result = run_python(code, tmp_path)
    assert result.returncode == 0, result.stderr
    assert folder.stat().st_mode & 0o777 == 0o700
    for path in folder.iterdir():  # the diary and SQLite's -wal/-shm files alike
        assert path.stat().st_mode & 0o077 == 0, path


def test_only_ui_and_the_composition_root_use_qtwidgets() -> None:
    offenders = [
        path.relative_to(ROOT)
        for path in (ROOT / "moodlog").rglob("*.py")
        if "QtWidgets" in path.read_text() and path.parent.name != "ui" and path.name != "app.py"
    ]
    assert offenders == []
