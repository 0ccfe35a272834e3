"""ChoiceInput: a row of options (a 0-10 rating, a severity, sleep quality) that a click or
a single key sets. One tab stop; digits choose, arrows step, Delete clears."""

from collections.abc import Sequence
from time import monotonic

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QToolButton, QWidget
from typing_extensions import override

# Two digits typed this close together make one number ("1" then "0" is 10).
TWO_DIGIT_WINDOW_S = 0.8

# One style sheet for every ChoiceInput, set once on a top-level view (see STYLE_SHEET's
# use in TodayView): a sheet per widget would be parsed dozens of times at start-up.
STYLE_SHEET = """
ChoiceInput QToolButton {
    border: 1px solid palette(mid); border-radius: 4px; padding: 0.15em 0.3em;
    background: palette(button); color: palette(button-text); min-width: 1.3em;
}
ChoiceInput QToolButton:hover { border-color: palette(highlight); }
ChoiceInput QToolButton:checked {
    background: palette(highlight); color: palette(highlighted-text);
    border-color: palette(highlight); font-weight: bold;
}
"""


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
        self._describe = describe or {}
        self._value: int | None = None
        self._last_digit: tuple[int, float] | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(name)
        self._group = QButtonGroup(self)
        self._group.setExclusive(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(3, 3, 3, 3)
        layout.setSpacing(2)
        for value, label in zip(
            self._values, labels or [str(v) for v in self._values], strict=True
        ):
            button = QToolButton(self)
            button.setText(label)
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setAccessibleName(f"{name}: {label}")
            tip = self._describe.get(value)
            button.setToolTip(f"{label}: {tip}" if tip else label)
            self._group.addButton(button, value)
            layout.addWidget(button)
        layout.addStretch(1)
        self._group.idClicked.connect(self._on_button_clicked)
        self._update_description()

    def value(self) -> int | None:
        return self._value

    def set_value(self, value: int | None) -> None:
        """Set the value without emitting :attr:`value_changed` (for loading saved data)."""
        if value is not None and value not in self._values:
            raise ValueError(f"{self._name}: {value} is not one of {self._values}")
        self._value = value
        for button in self._group.buttons():
            button.setChecked(self._group.id(button) == value)
        self._update_description()

    def button_for(self, value: int) -> QToolButton:
        button = self._group.button(value)
        assert isinstance(button, QToolButton)
        return button

    def _choose(self, value: int | None) -> None:
        if value == self._value:
            return
        self.set_value(value)
        self.value_changed.emit(value)

    def _on_button_clicked(self, value: int) -> None:
        # Clicking the chosen option again clears it, like a checklist.
        self._choose(None if value == self._value else value)
        self.setFocus(Qt.FocusReason.MouseFocusReason)

    def _update_description(self) -> None:
        if self._value is None:
            text = "not rated"
        else:
            text = str(self._value)
            words = self._describe.get(self._value)
            if words:
                text = f"{text}, {words}"
        self.setAccessibleDescription(f"{self._name}: {text}")

    @override
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if Qt.Key.Key_0 <= key <= Qt.Key.Key_9 and not event.modifiers() & ~(
            Qt.KeyboardModifier.KeypadModifier
        ):
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

    @override
    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.hasFocus():
            painter = QPainter(self)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            pen = QPen(self.palette().highlight().color(), 2)
            painter.setPen(pen)
            painter.drawRoundedRect(QRectF(self.rect()).adjusted(1, 1, -1, -1), 5, 5)
            painter.end()
