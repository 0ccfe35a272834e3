"""MedicationDialog: add a medication being taken now, or edit any medication.

Typing a name moodlog's reference table knows fills in its class, role, unit and adequate
minimum dose (editable defaults, only into fields the person has not changed) and shows the
usual range with its source. The dose history of an existing medication is changed through
DoseChangeDialog, not here.

The small helpers at the top (date fields, dose boxes, the name completer, the inline error
label) are shared by the other medication dialogs.
"""

import re
from dataclasses import replace
from datetime import date

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QPalette, QShowEvent, QValidator
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from moodlog.domain.errors import InvalidEntry
from moodlog.domain.medication_reference import MedicationReference, ReferenceDrug, name_key
from moodlog.domain.medications import (
    Benefit,
    DoseStep,
    Medication,
    MedicationRole,
    Schedule,
    StopReason,
    format_dose,
    validate_medication,
)
from moodlog.ui.qt_dates import to_date, to_qdate

UNITS = ("mg", "µg", "mg/24 h", "ml")
MAX_DOSE = 10_000.0
NOT_SURE = "Not sure"
UNKNOWN_DRUG_TEXT = "Not in moodlog's table — that's fine; enter the details you know."
ADEQUATE_MIN_TEXT = (
    "The lowest daily dose that counts as a full trial in your treatment summary. "
    "“Unknown” is fine."
)


# -- helpers shared by the medication dialogs ----------------------------------------------


def format_day(day: date) -> str:
    """A date as the dialogs show it, e.g. "3 Mar 2026"."""
    return QLocale().toString(to_qdate(day), "d MMM yyyy")


def dose_history_text(medication: Medication) -> str:
    """Every dose step in date order, e.g. "50 mg from 3 Mar 2026 → 100 mg from 24 Mar 2026"."""
    return " → ".join(
        f"{format_dose(step.dose, medication.unit)} from {format_day(step.start)}"
        for step in medication.sorted_doses
    )


def reference_spelling(reference: MedicationReference, typed: str) -> str:
    """``typed`` (trimmed) as moodlog's table spells it when it names a drug there or one of its
    aliases ("sertraline" → "Sertraline", "zoloft" → "Zoloft"); otherwise as typed."""
    name = typed.strip()
    drug = reference.find(name)
    if drug is not None:
        for spelling in (drug.name, *drug.aliases):
            if name_key(spelling) == name_key(name):
                return spelling
    return name


def source_text(drug: ReferenceDrug) -> str:
    """The reference's source up to its first ";", without citation keys like "[S41]"."""
    first = drug.source.split(";", 1)[0]
    without_keys = re.sub(r"\s*\[[^\]]*\]", "", first)
    return re.sub(r"\s*,(\s*,)*", ",", without_keys).strip(" ,")


def reference_hint(drug: ReferenceDrug) -> str:
    """What moodlog's table says about ``drug``: its usual range (an editable default, with its
    source) and the table's note, if any."""
    low, high = drug.usual_range_low, drug.usual_range_high
    if low is not None and high is not None and low != high:
        usual = f"Usual range {low:g}–{high:g} {drug.unit}"
    elif low is not None or high is not None:
        usual = f"Usual dose {format_dose(low if low is not None else high, drug.unit)}"
    else:
        usual = None
    if usual is None:
        text = f"moodlog's table gives no usual range for {drug.name} (source: {source_text(drug)})"
    else:
        text = f"{usual} (editable default; source: {source_text(drug)}, verify against the label)"
    return f"{text}\n{drug.note}" if drug.note else text


class DateEdit(QDateEdit):
    """A QDateEdit that is kinder to typing.

    - Tab leaves it at once instead of stepping through day, month and year (typing a whole
      part already moves on to the next one, as do the arrow keys).
    - A date outside the allowed range may stand half-typed: QDateEdit refuses the "2" of
      "24 Mar" when the earliest date is 3 Mar. Leaving the field still puts back the last
      allowed date, so no date outside the range is ever kept.
    """

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802 (Qt's name)
        return QWidget.focusNextPrevChild(self, next)

    def validate(self, text: str, pos: int, /) -> tuple[QValidator.State, str, int]:
        state, fixed, fixed_pos = super().validate(text, pos)
        if state == QValidator.State.Invalid and self._parses(text):
            return QValidator.State.Intermediate, text, pos
        return state, fixed, fixed_pos

    def _parses(self, text: str) -> bool:
        return self.locale().toDate(text, self.displayFormat()).isValid()


def make_date_edit(today: date, value: date, name: str, parent: QWidget) -> DateEdit:
    """A date field in the house style: calendar popup, no future dates, "3 Mar 2026"."""
    edit = DateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("d MMM yyyy")
    edit.setMaximumDate(to_qdate(today))
    edit.setDate(to_qdate(value))
    edit.setAccessibleName(name)
    return edit


class DoseSpinBox(QDoubleSpinBox):
    """A daily dose, 0–10000 with two decimals, shown without trailing zeros ("37.5", "100")."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(0, MAX_DOSE)
        self.setDecimals(2)
        self.setAccessibleName(name)

    def textFromValue(self, value: float) -> str:  # noqa: N802 (Qt's name)
        locale = self.locale()
        locale.setNumberOptions(locale.numberOptions() | QLocale.NumberOption.OmitGroupSeparator)
        text = locale.toString(value, "f", self.decimals())
        point = locale.decimalPoint()
        if point in text:
            text = text.rstrip("0").rstrip(point)
        return text


def make_unit_combo(parent: QWidget) -> QComboBox:
    combo = QComboBox(parent)
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    combo.addItems(list(UNITS))
    combo.setAccessibleName("Dose unit")
    return combo


def make_name_edit(reference: MedicationReference, parent: QWidget) -> QLineEdit:
    """The medication name, completing from the reference's names (any case, in a popup)."""
    edit = QLineEdit(parent)
    edit.setAccessibleName("Medication name")
    edit.setPlaceholderText("e.g. Sertraline")
    completer = QCompleter(reference.names(), edit)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    edit.setCompleter(completer)
    return edit


def make_stop_reason_combo(parent: QWidget, not_sure: bool) -> QComboBox:
    """StopReason labels (data: the StopReason); with ``not_sure``, "Not sure" (data: None)
    comes first and is chosen."""
    combo = QComboBox(parent)
    combo.setAccessibleName("Why it was stopped")
    if not_sure:
        combo.addItem(NOT_SURE, None)
    for reason in StopReason:
        combo.addItem(reason.label, reason)
    return combo


def make_benefit_combo(parent: QWidget) -> QComboBox:
    """The choice "Not sure" (data: None, chosen), then the Benefit labels (data: the Benefit)."""
    combo = QComboBox(parent)
    combo.setAccessibleName("How well it helped")
    combo.addItem(NOT_SURE, None)
    for benefit in Benefit:
        combo.addItem(benefit.label, benefit)
    return combo


def make_error_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setAccessibleName("Problem")
    label.hide()
    return label


def show_error(label: QLabel, error: InvalidEntry, field: QWidget) -> None:
    """Say what is wrong under the form and put the focus on ``field``; nothing typed is lost."""
    label.setText(f"⚠ {error.message}")
    label.show()
    field.setFocus(Qt.FocusReason.OtherFocusReason)
    # Select what is there, so typing replaces it (the text itself stays until then).
    if isinstance(field, QDateTimeEdit):
        field.setSelectedSection(field.sectionAt(0))
    elif isinstance(field, QAbstractSpinBox):
        field.selectAll()
    window = label.window()
    if isinstance(window, QDialog):
        grow_to_fit(window)


def make_note_label(text: str, parent: QWidget) -> QLabel:
    """A quieter, smaller explanatory line."""
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    small = label.font()
    small.setPointSizeF(small.pointSizeF() * 0.9)
    label.setFont(small)
    label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    return label


def grow_to_fit(dialog: QDialog) -> None:
    """Make ``dialog`` tall enough for its wrapped text at its current width (a top-level
    window does not follow its labels' height-for-width by itself), never shorter."""
    layout = dialog.layout()
    if layout is None:
        return
    layout.activate()
    width = max(dialog.width(), dialog.minimumWidth())
    needed = (
        layout.totalHeightForWidth(width)
        if layout.hasHeightForWidth()
        else layout.totalSizeHint().height()
    )
    dialog.setMinimumHeight(needed)
    if dialog.height() < needed:
        dialog.resize(width, needed)


def stacked(field: QWidget, note: QLabel, *, full_width: bool = True) -> QVBoxLayout:
    """A form field with its explanatory line close beneath it."""
    column = QVBoxLayout()
    column.setSpacing(2)
    if full_width:
        column.addWidget(field)
    else:
        column.addWidget(field, 0, Qt.AlignmentFlag.AlignLeft)
    column.addWidget(note)
    return column


def buddy_label(text: str, buddy: QWidget, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setBuddy(buddy)
    return label


# -- the dialog ------------------------------------------------------------------------------

_NOT_AUTO = object()  # a field value moodlog never filled in: auto-fill leaves it alone


class MedicationDialog(QDialog):
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
        super().__init__(parent)
        self._today = today
        self._reference = reference
        self._existing = existing
        self.setWindowTitle("Add a medication" if existing is None else "Edit medication")
        self._build_layout()
        self._fill(existing)
        self._connect_signals()
        self._on_name_changed(self.name_edit.text())
        self.name_edit.setFocus()

    # -- layout ------------------------------------------------------------------------------

    def _build_layout(self) -> None:
        outer = QVBoxLayout(self)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)

        self.name_edit = make_name_edit(self._reference, self)
        self.reference_label = make_note_label("", self)
        self.reference_label.setAccessibleName("About this medicine")
        self.reference_label.setToolTip(self._reference.caution)
        form.addRow(
            buddy_label("&Name", self.name_edit, self),
            stacked(self.name_edit, self.reference_label),
        )

        self.class_combo = QComboBox(self)
        self.class_combo.setEditable(True)
        self.class_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        classes = sorted({d.drug_class for d in self._reference.drugs}, key=str.casefold)
        self.class_combo.addItems(classes)
        self.class_combo.setCurrentIndex(-1)
        self.class_combo.setAccessibleName("Medication class")
        class_line = self.class_combo.lineEdit()
        if class_line is not None:
            class_line.setPlaceholderText("e.g. SSRI (optional)")
        form.addRow(buddy_label("C&lass", self.class_combo, self), self.class_combo)

        self.role_combo = QComboBox(self)
        for role in MedicationRole:
            self.role_combo.addItem(role.label, role)
        self.role_combo.setAccessibleName("Role")
        form.addRow(buddy_label("&Role", self.role_combo, self), self.role_combo)

        dose_row = QHBoxLayout()
        self.dose_spin = DoseSpinBox("Daily dose", self)
        self.unit_combo = make_unit_combo(self)
        dose_row.addWidget(self.dose_spin)
        self._unit_label = buddy_label("&unit", self.unit_combo, self)
        dose_row.addWidget(self._unit_label)
        dose_row.addWidget(self.unit_combo)
        dose_row.addStretch(1)
        self._dose_label = buddy_label("Daily &dose", self.dose_spin, self)
        form.addRow(self._dose_label, dose_row)
        self.dose_history_label = QLabel(self)
        self.dose_history_label.setWordWrap(True)
        self.dose_history_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.dose_history_label.setSizePolicy(
            QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred
        )
        self.dose_history_label.setAccessibleName("Dose history")
        self._dose_history_caption = QLabel("Doses so far", self)
        form.addRow(self._dose_history_caption, self.dose_history_label)

        self.formulation_edit = QLineEdit(self)
        self.formulation_edit.setPlaceholderText("e.g. XR, liquid, patch")
        self.formulation_edit.setAccessibleName("Formulation")
        form.addRow(buddy_label("&Formulation", self.formulation_edit, self), self.formulation_edit)

        self.schedule_combo = QComboBox(self)
        for schedule in Schedule:
            self.schedule_combo.addItem(schedule.label, schedule)
        self.schedule_combo.setAccessibleName("Schedule")
        form.addRow(buddy_label("Sc&hedule", self.schedule_combo, self), self.schedule_combo)

        self.started_edit = make_date_edit(self._today, self._today, "Started on", self)
        form.addRow(buddy_label("&Started", self.started_edit, self), self.started_edit)

        self.adequate_min_spin = DoseSpinBox("Adequate minimum daily dose", self)
        self.adequate_min_spin.setSpecialValueText("Unknown")
        self.adequate_min_label = make_note_label(ADEQUATE_MIN_TEXT, self)
        self.adequate_min_label.setToolTip(self._reference.caution)
        form.addRow(
            buddy_label("&Adequate minimum", self.adequate_min_spin, self),
            stacked(self.adequate_min_spin, self.adequate_min_label, full_width=False),
        )

        self.note_edit = QPlainTextEdit(self)
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setPlaceholderText("Anything worth remembering (optional)")
        self.note_edit.setAccessibleName("Note")
        lines = self.note_edit.fontMetrics().lineSpacing() * 3
        self.note_edit.setFixedHeight(lines + 2 * self.note_edit.frameWidth() + 8)
        form.addRow(buddy_label("Not&e", self.note_edit, self), self.note_edit)

        outer.addLayout(form)
        self.error_label = make_error_label(self)
        outer.addWidget(self.error_label)
        self.button_box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        outer.addWidget(self.button_box)
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
        self._dose_label.setText("&Unit")
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
        self.button_box.accepted.connect(self.accept)
        self.button_box.rejected.connect(self.reject)
        self._on_unit_changed(self.unit_combo.currentText())

    # -- behaviour ---------------------------------------------------------------------------

    def _current(self) -> dict[str, object]:
        return {
            "class": self.class_combo.currentText(),
            "role": self.role_combo.currentData(),
            "unit": self.unit_combo.currentText(),
            "adequate_min": self.adequate_min_spin.value(),
        }

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        grow_to_fit(self)

    def _on_name_changed(self, text: str) -> None:
        drug = self._reference.find(text) if text.strip() else None
        self._show_reference(text, drug)
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

    def _show_reference(self, text: str, drug: ReferenceDrug | None) -> None:
        if not text.strip():
            self.reference_label.hide()
        else:
            hint = UNKNOWN_DRUG_TEXT if drug is None else reference_hint(drug)
            self.reference_label.setText(hint)
            self.reference_label.show()
        if self.isVisible():
            grow_to_fit(self)

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
                    "The start date is on or after a later dose change "
                    f"({format_dose(later.dose, existing.unit)} from {format_day(later.start)}).",
                    "started",
                )
            steps[0] = DoseStep(started, first.dose)
        return tuple(steps)

    def _field_widget(self, field: str) -> QWidget:
        editing = self._existing is not None
        return {
            "name": self.name_edit,
            "started": self.started_edit,
            "stopped": self.started_edit,  # the stop date itself is changed elsewhere
            "dose": self.started_edit if editing else self.dose_spin,
            "adequate_min": self.adequate_min_spin,
        }.get(field, self.name_edit)

    def accept(self) -> None:
        try:
            validate_medication(self.medication(), self._today)
        except InvalidEntry as error:
            show_error(self.error_label, error, self._field_widget(error.field))
            return
        self.error_label.hide()
        super().accept()
