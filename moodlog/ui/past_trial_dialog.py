"""PastTrialDialog: enter an earlier medication trial quickly, by month and year.

Months are a month box and a year box side by side rather than a QDateEdit: a QDateEdit
checks each keystroke against its maximum date, so typing "12 2019" into a field showing
this year turns into January. Here the month takes its number ("3", "03", "12") or its first
letters ("mar"), a space or "/" moves on to the year, and the year is typed whole: "3 2019"
is six keys. "Add and enter another" (Alt+E or Ctrl+Enter) keeps the dialog open for the
next trial.
"""

import time
from datetime import date

from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QWidget,
)

from moodlog.domain.calendar_months import month_end
from moodlog.domain.errors import InvalidEntry
from moodlog.domain.medication_reference import MedicationReference
from moodlog.domain.medications import (
    Benefit,
    DoseStep,
    Medication,
    MedicationRole,
    StopReason,
    validate_medication,
)
from moodlog.domain.translation import QT_TRANSLATE_NOOP
from moodlog.ui.form_dialog import FormDialog, buddy_label, grow_to_fit, stacked
from moodlog.ui.medication_form import (
    UNITS,
    DoseSpinBox,
    make_benefit_combo,
    make_name_edit,
    make_reference_label,
    make_stop_reason_combo,
    make_unit_combo,
    reference_spelling,
    show_reference,
)
from moodlog.ui.qt_dates import to_qdate

FIRST_YEAR = 1950
_SEPARATORS = (" ", "/", "-", ".")
INTRO_TEXT = QT_TRANSLATE_NOOP(
    "PastTrialDialog",
    "A medicine you took before. The month and year are enough: type the month as a number "
    "or its first letters, then the year — for example 3 2019, or mar 2019.",
)


class MonthCombo(QComboBox):
    """A month, chosen by its number ("3", "03", "12"), its first letters ("mar") or the
    arrow keys; no month at first. A space, "/", "-" or "." moves on to the next field."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        locale = QLocale()
        for month in range(1, 13):
            self.addItem(locale.standaloneMonthName(month, QLocale.FormatType.ShortFormat), month)
        self.setPlaceholderText(self.tr("Month"))
        self.setCurrentIndex(-1)
        self.setAccessibleName(name)
        self._digits = ""
        self._last_digit_at = 0.0

    def month(self) -> int | None:
        value = self.currentData()
        return None if value is None else int(value)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        text = event.text()
        if is_separator(event):
            self._digits = ""
            self.focusNextChild()
            return
        if not event.modifiers() & Qt.KeyboardModifier.ControlModifier and (
            len(text) == 1 and text.isdigit()
        ):
            self._type_digit(text)
            return
        self._digits = ""
        super().keyPressEvent(event)

    def _type_digit(self, digit: str) -> None:
        now = time.monotonic()
        quick = now - self._last_digit_at <= QApplication.keyboardInputInterval() / 1000
        self._last_digit_at = now
        typed = self._digits + digit if quick else digit
        if not (typed == "0" or 1 <= int(typed) <= 12):
            typed = digit  # "13": start again from the "3"
        if typed != "0":
            self.setCurrentIndex(int(typed) - 1)
        self._digits = typed if typed in ("0", "1") else ""  # "1" may still become 10 to 12


def format_month(day: date) -> str:
    return QLocale().toString(to_qdate(day), "MMM yyyy")


def is_separator(event: QKeyEvent) -> bool:
    """A space, "/", "-" or "." typed without Ctrl, Alt or Meta."""
    plain = not event.modifiers() & ~(
        Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier
    )
    return plain and event.text() in _SEPARATORS


class YearSpin(QSpinBox):
    """A year up to this one, showing "Year" until one is entered. A space, "/", "-" or "."
    moves on to the next field, so "3 2019 8 2019" fills both months."""

    def __init__(self, today: date, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(FIRST_YEAR - 1, today.year)
        self.setSpecialValueText(self.tr("Year"))
        self.setValue(FIRST_YEAR - 1)
        self.setAccessibleName(name)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        if is_separator(event):
            self.focusNextChild()
            return
        super().keyPressEvent(event)


class PastTrialDialog(FormDialog):
    """An earlier medication trial, dated by month.

    Public inputs: ``name_edit``, ``start_month_combo``, ``start_year_spin``,
    ``end_month_combo``, ``end_year_spin``, ``dose_spin`` (the highest daily dose),
    ``unit_combo``, ``reason_combo`` and ``benefit_combo`` (both "Not sure" at first);
    feedback: ``reference_label``, ``added_label``, ``error_label``; buttons: ``add_button``
    (the default: Enter), ``another_button``, ``close_button`` (reads "Cancel" until a trial
    was added, then "Close"); ``button_box``.

    Result: ``medication()`` after ``accepted``. Signal ``trial_added(Medication)`` fires for
    each trial added with "Add and enter another"; the trial still in the form when "Add" is
    pressed is *not* signalled, only returned by ``medication()``. Enter on an untouched form
    after at least one trial was added closes the dialog (rejected: nothing more to add).
    """

    trial_added = Signal(object)

    def __init__(
        self,
        today: date,
        reference: MedicationReference,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, expanding_fields=False, fit_to_text=True, select_at_fault=True)
        self._today = today
        self._reference = reference
        self._added: list[Medication] = []
        self._auto_unit = UNITS[0]
        self.setWindowTitle(self.tr("Add an earlier medication"))
        self._build_layout()
        self._connect_signals()
        self.name_edit.setFocus()

    # -- layout ------------------------------------------------------------------------------

    def _build_layout(self) -> None:
        intro = QLabel(QCoreApplication.translate("PastTrialDialog", INTRO_TEXT), self)
        intro.setWordWrap(True)

        self.name_edit = make_name_edit(self._reference, self)
        self.reference_label = make_reference_label(self._reference, self)
        self.reference_label.hide()
        self._add_row(
            self.tr("&Name"), stacked(self.name_edit, self.reference_label), self.name_edit
        )

        self.start_month_combo = MonthCombo(self.tr("Month started"), self)
        self.start_year_spin = YearSpin(self._today, self.tr("Year started"), self)
        self.start_month_combo.setAccessibleDescription(
            self.tr("The month you began taking it, if you remember")
        )
        self.start_year_spin.setAccessibleDescription(self.tr("The year you began taking it"))
        self._add_row(
            self.tr("&Started"),
            self._month_row(self.start_month_combo, self.start_year_spin, self.tr("&year")),
            self.start_month_combo,
        )
        self.end_month_combo = MonthCombo(self.tr("Month stopped"), self)
        self.end_year_spin = YearSpin(self._today, self.tr("Year stopped"), self)
        self.end_month_combo.setAccessibleDescription(
            self.tr("The month you stopped taking it, if you remember")
        )
        self.end_year_spin.setAccessibleDescription(self.tr("The year you stopped taking it"))
        self._add_row(
            self.tr("Sto&pped"),
            self._month_row(self.end_month_combo, self.end_year_spin, self.tr("ye&ar")),
            self.end_month_combo,
        )

        dose_row = QHBoxLayout()
        self.dose_spin = DoseSpinBox(self.tr("Highest daily dose"), self)
        self.dose_spin.setAccessibleDescription(
            self.tr("The most you took in a day during this trial")
        )
        self.unit_combo = make_unit_combo(self)
        dose_row.addWidget(self.dose_spin)
        #: The dose's unit (mg, ml …), beside the dose
        dose_row.addWidget(buddy_label(self.tr("&unit"), self.unit_combo, self))
        dose_row.addWidget(self.unit_combo)
        dose_row.addStretch(1)
        self._add_row(self.tr("Highest daily &dose"), dose_row, self.dose_spin)

        self.reason_combo = make_stop_reason_combo(self, not_sure=True)
        self._add_row(self.tr("&Why it was stopped"), self.reason_combo)
        self.benefit_combo = make_benefit_combo(self)
        self._add_row(self.tr("How well it &helped"), self.benefit_combo)

        self.added_label = QLabel(self)
        self.added_label.setWordWrap(True)
        self.added_label.setAccessibleName(self.tr("Trials added"))
        self.added_label.hide()
        self._finish_layout(
            above=[intro],
            below=[self.added_label],
            buttons=QDialogButtonBox.StandardButton.NoButton,
        )
        self.another_button = QPushButton(self.tr("Add and &enter another"), self)
        #: A keyboard shortcut: the key names as keyboards in your language print them
        self.another_button.setToolTip(self.tr("Ctrl+Enter"))
        self.add_button = QPushButton(self.tr("Add"), self)
        self.another_button.setAccessibleDescription(
            #: {keys}: the keyboard shortcut above, e.g. "Ctrl+Enter"
            self.tr("Add this trial and empty the form for the next one ({keys})").format(
                keys=self.another_button.toolTip()
            )
        )
        self.add_button.setAccessibleDescription(self.tr("Add this trial and close the window"))
        self.add_button.setDefault(True)
        self.close_button = QPushButton(self.tr("Cancel"), self)
        self.close_button.setAccessibleDescription(
            self.tr("Close this window without adding what is in the form")
        )
        self.button_box.addButton(self.another_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.button_box.addButton(self.add_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.button_box.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.setMinimumWidth(520)

    def _month_row(self, month: MonthCombo, year: YearSpin, year_text: str) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(month)
        row.addWidget(buddy_label(year_text, year, self))
        row.addWidget(year)
        row.addStretch(1)
        return row

    def _connect_signals(self) -> None:
        self.name_edit.textChanged.connect(self._on_name_changed)
        self.another_button.clicked.connect(self.add_and_enter_another)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(self.add_and_enter_another)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        # The button box orders its buttons by platform; Tab follows what is on screen.
        previous: QWidget = self.benefit_combo
        for button in sorted(self.button_box.buttons(), key=lambda b: b.x()):
            QWidget.setTabOrder(previous, button)
            previous = button

    # -- behaviour ---------------------------------------------------------------------------

    def _on_name_changed(self, text: str) -> None:
        drug = show_reference(self.reference_label, self._reference, text)
        if drug is not None and self.unit_combo.currentText() == self._auto_unit:
            self.unit_combo.setCurrentText(drug.unit)  # only over a unit nobody changed
            self._auto_unit = drug.unit
        self._refit()

    def _month_start(self, month: MonthCombo, year: YearSpin, field: str) -> date:
        """The first day of the month ``field`` ("started" or "stopped") shows."""
        started = field == "started"
        if month.month() is None:
            raise InvalidEntry(
                self.tr("Enter the month it started.")
                if started
                else self.tr("Enter the month it stopped."),
                field,
            )
        if year.value() < FIRST_YEAR:
            raise InvalidEntry(
                self.tr("Enter the year it started.")
                if started
                else self.tr("Enter the year it stopped."),
                field,
            )
        return date(year.value(), month.month() or 1, 1)

    def medication(self) -> Medication:
        """The trial as entered (valid after ``accepted``): from the first day of the start
        month to the last day of the end month (today if that is later), at the highest dose
        throughout. Raises InvalidEntry while a month or year is missing."""
        name = reference_spelling(self._reference, self.name_edit.text())
        started = self._month_start(self.start_month_combo, self.start_year_spin, "started")
        end_month = self._month_start(self.end_month_combo, self.end_year_spin, "stopped")
        last_day = month_end(end_month)
        # A month wholly in the future stays in the future, for validation to name.
        stopped = min(last_day, self._today) if end_month <= self._today else end_month
        drug = self._reference.find(name) if name else None
        unit = self.unit_combo.currentText().strip()
        reason = self.reason_combo.currentData()
        benefit = self.benefit_combo.currentData()
        return Medication(
            name=name,
            started=started,
            doses=(DoseStep(started, self.dose_spin.value()),),
            drug_class=drug.drug_class if drug else "",
            role=drug.role if drug else MedicationRole.ANTIDEPRESSANT,
            unit=unit,
            stopped=stopped,
            stop_reason=None if reason is None else StopReason(reason),
            benefit=None if benefit is None else Benefit(benefit),
            # The table's minimum is in the table's unit; another unit leaves it unknown.
            adequate_min_dose=drug.adequate_min if drug and drug.unit == unit else None,
            dates_approximate=True,
        )

    def _validate(self) -> None:
        validate_medication(self.medication(), self._today)

    def _field_widget(self, field: str) -> QWidget:
        if field == "started":
            return self._first_missing(self.start_month_combo, self.start_year_spin)
        if field == "stopped":
            return self._first_missing(self.end_month_combo, self.end_year_spin)
        return {"dose": self.dose_spin}.get(field, self.name_edit)

    @staticmethod
    def _first_missing(month: MonthCombo, year: YearSpin) -> QWidget:
        return year if month.month() is not None and year.value() < FIRST_YEAR else month

    def _untouched(self) -> bool:
        return (
            not self.name_edit.text().strip()
            and self.start_month_combo.month() is None
            and self.end_month_combo.month() is None
            and self.start_year_spin.value() < FIRST_YEAR
            and self.end_year_spin.value() < FIRST_YEAR
            and self.dose_spin.value() == 0
        )

    def add_and_enter_another(self) -> None:
        """Add the trial in the form (emitting ``trial_added``), then clear the form for the
        next one with the focus on the name."""
        if not self._entry_is_valid():
            return
        medication = self.medication()
        self._added.append(medication)
        self.trial_added.emit(medication)
        self._show_added()
        self._clear()

    def _show_added(self) -> None:
        def span(medication: Medication) -> str:
            stopped = medication.stopped or medication.started
            return f"{format_month(medication.started)} – {format_month(stopped)}"

        names = "; ".join(f"{m.name} ({span(m)})" for m in self._added)
        #: The earlier trials added so far, e.g. "Added: Citalopram (Jan 2017 to May 2017)."
        self.added_label.setText(self.tr("Added: {trials}.").format(trials=names))
        self.added_label.show()
        self.close_button.setText(self.tr("Close"))
        grow_to_fit(self)

    def _clear(self) -> None:
        self.name_edit.clear()
        for month in (self.start_month_combo, self.end_month_combo):
            month.setCurrentIndex(-1)
        for year in (self.start_year_spin, self.end_year_spin):
            year.setValue(FIRST_YEAR - 1)
        self.dose_spin.setValue(0)
        self.unit_combo.setCurrentText(UNITS[0])
        self._auto_unit = UNITS[0]
        self.reason_combo.setCurrentIndex(0)
        self.benefit_combo.setCurrentIndex(0)
        self.name_edit.setFocus()

    def accept(self) -> None:
        if self._added and self._untouched():
            self.reject()  # Enter on an empty form after adding some: finished
            return
        super().accept()
