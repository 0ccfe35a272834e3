"""`moodlog report`: the report from the command line. Every problem becomes a
:class:`ReportError` with one line for the person; the caller prints it and exits non-zero.
Needs a QGuiApplication (the caller makes one, offscreen)."""

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from moodlog.domain.day_text import day_text
from moodlog.domain.translation import translate
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
        #: {option} is a command-line option such as --from, kept as it is typed.
        message = translate(
            "ReportCommand", "{option} {value} is not a date; write it as YYYY-MM-DD."
        )
        raise ReportError(message.format(option=flag, value=repr(value))) from None


def report_options(request: ReportRequest, today: date, default_paper: PaperSize) -> ReportOptions:
    """The request checked and turned into options (no file is touched)."""
    start = parse_day(request.start, "--from")
    end = parse_day(request.end, "--to")
    # The options' names stay as they are typed: never translated.
    if start > end:
        #: {from_option} and {to_option} are the command line's --from and --to.
        message = translate(
            "ReportCommand", "{from_option} ({start}) is after {to_option} ({end})."
        )
        raise ReportError(
            message.format(
                from_option="--from", start=day_text(start), to_option="--to", end=day_text(end)
            )
        )
    if end > today:
        #: {to_option} is the command line's --to.
        message = translate(
            "ReportCommand", "{to_option} ({end}) is in the future; the diary ends today."
        )
        raise ReportError(message.format(to_option="--to", end=day_text(end)))
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
        message = translate("ReportCommand", "There is no diary at {path}; nothing was created.")
        raise ReportError(message.format(path=request.db))
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
    #: {period} is the first and last day with a dash between; {paper} is "A4" or "US Letter".
    wrote = translate(
        "ReportCommand", "Wrote a {pages}-page report for {period} ({paper}) to {path}"
    )
    return wrote.format(
        pages=pages, period=options.period.text, paper=options.paper.label, path=request.out
    )
