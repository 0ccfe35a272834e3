"""PgxDialog: enter (or correct) one pharmacogenetic test result, copied from the lab's
report. moodlog keeps it beside the medication list and never turns it into dose advice."""

from datetime import date

from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QWidget

from moodlog.domain.errors import InvalidEntry
from moodlog.domain.pharmacogenetics import PgxResult, Phenotype
from moodlog.ui.form_dialog import (
    FIRST_DAY,
    FormDialog,
    OptionalDate,
    make_choice_combo,
    make_date_edit,
    make_line_edit,
)

GENES = ("CYP2D6", "CYP2C19", "CYP2B6", "CYP1A2", "CYP3A4", "SLC6A4", "HTR2A")


class PgxDialog(FormDialog):
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
        self.setWindowTitle(
            self.tr("Edit a gene test result") if existing else self.tr("Add a gene test result")
        )
        self._build_layout()
        if existing is not None:
            self._load(existing)

    def _build_layout(self) -> None:
        self.intro_label = QLabel(
            self.tr(
                "Copy the result as the lab report gives it. moodlog keeps it beside your "
                "medicines for you and your clinician, and never turns it into dose advice."
            ),
            self,
        )
        self.intro_label.setWordWrap(True)
        self.gene_combo = QComboBox(self)
        self.gene_combo.setEditable(True)
        self.gene_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.gene_combo.addItems(GENES)
        self.gene_combo.setEditText("")
        choose = self.tr("Choose or type")
        self.gene_combo.setMinimumContentsLength(len(choose))
        self.gene_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        line_edit = self.gene_combo.lineEdit()
        if line_edit is not None:
            line_edit.setPlaceholderText(choose)
        self.gene_combo.setAccessibleName(self.tr("Gene"))
        self.gene_combo.setAccessibleDescription(
            self.tr("The gene tested, such as CYP2D6: choose from the list or type it")
        )
        self._add_row(self.tr("&Gene"), self.gene_combo)
        self.phenotype_combo = make_choice_combo(
            self.tr("Phenotype"), Phenotype, self, unset_text=self.tr("Not given")
        )
        self.phenotype_combo.setAccessibleDescription(
            self.tr("How the lab report describes the result, such as poor metaboliser")
        )
        self._add_row(self.tr("&Phenotype"), self.phenotype_combo)
        self.genotype_edit = make_line_edit(
            self.tr("Genotype"), self.tr("e.g. *1/*4 (optional)"), self
        )
        self._add_row(self.tr("Genot&ype"), self.genotype_edit)
        self.tested_check = QCheckBox(self.tr("&Tested on"), self)
        self.tested_check.setAccessibleName(self.tr("Test date known"))
        self.tested_check.setAccessibleDescription(
            self.tr("Tick to give the day of the test; leave it unticked if you don't know it")
        )
        self.tested_edit = make_date_edit(
            self._today,
            self._today,
            self.tr("Test date"),
            self,
            earliest=FIRST_DAY,
            tab_steps_through=True,
        )
        self.tested_edit.setAccessibleDescription(self.tr("The day the sample was tested"))
        # "Not given" until ticked; then today, or the date shown before it was unticked.
        self._tested_on = OptionalDate(
            self.tested_check, self.tested_edit, self._today, self.tr("Not given")
        )
        self._form.addRow(self.tested_check, self.tested_edit)
        #: The laboratory that did the test
        self.lab_edit = make_line_edit(self.tr("Lab"), self.tr("Optional"), self)
        self._add_row(self.tr("&Lab"), self.lab_edit)
        self.note_edit = make_line_edit(self.tr("Note"), self.tr("Optional"), self)
        self._add_row(self.tr("&Note"), self.note_edit)
        self._finish_layout(above=[self.intro_label])
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)

    def _load(self, result: PgxResult) -> None:
        self.gene_combo.setEditText(result.gene)
        self.phenotype_combo.setCurrentIndex(self.phenotype_combo.findData(result.phenotype))
        self.genotype_edit.setText(result.genotype)
        self._tested_on.set_value(result.tested_on)
        self.lab_edit.setText(result.lab)
        self.note_edit.setText(result.note)

    def _validate(self) -> None:
        # The one rule a result has; kept here as the domain has no validate function for it.
        if not self.gene_combo.currentText().strip():
            raise InvalidEntry(
                self.tr("Choose or type the gene that was tested, e.g. CYP2D6."), "gene"
            )

    def _field_widget(self, field: str) -> QWidget | None:
        return self.gene_combo if field == "gene" else None

    def pgx_result(self) -> PgxResult:
        """The result as entered; a known gene typed in any case is spelt as labs write it."""
        typed = self.gene_combo.currentText().strip()
        gene = next((known for known in GENES if known.lower() == typed.lower()), typed)
        phenotype = self.phenotype_combo.currentData()
        return PgxResult(
            gene=gene,
            phenotype=None if phenotype is None else Phenotype(phenotype),
            genotype=self.genotype_edit.text().strip(),
            tested_on=self._tested_on.value(),
            lab=self.lab_edit.text().strip(),
            note=self.note_edit.text().strip(),
            id=self._existing.id if self._existing else None,
        )
