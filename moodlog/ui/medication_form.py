"""What the medication dialogs share: their fields (the name, completing from moodlog's
reference table; the daily dose; the unit; why it was stopped; how well it helped) and the
text they show (dates, a dose history, what the reference table says about the name typed)."""

import re

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QDoubleSpinBox, QLabel, QLineEdit, QWidget

from moodlog.domain.day_text import day_text
from moodlog.domain.medication_reference import MedicationReference, ReferenceDrug, name_key
from moodlog.domain.medications import Benefit, Medication, StopReason, format_dose
from moodlog.domain.translation import QT_TRANSLATE_NOOP
from moodlog.ui.form_dialog import make_choice_combo, make_note_label

UNITS = ("mg", "µg", "mg/24 h", "ml")
MAX_DOSE = 10_000.0
NOT_SURE = QT_TRANSLATE_NOOP("MedicationForm", "Not sure")
UNKNOWN_DRUG_TEXT = QT_TRANSLATE_NOOP(
    "MedicationForm", "Not in moodlog's table — that's fine; enter the details you know."
)


# -- text ------------------------------------------------------------------------------------


def dose_history_text(medication: Medication) -> str:
    """Every dose step in date order, e.g. "50 mg from 3 Mar 2026 → 100 mg from 24 Mar 2026"."""
    return " → ".join(
        #: A dose and the day it began, e.g. "50 mg from 3 Mar 2026"
        QCoreApplication.translate("MedicationForm", "{dose} from {day}").format(
            dose=format_dose(step.dose, medication.unit), day=day_text(step.start)
        )
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
    source = source_text(drug)
    if low is not None and high is not None and low != high:
        text = QCoreApplication.translate(
            "MedicationForm",
            "Usual range {low}–{high} {unit} (editable default; source: {source}, verify "
            "against the label)",
        ).format(low=f"{low:g}", high=f"{high:g}", unit=drug.unit, source=source)
    elif low is not None or high is not None:
        text = QCoreApplication.translate(
            "MedicationForm",
            "Usual dose {dose} (editable default; source: {source}, verify against the label)",
        ).format(dose=format_dose(low if low is not None else high, drug.unit), source=source)
    else:
        text = QCoreApplication.translate(
            "MedicationForm", "moodlog's table gives no usual range for {name} (source: {source})"
        ).format(name=drug.name, source=source)
    return f"{text}\n{drug.note}" if drug.note else text


def make_reference_label(reference: MedicationReference, parent: QWidget) -> QLabel:
    """The quiet line under the name that says what moodlog's table says about it."""
    label = make_note_label("", parent)
    label.setAccessibleName(QCoreApplication.translate("MedicationForm", "About this medicine"))
    label.setToolTip(reference.caution)
    return label


def show_reference(
    label: QLabel, reference: MedicationReference, typed: str
) -> ReferenceDrug | None:
    """Show in ``label`` what moodlog's table says about the name ``typed`` (hide it while no
    name is typed) and return the drug the table knows by that name, if any."""
    if not typed.strip():
        label.hide()
        return None
    drug = reference.find(typed)
    if drug is None:
        label.setText(QCoreApplication.translate("MedicationForm", UNKNOWN_DRUG_TEXT))
    else:
        label.setText(reference_hint(drug))
    label.show()
    return drug


# -- fields ----------------------------------------------------------------------------------


class DoseSpinBox(QDoubleSpinBox):
    """A daily dose, 0–10000 with two decimals, shown without trailing zeros ("37.5", "100")."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(0, MAX_DOSE)
        self.setDecimals(2)
        self.setAccessibleName(name)
        self.setAccessibleDescription(self.tr("The dose for a whole day, in the unit beside it"))

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
    combo.setAccessibleName(QCoreApplication.translate("MedicationForm", "Dose unit"))
    combo.setAccessibleDescription(
        QCoreApplication.translate(
            "MedicationForm", "What the dose is measured in: choose from the list or type it"
        )
    )
    return combo


def make_name_edit(reference: MedicationReference, parent: QWidget) -> QLineEdit:
    """The medication name, completing from the reference's names (any case, in a popup)."""
    edit = QLineEdit(parent)
    edit.setAccessibleName(QCoreApplication.translate("MedicationForm", "Medication name"))
    edit.setPlaceholderText(QCoreApplication.translate("MedicationForm", "e.g. Sertraline"))
    completer = QCompleter(reference.names(), edit)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    edit.setCompleter(completer)
    return edit


def make_stop_reason_combo(parent: QWidget, not_sure: bool) -> QComboBox:
    """StopReason labels (data: the StopReason); with ``not_sure``, "Not sure" (data: None)
    comes first and is chosen."""
    unset_text = QCoreApplication.translate("MedicationForm", NOT_SURE) if not_sure else None
    combo = make_choice_combo(
        QCoreApplication.translate("MedicationForm", "Why it was stopped"),
        StopReason,
        parent,
        unset_text=unset_text,
    )
    combo.setAccessibleDescription(
        QCoreApplication.translate("MedicationForm", "The main reason the medication was stopped")
    )
    return combo


def make_benefit_combo(parent: QWidget) -> QComboBox:
    """The choice "Not sure" (data: None, chosen), then the Benefit labels (data: the Benefit)."""
    combo = make_choice_combo(
        QCoreApplication.translate("MedicationForm", "How well it helped"),
        Benefit,
        parent,
        unset_text=QCoreApplication.translate("MedicationForm", NOT_SURE),
    )
    combo.setAccessibleDescription(
        QCoreApplication.translate(
            "MedicationForm", "Your own rating of how much this medication helped"
        )
    )
    return combo
