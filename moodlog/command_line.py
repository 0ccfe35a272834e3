"""The command line: `moodlog [--db PATH]` opens the window; `moodlog demo --db PATH`
writes a demo diary; `moodlog report --db PATH --from DAY --to DAY --out FILE.pdf` writes the
clinician report without a window; `moodlog export --db PATH --format json|csv --out FILE`
writes an export. Plain argparse, no Qt, so `--help` answers instantly.
The report's dates and sections are checked where the report is made, so each problem gets
one clear line."""

import argparse
import os
from dataclasses import dataclass, field
from pathlib import Path

DB_ENVIRONMENT_VARIABLE = "MOODLOG_DB"
# An encrypted diary's passphrase, when --passphrase-file isn't given.
PASSPHRASE_ENVIRONMENT_VARIABLE = "MOODLOG_PASSPHRASE"


REPORT_SECTIONS = "summary,charts,treatment,side-effects,sleep,notes"


@dataclass(frozen=True, slots=True)
class Options:
    """``report_*`` fields hold the report command's arguments as typed (checked by the
    report itself); ``report_paper`` is "" when the locale should decide."""

    command: str  # "window", "demo", "report", "export", "import", "backup" or "restore"
    db: Path | None
    years: float = 0
    seed: int = 0
    benchmark_startup: bool = False
    report_from: str = ""
    report_to: str = ""
    report_out: Path | None = None
    report_sections: str = REPORT_SECTIONS
    report_paper: str = ""
    report_name: str = ""
    minimised: bool = False  # start in the tray (the autostart entry asks for this)
    export_format: str = "json"  # `moodlog export`: "json" or "csv"
    export_out: Path | None = None
    # `moodlog import`: the file, and its options as typed (checked by the import itself).
    import_file: Path | None = None
    import_format: str = ""  # "" detects it
    import_mood_map: tuple[str, ...] = ()
    import_dry_run: bool = False
    import_replace: bool = False
    import_skip_problems: bool = False
    import_columns: str = ""
    import_mood_range: str = "1-5"
    import_date_order: str = "dmy"
    backup_out: Path | None = None  # `moodlog backup --out`; None: the backups folder
    restore_from: Path | None = None  # `moodlog restore`: the backup to put in place
    # An encrypted diary's passphrase (--passphrase-file, else $MOODLOG_PASSPHRASE).
    passphrase: str | None = field(default=None, repr=False)


def parse_options(argv: list[str]) -> Options:
    parser = argparse.ArgumentParser(
        prog="moodlog",
        description="A private diary for treatment-resistant depression. With no command, "
        "opens the window.",
    )
    parser.add_argument(
        "--db",
        type=Path,
        help=f"the diary file to open (default: ${DB_ENVIRONMENT_VARIABLE}, else moodlog.sqlite "
        "in your application-data folder)",
    )
    # Quits as soon as the window is shown and ready: used by benchmarks/run.py.
    parser.add_argument("--benchmark-startup", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument(
        "--minimised",
        "--minimized",
        action="store_true",
        help="start in the system tray (for reminders), without showing the window",
    )
    _add_passphrase_file(parser)
    commands = parser.add_subparsers(dest="command")
    demo = commands.add_parser("demo", help="write a realistic demo diary into a new file")
    demo.add_argument(
        "--db", type=Path, required=True, dest="demo_db", help="the new file to write"
    )
    demo.add_argument("--years", type=float, default=2.0, help="how much history (default 2)")
    demo.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    report = commands.add_parser(
        "report", help="write the PDF report for your clinician, without opening the window"
    )
    report.add_argument(
        "--db", type=Path, required=True, dest="report_db", metavar="PATH", help="the diary file"
    )
    report.add_argument(
        "--from", required=True, dest="start", metavar="YYYY-MM-DD", help="the first day"
    )
    report.add_argument(
        "--to", required=True, dest="end", metavar="YYYY-MM-DD", help="the last day (included)"
    )
    report.add_argument(
        "--out", type=Path, required=True, metavar="FILE.pdf", help="the PDF file to write"
    )
    report.add_argument(
        "--sections",
        default=REPORT_SECTIONS,
        help=f"which sections, comma-separated (default: all: {REPORT_SECTIONS})",
    )
    report.add_argument(
        "--paper", choices=("a4", "letter"), help="paper size (default: from your locale)"
    )
    report.add_argument("--name", default="", help="a name or ID to print on the report")
    export = commands.add_parser(
        "export",
        help="write your whole diary as JSON (moodlog can import it again), or its days as "
        "CSV for a spreadsheet",
    )
    export.add_argument(
        "--db", type=Path, required=True, dest="export_db", metavar="PATH", help="the diary file"
    )
    export.add_argument(
        "--format", choices=("json", "csv"), default="json", help="json (default) or csv"
    )
    export.add_argument("--out", type=Path, required=True, metavar="FILE", help="the file to write")
    _add_import_command(commands)
    _add_backup_commands(commands)
    for command in commands.choices.values():
        _add_passphrase_file(command, argparse.SUPPRESS)  # after the command, too
    args = parser.parse_args(argv)
    passphrase = _passphrase(parser, args.passphrase_file)
    if args.command == "backup":
        return Options("backup", args.backup_db, backup_out=args.out, passphrase=passphrase)
    if args.command == "restore":
        return Options("restore", args.restore_db, restore_from=args.backup, passphrase=passphrase)
    if args.command == "import":
        return Options(
            "import",
            args.import_db,
            import_file=args.file,
            import_format=args.format or "",
            import_mood_map=tuple(args.mood_map),
            import_dry_run=args.dry_run,
            import_replace=args.replace,
            import_skip_problems=args.skip_problem_rows,
            import_columns=args.columns or "",
            import_mood_range=args.mood_range,
            import_date_order=args.date_order,
            passphrase=passphrase,
        )
    if args.command == "export":
        return Options(
            "export",
            args.export_db,
            export_format=args.format,
            export_out=args.out,
            passphrase=passphrase,
        )
    if args.command == "report":
        return Options(
            "report",
            args.report_db,
            report_from=args.start,
            report_to=args.end,
            report_out=args.out,
            report_sections=args.sections,
            report_paper=args.paper or "",
            report_name=args.name,
            passphrase=passphrase,
        )
    if args.command == "demo":
        if not 0 < args.years <= 30:
            parser.error("--years must be more than 0 and at most 30")
        return Options("demo", args.demo_db, args.years, args.seed, passphrase=passphrase)
    db = args.db
    if db is None and os.environ.get(DB_ENVIRONMENT_VARIABLE):
        db = Path(os.environ[DB_ENVIRONMENT_VARIABLE])
    return Options(
        "window",
        db,
        benchmark_startup=args.benchmark_startup,
        minimised=args.minimised,
        passphrase=passphrase,
    )


def _add_passphrase_file(parser: argparse.ArgumentParser, default: object = None) -> None:
    parser.add_argument(
        "--passphrase-file",
        type=Path,
        default=default,
        metavar="FILE",
        help="for an encrypted diary: a file whose first line is the passphrase (default: "
        f"${PASSPHRASE_ENVIRONMENT_VARIABLE}; the window asks when neither is given)",
    )


def _passphrase(parser: argparse.ArgumentParser, file: Path | None) -> str | None:
    """The passphrase from ``file`` (its first line), else from the environment."""
    if file is None:
        return os.environ.get(PASSPHRASE_ENVIRONMENT_VARIABLE) or None
    try:
        lines = file.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        parser.error(f"--passphrase-file: can't read {file} ({error})")
    if not lines or not lines[0]:
        parser.error(f"--passphrase-file: {file} is empty; put the passphrase on its first line")
    return lines[0]


IMPORT_FORMATS = ("daylio", "bearable", "imoodjournal", "pixels", "emoods", "generic", "moodlog")


def _add_import_command(commands: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """`moodlog import --db PATH FILE`: another app's history, or moodlog's own export."""
    command = commands.add_parser(
        "import",
        help="bring in history from another app (Daylio, Bearable, iMoodJournal, Pixels, "
        "eMoods, a spreadsheet) or a moodlog export; shows what it found first",
    )
    command.add_argument(
        "--db", type=Path, required=True, dest="import_db", metavar="PATH", help="the diary file"
    )
    command.add_argument("file", type=Path, metavar="FILE", help="the exported file")
    command.add_argument(
        "--format", choices=IMPORT_FORMATS, help="the file's format (default: recognised)"
    )
    command.add_argument(
        "--mood-map",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="place a mood name on moodlog's 0-10 scale (repeat for each; remembered)",
    )
    command.add_argument(
        "--dry-run", action="store_true", help="show what would be imported; write nothing"
    )
    command.add_argument(
        "--skip-problem-rows",
        action="store_true",
        help="import the rows that can be read, leaving out the problem rows listed",
    )
    command.add_argument(
        "--replace",
        action="store_true",
        help="moodlog export only: replace the diary (a copy is kept) instead of merging",
    )
    command.add_argument(
        "--columns",
        metavar="date=COL,time=COL,mood=COL,note=COL",
        help="--format generic: which column holds what (date is required)",
    )
    command.add_argument(
        "--mood-range",
        default="1-5",
        metavar="WORST-BEST",
        help="--format generic: the mood column's worst and best values (default 1-5)",
    )
    command.add_argument(
        "--date-order",
        choices=("dmy", "mdy", "ymd"),
        default="dmy",
        help="--format generic: the order of numeric dates that aren't YYYY-MM-DD (default dmy)",
    )


def _add_backup_commands(commands: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """`moodlog backup --db PATH [--out FILE]` and `moodlog restore --db PATH BACKUP`."""
    backup = commands.add_parser(
        "backup",
        help="back up the diary: into the backups folder beside it (rotated), or to --out",
    )
    backup.add_argument(
        "--db", type=Path, required=True, dest="backup_db", metavar="PATH", help="the diary file"
    )
    backup.add_argument("--out", type=Path, metavar="FILE", help="write the backup here instead")
    restore = commands.add_parser(
        "restore",
        help="put a backup in the diary's place (the diary as it is now is kept beside it); "
        "close moodlog first",
    )
    restore.add_argument(
        "--db", type=Path, required=True, dest="restore_db", metavar="PATH", help="the diary file"
    )
    restore.add_argument("backup", type=Path, metavar="BACKUP", help="the backup file to restore")
