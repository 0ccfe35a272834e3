"""ChartCanvas: the trend chart's Figure in a Qt widget, with a day under the pointer, a
chosen day, zoom (Ctrl + wheel, +/-) and pan (drag, Page Up/Down) by mouse and keyboard.

Imported only by the Charts view, itself built the first time its tab is shown: this is the
one UI module that loads matplotlib at import (ruff's TID253 is waived for it alone, and
tests/test_architecture.py checks that start-up never imports it)."""

from datetime import date

from matplotlib.backend_bases import MouseButton, MouseEvent
from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPainter, QPaintEvent, QPalette, QPen, QWheelEvent
from PySide6.QtWidgets import QSizePolicy, QWidget
from typing_extensions import override

from moodlog.charts.day_axis import day_at
from moodlog.charts.trend_chart import TrendChart

ZOOM_STEP = 1.5
# A press that moves less than this (in pixels) is a click, not a drag.
DRAG_THRESHOLD = 4


class ChartCanvas(FigureCanvasQTAgg):
    """Signals carry days (``datetime.date``); ``None`` when the pointer leaves the plots.

    day_hovered(day | None), day_clicked(day), day_activated(day): double-click or Enter;
    step_requested(days): arrow keys move the chosen day; zoom_requested(factor, day | None);
    pan_requested(days): a drag or Page Up/Down."""

    day_hovered = Signal(object)
    day_clicked = Signal(object)
    day_activated = Signal(object)
    step_requested = Signal(int)
    zoom_requested = Signal(float, object)
    pan_requested = Signal(int)

    def __init__(self, chart: TrendChart, parent: QWidget | None = None) -> None:
        super().__init__(chart.figure)  # type: ignore[no-untyped-call]
        self.setParent(parent)
        self.chart = chart
        self._hovered: date | None = None
        self._press: tuple[float, float] | None = None  # (pixel x, axis x) of a press
        self._dragged = False
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(round(chart.figure.get_figheight() * chart.figure.dpi))
        self.setAccessibleName(self.tr("Trend chart"))
        self.mpl_connect("motion_notify_event", self._on_motion)
        self.mpl_connect("button_press_event", self._on_press)
        self.mpl_connect("button_release_event", self._on_release)
        self.mpl_connect("figure_leave_event", lambda _event: self._hover(None))
        self.mpl_connect("resize_event", lambda _event: self.chart.fit_width())

    def redraw(self) -> None:
        """Draw again once control returns to the event loop (many changes, one drawing)."""
        self.draw_idle()  # type: ignore[no-untyped-call]

    # -- pointer ---------------------------------------------------------------------------

    def _day_x(self, event: MouseEvent) -> float | None:
        """The event's position on the time axis, wherever it is over the plots."""
        if event.inaxes is None:
            return None
        x, _y = self.chart.bottom.transData.inverted().transform((event.x, event.y))
        return float(x)

    def _hover(self, day: date | None) -> None:
        if day != self._hovered:
            self._hovered = day
            self.day_hovered.emit(day)

    def _on_motion(self, event: MouseEvent) -> None:
        x = self._day_x(event)
        if self._press is not None and event.button is MouseButton.LEFT:
            start_pixel, start_x = self._press
            if abs(event.x - start_pixel) >= DRAG_THRESHOLD:
                self._dragged = True
            if self._dragged and x is not None:
                # Keep the day that was grabbed under the pointer.
                days = round(start_x - x)
                if days:
                    self.pan_requested.emit(days)
            return
        self._hover(None if x is None else day_at(x))

    def _on_press(self, event: MouseEvent) -> None:
        x = self._day_x(event)
        if x is None or event.button is not MouseButton.LEFT:
            return
        if event.dblclick:
            self._press = None
            self.day_activated.emit(day_at(x))
            return
        self._press = (event.x, x)
        self._dragged = False

    def _on_release(self, event: MouseEvent) -> None:
        press, self._press = self._press, None
        if press is None or self._dragged:
            return
        x = self._day_x(event)
        if x is not None:
            self.day_clicked.emit(day_at(x))

    @override
    def wheelEvent(self, event: QWheelEvent) -> None:
        """Ctrl + wheel zooms around the pointer; the plain wheel scrolls the page."""
        if not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            event.ignore()
            return
        steps = event.angleDelta().y() / 120
        if steps:
            self.zoom_requested.emit(ZOOM_STEP ** (-steps), self._day_at_pixel(event.position()))
        event.accept()

    def _day_at_pixel(self, position: QPointF) -> date | None:
        ratio = self.devicePixelRatioF()
        height = self.height() * ratio
        x, _y = self.chart.bottom.transData.inverted().transform(
            (position.x() * ratio, height - position.y() * ratio)
        )
        return day_at(float(x))

    # -- keyboard ----------------------------------------------------------------------------

    @override
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        week = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            sign = -1 if key == Qt.Key.Key_Left else 1
            self.step_requested.emit(sign * (7 if week else 1))
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_requested.emit(1 / ZOOM_STEP, None)
        elif key == Qt.Key.Key_Minus:
            self.zoom_requested.emit(ZOOM_STEP, None)
        elif key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            start, end = self.chart.visible_days()
            half = max(1, ((end - start).days + 1) // 2)
            self.pan_requested.emit(-half if key == Qt.Key.Key_PageUp else half)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.day_activated.emit(None)  # the view opens its chosen day
        else:
            event.ignore()  # Tab, Alt+letter and the window's shortcuts carry on
            return
        event.accept()

    @override
    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)  # type: ignore[no-untyped-call]
        if self.hasFocus():  # a visible focus, as on every other control
            painter = QPainter(self)
            pen = QPen(self.palette().color(QPalette.ColorRole.Highlight), 2)
            painter.setPen(pen)
            painter.drawRect(self.rect().adjusted(1, 1, -1, -1))
            painter.end()
