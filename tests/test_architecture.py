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
later = ["moodlog.ui.treatment_view", "moodlog.ui.history_view", "moodlog.domain.trd_staging",
         "moodlog.domain.medication_reference", "moodlog.ui.scores_view",
         "moodlog.ui.questionnaire_dialog", "moodlog.ui.crisis_panel",
         "moodlog.ui.safety_plan_dialog", "moodlog.ui.score_entry_dialog",
         "moodlog.ui.get_help_dialog", "moodlog.ui.charts_view", "moodlog.charts.trend_chart",
         "moodlog.reports.pdf_report", "moodlog.ui.report_dialog",
         "moodlog.ui.appointments_dialog", "moodlog.ui.settings_dialog",
         "moodlog.ui.first_run", "moodlog.ui.import_dialog", "moodlog.importers.daylio",
         "moodlog.ui.export_dialog", "moodlog.storage.diary_transfer",
         "moodlog.ui.about_dialog", "moodlog.ui.user_guide", "moodlog.ui.encryption_dialog",
         "moodlog.ui.delete_all_dialog", "moodlog.ui.restore_dialog", "sqlcipher3",
         "moodlog.ui.app_theme", "moodlog.ui.week_start", "moodlog.ui.clock_style"]
print("BUILT ON FIRST USE", [m for m in later if m in sys.modules])
"""
    result = run_python(code, tmp_path)
    assert result.returncode == 0, result.stderr
    assert "LOADED []" in result.stdout
    # The History, Treatment, Questionnaires and Charts views, the questionnaire and help
    # dialogs (and the reference table) load when first shown; so do charts and reports,
    # settings, import and export, the privacy dialogs and SQLCipher (for a plain diary), and
    # the theme, week-start and clock code while the defaults are in use.
    assert "BUILT ON FIRST USE []" in result.stdout


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


def test_reading_an_up_to_date_diary_needs_neither_sqlite_utils_nor_numpy(
    tmp_path: Path,
) -> None:
    """sqlite-utils (~50 ms) loads on the first write; numpy never loads for storage."""
    diary = tmp_path / "d.sqlite"
    code = f"""
import sys
from datetime import date, datetime
from pathlib import Path
from moodlog.storage.database import open_database
from moodlog.storage.diary_store import DiaryStore
from moodlog.domain.day_entry import DayEntry
from moodlog.domain.check_in import CheckIn
open_database(Path({str(diary)!r})).close()  # creating it runs the migrations
for name in [m for m in sys.modules if m.startswith(("sqlite_utils", "numpy"))]:
    del sys.modules[name]
store = DiaryStore(open_database(Path({str(diary)!r})))
store.day_record(date(2026, 11, 21))
print("AFTER READ", "sqlite_utils" in sys.modules, "numpy" in sys.modules)
store.save_day(DayEntry(date(2026, 11, 21), CheckIn(datetime(2026, 11, 21, 9), {{"mood": 5}})),
               datetime(2026, 11, 21, 9))
print("AFTER WRITE", "sqlite_utils" in sys.modules, "numpy" in sys.modules)
"""
    result = run_python(code, tmp_path)
    assert result.returncode == 0, result.stderr
    assert "AFTER READ False False" in result.stdout
    assert "AFTER WRITE True False" in result.stdout
