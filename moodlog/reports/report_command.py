"""`moodlog report`: the report from the command line. Every problem becomes a
:class:`ReportError` with one line for the person; the caller prints it and exits non-zero.
Needs a QGuiApplication (the caller makes one, offscreen)."""

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from moodlog.domain.day_text import day_text
from moodlog.reports.pdf_report import check_destination, write_report_pdf
from moodlog.reports.report_data import gather_report_data
from moodlog.reports.report_period import (
    PaperSize,
    ReportError,
    ReportOptions,
    ReportPeriod,
    parse_sections,
)
from moodlog.storage.database import open_database
from moodlog.storage.diary_store import DiaryStore
from moodlog.storage.errors import StorageError


@dataclass(frozen=True, slots=True)
class ReportRequest:
    """The command's arguments as typed; ``paper`` "" means ``default_paper``."""

    db: Path
    start: str
    end: str
    out: Path
    sections: str
    paper: str = ""
    name: str = ""
    passphrase: str | None = field(default=None, repr=False)  # an encrypted diary's


def parse_day(value: str, flag: str) -> date:
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise ReportError(f"{flag} {value!r} is not a date; write it as YYYY-MM-DD.") from None


def report_options(request: ReportRequest, today: date, default_paper: PaperSize) -> ReportOptions:
    """The request checked and turned into options (no file is touched)."""
    start = parse_day(request.start, "--from")
    end = parse_day(request.end, "--to")
    if start > end:
        raise ReportError(f"--from ({day_text(start)}) is after --to ({day_text(end)}).")
    if end > today:
        raise ReportError(f"--to ({day_text(end)}) is in the future; the diary ends today.")
    try:
        sections = parse_sections(request.sections)
    except ValueError as error:
        raise ReportError(f"--sections: {error}") from None
    paper = PaperSize(request.paper) if request.paper else default_paper
    return ReportOptions(ReportPeriod(start, end), sections, paper, request.name.strip())


def run_report_request(request: ReportRequest, now: datetime, default_paper: PaperSize) -> str:
    """Write the report; returns the line to print. Never creates a diary: a missing file is
    an error. An empty period writes nothing."""
    options = report_options(request, now.date(), default_paper)
    if not request.db.is_file():
        raise ReportError(f"There is no diary at {request.db}; nothing was created.")
    check_destination(request.out)
    try:
        store = DiaryStore(open_database(request.db, now, request.passphrase))
    except StorageError as error:
        raise ReportError(error.message) from error
    try:
        data = gather_report_data(store, options.period, now)
    finally:
        store.close()
    pages = write_report_pdf(data, options, request.out)
    return (
        f"Wrote a {pages}-page report for {options.period.text} ({options.paper.label}) "
        f"to {request.out}"
    )
