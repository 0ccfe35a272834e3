"""The composition root: reads the command line, opens the diary, builds the window.
The only module outside ui/ that touches QtWidgets."""

import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from moodlog import __version__
from moodlog.command_line import Options, parse_options
from moodlog.domain.clock import system_clock
from moodlog.resource_files import resource_path
from moodlog.storage.database import open_database
from moodlog.storage.diary_store import DiaryStore
from moodlog.storage.errors import StorageError
from moodlog.ui import dialogs
from moodlog.ui.main_window import MainWindow

APP_NAME = "moodlog"
DIARY_FILE_NAME = "moodlog.sqlite"


def _identify_application() -> None:
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setOrganizationName(APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)


def default_diary_path() -> Path:
    """moodlog.sqlite in the per-user application-data folder Qt reports."""
    _identify_application()
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(location) / DIARY_FILE_NAME


def run(argv: list[str] | None = None) -> int:
    """Entry point of the `moodlog` launcher and main.py. Returns the exit code."""
    options = parse_options(sys.argv[1:] if argv is None else argv)
    # Everything moodlog creates (diary, WAL files, copies) is readable by its owner only.
    os.umask(0o077)
    if options.command == "demo":
        return _write_demo(options)
    if options.command == "report":
        return _write_report(options)
    return _run_window(options)


def _write_demo(options: Options) -> int:
    assert options.db is not None
    if options.db.exists() and options.db.stat().st_size > 0:
        print(
            f"moodlog: {options.db} already exists; demo data goes into a new file.",
            file=sys.stderr,
        )
        return 2
    try:
        store = DiaryStore(open_database(options.db))
    except StorageError as error:
        print(f"moodlog: {error.message}", file=sys.stderr)
        return 2
    # Only this command needs the demo modules.
    from moodlog.demo.demo_diary import generate_demo_days
    from moodlog.demo.demo_questionnaires import demo_questionnaires
    from moodlog.demo.demo_treatments import (
        adherence_days,
        demo_adherence,
        demo_treatment_history,
    )

    now = system_clock()
    today = now.date()
    history = demo_treatment_history(today, options.seed)
    effect_ids = {effect.name: effect.id for effect in store.side_effects()}
    treatments = store.treatments
    try:
        entries = list(
            generate_demo_days(
                today,
                options.years,
                options.seed,
                store.side_effects(),
                store.trackers(),
                mood_shift=history.mood_response.shift,
            )
        )
        logged, low = adherence_days(entries)
        with store.batch():  # all or nothing
            store.save_days(entries, now)
            medications = [treatments.add_medication(m, now) for m in history.medications]
            courses = [treatments.add_course(c, now) for c in history.courses]
            sessions = history.stored_sessions(courses)
            treatments.add_sessions(sessions, now)
            treatments.set_adherence(demo_adherence(medications, logged, options.seed, low))
            treatments.set_episode(history.episode)
            for result in history.pgx:
                treatments.add_pgx_result(result)
            for name, medication_id, course_id in history.cause_ids(medications, courses):
                if name in effect_ids:
                    store.set_side_effect_cause(effect_ids[name], medication_id, course_id)
            scores = demo_questionnaires(entries, history.courses, today, options.seed)
            for score in scores:
                store.questionnaires.add_result(score, now)
    except StorageError as error:
        print(f"moodlog: {error.message}", file=sys.stderr)
        return 2
    finally:
        store.close()
    days = len({entry.day for entry in entries})
    print(
        f"Wrote {days} demo days, {len(medications)} medications, "
        f"{len(courses)} treatment courses ({len(sessions)} sessions) and "
        f"{len(scores)} questionnaire results to {options.db}"
    )
    return 0


def _write_report(options: Options) -> int:
    """`moodlog report`: the clinician PDF without a window (offscreen when no Qt
    application is running yet, so it works without a display)."""
    from PySide6.QtCore import QLocale
    from PySide6.QtGui import QGuiApplication

    from moodlog.reports.report_command import ReportRequest, run_report_request
    from moodlog.reports.report_period import ReportError, default_paper

    assert options.db is not None
    assert options.report_out is not None
    _identify_application()
    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0], "-platform", "offscreen"])
    locale = QLocale.system()
    request = ReportRequest(
        db=options.db,
        start=options.report_from,
        end=options.report_to,
        out=options.report_out,
        sections=options.report_sections,
        paper=options.report_paper,
        name=options.report_name,
    )
    try:
        message = run_report_request(
            request, system_clock(), default_paper(QLocale.territoryToCode(locale.territory()))
        )
    except ReportError as error:
        print(f"moodlog: {error.message}", file=sys.stderr)
        return 2
    finally:
        del app  # the application lives until the report is written
    print(message)
    return 0


def _report_ready(app: QApplication) -> None:
    """Benchmark mode: the window is shown and its first events are handled. Print the
    seconds since the runner's $MOODLOG_BENCH_T0 (a time.time() value), then quit."""
    started = os.environ.get("MOODLOG_BENCH_T0")
    if started:
        print(f"READY {time.time() - float(started):.4f}", flush=True)
    app.quit()


def _run_window(options: Options) -> int:
    _identify_application()
    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    QApplication.setApplicationDisplayName("moodlog")
    QApplication.setDesktopFileName("moodlog")
    QApplication.setWindowIcon(QIcon(str(resource_path("moodlog.svg"))))
    path = options.db or default_diary_path()
    try:
        store = DiaryStore(open_database(path))
    except StorageError as error:
        dialogs.show_error(None, "moodlog can't open your diary", error.message)
        return 2
    window = MainWindow(store, system_clock, QSettings(), path)
    window.show()
    if options.benchmark_startup:
        QTimer.singleShot(0, lambda: _report_ready(app))
    # Once the window is up (not before), load what the first save needs, and say whether a
    # questionnaire is due: neither is needed to draw the first frame.
    QTimer.singleShot(0, store.prepare_for_writes)
    QTimer.singleShot(0, window.refresh_due)
    code = app.exec()
    store.close()
    return code
