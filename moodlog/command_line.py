"""The command line: `moodlog [--db PATH]` opens the window; `moodlog demo --db PATH`
writes a demo diary. Plain argparse, no Qt, so `--help` answers instantly."""

import argparse
import os
from dataclasses import dataclass
from pathlib import Path

DB_ENVIRONMENT_VARIABLE = "MOODLOG_DB"


@dataclass(frozen=True, slots=True)
class Options:
    command: str  # "window" or "demo"
    db: Path | None
    years: float
    seed: int
    benchmark_startup: bool


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
    args = parser.parse_args(argv)
    if args.command == "demo":
        if not 0 < args.years <= 30:
            parser.error("--years must be more than 0 and at most 30")
        return Options("demo", args.demo_db, args.years, args.seed, False)
    db = args.db
    if db is None and os.environ.get(DB_ENVIRONMENT_VARIABLE):
        db = Path(os.environ[DB_ENVIRONMENT_VARIABLE])
    return Options("window", db, 0, 0, args.benchmark_startup)
