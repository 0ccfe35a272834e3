"""TreatmentTimeline: a person's medications and procedure courses on one time line.

Painted with QPainter (no matplotlib, which stays off the start-up path). One row per
medication, grouped antidepressants, then augmentation, then other medicines, each split at
its dose changes; one row per procedure course with a tick per session (a diamond per
setting change for VNS and DBS). Meaning never rests on colour alone: a taller bar is a
higher dose of that medicine and says its dose when it fits, a hatched bar is below the
adequate minimum, a dashed outline marks dates entered by month, and an arrow marks
"still taking".
"""

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from PySide6.QtCore import (
    QEvent,
    QLineF,
    QLocale,
    QPoint,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFocusEvent,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPolygonF,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QScrollArea, QSizePolicy, QToolTip, QWidget
from typing_extensions import override

from moodlog.domain.medications import DoseStep, Medication, MedicationRole, format_dose
from moodlog.domain.treatments import CourseKind, TreatmentCourse, TreatmentSession
from moodlog.ui.qt_dates import to_qdate

Item = Medication | TreatmentCourse
Hit = tuple[Item, DoseStep | TreatmentSession | None]

# Okabe-Ito hues (colour-blind safe), blended into the palette's base colour so they read in
# light and dark themes.
_HUES = {
    MedicationRole.ANTIDEPRESSANT: QColor("#0072B2"),  # blue
    MedicationRole.AUGMENTATION: QColor("#009E73"),  # bluish green
    MedicationRole.OTHER: QColor("#CC79A7"),  # reddish purple
}
_PROCEDURE_HUE = QColor("#E69F00")  # orange

_GROUP_TITLES = {
    MedicationRole.ANTIDEPRESSANT: "Antidepressants",
    MedicationRole.AUGMENTATION: "Augmentation and add-ons",
    MedicationRole.OTHER: "Other medicines",
}
_PROCEDURES_TITLE = "Procedures and therapies"
_MARKER_KINDS = (CourseKind.VNS, CourseKind.DBS)

BELOW_MINIMUM_TEXT = "below the adequate minimum (editable default)"

_MARGIN = 4  # room for the focus frame
_LANE_FACTOR = 1.6  # lane height in font heights
_MIN_SPAN_DAYS = 14
_HIT_SLOP = 4  # pixels either side of a session tick or marker that still count
_ZOOM_STEP = 1.25
_MONTH_TICKS_UP_TO_DAYS = 3 * 365  # longer spans are marked in years


@dataclass(frozen=True, slots=True)
class _Segment:
    """One dose step of a medication, drawn from ``start`` to ``end``."""

    start: date
    end: date
    step: DoseStep
    ratio: float  # the dose relative to the medication's highest dose, 0 to 1
    below_minimum: bool


@dataclass(frozen=True, slots=True)
class _Lane:
    item: Item
    group: str
    hue: QColor
    name: str
    detail: str
    start: date
    end: date
    open_ended: bool
    approximate: bool
    segments: tuple[_Segment, ...]
    segment_ends: tuple[int, ...]  # ordinals of each segment's end, for bisect
    sessions: tuple[TreatmentSession, ...]
    session_days: tuple[float, ...]  # fractional ordinals of each session, for bisect
    markers: bool  # VNS/DBS: diamonds rather than ticks

    @property
    def is_medication(self) -> bool:
        return isinstance(self.item, Medication)


@dataclass(frozen=True, slots=True)
class _Row:
    top: int
    height: int
    lane: int | None  # None for a group heading
    heading: str = ""


@dataclass(frozen=True, slots=True)
class _Tick:
    day: date
    label: str
    year_label: str  # shown on a second row where the year changes ("" for none)


class TreatmentTimeline(QWidget):
    """Treatment history on a time line; put it in a QScrollArea (it grows with its lanes).

    Signals:
        lane_activated(object): Enter or a double-click on a lane; the ``Medication`` or
            ``TreatmentCourse`` it shows.
    """

    lane_activated = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lanes: list[_Lane] = []
        self._rows: list[_Row] = []
        self._lane_rows: list[_Row] = []
        self._today = date.today()
        self._full: tuple[date, date] = (self._today - timedelta(days=365), self._today)
        self._range: tuple[date, date] = self._full
        self._current: int | None = None
        self._natural_label_width = 0
        self._colours: dict[tuple[int, int, int, int], tuple[QColor, QColor]] = {}
        self._small: tuple[QFont, QFontMetrics] | None = None
        self._em = self.fontMetrics().horizontalAdvance("M")  # kept up to date by _relayout
        self._legend: list[tuple[str, str]] = []
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName("Treatment timeline")
        self._relayout()
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
        by_course: dict[int, list[TreatmentSession]] = {}
        for session in sessions:
            by_course.setdefault(session.course_id, []).append(session)
        lanes: list[_Lane] = []
        for role in MedicationRole:
            chosen = sorted(
                (m for m in medications if m.role is role),
                key=lambda m: (m.started, m.name.casefold()),
            )
            lanes.extend(_medication_lane(m, today) for m in chosen)
        for course in sorted(courses, key=lambda c: (c.started, c.kind.label)):
            own = by_course.get(course.id, []) if course.id is not None else []
            lanes.append(_course_lane(course, own, today))
        self._lanes = lanes
        self._full = _full_range(lanes, today)
        self._range = self._full
        self._current = None
        for index, lane in enumerate(lanes):
            if previous is not None and _same_item(lane.item, previous):
                self._current = index
        if self._current is None and lanes:
            self._current = 0
        self._legend = _legend_entries(lanes)
        self._relayout()
        self._update_description()
        self.update()

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
        if end < start:
            start, end = end, start
        if (end - start).days < _MIN_SPAN_DAYS:
            middle = start + (end - start) / 2
            start = middle - timedelta(days=_MIN_SPAN_DAYS // 2)
            end = start + timedelta(days=_MIN_SPAN_DAYS)
        self._range = (start, end)
        self.update()

    def reset_range(self) -> None:
        self._range = self._full
        self.update()

    def visible_range(self) -> tuple[date, date]:
        return self._range

    def _zoom(self, factor: float, anchor_x: float) -> None:
        """Zoom in (``factor`` > 1) or out keeping the day under ``anchor_x`` in place."""
        start, end = self._range
        span = (end - start).days
        full_span = (self._full[1] - self._full[0]).days
        new_span = max(_MIN_SPAN_DAYS, round(span / factor))
        if new_span >= full_span:
            self.reset_range()
            return
        plot = self._plot_bounds()
        share = (anchor_x - plot[0]) / max(1.0, plot[1] - plot[0])
        share = max(0.0, min(1.0, share))
        anchor = start.toordinal() + share * span
        new_start = round(anchor - share * new_span)
        new_start = max(
            self._full[0].toordinal(), min(new_start, self._full[1].toordinal() - new_span)
        )
        first = date.fromordinal(new_start)
        self.set_range(first, first + timedelta(days=new_span))

    def _pan(self, share: float) -> None:
        """Move the visible range by ``share`` of its width (within the whole history)."""
        start, end = self._range
        span = (end - start).days
        if self._range == self._full:
            return
        shift = round(span * share) or (1 if share > 0 else -1)
        low, high = self._full[0].toordinal(), self._full[1].toordinal() - span
        new_start = max(low, min(start.toordinal() + shift, high))
        first = date.fromordinal(new_start)
        self.set_range(first, first + timedelta(days=span))

    # -- geometry ------------------------------------------------------------------------

    def _metrics(self) -> tuple[int, int, int]:
        """(font height, lane height, heading height)."""
        height = self.fontMetrics().height()
        return height, round(_LANE_FACTOR * height), round(1.3 * height)

    def _relayout(self) -> None:
        self._colours.clear()
        self._small = None
        _, lane_height, heading_height = self._metrics()
        rows: list[_Row] = []
        top = _MARGIN + 2
        group = None
        for index, lane in enumerate(self._lanes):
            if lane.group != group:
                group = lane.group
                rows.append(_Row(top, heading_height, None, group))
                top += heading_height
            rows.append(_Row(top, lane_height, index))
            top += lane_height
        self._rows = rows
        self._lane_rows = [row for row in rows if row.lane is not None]
        bold = QFont(self.font())
        bold.setBold(True)
        bold_metrics = QFontMetrics(bold)
        metrics = self.fontMetrics()
        self._em = indent = metrics.horizontalAdvance("M")
        spaces = 2 * metrics.horizontalAdvance(" ")
        # As _paint_lane and _paint_label lay a label out: indent, bold name, detail.
        widths = [
            indent
            + bold_metrics.horizontalAdvance(lane.name)
            + (spaces + metrics.horizontalAdvance(lane.detail) if lane.detail else 0)
            for lane in self._lanes
        ]
        self._natural_label_width = max(widths, default=0) + 8
        self.updateGeometry()

    def _rows_bottom(self) -> int:
        if not self._rows:
            return _MARGIN + 2 + self._metrics()[1] * 2
        last = self._rows[-1]
        return last.top + last.height

    def _label_width(self) -> int:
        limit = max(int(self.width() * 0.36), 8 * self._em)
        return min(self._natural_label_width, limit)

    def _plot_bounds(self) -> tuple[float, float]:
        """The x of the first and last day of the visible range."""
        left = _MARGIN + self._label_width() + self._em
        right = self.width() - _MARGIN - self._em  # room for the "still taking" arrow
        return float(left), float(max(right, left + 1))

    def plot_rect(self) -> QRect:
        """Where bars and ticks are drawn (lanes only, without labels or axis)."""
        left, right = self._plot_bounds()
        top = self._rows[0].top if self._rows else _MARGIN
        return QRect(round(left), top, round(right - left), self._rows_bottom() - top)

    def lane_rect(self, index: int) -> QRect:
        """The whole row of lane ``index`` (its label and its bars)."""
        if not 0 <= index < len(self._lanes):
            raise IndexError(f"no lane {index}")
        row = self._lane_rows[index]
        return QRect(_MARGIN, row.top, self.width() - 2 * _MARGIN, row.height)

    def x_for(self, day: date) -> float:
        """The x of the start of ``day`` in the visible range (outside it, off the plot)."""
        return self._x_for_ordinal(float(day.toordinal()))

    def x_for_time(self, at: datetime) -> float:
        """The x of a moment (where a session's tick is drawn)."""
        return self._x_for_ordinal(_ordinal_of(at))

    def _x_for_ordinal(self, ordinal: float) -> float:
        offset, scale = self._transform()
        return offset + ordinal * scale

    def _transform(self) -> tuple[float, float]:
        """(offset, pixels per day): x = offset + ordinal × pixels per day."""
        start, end = self._range
        left, right = self._plot_bounds()
        scale = (right - left) / max(1, (end - start).days)
        return left - start.toordinal() * scale, scale

    def _ordinal_at(self, x: float) -> float:
        start, end = self._range
        left, right = self._plot_bounds()
        span = max(1, (end - start).days)
        return start.toordinal() + (x - left) / max(1.0, right - left) * span

    def lane_at(self, point: QPoint | QPointF) -> int | None:
        y = point.y()
        for row in self._lane_rows:
            if row.top <= y < row.top + row.height:
                return row.lane
        return None

    def segment_at(self, point: QPoint | QPointF) -> Hit | None:
        """What is under ``point``: a medication and its dose step, a course and its session
        (or ``None`` on the course's span or on a lane's label), else ``None``."""
        index = self.lane_at(point)
        if index is None:
            return None
        lane = self._lanes[index]
        x = point.x()
        left = self._plot_bounds()[0]
        if x < left - _HIT_SLOP:
            return (lane.item, None) if x >= _MARGIN else None
        if lane.is_medication:
            segment = self._segment_at_x(lane, x)
            return None if segment is None else (lane.item, segment.step)
        session = self._session_at_x(lane, x)
        if session is not None:
            return lane.item, session
        if self.x_for(lane.start) <= x <= self.x_for(lane.end + timedelta(days=1)) + 1:
            return lane.item, None  # the course's span: its ``end`` is its last day
        return None

    def _segment_at_x(self, lane: _Lane, x: float) -> _Segment | None:
        ordinal = self._ordinal_at(x)
        index = bisect_right(lane.segment_ends, ordinal)
        candidates = [i for i in (index - 1, index) if 0 <= i < len(lane.segments)]
        for i in candidates:
            seg = lane.segments[i]
            x0, x1 = self._segment_x(seg)
            if x0 <= x < x1:
                return seg
        return None

    def _segment_x(self, seg: _Segment) -> tuple[float, float]:
        x0 = self.x_for(seg.start)
        x1 = max(self.x_for(seg.end), x0 + 2)  # a very short step stays visible
        return x0, x1

    def _session_at_x(self, lane: _Lane, x: float) -> TreatmentSession | None:
        if not lane.sessions:
            return None
        slop = _HIT_SLOP + (self._metrics()[1] // 4 if lane.markers else 0)
        low = bisect_left(lane.session_days, self._ordinal_at(x - slop))
        high = bisect_right(lane.session_days, self._ordinal_at(x + slop))
        best: tuple[float, TreatmentSession] | None = None
        for i in range(low, high):
            distance = abs(self._x_for_ordinal(lane.session_days[i]) - x)
            if best is None or distance < best[0]:
                best = (distance, lane.sessions[i])
        return None if best is None else best[1]

    def _axis_height(self) -> int:
        return 6 + 2 * self.fontMetrics().height()

    def _legend_lines(self, width: int) -> list[list[tuple[str, str, int]]]:
        """The legend entries laid out in lines that fit ``width``: (kind, text, x)."""
        metrics = self.fontMetrics()
        swatch = 2 * metrics.horizontalAdvance("M")
        gap = metrics.horizontalAdvance("M") * 2
        lines: list[list[tuple[str, str, int]]] = [[]]
        x = _MARGIN
        for kind, text in self._legend:
            item_width = swatch + 6 + metrics.horizontalAdvance(text)
            if lines[-1] and x + item_width > width - _MARGIN:
                lines.append([])
                x = _MARGIN
            lines[-1].append((kind, text, x))
            x += item_width + gap
        return [line for line in lines if line]

    def _content_height(self, width: int) -> int:
        line = self.fontMetrics().height()
        legend = len(self._legend_lines(width)) * (line + 4)
        return self._rows_bottom() + self._axis_height() + legend + line // 2 + _MARGIN

    @override
    def sizeHint(self) -> QSize:
        width = max(self.width(), 640)
        return QSize(900, self._content_height(width))

    @override
    def minimumSizeHint(self) -> QSize:
        return QSize(24 * self.fontMetrics().horizontalAdvance("M"), self.sizeHint().height())

    @override
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        old = len(self._legend_lines(event.oldSize().width())) if event.oldSize().isValid() else 0
        if old != len(self._legend_lines(event.size().width())):
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
            self._update_description()
            self.update()
        super().changeEvent(event)

    # -- words ---------------------------------------------------------------------------

    def _date_text(self, day: date, approximate: bool = False) -> str:
        form = "MMM yyyy" if approximate else "d MMM yyyy"
        return self.locale().toString(to_qdate(day), form)

    def _when_text(self, at: datetime) -> str:
        return f"{self._date_text(at.date())} {at:%H:%M}"

    def _span_text(self, start: date, end: date, open_ended: bool, approximate: bool) -> str:
        first = self._date_text(start, approximate)
        if open_ended:
            return f"since {first} (still taking)"
        return f"{first} – {self._date_text(end, approximate)}"

    def tooltip_for(self, hit: Hit) -> str:
        """The tooltip shown for ``hit`` (as :meth:`segment_at` returns it)."""
        item, part = hit
        lane = self._lanes[self._index_of(item)]
        if isinstance(item, Medication) and isinstance(part, DoseStep):
            seg = next(s for s in lane.segments if s.step is part)
            is_last = seg is lane.segments[-1]
            span = self._span_text(
                seg.start, seg.end, lane.open_ended and is_last, item.dates_approximate
            )
            prefix = "≈ " if item.dates_approximate else ""
            lines = [f"{prefix}{item.name} {format_dose(part.dose, item.unit)}, {span}"]
            if seg.below_minimum and item.adequate_min_dose is not None:
                minimum = format_dose(item.adequate_min_dose, item.unit)
                lines.append(f"{BELOW_MINIMUM_TEXT.capitalize()}: {minimum}")
            if item.dates_approximate:
                lines.append("Dates entered by month, so they are approximate")
            if is_last and item.stopped is not None and item.stop_reason is not None:
                lines.append(f"Stopped: {item.stop_reason.label.lower()}")
            return "\n".join(lines)
        if isinstance(item, TreatmentCourse) and isinstance(part, TreatmentSession):
            return self._session_tooltip(item, lane, part)
        return self._lane_line(lane)

    def _session_tooltip(
        self, course: TreatmentCourse, lane: _Lane, session: TreatmentSession
    ) -> str:
        number = session.number
        if number is None:
            number = lane.sessions.index(session) + 1
        count = f"{number} of {course.planned_sessions}" if course.planned_sessions else str(number)
        lines = [
            f"{_short_kind(course.kind)} {course.kind.session_word} {count}, "
            f"{self._when_text(session.at)}"
        ]
        if session.dose_mg is not None:
            lines.append(f"Dose: {format_dose(session.dose_mg, 'mg')}")
        if session.intensity_percent is not None:
            lines.append(f"Intensity: {session.intensity_percent:g}% of motor threshold")
        if session.setting:
            lines.append(f"Setting: {session.setting}")
        if session.electrode_placement:
            lines.append(f"Electrode placement: {session.electrode_placement}")
        return "\n".join(lines)

    def _lane_line(self, lane: _Lane) -> str:
        item = lane.item
        if isinstance(item, Medication):
            prefix = "≈ " if item.dates_approximate else ""
            name = f"{prefix}{item.name}"
            if item.drug_class:
                name += f" ({item.drug_class})"
            doses = " → ".join(format_dose(s.step.dose, item.unit) for s in lane.segments)
            parts = [
                f"{name}, {item.role.label.lower()}: {doses}",
                self._span_text(lane.start, lane.end, lane.open_ended, item.dates_approximate),
            ]
            below = [s for s in lane.segments if s.below_minimum]
            if below:
                parts.append(
                    f"{format_dose(below[0].step.dose, item.unit)} is {BELOW_MINIMUM_TEXT}"
                    if len(below) == 1
                    else f"{len(below)} dose steps {BELOW_MINIMUM_TEXT}"
                )
            if item.stopped is not None and item.stop_reason is not None:
                parts.append(f"stopped: {item.stop_reason.label.lower()}")
            return ", ".join(parts)
        word = item.kind.session_word
        counted = _counted(len(lane.sessions), word)
        if item.planned_sessions:
            counted = f"{len(lane.sessions)}/{item.planned_sessions} {_plural(word)}"
        first = self._date_text(lane.start)
        span = f"since {first}" if lane.open_ended else f"{first} – {self._date_text(lane.end)}"
        return f"{_short_title(item)} — {counted}, {span}"

    def text_summary(self) -> str:
        """Each lane in one line, top to bottom (for screen readers and the report)."""
        return "\n".join(self._lane_line(lane) for lane in self._lanes)

    def summary_sentence(self) -> str:
        if not self._lanes:
            return "No medications or procedures recorded yet."
        medications = sum(1 for lane in self._lanes if lane.is_medication)
        courses = len(self._lanes) - medications
        counts = [
            _counted(medications, "medication") if medications else "",
            _counted(courses, "procedure course") if courses else "",
        ]
        first = min(lane.start for lane in self._lanes)
        last = max(max(lane.end for lane in self._lanes), self._today)
        return (
            f"{' and '.join(c for c in counts if c)} from {self._date_text(first, True)} "
            f"to {self._date_text(last, True)}."
        )

    def _update_description(self) -> None:
        text = self.summary_sentence()
        if self._current is not None:
            text += (
                f" Selected: {self._lane_line(self._lanes[self._current])}."
                " Up and Down move between rows; Enter opens the selected one."
            )
        self.setAccessibleDescription(text)

    def _index_of(self, item: Item) -> int:
        for index, lane in enumerate(self._lanes):
            if lane.item is item:
                return index
        for index, lane in enumerate(self._lanes):
            if _same_item(lane.item, item):
                return index
        raise KeyError(item)

    # -- input ---------------------------------------------------------------------------

    @override
    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            hit = self.segment_at(event.pos())
            if hit is None:
                QToolTip.hideText()
                event.ignore()
            else:
                index = self.lane_at(event.pos())
                area = self.lane_rect(index) if index is not None else QRect()
                QToolTip.showText(event.globalPos(), self.tooltip_for(hit), self, area)
            return True
        return super().event(event)

    @override
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        control = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        centre = sum(self._plot_bounds()) / 2
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
            self._zoom(_ZOOM_STEP, centre)
        elif key == Qt.Key.Key_Minus and control:
            self._zoom(1 / _ZOOM_STEP, centre)
        elif key == Qt.Key.Key_0 and control:
            self.reset_range()
        elif key == Qt.Key.Key_Left and self._range != self._full:
            self._pan(-0.1)
        elif key == Qt.Key.Key_Right and self._range != self._full:
            self._pan(0.1)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

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
        elif delta.x() and self._range != self._full:
            self._pan(-0.1 * delta.x() / 120)
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
        palette = self.palette()
        base = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
        exposed = event.rect()
        painter.fillRect(exposed, base)
        if not self._lanes:
            painter.setPen(text)
            painter.drawText(
                self.rect().adjusted(_MARGIN, _MARGIN, -_MARGIN, -_MARGIN),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                self.summary_sentence(),
            )
            self._paint_focus_frame(painter, self.rect().adjusted(1, 1, -1, -1))
            painter.end()
            return
        ticks = self._ticks()
        self._paint_grid(painter, ticks, _blend(base, text, 0.12))
        for row in self._rows:
            if row.top > exposed.bottom() or row.top + row.height < exposed.top():
                continue  # paint only what is visible
            if row.lane is None:
                self._paint_heading(painter, row, text, base)
            else:
                self._paint_lane(painter, row, self._lanes[row.lane], palette)
        axis_top = self._rows_bottom()
        if axis_top <= exposed.bottom():
            self._paint_axis(painter, ticks, axis_top, text)
            self._paint_legend(painter, axis_top + self._axis_height(), palette)
        if self._current is not None:
            self._paint_focus_frame(painter, self.lane_rect(self._current))
        painter.end()

    def _paint_focus_frame(self, painter: QPainter, rect: QRect) -> None:
        if not self.hasFocus():
            return
        painter.save()
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), 2))
        painter.drawRect(QRectF(rect).adjusted(1, 1, -1, -1))
        painter.restore()

    def _paint_grid(self, painter: QPainter, ticks: Iterable[_Tick], colour: QColor) -> None:
        left, right = self._plot_bounds()
        top = self._rows[0].top
        bottom = self._rows_bottom()
        painter.setPen(QPen(colour, 1))
        xs = (round(self.x_for(tick.day)) for tick in ticks)
        lines = [QLineF(x, top, x, bottom) for x in xs if left <= x <= right]
        if lines:
            painter.drawLines(lines)

    def _paint_heading(self, painter: QPainter, row: _Row, text: QColor, base: QColor) -> None:
        painter.save()
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(text)
        rect = QRect(_MARGIN + 2, row.top, self.width() - 2 * _MARGIN, row.height)
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom
        shown = QFontMetrics(bold).elidedText(
            row.heading, Qt.TextElideMode.ElideRight, rect.width()
        )
        bounds = painter.boundingRect(rect, flags, shown)
        painter.drawText(rect, flags, shown)
        painter.setPen(QPen(_blend(base, text, 0.3), 1))
        y = bounds.center().y()
        painter.drawLine(bounds.right() + 8, y, self.width() - _MARGIN - 2, y)
        painter.restore()

    def _paint_lane(self, painter: QPainter, row: _Row, lane: _Lane, palette: QPalette) -> None:
        text = palette.color(QPalette.ColorRole.Text)
        index = row.lane
        current = index is not None and index == self._current
        label_rect = QRect(_MARGIN, row.top, self._label_width() + 2, row.height)
        if current:
            highlight = palette.color(QPalette.ColorRole.Highlight)
            band = QColor(highlight)
            band.setAlpha(40)
            painter.fillRect(QRect(_MARGIN, row.top, self.width() - 2 * _MARGIN, row.height), band)
            if self.hasFocus():
                painter.fillRect(label_rect, highlight)
                text = palette.color(QPalette.ColorRole.HighlightedText)
        indent = self._em  # lanes sit under their heading
        self._paint_label(painter, label_rect.adjusted(indent, 0, -4, 0), lane, text)
        left, right = self._plot_bounds()
        painter.save()
        painter.setClipRect(QRectF(left - 1, row.top, right - left + self._em + 2, row.height))
        if lane.is_medication:
            self._paint_medication(painter, row, lane, palette)
        else:
            self._paint_course(painter, row, lane, palette)
        painter.restore()

    def _paint_label(self, painter: QPainter, rect: QRect, lane: _Lane, colour: QColor) -> None:
        painter.save()
        painter.setPen(colour)
        bold = QFont(self.font())
        bold.setBold(True)
        bold_metrics = QFontMetrics(bold)
        metrics = self.fontMetrics()
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        name = bold_metrics.elidedText(lane.name, Qt.TextElideMode.ElideRight, rect.width())
        painter.setFont(bold)
        painter.drawText(rect, flags, name)
        used = bold_metrics.horizontalAdvance(name) + metrics.horizontalAdvance(" ") * 2
        room = rect.width() - used
        if lane.detail and room > metrics.horizontalAdvance("M…"):
            painter.setFont(self.font())
            detail = metrics.elidedText(lane.detail, Qt.TextElideMode.ElideRight, room)
            painter.drawText(rect.adjusted(used, 0, 0, 0), flags, detail)
        painter.restore()

    def _visible_ordinals(self) -> tuple[float, float]:
        left, right = self._plot_bounds()
        return self._ordinal_at(left - 2), self._ordinal_at(right + 2)

    def _paint_medication(
        self, painter: QPainter, row: _Row, lane: _Lane, palette: QPalette
    ) -> None:
        base = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
        pad = max(3, row.height // 8)
        bottom = row.top + row.height - pad
        full = row.height - 2 * pad
        first, last = self._visible_ordinals()
        offset, scale = self._transform()
        start_index = bisect_left(lane.segment_ends, first)
        shown: list[tuple[_Segment, QRectF, QColor, QColor]] = []
        for seg in lane.segments[start_index:]:
            if seg.start.toordinal() > last:
                break
            x0 = offset + seg.start.toordinal() * scale
            x1 = max(offset + seg.end.toordinal() * scale, x0 + 2)  # a short step stays visible
            height = full * (0.5 + 0.5 * seg.ratio)
            rect = QRectF(x0, bottom - height, x1 - x0, height)
            weight = (0.45 if lane.approximate else 0.55) + 0.4 * seg.ratio
            fill, ink = self._fill_and_ink(lane.hue, weight, base, text)
            painter.fillRect(rect, fill)
            if seg.below_minimum:
                painter.fillRect(rect, QBrush(ink, Qt.BrushStyle.BDiagPattern))
            shown.append((seg, rect, fill, ink))
        if not shown:
            return
        strong = self._fill_and_ink(lane.hue, 0.95, base, text)[0]
        painter.setPen(QPen(text, 1, Qt.PenStyle.DashLine) if lane.approximate else QPen(strong, 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRects([rect.adjusted(0.5, 0.5, -0.5, -0.5) for _, rect, _, _ in shown])
        font, metrics = self._small_font()
        painter.setFont(font)
        unit = lane.item.unit if isinstance(lane.item, Medication) else ""
        for seg, rect, fill, ink in shown:
            if rect.width() < 3 * self._em or rect.height() < metrics.height():
                continue  # no room for the dose text
            label = format_dose(seg.step.dose, unit)
            width = metrics.horizontalAdvance(label) + 8
            if width > rect.width():
                continue
            text_rect = QRectF(0, 0, width, metrics.height())
            text_rect.moveCenter(rect.center())
            if seg.below_minimum:
                painter.fillRect(text_rect, fill)  # the hatching never runs through text
            painter.setPen(ink)
            painter.drawText(text_rect, Qt.AlignmentFlag.AlignCenter, label)
        if lane.open_ended and shown[-1][0] is lane.segments[-1]:
            self._paint_arrow(painter, shown[-1][1], strong)

    def _fill_and_ink(
        self, hue: QColor, weight: float, base: QColor, text: QColor
    ) -> tuple[QColor, QColor]:
        """``hue`` blended into ``base`` by ``weight``, and the palette colour (text or base)
        that reads best on it; remembered until the palette changes."""
        key = (hue.rgb(), round(weight * 100), base.rgb(), text.rgb())
        found = self._colours.get(key)
        if found is None:
            fill = _blend(base, hue, key[1] / 100)
            found = self._colours[key] = (fill, _best_text(fill, text, base))
        return found

    def _small_font(self) -> tuple[QFont, QFontMetrics]:
        if self._small is None:
            small = QFont(self.font())
            small.setPointSizeF(max(6.0, self.font().pointSizeF() * 0.9))
            self._small = (small, QFontMetrics(small))
        return self._small

    def _paint_arrow(self, painter: QPainter, rect: QRectF, colour: QColor) -> None:
        """An open end: the bar carries on (still taking, or a course under way)."""
        size = min(rect.height(), self.fontMetrics().height() * 0.8)
        middle = rect.center().y()
        x = rect.right() + 1
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawPolygon(
            QPolygonF(
                [
                    QPointF(x, middle - size / 2),
                    QPointF(x + size * 0.6, middle),
                    QPointF(x, middle + size / 2),
                ]
            )
        )
        painter.restore()

    def _paint_course(self, painter: QPainter, row: _Row, lane: _Lane, palette: QPalette) -> None:
        base = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
        pad = max(3, row.height // 8)
        begins = self.x_for(lane.start)
        span = QRectF(
            begins,
            row.top + pad,
            max(2.0, self.x_for(lane.end + timedelta(days=1)) - begins),
            row.height - 2 * pad,
        )
        painter.fillRect(span, _blend(base, _PROCEDURE_HUE, 0.3))
        painter.setPen(QPen(_blend(base, _PROCEDURE_HUE, 0.8), 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(span.adjusted(0.5, 0.5, -0.5, -0.5))
        ink = _blend(text, _PROCEDURE_HUE, 0.25)
        first, last = self._visible_ordinals()
        low = bisect_left(lane.session_days, first)
        high = bisect_right(lane.session_days, last)
        if lane.markers:
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(text, 1))
            painter.setBrush(_blend(base, _PROCEDURE_HUE, 1.0))
            radius = span.height() / 2 - 1
            middle = span.center().y()
            for ordinal in lane.session_days[low:high]:
                x = self._x_for_ordinal(ordinal)
                painter.drawPolygon(
                    QPolygonF(
                        [
                            QPointF(x, middle - radius),
                            QPointF(x + radius, middle),
                            QPointF(x, middle + radius),
                            QPointF(x - radius, middle),
                        ]
                    )
                )
            painter.restore()
        else:
            painter.setPen(QPen(ink, 1))
            top = round(span.top()) + 2
            bottom = round(span.bottom()) - 2
            # One line per pixel column: sessions closer than a pixel share one.
            xs = {round(self._x_for_ordinal(ordinal)) for ordinal in lane.session_days[low:high]}
            lines = [QLineF(x, top, x, bottom) for x in sorted(xs)]
            if lines:
                painter.drawLines(lines)  # one call for all of them: ~200 sessions stay cheap
        if lane.open_ended:
            self._paint_arrow(painter, span, _blend(base, _PROCEDURE_HUE, 0.95))

    def _ticks(self) -> list[_Tick]:
        start, end = self._range
        left, right = self._plot_bounds()
        per_day = (right - left) / max(1, (end - start).days)
        metrics = self.fontMetrics()
        locale = self.locale()
        month_width = max(
            metrics.horizontalAdvance(locale.standaloneMonthName(m, locale.FormatType.ShortFormat))
            for m in range(1, 13)
        )
        gap = 2 * metrics.horizontalAdvance("M")
        day_width = metrics.horizontalAdvance("28 ") + month_width
        year_width = metrics.horizontalAdvance("2026")
        choices = [
            ("day", 1, day_width),
            ("day", 7, day_width),
            ("day", 14, day_width),
            ("month", 1, month_width),
            ("month", 2, month_width),
            ("month", 3, month_width),
            ("month", 6, month_width),
            ("year", 1, year_width),
            ("year", 2, year_width),
            ("year", 5, year_width),
            ("year", 10, year_width),
            ("year", 50, year_width),
        ]
        long_span = (end - start).days > _MONTH_TICKS_UP_TO_DAYS
        for unit, step, width in choices:
            if long_span and unit != "year":
                continue  # years read better than scattered months over a long history
            days = {"day": 1.0, "month": 30.44, "year": 365.25}[unit] * step
            if days * per_day >= width + gap:
                break
        return _tick_list(start, end, unit, step, locale)

    def _paint_axis(self, painter: QPainter, ticks: list[_Tick], top: int, text: QColor) -> None:
        left, right = self._plot_bounds()
        metrics = self.fontMetrics()
        painter.save()
        painter.setFont(self.font())
        painter.setPen(QPen(text, 1))
        painter.drawLine(round(left), top + 1, round(right), top + 1)
        line = metrics.height()
        previous_right = -1.0
        previous_year_right = -1.0
        for tick in ticks:
            x = self.x_for(tick.day)
            if not left - 0.5 <= x <= right + 0.5:
                continue
            painter.drawLine(round(x), top + 1, round(x), top + 5)
            width = metrics.horizontalAdvance(tick.label)
            label_left = min(max(x - width / 2, _MARGIN), self.width() - _MARGIN - width)
            if label_left > previous_right:
                painter.drawText(
                    QRectF(label_left, top + 6, width, line), Qt.AlignmentFlag.AlignLeft, tick.label
                )
                previous_right = label_left + width + 4
            if tick.year_label:
                year_width = metrics.horizontalAdvance(tick.year_label)
                year_left = min(
                    max(x - year_width / 2, _MARGIN), self.width() - _MARGIN - year_width
                )
                if year_left > previous_year_right:
                    painter.drawText(
                        QRectF(year_left, top + 6 + line, year_width, line),
                        Qt.AlignmentFlag.AlignLeft,
                        tick.year_label,
                    )
                    previous_year_right = year_left + year_width + 8
        painter.restore()

    def _paint_legend(self, painter: QPainter, top: int, palette: QPalette) -> None:
        base = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
        metrics = self.fontMetrics()
        line = metrics.height()
        swatch_width = 2 * metrics.horizontalAdvance("M")
        painter.save()
        painter.setFont(self.font())
        y = top + line // 2
        hue = _HUES[MedicationRole.ANTIDEPRESSANT]
        for entries in self._legend_lines(self.width()):
            for kind, label, x in entries:
                swatch = QRectF(x, y + 3, swatch_width, line - 6)
                fill = _blend(base, hue, 0.6)
                if kind == "hatched":
                    painter.fillRect(swatch, fill)
                    painter.fillRect(
                        swatch, QBrush(_best_text(fill, text, base), Qt.BrushStyle.BDiagPattern)
                    )
                    painter.setPen(QPen(_blend(base, hue, 0.95), 1))
                    painter.drawRect(swatch.adjusted(0.5, 0.5, -0.5, -0.5))
                elif kind == "dashed":
                    painter.fillRect(swatch, _blend(base, hue, 0.5))
                    painter.setPen(QPen(text, 1, Qt.PenStyle.DashLine))
                    painter.drawRect(swatch.adjusted(0.5, 0.5, -0.5, -0.5))
                elif kind == "height":
                    low = QRectF(
                        x,
                        swatch.bottom() - swatch.height() * 0.55,
                        swatch_width / 2,
                        swatch.height() * 0.55,
                    )
                    high = QRectF(
                        x + swatch_width / 2, swatch.top(), swatch_width / 2, swatch.height()
                    )
                    painter.fillRect(low, _blend(base, hue, 0.5))
                    painter.fillRect(high, _blend(base, hue, 0.85))
                elif kind == "arrow":
                    bar = QRectF(x, swatch.top(), swatch_width * 0.6, swatch.height())
                    painter.fillRect(bar, fill)
                    self._paint_arrow(painter, bar, _blend(base, hue, 0.95))
                elif kind == "tick":
                    painter.fillRect(swatch, _blend(base, _PROCEDURE_HUE, 0.3))
                    painter.setPen(QPen(_blend(text, _PROCEDURE_HUE, 0.25), 1))
                    for step in (0.25, 0.5, 0.75):
                        sx = round(x + swatch_width * step)
                        painter.drawLine(
                            sx, round(swatch.top()) + 2, sx, round(swatch.bottom()) - 2
                        )
                elif kind == "diamond":
                    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
                    painter.setPen(QPen(text, 1))
                    painter.setBrush(_blend(base, _PROCEDURE_HUE, 1.0))
                    c = swatch.center()
                    r = swatch.height() / 2
                    painter.drawPolygon(
                        QPolygonF(
                            [
                                QPointF(c.x(), c.y() - r),
                                QPointF(c.x() + r, c.y()),
                                QPointF(c.x(), c.y() + r),
                                QPointF(c.x() - r, c.y()),
                            ]
                        )
                    )
                    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
                painter.setPen(text)
                painter.drawText(
                    QRectF(x + swatch_width + 6, y, metrics.horizontalAdvance(label) + 2, line),
                    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                    label,
                )
            y += line + 4
        painter.restore()


# -- building lanes ----------------------------------------------------------------------


def _ordinal_of(at: datetime) -> float:
    """A moment as a fractional day ordinal (09:00 is 0.375 of the way through its day)."""
    return at.toordinal() + (at.hour * 60 + at.minute) / 1440


def _same_item(a: Item, b: Item) -> bool:
    if a is b:
        return True
    return type(a) is type(b) and a.id is not None and a.id == b.id


def _strip_parenthesis(text: str) -> str:
    return re.sub(r"\s*\([^)]*\)\s*$", "", text).strip() or text


def _short_kind(kind: CourseKind) -> str:
    """ "Esketamine (Spravato)" → "Esketamine": the lane label has little room."""
    return _strip_parenthesis(kind.label)


def _short_title(course: TreatmentCourse) -> str:
    kind = _short_kind(course.kind)
    return f"{kind} · {_strip_parenthesis(course.variant)}" if course.variant else kind


def _plural(word: str) -> str:
    return word.replace("change", "changes") if word.endswith("change") else f"{word}s"


def _counted(count: int, word: str) -> str:
    return f"{count} {word if count == 1 else _plural(word)}"


def _medication_lane(medication: Medication, today: date) -> _Lane:
    end = medication.stopped if medication.stopped is not None else max(today, medication.started)
    segments = _dose_segments(medication, end)
    prefix = "≈ " if medication.dates_approximate else ""
    return _Lane(
        item=medication,
        group=_GROUP_TITLES[medication.role],
        hue=_HUES[medication.role],
        name=f"{prefix}{medication.name}",
        detail=medication.drug_class,
        start=medication.started,
        end=end,
        open_ended=medication.stopped is None,
        approximate=medication.dates_approximate,
        segments=segments,
        segment_ends=tuple(s.end.toordinal() for s in segments),
        sessions=(),
        session_days=(),
        markers=False,
    )


def _dose_segments(medication: Medication, end: date) -> tuple[_Segment, ...]:
    """The dose steps as spans: a step dated before the start counts from the start, and a
    first step dated after it covers the days before it too (as ``dose_on`` does)."""
    effective: list[tuple[date, DoseStep]] = []
    for step in medication.sorted_doses:
        begins = max(step.start, medication.started)
        if effective and effective[-1][0] == begins:
            effective[-1] = (begins, step)
        else:
            effective.append((begins, step))
    if not effective:
        return ()
    effective[0] = (medication.started, effective[0][1])
    highest = medication.highest_dose or 0.0
    minimum = medication.adequate_min_dose
    segments: list[_Segment] = []
    for i, (begins, step) in enumerate(effective):
        finish = effective[i + 1][0] if i + 1 < len(effective) else end
        finish = min(finish, end)
        if begins >= finish and segments:
            continue
        ratio = step.dose / highest if highest > 0 else 1.0
        segments.append(
            _Segment(
                start=begins,
                end=max(begins, finish),
                step=step,
                ratio=max(0.0, min(1.0, ratio)),
                below_minimum=minimum is not None and step.dose < minimum,
            )
        )
    return tuple(segments)


def _course_lane(course: TreatmentCourse, sessions: list[TreatmentSession], today: date) -> _Lane:
    ordered = tuple(sorted(sessions, key=lambda s: s.at))
    end = course.ended if course.ended is not None else max(today, course.started)
    if ordered and ordered[-1].day > end:
        end = ordered[-1].day
    word = course.kind.session_word
    if course.planned_sessions:
        detail = f"— {len(ordered)}/{course.planned_sessions}"
    else:
        detail = f"— {_counted(len(ordered), word)}"
    return _Lane(
        item=course,
        group=_PROCEDURES_TITLE,
        hue=_PROCEDURE_HUE,
        name=_short_title(course),
        detail=detail,
        start=course.started,
        end=end,
        open_ended=course.ended is None,
        approximate=False,
        segments=(),
        segment_ends=(),
        sessions=ordered,
        session_days=tuple(_ordinal_of(s.at) for s in ordered),
        markers=course.kind in _MARKER_KINDS,
    )


def _full_range(lanes: Sequence[_Lane], today: date) -> tuple[date, date]:
    if not lanes:
        return today - timedelta(days=365), today
    first = min(lane.start for lane in lanes)
    last = max(max(lane.end for lane in lanes), today)
    span = max(_MIN_SPAN_DAYS, (last - first).days)
    pad = max(3, round(span * 0.015))
    return first - timedelta(days=pad), last + timedelta(days=pad)


def _legend_entries(lanes: Sequence[_Lane]) -> list[tuple[str, str]]:
    entries: list[tuple[str, str]] = []
    medications = [lane for lane in lanes if lane.is_medication]
    if medications:
        entries.append(("height", "Taller bar: higher dose of that medicine"))
    if any(s.below_minimum for lane in medications for s in lane.segments):
        entries.append(("hatched", f"Hatched: {BELOW_MINIMUM_TEXT}"))
    if any(lane.approximate for lane in medications):
        entries.append(("dashed", "≈ Dashed: dates entered by month"))
    if any(lane.open_ended for lane in lanes):
        entries.append(("arrow", "Still taking or under way"))
    if any(not lane.is_medication and not lane.markers for lane in lanes):
        entries.append(("tick", "One mark per session"))
    if any(lane.markers for lane in lanes):
        entries.append(("diamond", "Setting change (VNS, DBS)"))
    return entries


def _tick_list(start: date, end: date, unit: str, step: int, locale: QLocale) -> list[_Tick]:
    short = QLocale.FormatType.ShortFormat
    ticks: list[_Tick] = []
    previous_year: int | None = None
    if unit == "day":
        day = start
        if step > 1:
            day = start + timedelta(days=(7 - start.weekday()) % 7)  # Mondays
            if step == 14 and day.toordinal() // 7 % 2:
                day += timedelta(days=7)
        while day <= end:
            label = f"{day.day} {locale.standaloneMonthName(day.month, short)}"
            year_text = str(day.year) if day.year != previous_year else ""
            ticks.append(_Tick(day, label, year_text))
            previous_year = day.year
            day += timedelta(days=step)
        return ticks
    if unit == "month":
        year, month = start.year, start.month
        if start.day > 1:
            month += 1
        while True:
            if month > 12:
                year, month = year + 1, month - 12
            day = date(year, month, 1)
            if day > end:
                return ticks
            if (month - 1) % step == 0:
                label = locale.standaloneMonthName(month, short)
                year_label = str(year) if year != previous_year else ""
                ticks.append(_Tick(day, label, year_label))
                previous_year = year
            month += 1
    year = start.year if start == date(start.year, 1, 1) else start.year + 1
    year += (-year) % step
    while year <= end.year:
        ticks.append(_Tick(date(year, 1, 1), str(year), ""))
        year += step
    return ticks


# -- colour ------------------------------------------------------------------------------


def _blend(base: QColor, target: QColor, weight: float) -> QColor:
    weight = max(0.0, min(1.0, weight))
    return QColor(
        round(base.red() + (target.red() - base.red()) * weight),
        round(base.green() + (target.green() - base.green()) * weight),
        round(base.blue() + (target.blue() - base.blue()) * weight),
    )


def _luminance(colour: QColor) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.red())
        + 0.7152 * channel(colour.green())
        + 0.0722 * channel(colour.blue())
    )


def contrast_ratio(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio of two colours (1 to 21)."""
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _best_text(fill: QColor, text: QColor, base: QColor) -> QColor:
    """The palette's text or base colour, whichever reads better on ``fill``."""
    return text if contrast_ratio(fill, text) >= contrast_ratio(fill, base) else base
