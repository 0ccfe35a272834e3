"""DoseChangeDialog: record a new daily dose of a medication from a given date."""

from datetime import date

from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from moodlog.domain.day_text import day_text
from moodlog.domain.medications import DoseStep, Medication, format_dose, validate_medication
from moodlog.ui.form_dialog import FormDialog, make_date_edit, make_note_label
from moodlog.ui.medication_form import DoseSpinBox, dose_history_text
from moodlog.ui.qt_dates import to_date, to_qdate


class DoseChangeDialog(FormDialog):
    """A new daily dose of ``medication`` from a date between its start and today (or its stop
    date).

    Public inputs: ``date_edit``, ``dose_spin``; feedback: ``history_label``,
    ``replaces_label`` (shown when the date already has a dose), ``error_label``;
    ``button_box``. Result: ``step()`` after ``accepted``.
    """

    def __init__(self, medication: Medication, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent, expanding_fields=False, fit_to_text=True, select_at_fault=True)
        self._medication = medication
        self._today = today
        self.setWindowTitle(self.tr("Change dose — {name}").format(name=medication.name))
        self._build_layout()
        self.date_edit.dateChanged.connect(self._on_date_changed)
        self._on_date_changed()
        self.dose_spin.setFocus()

    def _build_layout(self) -> None:
        medication = self._medication
        self.history_label = QLabel(
            self.tr("Doses so far: {doses}").format(doses=dose_history_text(medication)), self
        )
        self.history_label.setWordWrap(True)
        self.history_label.setAccessibleName(self.tr("Dose history"))

        last_day = medication.stopped if medication.stopped is not None else self._today
        self.date_edit = make_date_edit(
            last_day, last_day, self.tr("Date of the dose change"), self
        )
        self.date_edit.setMinimumDate(to_qdate(medication.started))
        #: The date the new dose starts from
        self._add_row(self.tr("&From"), self.date_edit)

        dose_row = QHBoxLayout()
        self.dose_spin = DoseSpinBox(self.tr("New daily dose"), self)
        self.dose_spin.setValue(medication.current_dose or 0.0)
        self.unit_label = QLabel(medication.unit, self)
        dose_row.addWidget(self.dose_spin)
        dose_row.addWidget(self.unit_label)
        dose_row.addStretch(1)
        self._add_row(self.tr("New daily &dose"), dose_row, self.dose_spin)

        self.replaces_label = make_note_label("", self)
        self.replaces_label.setAccessibleName(self.tr("Note about this date"))
        self._finish_layout(above=[self.history_label], below=[self.replaces_label])
        self.setMinimumWidth(440)

    def _on_date_changed(self) -> None:
        day = to_date(self.date_edit.date())
        same_day = [step for step in self._medication.doses if step.start == day]
        if same_day:
            dose = format_dose(same_day[0].dose, self._medication.unit)
            self.replaces_label.setText(
                self.tr("This replaces the {dose} entered from {day}.").format(
                    dose=dose, day=day_text(day)
                )
            )
            self.replaces_label.show()
        else:
            self.replaces_label.hide()
        self._refit()

    def step(self) -> DoseStep:
        """The dose change as entered (valid after ``accepted``)."""
        return DoseStep(to_date(self.date_edit.date()), self.dose_spin.value())

    def _validate(self) -> None:
        validate_medication(self._medication.with_dose_change(self.step()), self._today)

    def _field_widget(self, field: str) -> QWidget:
        # "dose" names the whole history: the amount when it is the fault, else the date.
        return self.dose_spin if not self.step().dose > 0 else self.date_edit
