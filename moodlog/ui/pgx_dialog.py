"""PgxDialog: enter (or correct) one pharmacogenetic test result, copied from the lab's
report. moodlog keeps it beside the medication list and never turns it into dose advice."""

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from moodlog.domain.pharmacogenetics import PgxResult, Phenotype
from moodlog.ui.qt_dates import to_qdate

GENES = ("CYP2D6", "CYP2C19", "CYP2B6", "CYP1A2", "CYP3A4", "SLC6A4", "HTR2A")
_FIRST_DAY = QDate(1900, 1, 1)


def _to_date(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


class PgxDialog(QDialog):
    """Enter a result (or correct ``existing``). :meth:`pgx_result` holds it once the
    dialog is accepted.

    The result method is not called ``result()``: that would hide ``QDialog.result()``,
    the accepted/rejected code.
    """

    def __init__(
        self, today: date, parent: QWidget | None = None, *, existing: PgxResult | None = None
    ) -> None:
        super().__init__(parent)
        self._today = today
        self._existing = existing
        self._tested_on = today  # the date offered when "Tested on" is ticked
        self.setWindowTitle("Edit a gene test result" if existing else "Add a gene test result")
        self._build_layout()
        self._connect_signals()
        if existing is not None:
            self._load(existing)

    def _build_layout(self) -> None:
        outer = QVBoxLayout(self)
        self.intro_label = QLabel(
            "Copy the result as the lab report gives it. moodlog keeps it beside your "
            "medicines for you and your clinician, and never turns it into dose advice.",
            self,
        )
        self.intro_label.setWordWrap(True)
        outer.addWidget(self.intro_label)
        self._form = form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.gene_combo = QComboBox(self)
        self.gene_combo.setEditable(True)
        self.gene_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.gene_combo.addItems(GENES)
        self.gene_combo.setEditText("")
        self.gene_combo.setMinimumContentsLength(len("Choose or type"))
        self.gene_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        line_edit = self.gene_combo.lineEdit()
        if line_edit is not None:
            line_edit.setPlaceholderText("Choose or type")
        self.gene_combo.setAccessibleName("Gene")
        self._add_row("&Gene", self.gene_combo)
        self.phenotype_combo = QComboBox(self)
        self.phenotype_combo.addItem("Not given", None)
        for phenotype in Phenotype:
            self.phenotype_combo.addItem(phenotype.label, phenotype)
        self.phenotype_combo.setAccessibleName("Phenotype")
        self._add_row("&Phenotype", self.phenotype_combo)
        self.genotype_edit = QLineEdit(self)
        self.genotype_edit.setPlaceholderText("e.g. *1/*4 (optional)")
        self.genotype_edit.setAccessibleName("Genotype")
        self._add_row("Genot&ype", self.genotype_edit)
        self.tested_check = QCheckBox("&Tested on", self)
        self.tested_check.setAccessibleName("Test date known")
        self.tested_edit = QDateEdit(to_qdate(self._today), self)
        self.tested_edit.setCalendarPopup(True)
        self.tested_edit.setDisplayFormat("d MMM yyyy")
        self.tested_edit.setDateRange(_FIRST_DAY, to_qdate(self._today))
        self.tested_edit.setSpecialValueText("Not given")
        self.tested_edit.setAccessibleName("Test date")
        form.addRow(self.tested_check, self.tested_edit)
        self.lab_edit = QLineEdit(self)
        self.lab_edit.setPlaceholderText("Optional")
        self.lab_edit.setAccessibleName("Lab")
        self._add_row("&Lab", self.lab_edit)
        self.note_edit = QLineEdit(self)
        self.note_edit.setPlaceholderText("Optional")
        self.note_edit.setAccessibleName("Note")
        self._add_row("&Note", self.note_edit)
        outer.addLayout(form)
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setAccessibleName("Problem")
        self.error_label.hide()
        outer.addWidget(self.error_label)
        outer.addStretch(1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        outer.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)

    def _add_row(self, text: str, field: QWidget) -> None:
        label = QLabel(text, self)
        label.setBuddy(field)
        self._form.addRow(label, field)

    def _connect_signals(self) -> None:
        self.tested_check.toggled.connect(self._on_tested_toggled)
        self.buttons.accepted.connect(self._on_ok)
        self.buttons.rejected.connect(self.reject)
        self._on_tested_toggled(False)

    def _load(self, result: PgxResult) -> None:
        self.gene_combo.setEditText(result.gene)
        self.phenotype_combo.setCurrentIndex(self.phenotype_combo.findData(result.phenotype))
        self.genotype_edit.setText(result.genotype)
        if result.tested_on is not None:
            self._tested_on = result.tested_on
            self.tested_check.setChecked(True)
        self.lab_edit.setText(result.lab)
        self.note_edit.setText(result.note)

    def _on_tested_toggled(self, checked: bool) -> None:
        if checked:
            self.tested_edit.setEnabled(True)
            self.tested_edit.setDate(to_qdate(self._tested_on))
        else:
            if self.tested_edit.date() != _FIRST_DAY:
                self._tested_on = _to_date(self.tested_edit.date())
            self.tested_edit.setDate(_FIRST_DAY)  # shows "Not given"
            self.tested_edit.setEnabled(False)

    def _on_ok(self) -> None:
        # The one rule a result has; kept here as the domain has no validate function for it.
        if not self.gene_combo.currentText().strip():
            self.error_label.setText("⚠ Choose or type the gene that was tested, e.g. CYP2D6.")
            self.error_label.show()
            self.gene_combo.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.error_label.hide()
        self.accept()

    def pgx_result(self) -> PgxResult:
        """The result as entered; a known gene typed in any case is spelt as labs write it."""
        typed = self.gene_combo.currentText().strip()
        gene = next((known for known in GENES if known.lower() == typed.lower()), typed)
        phenotype = self.phenotype_combo.currentData()
        return PgxResult(
            gene=gene,
            phenotype=None if phenotype is None else Phenotype(phenotype),
            genotype=self.genotype_edit.text().strip(),
            tested_on=_to_date(self.tested_edit.date()) if self.tested_check.isChecked() else None,
            lab=self.lab_edit.text().strip(),
            note=self.note_edit.text().strip(),
            id=self._existing.id if self._existing else None,
        )
