"""The command line: `moodlog [--db PATH]` opens the window; `moodlog demo --db PATH`
writes a demo diary; `moodlog report --db PATH --from DAY --to DAY --out FILE.pdf` writes the
clinician report without a window. Plain argparse, no Qt, so `--help` answers instantly.
The report's dates and sections are checked where the report is made, so each problem gets
one clear line."""

import argparse
import os
from dataclasses import dataclass
from pathlib import Path

DB_ENVIRONMENT_VARIABLE = "MOODLOG_DB"


REPORT_SECTIONS = "summary,charts,treatment,side-effects,sleep,notes"


@dataclass(frozen=True, slots=True)
class Options:
    """``report_*`` fields hold the report command's arguments as typed (checked by the
    report itself); ``report_paper`` is "" when the locale should decide."""

    command: str  # "window", "demo" or "report"
    db: Path | None
    years: float
    seed: int
    benchmark_startup: bool
    report_from: str = ""
    report_to: str = ""
    report_out: Path | None = None
    report_sections: str = REPORT_SECTIONS
    report_paper: str = ""
    report_name: str = ""


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
    args = parser.parse_args(argv)
    if args.command == "report":
        return Options(
            "report",
            args.report_db,
            0,
            0,
            False,
            report_from=args.start,
            report_to=args.end,
            report_out=args.out,
            report_sections=args.sections,
            report_paper=args.paper or "",
            report_name=args.name,
        )
    if args.command == "demo":
        if not 0 < args.years <= 30:
            parser.error("--years must be more than 0 and at most 30")
        return Options("demo", args.demo_db, args.years, args.seed, False)
    db = args.db
    if db is None and os.environ.get(DB_ENVIRONMENT_VARIABLE):
        db = Path(os.environ[DB_ENVIRONMENT_VARIABLE])
    return Options("window", db, 0, 0, args.benchmark_startup)
