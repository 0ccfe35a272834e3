"""The report's charts: the one place that calls the Charts view's figure builders, and the
conversion of a matplotlib Figure into SVG (vectors, with text kept as text so the PDF's
chart labels stay selectable and searchable)."""

import io
from dataclasses import dataclass

import matplotlib as mpl
from matplotlib.figure import Figure

from moodlog.domain.translation import QT_TRANSLATE_NOOP, translate
from moodlog.reports.report_data import ReportData
from moodlog.reports.svg_layers import SvgLayer, svg_layers

POINTS_PER_INCH = 72.0
# Shown through translate("ReportCharts", TREND_CAPTION).
TREND_CAPTION = QT_TRANSLATE_NOOP(
    "ReportCharts",
    "Daily ratings, questionnaire scores, sleep, side effects, treatments and adherence on one "
    "time axis. Days without an entry are left blank, never filled in.",
)


@dataclass(frozen=True, slots=True)
class ReportChart:
    """One chart as SVG, with its natural size in points and a caption; ``layers`` is the
    same drawing cut by clip rectangle (see :mod:`svg_layers`), which is what gets drawn."""

    svg: bytes
    width_points: float
    height_points: float
    caption: str = ""
    layers: tuple[SvgLayer, ...] = ()


def figure_svg(figure: Figure, caption: str = "") -> ReportChart:
    """``figure`` drawn as SVG with text as text (svg.fonttype "none")."""
    buffer = io.BytesIO()
    with mpl.rc_context({"svg.fonttype": "none", "svg.hashsalt": "moodlog"}):
        figure.savefig(buffer, format="svg")
    width, height = figure.get_size_inches()
    svg = buffer.getvalue()
    return ReportChart(
        svg,
        float(width) * POINTS_PER_INCH,
        float(height) * POINTS_PER_INCH,
        caption,
        tuple(svg_layers(svg)),
    )


def trend_figure(data: ReportData, aspect: float | None = None) -> Figure:
    """The trend chart over the report's period, built by the Charts view's builder;
    ``aspect`` is the width-to-height ratio of the space on the page (a tall chart is made
    wider to fill the text column once scaled to fit)."""
    from moodlog.charts.trend_chart import build_trend_figure

    return build_trend_figure(data.trend, data.period.start, data.period.end, aspect=aspect)


def report_charts(data: ReportData, aspect: float | None = None) -> list[ReportChart]:
    """The charts of the report's Charts section (see :func:`trend_figure`)."""
    caption = translate("ReportCharts", TREND_CAPTION)
    return [figure_svg(trend_figure(data, aspect), caption)]
