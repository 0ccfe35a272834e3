"""StopMedicationDialog: record that a medication was stopped, why, and how well it helped."""

from dataclasses import replace
from datetime import date

from PySide6.QtWidgets import QLabel, QWidget

from moodlog.domain.day_text import day_text
from moodlog.domain.errors import InvalidEntry
from moodlog.domain.medications import (
    Benefit,
    Medication,
    StopReason,
    format_dose,
    validate_medication,
)
from moodlog.ui.form_dialog import FormDialog, make_date_edit
from moodlog.ui.medication_form import make_benefit_combo, make_stop_reason_combo
from moodlog.ui.qt_dates import to_date, to_qdate


class StopMedicationDialog(FormDialog):
    """When ``medication`` was stopped (its start date to today), why, and how well it helped.

    Public inputs: ``date_edit``, ``reason_combo`` (no reason chosen at first),
    ``benefit_combo`` ("Not sure" chosen at first); feedback: ``summary_label``,
    ``error_label``; ``button_box``. Result: ``stopped()`` after ``accepted``.
    """

    def __init__(self, medication: Medication, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent, expanding_fields=False, fit_to_text=True, select_at_fault=True)
        self._medication = medication
        self._today = today
        self.setWindowTitle(self.tr("Stop {name}").format(name=medication.name))
        self._build_layout()
        self.date_edit.setFocus()

    def _build_layout(self) -> None:
        medication = self._medication
        dose = format_dose(medication.current_dose, medication.unit)
        self.summary_label = QLabel(
            self.tr("{name}, {dose}, taken since {day}.").format(
                name=medication.name, dose=dose, day=day_text(medication.started)
            ),
            self,
        )
        self.summary_label.setWordWrap(True)

        self.date_edit = make_date_edit(self._today, self._today, self.tr("Stop date"), self)
        self.date_edit.setMinimumDate(to_qdate(medication.started))
        self._add_row(self.tr("&Last day taken"), self.date_edit)
        self.reason_combo = make_stop_reason_combo(self, not_sure=False)
        self.reason_combo.setPlaceholderText(self.tr("Choose a reason"))
        self.reason_combo.setCurrentIndex(-1)
        self._add_row(self.tr("&Why it was stopped"), self.reason_combo)
        self.benefit_combo = make_benefit_combo(self)
        self._add_row(self.tr("How well did it &help?"), self.benefit_combo)

        self._finish_layout(above=[self.summary_label])
        self.setMinimumWidth(440)

    def stopped(self) -> tuple[date, StopReason, Benefit | None]:
        """The stop date, the reason and the benefit (``None``: not sure), valid after
        ``accepted``. Raises InvalidEntry while no reason is chosen."""
        reason = self.reason_combo.currentData()
        if reason is None:
            raise InvalidEntry(self.tr("Choose why it was stopped."), "stop_reason")
        benefit = self.benefit_combo.currentData()
        return (
            to_date(self.date_edit.date()),
            StopReason(reason),
            None if benefit is None else Benefit(benefit),
        )

    def _validate(self) -> None:
        day, reason, benefit = self.stopped()
        validate_medication(
            replace(self._medication, stopped=day, stop_reason=reason, benefit=benefit),
            self._today,
        )

    def _field_widget(self, field: str) -> QWidget:
        return self.reason_combo if field == "stop_reason" else self.date_edit
