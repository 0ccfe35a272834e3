"""Writing the report as a PDF with Qt's own engine: QPdfWriter at 300 dpi, the text laid out
by QTextDocument (real, selectable text; fonts embedded; tables that run over a page repeat
their header row), charts drawn from SVG as vectors, and a footer on every page.

QtGui and QtSvg only (never widgets): this runs the same in a worker thread, on the command
line and in tests, given a QGuiApplication. The file appears whole or not at all: it is
written beside the destination and moved into place at the end.
"""

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QByteArray, QMarginsF, QObject, QRect, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QPyTextObject,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtSvg import QSvgRenderer
from typing_extensions import override

from moodlog import __version__
from moodlog.domain.translation import translate
from moodlog.reports.heading_breaks import break_before, lone_heading
from moodlog.reports.html_blocks import CHART_SCHEME
from moodlog.reports.report_charts import ReportChart
from moodlog.reports.report_data import ReportData, gather_report_data
from moodlog.reports.report_document import (
    STYLE_SHEET,
    footer_text,
    generated_text,
    report_html,
)
from moodlog.reports.report_period import (
    NothingToReport,
    PaperSize,
    ReportError,
    ReportOptions,
    ReportSection,
    empty_period_message,
)
from moodlog.reports.table_breaks import cut_table, straddling_row, table_row_top
from moodlog.storage.diary_store import DiaryStore

DPI = 300
MARGINS_MM = QMarginsF(16, 14, 16, 18)  # left, top, right, bottom (the footer sits below)
BODY_POINTS = 9.0
FOOTER_POINTS = 7.0
FONT_FAMILIES = ["DejaVu Sans", "Noto Sans", "Liberation Sans", "Arial", "Helvetica"]
# Table rows kept whole (see table_breaks): at most this many cuts, a bound far above what
# a year's report needs (one per page at most).
MAX_PAGE_FIXES = 60  # table cuts and headings moved, together
# A heading needs at least this much of its page below it (a few lines of what it
# introduces), else it starts the next page.
HEADING_FOLLOW_INCHES = 0.9
# A chart never takes more than this share of a page's height, so its caption fits below.
CHART_MAX_PAGE_SHARE = 0.88

# The report's images are its charts (html_blocks.chart_place): this handler replaces Qt's
# image handler, which would look the name up as a file.
_CHART_OBJECT = int(QTextFormat.ObjectTypes.ImageObject)

Progress = Callable[[int, int], None]


class _ChartObject(QPyTextObject):
    """Draws the charts as vectors wherever the text flows them, as wide as the text (less
    when that would be too tall): each layer of the chart's SVG with its clip rectangle
    (Qt's SVG renderer ignores SVG clip paths)."""

    def __init__(self, charts: Sequence[ReportChart], area: QSizeF, parent: QObject) -> None:
        super().__init__(parent)
        self._charts = charts
        self._area = area

    def _chart(self, fmt: QTextFormat) -> ReportChart | None:
        name = fmt.toImageFormat().name()
        if not name.startswith(CHART_SCHEME):
            return None
        index = int(name.removeprefix(CHART_SCHEME))
        return self._charts[index] if index < len(self._charts) else None

    @staticmethod
    def size(chart: ReportChart, area: QSizeF) -> QSizeF:
        """``chart`` as wide as ``area``, or less when that would be too tall."""
        width = area.width()
        height = width * chart.height_points / chart.width_points
        limit = area.height() * CHART_MAX_PAGE_SHARE
        if height > limit:
            width, height = width * limit / height, limit
        return QSizeF(width, height)

    @staticmethod
    def fills_page(chart: ReportChart, area: QSizeF) -> bool:
        """Whether ``chart`` takes all the height a chart may: then no heading fits below
        its caption."""
        return _ChartObject.size(chart, area).height() >= area.height() * CHART_MAX_PAGE_SHARE - 1

    @override
    def intrinsicSize(self, doc: QTextDocument, pos: int, fmt: QTextFormat) -> QSizeF:
        chart = self._chart(fmt)
        return QSizeF(0, 0) if chart is None else self.size(chart, self._area)

    @override
    def drawObject(
        self,
        painter: QPainter,
        rect: QRectF | QRect,
        doc: QTextDocument,
        pos: int,
        fmt: QTextFormat,
    ) -> None:
        rect = QRectF(rect)
        chart = self._chart(fmt)
        for layer in chart.layers if chart is not None else ():
            renderer = QSvgRenderer(QByteArray(layer.svg))
            painter.save()
            if layer.clip is not None:
                box = renderer.viewBoxF()
                sx, sy = rect.width() / box.width(), rect.height() / box.height()
                x, y, width, height = layer.clip
                painter.setClipRect(
                    QRectF(
                        rect.x() + (x - box.x()) * sx,
                        rect.y() + (y - box.y()) * sy,
                        width * sx,
                        height * sy,
                    ),
                    Qt.ClipOperation.IntersectClip,
                )
            renderer.render(painter, rect)
            painter.restore()


def chart_aspect(paper: PaperSize) -> float:
    """Width to height of the most a chart may take on a page of ``paper``."""
    body = _page_layout(paper).paintRect(QPageLayout.Unit.Point)
    return body.width() / (body.height() * CHART_MAX_PAGE_SHARE)


def _page_layout(paper: PaperSize) -> QPageLayout:
    return QPageLayout(
        _page_size(paper), QPageLayout.Orientation.Portrait, MARGINS_MM, QPageLayout.Unit.Millimeter
    )


def _page_size(paper: PaperSize) -> QPageSize:
    return QPageSize(
        QPageSize.PageSizeId.A4 if paper is PaperSize.A4 else QPageSize.PageSizeId.Letter
    )


def _font(points: float) -> QFont:
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPointSizeF(points)
    # No ligatures: "fi" stays two letters, so the PDF's text is found by a search for it.
    for tag in ("liga", "clig"):
        font.setFeature(QFont.Tag(tag), 0)
    return font


def _layout(
    html: str, charts: Sequence[ReportChart], writer: QPdfWriter, area: QSizeF
) -> tuple[QTextDocument, _ChartObject]:
    """The report laid out in pages of ``area`` for ``writer`` (the handler drawing the
    charts is returned too: it must live as long as the document is drawn)."""
    document = QTextDocument()
    document.documentLayout().setPaintDevice(writer)
    handler = _ChartObject(charts, area, document)
    document.documentLayout().registerHandler(_CHART_OBJECT, handler)
    document.setDefaultFont(_font(BODY_POINTS))
    document.setDefaultStyleSheet(STYLE_SHEET)
    document.setDocumentMargin(0)
    document.setHtml(html)
    document.setPageSize(area)
    return document, handler


def check_destination(destination: Path) -> None:
    """Raise :class:`ReportError` if ``destination`` can't be written."""
    folder = destination.parent
    if destination.is_dir():
        raise ReportError(
            translate(
                "PdfReport", "{destination} is a folder; give a file name for the report."
            ).format(destination=destination)
        )
    if not folder.is_dir():
        raise ReportError(
            translate(
                "PdfReport", "The folder {folder} doesn't exist; create it or choose another."
            ).format(folder=folder)
        )
    if not os.access(folder, os.W_OK) or (
        destination.exists() and not os.access(destination, os.W_OK)
    ):
        raise ReportError(
            translate(
                "PdfReport", "moodlog may not write to {destination}; choose another place."
            ).format(destination=destination)
        )


def write_report_pdf(
    data: ReportData,
    options: ReportOptions,
    destination: Path,
    charts: Sequence[ReportChart] | None = None,
    progress: Progress | None = None,
    version: str = __version__,
) -> int:
    """Write the report to ``destination``; returns its page count. ``charts`` default to
    :func:`report_charts.report_charts` when the Charts section is chosen. Raises
    :class:`NothingToReport` for an empty period (no file is written) and
    :class:`ReportError` when the file can't be written."""
    if data.is_empty:
        raise NothingToReport(empty_period_message(data.period))
    check_destination(destination)
    if charts is None:
        charts = []
        if ReportSection.CHARTS in options.sections:
            from moodlog.reports.report_charts import report_charts

            charts = report_charts(data, chart_aspect(options.paper))
    partial = destination.with_name(f".{destination.name}.partial")
    try:
        pages = _paint(data, options, charts, partial, progress, version)
        partial.replace(destination)
    finally:
        if partial.exists():
            partial.unlink()
    return pages


@dataclass
class LaidOutReport:
    """The report's text laid out in pages for a PDF writer (``chart_handler`` draws the
    charts and must live as long as the document is drawn)."""

    document: QTextDocument
    page: QSizeF
    chart_handler: QObject

    @property
    def content_width(self) -> float:
        """How wide the content is; more than ``page.width()`` means it runs off the page."""
        return self.document.documentLayout().documentSize().width()


def pdf_writer(path: Path, paper: PaperSize, title: str, version: str) -> QPdfWriter:
    writer = QPdfWriter(str(path))
    writer.setResolution(DPI)
    writer.setPageLayout(_page_layout(paper))
    writer.setTitle(title)
    writer.setCreator(f"moodlog {version}")
    return writer


def lay_out_report(
    data: ReportData,
    options: ReportOptions,
    charts: Sequence[ReportChart],
    writer: QPdfWriter,
    version: str = __version__,
) -> LaidOutReport:
    """The report's pages, with no table row split across two (see table_breaks) and no
    heading left at a page's foot (see heading_breaks), fixed in the order they occur."""
    body = QRectF(writer.pageLayout().paintRectPixels(DPI))
    area = QSizeF(body.width(), body.height())
    height = area.height()
    fills = bool(charts) and _ChartObject.fills_page(charts[-1], area)
    html = report_html(data, options, [chart.caption for chart in charts], version, fills)
    document, handler = _layout(html, charts, writer, area)
    moved: set[tuple[int, int]] = set()
    # Each fix changes the laid-out document, and Qt lays out again only from there on.
    for _pass in range(MAX_PAGE_FIXES):
        row = straddling_row(document, height, frozenset(moved))
        heading = lone_heading(document, height, HEADING_FOLLOW_INCHES * DPI)
        if heading is not None and (row is None or heading.top < table_row_top(document, *row)):
            break_before(document, heading)
            continue
        if row is None:
            break
        # The row now starts a page: if it still runs onto the next, it is taller than a
        # page, and moving it again can't help.
        moved.add(cut_table(document, *row))
    return LaidOutReport(document, area, handler)


def _paint(
    data: ReportData,
    options: ReportOptions,
    charts: Sequence[ReportChart],
    path: Path,
    progress: Progress | None,
    version: str,
) -> int:
    writer = pdf_writer(
        path,
        options.paper,
        translate("PdfReport", "moodlog report, {period}").format(period=options.period.text),
        version,
    )
    report = lay_out_report(data, options, charts, writer, version)
    document, area = report.document, report.page
    pages = document.pageCount()

    painter = QPainter()
    if not painter.begin(writer):
        raise ReportError(
            translate("PdfReport", "The report can't be written to {folder}.").format(
                folder=path.parent
            )
        )
    generated = generated_text(data)
    try:
        for page in range(pages):
            if page:
                writer.newPage()
            _draw_page(painter, document, area, page)
            _footer(painter, area, footer_text(generated, version, page + 1, pages))
            if progress is not None:
                progress(page + 1, pages)
    finally:
        painter.end()
    return pages


def _draw_page(painter: QPainter, document: QTextDocument, area: QSizeF, page: int) -> None:
    top = page * area.height()
    context = QAbstractTextDocumentLayout.PaintContext()
    # A block that begins exactly at the next page's top would be drawn here too, clipped
    # out of sight but still in the file (a search would find it on the wrong page): the
    # layout is asked only for what starts above the page's bottom edge.
    context.clip = QRectF(0, top, area.width(), area.height() - 0.5)
    painter.save()
    painter.translate(0, -top)
    painter.setClipRect(QRectF(0, top, area.width(), area.height()))
    document.documentLayout().draw(painter, context)
    painter.restore()


def _footer(painter: QPainter, area: QSizeF, line: str) -> None:
    gap = DPI * 0.08  # a little under 2 mm below the text
    painter.save()
    painter.setPen(QPen(Qt.GlobalColor.black, DPI / 200))
    painter.drawLine(0, int(area.height() + gap), int(area.width()), int(area.height() + gap))
    painter.setFont(_font(FOOTER_POINTS))
    rect = QRectF(0, area.height() + gap * 1.5, area.width(), DPI * 0.3)
    painter.drawText(rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop), line)
    painter.restore()


def create_report(
    store: DiaryStore,
    options: ReportOptions,
    destination: Path,
    now: datetime,
    progress: Progress | None = None,
) -> int:
    """Gather and write in one go (the command line); returns the page count."""
    data = gather_report_data(store, options.period, now)
    return write_report_pdf(data, options, destination, progress=progress)
