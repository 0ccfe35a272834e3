"""Where everything on the treatment timeline goes for one set of lanes, font, width and
visible range: rows and their labels, dose bars, session marks, grid, axis and legend.

Worked out once when one of those changes, so that painting (timeline_painting) only draws
and hit-testing (timeline_hit_testing) only looks up."""

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QLine, QLineF, QLocale, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPolygonF

from moodlog.domain.medications import format_dose
from moodlog.ui.timeline_axis import LabelWidths, Tick, axis_ticks
from moodlog.ui.timeline_colours import ROLE_HUES
from moodlog.ui.timeline_lanes import CourseLane, Lane, MedicationLane, Segment, ordinal_of
from moodlog.ui.timeline_legend import LegendEntry, legend_entries
from moodlog.ui.timeline_range import DateRange

MARGIN = 4  # room for the focus frame
_LANE_FACTOR = 1.6  # lane height in font heights
_HEADING_FACTOR = 1.3


@dataclass(frozen=True, slots=True)
class TimelineFonts:
    """The fonts the timeline writes in, and the sizes that follow from them."""

    regular: QFont
    metrics: QFontMetrics
    bold: QFont  # lane names and group headings
    bold_metrics: QFontMetrics
    small: QFont  # the dose written on a bar
    small_metrics: QFontMetrics

    @classmethod
    def of(cls, font: QFont, metrics: QFontMetrics) -> "TimelineFonts":
        bold = QFont(font)
        bold.setBold(True)
        small = QFont(font)
        small.setPointSizeF(max(6.0, font.pointSizeF() * 0.9))
        return cls(font, metrics, bold, QFontMetrics(bold), small, QFontMetrics(small))

    @property
    def em(self) -> int:
        return self.metrics.horizontalAdvance("M")

    @property
    def line(self) -> int:
        return self.metrics.height()


@dataclass(frozen=True, slots=True)
class TimeScale:
    """Days to x and back, for one visible range across the plot from ``left`` to ``right``
    (x = offset + ordinal × pixels per day)."""

    left: float
    right: float
    first_day: int  # the ordinal of the first day shown
    days: int  # how many are shown (at least one)
    offset: float
    per_day: float

    @classmethod
    def fit(cls, shown: DateRange, left: float, right: float) -> "TimeScale":
        start, end = shown
        days = max(1, (end - start).days)
        per_day = (right - left) / days
        return cls(
            left, right, start.toordinal(), days, left - start.toordinal() * per_day, per_day
        )

    def x(self, ordinal: float) -> float:
        return self.offset + ordinal * self.per_day

    def x_for(self, day: date) -> float:
        """The x of the start of ``day``."""
        return self.x(day.toordinal())

    def ordinal_at(self, x: float) -> float:
        return self.first_day + (x - self.left) / max(1.0, self.right - self.left) * self.days

    def visible_ordinals(self) -> tuple[float, float]:
        """The days at the plot's ends, with two pixels to spare either side."""
        return self.ordinal_at(self.left - 2), self.ordinal_at(self.right + 2)


@dataclass(frozen=True, slots=True)
class Heading:
    """A group's title, with a rule running on to the right edge."""

    top: int
    height: int
    rect: QRect
    text: str
    rule: QLine


@dataclass(frozen=True, slots=True)
class Bar:
    """One dose step on screen."""

    segment: Segment
    rect: QRectF
    weight: float  # how strongly the lane's hue shows (0 to 1)
    label: str  # the dose, "" where it does not fit
    label_rect: QRectF


@dataclass(frozen=True, slots=True)
class DoseBars:
    """A medication's visible dose steps; a taller bar is a higher dose."""

    hue: QColor
    dashed: bool  # dates entered by month
    bars: tuple[Bar, ...]
    outlines: tuple[QRectF, ...]
    arrow: QPolygonF | None  # still taking (shown only with the last step)


@dataclass(frozen=True, slots=True)
class SessionMarks:
    """A course's span and its visible sessions: ticks, or diamonds for setting changes."""

    span: QRectF
    outline: QRectF
    ticks: tuple[QLineF, ...]  # one per pixel column: sessions closer than that share one
    diamonds: tuple[QPolygonF, ...]
    arrow: QPolygonF | None  # under way


@dataclass(frozen=True, slots=True)
class LaneRow:
    index: int
    top: int
    height: int
    rect: QRect  # the whole row: its label and its bars
    label_rect: QRect  # filled with the highlight when the lane is current and focused
    name: str  # elided to fit
    name_rect: QRect
    detail: str  # "" where there is no room
    detail_rect: QRect
    clip: QRectF  # bars and marks stay inside it
    marks: DoseBars | SessionMarks


@dataclass(frozen=True, slots=True)
class Axis:
    line: QLine
    ticks: tuple[QLine, ...]
    labels: tuple[tuple[QRectF, str], ...]  # those that do not overlap the one before


@dataclass(frozen=True, slots=True)
class LegendItem:
    entry: LegendEntry
    swatch: QRectF
    text_rect: QRectF


@dataclass(frozen=True, slots=True)
class TimelineScene:
    width: int
    shown: DateRange
    fonts: TimelineFonts
    scale: TimeScale
    plot_top: int
    rows_bottom: int
    rows: tuple[Heading | LaneRow, ...]  # top to bottom
    lane_rows: tuple[LaneRow, ...]  # one per lane, in lane order
    grid: tuple[QLineF, ...]
    axis: Axis
    legend: tuple[LegendItem, ...]

    def plot_rect(self) -> QRect:
        left, right = self.scale.left, self.scale.right
        return QRect(
            round(left), self.plot_top, round(right - left), self.rows_bottom - self.plot_top
        )


@dataclass(frozen=True, slots=True)
class _RowSpan:
    top: int
    height: int
    lane: int | None  # None for a group heading
    heading: str = ""


def build_scene(
    lanes: Sequence[Lane], fonts: TimelineFonts, locale: QLocale, width: int, shown: DateRange
) -> TimelineScene:
    spans = _row_spans(lanes, fonts.line)
    rows_bottom = _rows_bottom(spans, fonts.line)
    label_width = _label_width(lanes, fonts, width)
    left = MARGIN + label_width + fonts.em
    right = width - MARGIN - fonts.em  # room for the "still taking" arrow
    scale = TimeScale.fit(shown, float(left), float(max(right, left + 1)))
    rows: list[Heading | LaneRow] = []
    for span in spans:
        if span.lane is None:
            rows.append(_heading(span, fonts, width))
        else:
            lane = lanes[span.lane]
            rows.append(_lane_row(span, span.lane, lane, label_width, fonts, width, scale))
    plot_top = spans[0].top if spans else MARGIN
    ticks = axis_ticks(*shown, scale.per_day, LabelWidths.measure(fonts.metrics, locale), locale)
    tick_xs = (round(scale.x_for(tick.day)) for tick in ticks)
    grid = tuple(
        QLineF(x, plot_top, x, rows_bottom) for x in tick_xs if scale.left <= x <= scale.right
    )
    return TimelineScene(
        width=width,
        shown=shown,
        fonts=fonts,
        scale=scale,
        plot_top=plot_top,
        rows_bottom=rows_bottom,
        rows=tuple(rows),
        lane_rows=tuple(row for row in rows if isinstance(row, LaneRow)),
        grid=grid,
        axis=_axis(ticks, scale, fonts, width, rows_bottom),
        legend=_legend(lanes, fonts, width, rows_bottom + axis_height(fonts.line)),
    )


def content_height(lanes: Sequence[Lane], metrics: QFontMetrics, width: int) -> int:
    """The height that shows every lane, the axis and the legend at ``width``."""
    line = metrics.height()
    legend = len(legend_lines(legend_entries(lanes), metrics, width)) * (line + 4)
    rows_bottom = _rows_bottom(_row_spans(lanes, line), line)
    return rows_bottom + axis_height(line) + legend + line // 2 + MARGIN


def axis_height(line: int) -> int:
    return 6 + 2 * line


def legend_lines(
    entries: Sequence[LegendEntry], metrics: QFontMetrics, width: int
) -> list[list[tuple[LegendEntry, int]]]:
    """The entries in lines that fit ``width``, each with the x where its swatch starts."""
    swatch = 2 * metrics.horizontalAdvance("M")
    gap = 2 * metrics.horizontalAdvance("M")
    lines: list[list[tuple[LegendEntry, int]]] = [[]]
    x = MARGIN
    for entry in entries:
        entry_width = swatch + 6 + metrics.horizontalAdvance(entry.text)
        if lines[-1] and x + entry_width > width - MARGIN:
            lines.append([])
            x = MARGIN
        lines[-1].append((entry, x))
        x += entry_width + gap
    return [line for line in lines if line]


def arrow_shape(rect: QRectF, line: int) -> QPolygonF:
    """An open end: the bar ``rect`` carries on (still taking, or a course under way)."""
    size = min(rect.height(), line * 0.8)
    middle = rect.center().y()
    x = rect.right() + 1
    return QPolygonF(
        [
            QPointF(x, middle - size / 2),
            QPointF(x + size * 0.6, middle),
            QPointF(x, middle + size / 2),
        ]
    )


def diamond_shape(centre: QPointF, radius: float) -> QPolygonF:
    """A setting change (VNS, DBS)."""
    x, y = centre.x(), centre.y()
    return QPolygonF(
        [
            QPointF(x, y - radius),
            QPointF(x + radius, y),
            QPointF(x, y + radius),
            QPointF(x - radius, y),
        ]
    )


def _row_spans(lanes: Sequence[Lane], line: int) -> list[_RowSpan]:
    """A heading where the group changes, then a row per lane."""
    lane_height, heading_height = round(_LANE_FACTOR * line), round(_HEADING_FACTOR * line)
    spans: list[_RowSpan] = []
    top = MARGIN + 2
    group = None
    for index, lane in enumerate(lanes):
        if lane.group != group:
            group = lane.group
            spans.append(_RowSpan(top, heading_height, None, group))
            top += heading_height
        spans.append(_RowSpan(top, lane_height, index))
        top += lane_height
    return spans


def _rows_bottom(spans: Sequence[_RowSpan], line: int) -> int:
    if not spans:
        return MARGIN + 2 + round(_LANE_FACTOR * line) * 2
    return spans[-1].top + spans[-1].height


def _label_width(lanes: Sequence[Lane], fonts: TimelineFonts, width: int) -> int:
    """The widest lane label (as _lane_row lays it out), within a share of ``width``."""
    metrics = fonts.metrics
    spaces = 2 * metrics.horizontalAdvance(" ")
    widths = [
        fonts.em
        + fonts.bold_metrics.horizontalAdvance(lane.name)
        + (spaces + metrics.horizontalAdvance(lane.detail) if lane.detail else 0)
        for lane in lanes
    ]
    return min(max(widths, default=0) + 8, max(int(width * 0.36), 8 * fonts.em))


def _heading(span: _RowSpan, fonts: TimelineFonts, width: int) -> Heading:
    rect = QRect(MARGIN + 2, span.top, width - 2 * MARGIN, span.height)
    flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom
    text = fonts.bold_metrics.elidedText(span.heading, Qt.TextElideMode.ElideRight, rect.width())
    bounds = fonts.bold_metrics.boundingRect(rect, flags, text)
    y = bounds.center().y()
    rule = QLine(bounds.right() + 8, y, width - MARGIN - 2, y)
    return Heading(span.top, span.height, rect, text, rule)


def _lane_row(
    span: _RowSpan,
    index: int,
    lane: Lane,
    label_width: int,
    fonts: TimelineFonts,
    width: int,
    scale: TimeScale,
) -> LaneRow:
    label_rect = QRect(MARGIN, span.top, label_width + 2, span.height)
    text_rect = label_rect.adjusted(fonts.em, 0, -4, 0)  # lanes sit under their heading
    metrics, bold_metrics = fonts.metrics, fonts.bold_metrics
    name = bold_metrics.elidedText(lane.name, Qt.TextElideMode.ElideRight, text_rect.width())
    used = bold_metrics.horizontalAdvance(name) + metrics.horizontalAdvance(" ") * 2
    room = text_rect.width() - used
    detail = ""
    if lane.detail and room > metrics.horizontalAdvance("M…"):
        detail = metrics.elidedText(lane.detail, Qt.TextElideMode.ElideRight, room)
    clip_width = scale.right - scale.left + fonts.em + 2
    if isinstance(lane, MedicationLane):
        marks: DoseBars | SessionMarks = _dose_bars(lane, span, fonts, scale)
    else:
        marks = _session_marks(lane, span, fonts, scale)
    return LaneRow(
        index=index,
        top=span.top,
        height=span.height,
        rect=QRect(MARGIN, span.top, width - 2 * MARGIN, span.height),
        label_rect=label_rect,
        name=name,
        name_rect=text_rect,
        detail=detail,
        detail_rect=text_rect.adjusted(used, 0, 0, 0),
        clip=QRectF(scale.left - 1, span.top, clip_width, span.height),
        marks=marks,
    )


def _dose_bars(
    lane: MedicationLane, span: _RowSpan, fonts: TimelineFonts, scale: TimeScale
) -> DoseBars:
    pad = max(3, span.height // 8)
    bottom = span.top + span.height - pad
    full = span.height - 2 * pad
    first, last = scale.visible_ordinals()
    start_index = bisect_left(lane.segments, first, key=lambda s: s.end.toordinal())
    bars: list[Bar] = []
    for segment in lane.segments[start_index:]:
        if segment.start.toordinal() > last:
            break
        x0 = scale.x_for(segment.start)
        x1 = max(scale.x_for(segment.end), x0 + 2)  # a very short step stays visible
        height = full * (0.5 + 0.5 * segment.ratio)
        rect = QRectF(x0, bottom - height, x1 - x0, height)
        weight = (0.45 if lane.approximate else 0.55) + 0.4 * segment.ratio
        label, label_rect = _dose_label(segment, rect, lane.item.unit, fonts)
        bars.append(Bar(segment, rect, weight, label, label_rect))
    shows_end = bool(bars) and bars[-1].segment is lane.segments[-1]
    return DoseBars(
        hue=ROLE_HUES[lane.item.role],
        dashed=lane.approximate,
        bars=tuple(bars),
        outlines=tuple(bar.rect.adjusted(0.5, 0.5, -0.5, -0.5) for bar in bars),
        arrow=arrow_shape(bars[-1].rect, fonts.line) if lane.open_ended and shows_end else None,
    )


def _dose_label(
    segment: Segment, bar: QRectF, unit: str, fonts: TimelineFonts
) -> tuple[str, QRectF]:
    """The dose, centred on the bar, where the bar has room for it."""
    metrics = fonts.small_metrics
    if bar.width() < 3 * fonts.em or bar.height() < metrics.height():
        return "", QRectF()
    label = format_dose(segment.step.dose, unit)
    width = metrics.horizontalAdvance(label) + 8
    if width > bar.width():
        return "", QRectF()
    rect = QRectF(0, 0, width, metrics.height())
    rect.moveCenter(bar.center())
    return label, rect


def _session_marks(
    lane: CourseLane, row: _RowSpan, fonts: TimelineFonts, scale: TimeScale
) -> SessionMarks:
    pad = max(3, row.height // 8)
    begins = scale.x_for(lane.start)
    ends = scale.x_for(lane.end + timedelta(days=1))  # ``end`` is the course's last day
    span = QRectF(begins, row.top + pad, max(2.0, ends - begins), row.height - 2 * pad)
    first, last = scale.visible_ordinals()
    days = [ordinal_of(s.at) for s in lane.sessions]
    xs = [scale.x(day) for day in days[bisect_left(days, first) : bisect_right(days, last)]]
    ticks: tuple[QLineF, ...] = ()
    diamonds: tuple[QPolygonF, ...] = ()
    if lane.markers:
        radius = span.height() / 2 - 1
        middle = span.center().y()
        diamonds = tuple(diamond_shape(QPointF(x, middle), radius) for x in xs)
    else:
        top, bottom = round(span.top()) + 2, round(span.bottom()) - 2
        ticks = tuple(QLineF(x, top, x, bottom) for x in sorted({round(x) for x in xs}))
    return SessionMarks(
        span=span,
        outline=span.adjusted(0.5, 0.5, -0.5, -0.5),
        ticks=ticks,
        diamonds=diamonds,
        arrow=arrow_shape(span, fonts.line) if lane.open_ended else None,
    )


def _axis(
    ticks: Sequence[Tick], scale: TimeScale, fonts: TimelineFonts, width: int, top: int
) -> Axis:
    """A mark per tick under the plot; labels below, and years on a second line."""
    placed = [(scale.x_for(tick.day), tick) for tick in ticks]
    shown = [(x, tick) for x, tick in placed if scale.left - 0.5 <= x <= scale.right + 0.5]
    y = top + 6
    labels = [(x, tick.label) for x, tick in shown]
    years = [(x, tick.year_label) for x, tick in shown if tick.year_label]
    return Axis(
        line=QLine(round(scale.left), top + 1, round(scale.right), top + 1),
        ticks=tuple(QLine(round(x), top + 1, round(x), top + 5) for x, _ in shown),
        labels=(
            *_label_row(labels, y, fonts, width, spacing=4),
            *_label_row(years, y + fonts.line, fonts, width, spacing=8),
        ),
    )


def _label_row(
    labels: Sequence[tuple[float, str]], y: float, fonts: TimelineFonts, width: int, spacing: int
) -> list[tuple[QRectF, str]]:
    """Each label centred under its x (kept inside the widget), skipping any that would
    overlap the one before."""
    placed: list[tuple[QRectF, str]] = []
    previous_right = -1.0
    for x, text in labels:
        text_width = fonts.metrics.horizontalAdvance(text)
        left = min(max(x - text_width / 2, MARGIN), width - MARGIN - text_width)
        if left > previous_right:
            placed.append((QRectF(left, y, text_width, fonts.line), text))
            previous_right = left + text_width + spacing
    return placed


def _legend(
    lanes: Sequence[Lane], fonts: TimelineFonts, width: int, top: int
) -> tuple[LegendItem, ...]:
    line = fonts.line
    swatch_width = 2 * fonts.em
    items: list[LegendItem] = []
    y = top + line // 2
    for entries in legend_lines(legend_entries(lanes), fonts.metrics, width):
        for entry, x in entries:
            swatch = QRectF(x, y + 3, swatch_width, line - 6)
            text_width = fonts.metrics.horizontalAdvance(entry.text) + 2
            items.append(
                LegendItem(entry, swatch, QRectF(x + swatch_width + 6, y, text_width, line))
            )
        y += line + 4
    return tuple(items)
