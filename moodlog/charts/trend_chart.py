"""The trend chart: every panel on one shared time axis, as one matplotlib Figure (built
without pyplot). The Charts view shows it in a canvas; the PDF report saves it as vectors."""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from typing import Any, cast

import matplotlib as mpl
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.dates import AutoDateLocator, ConciseDateFormatter
from matplotlib.figure import Figure
from matplotlib.gridspec import GridSpec
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.text import Text

from moodlog.charts.adherence_strip import adherence_medications, draw_adherence
from moodlog.charts.chart_theme import LIGHT, ChartTheme
from moodlog.charts.day_axis import day_at, day_number
from moodlog.charts.mood_panel import draw_ratings
from moodlog.charts.panel_context import PanelContext
from moodlog.charts.score_panel import complete_scores, draw_scores
from moodlog.charts.side_effect_panel import draw_side_effects, rated_side_effects
from moodlog.charts.sleep_panel import draw_efficiency, draw_sleep
from moodlog.charts.tracker_panel import draw_tracker
from moodlog.charts.treatment_lane import LaneRow, draw_treatments, lane_rows
from moodlog.domain.instruments import Instrument
from moodlog.domain.medications import Schedule
from moodlog.domain.translation import QT_TRANSLATE_NOOP, translate
from moodlog.domain.trend_data import TrendData

# Panels in the order they stack, top to bottom.
MOOD = "mood"
PHQ9 = "phq9"
GAD7 = "gad7"
SLEEP = "sleep"
EFFICIENCY = "efficiency"
SIDE_EFFECTS = "side-effects"
TREATMENTS = "treatments"
ADHERENCE = "adherence"
# Shown through panel_title(); "PHQ-9" and "GAD-7" are the same in every language.
PANEL_TITLES = {
    MOOD: QT_TRANSLATE_NOOP("TrendChart", "Mood"),
    PHQ9: "PHQ-9",
    GAD7: "GAD-7",
    #: A panel's title: "Sleep" is a noun here.
    SLEEP: QT_TRANSLATE_NOOP("TrendChart", "Sleep"),
    EFFICIENCY: QT_TRANSLATE_NOOP("TrendChart", "Sleep efficiency"),
    SIDE_EFFECTS: QT_TRANSLATE_NOOP("TrendChart", "Side effects"),
    TREATMENTS: QT_TRANSLATE_NOOP("TrendChart", "Treatments"),
    ADHERENCE: QT_TRANSLATE_NOOP("TrendChart", "Adherence"),
}
# About how wide a character of a bar's label is (x-small type); a label is shown only
# where the bar's part in view is wide enough to hold it.
LABEL_CHAR_INCHES = 0.065
_LEFT_INCHES = 1.75  # room for the longest row names ("Scalp pain or discomfort")
_RIGHT_INCHES = 0.55  # the sleep-quality axis
_DATE_ROW_INCHES = 0.22
_TOP_INCHES = 0.6  # the dates and the legend above the first panel
_BOTTOM_INCHES = 0.45  # the dates
_GAP_INCHES = 0.32  # between panels: room for a heat map's legend


def panel_title(name: str) -> str:
    """The title of panel ``name`` (one of PANEL_TITLES' keys) in the person's language."""
    return translate("TrendChart", PANEL_TITLES[name])


@dataclass(frozen=True, slots=True)
class ChartOptions:
    """What the person chose to see besides the panels that always show when they hold
    data: other 0-10 scales on the mood panel, trackers as panels of their own, and
    sleep efficiency."""

    other_scales: tuple[str, ...] = ()
    trackers: tuple[int, ...] = ()
    efficiency: bool = False


@dataclass
class TrendChart:
    figure: Figure
    axes: dict[str, Axes]  # by panel name ("mood", "tracker-3", ...), top to bottom
    zoom_labels: list[tuple[Text, float, float]] = field(default_factory=list)
    grid: GridSpec | None = None
    _selection: list[Line2D] = field(default_factory=list)

    @property
    def bottom(self) -> Axes:
        return list(self.axes.values())[-1]

    def set_range(self, start: date, end: date) -> None:
        """Show the days from ``start`` to ``end`` (inclusive)."""
        self.bottom.set_xlim(day_number(start), day_number(end) + 1)
        self.fit_labels()

    def fit_width(self) -> None:
        """Keep the margins for row names and the right-hand axis the same in inches when
        the figure's width changes (a window resized)."""
        if self.grid is None:
            return
        self.grid.update(**_side_margins(self.figure.get_figwidth()))
        # GridSpec.update only moves the axes of pyplot's figures; these are placed here.
        for ax in self.figure.axes:
            spec = ax.get_subplotspec()
            if spec is not None:
                ax.set_position(spec.get_position(self.figure))

    def fit_labels(self) -> None:
        """Keep each bar's label at the left end of the bar's part in view, and hide it
        where that part is too narrow to hold it."""
        low, high = self.bottom.get_xlim()
        axes_inches = self.bottom.get_position().width * self.figure.get_figwidth()
        days_per_inch = (high - low) / max(axes_inches, 0.1)
        pad = days_per_inch * 0.04
        for label, begin, end in self.zoom_labels:
            shown_begin, shown_end = max(begin, low), min(end, high)
            needed = (LABEL_CHAR_INCHES * len(label.get_text()) + 0.1) * days_per_inch
            label.set_visible(shown_end - shown_begin >= needed)
            label.set_x(shown_begin + pad)

    def visible_days(self) -> tuple[date, date]:
        low, high = self.bottom.get_xlim()
        return day_at(low), day_at(high - 1e-6)

    def select_day(self, day: date | None) -> None:
        """Mark ``day`` with a line across every panel (``None`` clears it)."""
        for line in self._selection:
            if day is not None:
                x = day_number(day) + 0.5
                line.set_xdata([x, x])
            line.set_visible(day is not None)

    @staticmethod
    def day_at(x: float) -> date:
        return day_at(x)


def _side_margins(width_inches: float) -> dict[str, float]:
    return {
        "left": min(0.45, _LEFT_INCHES / width_inches),
        "right": 1 - min(0.2, _RIGHT_INCHES / width_inches),
    }


def theme_rc(theme: ChartTheme) -> dict[str, Any]:
    return {
        "font.size": theme.font_size,
        "text.color": theme.text,
        "axes.labelcolor": theme.text,
        "axes.edgecolor": theme.muted_text,
        "axes.facecolor": theme.background,
        "axes.grid": True,
        "axes.grid.axis": "x",
        "grid.color": theme.grid,
        "grid.linewidth": 0.6,
        "xtick.color": theme.text,
        "ytick.color": theme.text,
        "figure.facecolor": theme.background,
        "legend.labelcolor": theme.text,
        "svg.fonttype": "none",
        "pdf.fonttype": 42,
    }


def build_trend_chart(
    data: TrendData,
    options: ChartOptions = ChartOptions(),
    theme: ChartTheme = LIGHT,
    width_inches: float = 10.0,
    dpi: float = 100.0,
    vector: bool = False,
    aspect: float | None = None,
) -> TrendChart:
    """Every panel with something to show, over the whole of ``data``'s span (zoom with
    :meth:`TrendChart.set_range`). ``vector``: heat maps as rectangles, for print.
    ``aspect``: the width-to-height ratio of the space the chart will be scaled into; a
    chart taller than that space is made wider (never narrower than ``width_inches``), so
    that, scaled down to fit, it still fills the space's width."""
    ctx = PanelContext(data, theme, vector=vector)
    plan = _plan(ctx, options)
    heights = [height for _name, height, _draw in plan]
    total = _TOP_INCHES + _BOTTOM_INCHES + sum(heights) + _GAP_INCHES * (len(plan) - 1)
    if aspect is not None:
        width_inches = max(width_inches, total * aspect)
    with mpl.rc_context(cast("Any", theme_rc(theme))):
        figure = Figure(figsize=(width_inches, total), dpi=dpi)
        grid = figure.add_gridspec(
            len(plan),
            1,
            height_ratios=heights,
            **_side_margins(width_inches),
            top=1 - _TOP_INCHES / total,
            bottom=_BOTTOM_INCHES / total,
            hspace=_GAP_INCHES / (sum(heights) / len(plan)),
        )
        axes: dict[str, Axes] = {}
        first: Axes | None = None
        for index, (name, _height, draw) in enumerate(plan):
            ax = figure.add_subplot(grid[index], sharex=first)
            ax.set_label(name)
            first = first or ax
            draw(ax)
            axes[name] = ax
        chart = TrendChart(figure, axes, ctx.zoom_labels, grid)  # type: ignore[arg-type]
        _shade_courses(chart, ctx)
        _mark_medication_changes(axes[MOOD], ctx)
        for ax in axes.values():
            ax.tick_params(labelbottom=ax is chart.bottom)
            ax.xaxis.get_offset_text().set_visible(ax is chart.bottom)
        # Dates above the first panel too: the window shows it without scrolling down.
        top = axes[MOOD]
        top.tick_params(labeltop=True)
        _legend_with_marks(top, ctx, 1 + _DATE_ROW_INCHES / plan[0][1])
        for name, ax in axes.items():
            if name != TREATMENTS:
                chart._selection.append(
                    ax.axvline(0, color=theme.selection, linewidth=1.2, visible=False, zorder=5)
                )
        locator = AutoDateLocator(minticks=4, maxticks=10)  # type: ignore[no-untyped-call]
        chart.bottom.xaxis.set_major_locator(locator)
        chart.bottom.xaxis.set_major_formatter(
            ConciseDateFormatter(locator)  # type: ignore[no-untyped-call]
        )
        chart.set_range(data.start, data.end)
    return chart


def build_trend_figure(
    data: TrendData,
    start: date,
    end: date,
    options: ChartOptions = ChartOptions(),
    theme: ChartTheme = LIGHT,
    width_inches: float = 7.2,
    aspect: float | None = None,
) -> Figure:
    """The chart for ``start`` to ``end``, as the report places it on a page (``aspect``:
    see :func:`build_trend_chart`)."""
    chart = build_trend_chart(data, options, theme, width_inches, vector=True, aspect=aspect)
    chart.set_range(start, end)
    return chart.figure


Plan = list[tuple[str, float, Callable[[Axes], object]]]


def _plan(ctx: PanelContext, options: ChartOptions) -> Plan:
    """(panel name, height in inches, drawing function) for each panel to show."""
    plan: Plan = [(MOOD, 2.3, lambda ax: draw_ratings(ax, ctx, options.other_scales))]
    for instrument, name in ((Instrument.PHQ9, PHQ9), (Instrument.GAD7, GAD7)):
        if complete_scores(ctx, instrument):
            plan.append((name, 1.35, partial(draw_scores, ctx=ctx, instrument=instrument)))
    if ctx.data.sleep:
        plan.append((SLEEP, 1.4, lambda ax: draw_sleep(ax, ctx)))
        if options.efficiency:
            plan.append((EFFICIENCY, 0.9, lambda ax: draw_efficiency(ax, ctx)))
    effects = rated_side_effects(ctx)
    if effects:
        plan.append(
            (SIDE_EFFECTS, 0.3 + 0.2 * len(effects), lambda ax: draw_side_effects(ax, ctx, effects))
        )
    trackers = {tracker.id: tracker for tracker in ctx.data.trackers}
    for tracker_id in options.trackers:
        if tracker_id in trackers:
            plan.append(
                (
                    f"tracker-{tracker_id}",
                    0.9,
                    partial(draw_tracker, ctx=ctx, tracker=trackers[tracker_id]),
                )
            )
    rows = lane_rows(ctx)
    if rows:
        plan.append(
            # A course's row name has two lines (its name and its session count).
            (
                TREATMENTS,
                0.25 + (0.36 if any(_two_lines(r) for r in rows) else 0.26) * len(rows),
                lambda ax: draw_treatments(ax, ctx, rows),
            )
        )
    medications = adherence_medications(ctx)
    if medications:
        plan.append(
            (
                ADHERENCE,
                0.25 + 0.2 * len(medications),
                lambda ax: draw_adherence(ax, ctx, medications),
            )
        )
    return plan


def _two_lines(row: LaneRow) -> bool:
    """A course's row name (its session count) and an as-needed medicine's take two lines."""
    medication = row.medication
    return row.course is not None or (
        medication is not None and medication.schedule is Schedule.AS_NEEDED
    )


def _legend_with_marks(ax: Axes, ctx: PanelContext, above: float) -> None:
    """The mood panel's legend, with the course shading and the dotted medication lines
    (drawn on several panels) named once."""
    handles: list[Artist] = list(ax.get_legend_handles_labels()[0])
    theme = ctx.theme
    if any(a.get_gid() == "course-spans" for a in ax.get_children()):
        handles.append(
            Patch(
                facecolor=theme.course_span,
                alpha=min(1.0, theme.course_span_alpha * 2.5),
                label=translate("TrendChart", "Treatment course"),
            )
        )
    if any(a.get_gid() == "medication-changes" for a in ax.get_children()):
        handles.append(
            Line2D(
                [],
                [],
                color=theme.muted_text,
                linestyle=":",
                label=translate("TrendChart", "Medication change"),
            )
        )
    ax.legend(
        handles=handles,
        loc="lower left",
        bbox_to_anchor=(0, above),
        ncols=4,
        fontsize="small",
        frameon=False,
    )


def _shade_courses(chart: TrendChart, ctx: PanelContext) -> None:
    """Every course's span, lightly shaded across the panels drawn with lines: one
    collection per panel (cheaper to draw than a patch per course)."""
    spans = [
        (day_number(course.started), float(((course.ended or ctx.end) - course.started).days + 1))
        for course in ctx.data.courses
        if course.started <= ctx.end and (course.ended or ctx.end) >= ctx.start
    ]
    if not spans:
        return
    for name, ax in chart.axes.items():
        if name in (TREATMENTS, ADHERENCE, SIDE_EFFECTS):
            continue
        ax.broken_barh(
            spans,
            (0, 1),
            transform=ax.get_xaxis_transform(),  # x in days, y from bottom (0) to top (1)
            facecolors=ctx.theme.course_span,
            alpha=ctx.theme.course_span_alpha,
            linewidth=0,
            zorder=0,
            gid="course-spans",
        )


def _mark_medication_changes(ax: Axes, ctx: PanelContext) -> None:
    """A dotted line on the mood panel wherever a medication started, changed dose or
    stopped, so what changed lines up with how the days went."""
    days: set[date] = set()
    for medication in ctx.data.medications:
        days.add(medication.started)
        days.update(step.start for step in medication.sorted_doses[1:])
        if medication.stopped is not None:
            days.add(medication.stopped)
    shown = sorted(day_number(d) for d in days if ctx.start <= d <= ctx.end)
    if shown:
        ax.vlines(
            shown,
            0,
            1,
            transform=ax.get_xaxis_transform(),
            colors=ctx.theme.muted_text,
            linestyles=":",
            linewidth=0.9,
            zorder=1,
            gid="medication-changes",
        )
