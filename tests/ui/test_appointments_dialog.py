"""The appointments and questions dialog over the real window: what is added, marked and
deleted there is what the diary holds, and what the lists show."""

from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDateTimeEdit, QListWidget
from pytestqt.qtbot import QtBot

from moodlog.domain.appointments import (
    APPOINTMENT_NOTE_MAX_CHARS,
    Appointment,
    ClinicianQuestion,
)
from moodlog.storage.diary_store import DiaryStore
from moodlog.ui.appointments_dialog import AppointmentsDialog
from moodlog.ui.main_window import MainWindow
from tests.ui.test_accessibility import unnamed_controls
from tests.ui.test_medication_dialogs import mnemonics

Key = Qt.Key
Alt = Qt.KeyboardModifier.AltModifier


def open_dialog(qtbot: QtBot, window: MainWindow) -> AppointmentsDialog:
    """Diary › Appointments and questions…"""
    (action,) = [
        a for a in window.findChildren(QAction) if a.text() == "A&ppointments and questions…"
    ]
    action.trigger()
    dialog = window.findChild(AppointmentsDialog)
    assert isinstance(dialog, AppointmentsDialog)
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def type_date(qtbot: QtBot, edit: QDateTimeEdit, day: int, month: str, year: int) -> None:
    for section, part in (
        (QDateTimeEdit.Section.YearSection, str(year)),
        (QDateTimeEdit.Section.MonthSection, month),
        (QDateTimeEdit.Section.DaySection, str(day)),
    ):
        edit.setSelectedSection(section)
        qtbot.keyClicks(edit, part)


def texts(widget: QListWidget) -> list[str]:
    return [widget.item(row).text() for row in range(widget.count())]


def click(qtbot: QtBot, button: object) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # type: ignore[arg-type]


def test_appointments_are_added_booked_ahead_and_deleted(
    qtbot: QtBot, window: MainWindow, store: DiaryStore, confirmations: list[str]
) -> None:
    dialog = open_dialog(qtbot, window)
    assert dialog.appointment_list.count() == 0
    assert not dialog.delete_appointment_button.isEnabled()

    qtbot.keyClick(dialog, Key.Key_D, Alt)
    assert dialog.date_edit.hasFocus()
    type_date(qtbot, dialog.date_edit, 1, "Oct", 2026)
    qtbot.keyClick(dialog, Key.Key_N, Alt)
    qtbot.keyClicks(dialog.note_edit, "  Dr Lee ")
    click(qtbot, dialog.add_appointment_button)
    # A booked one, ahead of today (21 Nov 2026), without a note; Enter in the note adds.
    type_date(qtbot, dialog.date_edit, 8, "Jan", 2027)
    qtbot.keyClick(dialog.note_edit, Key.Key_Return)

    stored = store.appointments.appointments()
    assert [(a.day, a.note) for a in stored] == [
        (date(2026, 10, 1), "Dr Lee"),
        (date(2027, 1, 8), ""),
    ]
    assert texts(dialog.appointment_list) == ["8 Jan 2027 (booked)", "1 Oct 2026 · Dr Lee"]
    assert dialog.note_edit.text() == ""
    assert dialog.isVisible()  # Enter added; it did not close the dialog

    dialog.appointment_list.setCurrentRow(1)
    assert dialog.delete_appointment_button.isEnabled()
    click(qtbot, dialog.delete_appointment_button)
    assert confirmations == ["Delete the appointment?"]
    assert [a.day for a in store.appointments.appointments()] == [date(2027, 1, 8)]
    assert texts(dialog.appointment_list) == ["8 Jan 2027 (booked)"]
    assert store.appointments.last_appointment_before(date(2026, 11, 21)) is None


def test_a_note_too_long_is_refused_and_kept(
    qtbot: QtBot, window: MainWindow, store: DiaryStore
) -> None:
    dialog = open_dialog(qtbot, window)
    note = "x" * (APPOINTMENT_NOTE_MAX_CHARS + 1)
    dialog.note_edit.setFocus()
    qtbot.keyClicks(dialog.note_edit, note)
    click(qtbot, dialog.add_appointment_button)
    assert dialog.error_label.isVisible()
    assert dialog.error_label.text() == "⚠ Keep the note under 500 characters."
    assert dialog.note_edit.hasFocus()
    assert dialog.note_edit.text() == note
    assert store.appointments.appointments() == []


def test_questions_are_added_marked_answered_and_deleted(
    qtbot: QtBot,
    window: MainWindow,
    store: DiaryStore,
    now: datetime,
    confirmations: list[str],
) -> None:
    dialog = open_dialog(qtbot, window)
    qtbot.keyClick(dialog, Key.Key_W, Alt)
    assert dialog.question_edit.hasFocus()
    qtbot.keyClicks(dialog.question_edit, "Could I try a lower dose at night?")
    qtbot.keyClick(dialog.question_edit, Key.Key_Return)
    qtbot.keyClicks(dialog.question_edit, "Is the headache from the TMS?")
    click(qtbot, dialog.add_question_button)

    questions = store.appointments.questions()
    assert [(q.text, q.created_at, q.answered) for q in questions] == [
        ("Could I try a lower dose at night?", now, False),
        ("Is the headache from the TMS?", now, False),
    ]
    assert [q.text for q in store.appointments.open_questions()] == [q.text for q in questions]
    assert texts(dialog.question_list) == [
        "Could I try a lower dose at night?",
        "Is the headache from the TMS?",
    ]
    assert dialog.question_list.currentRow() == 1  # the new one

    dialog.question_list.setCurrentRow(0)
    assert dialog.answered_button.text() == "Mar&k answered"
    click(qtbot, dialog.answered_button)
    first = store.appointments.question(questions[0].id or 0)
    assert first.answered
    assert [q.text for q in store.appointments.open_questions()] == [
        "Is the headache from the TMS?"
    ]
    item = dialog.question_list.item(0)
    assert item.checkState() == Qt.CheckState.Checked  # ticked, and said in words
    assert item.text() == "Could I try a lower dose at night? (answered)"
    assert dialog.answered_button.text() == "Mar&k not answered"

    click(qtbot, dialog.answered_button)  # not answered after all
    assert not store.appointments.question(questions[0].id or 0).answered
    assert dialog.question_list.item(0).text() == "Could I try a lower dose at night?"

    # The space bar ticks the chosen question too.
    dialog.question_list.setFocus()
    dialog.question_list.setCurrentRow(1)
    qtbot.keyClick(dialog.question_list, Key.Key_Space)
    assert store.appointments.question(questions[1].id or 0).answered

    click(qtbot, dialog.delete_question_button)
    assert confirmations == ["Delete the question?"]
    assert [q.text for q in store.appointments.questions()] == [
        "Could I try a lower dose at night?"
    ]
    assert texts(dialog.question_list) == ["Could I try a lower dose at night?"]


def test_an_empty_question_is_refused(qtbot: QtBot, window: MainWindow, store: DiaryStore) -> None:
    dialog = open_dialog(qtbot, window)
    dialog.question_edit.setFocus()
    qtbot.keyClicks(dialog.question_edit, "   ")
    qtbot.keyClick(dialog.question_edit, Key.Key_Return)
    assert dialog.error_label.text() == "⚠ Write the question, or cancel."
    assert dialog.question_edit.hasFocus()
    assert store.appointments.questions() == []
    qtbot.keyClicks(dialog.question_edit, "Side effects?")
    qtbot.keyClick(dialog.question_edit, Key.Key_Return)
    assert dialog.error_label.isHidden()
    assert [q.text for q in store.appointments.questions()] == ["Side effects?"]


@pytest.mark.parametrize("with_items", [False, True])
def test_keys_and_names(
    qtbot: QtBot, window: MainWindow, store: DiaryStore, now: datetime, with_items: bool
) -> None:
    if with_items:
        store.appointments.add_appointment(Appointment(date(2026, 10, 1), "Dr Lee"))
        store.appointments.add_question(ClinicianQuestion("Why?", now))
    dialog = open_dialog(qtbot, window)
    dialog.appointment_list.setCurrentRow(0)
    dialog.question_list.setCurrentRow(0)
    keys = mnemonics(dialog)
    assert len(keys) == len(set(keys)), keys
    assert len(keys) >= 10
    assert unnamed_controls(dialog) == []
