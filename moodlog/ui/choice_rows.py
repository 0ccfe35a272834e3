"""Rows of labelled choices in a grid (side effects, medications taken): one row per item,
rebuilt when the list of items changes."""

from collections.abc import Collection, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from moodlog.ui.choice_input import ChoiceInput


def clear_grid(grid: QGridLayout, keep: Collection[QWidget] = ()) -> None:
    """Take every widget out of ``grid``; delete those not in ``keep``."""
    while (item := grid.takeAt(0)) is not None:
        widget = item.widget()
        if widget is not None and widget not in keep:
            widget.deleteLater()


def add_choice_row(
    grid: QGridLayout,
    row: int,
    name: str,
    values: Sequence[int],
    labels: Sequence[str],
    tooltip: str,
) -> ChoiceInput:
    """A label (the choice's buddy) and a :class:`ChoiceInput` on ``row`` of ``grid``."""
    owner = grid.parentWidget()
    choice = ChoiceInput(name, values, labels, parent=owner)
    choice.setToolTip(tooltip)
    label = QLabel(name, owner)
    label.setBuddy(choice)
    grid.addWidget(label, row, 0)
    grid.addWidget(choice, row, 1, Qt.AlignmentFlag.AlignLeft)
    return choice
