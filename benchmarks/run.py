"""moodlog's performance budget, measured against bare baselines in the same run.

Run from anywhere with the project's interpreter: ``python benchmarks/run.py``. See
benchmarks/README.md for what each number means and the targets.
"""

import argparse
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # run from a source checkout without installing

from moodlog.demo.demo_diary import generate_demo_days  # noqa: E402
from moodlog.domain.check_in import CheckIn  # noqa: E402
from moodlog.domain.day_entry import DayEntry  # noqa: E402
from moodlog.domain.side_effects import Severity  # noqa: E402
from moodlog.domain.sleep import SleepMode, SleepRecord  # noqa: E402
from moodlog.storage.database import open_database  # noqa: E402
from moodlog.storage.diary_store import DiaryStore  # noqa: E402

NOW = datetime.now().replace(microsecond=0)
DEMO_YEARS = 10
SAVE_TARGET_P95_MS = 5.0
STARTUP_TARGET_RATIO = 1.1
READY_TARGET_RATIO = 2.0
BUILD_TARGET_S = 5.0
ROW_FIELDS = ("measure", "value", "baseline", "ratio", "target")

# Reports "ready" exactly as moodlog's --benchmark-startup does (moodlog/app.py).
BARE_WINDOW = """\
import os, sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.show()
def ready():
    print(f"READY {time.time() - float(os.environ['MOODLOG_BENCH_T0']):.4f}", flush=True)
    app.quit()
QTimer.singleShot(0, ready)
sys.exit(app.exec())
"""


@dataclass(frozen=True, slots=True)
class Run:
    ready_seconds: float  # process start until the window is shown and ready
    seconds: float  # the whole process, exit included
    max_rss_mib: float


@dataclass(frozen=True, slots=True)
class Row:
    measure: str
    value: str
    baseline: str = ""
    ratio: str = ""
    target: str = ""


# -- the diaries ------------------------------------------------------------------------


def build_demo_diary(path: Path) -> tuple[float, int]:
    """Create the diary at ``path`` and save ten years of demo days into it."""
    started = time.perf_counter()
    store = DiaryStore(open_database(path, NOW))
    days = generate_demo_days(NOW.date(), DEMO_YEARS, 7, store.side_effects(), store.trackers())
    count = store.save_days(days, NOW)
    store.close()
    return time.perf_counter() - started, count


def build_empty_diary(path: Path) -> None:
    open_database(path, NOW).close()


# -- start-up ----------------------------------------------------------------------------


def run_once(command: Sequence[str], log: Path) -> Run:
    """Time to "READY" (printed by the process), time of the whole process, and its own
    peak RSS from wait4()."""
    with log.open("wb") as errors:
        environment = dict(
            os.environ, QT_QPA_PLATFORM="offscreen", MOODLOG_BENCH_T0=repr(time.time())
        )
        started = time.perf_counter()
        process = subprocess.Popen(
            command, cwd=REPO, env=environment, stdout=subprocess.PIPE, stderr=errors
        )
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - started
        assert process.stdout is not None
        output = process.stdout.read().decode()
        process.stdout.close()
    process.returncode = os.waitstatus_to_exitcode(status)  # wait4 reaped it already
    if process.returncode != 0:
        raise RuntimeError(
            f"{' '.join(command)} exited with {process.returncode}:\n{log.read_text()}"
        )
    ready = [float(line.split()[1]) for line in output.splitlines() if line.startswith("READY")]
    if not ready:
        raise RuntimeError(f"{' '.join(command)} never reported READY:\n{output}")
    return Run(ready[0], elapsed, usage.ru_maxrss / 1024)  # Linux reports KiB


def measure_startups(
    commands: dict[str, list[str]], runs: int, folder: Path
) -> dict[str, list[Run]]:
    """Each command ``runs`` times, interleaved so that drift hits all alike, after one
    untimed warm-up run each (file cache, font cache)."""
    results: dict[str, list[Run]] = {name: [] for name in commands}
    for round_number in range(runs + 1):
        for name, command in commands.items():
            result = run_once(command, folder / f"{name}.log")
            if round_number:
                results[name].append(result)
    return results


# -- saving a check-in -----------------------------------------------------------------


def today_form_save(day_offset: int, ids: tuple[list[int], list[int]]) -> DayEntry:
    """What one press of Save on the Today view writes: a new check-in, last night's
    sleep, side-effect ratings and tracker values."""
    day = NOW.date() - timedelta(days=day_offset)
    effects, trackers = ids
    return DayEntry(
        day,
        CheckIn(
            datetime.combine(day, datetime.min.time()) + timedelta(hours=20),
            {
                "mood": 5,
                "anxiety": 4,
                "energy": 5,
                "interest": 5,
                "concentration": 6,
                "hopelessness": 3,
            },
            "Evening check-in written by the benchmark.",
        ),
        SleepRecord(day, SleepMode.MINIMAL, hours_slept=7.0),
        dict.fromkeys(effects[:4], Severity.MILD),
        dict.fromkeys(trackers, 2.0),
    )


def measure_saves(diary: Path, saves: int) -> list[float]:
    """Milliseconds per DiaryStore.save_day on the 10-year diary, one day each."""
    store = DiaryStore(open_database(diary, NOW))
    ids = ([e.id for e in store.side_effects()], [t.id for t in store.trackers()])
    timings = []
    for offset in range(saves + 10):
        entry = today_form_save(offset, ids)
        started = time.perf_counter()
        store.save_day(entry, NOW)
        if offset >= 10:  # the first few warm the caches
            timings.append((time.perf_counter() - started) * 1000)
    store.close()
    return timings


def measure_bare_inserts(path: Path, saves: int) -> list[float]:
    """Milliseconds per INSERT + COMMIT of one row with plain sqlite3, with the pragmas
    moodlog uses (WAL, synchronous=FULL), so the ratio is moodlog's own overhead."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, day TEXT, note TEXT) STRICT")
    timings = []
    for number in range(saves + 10):
        started = time.perf_counter()
        conn.execute("BEGIN")
        conn.execute("INSERT INTO notes (day, note) VALUES (?, ?)", ["2026-01-01", "x" * 40])
        conn.execute("COMMIT")
        if number >= 10:
            timings.append((time.perf_counter() - started) * 1000)
    conn.close()
    return timings


# -- report ------------------------------------------------------------------------------


def p95(values: Sequence[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[-1]


def ratio(value: float, baseline: float) -> str:
    return f"{value / baseline:.2f}x"


def verdict(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def print_table(rows: Sequence[Row]) -> None:
    headers = Row("measure", "value", "baseline", "ratio", "target")
    table = [headers, *rows]
    widths = [max(len(getattr(r, f)) for r in table) for f in ROW_FIELDS]
    for number, row in enumerate(table):
        print("  ".join(getattr(row, f).ljust(w) for f, w in zip(ROW_FIELDS, widths, strict=True)))
        if number == 0:
            print("  ".join("-" * w for w in widths))


def against_bare(
    title: str, medians: dict[str, float], show: str, target_ratio: float | None = None
) -> list[Row]:
    """The bare window's row, then moodlog's (empty and 10-year diary) with their ratio.
    ``show`` formats a value ("{:.0f} MiB"); a target applies to the 10-year row."""
    bare = medians["bare"]
    rows = [Row(f"{title}, bare PySide6 window", show.format(bare))]
    for name, label in (("empty", "empty diary"), ("demo", f"{DEMO_YEARS}-year diary")):
        target = ""
        if target_ratio is not None and name == "demo":
            target = f"<= {target_ratio:g}x {verdict(medians[name] / bare <= target_ratio)}"
        rows.append(
            Row(
                f"{title}, moodlog, {label}",
                show.format(medians[name]),
                show.format(bare),
                ratio(medians[name], bare),
                target,
            )
        )
    return rows


def startup_rows(results: dict[str, list[Run]]) -> list[Row]:
    def medians(field: str) -> dict[str, float]:
        return {
            name: statistics.median(getattr(r, field) for r in runs)
            for name, runs in results.items()
        }

    ready_ms = {name: s * 1000 for name, s in medians("ready_seconds").items()}
    whole_ms = {name: s * 1000 for name, s in medians("seconds").items()}
    demo_vs_empty = ready_ms["demo"] / ready_ms["empty"]
    return [
        *against_bare("window ready", ready_ms, "{:.0f} ms", READY_TARGET_RATIO),
        *against_bare("whole process", whole_ms, "{:.0f} ms"),
        Row(
            f"window ready, {DEMO_YEARS}-year vs empty diary",
            f"{ready_ms['demo']:.0f} ms",
            f"{ready_ms['empty']:.0f} ms",
            f"{demo_vs_empty:.2f}x",
            f"<= {STARTUP_TARGET_RATIO}x {verdict(demo_vs_empty <= STARTUP_TARGET_RATIO)}",
        ),
        *against_bare("peak RSS", medians("max_rss_mib"), "{:.0f} MiB"),
    ]


def save_rows(saves: list[float], inserts: list[float]) -> list[Row]:
    return [
        Row(
            "save_day p50 (10-year diary)",
            f"{statistics.median(saves):.2f} ms",
            f"{statistics.median(inserts):.2f} ms",
            ratio(statistics.median(saves), statistics.median(inserts)),
        ),
        Row(
            "save_day p95 (10-year diary)",
            f"{p95(saves):.2f} ms",
            f"{p95(inserts):.2f} ms",
            ratio(p95(saves), p95(inserts)),
            f"<= {SAVE_TARGET_P95_MS:g} ms {verdict(p95(saves) <= SAVE_TARGET_P95_MS)}",
        ),
    ]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7, help="start-ups per command (default 7)")
    parser.add_argument("--saves", type=int, default=300, help="timed saves (default 300)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="moodlog-bench-") as name:
        folder = Path(name)
        build_seconds, entries = build_demo_diary(folder / "demo.sqlite")
        build_empty_diary(folder / "empty.sqlite")
        (folder / "bare_window.py").write_text(BARE_WINDOW)
        app = [sys.executable, str(REPO / "main.py"), "--benchmark-startup", "--db"]
        commands = {
            "bare": [sys.executable, str(folder / "bare_window.py")],
            "empty": [*app, str(folder / "empty.sqlite")],
            "demo": [*app, str(folder / "demo.sqlite")],
        }
        print(
            f"Start-up: {len(commands)} commands x {args.runs} runs (QT_QPA_PLATFORM=offscreen)"
            " ...",
            flush=True,
        )
        startups = measure_startups(commands, args.runs, folder)
        shutil.copy(folder / "demo.sqlite", folder / "saves.sqlite")
        print(f"Saving: {args.saves} saves ...", flush=True)
        saves = measure_saves(folder / "saves.sqlite", args.saves)
        inserts = measure_bare_inserts(folder / "bare.sqlite", args.saves)
        # Before the charts: measured after them (matplotlib loaded, figures alive) the
        # import took 99 ms against 67 ms in a process of its own, like the app's.
        print("Import: a 10,000-row Daylio CSV into a new diary ...", flush=True)
        from benchmarks.import_daylio import measure as measure_import

        imports = [Row(*row) for row in measure_import(folder)]
        print("Charts: 1- and 10-year demo diaries, drawn with Agg ...", flush=True)
        # Imported here: loading matplotlib must not touch the start-up numbers above.
        from benchmarks.charts import measure as measure_charts

        charts = [Row(*row) for row in measure_charts(folder)]
        print("Report: 1-year demo diary, the clinician PDF ...", flush=True)
        from benchmarks.report import measure as measure_report

        report = [Row(*row) for row in measure_report(folder)]
    print()
    rows = [
        Row(
            f"generate + save {DEMO_YEARS}-year demo ({entries} entries)",
            f"{build_seconds:.2f} s",
            target=f"<= {BUILD_TARGET_S:g} s {verdict(build_seconds <= BUILD_TARGET_S)}",
        ),
        *startup_rows(startups),
        *save_rows(saves, inserts),
        *charts,
        *report,
        *imports,
    ]
    print_table(rows)
    print(
        f"\nMedians of {args.runs} start-ups each; {args.saves} saves; "
        f"Python {sys.version.split()[0]}."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
