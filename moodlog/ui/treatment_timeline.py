"""TreatmentTimeline: a person's medications and procedure courses on one time line.

Painted with QPainter (no matplotlib, which stays off the start-up path). One row per
medication, grouped antidepressants, then augmentation, then other medicines, each split at
its dose changes; one row per procedure course with a tick per session (a diamond per
setting change for VNS and DBS). Meaning never rests on colour alone: a taller bar is a
higher dose of that medicine and says its dose when it fits, a hatched bar is below the
adequate minimum, a dashed outline marks dates entered by month, and an arrow marks
"still taking".

This module holds the widget: the history it shows, the visible range, the highlighted lane
and the input. Its parts sit beside it: ``timeline_lanes`` (the lanes), ``timeline_range``
(zoom and pan), ``timeline_scene`` (where everything goes, worked out once per size and
range), ``timeline_painting``, ``timeline_hit_testing``, ``timeline_descriptions`` (tooltips
and the words for screen readers), ``timeline_axis``, ``timeline_legend`` and
``timeline_colours``.
"""

from collections.abc import Sequence
from datetime import date, datetime

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QFocusEvent,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QScrollArea, QSizePolicy, QToolTip, QWidget
from typing_extensions import override

from moodlog.domain.medications import Medication
from moodlog.domain.treatments import TreatmentCourse, TreatmentSession
from moodlog.ui.timeline_colours import TimelineColours, palette_key
from moodlog.ui.timeline_descriptions import (
    accessible_description,
    lane_line,
    summary_sentence,
    tooltip,
)
from moodlog.ui.timeline_hit_testing import hit_at, lane_at
from moodlog.ui.timeline_lanes import Hit, Item, Lane, build_lanes, ordinal_of, same_item
from moodlog.ui.timeline_legend import legend_entries
from moodlog.ui.timeline_painting import paint_empty, paint_timeline
from moodlog.ui.timeline_range import (
    DateRange,
    at_least_min_span,
    panned,
    whole_history,
    zoomed,
)
from moodlog.ui.timeline_scene import (
    TimelineFonts,
    TimelineScene,
    build_scene,
    content_height,
    legend_lines,
)

_ZOOM_STEP = 1.25
_PAN_STEP = 0.1  # of the visible range


class TreatmentTimeline(QWidget):
    """Treatment history on a time line; put it in a QScrollArea (it grows with its lanes).

    Signals:
        lane_activated(object): Enter or a double-click on a lane; the ``Medication`` or
            ``TreatmentCourse`` it shows.
    """

    lane_activated = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lanes: tuple[Lane, ...] = ()
        self._today = date.today()
        self._whole = whole_history(self._lanes, self._today)
        self._range = self._whole
        self._current: int | None = None
        # Worked out when first needed; each knows what it was worked out for.
        self._scene_cache: TimelineScene | None = None
        self._colours_cache: TimelineColours | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(self.tr("Treatment timeline"))
        self._update_description()

    # -- data ----------------------------------------------------------------------------

    def set_history(
        self,
        medications: Sequence[Medication],
        courses: Sequence[TreatmentCourse],
        sessions: Sequence[TreatmentSession],
        today: date,
    ) -> None:
        """Show this history; the range resets to all of it. The highlighted lane stays on
        the same medication or course when it is still there."""
        previous = self.current_item()
        self._today = today
        self._lanes = build_lanes(medications, courses, sessions, today)
        self._whole = whole_history(self._lanes, today)
        self._range = self._whole
        kept = [
            index
            for index, lane in enumerate(self._lanes)
            if previous is not None and same_item(lane.item, previous)
        ]
        self._current = kept[-1] if kept else (0 if self._lanes else None)
        self._relayout()

    def current_item(self) -> Item | None:
        """The highlighted lane's medication or course (``None`` when there are none)."""
        return None if self._current is None else self._lanes[self._current].item

    def lane_items(self) -> list[Item]:
        """What each lane shows, top to bottom."""
        return [lane.item for lane in self._lanes]

    def set_current_index(self, index: int) -> None:
        if not self._lanes:
            return
        index = max(0, min(index, len(self._lanes) - 1))
        if index != self._current:
            self._current = index
            self._update_description()
            self.update()
        self._scroll_to_current()

    def current_index(self) -> int | None:
        return self._current

    # -- range ---------------------------------------------------------------------------

    def set_range(self, start: date, end: date) -> None:
        """Show ``start`` to ``end`` (at least two weeks); :meth:`reset_range` shows all."""
        self._show(at_least_min_span(start, end))

    def reset_range(self) -> None:
        self._show(self._whole)

    def visible_range(self) -> tuple[date, date]:
        return self._range

    def _show(self, shown: DateRange) -> None:
        self._range = shown
        self.update()

    def _zoom(self, factor: float, anchor_x: float) -> None:
        """Zoom in (``factor`` > 1) or out keeping the day under ``anchor_x`` in place."""
        scale = self._scene().scale
        share = (anchor_x - scale.left) / max(1.0, scale.right - scale.left)
        self._show(zoomed(self._range, self._whole, factor, max(0.0, min(1.0, share))))

    def _pan(self, share: float) -> None:
        """Move the visible range by ``share`` of its width (within the whole history)."""
        self._show(panned(self._range, self._whole, share))

    # -- geometry ------------------------------------------------------------------------

    def _scene(self) -> TimelineScene:
        """Where everything goes at this width and range (worked out again when either
        changes, or after :meth:`_relayout`)."""
        scene = self._scene_cache
        if scene is None or scene.width != self.width() or scene.shown != self._range:
            fonts = TimelineFonts.of(self.font(), self.fontMetrics())
            scene = build_scene(self._lanes, fonts, self.locale(), self.width(), self._range)
            self._scene_cache = scene
        return scene

    def _colours(self) -> TimelineColours:
        palette = self.palette()
        colours = self._colours_cache
        if colours is None or colours.key != palette_key(palette):
            colours = self._colours_cache = TimelineColours(palette)
        return colours

    def _relayout(self) -> None:
        """The lanes, font, style or locale changed: everything is placed anew."""
        self._scene_cache = None
        self.updateGeometry()
        self._update_description()
        self.update()

    def plot_rect(self) -> QRect:
        """Where bars and ticks are drawn (lanes only, without labels or axis)."""
        return self._scene().plot_rect()

    def lane_rect(self, index: int) -> QRect:
        """The whole row of lane ``index`` (its label and its bars)."""
        if not 0 <= index < len(self._lanes):
            raise IndexError(f"no lane {index}")
        return QRect(self._scene().lane_rows[index].rect)

    def x_for(self, day: date) -> float:
        """The x of the start of ``day`` in the visible range (outside it, off the plot)."""
        return self._scene().scale.x_for(day)

    def x_for_time(self, at: datetime) -> float:
        """The x of a moment (where a session's tick is drawn)."""
        return self._scene().scale.x(ordinal_of(at))

    def lane_at(self, point: QPoint | QPointF) -> int | None:
        return lane_at(self._scene(), point.y())

    def segment_at(self, point: QPoint | QPointF) -> Hit | None:
        """What is under ``point``: a medication and its dose step, a course and its session
        (or ``None`` on the course's span or on a lane's label), else ``None``."""
        return hit_at(self._scene(), self._lanes, point.x(), point.y())

    def _legend_line_count(self, width: int) -> int:
        return len(legend_lines(legend_entries(self._lanes), self.fontMetrics(), width))

    @override
    def sizeHint(self) -> QSize:
        width = max(self.width(), 640)
        return QSize(900, content_height(self._lanes, self.fontMetrics(), width))

    @override
    def minimumSizeHint(self) -> QSize:
        return QSize(24 * self.fontMetrics().horizontalAdvance("M"), self.sizeHint().height())

    @override
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        old = self._legend_line_count(event.oldSize().width()) if event.oldSize().isValid() else 0
        if old != self._legend_line_count(event.size().width()):
            self.updateGeometry()  # the legend wrapped differently

    @override
    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (
            QEvent.Type.FontChange,
            QEvent.Type.StyleChange,
            QEvent.Type.LocaleChange,
            QEvent.Type.PaletteChange,
        ):
            self._relayout()
        super().changeEvent(event)

    # -- words ---------------------------------------------------------------------------

    def tooltip_for(self, hit: Hit) -> str:
        """The tooltip shown for ``hit`` (as :meth:`segment_at` returns it)."""
        item, part = hit
        return tooltip(self._lanes[self._index_of(item)], part, self.locale())

    def text_summary(self) -> str:
        """Each lane in one line, top to bottom (for screen readers and the report)."""
        return "\n".join(lane_line(lane, self.locale()) for lane in self._lanes)

    def summary_sentence(self) -> str:
        return summary_sentence(self._lanes, self._today, self.locale())

    def _update_description(self) -> None:
        self.setAccessibleDescription(
            accessible_description(self._lanes, self._current, self._today, self.locale())
        )

    def _index_of(self, item: Item) -> int:
        for index, lane in enumerate(self._lanes):
            if lane.item is item:
                return index
        for index, lane in enumerate(self._lanes):
            if same_item(lane.item, item):
                return index
        raise KeyError(item)

    # -- input ---------------------------------------------------------------------------

    @override
    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            self._show_tooltip(event)
            return True
        return super().event(event)

    def _show_tooltip(self, event: QHelpEvent) -> None:
        index = self.lane_at(event.pos())
        hit = self.segment_at(event.pos())
        if index is None or hit is None:
            QToolTip.hideText()
            event.ignore()
            return
        QToolTip.showText(event.globalPos(), self.tooltip_for(hit), self, self.lane_rect(index))

    @override
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        control = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        zoomed_in = self._range != self._whole
        if key == Qt.Key.Key_Up and self._current is not None:
            self.set_current_index(self._current - 1)
        elif key == Qt.Key.Key_Down and self._current is not None:
            self.set_current_index(self._current + 1)
        elif key == Qt.Key.Key_Home and self._lanes:
            self.set_current_index(0)
        elif key == Qt.Key.Key_End and self._lanes:
            self.set_current_index(len(self._lanes) - 1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._current is not None:
            self.lane_activated.emit(self._lanes[self._current].item)
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal) and control:
            self._zoom_about_centre(_ZOOM_STEP)
        elif key == Qt.Key.Key_Minus and control:
            self._zoom_about_centre(1 / _ZOOM_STEP)
        elif key == Qt.Key.Key_0 and control:
            self.reset_range()
        elif key == Qt.Key.Key_Left and zoomed_in:
            self._pan(-_PAN_STEP)
        elif key == Qt.Key.Key_Right and zoomed_in:
            self._pan(_PAN_STEP)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def _zoom_about_centre(self, factor: float) -> None:
        scale = self._scene().scale
        self._zoom(factor, (scale.left + scale.right) / 2)

    @override
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        index = self.lane_at(event.position())
        if index is not None:
            self.set_current_index(index)
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        event.accept()

    @override
    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        index = self.lane_at(event.position())
        if event.button() != Qt.MouseButton.LeftButton or index is None:
            super().mouseDoubleClickEvent(event)
            return
        self.set_current_index(index)
        self.lane_activated.emit(self._lanes[index].item)
        event.accept()

    @override
    def wheelEvent(self, event: QWheelEvent) -> None:
        delta = event.angleDelta()
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier and delta.y():
            self._zoom(_ZOOM_STEP ** (delta.y() / 120), event.position().x())
            event.accept()
        elif delta.x() and self._range != self._whole:
            self._pan(-_PAN_STEP * delta.x() / 120)
            event.accept()
        else:
            event.ignore()  # the scroll area around it scrolls

    @override
    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()

    @override
    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    def _scroll_to_current(self) -> None:
        if self._current is None:
            return
        area = self.parentWidget()
        while area is not None and not isinstance(area, QScrollArea):
            area = area.parentWidget()
        if isinstance(area, QScrollArea) and area.widget() is self:
            rect = self.lane_rect(self._current)
            area.ensureVisible(rect.center().x(), rect.center().y(), 0, rect.height())

    # -- painting ------------------------------------------------------------------------

    @override
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        colours = self._colours()
        painter.fillRect(event.rect(), colours.base)
        if self._lanes:
            scene = self._scene()
            paint_timeline(painter, scene, colours, event.rect(), self._current, self.hasFocus())
        else:
            paint_empty(painter, self.rect(), self.summary_sentence(), colours, self.hasFocus())
        painter.end()
