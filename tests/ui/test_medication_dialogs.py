"""The medication dialogs, driven by keyboard and mouse as a person would: adding a medication
(known to moodlog's table or not), changing a dose, stopping one, and entering earlier trials
in a row."""

import re
from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDateTimeEdit,
    QDialog,
    QLabel,
    QWidget,
)
from pytestqt.qtbot import QtBot

from moodlog.domain.medication_reference import MedicationReference, load_medication_reference
from moodlog.domain.medications import (
    Benefit,
    DoseStep,
    Medication,
    MedicationRole,
    Schedule,
    StopReason,
)
from moodlog.storage.diary_store import DiaryStore
from moodlog.ui.dose_change_dialog import DoseChangeDialog
from moodlog.ui.medication_dialog import MedicationDialog
from moodlog.ui.medication_form import UNKNOWN_DRUG_TEXT
from moodlog.ui.past_trial_dialog import PastTrialDialog
from moodlog.ui.qt_dates import to_date
from moodlog.ui.stop_medication_dialog import StopMedicationDialog
from tests.ui.test_accessibility import unnamed_controls

# The name completer's popup asks the offscreen platform for a keyboard grab it cannot give.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")

Key = Qt.Key


@pytest.fixture
def today(now: datetime) -> date:
    return now.date()  # Saturday 21 Nov 2026


@pytest.fixture
def reference() -> MedicationReference:
    return load_medication_reference()


@pytest.fixture
def sertraline() -> Medication:
    return Medication(
        name="Sertraline",
        started=date(2026, 3, 3),
        doses=(DoseStep(date(2026, 3, 3), 50.0), DoseStep(date(2026, 3, 24), 100.0)),
        drug_class="SSRI",
        adequate_min_dose=50.0,
        id=7,
    )


def show(qtbot: QtBot, dialog: QDialog) -> QDialog:
    """Open the dialog the way callers do (``open()``) and wait until it has the keyboard."""
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def keyboard_target() -> QWidget:
    """Where a key press goes: an open popup (the completer's list) has the keyboard grab."""
    target = QApplication.activePopupWidget() or QApplication.focusWidget()
    assert target is not None
    return target


class Keyboard:
    """Types at whatever has the focus, counting key presses."""

    def __init__(self, qtbot: QtBot) -> None:
        self.qtbot = qtbot
        self.count = 0

    def type(self, text: str) -> None:
        for char in text:
            self.qtbot.keyClicks(keyboard_target(), char)
            self.count += 1

    def press(self, *keys: Qt.Key) -> None:
        for key in keys:
            self.qtbot.keyClick(keyboard_target(), key)
            self.count += 1


def type_into_section(
    qtbot: QtBot, edit: QDateTimeEdit, section: QDateTimeEdit.Section, text: str
) -> None:
    """Type into one part of a date, as after Tab or the arrow keys selected it."""
    edit.setFocus()
    edit.setSelectedSection(section)
    qtbot.keyClicks(edit, text)


def owner(widget: QWidget | None, candidates: list[QWidget]) -> QWidget | None:
    """The candidate that is ``widget`` or contains it (an editable combo's line edit)."""
    while widget is not None and widget not in candidates:
        widget = widget.parentWidget()
    return widget


def focused_input(candidates: list[QWidget]) -> QWidget | None:
    return owner(QApplication.focusWidget(), candidates)


def focus_as_tab_is_pressed(qtbot: QtBot, inputs: list[QWidget]) -> list[QWidget | None]:
    """Which of ``inputs`` has the focus now and after each Tab, as many as there are inputs."""
    visited = []
    for _ in inputs:
        visited.append(focused_input(inputs))
        qtbot.keyClick(QApplication.focusWidget(), Key.Key_Tab)
    return visited


def mnemonics(dialog: QDialog) -> list[str]:
    texts = [label.text() for label in dialog.findChildren(QLabel) if label.isVisibleTo(dialog)]
    texts += [b.text() for b in dialog.findChildren(QAbstractButton) if b.isVisibleTo(dialog)]
    return [m.lower() for text in texts for m in re.findall(r"&(\w)", text)]


# -- MedicationDialog ----------------------------------------------------------------------


def test_typing_a_known_drug_fills_in_its_details_and_saves_it(
    qtbot: QtBot,
    today: date,
    reference: MedicationReference,
    store: DiaryStore,
    now: datetime,
) -> None:
    dialog = MedicationDialog(today, reference)
    show(qtbot, dialog)
    keys = Keyboard(qtbot)
    assert dialog.name_edit.hasFocus()
    assert dialog.reference_label.isHidden()

    keys.type("sertraline")
    assert dialog.class_combo.currentText() == "SSRI"
    assert dialog.role_combo.currentText() == "Antidepressant"
    assert dialog.unit_combo.currentText() == "mg"
    assert dialog.adequate_min_spin.text() == "50 mg"
    assert dialog.reference_label.isVisible()
    assert dialog.reference_label.text().startswith(
        "Usual range 50–200 mg (editable default; source: clinical-reference §5.3, "
        "verify against the label)"
    )

    keys.press(Key.Key_Escape)  # close the completer's list
    qtbot.keyClick(dialog, Key.Key_D, Qt.KeyboardModifier.AltModifier)  # Alt+D: Daily dose
    assert dialog.dose_spin.hasFocus()
    keys.type("75")
    qtbot.keyClick(dialog, Key.Key_F, Qt.KeyboardModifier.AltModifier)
    keys.type("XR")
    with qtbot.waitSignal(dialog.accepted):
        keys.press(Key.Key_Return)

    expected = Medication(
        name="Sertraline",  # spelled as moodlog's table spells it
        started=today,
        doses=(DoseStep(today, 75.0),),
        drug_class="SSRI",
        role=MedicationRole.ANTIDEPRESSANT,
        unit="mg",
        formulation="XR",
        schedule=Schedule.SCHEDULED,
        adequate_min_dose=50.0,
    )
    assert dialog.medication() == expected
    saved = store.treatments.add_medication(dialog.medication(), now)
    assert store.treatments.medications() == [expected.with_id(saved.id or 0)]


def test_auto_fill_never_overwrites_what_the_person_changed(
    qtbot: QtBot, today: date, reference: MedicationReference
) -> None:
    dialog = MedicationDialog(today, reference)
    show(qtbot, dialog)
    dialog.unit_combo.setFocus()
    dialog.unit_combo.lineEdit().selectAll()
    qtbot.keyClicks(dialog.unit_combo, "ml")  # changed before the name is known

    qtbot.keyClicks(dialog.name_edit, "Fluoxetine")
    assert dialog.class_combo.currentText() == "SSRI"
    assert dialog.unit_combo.currentText() == "ml"  # the person's choice stays
    assert dialog.adequate_min_spin.value() == 20

    dialog.adequate_min_spin.setFocus()
    dialog.adequate_min_spin.selectAll()
    qtbot.keyClicks(dialog.adequate_min_spin, "30")
    dialog.name_edit.clear()
    qtbot.keyClicks(dialog.name_edit, "Venlafaxine")
    assert dialog.class_combo.currentText() == "SNRI"  # still moodlog's: follows the name
    assert dialog.adequate_min_spin.value() == 30  # the person's: kept
    assert dialog.unit_combo.currentText() == "ml"


def test_an_unknown_drug_is_entered_freely(
    qtbot: QtBot, today: date, reference: MedicationReference
) -> None:
    dialog = MedicationDialog(today, reference)
    show(qtbot, dialog)
    keys = Keyboard(qtbot)
    keys.type("Agomelatine")
    assert dialog.reference_label.text() == UNKNOWN_DRUG_TEXT
    assert dialog.class_combo.currentText() == ""
    keys.press(Key.Key_Tab)
    keys.type("Melatonergic")
    keys.press(Key.Key_Tab, Key.Key_Tab)  # past the role
    keys.type("25")
    keys.press(Key.Key_Tab, Key.Key_Tab, Key.Key_Tab)  # past the unit and the formulation
    keys.type("a")  # Schedule: "As needed"
    keys.press(Key.Key_Tab, Key.Key_Tab, Key.Key_Tab)  # past the start date and the minimum
    keys.type("At night")
    with qtbot.waitSignal(dialog.accepted):
        dialog.button_box.button(dialog.button_box.StandardButton.Ok).click()

    assert dialog.medication() == Medication(
        name="Agomelatine",
        started=today,
        doses=(DoseStep(today, 25.0),),
        drug_class="Melatonergic",
        schedule=Schedule.AS_NEEDED,
        note="At night",
    )
    assert dialog.reference_label.text() == UNKNOWN_DRUG_TEXT


def test_a_future_start_date_cannot_be_typed(
    qtbot: QtBot, today: date, reference: MedicationReference
) -> None:
    dialog = MedicationDialog(today, reference)
    show(qtbot, dialog)
    edit = dialog.started_edit
    type_into_section(qtbot, edit, QDateTimeEdit.Section.YearSection, "2030")
    qtbot.keyClick(edit, Key.Key_Tab)
    assert to_date(edit.date()) <= today
    assert to_date(edit.maximumDate()) == today


def test_an_empty_name_is_named_and_gets_the_focus_and_nothing_is_lost(
    qtbot: QtBot, today: date, reference: MedicationReference
) -> None:
    dialog = MedicationDialog(today, reference)
    show(qtbot, dialog)
    qtbot.keyClick(dialog, Key.Key_D, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClicks(dialog.dose_spin, "40")
    qtbot.keyClick(dialog.dose_spin, Key.Key_Return)

    assert dialog.isVisible()
    assert dialog.result() == QDialog.DialogCode.Rejected  # not accepted
    assert dialog.error_label.isVisible()
    assert dialog.error_label.text() == "⚠ Give the medication a name."
    assert dialog.name_edit.hasFocus()
    assert dialog.dose_spin.value() == 40

    qtbot.keyClicks(dialog.name_edit, "Mirtazapine")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.name_edit, Key.Key_Return)
    assert not dialog.error_label.isVisible()
    assert dialog.medication().doses == (DoseStep(today, 40.0),)


def test_a_dose_of_zero_is_refused(
    qtbot: QtBot, today: date, reference: MedicationReference
) -> None:
    dialog = MedicationDialog(today, reference)
    show(qtbot, dialog)
    qtbot.keyClicks(dialog.name_edit, "Lithium")
    dialog.name_edit.completer().popup().hide()
    assert dialog.reference_label.text().startswith(
        "moodlog's table gives no usual range for Lithium (source: clinical-reference §5.4)\n"
    )
    qtbot.keyClick(dialog.name_edit, Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.error_label.text() == "⚠ A dose must be more than zero."
    assert dialog.dose_spin.hasFocus()


def test_editing_keeps_the_dose_history_and_id_and_moves_the_first_step_with_the_start(
    qtbot: QtBot, today: date, reference: MedicationReference, sertraline: Medication
) -> None:
    dialog = MedicationDialog(today, reference, existing=sertraline)
    show(qtbot, dialog)
    assert dialog.windowTitle() == "Edit medication"
    assert dialog.dose_spin.isHidden()
    assert dialog.dose_history_label.text() == "50 mg from 3 Mar 2026 → 100 mg from 24 Mar 2026"
    assert dialog.class_combo.currentText() == "SSRI"

    qtbot.keyClick(dialog, Key.Key_F, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClicks(dialog.formulation_edit, "liquid")
    type_into_section(qtbot, dialog.started_edit, QDateTimeEdit.Section.DaySection, "1")
    qtbot.keyClick(dialog.started_edit, Key.Key_Tab)
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(QApplication.focusWidget(), Key.Key_Return)

    edited = dialog.medication()
    assert edited.id == 7
    assert edited.formulation == "liquid"
    assert edited.started == date(2026, 3, 1)
    assert edited.doses == (DoseStep(date(2026, 3, 1), 50.0), DoseStep(date(2026, 3, 24), 100.0))


def test_a_start_moved_past_a_later_dose_change_is_refused(
    qtbot: QtBot, today: date, reference: MedicationReference, sertraline: Medication
) -> None:
    dialog = MedicationDialog(today, reference, existing=sertraline)
    show(qtbot, dialog)
    type_into_section(qtbot, dialog.started_edit, QDateTimeEdit.Section.DaySection, "25")
    qtbot.keyClick(dialog.started_edit, Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.error_label.text() == (
        "⚠ The start date is on or after a later dose change (100 mg from 24 Mar 2026)."
    )
    assert dialog.started_edit.hasFocus()


def test_a_start_after_the_stop_date_is_refused_when_editing(
    qtbot: QtBot, today: date, reference: MedicationReference, sertraline: Medication
) -> None:
    stopped = Medication(
        name="Citalopram",
        started=date(2025, 1, 6),
        doses=(DoseStep(date(2025, 1, 6), 20.0),),
        stopped=date(2025, 2, 10),
        stop_reason=StopReason.SIDE_EFFECTS,
        id=3,
    )
    dialog = MedicationDialog(today, reference, existing=stopped)
    show(qtbot, dialog)
    edit = dialog.started_edit
    # 6 Mar 2025: after the stop on 10 Feb
    type_into_section(qtbot, edit, QDateTimeEdit.Section.MonthSection, "mar")
    qtbot.keyClick(edit, Key.Key_Return)

    assert dialog.isVisible()
    assert dialog.error_label.text() == "⚠ The stop date is before the start date."
    assert edit.hasFocus()
    assert to_date(edit.date()) == date(2025, 3, 6)  # what was typed stays


def test_medication_dialog_tab_order_follows_the_form(
    qtbot: QtBot, today: date, reference: MedicationReference
) -> None:
    dialog = MedicationDialog(today, reference)
    show(qtbot, dialog)
    expected: list[QWidget] = [
        dialog.name_edit,
        dialog.class_combo,
        dialog.role_combo,
        dialog.dose_spin,
        dialog.unit_combo,
        dialog.formulation_edit,
        dialog.schedule_combo,
        dialog.started_edit,
        dialog.adequate_min_spin,
        dialog.note_edit,
    ]
    assert focus_as_tab_is_pressed(qtbot, expected) == expected


# -- DoseChangeDialog ----------------------------------------------------------------------


def test_dose_change_shows_the_history_and_returns_the_step(
    qtbot: QtBot, today: date, sertraline: Medication
) -> None:
    dialog = DoseChangeDialog(sertraline, today)
    show(qtbot, dialog)
    assert dialog.history_label.text() == (
        "Doses so far: 50 mg from 3 Mar 2026 → 100 mg from 24 Mar 2026"
    )
    assert dialog.dose_spin.text() == "100"
    assert dialog.unit_label.text() == "mg"
    assert to_date(dialog.date_edit.date()) == today
    assert to_date(dialog.date_edit.minimumDate()) == sertraline.started
    assert dialog.dose_spin.hasFocus()

    qtbot.keyClicks(dialog.dose_spin, "150")  # replaces the selected 100
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.dose_spin, Key.Key_Return)
    assert dialog.step() == DoseStep(today, 150.0)


def test_dose_change_on_a_date_with_a_dose_says_it_replaces_it(
    qtbot: QtBot, today: date, sertraline: Medication
) -> None:
    dialog = DoseChangeDialog(sertraline, today)
    show(qtbot, dialog)
    assert dialog.replaces_label.isHidden()
    # The month first: 24 Nov would be in the future, so the day first is refused.
    type_into_section(qtbot, dialog.date_edit, QDateTimeEdit.Section.MonthSection, "mar")
    type_into_section(qtbot, dialog.date_edit, QDateTimeEdit.Section.DaySection, "24")
    assert to_date(dialog.date_edit.date()) == date(2026, 3, 24)
    assert dialog.replaces_label.isVisible()
    assert dialog.replaces_label.text() == "This replaces the 100 mg entered from 24 Mar 2026."


def test_dose_change_to_zero_is_refused(qtbot: QtBot, today: date, sertraline: Medication) -> None:
    dialog = DoseChangeDialog(sertraline, today)
    show(qtbot, dialog)
    qtbot.keyClicks(dialog.dose_spin, "0")
    qtbot.keyClick(dialog.dose_spin, Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.error_label.text() == "⚠ A dose must be more than zero."
    assert dialog.dose_spin.hasFocus()


# -- StopMedicationDialog ------------------------------------------------------------------


def test_stop_dialog_needs_a_reason_and_returns_the_stop(
    qtbot: QtBot, today: date, sertraline: Medication
) -> None:
    dialog = StopMedicationDialog(sertraline, today)
    show(qtbot, dialog)
    assert dialog.summary_label.text() == "Sertraline, 100 mg, taken since 3 Mar 2026."
    assert dialog.benefit_combo.currentText() == "Not sure"
    qtbot.keyClick(dialog.date_edit, Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.error_label.text() == "⚠ Choose why it was stopped."
    assert dialog.reason_combo.hasFocus()

    keys = Keyboard(qtbot)
    keys.type("s")  # Side effects
    keys.press(Key.Key_Tab)
    keys.type("s")  # Some improvement, not enough
    with qtbot.waitSignal(dialog.accepted):
        keys.press(Key.Key_Return)
    assert dialog.stopped() == (today, StopReason.SIDE_EFFECTS, Benefit.SOME)


def test_stop_dialog_not_sure_gives_no_benefit(
    qtbot: QtBot, today: date, sertraline: Medication
) -> None:
    dialog = StopMedicationDialog(sertraline, today)
    show(qtbot, dialog)
    qtbot.keyClick(dialog, Key.Key_W, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClicks(dialog.reason_combo, "n")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.reason_combo, Key.Key_Return)
    assert dialog.stopped() == (today, StopReason.NOT_EFFECTIVE, None)


def test_stop_dates_before_the_start_cannot_be_typed_and_before_a_dose_change_are_refused(
    qtbot: QtBot, today: date, sertraline: Medication
) -> None:
    dialog = StopMedicationDialog(sertraline, today)
    show(qtbot, dialog)
    edit = dialog.date_edit
    assert to_date(edit.minimumDate()) == sertraline.started
    # Before the start: refused as it is typed.
    type_into_section(qtbot, edit, QDateTimeEdit.Section.YearSection, "2025")
    qtbot.keyClick(edit, Key.Key_Tab)
    assert to_date(edit.date()) >= sertraline.started

    # 20 Mar 2026: before the dose change of 24 Mar.
    type_into_section(qtbot, edit, QDateTimeEdit.Section.DaySection, "20")
    type_into_section(qtbot, edit, QDateTimeEdit.Section.MonthSection, "mar")
    assert to_date(edit.date()) == date(2026, 3, 20)
    dialog.reason_combo.setFocus()
    qtbot.keyClicks(dialog.reason_combo, "s")
    qtbot.keyClick(dialog.reason_combo, Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.error_label.text() == "⚠ A dose change is dated after the medication stopped."
    assert edit.hasFocus()


# -- PastTrialDialog -----------------------------------------------------------------------


def test_a_past_trial_by_keyboard_alone_in_a_few_keystrokes(
    qtbot: QtBot, today: date, reference: MedicationReference
) -> None:
    dialog = PastTrialDialog(today, reference)
    show(qtbot, dialog)
    assert dialog.name_edit.hasFocus()
    keys = Keyboard(qtbot)
    keys.type("sert")
    assert dialog.name_edit.completer().popup().isVisible()
    keys.press(Key.Key_Down, Key.Key_Return)  # take "Sertraline" from the list
    assert dialog.name_edit.text() == "Sertraline"
    keys.press(Key.Key_Tab)
    keys.type("3 2019")  # started March 2019
    keys.press(Key.Key_Tab)
    keys.type("8/2019")  # stopped August 2019
    keys.press(Key.Key_Tab)
    keys.type("150")
    keys.press(Key.Key_Tab, Key.Key_Tab)  # the unit came from the table
    keys.type("n")  # Not effective
    keys.press(Key.Key_Tab)
    keys.type("s")  # Some improvement, not enough
    with qtbot.waitSignal(dialog.accepted):
        keys.press(Key.Key_Return)

    assert keys.count <= 30
    assert dialog.medication() == Medication(
        name="Sertraline",
        started=date(2019, 3, 1),
        stopped=date(2019, 8, 31),
        doses=(DoseStep(date(2019, 3, 1), 150.0),),
        drug_class="SSRI",
        role=MedicationRole.ANTIDEPRESSANT,
        unit="mg",
        stop_reason=StopReason.NOT_EFFECTIVE,
        benefit=Benefit.SOME,
        adequate_min_dose=50.0,
        dates_approximate=True,
    )


@pytest.mark.parametrize(
    ("typed", "month"),
    [("3 ", 3), ("03 ", 3), ("12/", 12), ("1 ", 1), ("10-", 10), ("mar ", 3), ("may ", 5)],
)
def test_a_month_by_number_or_letters(
    qtbot: QtBot, today: date, reference: MedicationReference, typed: str, month: int
) -> None:
    dialog = PastTrialDialog(today, reference)
    show(qtbot, dialog)
    dialog.start_month_combo.setFocus()
    keys = Keyboard(qtbot)
    keys.type(typed)
    assert dialog.start_month_combo.month() == month
    assert dialog.start_year_spin.hasFocus()  # the separator moved on to the year


def test_past_trial_dates_are_checked(
    qtbot: QtBot, today: date, reference: MedicationReference
) -> None:
    dialog = PastTrialDialog(today, reference)
    show(qtbot, dialog)
    keys = Keyboard(qtbot)
    keys.type("Trazodone")
    keys.press(Key.Key_Escape, Key.Key_Tab)
    keys.type("6 2024")
    keys.press(Key.Key_Tab)
    keys.type("2")  # a month with no year
    keys.press(Key.Key_Tab, Key.Key_Tab)
    keys.type("200")
    keys.press(Key.Key_Return)
    assert dialog.error_label.text() == "⚠ Enter the year it stopped."
    assert dialog.end_year_spin.hasFocus()

    keys.type("2024")  # February 2024: before the June start
    keys.press(Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.error_label.text() == "⚠ The stop date is before the start date."
    assert dialog.end_month_combo.hasFocus()

    keys.type("11")  # November of this year: stopped today at the latest
    keys.press(Key.Key_Tab)
    keys.type("2026")
    with qtbot.waitSignal(dialog.accepted):
        keys.press(Key.Key_Return)
    trial = dialog.medication()
    assert (trial.started, trial.stopped) == (date(2024, 6, 1), today)
    assert trial.doses == (DoseStep(date(2024, 6, 1), 200.0),)
    assert (trial.stop_reason, trial.benefit) == (None, None)


def test_add_and_enter_another_twice(
    qtbot: QtBot, today: date, reference: MedicationReference
) -> None:
    dialog = PastTrialDialog(today, reference)
    show(qtbot, dialog)
    added: list[Medication] = []
    dialog.trial_added.connect(added.append)
    keys = Keyboard(qtbot)

    keys.type("Citalopram")
    keys.press(Key.Key_Escape, Key.Key_Tab)
    keys.type("1 2017 5 2017 40")
    qtbot.mouseClick(dialog.another_button, Qt.MouseButton.LeftButton)
    assert dialog.name_edit.hasFocus()
    assert dialog.name_edit.text() == ""
    assert dialog.start_month_combo.month() is None
    assert dialog.dose_spin.value() == 0
    assert dialog.close_button.text() == "Close"

    keys.type("Nortriptyline")
    keys.press(Key.Key_Escape, Key.Key_Tab)
    keys.type("9 2017 2 2018 75")
    qtbot.keyClick(QApplication.focusWidget(), Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.name_edit.hasFocus()

    assert [(m.name, m.started, m.stopped, m.highest_dose) for m in added] == [
        ("Citalopram", date(2017, 1, 1), date(2017, 5, 31), 40.0),
        ("Nortriptyline", date(2017, 9, 1), date(2018, 2, 28), 75.0),
    ]
    assert all(m.dates_approximate for m in added)
    assert added[1].drug_class == "TCA"
    assert dialog.added_label.text() == (
        "Added: Citalopram (Jan 2017 – May 2017); Nortriptyline (Sep 2017 – Feb 2018)."
    )
    with qtbot.waitSignal(dialog.rejected):  # Enter on the empty form: finished
        keys.press(Key.Key_Return)
    assert len(added) == 2


def test_past_trial_tab_order_follows_the_screen(
    qtbot: QtBot, today: date, reference: MedicationReference
) -> None:
    dialog = PastTrialDialog(today, reference)
    show(qtbot, dialog)
    buttons = sorted(dialog.button_box.buttons(), key=lambda b: b.x())
    expected: list[QWidget] = [
        dialog.name_edit,
        dialog.start_month_combo,
        dialog.start_year_spin,
        dialog.end_month_combo,
        dialog.end_year_spin,
        dialog.dose_spin,
        dialog.unit_combo,
        dialog.reason_combo,
        dialog.benefit_combo,
        *buttons,
    ]
    assert focus_as_tab_is_pressed(qtbot, expected) == expected


# -- all four ------------------------------------------------------------------------------


@pytest.fixture
def every_dialog(
    qtbot: QtBot, today: date, reference: MedicationReference, sertraline: Medication
) -> list[QDialog]:
    dialogs: list[QDialog] = [
        MedicationDialog(today, reference),
        MedicationDialog(today, reference, existing=sertraline),
        DoseChangeDialog(sertraline, today),
        StopMedicationDialog(sertraline, today),
        PastTrialDialog(today, reference),
    ]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
    return dialogs


def test_every_control_has_a_name_and_every_label_a_unique_key(
    every_dialog: list[QDialog],
) -> None:
    for dialog in every_dialog:
        assert unnamed_controls(dialog) == [], dialog.windowTitle()
        keys = mnemonics(dialog)
        assert len(keys) == len(set(keys)), (dialog.windowTitle(), keys)
        for label in dialog.findChildren(QLabel):
            if "&" in label.text() and label.isVisibleTo(dialog):
                assert label.buddy() is not None, label.text()


def test_no_text_is_clipped(every_dialog: list[QDialog]) -> None:
    for dialog in every_dialog:
        for label in dialog.findChildren(QLabel):
            if label.isVisibleTo(dialog) and label.wordWrap() and label.text():
                needed = label.heightForWidth(label.width())
                assert label.height() >= needed, (dialog.windowTitle(), label.text())
