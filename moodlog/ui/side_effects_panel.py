"""SideEffectsPanel: today's severity for each side effect on the person's checklist."""

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QPushButton, QWidget

from moodlog.domain.side_effects import Severity, SideEffect
from moodlog.ui.choice_input import ChoiceInput
from moodlog.ui.choice_rows import add_choice_row, clear_grid


class SideEffectsPanel(QGroupBox):
    """Signals:
    edited(): the person changed a rating.
    manage_requested(): the person wants to change which side effects are listed.
    """

    edited = Signal()
    manage_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Side effects today"))
        self.inputs: dict[int, ChoiceInput] = {}
        self._grid = QGridLayout(self)
        self._grid.setVerticalSpacing(0)
        self.manage_button = QPushButton(self.tr("Choose side &effects…"), self)
        self.manage_button.setAccessibleDescription(
            self.tr("Choose which side effects this page asks about, or add your own")
        )
        self.manage_button.clicked.connect(self.manage_requested)

    def set_side_effects(self, effects: list[SideEffect]) -> None:
        """List the tracked side effects (rebuilds the rows; values are cleared)."""
        clear_grid(self._grid, keep=(self.manage_button,))
        self.inputs.clear()
        tracked = [e for e in effects if e.is_tracked]
        for row, effect in enumerate(tracked):
            choice = add_choice_row(
                self._grid,
                row,
                effect.label,
                [s.value for s in Severity],
                [s.label for s in Severity],
                self.tr("Type 0 none, 1 mild, 2 moderate, 3 severe; Delete clears."),
            )
            choice.value_changed.connect(self.edited)
            self.inputs[effect.id] = choice
        if not tracked:
            self._grid.addWidget(QLabel(self.tr("No side effects on your list."), self), 0, 0, 1, 2)
        self._grid.addWidget(self.manage_button, len(tracked) + 1, 0, 1, 2)
        self._grid.setColumnStretch(1, 1)

    def load(self, ratings: dict[int, Severity]) -> None:
        for effect_id, choice in self.inputs.items():
            severity = ratings.get(effect_id)
            choice.set_value(None if severity is None else int(severity))

    def ratings(self) -> dict[int, Severity | None]:
        """Every listed side effect: its severity, or ``None`` if not rated."""
        return {
            effect_id: None if (v := choice.value()) is None else Severity(v)
            for effect_id, choice in self.inputs.items()
        }

    def state(self) -> dict[str, Any]:
        return {str(k): v for k, v in self.ratings().items() if v is not None}

    def restore_state(self, state: dict[str, Any]) -> None:
        self.load({int(k): Severity(int(v)) for k, v in state.items() if int(k) in self.inputs})
