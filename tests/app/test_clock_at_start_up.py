"""The 12-hour clock, when chosen in Settings, is in use from the first frame; the 24-hour
default loads nothing for it (tests/test_architecture.py)."""

from pathlib import Path

from tests.test_architecture import run_python


def test_a_chosen_12_hour_clock_applies_at_start_up(tmp_path: Path) -> None:
    code = f"""
import sys
from PySide6.QtCore import QSettings
from moodlog import app
app._identify_application()
QSettings().setValue("appearance/clock", "12-hour")
QSettings().sync()
assert app.run(["--db", {str(tmp_path / "d.sqlite")!r}, "--benchmark-startup"]) == 0
from moodlog.domain.clock_text import time_text
from datetime import time
print("SHOWN", time_text(time(21, 30)), "moodlog.ui.clock_style" in sys.modules)
"""
    result = run_python(code, tmp_path)
    assert result.returncode == 0, result.stderr
    assert "SHOWN 9:30 pm True" in result.stdout
