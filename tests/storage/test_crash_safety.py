"""Killing moodlog while it writes loses at most the save in progress.

A child process writes day after day, each save one transaction, saying on stdout when each
has returned; it also keeps a draft of the next day, as the Today form does while someone
types. The test kills it (SIGKILL: no clean-up of any kind) at random moments, then checks
that SQLite finds the file sound and that every save and draft reported is there.
"""

import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from random import Random

import pytest

from moodlog.storage.database import open_database
from moodlog.storage.diary_store import DiaryStore

ROOT = Path(__file__).resolve().parents[2]
ROUNDS = 4

WRITER = """
import sys
from datetime import date, datetime, timedelta
from pathlib import Path
from moodlog.domain.check_in import CheckIn
from moodlog.domain.day_entry import DayEntry
from moodlog.storage.database import open_database
from moodlog.storage.diary_store import DiaryStore

store = DiaryStore(open_database(Path(sys.argv[1])))
store.prepare_for_writes()
day = date.fromisoformat(sys.argv[2])
now = datetime(2026, 11, 21, 9, 30)
print("READY", flush=True)
while True:
    store.save_draft(day, '{"note": "typed, not saved yet"}', now)
    print("DRAFT", day, flush=True)
    at = datetime.combine(day, datetime.min.time()).replace(hour=9)
    store.save_day(DayEntry(day, CheckIn(at, {"mood": day.day % 11}, "a note " * 30)), now)
    print("SAVED", day, flush=True)
    day += timedelta(days=1)
"""


def run_and_kill(diary: Path, first_day: date, after: float) -> list[tuple[str, date]]:
    """Start the writer, let it write for ``after`` seconds, SIGKILL it; what it reported."""
    child = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(diary), first_day.isoformat()],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    ready = child.stdout.readline()
    assert ready == "READY\n", child.stderr.read() if child.stderr else ""
    time.sleep(after)
    child.send_signal(signal.SIGKILL)
    out, err = child.communicate(timeout=10)
    assert child.returncode == -signal.SIGKILL, err
    reports = []
    for line in out.splitlines():
        if line.count(" ") == 1:  # the line being printed at the kill may be cut short
            kind, day = line.split(" ")
            try:
                reports.append((kind, date.fromisoformat(day)))
            except ValueError:
                continue
    return reports


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_killing_the_writer_loses_nothing_it_reported_saved(tmp_path: Path) -> None:
    diary = tmp_path / "moodlog.sqlite"
    open_database(diary).close()
    rng = Random(7)
    saved: set[date] = set()
    drafted: set[date] = set()
    for round_ in range(ROUNDS):
        first = date(2000, 1, 1) + timedelta(days=2000 * round_)
        reports = run_and_kill(diary, first, rng.uniform(0.05, 0.3))
        saved |= {day for kind, day in reports if kind == "SAVED"}
        drafted |= {day for kind, day in reports if kind == "DRAFT"}
        # After each kill: the file is sound (read as the next start would: WAL and all) ...
        with sqlite3.connect(diary) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        conn.close()
        # ... every reported save is there, and every reported draft is either saved or
        # still kept as a draft (the save that drops it is all or nothing).
        store = DiaryStore(open_database(diary))
        try:
            stored = {
                date.fromisoformat(day)
                for (day,) in store.connection.execute("SELECT day FROM check_ins")
            }
            assert saved <= stored
            for day in drafted - stored:
                draft = store.draft_for(day)
                assert draft is not None, day
                assert draft.payload == '{"note": "typed, not saved yet"}'
            # Beyond what was reported: at most the save in progress in each round.
            assert len(stored - saved) <= round_ + 1
        finally:
            store.close()
    assert len(saved) > ROUNDS  # it really was writing when killed


DRAFT_THEN_WAIT = """
import sys, time
from datetime import date, datetime
from pathlib import Path
from moodlog.storage.database import open_database
from moodlog.storage.diary_store import DiaryStore

store = DiaryStore(open_database(Path(sys.argv[1])))
store.save_draft(date(2026, 11, 21), sys.argv[2], datetime(2026, 11, 21, 9, 30))
print("DRAFT", flush=True)
time.sleep(60)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_the_forms_draft_survives_a_kill(tmp_path: Path) -> None:
    """The Today form writes a draft a moment after each edit: a crash right after keeps it."""
    diary = tmp_path / "moodlog.sqlite"
    open_database(diary).close()
    payload = '{"ratings": {"mood": 3}, "note": "half a sentence"}'
    child = subprocess.Popen(
        [sys.executable, "-c", DRAFT_THEN_WAIT, str(diary), payload],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    assert child.stdout.readline() == "DRAFT\n"
    child.send_signal(signal.SIGKILL)
    child.communicate(timeout=10)
    assert Path(f"{diary}-wal").exists()  # killed with the draft only in the log
    store = DiaryStore(open_database(diary))
    try:
        draft = store.draft_for(date(2026, 11, 21))
        assert draft is not None
        assert draft.payload == payload
    finally:
        store.close()
