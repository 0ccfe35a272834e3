"""Report fixtures: the known diary (known_diary.py) in a file, read once per module, and
helpers to read a PDF back as text. Writing a PDF needs a Qt application: ``qapp``."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QApplication

from moodlog.reports.report_data import ReportData, gather_report_data
from moodlog.storage.database import open_database
from moodlog.storage.diary_store import DiaryStore
from tests.reports.known_diary import NOW, PERIOD, build_known_diary


@pytest.fixture(scope="module")
def known_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("known") / "diary.sqlite"
    build_known_diary(path)
    return path


@pytest.fixture(scope="module")
def known_data(known_db: Path) -> Iterator[ReportData]:
    store = DiaryStore(open_database(known_db, NOW))
    try:
        yield gather_report_data(store, PERIOD, NOW)
    finally:
        store.close()


def squeeze(text: str) -> str:
    """``text`` without white space: lines wrap anywhere, and the text extractor breaks
    where bold starts or ends ("yes ." for "yes.")."""
    return "".join(text.split())


def pdf_pages(path: Path) -> list[str]:
    """Each page's text, squeezed (compare with :func:`squeeze`d expectations)."""
    return [squeeze(page.extract_text()) for page in PdfReader(path).pages]


@pytest.fixture(scope="module")
def qt(qapp: QApplication) -> QApplication:
    """The session's Qt application, for module-scoped fixtures that write PDFs."""
    return qapp
