"""Painting the treatment timeline: draws a TimelineScene in one palette's colours. Nothing
is measured or placed here (timeline_scene did that once); this only draws.

Meaning never rests on colour alone: a taller bar is a higher dose, hatching marks a dose
below the adequate minimum, a dashed outline dates entered by month, an arrow an open end."""

from collections.abc import Callable, Iterable

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen, QPolygonF

from moodlog.domain.medications import MedicationRole
from moodlog.ui.timeline_colours import ROLE_HUES, TimelineColours
from moodlog.ui.timeline_legend import Swatch
from moodlog.ui.timeline_scene import (
    MARGIN,
    DoseBars,
    Heading,
    LaneRow,
    SessionMarks,
    TimelineFonts,
    TimelineScene,
    arrow_shape,
    diamond_shape,
)

_LABEL_FLAGS = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_LEGEND_HUE = ROLE_HUES[MedicationRole.ANTIDEPRESSANT]


def paint_timeline(
    painter: QPainter,
    scene: TimelineScene,
    colours: TimelineColours,
    exposed: QRect,
    current: int | None,
    focused: bool,
) -> None:
    """Paint what ``exposed`` shows of ``scene``; lane ``current`` is highlighted (and has
    the focus frame while the timeline has the focus)."""
    if scene.grid:
        painter.setPen(QPen(colours.grid, 1))
        painter.drawLines(scene.grid)
    for row in scene.rows:
        if row.top > exposed.bottom() or row.top + row.height < exposed.top():
            continue  # paint only what is visible
        if isinstance(row, Heading):
            _paint_heading(painter, row, scene.fonts, colours)
        else:
            _paint_lane(painter, row, scene.fonts, colours, row.index == current, focused)
    if scene.rows_bottom <= exposed.bottom():
        _paint_axis(painter, scene, colours)
        _paint_legend(painter, scene, colours)
    if current is not None and focused:
        _paint_focus_frame(painter, scene.lane_rows[current].rect, colours)


def paint_empty(
    painter: QPainter, rect: QRect, sentence: str, colours: TimelineColours, focused: bool
) -> None:
    """No lanes: ``sentence`` says so in the middle."""
    painter.setPen(colours.text)
    painter.drawText(
        rect.adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN),
        Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
        sentence,
    )
    if focused:
        _paint_focus_frame(painter, rect.adjusted(1, 1, -1, -1), colours)


def _paint_focus_frame(painter: QPainter, rect: QRect, colours: TimelineColours) -> None:
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(QPen(colours.highlight, 2))
    painter.drawRect(QRectF(rect).adjusted(1, 1, -1, -1))


def _paint_heading(
    painter: QPainter, heading: Heading, fonts: TimelineFonts, colours: TimelineColours
) -> None:
    painter.setFont(fonts.bold)
    painter.setPen(colours.text)
    painter.drawText(
        heading.rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, heading.text
    )
    painter.setPen(QPen(colours.heading_rule, 1))
    painter.drawLine(heading.rule)


def _paint_lane(
    painter: QPainter,
    row: LaneRow,
    fonts: TimelineFonts,
    colours: TimelineColours,
    current: bool,
    focused: bool,
) -> None:
    text = colours.text
    if current:
        painter.fillRect(row.rect, colours.band)
        if focused:
            painter.fillRect(row.label_rect, colours.highlight)
            text = colours.highlighted_text
    painter.setPen(text)
    painter.setFont(fonts.bold)
    painter.drawText(row.name_rect, _LABEL_FLAGS, row.name)
    if row.detail:
        painter.setFont(fonts.regular)
        painter.drawText(row.detail_rect, _LABEL_FLAGS, row.detail)
    painter.save()
    painter.setClipRect(row.clip)
    if isinstance(row.marks, DoseBars):
        _paint_dose_bars(painter, row.marks, fonts, colours)
    else:
        _paint_session_marks(painter, row.marks, colours)
    painter.restore()


def _paint_dose_bars(
    painter: QPainter, marks: DoseBars, fonts: TimelineFonts, colours: TimelineColours
) -> None:
    if not marks.bars:
        return
    for bar in marks.bars:
        fill, ink = colours.fill_and_ink(marks.hue, bar.weight)
        painter.fillRect(bar.rect, fill)
        if bar.segment.below_minimum:
            painter.fillRect(bar.rect, QBrush(ink, Qt.BrushStyle.BDiagPattern))
    outline = colours.outline(marks.hue)
    dashed = QPen(colours.text, 1, Qt.PenStyle.DashLine)
    painter.setPen(dashed if marks.dashed else QPen(outline, 1))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRects(marks.outlines)
    painter.setFont(fonts.small)
    for bar in marks.bars:
        if not bar.label:
            continue
        fill, ink = colours.fill_and_ink(marks.hue, bar.weight)
        if bar.segment.below_minimum:
            painter.fillRect(bar.label_rect, fill)  # the hatching never runs through text
        painter.setPen(ink)
        painter.drawText(bar.label_rect, Qt.AlignmentFlag.AlignCenter, bar.label)
    if marks.arrow is not None:
        _paint_shapes(painter, [marks.arrow], Qt.PenStyle.NoPen, outline)


def _paint_session_marks(painter: QPainter, marks: SessionMarks, colours: TimelineColours) -> None:
    painter.fillRect(marks.span, colours.course_fill)
    painter.setPen(QPen(colours.course_outline, 1))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(marks.outline)
    if marks.ticks:
        painter.setPen(QPen(colours.session_tick, 1))
        painter.drawLines(marks.ticks)  # one call for all of them: ~200 sessions stay cheap
    if marks.diamonds:
        _paint_shapes(painter, marks.diamonds, QPen(colours.text, 1), colours.setting_change)
    if marks.arrow is not None:
        _paint_shapes(painter, [marks.arrow], Qt.PenStyle.NoPen, colours.course_arrow)


def _paint_shapes(
    painter: QPainter, shapes: Iterable[QPolygonF], pen: QPen | Qt.PenStyle, fill: QColor
) -> None:
    """Arrows or diamonds, antialiased."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(pen)
    painter.setBrush(fill)
    for shape in shapes:
        painter.drawPolygon(shape)
    painter.restore()


def _paint_axis(painter: QPainter, scene: TimelineScene, colours: TimelineColours) -> None:
    axis = scene.axis
    painter.setFont(scene.fonts.regular)
    painter.setPen(QPen(colours.text, 1))
    painter.drawLine(axis.line)
    if axis.ticks:
        painter.drawLines(axis.ticks)
    for rect, text in axis.labels:
        painter.drawText(rect, Qt.AlignmentFlag.AlignLeft, text)


def _paint_legend(painter: QPainter, scene: TimelineScene, colours: TimelineColours) -> None:
    painter.setFont(scene.fonts.regular)
    for item in scene.legend:
        _SWATCHES[item.entry.swatch](painter, item.swatch, colours, scene.fonts.line)
        painter.setPen(colours.text)
        painter.drawText(item.text_rect, _LABEL_FLAGS, item.entry.text)


def _inset(rect: QRectF) -> QRectF:
    """Where a one-pixel outline of ``rect`` runs (inside it)."""
    return rect.adjusted(0.5, 0.5, -0.5, -0.5)


def _height_swatch(painter: QPainter, swatch: QRectF, colours: TimelineColours, _: int) -> None:
    half = swatch.width() / 2
    low_height = swatch.height() * 0.55
    low = QRectF(swatch.left(), swatch.bottom() - low_height, half, low_height)
    high = QRectF(swatch.left() + half, swatch.top(), half, swatch.height())
    painter.fillRect(low, colours.fill_and_ink(_LEGEND_HUE, 0.5)[0])
    painter.fillRect(high, colours.fill_and_ink(_LEGEND_HUE, 0.85)[0])


def _hatched_swatch(painter: QPainter, swatch: QRectF, colours: TimelineColours, _: int) -> None:
    fill, ink = colours.fill_and_ink(_LEGEND_HUE, 0.6)
    painter.fillRect(swatch, fill)
    painter.fillRect(swatch, QBrush(ink, Qt.BrushStyle.BDiagPattern))
    painter.setPen(QPen(colours.outline(_LEGEND_HUE), 1))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(_inset(swatch))


def _dashed_swatch(painter: QPainter, swatch: QRectF, colours: TimelineColours, _: int) -> None:
    painter.fillRect(swatch, colours.fill_and_ink(_LEGEND_HUE, 0.5)[0])
    painter.setPen(QPen(colours.text, 1, Qt.PenStyle.DashLine))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(_inset(swatch))


def _arrow_swatch(painter: QPainter, swatch: QRectF, colours: TimelineColours, line: int) -> None:
    bar = QRectF(swatch.left(), swatch.top(), swatch.width() * 0.6, swatch.height())
    painter.fillRect(bar, colours.fill_and_ink(_LEGEND_HUE, 0.6)[0])
    arrow = arrow_shape(bar, line)
    _paint_shapes(painter, [arrow], Qt.PenStyle.NoPen, colours.outline(_LEGEND_HUE))


def _tick_swatch(painter: QPainter, swatch: QRectF, colours: TimelineColours, _: int) -> None:
    painter.fillRect(swatch, colours.course_fill)
    painter.setPen(QPen(colours.session_tick, 1))
    top, bottom = round(swatch.top()) + 2, round(swatch.bottom()) - 2
    for share in (0.25, 0.5, 0.75):
        x = round(swatch.left() + swatch.width() * share)
        painter.drawLine(x, top, x, bottom)


def _diamond_swatch(painter: QPainter, swatch: QRectF, colours: TimelineColours, _: int) -> None:
    diamond = diamond_shape(swatch.center(), swatch.height() / 2)
    _paint_shapes(painter, [diamond], QPen(colours.text, 1), colours.setting_change)


_SWATCHES: dict[Swatch, Callable[[QPainter, QRectF, TimelineColours, int], None]] = {
    "height": _height_swatch,
    "hatched": _hatched_swatch,
    "dashed": _dashed_swatch,
    "arrow": _arrow_swatch,
    "tick": _tick_swatch,
    "diamond": _diamond_swatch,
}
