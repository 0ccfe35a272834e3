"""MedicationDialog: add a medication being taken now, or edit any medication.

Typing a name moodlog's reference table knows fills in its class, role, unit and adequate
minimum dose (editable defaults, only into fields the person has not changed) and shows the
usual range with its source. The dose history of an existing medication is changed through
DoseChangeDialog, not here.
"""

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QSizePolicy,
    QWidget,
)

from moodlog.domain.day_text import day_text
from moodlog.domain.errors import InvalidEntry
from moodlog.domain.medication_reference import MedicationReference
from moodlog.domain.medications import (
    DoseStep,
    Medication,
    MedicationRole,
    Schedule,
    format_dose,
    validate_medication,
)
from moodlog.domain.translation import QT_TRANSLATE_NOOP
from moodlog.ui.form_dialog import (
    FormDialog,
    buddy_label,
    make_choice_combo,
    make_date_edit,
    make_line_edit,
    make_note_label,
    stacked,
)
from moodlog.ui.medication_form import (
    UNITS,
    DoseSpinBox,
    dose_history_text,
    make_name_edit,
    make_reference_label,
    make_unit_combo,
    reference_spelling,
    show_reference,
)
from moodlog.ui.qt_dates import to_date, to_qdate

ADEQUATE_MIN_TEXT = QT_TRANSLATE_NOOP(
    "MedicationDialog",
    "The lowest daily dose that counts as a full trial in your treatment summary. "
    "“Unknown” is fine.",
)


_NOT_AUTO = object()  # a field value moodlog never filled in: auto-fill leaves it alone


class MedicationDialog(FormDialog):
    """Add a medication being taken now (``existing`` of ``None``) or edit ``existing``.

    Public inputs: ``name_edit``, ``class_combo``, ``role_combo``, ``dose_spin``,
    ``unit_combo``, ``formulation_edit``, ``schedule_combo``, ``started_edit``,
    ``adequate_min_spin``, ``note_edit``; feedback: ``reference_label``, ``error_label``,
    ``dose_history_label`` (editing only; ``dose_spin`` is hidden then); ``button_box``.
    Result: ``medication()`` after ``accepted``.
    """

    def __init__(
        self,
        today: date,
        reference: MedicationReference,
        existing: Medication | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, fit_to_text=True, select_at_fault=True)
        self._today = today
        self._reference = reference
        self._existing = existing
        self.setWindowTitle(
            self.tr("Add a medication") if existing is None else self.tr("Edit medication")
        )
        self._build_layout()
        self._fill(existing)
        self._connect_signals()
        self._on_name_changed(self.name_edit.text())
        self.name_edit.setFocus()

    # -- layout ------------------------------------------------------------------------------

    def _build_layout(self) -> None:
        self.name_edit = make_name_edit(self._reference, self)
        self.reference_label = make_reference_label(self._reference, self)
        self._add_row(
            self.tr("&Name"), stacked(self.name_edit, self.reference_label), self.name_edit
        )

        self.class_combo = QComboBox(self)
        self.class_combo.setEditable(True)
        self.class_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        classes = sorted({d.drug_class for d in self._reference.drugs}, key=str.casefold)
        self.class_combo.addItems(classes)
        self.class_combo.setCurrentIndex(-1)
        self.class_combo.setAccessibleName(self.tr("Medication class"))
        self.class_combo.setAccessibleDescription(
            self.tr("The kind of medicine, such as SSRI: choose from the list or type it")
        )
        class_line = self.class_combo.lineEdit()
        if class_line is not None:
            class_line.setPlaceholderText(self.tr("e.g. SSRI (optional)"))
        #: The medication's drug class, e.g. SSRI
        self._add_row(self.tr("C&lass"), self.class_combo)

        #: What the medication is for: antidepressant, augmentation or other
        self.role_combo = make_choice_combo(self.tr("Role"), MedicationRole, self)
        self.role_combo.setAccessibleDescription(
            self.tr("Whether it is an antidepressant, an add-on to one, or another medicine")
        )
        self._add_row(self.tr("&Role"), self.role_combo)

        dose_row = QHBoxLayout()
        self.dose_spin = DoseSpinBox(self.tr("Daily dose"), self)
        self.dose_spin.setAccessibleDescription(self.tr("How much you take in a day, in all"))
        self.unit_combo = make_unit_combo(self)
        dose_row.addWidget(self.dose_spin)
        #: The dose's unit (mg, ml …), beside the daily dose
        self._unit_label = buddy_label(self.tr("&unit"), self.unit_combo, self)
        dose_row.addWidget(self._unit_label)
        dose_row.addWidget(self.unit_combo)
        dose_row.addStretch(1)
        self._dose_label = self._add_row(self.tr("Daily &dose"), dose_row, self.dose_spin)
        self.dose_history_label = QLabel(self)
        self.dose_history_label.setWordWrap(True)
        self.dose_history_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.dose_history_label.setSizePolicy(
            QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred
        )
        self.dose_history_label.setAccessibleName(self.tr("Dose history"))
        self._dose_history_caption = QLabel(self.tr("Doses so far"), self)
        self._form.addRow(self._dose_history_caption, self.dose_history_label)

        self.formulation_edit = make_line_edit(
            self.tr("Formulation"), self.tr("e.g. XR, liquid, patch"), self
        )
        self._add_row(self.tr("&Formulation"), self.formulation_edit)

        self.schedule_combo = make_choice_combo(self.tr("Schedule"), Schedule, self)
        self.schedule_combo.setAccessibleDescription(
            self.tr("Whether you take it every day or only when you need it")
        )
        self._add_row(self.tr("Sc&hedule"), self.schedule_combo)

        self.started_edit = make_date_edit(self._today, self._today, self.tr("Started on"), self)
        self.started_edit.setAccessibleDescription(self.tr("The day you began taking it"))
        self._add_row(self.tr("&Started"), self.started_edit)

        self.adequate_min_spin = DoseSpinBox(self.tr("Adequate minimum daily dose"), self)
        self.adequate_min_spin.setSpecialValueText(self.tr("Unknown"))
        self.adequate_min_spin.setAccessibleDescription(
            QCoreApplication.translate("MedicationDialog", ADEQUATE_MIN_TEXT)
        )
        self.adequate_min_label = make_note_label(
            QCoreApplication.translate("MedicationDialog", ADEQUATE_MIN_TEXT), self
        )
        self.adequate_min_label.setToolTip(self._reference.caution)
        self._add_row(
            self.tr("&Adequate minimum"),
            stacked(self.adequate_min_spin, self.adequate_min_label, full_width=False),
            self.adequate_min_spin,
        )

        self.note_edit = QPlainTextEdit(self)
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setPlaceholderText(self.tr("Anything worth remembering (optional)"))
        self.note_edit.setAccessibleName(self.tr("Note"))
        self.note_edit.setAccessibleDescription(
            self.tr("Anything worth remembering about this medication; optional")
        )
        lines = self.note_edit.fontMetrics().lineSpacing() * 3
        self.note_edit.setFixedHeight(lines + 2 * self.note_edit.frameWidth() + 8)
        self._add_row(self.tr("Not&e"), self.note_edit)

        self._finish_layout()
        self.setMinimumWidth(560)

    def _fill(self, existing: Medication | None) -> None:
        """Show ``existing`` (or the defaults) and note which values auto-fill may replace."""
        if existing is None:
            self.dose_history_label.hide()
            self._dose_history_caption.hide()
            self._auto: dict[str, object] = {
                "class": "",
                "role": MedicationRole.ANTIDEPRESSANT,
                "unit": UNITS[0],
                "adequate_min": 0.0,
            }
            return
        # Editing: the dose changes through its own dialog; the unit can still be put right.
        self.dose_spin.hide()
        self._unit_label.hide()
        self._dose_label.setText(self.tr("&Unit"))
        self._dose_label.setBuddy(self.unit_combo)
        self.dose_history_label.setText(dose_history_text(existing))
        self.name_edit.setText(existing.name)
        self.class_combo.setCurrentText(existing.drug_class)
        self.role_combo.setCurrentIndex(self.role_combo.findData(existing.role))
        self.unit_combo.setCurrentText(existing.unit)
        self.formulation_edit.setText(existing.formulation)
        self.schedule_combo.setCurrentIndex(self.schedule_combo.findData(existing.schedule))
        self.started_edit.setDate(to_qdate(existing.started))
        self.adequate_min_spin.setValue(existing.adequate_min_dose or 0.0)
        self.note_edit.setPlainText(existing.note)
        # What the person saved is theirs; only blanks may still be filled in.
        self._auto = {
            "class": "" if not existing.drug_class else _NOT_AUTO,
            "role": _NOT_AUTO,
            "unit": _NOT_AUTO,
            "adequate_min": 0.0 if existing.adequate_min_dose is None else _NOT_AUTO,
        }

    def _connect_signals(self) -> None:
        self.name_edit.textChanged.connect(self._on_name_changed)
        self.unit_combo.currentTextChanged.connect(self._on_unit_changed)
        self._on_unit_changed(self.unit_combo.currentText())

    # -- behaviour ---------------------------------------------------------------------------

    def _current(self) -> dict[str, object]:
        return {
            "class": self.class_combo.currentText(),
            "role": self.role_combo.currentData(),
            "unit": self.unit_combo.currentText(),
            "adequate_min": self.adequate_min_spin.value(),
        }

    def _on_name_changed(self, text: str) -> None:
        drug = show_reference(self.reference_label, self._reference, text)
        self._refit()
        if drug is None:
            return  # an unknown name leaves every field as it is
        current = self._current()
        proposed: dict[str, object] = {
            "class": drug.drug_class,
            "role": drug.role,
            "unit": drug.unit,
            "adequate_min": drug.adequate_min or 0.0,
        }
        for key, value in proposed.items():
            if current[key] == self._auto[key]:  # untouched, or holding an earlier auto-fill
                self._set_field(key, value)
                self._auto[key] = value

    def _set_field(self, key: str, value: object) -> None:
        if key == "class":
            self.class_combo.setCurrentText(str(value))
        elif key == "role":
            self.role_combo.setCurrentIndex(self.role_combo.findData(value))
        elif key == "unit":
            self.unit_combo.setCurrentText(str(value))
        elif key == "adequate_min":
            assert isinstance(value, float)
            self.adequate_min_spin.setValue(value)

    def _on_unit_changed(self, unit: str) -> None:
        self.adequate_min_spin.setSuffix(f" {unit.strip()}" if unit.strip() else "")

    def medication(self) -> Medication:
        """The medication as entered (valid after ``accepted``). Raises InvalidEntry only for a
        start date moved past a later dose change of an existing medication."""
        adequate = self.adequate_min_spin.value()
        started = to_date(self.started_edit.date())
        entered = Medication(
            name=reference_spelling(self._reference, self.name_edit.text()),
            started=started,
            doses=(DoseStep(started, self.dose_spin.value()),),
            drug_class=self.class_combo.currentText().strip(),
            role=MedicationRole(self.role_combo.currentData()),
            unit=self.unit_combo.currentText().strip(),
            formulation=self.formulation_edit.text().strip(),
            schedule=Schedule(self.schedule_combo.currentData()),
            adequate_min_dose=adequate if adequate > 0 else None,
            note=self.note_edit.toPlainText().strip(),
        )
        existing = self._existing
        if existing is None:
            return entered
        # Editing keeps the dose history, the id and how (and whether) it ended.
        return replace(
            entered,
            doses=self._doses_from(existing, started),
            stopped=existing.stopped,
            stop_reason=existing.stop_reason,
            benefit=existing.benefit,
            dates_approximate=existing.dates_approximate,
            id=existing.id,
        )

    def _doses_from(self, existing: Medication, started: date) -> tuple[DoseStep, ...]:
        """The dose history with its first step moved along with a changed start date."""
        steps = list(existing.sorted_doses)
        if not steps or started == existing.started:
            return existing.doses
        first = steps[0]
        if first.start == existing.started or first.start < started:
            if len(steps) > 1 and steps[1].start <= started:
                later = steps[1]
                raise InvalidEntry(
                    self.tr(
                        "The start date is on or after a later dose change ({dose} from {day})."
                    ).format(
                        dose=format_dose(later.dose, existing.unit), day=day_text(later.start)
                    ),
                    "started",
                )
            steps[0] = DoseStep(started, first.dose)
        return tuple(steps)

    def _validate(self) -> None:
        validate_medication(self.medication(), self._today)

    def _field_widget(self, field: str) -> QWidget:
        editing = self._existing is not None
        return {
            "name": self.name_edit,
            "started": self.started_edit,
            "stopped": self.started_edit,  # the stop date itself is changed elsewhere
            "dose": self.started_edit if editing else self.dose_spin,
            "adequate_min": self.adequate_min_spin,
        }.get(field, self.name_edit)
