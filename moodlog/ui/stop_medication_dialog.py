"""StopMedicationDialog: record that a medication was stopped, why, and how well it helped."""

from dataclasses import replace
from datetime import date

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from moodlog.domain.errors import InvalidEntry
from moodlog.domain.medications import (
    Benefit,
    Medication,
    StopReason,
    format_dose,
    validate_medication,
)
from moodlog.ui.medication_dialog import (
    buddy_label,
    format_day,
    grow_to_fit,
    make_benefit_combo,
    make_date_edit,
    make_error_label,
    make_stop_reason_combo,
    show_error,
)
from moodlog.ui.qt_dates import to_date, to_qdate


class StopMedicationDialog(QDialog):
    """When ``medication`` was stopped (its start date to today), why, and how well it helped.

    Public inputs: ``date_edit``, ``reason_combo`` (no reason chosen at first),
    ``benefit_combo`` ("Not sure" chosen at first); feedback: ``summary_label``,
    ``error_label``; ``button_box``. Result: ``stopped()`` after ``accepted``.
    """

    def __init__(self, medication: Medication, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._medication = medication
        self._today = today
        self.setWindowTitle(f"Stop {medication.name}")
        self._build_layout()
        self._connect_signals()
        self.date_edit.setFocus()

    def _build_layout(self) -> None:
        medication = self._medication
        outer = QVBoxLayout(self)
        dose = format_dose(medication.current_dose, medication.unit)
        self.summary_label = QLabel(
            f"{medication.name}, {dose}, taken since {format_day(medication.started)}.", self
        )
        self.summary_label.setWordWrap(True)
        outer.addWidget(self.summary_label)

        form = QFormLayout()
        self.date_edit = make_date_edit(self._today, self._today, "Stop date", self)
        self.date_edit.setMinimumDate(to_qdate(medication.started))
        form.addRow(buddy_label("&Last day taken", self.date_edit, self), self.date_edit)
        self.reason_combo = make_stop_reason_combo(self, not_sure=False)
        self.reason_combo.setPlaceholderText("Choose a reason")
        self.reason_combo.setCurrentIndex(-1)
        form.addRow(buddy_label("&Why it was stopped", self.reason_combo, self), self.reason_combo)
        self.benefit_combo = make_benefit_combo(self)
        form.addRow(
            buddy_label("How well did it &help?", self.benefit_combo, self), self.benefit_combo
        )
        outer.addLayout(form)

        self.error_label = make_error_label(self)
        outer.addWidget(self.error_label)
        self.button_box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        outer.addWidget(self.button_box)
        self.setMinimumWidth(440)

    def _connect_signals(self) -> None:
        self.button_box.accepted.connect(self.accept)
        self.button_box.rejected.connect(self.reject)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        grow_to_fit(self)

    def stopped(self) -> tuple[date, StopReason, Benefit | None]:
        """The stop date, the reason and the benefit (``None``: not sure), valid after
        ``accepted``. Raises InvalidEntry while no reason is chosen."""
        reason = self.reason_combo.currentData()
        if reason is None:
            raise InvalidEntry("Choose why it was stopped.", "stop_reason")
        benefit = self.benefit_combo.currentData()
        return (
            to_date(self.date_edit.date()),
            StopReason(reason),
            None if benefit is None else Benefit(benefit),
        )

    def accept(self) -> None:
        try:
            day, reason, benefit = self.stopped()
            validate_medication(
                replace(self._medication, stopped=day, stop_reason=reason, benefit=benefit),
                self._today,
            )
        except InvalidEntry as error:
            at_fault = self.reason_combo if error.field == "stop_reason" else self.date_edit
            show_error(self.error_label, error, at_fault)
            return
        self.error_label.hide()
        super().accept()
