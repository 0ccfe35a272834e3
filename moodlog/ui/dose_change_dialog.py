"""DoseChangeDialog: record a new daily dose of a medication from a given date."""

from datetime import date

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from moodlog.domain.errors import InvalidEntry
from moodlog.domain.medications import DoseStep, Medication, format_dose, validate_medication
from moodlog.ui.medication_dialog import (
    DoseSpinBox,
    buddy_label,
    dose_history_text,
    format_day,
    grow_to_fit,
    make_date_edit,
    make_error_label,
    make_note_label,
    show_error,
)
from moodlog.ui.qt_dates import to_date, to_qdate


class DoseChangeDialog(QDialog):
    """A new daily dose of ``medication`` from a date between its start and today (or its stop
    date).

    Public inputs: ``date_edit``, ``dose_spin``; feedback: ``history_label``,
    ``replaces_label`` (shown when the date already has a dose), ``error_label``;
    ``button_box``. Result: ``step()`` after ``accepted``.
    """

    def __init__(self, medication: Medication, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._medication = medication
        self._today = today
        self.setWindowTitle(f"Change dose — {medication.name}")
        self._build_layout()
        self._connect_signals()
        self._on_date_changed()
        self.dose_spin.setFocus()

    def _build_layout(self) -> None:
        medication = self._medication
        outer = QVBoxLayout(self)
        self.history_label = QLabel(f"Doses so far: {dose_history_text(medication)}", self)
        self.history_label.setWordWrap(True)
        self.history_label.setAccessibleName("Dose history")
        outer.addWidget(self.history_label)

        form = QFormLayout()
        last_day = medication.stopped if medication.stopped is not None else self._today
        self.date_edit = make_date_edit(last_day, last_day, "Date of the dose change", self)
        self.date_edit.setMinimumDate(to_qdate(medication.started))
        form.addRow(buddy_label("&From", self.date_edit, self), self.date_edit)

        dose_row = QHBoxLayout()
        self.dose_spin = DoseSpinBox("New daily dose", self)
        self.dose_spin.setValue(medication.current_dose or 0.0)
        self.unit_label = QLabel(medication.unit, self)
        dose_row.addWidget(self.dose_spin)
        dose_row.addWidget(self.unit_label)
        dose_row.addStretch(1)
        form.addRow(buddy_label("New daily &dose", self.dose_spin, self), dose_row)
        outer.addLayout(form)

        self.replaces_label = make_note_label("", self)
        self.replaces_label.setAccessibleName("Note about this date")
        outer.addWidget(self.replaces_label)
        self.error_label = make_error_label(self)
        outer.addWidget(self.error_label)
        self.button_box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        outer.addWidget(self.button_box)
        self.setMinimumWidth(440)

    def _connect_signals(self) -> None:
        self.date_edit.dateChanged.connect(self._on_date_changed)
        self.button_box.accepted.connect(self.accept)
        self.button_box.rejected.connect(self.reject)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        grow_to_fit(self)

    def _on_date_changed(self) -> None:
        day = to_date(self.date_edit.date())
        same_day = [step for step in self._medication.doses if step.start == day]
        if same_day:
            dose = format_dose(same_day[0].dose, self._medication.unit)
            self.replaces_label.setText(f"This replaces the {dose} entered from {format_day(day)}.")
            self.replaces_label.show()
        else:
            self.replaces_label.hide()
        if self.isVisible():
            grow_to_fit(self)

    def step(self) -> DoseStep:
        """The dose change as entered (valid after ``accepted``)."""
        return DoseStep(to_date(self.date_edit.date()), self.dose_spin.value())

    def accept(self) -> None:
        step = self.step()
        try:
            validate_medication(self._medication.with_dose_change(step), self._today)
        except InvalidEntry as error:
            # "dose" names the whole history: the amount when it is the fault, else the date.
            at_fault = self.dose_spin if not step.dose > 0 else self.date_edit
            show_error(self.error_label, error, at_fault)
            return
        self.error_label.hide()
        super().accept()
