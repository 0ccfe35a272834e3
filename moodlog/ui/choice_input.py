"""ChoiceInput: a row of options (a 0-10 rating, a severity, sleep quality) that a click or
a single key sets. One widget and one tab stop: digits choose, arrows step, Delete clears.

It paints its segments itself rather than holding a button per option: the Today view has
about 160 options, and a widget each made start-up measurably slower.
"""

from collections.abc import Sequence
from time import monotonic

from PySide6.QtCore import QEvent, QPoint, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QFocusEvent,
    QFont,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget
from typing_extensions import override

# Two digits typed this close together make one number ("1" then "0" is 10).
TWO_DIGIT_WINDOW_S = 0.8
_MARGIN = 3  # room for the focus ring
_GAP = 2


class ChoiceInput(QWidget):
    """Pick one of ``values`` (or none).

    Signals:
        value_changed(object): the new value, an ``int`` or ``None`` for "not rated".
    """

    value_changed = Signal(object)

    def __init__(
        self,
        name: str,
        values: Sequence[int],
        labels: Sequence[str] | None = None,
        describe: dict[int, str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._name = name
        self._values = list(values)
        self._labels = list(labels or [str(v) for v in self._values])
        if len(self._labels) != len(self._values):
            raise ValueError("one label per value")
        self._describe = describe or {}
        self._value: int | None = None
        self._hover: int | None = None
        self._last_digit: tuple[int, float] | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(name)
        self._update_description()

    # -- value -------------------------------------------------------------------------

    def value(self) -> int | None:
        return self._value

    def set_value(self, value: int | None) -> None:
        """Set the value without emitting :attr:`value_changed` (for loading saved data)."""
        if value is not None and value not in self._values:
            raise ValueError(f"{self._name}: {value} is not one of {self._values}")
        self._value = value
        self._update_description()
        self.update()

    def set_descriptions(self, describe: dict[int, str]) -> None:
        """Change the words that go with values (their tooltips and what is read aloud)."""
        self._describe = dict(describe)
        self._update_description()

    def _choose(self, value: int | None) -> None:
        if value == self._value:
            return
        self.set_value(value)
        self.value_changed.emit(value)

    def _update_description(self) -> None:
        if self._value is None:
            text = self.tr("not rated")
        else:
            text = self._labels[self._values.index(self._value)]
            words = self._describe.get(self._value)
            if words:
                text = f"{text}, {words}"
        self.setAccessibleDescription(f"{self._name}: {text}")

    # -- geometry ----------------------------------------------------------------------

    def _segment_widths(self) -> list[int]:
        metrics = self.fontMetrics()
        bold = QFont(self.font())
        bold.setBold(True)
        bold_metrics = type(metrics)(bold)
        padding = metrics.horizontalAdvance("0") * 3 // 2
        widths = [bold_metrics.horizontalAdvance(label) + padding for label in self._labels]
        if all(label.isdigit() for label in self._labels):
            widths = [max(widths)] * len(widths)  # a numeric scale has even steps
        return widths

    def segment_rect(self, value: int) -> QRect:
        """Where the option ``value`` is drawn (tests click its centre)."""
        index = self._values.index(value)
        widths = self._segment_widths()
        left = _MARGIN + sum(widths[:index]) + _GAP * index
        return QRect(left, _MARGIN, widths[index], self.height() - 2 * _MARGIN)

    def _value_at(self, point: QPoint) -> int | None:
        for value in self._values:
            if self.segment_rect(value).contains(point):
                return value
        return None

    @override
    def sizeHint(self) -> QSize:
        widths = self._segment_widths()
        width = sum(widths) + _GAP * (len(widths) - 1) + 2 * _MARGIN
        height = self.fontMetrics().height() + self.fontMetrics().height() // 2 + 2 * _MARGIN
        return QSize(width, height)

    @override
    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    # -- input ---------------------------------------------------------------------------

    @override
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        value = self._value_at(event.position().toPoint())
        if value is not None:
            # Clicking the chosen option again clears it, like a checklist.
            self._choose(None if value == self._value else value)
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        event.accept()

    @override
    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        hover = self._value_at(event.position().toPoint())
        if hover != self._hover:
            self._hover = hover
            self.update()

    @override
    def leaveEvent(self, event: QEvent) -> None:
        self._hover = None
        self.update()
        super().leaveEvent(event)

    @override
    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            value = self._value_at(event.pos())
            if value is not None:
                label = self._labels[self._values.index(value)]
                words = self._describe.get(value)
                tip = f"{label}: {words}" if words else label
                if self.toolTip():
                    tip = f"{tip}\n{self.toolTip()}"
                QToolTip.showText(event.globalPos(), tip, self, self.segment_rect(value))
                return True
        return super().event(event)

    @override
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if Qt.Key.Key_0 <= key <= Qt.Key.Key_9 and modifiers == Qt.KeyboardModifier.NoModifier:
            self._on_digit(key - Qt.Key.Key_0)
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace, Qt.Key.Key_Minus):
            self._choose(None)
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Plus):
            self._step(+1)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Down):
            self._step(-1)
        elif key == Qt.Key.Key_Home:
            self._choose(self._values[0])
        elif key == Qt.Key.Key_End:
            self._choose(self._values[-1])
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def _on_digit(self, digit: int) -> None:
        now = monotonic()
        previous = self._last_digit
        self._last_digit = (digit, now)
        if previous is not None and now - previous[1] < TWO_DIGIT_WINDOW_S:
            combined = previous[0] * 10 + digit
            if combined in self._values:
                self._choose(combined)
                self._last_digit = None
                return
        if digit in self._values:
            self._choose(digit)

    def _step(self, delta: int) -> None:
        if self._value is None:
            self._choose(self._values[0] if delta > 0 else self._values[-1])
            return
        index = self._values.index(self._value) + delta
        self._choose(self._values[max(0, min(index, len(self._values) - 1))])

    @override
    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()  # draw the focus ring

    @override
    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    # -- painting ------------------------------------------------------------------------

    @override
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        group = QPalette.ColorGroup.Active if self.isEnabled() else QPalette.ColorGroup.Disabled
        bold = QFont(self.font())
        bold.setBold(True)
        for value, label in zip(self._values, self._labels, strict=True):
            rect = QRectF(self.segment_rect(value)).adjusted(0.5, 0.5, -0.5, -0.5)
            chosen = value == self._value
            # The chosen option is filled AND bold, so it never rests on colour alone.
            fill = QPalette.ColorRole.Highlight if chosen else QPalette.ColorRole.Button
            border = (
                QPalette.ColorRole.Highlight
                if chosen or value == self._hover
                else QPalette.ColorRole.Mid
            )
            painter.setPen(QPen(palette.color(group, border), 1))
            painter.setBrush(palette.color(group, fill))
            painter.drawRoundedRect(rect, 4, 4)
            text_role = (
                QPalette.ColorRole.HighlightedText if chosen else QPalette.ColorRole.ButtonText
            )
            painter.setPen(palette.color(group, text_role))
            painter.setFont(bold if chosen else self.font())
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, label)
        if self.hasFocus():
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(palette.color(group, QPalette.ColorRole.Highlight), 2))
            painter.drawRoundedRect(QRectF(self.rect()).adjusted(1, 1, -1, -1), 5, 5)
        painter.end()
