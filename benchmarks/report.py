"""The clinician report's budget, against bare matplotlib saving the same figure as a PDF.

Run by benchmarks/run.py (or alone: ``python benchmarks/report.py``). For a 1-year demo
diary (written by ``moodlog demo``, so with treatments, questionnaires and sleep):

* report: ``write_report_pdf`` of the whole year with every section, A4, into a file: the
  chart built by the Charts view's builder and turned into SVG, the text laid out and every
  page painted by QPdfWriter. This is what the window's worker does. Against a bare script
  that builds the very same figure (``build_trend_figure`` over the same data and period)
  and saves it with ``figure.savefig(path, format="pdf")``. Target <= 2x, and under 3 s
  counting the reading below.
* where the time goes: ``report_charts`` alone (the chart built and turned into SVG layers)
  and ``write_report_pdf`` given those charts (layout, table cuts, painting).
* reading the diary: ``gather_report_data`` for the year, which the window runs on the GUI
  thread before the worker starts.
"""

import os
import sys
import tempfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QGuiApplication  # noqa: E402

from benchmarks.charts import median_ms, write_demo  # noqa: E402
from moodlog.charts.trend_chart import build_trend_figure  # noqa: E402
from moodlog.reports.pdf_report import chart_aspect, write_report_pdf  # noqa: E402
from moodlog.reports.report_charts import report_charts  # noqa: E402
from moodlog.reports.report_data import ReportData, gather_report_data  # noqa: E402
from moodlog.reports.report_period import ReportOptions, ReportPeriod  # noqa: E402
from moodlog.storage.database import open_database  # noqa: E402
from moodlog.storage.diary_store import DiaryStore  # noqa: E402

RATIO_TARGET = 2.0
SECONDS_TARGET = 3.0
Result = tuple[str, str, str, str, str]  # measure, value, baseline, ratio, target


def moodlog_report(data: ReportData, path: Path) -> Callable[[], int]:
    options = ReportOptions(data.period)  # every section, A4, no name

    def write() -> int:
        return write_report_pdf(data, options, path)

    return write


def bare_savefig(data: ReportData, path: Path) -> Callable[[], None]:
    period = data.period

    def save() -> None:
        aspect = chart_aspect(ReportOptions(period).paper)  # as wide as the report draws it
        figure = build_trend_figure(data.trend, period.start, period.end, aspect=aspect)
        figure.savefig(path, format="pdf")

    return save


def verdict(ok: bool) -> str:
    return "ok" if ok else "OVER"


def measure(folder: Path, runs: int = 5) -> list[Result]:
    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    path = folder / "report-1y.sqlite"
    write_demo(path, 1)
    now = datetime.now().replace(microsecond=0)
    store = DiaryStore(open_database(path, now))
    try:
        first = store.first_day() or now.date()
        period = ReportPeriod(first, now.date())
        read = median_ms(lambda: gather_report_data(store, period, now), runs)
        data = gather_report_data(store, period, now)
    finally:
        store.close()
    pages = moodlog_report(data, folder / "report.pdf")()
    ours = median_ms(moodlog_report(data, folder / "report.pdf"), runs)
    bare = median_ms(bare_savefig(data, folder / "bare.pdf"), runs)
    # Where the time goes: the chart (built, saved as SVG, cut into layers), then the text
    # laid out (again after each table cut) and the pages painted with that chart.
    options = ReportOptions(data.period)
    aspect = chart_aspect(options.paper)
    charts = report_charts(data, aspect)
    chart_ms = median_ms(lambda: report_charts(data, aspect), runs)
    pages_ms = median_ms(
        lambda: write_report_pdf(data, options, folder / "text.pdf", charts=charts), runs
    )
    ratio = ours / bare
    total_s = (ours + read) / 1000
    del app
    return [
        (
            f"PDF report, 1-year demo, every section ({pages} pages)",
            f"{ours:.0f} ms",
            f"{bare:.0f} ms bare savefig",
            f"{ratio:.2f}x",
            f"<= {RATIO_TARGET:g}x {verdict(ratio <= RATIO_TARGET)}",
        ),
        (
            "  of which the chart: build + SVG + layers (report_charts)",
            f"{chart_ms:.0f} ms",
            "",
            "",
            "",
        ),
        (
            "  of which the pages: layout + table cuts + painting",
            f"{pages_ms:.0f} ms",
            "",
            "",
            "",
        ),
        (
            "  + reading the diary (gather_report_data), 1-year demo",
            f"{read:.0f} ms",
            "",
            f"{(ours + read) / bare:.2f}x with reading",
            f"{total_s:.2f} s in all, < {SECONDS_TARGET:g} s {verdict(total_s < SECONDS_TARGET)}",
        ),
    ]


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="moodlog-report-") as name:
        for row in measure(Path(name)):
            print(" | ".join(row))
    return 0


if __name__ == "__main__":
    sys.exit(main())
