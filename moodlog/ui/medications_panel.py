"""MedicationsPanel: the list of medications (current and past) with their actions, and the
pharmacogenetic results beside it."""

from PySide6.QtCore import QCoreApplication, Qt, Signal, SignalInstance
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from moodlog.domain.day_text import day_text
from moodlog.domain.medications import Medication, Schedule, format_dose
from moodlog.domain.pharmacogenetics import PgxResult
from moodlog.domain.translation import QT_TRANSLATE_NOOP
from moodlog.ui.record_table import make_record_table

_COLUMNS = (
    QT_TRANSLATE_NOOP("MedicationsPanel", "Medication"),
    #: The medication's drug class, e.g. SSRI
    QT_TRANSLATE_NOOP("MedicationsPanel", "Class"),
    QT_TRANSLATE_NOOP("MedicationsPanel", "Dose now (highest)"),
    QT_TRANSLATE_NOOP("MedicationsPanel", "Started"),
    QT_TRANSLATE_NOOP("MedicationsPanel", "Stopped"),
    QT_TRANSLATE_NOOP("MedicationsPanel", "Why stopped"),
    QT_TRANSLATE_NOOP("MedicationsPanel", "How well it helped"),
)


class MedicationsPanel(QWidget):
    """Signals carry the :class:`Medication` (or :class:`PgxResult`) acted on."""

    add_requested = Signal()
    add_past_requested = Signal()
    change_dose_requested = Signal(object)
    stop_requested = Signal(object)
    edit_requested = Signal(object)
    delete_requested = Signal(object)
    add_pgx_requested = Signal()
    remove_pgx_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._medications: list[Medication] = []
        self._build_layout()
        self._connect_signals()
        self._refresh_buttons()

    def _build_layout(self) -> None:
        row = QHBoxLayout(self)
        left = QVBoxLayout()
        columns = [QCoreApplication.translate("MedicationsPanel", c) for c in _COLUMNS]
        self.table = make_record_table(columns, self.tr("Medications"), self)
        self.table.setAccessibleDescription(
            self.tr(
                "Your medications, current ones first: name, dose, dates and how well each "
                "helped; Enter opens one to change it"
            )
        )
        left.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("&Add medication…"), self)
        self.add_past_button = QPushButton(self.tr("Add earlier tri&al…"), self)
        self.add_past_button.setToolTip(
            self.tr("A medication you took before: month, highest dose and why it stopped")
        )
        self.change_dose_button = QPushButton(self.tr("Change d&ose…"), self)
        self.stop_button = QPushButton(self.tr("Sto&p…"), self)
        self.edit_button = QPushButton(self.tr("&Edit…"), self)
        self.delete_button = QPushButton(self.tr("Delete…"), self)
        described = (
            (self.add_button, self.tr("Add a medication you take now")),
            (self.change_dose_button, self.tr("Record a new dose of the chosen medication")),
            (self.stop_button, self.tr("Record that you stopped the chosen medication")),
            (self.edit_button, self.tr("Change the details of the chosen medication")),
            (self.delete_button, self.tr("Remove the chosen medication from the diary")),
        )
        for button, description in described:
            button.setAccessibleDescription(description)
        for button in (
            self.add_button,
            self.add_past_button,
            self.change_dose_button,
            self.stop_button,
            self.edit_button,
            self.delete_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        left.addLayout(buttons)
        row.addLayout(left, 3)

        self.pgx_box = QGroupBox(self.tr("Pharmacogenetic tests"), self)
        pgx = QVBoxLayout(self.pgx_box)
        self.pgx_list = QListWidget(self.pgx_box)
        self.pgx_list.setAccessibleName(self.tr("Pharmacogenetic test results"))
        self.pgx_list.setAccessibleDescription(
            self.tr("Your gene test results, one gene on each line")
        )
        self.pgx_list.setWordWrap(True)
        self.pgx_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        pgx.addWidget(self.pgx_list, 1)
        self.pgx_notes = QLabel(self.pgx_box)
        self.pgx_notes.setWordWrap(True)
        self.pgx_notes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.pgx_notes.setAccessibleName(self.tr("Notes on published gene–drug guidelines"))
        pgx.addWidget(self.pgx_notes)
        pgx_buttons = QHBoxLayout()
        self.add_pgx_button = QPushButton(self.tr("Add res&ult…"), self.pgx_box)
        self.add_pgx_button.setAccessibleDescription(
            self.tr("Add the result of a gene test, from your test report")
        )
        self.remove_pgx_button = QPushButton(self.tr("Remove"), self.pgx_box)
        self.remove_pgx_button.setAccessibleDescription(
            self.tr("Remove the chosen gene test result")
        )
        pgx_buttons.addWidget(self.add_pgx_button)
        pgx_buttons.addWidget(self.remove_pgx_button)
        pgx_buttons.addStretch(1)
        pgx.addLayout(pgx_buttons)
        row.addWidget(self.pgx_box, 1)

    def _connect_signals(self) -> None:
        self.add_button.clicked.connect(self.add_requested)
        self.add_past_button.clicked.connect(self.add_past_requested)
        self.change_dose_button.clicked.connect(lambda: self._emit(self.change_dose_requested))
        self.stop_button.clicked.connect(lambda: self._emit(self.stop_requested))
        self.edit_button.clicked.connect(lambda: self._emit(self.edit_requested))
        self.delete_button.clicked.connect(lambda: self._emit(self.delete_requested))
        self.table.itemSelectionChanged.connect(self._refresh_buttons)
        self.table.itemActivated.connect(lambda _item: self._emit(self.edit_requested))
        self.add_pgx_button.clicked.connect(self.add_pgx_requested)
        self.remove_pgx_button.clicked.connect(self._remove_pgx)
        self.pgx_list.itemSelectionChanged.connect(self._refresh_buttons)

    def _emit(self, signal: SignalInstance) -> None:
        medication = self.current_medication()
        if medication is not None:
            signal.emit(medication)

    def _remove_pgx(self) -> None:
        item = self.pgx_list.currentItem()
        if item is not None:
            self.remove_pgx_requested.emit(item.data(Qt.ItemDataRole.UserRole))

    def _refresh_buttons(self) -> None:
        medication = self.current_medication()
        for button in (self.edit_button, self.delete_button):
            button.setEnabled(medication is not None)
        current = medication is not None and medication.is_current
        self.change_dose_button.setEnabled(current)
        self.stop_button.setEnabled(current)
        self.remove_pgx_button.setEnabled(self.pgx_list.currentItem() is not None)

    # -- content -------------------------------------------------------------------------

    def set_medications(self, medications: list[Medication]) -> None:
        """Current ones first (by start), then past ones, newest first."""
        selected = self.current_medication()
        current = sorted((m for m in medications if m.is_current), key=lambda m: m.started)
        past = sorted(
            (m for m in medications if not m.is_current), key=lambda m: m.started, reverse=True
        )
        self._medications = current + past
        self.table.setRowCount(len(self._medications))
        for row, medication in enumerate(self._medications):
            for column, text in enumerate(_cells(medication)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, medication.id)
                if column == 0 and medication.note:
                    item.setToolTip(medication.note)
                self.table.setItem(row, column, item)
        if selected is not None and selected.id is not None:
            self.select_medication(selected.id)
        self._refresh_buttons()

    def select_medication(self, medication_id: int) -> None:
        for row, medication in enumerate(self._medications):
            if medication.id == medication_id:
                self.table.selectRow(row)
                return

    def current_medication(self) -> Medication | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self._medications[rows[0].row()]

    def set_pgx(self, results: list[PgxResult], notes: list[str]) -> None:
        self.pgx_list.clear()
        for result in results:
            parts = [result.gene]
            if result.phenotype is not None:
                parts.append(result.phenotype.label.lower())
            if result.genotype:
                parts.append(result.genotype)
            if result.tested_on is not None:
                #: When the gene test was done, e.g. "tested 3 Mar 2026"
                parts.append(self.tr("tested {day}").format(day=day_text(result.tested_on)))
            if result.lab:
                parts.append(result.lab)
            item = QListWidgetItem(" · ".join(parts), self.pgx_list)
            item.setData(Qt.ItemDataRole.UserRole, result)
        if not results:
            self.pgx_notes.setText(self.tr("No test results entered."))
        elif notes:
            self.pgx_notes.setText("\n\n".join(notes))
        else:
            self.pgx_notes.setText(
                self.tr(
                    "No published gene–drug guideline in moodlog's list covers these results "
                    "and your current medications."
                )
            )
        self._refresh_buttons()


def _cells(medication: Medication) -> tuple[str, ...]:
    name = ("≈ " if medication.dates_approximate else "") + medication.name
    if medication.formulation:
        name += f" ({medication.formulation})"
    if medication.schedule is Schedule.AS_NEEDED:
        name = QCoreApplication.translate("MedicationsPanel", "{name} · as needed").format(
            name=name
        )
    now = format_dose(medication.current_dose, medication.unit) if medication.is_current else "—"
    dose = f"{now} ({format_dose(medication.highest_dose, medication.unit)})"
    return (
        name,
        medication.drug_class or medication.role.label,
        dose,
        day_text(medication.started, medication.dates_approximate),
        day_text(medication.stopped, medication.dates_approximate)
        or QCoreApplication.translate("MedicationsPanel", "still taking"),
        medication.stop_reason.label if medication.stop_reason else "",
        medication.benefit.label if medication.benefit is not None else "",
    )
