"""The report's charts: the one place that calls the Charts view's figure builders, and the
conversion of a matplotlib Figure into SVG (vectors, with text kept as text so the PDF's
chart labels stay selectable and searchable)."""

import io
from dataclasses import dataclass

import matplotlib as mpl
from matplotlib.figure import Figure

from moodlog.reports.report_data import ReportData
from moodlog.reports.svg_layers import SvgLayer, svg_layers

POINTS_PER_INCH = 72.0
TREND_CAPTION = (
    "Daily ratings, questionnaire scores, sleep, side effects, treatments and adherence on one "
    "time axis. Days without an entry are left blank, never filled in."
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


def report_charts(data: ReportData) -> list[ReportChart]:
    """The charts of the report's Charts section: the trend chart over the period, built by
    the same builder as the Charts view."""
    from moodlog.charts.trend_chart import build_trend_figure

    figure = build_trend_figure(data.trend, data.period.start, data.period.end)
    return [figure_svg(figure, TREND_CAPTION)]
