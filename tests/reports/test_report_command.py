"""`moodlog report` through moodlog.app.run: a report written, and one clear line and a
non-zero exit for each problem, with nothing created or written."""

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QApplication

from moodlog import app
from tests.reports.conftest import pdf_pages, squeeze
from tests.reports.known_diary import CLINICIAN_NOTE


@pytest.fixture(autouse=True)
def keep_umask() -> Iterator[None]:
    """app.run() sets an owner-only umask for the process; give the test's back."""
    previous = os.umask(0o022)
    os.umask(previous)
    yield
    os.umask(previous)


def report(
    db: Path, out: Path, *extra: str, start: str = "2026-10-01", end: str = "2026-10-31"
) -> int:
    return app.run(
        ["report", "--db", str(db), "--from", start, "--to", end, "--out", str(out), *extra]
    )


def one_line_error(capsys: pytest.CaptureFixture[str]) -> str:
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1, captured.err
    assert lines[0].startswith("moodlog: ")
    return lines[0]


def test_a_report_is_written(
    qapp: QApplication, known_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "visit.pdf"
    code = report(
        known_db, out, "--sections", "notes,summary", "--paper", "letter", "--name", "ID 4471"
    )
    assert code == 0
    pages = pdf_pages(out)
    assert capsys.readouterr().out == (
        f"Wrote a {len(pages)}-page report for 1 Oct 2026 – 31 Oct 2026 (US Letter) to {out}\n"
    )
    assert "ID4471" in pages[0]
    assert squeeze(CLINICIAN_NOTE) in "".join(pages)
    assert "Treatmenthistory" not in "".join(pages)
    assert float(PdfReader(out).pages[0].mediabox.width) == pytest.approx(612, abs=1)
    assert out.stat().st_mode & 0o777 == 0o600  # a health record: the owner's only
    assert [p.name for p in tmp_path.iterdir()] == ["visit.pdf"]  # no partial file left


def test_a_missing_diary_is_not_created(
    qapp: QApplication, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "nowhere.sqlite"
    assert report(db, tmp_path / "r.pdf") == 2
    assert one_line_error(capsys) == f"moodlog: There is no diary at {db}; nothing was created."
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("start", "end", "extra", "message"),
    [
        (
            "2026-13-01",
            "2026-10-31",
            (),
            "--from '2026-13-01' is not a date; write it as YYYY-MM-DD.",
        ),
        (
            "2026-10-01",
            "31/10/2026",
            (),
            "--to '31/10/2026' is not a date; write it as YYYY-MM-DD.",
        ),
        ("2026-10-31", "2026-10-01", (), "--from (31 Oct 2026) is after --to (1 Oct 2026)."),
        (
            "2026-10-01",
            "2999-01-01",
            (),
            "--to (1 Jan 2999) is in the future; the diary ends today.",
        ),
        (
            "2026-10-01",
            "2026-10-31",
            ("--sections", "summary,graphs"),
            "--sections: Unknown section 'graphs'; choose from summary, charts, treatment, "
            "side-effects, sleep, notes.",
        ),
    ],
)
def test_bad_arguments_get_one_clear_line(
    qapp: QApplication,
    known_db: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    start: str,
    end: str,
    extra: tuple[str, ...],
    message: str,
) -> None:
    out = tmp_path / "r.pdf"
    assert report(known_db, out, *extra, start=start, end=end) == 2
    assert one_line_error(capsys) == f"moodlog: {message}"
    assert not out.exists()


def test_an_unwritable_destination_is_refused(
    qapp: QApplication, known_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "no such folder" / "r.pdf"
    assert report(known_db, missing) == 2
    assert "doesn't exist" in one_line_error(capsys)
    assert report(known_db, tmp_path) == 2
    assert (
        one_line_error(capsys)
        == f"moodlog: {tmp_path} is a folder; give a file name for the report."
    )


def test_an_empty_period_writes_no_file(
    qapp: QApplication, known_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "r.pdf"
    assert report(known_db, out, start="2020-01-01", end="2020-01-31") == 2
    assert one_line_error(capsys) == (
        "moodlog: No entries between 1 Jan 2020 and 31 Jan 2020; nothing to report."
    )
    assert list(tmp_path.iterdir()) == []
