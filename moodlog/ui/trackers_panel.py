"""TrackersPanel: lifestyle factors and the person's own trackers for the day."""

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QWidget,
)

from moodlog.domain.trackers import NUMBER_MAX, Tracker, TrackerKind
from moodlog.ui.choice_input import ChoiceInput

_BLANK = -1.0


class TrackersPanel(QGroupBox):
    """Signals:
    edited(): the person changed a value.
    manage_requested(): the person wants to add or hide trackers.
    """

    edited = Signal()
    manage_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Other things today"))
        self._form = QFormLayout(self)
        self._form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.trackers: dict[int, Tracker] = {}  # the shown ones, by id
        self.numbers: dict[int, QDoubleSpinBox] = {}
        self.choices: dict[int, ChoiceInput] = {}
        self.manage_button = QPushButton(self.tr("Choose tr&ackers…"), self)
        self.manage_button.setAccessibleDescription(
            self.tr("Choose which trackers this page shows, or add your own")
        )
        self.manage_button.clicked.connect(self.manage_requested)

    def set_trackers(self, trackers: list[Tracker]) -> None:
        while self._form.rowCount():
            self._form.takeRow(0)
        for child in self.findChildren(QWidget):
            if child is not self.manage_button and child.parent() is self:
                child.deleteLater()
        self.numbers.clear()
        self.choices.clear()
        self.trackers = {t.id: t for t in trackers if t.is_visible}
        for tracker in self.trackers.values():
            label = QLabel(tracker.label, self)
            field = self._field_for(tracker)
            label.setBuddy(field)
            self._form.addRow(label, field)
        self._form.addRow(self.manage_button)

    def _field_for(self, tracker: Tracker) -> QWidget:
        if tracker.kind is TrackerKind.NUMBER:
            spin = QDoubleSpinBox(self)
            spin.setRange(_BLANK, NUMBER_MAX)
            spin.setDecimals(0 if tracker.unit in ("minutes", "drinks") else 1)
            spin.setSpecialValueText("—")
            spin.setSuffix(f" {tracker.unit_label}" if tracker.unit else "")
            spin.setValue(_BLANK)
            spin.setAccessibleName(tracker.label)
            if tracker.unit:
                description = self.tr(
                    "The amount for this day, in {unit}; a dash means not recorded"
                ).format(unit=tracker.unit_label)
            else:
                description = self.tr("The amount for this day; a dash means not recorded")
            spin.setAccessibleDescription(description)
            spin.valueChanged.connect(self.edited)
            self.numbers[tracker.id] = spin
            return spin
        if tracker.kind is TrackerKind.YES_NO:
            choice = ChoiceInput(
                tracker.label, [0, 1], [self.tr("No"), self.tr("Yes")], parent=self
            )
        else:
            choice = ChoiceInput(tracker.label, range(11), parent=self)
        if tracker.unit:
            choice.setToolTip(tracker.unit_label)
        choice.value_changed.connect(self.edited)
        self.choices[tracker.id] = choice
        return choice

    def load(self, values: dict[int, float]) -> None:
        for tracker_id, spin in self.numbers.items():
            spin.blockSignals(True)
            spin.setValue(values.get(tracker_id, _BLANK))
            spin.blockSignals(False)
        for tracker_id, choice in self.choices.items():
            value = values.get(tracker_id)
            choice.set_value(None if value is None else int(value))

    def values(self) -> dict[int, float | None]:
        """Every shown tracker: its value, or ``None`` if left blank."""
        result: dict[int, float | None] = {
            tracker_id: None if spin.value() <= _BLANK else spin.value()
            for tracker_id, spin in self.numbers.items()
        }
        for tracker_id, choice in self.choices.items():
            value = choice.value()
            result[tracker_id] = None if value is None else float(value)
        return result

    def state(self) -> dict[str, Any]:
        return {str(k): v for k, v in self.values().items() if v is not None}

    def restore_state(self, state: dict[str, Any]) -> None:
        self.load({int(k): float(v) for k, v in state.items()})
