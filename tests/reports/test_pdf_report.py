"""The PDF read back: the summary's numbers, the period filter, item 9, the sections chosen,
the footer on every page, real text, embedded fonts and vector charts. Two PDFs are written
for the whole module."""

from datetime import datetime, time
from pathlib import Path

import pytest
from matplotlib.figure import Figure
from pypdf import PdfReader
from PySide6.QtCore import QRunnable, QThreadPool
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from typing_extensions import override

from moodlog.domain.check_in import CheckIn
from moodlog.domain.day_entry import DayEntry
from moodlog.domain.questionnaire_texts import ATTRIBUTION
from moodlog.reports.pdf_report import lay_out_report, pdf_writer, write_report_pdf
from moodlog.reports.report_charts import figure_svg, report_charts
from moodlog.reports.report_data import ReportData, gather_report_data
from moodlog.reports.report_period import (
    NothingToReport,
    PaperSize,
    ReportError,
    ReportOptions,
    ReportPeriod,
    ReportSection,
)
from moodlog.reports.svg_layers import svg_layers
from moodlog.storage.database import open_database
from moodlog.storage.diary_store import DiaryStore
from tests.reports.conftest import pdf_pages, squeeze
from tests.reports.known_diary import (
    ANSWERED_QUESTION,
    CLINICIAN_NOTE,
    LATE_NOTE,
    NOW,
    OPEN_QUESTION,
    PERIOD,
    PRIVATE_NOTE,
)

FOOTER = "Patient-generated; not clinically verified · generated 21 Nov 2026 · moodlog 0.1.0"


@pytest.fixture(scope="module")
def full_pdf(
    qt: QApplication, known_data: ReportData, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    path = tmp_path_factory.mktemp("full") / "report.pdf"
    write_report_pdf(known_data, ReportOptions(PERIOD, name="Alex Example"), path, version="0.1.0")
    return path


@pytest.fixture(scope="module")
def some_sections_pdf(
    qt: QApplication, known_data: ReportData, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    path = tmp_path_factory.mktemp("some") / "report.pdf"
    options = ReportOptions(PERIOD, (ReportSection.NOTES, ReportSection.SUMMARY), PaperSize.LETTER)
    write_report_pdf(known_data, options, path, version="0.1.0")
    return path


def test_the_summary_page_holds_the_right_numbers(full_pdf: Path) -> None:
    first = pdf_pages(full_pdf)[0]
    assert squeeze("Alex Example") in first
    assert squeeze("Period: 1 Oct 2026 – 31 Oct 2026 (31 days)") in first
    assert squeeze("Days logged 28 of 31 days") in first
    assert squeeze("Latest PHQ-9 9 of 27 — Mild (26 Oct 2026)") in first
    assert (
        squeeze(
            "For TMS · 10 Hz rTMS (began 14 Sep 2026): baseline 20 (12 Sep 2026) → "
            "9 (26 Oct 2026); change −11 points, −55 %. Response (≥ 50 % drop): yes. "
            "Remission (under 5): no. Change of 5 points or more: yes."
        )
        in first
    )
    assert squeeze("Latest GAD-7 8 of 21 — Mild (26 Oct 2026)") in first
    assert squeeze("Sertraline 100 mg a day") in first
    assert (
        squeeze(
            "Sertraline: 88% of doses taken over the 20 recorded days (missed 2, partly taken 1); "
            "not recorded on 11 of 31 days."
        )
        in first
    )
    assert squeeze("Headache: rated on 20 days, moderate or severe on 20; worst moderate.") in first
    assert squeeze("11 of the last 14 nights recorded (18 Oct 2026 – 31 Oct 2026)") in first
    assert squeeze("Mean total sleep 6 h 40 min") in first
    assert (
        squeeze("efficiency 78 %, time to fall asleep 30 min, time awake in the night 20 min")
        in first
    )
    assert squeeze("What changed since 1 Oct 2026") in first
    assert squeeze("Sertraline dose 50 mg → 100 mg on 10 Oct 2026") in first
    assert squeeze("TMS · 10 Hz rTMS: 7 sessions in this period (24 of 36 planned in all)") in first
    assert squeeze(OPEN_QUESTION) in first
    assert squeeze(ATTRIBUTION) in first


def test_item_nine_above_zero_comes_first_with_its_date(full_pdf: Path) -> None:
    first = pdf_pages(full_pdf)[0]
    warning = "PHQ-9 item 9 answered above 0 once in this period"
    assert squeeze(warning) in first
    assert squeeze("5 Oct 2026: 2 — More than half the days") in first
    # Before every other figure on the page.
    assert first.index(squeeze(warning)) < first.index("Dayslogged")
    # 12 Sep's answer of 1 is before the period.
    assert "12Sep2026:1" not in "".join(pdf_pages(full_pdf))


def test_the_period_filter_holds(full_pdf: Path) -> None:
    text = "".join(pdf_pages(full_pdf))
    assert squeeze(CLINICIAN_NOTE) in text
    for absent in (LATE_NOTE, PRIVATE_NOTE, ANSWERED_QUESTION, "5 Nov 2026", "3 of 27"):
        assert squeeze(absent) not in text


def test_every_section_is_there_with_its_contents(full_pdf: Path) -> None:
    text = "".join(pdf_pages(full_pdf))
    for section in ReportSection:
        assert squeeze(section.label) in text
    # Scores with item 9, the trial table, TRD summary, procedures, pharmacogenetics.
    assert squeeze("5 Oct 2026 PHQ-9 14 of 27 — Moderate 2 — More than half the days") in text
    assert squeeze("For clinician review — not a diagnosis.") in text
    assert squeeze("50 mg (editable default") in text
    assert squeeze("24 of 36 sessions") in text
    assert squeeze("CYP2C19 Intermediate metaboliser *1/*2 2 Mar 2026") in text
    # Side effects against their cause's baseline; a night of the sleep table.
    assert squeeze("Suspected cause: TMS · 10 Hz rTMS — baseline: 4 weeks before") in text
    assert squeeze("mean 0.0, worst none (13 days) mean 2.0, worst moderate (3 days)") in text
    assert squeeze("15 Oct 2026 6 h 40 min 78 % 30 min 20 min 3.0") in text


def test_the_footer_is_on_every_page_and_the_count_is_sane(full_pdf: Path) -> None:
    pages = pdf_pages(full_pdf)
    assert 3 <= len(pages) <= 8
    for number, page in enumerate(pages, start=1):
        assert squeeze(f"{FOOTER} · page {number} of {len(pages)}") in page


def test_text_is_real_fonts_embedded_and_charts_are_vectors(
    full_pdf: Path, known_data: ReportData
) -> None:
    reader = PdfReader(full_pdf)
    fonts = []
    images = 0
    for page in reader.pages:
        resources = page["/Resources"]
        for item in resources.get("/XObject", {}).values():
            images += item.get_object()["/Subtype"] == "/Image"
        fonts += [font.get_object() for font in resources.get("/Font", {}).values()]
    assert fonts
    for font in fonts:
        descendant = font["/DescendantFonts"][0].get_object()
        assert "/FontFile2" in descendant["/FontDescriptor"].get_object()
    # The only pictures are the ones matplotlib itself draws as images (heat maps): lines,
    # bars, text and the pages themselves stay vectors and text.
    (chart,) = report_charts(known_data)
    assert images == chart.svg.count(b"<image")
    chart_page = next(p for p in pdf_pages(full_pdf) if "Chartsandquestionnairescores" in p)
    assert "Mood" in chart_page  # the chart's own labels are text too


def test_only_the_chosen_sections_appear(some_sections_pdf: Path) -> None:
    pages = pdf_pages(some_sections_pdf)
    text = " ".join(pages)
    assert squeeze("Summary") in text
    assert squeeze("Notes for my clinician") in text
    assert squeeze(CLINICIAN_NOTE) in text
    for absent in (
        "Charts and questionnaire scores",
        "Treatment history",
        "Side effects",
        "Sleep Each row",
        "Medication trials",
    ):
        assert squeeze(absent) not in text
    assert len(pages) == 2
    width = float(PdfReader(some_sections_pdf).pages[0].mediabox.width)
    assert width == pytest.approx(612, abs=1)  # US Letter, 8.5 in


def test_an_empty_period_writes_nothing(qt: QApplication, known_db: Path, tmp_path: Path) -> None:
    empty = ReportPeriod(PERIOD.start.replace(year=2020), PERIOD.end.replace(year=2020))
    store = DiaryStore(open_database(known_db, NOW))
    try:
        data = gather_report_data(store, empty, NOW)
    finally:
        store.close()
    assert data.is_empty
    with pytest.raises(NothingToReport, match="No entries between 1 Oct 2020 and 31 Oct 2020"):
        write_report_pdf(data, ReportOptions(empty), tmp_path / "r.pdf")
    assert list(tmp_path.iterdir()) == []


def test_an_unwritable_destination_is_refused(
    qt: QApplication, known_data: ReportData, tmp_path: Path
) -> None:
    with pytest.raises(ReportError, match="doesn't exist"):
        write_report_pdf(known_data, ReportOptions(PERIOD), tmp_path / "no" / "r.pdf")
    with pytest.raises(ReportError, match="is a folder"):
        write_report_pdf(known_data, ReportOptions(PERIOD), tmp_path)


def test_svg_clips_become_layers_with_their_rectangles() -> None:
    figure = Figure(figsize=(4, 2))
    ax = figure.add_subplot()
    ax.plot([0, 10], [0, 10])
    ax.set_xlim(4, 6)  # the line runs past the axes: it must be clipped
    chart = figure_svg(figure, "caption")
    assert (chart.width_points, chart.height_points) == (288, 144)
    clipped = [layer for layer in chart.layers if layer.clip is not None]
    assert clipped
    x, y, width, height = clipped[0].clip
    assert x > 0
    assert y > 0
    assert x + width < 288
    assert y + height < 144
    assert all(b"clip-path" not in layer.svg for layer in chart.layers)
    assert b"<text" in b"".join(layer.svg for layer in chart.layers)  # text stays text
    assert len(svg_layers(chart.svg)) == len(chart.layers)


@pytest.mark.parametrize("paper", list(PaperSize))
def test_nothing_runs_off_the_page(
    qt: QApplication, known_data: ReportData, tmp_path: Path, paper: PaperSize
) -> None:
    """No table too wide, no line that can't wrap: the laid-out content is no wider than
    the text area, on either paper."""
    writer = pdf_writer(tmp_path / "r.pdf", paper, "t", "0.1.0")
    report = lay_out_report(known_data, ReportOptions(PERIOD, paper=paper), [], writer)
    assert 0 < report.content_width <= report.page.width() + 0.5


def test_a_worker_thread_writes_it_with_progress(
    qtbot: QtBot, known_data: ReportData, tmp_path: Path
) -> None:
    """The window writes the report off the GUI thread (a thread-pool worker), reporting
    each page; any Qt warning on the way fails this test."""
    path = tmp_path / "r.pdf"
    progress: list[tuple[int, int]] = []
    pages: list[int] = []

    class Job(QRunnable):
        @override
        def run(self) -> None:
            options = ReportOptions(PERIOD, (ReportSection.SUMMARY,))
            pages.append(
                write_report_pdf(known_data, options, path, progress=lambda *p: progress.append(p))
            )

    pool = QThreadPool.globalInstance()
    pool.start(Job())
    assert pool.waitForDone(20_000)
    assert pages == [1]
    assert progress == [(1, 1)]
    assert "Dayslogged28of31days" in pdf_pages(path)[0]


def test_an_almost_empty_diary_still_reads_plainly(
    qt: QApplication, store: DiaryStore, tmp_path: Path
) -> None:
    day = PERIOD.start
    store.save_day(DayEntry(day, CheckIn(datetime.combine(day, time(8)), {"mood": 5})), NOW)
    data = gather_report_data(store, PERIOD, NOW)
    path = tmp_path / "r.pdf"
    assert write_report_pdf(data, ReportOptions(PERIOD), path) == 2
    text = "".join(pdf_pages(path))
    for line in (
        "Days logged 1 of 31 days",
        "No complete PHQ-9 in this period.",
        "No treatment is recorded in this period, so there is no baseline to compare.",
        "PHQ-9 item 9 (“Thoughts that you would be better off dead, or of hurting yourself in "
        "some way”): not answered in this period.",
        "No medication, treatment or new side effect recorded in this period.",
        "No questionnaire results in this period.",
        "No medications recorded.",
        "No nights recorded in this period.",
        "No notes flagged for my clinician in this period.",
    ):
        assert squeeze(line) in text
