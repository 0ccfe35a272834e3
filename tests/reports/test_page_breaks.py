"""Pages that read well: no heading left at a page's foot, no table row cut in two, a chart
as wide as the text, and few chart layers (each gridline no longer makes a layer of its
own)."""

from pathlib import Path

import pytest
from matplotlib.figure import Figure
from PySide6.QtCore import QSizeF
from PySide6.QtGui import QTextCursor, QTextDocument, QTextTable
from PySide6.QtWidgets import QApplication

from moodlog.reports import pdf_report
from moodlog.reports.heading_breaks import LoneHeading, break_before, lone_heading
from moodlog.reports.pdf_report import (
    DPI,
    HEADING_FOLLOW_INCHES,
    chart_aspect,
    lay_out_report,
    pdf_writer,
)
from moodlog.reports.report_charts import figure_svg, report_charts
from moodlog.reports.report_data import ReportData
from moodlog.reports.report_period import PaperSize, ReportOptions
from moodlog.reports.table_breaks import cut_table, straddling_row
from tests.reports.known_diary import PERIOD

PAGE = QSizeF(400, 300)


def laid_out(html: str) -> QTextDocument:
    document = QTextDocument()
    document.setDocumentMargin(0)
    document.setHtml(html)
    document.setPageSize(PAGE)
    return document


def heading_top(document: QTextDocument, index: int) -> float:
    block, seen = document.begin(), -1
    while block.isValid():
        if block.blockFormat().headingLevel() > 0:
            seen += 1
            if seen == index:
                return document.documentLayout().blockBoundingRect(block).top()
        block = block.next()
    raise AssertionError(f"no heading {index}")


def test_a_heading_at_a_page_foot_moves_to_the_next_page(qt: QApplication) -> None:
    filler = "".join(f"<p>Line {n}</p>" for n in range(40))
    html = f"<h2>First</h2>{filler}<h2>Second</h2><p>What the second heading introduces</p>"
    document = laid_out(html)
    # Push the second heading to the last lines of a page, whatever the font's height.
    top = heading_top(document, 1)
    room = PAGE.height() - top % PAGE.height()
    spacer = f'<p style="margin-top: {max(0.0, room - 40):.0f}px;">&nbsp;</p>'
    html = html.replace("<h2>Second", f"{spacer}<h2>Second")
    document = laid_out(html)
    found = lone_heading(document, PAGE.height(), follow=60)
    assert found is not None
    assert found.index == 1  # the first heading, at the top of page one, is fine

    break_before(document, found)
    # Now at the top of a page (below the heading's own top margin).
    assert heading_top(document, 1) % PAGE.height() <= found.block.blockFormat().topMargin() + 1
    assert lone_heading(document, PAGE.height(), follow=60) is None


def table_rows(document: QTextDocument) -> list[list[str]]:
    """Each table's rows as the text of their first cells, in order."""
    found = []
    for frame in document.rootFrame().childFrames():
        if isinstance(frame, QTextTable):
            rows = []
            for row in range(frame.rows()):
                cell = frame.cellAt(row, 0)
                cursor = QTextCursor(document)
                cursor.setPosition(cell.firstPosition())
                cursor.setPosition(cell.lastPosition(), QTextCursor.MoveMode.KeepAnchor)
                rows.append(cursor.selectedText())
            found.append(rows)
    return found


def test_a_row_running_over_a_page_end_starts_the_next_page_under_its_header(
    qt: QApplication,
) -> None:
    note = "a note long enough to wrap onto a second line, then a third, on a page this narrow"
    body = "".join(f"<tr><td>Day {n}</td><td>{note}</td></tr>" for n in range(1, 31))
    html = (
        '<p>Before</p><table width="100%"><thead><tr><th>When</th><th>Note</th></tr></thead>'
        f"<tbody>{body}</tbody></table><p>After</p>"
    )
    document = laid_out(html)
    row = straddling_row(document, PAGE.height())
    assert row is not None
    table, cut = row
    pages_before = document.pageCount()

    assert cut_table(document, table, cut) == (table + 1, 1)

    first, second = table_rows(document)
    assert first == ["When", *(f"Day {n}" for n in range(1, cut))]
    assert second == ["When", *(f"Day {n}" for n in range(cut, 31))]  # the header again
    moved = document.rootFrame().childFrames()[1]
    top = document.documentLayout().frameBoundingRect(moved).top()
    assert top % PAGE.height() < 5  # at a page's top
    assert (table, cut) != straddling_row(document, PAGE.height(), frozenset({(table + 1, 1)}))
    assert document.pageCount() >= pages_before


def test_no_heading_of_the_report_is_left_at_a_page_foot(
    qt: QApplication, known_data: ReportData, tmp_path: Path
) -> None:
    writer = pdf_writer(tmp_path / "r.pdf", PaperSize.A4, "t", "0.1.0")
    report = lay_out_report(known_data, ReportOptions(PERIOD), [], writer)
    follow = HEADING_FOLLOW_INCHES * DPI
    assert lone_heading(report.document, report.page.height(), follow) is None


def test_the_report_chart_is_as_wide_as_the_text(known_data: ReportData) -> None:
    aspect = chart_aspect(PaperSize.A4)
    (chart,) = report_charts(known_data, aspect)
    # Scaled to fit the page's chart space, it fills the width (it is at least that wide).
    assert chart.width_points / chart.height_points >= aspect - 1e-6


def test_gridlines_join_the_tick_marks_between_them_in_one_layer() -> None:
    figure = Figure(figsize=(4, 2))
    ax = figure.add_subplot()
    ax.plot([0, 10], [0, 10])
    ax.set_xlim(4, 6)  # the line runs past the axes: it stays clipped
    ax.set_xticks([4.2, 4.4, 4.6, 4.8, 5.0, 5.2, 5.4, 5.6, 5.8])
    ax.grid(True)
    layers = figure_svg(figure).layers
    # Background, then the gridlines with the ticks and labels, the clipped line, the
    # frame: not a layer per gridline (there would be 20 or more).
    assert len(layers) <= 6
    clipped = [layer for layer in layers if layer.clip is not None]
    assert len(clipped) == 1
    assert b"<path" in clipped[0].svg


def test_what_follows_a_chart_filling_its_page_starts_the_next_without_a_fix(
    qt: QApplication, known_data: ReportData, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Known before the layout, so Qt needn't lay the rest of the report out again."""
    moved: list[str] = []
    original = pdf_report.break_before

    def recorded(document: QTextDocument, heading: LoneHeading) -> None:
        moved.append(heading.block.text())
        original(document, heading)

    monkeypatch.setattr(pdf_report, "break_before", recorded)
    charts = report_charts(known_data, chart_aspect(PaperSize.A4))
    writer = pdf_writer(tmp_path / "r.pdf", PaperSize.A4, "t", "0.1.0")
    report = lay_out_report(known_data, ReportOptions(PERIOD), charts, writer)
    block = report.document.begin()
    while block.isValid() and block.text() != "Questionnaire scores in this period":
        block = block.next()
    assert block.isValid()
    top = report.document.documentLayout().blockBoundingRect(block).top()
    assert top % report.page.height() <= block.blockFormat().topMargin() + 1  # a page's top
    assert block.text() not in moved
