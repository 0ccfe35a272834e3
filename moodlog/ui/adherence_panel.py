"""AdherencePanel: whether each scheduled medication was taken on the day shown.

A medication stays "not recorded" until the person says otherwise; nothing is assumed taken.
"""

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QPushButton, QWidget

from moodlog.domain.adherence import Adherence
from moodlog.domain.medications import Medication, Schedule, format_dose
from moodlog.ui.choice_input import ChoiceInput
from moodlog.ui.choice_rows import add_choice_row, clear_grid

# The digit that picks each answer: 1 taken, 2 partly, 3 missed.
_CODES = {1: Adherence.TAKEN, 2: Adherence.PARTLY, 3: Adherence.MISSED}
_VALUES = {status: code for code, status in _CODES.items()}


class AdherencePanel(QGroupBox):
    """Signals:
    edited(): the person changed an answer.
    manage_requested(): the person wants to add or change medications.
    """

    edited = Signal()
    manage_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Medications taken"))
        self.inputs: dict[int, ChoiceInput] = {}
        self.medications: dict[int, Medication] = {}
        self._grid = QGridLayout(self)
        self._grid.setVerticalSpacing(0)
        self.all_taken_button = QPushButton(self.tr("&All taken as prescribed"), self)
        self.all_taken_button.setToolTip(self.tr("Mark every medication listed here as taken"))
        self.all_taken_button.clicked.connect(self.mark_all_taken)
        self.manage_button = QPushButton(self.tr("&Medications…"), self)
        self.manage_button.setToolTip(self.tr("Add a medication, change a dose or record a stop"))
        self.manage_button.clicked.connect(self.manage_requested)
        self.empty_label = QLabel(
            self.tr("No daily medications on this day. Add them under Treatment."), self
        )
        self.empty_label.setWordWrap(True)

    def set_medications(self, medications: list[Medication]) -> None:
        """List the scheduled ones (rebuilds the rows; answers are cleared)."""
        scheduled = [m for m in medications if m.schedule is Schedule.SCHEDULED and m.id]
        if (
            self._grid.count()
            and [m.id for m in scheduled] == list(self.inputs)
            and all(self.medications[m.id or 0] == m for m in scheduled)
        ):
            return  # same rows as before: keep the widgets (and the focus)
        clear_grid(self._grid, keep=(self.all_taken_button, self.manage_button, self.empty_label))
        self.inputs.clear()
        self.medications = {m.id or 0: m for m in scheduled}
        for row, medication in enumerate(scheduled):
            name = f"{medication.name} {format_dose(medication.current_dose, medication.unit)}"
            choice = add_choice_row(
                self._grid,
                row,
                name,
                list(_CODES),
                [status.label for status in _CODES.values()],
                self.tr("Type 1 taken, 2 partly taken, 3 missed; Delete: not recorded."),
            )
            choice.value_changed.connect(self.edited)
            self.inputs[medication.id or 0] = choice
        end = len(scheduled)
        self.empty_label.setVisible(not scheduled)
        self.all_taken_button.setVisible(bool(scheduled))
        if not scheduled:
            self._grid.addWidget(self.empty_label, 0, 0, 1, 2)
            end = 1
        self._grid.addWidget(self.all_taken_button, end, 0)
        self._grid.addWidget(self.manage_button, end, 1, Qt.AlignmentFlag.AlignLeft)
        self._grid.setColumnStretch(1, 1)

    def load(self, statuses: dict[int, Adherence]) -> None:
        for medication_id, choice in self.inputs.items():
            status = statuses.get(medication_id)
            choice.set_value(None if status is None else _VALUES[status])

    def mark_all_taken(self) -> None:
        for choice in self.inputs.values():
            choice.set_value(_VALUES[Adherence.TAKEN])
        self.edited.emit()

    def statuses(self) -> dict[int, Adherence | None]:
        """Every listed medication: its answer, or ``None`` for "not recorded"."""
        return {
            medication_id: None if (v := choice.value()) is None else _CODES[v]
            for medication_id, choice in self.inputs.items()
        }

    def state(self) -> dict[str, Any]:
        return {str(k): v.value for k, v in self.statuses().items() if v is not None}

    def restore_state(self, state: dict[str, Any]) -> None:
        self.load({int(k): Adherence(v) for k, v in state.items() if int(k) in self.inputs})
