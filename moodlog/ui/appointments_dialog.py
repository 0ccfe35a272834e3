"""AppointmentsDialog: the appointments the person records (so a report can cover the time
"since my last appointment") and their questions for the doctor (the open ones go in the
report's summary). Every change is stored at once; Close just closes."""

from collections.abc import Callable
from datetime import date, timedelta
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from moodlog.domain.appointments import (
    Appointment,
    ClinicianQuestion,
    validate_appointment,
    validate_question,
)
from moodlog.domain.clock import Clock
from moodlog.domain.day_text import day_text
from moodlog.domain.errors import InvalidEntry
from moodlog.domain.translation import QT_TRANSLATE_NOOP
from moodlog.storage.appointment_store import AppointmentStore
from moodlog.storage.errors import StorageError
from moodlog.ui import dialogs
from moodlog.ui.form_dialog import (
    FIRST_DAY,
    buddy_label,
    make_date_edit,
    make_line_edit,
    make_note_label,
)
from moodlog.ui.qt_dates import to_date

INTRODUCTION = QT_TRANSLATE_NOOP(
    "AppointmentsDialog",
    "Record your appointments, so a report can cover the time since the last one. Write "
    "questions down when they come to mind: the open ones go in the report's summary.",
)
QUESTIONS_NOTE = QT_TRANSLATE_NOOP(
    "AppointmentsDialog", "Tick a question once it has been asked and answered; it stays here."
)
# Appointments may be booked ahead, up to this far.
BOOKING_DAYS_AHEAD = 3 * 366
_ID = Qt.ItemDataRole.UserRole
_T = TypeVar("_T")


def heading(label: QLabel) -> QLabel:
    bold = label.font()
    bold.setBold(True)
    label.setFont(bold)
    return label


def appointment_text(appointment: Appointment, today: date) -> str:
    """ "1 Oct 2026 · Dr Lee", with "(booked)" for one still ahead."""
    parts = [day_text(appointment.day)]
    if appointment.note.strip():
        parts.append(appointment.note.strip())
    text = " · ".join(parts)
    if appointment.day > today:
        #: An appointment still ahead, e.g. "1 Oct 2026 · Dr Lee (booked)"
        return QCoreApplication.translate("AppointmentsDialog", "{appointment} (booked)").format(
            appointment=text
        )
    return text


def question_text(question: ClinicianQuestion) -> str:
    if question.answered:
        #: A question for the doctor that has been answered
        return QCoreApplication.translate("AppointmentsDialog", "{question} (answered)").format(
            question=question.text
        )
    return question.text


class AppointmentsDialog(QDialog):
    """Lists and edits ``appointments``' appointments and questions; ``changed`` after every
    stored change."""

    changed = Signal()

    def __init__(
        self, appointments: AppointmentStore, clock: Clock, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._store = appointments
        self._clock = clock
        self._today = clock().date()
        self._filling = False
        self.setWindowTitle(self.tr("Appointments and questions"))
        self._build_layout()
        self._connect_signals()
        self._fill_appointments()
        self._fill_questions()
        self._update_buttons()

    # -- building ------------------------------------------------------------------------

    def _build_layout(self) -> None:
        outer = QVBoxLayout(self)
        self.intro_label = QLabel(
            QCoreApplication.translate("AppointmentsDialog", INTRODUCTION), self
        )
        self.intro_label.setWordWrap(True)
        outer.addWidget(self.intro_label)
        outer.addWidget(self._build_appointments())
        outer.addWidget(self._build_questions(), 1)
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setAccessibleName(self.tr("Problem"))
        self.error_label.hide()
        outer.addWidget(self.error_label)
        self.button_box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.button_box.button(QDialogButtonBox.StandardButton.Close).setAccessibleDescription(
            self.tr("Close this window; what you added here is already saved")
        )
        outer.addWidget(self.button_box)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 96)
        for button in self.findChildren(QPushButton):  # Enter never deletes anything
            button.setAutoDefault(False)
        self.resize(self.minimumWidth(), self.fontMetrics().height() * 36)

    def _build_appointments(self) -> QGroupBox:
        group = QGroupBox(self)
        column = QVBoxLayout(group)
        self.appointment_list = QListWidget(group)
        self.appointment_list.setAccessibleName(self.tr("Appointments, latest first"))
        self.appointment_list.setAccessibleDescription(
            self.tr("Your past and coming appointments, each with its date and note")
        )
        column.addWidget(
            heading(
                buddy_label(self.tr("A&ppointments, latest first"), self.appointment_list, group)
            )
        )
        column.addWidget(self.appointment_list, 1)
        self.delete_appointment_button = QPushButton(self.tr("Delete appoint&ment…"), group)
        self.delete_appointment_button.setAccessibleDescription(
            self.tr("Remove the chosen appointment from the list")
        )
        column.addWidget(self.delete_appointment_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.date_edit = make_date_edit(
            self._today + timedelta(days=BOOKING_DAYS_AHEAD),
            self._today,
            self.tr("Appointment date"),
            group,
            earliest=FIRST_DAY,
        )
        self.note_edit = make_line_edit(
            self.tr("Appointment note"), self.tr("e.g. Dr Lee, TMS clinic"), group
        )
        self.date_edit.setAccessibleDescription(self.tr("The day of the appointment to add"))
        self.add_appointment_button = QPushButton(self.tr("&Add appointment"), group)
        self.add_appointment_button.setAccessibleDescription(
            self.tr("Add an appointment on the date shown, with the note if you wrote one")
        )
        grid = QGridLayout()
        grid.addWidget(buddy_label(self.tr("&Date"), self.date_edit, group), 0, 0)
        grid.addWidget(self.date_edit, 0, 1)
        grid.addWidget(buddy_label(self.tr("&Note (optional)"), self.note_edit, group), 0, 2)
        grid.addWidget(self.note_edit, 0, 3)
        grid.addWidget(self.add_appointment_button, 0, 4)
        grid.setColumnStretch(3, 1)
        column.addLayout(grid)
        return group

    def _build_questions(self) -> QGroupBox:
        group = QGroupBox(self)
        column = QVBoxLayout(group)
        self.question_list = QListWidget(group)
        self.question_list.setAccessibleName(self.tr("Questions for my doctor"))
        self.question_list.setAccessibleDescription(
            QCoreApplication.translate("AppointmentsDialog", QUESTIONS_NOTE)
        )
        self.question_list.setWordWrap(True)
        column.addWidget(
            heading(buddy_label(self.tr("&Questions for my doctor"), self.question_list, group))
        )
        column.addWidget(
            make_note_label(QCoreApplication.translate("AppointmentsDialog", QUESTIONS_NOTE), group)
        )
        column.addWidget(self.question_list, 1)
        self.answered_button = QPushButton(self.tr("Mar&k answered"), group)
        self.answered_button.setAccessibleDescription(
            self.tr("Tick or untick the chosen question as asked and answered")
        )
        self.delete_question_button = QPushButton(self.tr("De&lete question…"), group)
        self.delete_question_button.setAccessibleDescription(
            self.tr("Remove the chosen question from the list")
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.answered_button)
        buttons.addWidget(self.delete_question_button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        self.question_edit = make_line_edit(
            self.tr("New question"), self.tr("What would you like to ask?"), group
        )
        self.add_question_button = QPushButton(self.tr("Add qu&estion"), group)
        self.add_question_button.setAccessibleDescription(
            self.tr("Add the question you wrote to the list")
        )
        row = QHBoxLayout()
        row.addWidget(buddy_label(self.tr("&Write a question"), self.question_edit, group))
        row.addWidget(self.question_edit, 1)
        row.addWidget(self.add_question_button)
        column.addLayout(row)
        return group

    def _connect_signals(self) -> None:
        self.button_box.rejected.connect(self.reject)
        self.add_appointment_button.clicked.connect(self.add_appointment)
        self.note_edit.returnPressed.connect(self.add_appointment)
        self.delete_appointment_button.clicked.connect(self.delete_appointment)
        self.add_question_button.clicked.connect(self.add_question)
        self.question_edit.returnPressed.connect(self.add_question)
        self.answered_button.clicked.connect(self.toggle_answered)
        self.delete_question_button.clicked.connect(self.delete_question)
        self.question_list.itemChanged.connect(self._on_question_ticked)
        self.appointment_list.currentRowChanged.connect(self._update_buttons)
        self.question_list.currentRowChanged.connect(self._update_buttons)

    # -- filling ---------------------------------------------------------------------------

    def _fill_appointments(self, select: int | None = None) -> None:
        self.appointment_list.clear()
        for appointment in reversed(self._store.appointments()):
            item = QListWidgetItem(appointment_text(appointment, self._today))
            item.setData(_ID, appointment.id)
            self.appointment_list.addItem(item)
            if appointment.id == select:
                self.appointment_list.setCurrentItem(item)
        self._update_buttons()

    def _fill_questions(self, select: int | None = None) -> None:
        self._filling = True
        self.question_list.clear()
        for question in self._store.questions():
            item = QListWidgetItem(question_text(question))
            item.setData(_ID, question.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = Qt.CheckState.Checked if question.answered else Qt.CheckState.Unchecked
            item.setCheckState(checked)
            self.question_list.addItem(item)
            if question.id == select:
                self.question_list.setCurrentItem(item)
        self._filling = False
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.delete_appointment_button.setEnabled(self.appointment_list.currentRow() >= 0)
        chosen = self.question_list.currentRow() >= 0
        self.delete_question_button.setEnabled(chosen)
        self.answered_button.setEnabled(chosen)
        item = self.question_list.currentItem()
        answered = chosen and item.checkState() == Qt.CheckState.Checked
        self.answered_button.setText(
            self.tr("Mar&k not answered") if answered else self.tr("Mar&k answered")
        )

    # -- writing ---------------------------------------------------------------------------

    def _write(self, action: Callable[[], _T]) -> _T | None:
        """Run one store write; on failure say why (what was typed stays)."""
        try:
            result = action()
        except StorageError as error:
            self._show_problem(error.message)
            return None
        self.error_label.hide()
        self.changed.emit()
        return result

    def _show_problem(self, message: str, field: QWidget | None = None) -> None:
        self.error_label.setText(f"⚠ {message}")
        self.error_label.show()
        if field is not None:
            field.setFocus(Qt.FocusReason.OtherFocusReason)

    def add_appointment(self) -> None:
        appointment = Appointment(to_date(self.date_edit.date()), self.note_edit.text().strip())
        try:
            validate_appointment(appointment)
        except InvalidEntry as error:
            self._show_problem(error.message, self.note_edit)
            return
        saved = self._write(lambda: self._store.add_appointment(appointment))
        if saved is None:
            return
        self.note_edit.clear()
        self._fill_appointments(select=saved.id)

    def delete_appointment(self) -> None:
        if self.appointment_list.currentRow() < 0:
            return
        item = self.appointment_list.currentItem()
        if not dialogs.confirm(
            self,
            self.tr("Delete the appointment?"),
            #: e.g. "Delete 1 Oct 2026 · Dr Lee?"
            self.tr("Delete {appointment}?").format(appointment=item.text()),
            self.tr("Delete appointment"),
        ):
            return
        appointment_id = int(item.data(_ID))
        if self._write(lambda: self._store.delete_appointment(appointment_id)) is not None:
            self._fill_appointments()

    def add_question(self) -> None:
        question = ClinicianQuestion(self.question_edit.text().strip(), self._clock())
        try:
            validate_question(question)
        except InvalidEntry as error:
            self._show_problem(error.message, self.question_edit)
            return
        saved = self._write(lambda: self._store.add_question(question))
        if saved is None:
            return
        self.question_edit.clear()
        self._fill_questions(select=saved.id)

    def toggle_answered(self) -> None:
        """Mark the chosen question answered (or not answered again)."""
        if self.question_list.currentRow() < 0:
            return
        item = self.question_list.currentItem()
        answered = item.checkState() == Qt.CheckState.Checked
        item.setCheckState(Qt.CheckState.Unchecked if answered else Qt.CheckState.Checked)

    def _on_question_ticked(self, item: QListWidgetItem) -> None:
        if self._filling:
            return
        question_id = int(item.data(_ID))
        answered = item.checkState() == Qt.CheckState.Checked

        def mark() -> bool:
            self._store.set_question_answered(question_id, answered)
            return True

        stored = self._write(mark)
        self._filling = True  # the item changes again below: not a tick by the person
        if stored:
            item.setText(question_text(self._store.question(question_id)))
        else:  # the tick goes back to what is stored
            item.setCheckState(Qt.CheckState.Unchecked if answered else Qt.CheckState.Checked)
        self._filling = False
        self.question_list.setCurrentItem(item)
        self._update_buttons()

    def delete_question(self) -> None:
        if self.question_list.currentRow() < 0:
            return
        item = self.question_list.currentItem()
        text = item.text()
        if not dialogs.confirm(
            self,
            self.tr("Delete the question?"),
            self.tr("Delete “{question}”?").format(question=text),
            self.tr("Delete question"),
        ):
            return
        question_id = int(item.data(_ID))
        if self._write(lambda: self._store.delete_question(question_id)) is not None:
            self._fill_questions()
