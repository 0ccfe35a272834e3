"""The composition root: reads the command line, opens the diary, builds the window.
The only module outside ui/ that touches QtWidgets."""

import os
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QSettings, QStandardPaths, QTimer
from PySide6.QtWidgets import QApplication

from moodlog import __version__
from moodlog.command_line import Options, parse_options
from moodlog.domain.clock import system_clock
from moodlog.resource_files import resource_path
from moodlog.storage.database import open_database
from moodlog.storage.diary_store import DiaryStore
from moodlog.storage.encrypted_connection import is_encrypted
from moodlog.storage.errors import DiaryDamaged, StorageError
from moodlog.ui import dialogs
from moodlog.ui.app_icon import app_icon
from moodlog.ui.appearance_preferences import (
    AppearancePreferences,
    ClockStyle,
    Theme,
    WeekStart,
)
from moodlog.ui.main_window import MainWindow
from moodlog.ui.single_instance import bring_running_copy_to_front
from moodlog.ui.translator import install_translator

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
    if options.command == "export":
        return _write_export(options)
    if options.command == "import":
        return _import_file(options)
    if options.command in ("backup", "restore"):
        return _backup_or_restore(options)
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
        store = DiaryStore(open_database(options.db, passphrase=options.passphrase))
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


def _write_export(options: Options) -> int:
    """`moodlog export`: the whole diary as JSON, or its days as CSV, without a window."""
    from moodlog.storage.export_file import ExportKind, export_diary_file

    assert options.db is not None
    assert options.export_out is not None
    kind = ExportKind(options.export_format)
    try:
        message = export_diary_file(
            options.db, kind, options.export_out, system_clock(), options.passphrase
        )
    except StorageError as error:
        print(f"moodlog: {error.message}", file=sys.stderr)
        return 2
    print(message)
    return 0


def _import_file(options: Options) -> int:
    """`moodlog import`: another app's history (preview first, written only when every mood
    is placed), or moodlog's own export (merged, or replacing the diary with --replace)."""
    from moodlog.importers.format_detection import MOODLOG, detect, read_preview, read_source
    from moodlog.importers.import_request import (
        RequestProblem,
        blocking_problem,
        columns_from,
        mood_map_from,
        outcome_text,
        summary_lines,
    )
    from moodlog.importers.unreadable_file import UnreadableFile
    from moodlog.storage.database import copy_aside
    from moodlog.storage.import_store import AlreadyImported

    assert options.db is not None
    assert options.import_file is not None
    now = system_clock()
    store: DiaryStore | None = None
    try:
        data = read_source(options.import_file)
        key = options.import_format or detect(data)
        chosen = mood_map_from(options.import_mood_map)
        columns = None
        if key == "generic":
            columns = columns_from(
                options.import_columns, options.import_mood_range, options.import_date_order
            )
        # A dry run writes nothing, not even a new diary: with no file yet, it previews
        # against an empty diary in memory.
        target = None if options.import_dry_run and not options.db.exists() else options.db
        conn = open_database(target, passphrase=options.passphrase)
        store = DiaryStore(conn)
        if key == MOODLOG:
            keep_copy = partial(copy_aside, conn, options.db, "before-import", now)
            return _import_moodlog_export(options, store, data, keep_copy)
        preview = read_preview(data, options.import_file.name, now.date(), key, columns)
        mapping = preview.mapping(store.imports.remembered_moods(preview.format), chosen)
        print("\n".join(summary_lines(preview, mapping)))
        problem = blocking_problem(preview, mapping, options.import_skip_problems)
        if problem:
            print(f"moodlog: {problem}", file=sys.stderr)
            return 2
        if options.import_dry_run:
            print("Dry run: nothing was written.")
            return 0
        batch = store.imports.batch(store.imports.apply(preview, mapping, now))
        print(outcome_text(batch))
    except AlreadyImported as error:
        print(error.message)
    except (UnreadableFile, RequestProblem, StorageError) as error:
        print(f"moodlog: {error.message}", file=sys.stderr)
        return 2
    finally:
        if store is not None:
            store.close()
    return 0


def _import_moodlog_export(
    options: Options, store: DiaryStore, data: bytes, keep_copy: Callable[[], Path]
) -> int:
    """moodlog's own JSON export: merged, or replacing the diary (copied aside first)."""
    from moodlog.storage.diary_transfer import import_json, parse_export

    document = parse_export(data)
    if options.import_dry_run:
        print("A moodlog export. Dry run: nothing was written.")
        return 0
    now = system_clock()
    if options.import_replace:
        kept = keep_copy()
        print(f"Your diary as it was is kept in {kept}.")
    print(import_json(store, document, options.import_replace, now).text())
    return 0


def _keep_safe(
    window: MainWindow, store: DiaryStore, path: Path, existed: bool, passphrase: str | None
) -> None:
    """Just after the first frame: the DiaryKeeper (imported then, ~5 ms) starts its work."""
    from moodlog.ui.diary_keeper import DiaryKeeper

    DiaryKeeper(window, store, path, system_clock, existed, passphrase).start()


def _backup_or_restore(options: Options) -> int:
    """`moodlog backup` and `moodlog restore`, without a window."""
    from moodlog.storage.backups import back_up_diary_file, restore_diary_file

    assert options.db is not None
    try:
        if options.command == "backup":
            message = back_up_diary_file(
                options.db, options.backup_out, system_clock(), options.passphrase
            )
        else:
            assert options.restore_from is not None
            if _window_is_open_on(options.db):
                print(
                    f"moodlog: moodlog is open on {options.db}. Close it first, or use "
                    "File › Restore from a backup… in its window. Nothing was changed.",
                    file=sys.stderr,
                )
                return 2
            message = restore_diary_file(
                options.db, options.restore_from, system_clock(), options.passphrase
            )
    except StorageError as error:
        print(f"moodlog: {error.message}", file=sys.stderr)
        return 2
    print(message)
    return 0


def _window_is_open_on(diary: Path) -> bool:
    from moodlog.ui.single_instance import running_copy_answers

    app = QCoreApplication.instance() or QCoreApplication([sys.argv[0]])
    try:
        return running_copy_answers(diary)
    finally:
        del app


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
    install_translator(app, resource_path("translations"), locale)  # the PDF's words too
    request = ReportRequest(
        db=options.db,
        start=options.report_from,
        end=options.report_to,
        out=options.report_out,
        sections=options.report_sections,
        paper=options.report_paper,
        name=options.report_name,
        passphrase=options.passphrase,
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


def _start_reminders(
    window: MainWindow, store: DiaryStore, settings: QSettings, minimised: bool
) -> None:
    """The tray and its reminders, once the window is up (never before the first frame).
    Started --minimised, the window stays hidden if the tray has it, else shows minimised."""
    from moodlog.ui.reminder_tray import ReminderTray

    tray = ReminderTray(window, store, system_clock, settings)
    if minimised and not tray.start_hidden():
        window.showMinimized()


def _open_store(path: Path, passphrase: str | None) -> DiaryStore | None:
    """The diary at ``path``. An encrypted one opened without a passphrase asks for it
    first (``None`` if the person closes that dialog)."""
    if passphrase is None and is_encrypted(path):
        from moodlog.ui.passphrase_dialog import ask_passphrase

        return ask_passphrase(
            path, lambda typed: DiaryStore(open_database(path, None, typed, check=False))
        )
    # SQLite's check runs just after the first frame (DiaryKeeper): ~15 ms on ten years.
    return DiaryStore(open_database(path, passphrase=passphrase, check=False))


def _run_window(options: Options) -> int:
    _identify_application()
    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    QApplication.setApplicationDisplayName("moodlog")
    QApplication.setDesktopFileName("moodlog")
    QApplication.setWindowIcon(app_icon())
    install_translator(app, resource_path("translations"), QLocale.system())
    path = options.db or default_diary_path()
    if bring_running_copy_to_front(path):  # one moodlog per diary: that one comes forward
        return 0
    existed = path.is_file() and path.stat().st_size > 0
    try:
        opened = _open_store(path, options.passphrase)
    except DiaryDamaged as error:  # offers the latest good backup, or another file
        from moodlog.ui.start_up_recovery import recover_at_start

        recovered = recover_at_start(path, error.message, system_clock, options.passphrase)
        if recovered is None:
            return 2
        opened, path = recovered
    except StorageError as error:
        dialogs.show_error(None, "moodlog can't open your diary", error.message)
        return 2
    if opened is None:  # the passphrase dialog was closed: it has said what it had to
        return 1
    store = opened
    settings = QSettings()
    # The chosen colours, first day of the week and clock, before anything is drawn. The
    # system's own and the 24-hour clock (the defaults) need nothing done, and start-up
    # loads none of these modules for them.
    appearance = AppearancePreferences(settings)
    if appearance.theme() is not Theme.SYSTEM:
        from moodlog.ui.app_theme import apply_theme

        apply_theme(app, appearance.theme())
    if appearance.week_start() is not WeekStart.LOCALE:
        from moodlog.ui.week_start import apply_week_start

        apply_week_start(app, appearance.week_start())
    if appearance.clock_style() is not ClockStyle.TWENTY_FOUR_HOUR:
        from moodlog.ui.clock_style import apply_clock_style

        apply_clock_style(app, appearance.clock_style())
    window = MainWindow(store, system_clock, settings, path)
    if not options.minimised:  # started with the session: the tray shows it, or not at all
        window.show()
    if options.benchmark_startup:
        QTimer.singleShot(0, lambda: _report_ready(app))
    elif not options.minimised:  # a new, empty diary is welcomed once the window is up
        QTimer.singleShot(0, window.offer_first_run)
    # Once the window is up (not before), load what the first save needs, and say whether a
    # questionnaire is due: neither is needed to draw the first frame.
    QTimer.singleShot(0, store.prepare_for_writes)
    QTimer.singleShot(0, window.refresh_due)
    QTimer.singleShot(0, lambda: _start_reminders(window, store, settings, options.minimised))
    # The integrity check, the start-up and daily backups, and answering a second moodlog.
    # store.passphrase: also the one typed into the start-up dialog.
    QTimer.singleShot(0, lambda: _keep_safe(window, store, path, existed, store.passphrase))
    code = app.exec()
    store.close()
    return code
