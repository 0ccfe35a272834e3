"""Importing history from another app, against a bare csv parse plus one executemany.

Run by benchmarks/run.py (or alone: ``python benchmarks/import_daylio.py``). A generated
10,000-row Daylio CSV (newest header generation but one: note titles; a byte-order mark,
CRLF, 12-hour times, two entries a day, activities, quoted notes with commas and quotes):

* moodlog: ``read_preview`` (detect the format, read and check every row, map the moods)
  plus ``DiaryStore.imports.apply`` into a fresh file diary (WAL, synchronous=FULL), one
  transaction, with the duplicate check against the diary. What `moodlog import` and the
  window's Import button do. The diary is created before the clock starts.
* bare: ``csv.reader`` over the decoded text, the mood name looked up in a dict, and one
  ``executemany`` into a fresh SQLite file (same pragmas) whose table has check_ins' columns
  and its (day, recorded_at) index, one transaction. No validation, no duplicate check.

Targets: under 1 s, and within 3x of the bare run, medians of the same number of runs,
interleaved.
"""

import csv
import io
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from moodlog.domain.scales import SCALE_KEYS  # noqa: E402
from moodlog.importers.format_detection import read_preview  # noqa: E402
from moodlog.storage.database import open_database  # noqa: E402
from moodlog.storage.diary_store import DiaryStore  # noqa: E402

ROWS = 10_000
SECONDS_TARGET = 1.0
RATIO_TARGET = 3.0
NOW = datetime(2026, 11, 21, 9, 30)
HEADER = ("full_date", "date", "weekday", "time", "mood", "activities", "note_title", "note")
MOODS = ("rad", "good", "meh", "bad", "awful")
ACTIVITIES = ("work", "friends", "walk", "reading", "sleep early", "family", "cooking")
Result = tuple[str, str, str, str, str]  # measure, value, baseline, ratio, target


def daylio_csv(rows: int = ROWS, seed: int = 7) -> bytes:
    """A Daylio export as the app writes it: BOM, CRLF, quoted fields, newest first."""
    rng = random.Random(seed)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADER)
    for number in range(rows):
        day = NOW.date() - timedelta(days=number // 2 + 1)
        hour = 8 if number % 2 else 9
        note = rng.choice(("", 'Tired, but "okay".', "Walked by the river.\nSlept well."))
        writer.writerow(
            (
                day.isoformat(),
                f"{day:%B} {day.day}",
                f"{day:%A}",
                f"{hour}:{rng.randrange(60):02d} {'AM' if number % 2 else 'PM'}",
                rng.choice(MOODS),
                " | ".join(rng.sample(ACTIVITIES, rng.randrange(4))),
                rng.choice(("", "", "Evening")),
                note,
            )
        )
    return ("\ufeff" + buffer.getvalue()).encode()


def moodlog_import(data: bytes, path: Path) -> Callable[[], int]:
    store = DiaryStore(open_database(path, NOW))
    store.prepare_for_writes()

    def run() -> int:
        preview = read_preview(data, "daylio_export.csv", NOW.date())
        batch_id = store.imports.apply(preview, {}, NOW)
        store.close()
        return batch_id

    return run


BARE_TABLE = (
    "CREATE TABLE check_ins (id INTEGER PRIMARY KEY, day TEXT NOT NULL, recorded_at TEXT NOT "
    f"NULL, {', '.join(f'{key} INTEGER' for key in SCALE_KEYS)}, note TEXT NOT NULL) STRICT"
)


def bare_import(data: bytes, path: Path) -> Callable[[], None]:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute(BARE_TABLE)
    conn.execute("CREATE INDEX check_ins_by_day ON check_ins (day, recorded_at)")
    values = dict(zip(MOODS, (10, 8, 5, 2, 0), strict=True))

    def run() -> None:
        rows = csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""))
        next(rows)
        conn.execute("BEGIN")
        conn.executemany(
            "INSERT INTO check_ins (day, recorded_at, mood, note) VALUES (?, ?, ?, ?)",
            ((r[0], f"{r[0]} {r[3]}", values[r[4]], r[7]) for r in rows),
        )
        conn.execute("COMMIT")
        conn.close()

    return run


def timed(work: Callable[[], object]) -> float:
    started = time.perf_counter()
    work()
    return (time.perf_counter() - started) * 1000


def verdict(ok: bool) -> str:
    return "ok" if ok else "OVER"


def measure(folder: Path, runs: int = 7) -> list[Result]:
    data = daylio_csv()
    check = read_preview(data, "daylio_export.csv", NOW.date())
    assert len(check.entries) == ROWS
    assert not check.problems, check.problems[:3]
    ours: list[float] = []
    bare: list[float] = []
    for number in range(runs + 1):  # interleaved; the first round warms caches, not counted
        ours_ms = timed(moodlog_import(data, folder / f"import-{number}.sqlite"))
        bare_ms = timed(bare_import(data, folder / f"bare-{number}.sqlite"))
        if number:
            ours.append(ours_ms)
            bare.append(bare_ms)
    ours_median, bare_median = statistics.median(ours), statistics.median(bare)
    ratio = ours_median / bare_median
    ok = ours_median / 1000 < SECONDS_TARGET and ratio <= RATIO_TARGET
    return [
        (
            f"import {ROWS:,}-row Daylio CSV into a new diary",
            f"{ours_median:.0f} ms",
            f"{bare_median:.0f} ms bare csv + executemany",
            f"{ratio:.2f}x",
            f"< {SECONDS_TARGET:g} s and <= {RATIO_TARGET:g}x {verdict(ok)}",
        )
    ]


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="moodlog-import-") as name:
        for row in measure(Path(name)):
            print(" | ".join(row))
    return 0


if __name__ == "__main__":
    sys.exit(main())
