"""The safety plan dialog, driven by keyboard and mouse: writing a plan and contacts, changing
them, what Enter does in a section, a section that is too long, and leaving without saving."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLabel, QWidget
from pytestqt.qtbot import QtBot

from moodlog.domain.safety_plan import MAX_SECTION_CHARS, CrisisContacts, PlanSection, SafetyPlan
from moodlog.ui import dialogs
from moodlog.ui.safety_plan_dialog import INTRODUCTION, SafetyPlanDialog
from tests.ui.test_accessibility import unnamed_controls
from tests.ui.test_medication_dialogs import focus_as_tab_is_pressed, mnemonics, show

Key = Qt.Key
Ctrl = Qt.KeyboardModifier.ControlModifier

WRITTEN = SafetyPlan(
    {
        PlanSection.WARNING_SIGNS: "Not sleeping.\nCancelling plans.",
        PlanSection.REASONS_FOR_LIVING: "My sister. The dog.",
    }
)
CONTACTS = CrisisContacts(
    emergency_number="911", trusted_name="Sam", trusted_phone="555 0100", clinician_name="Dr Lee"
)


def opened(qtbot: QtBot, plan: SafetyPlan, contacts: CrisisContacts) -> SafetyPlanDialog:
    dialog = SafetyPlanDialog(plan, contacts)
    show(qtbot, dialog)
    return dialog


def click(qtbot: QtBot, dialog: SafetyPlanDialog, which: QDialogButtonBox.StandardButton) -> None:
    qtbot.mouseClick(dialog.button_box.button(which), Qt.MouseButton.LeftButton)


def is_shown_in_scroll_area(dialog: SafetyPlanDialog, widget: QWidget) -> bool:
    """Whether ``widget`` is wholly inside the visible part of the scrolling form."""
    viewport = dialog.scroll_area.viewport()
    top_left = widget.mapTo(viewport, widget.rect().topLeft())
    bottom_right = widget.mapTo(viewport, widget.rect().bottomRight())
    return viewport.rect().contains(top_left) and viewport.rect().contains(bottom_right)


def test_a_plan_typed_in_is_what_the_dialog_gives_back(qtbot: QtBot) -> None:
    dialog = opened(qtbot, SafetyPlan(), CrisisContacts())
    assert dialog.intro_label.text() == INTRODUCTION
    assert dialog.windowTitle() == "My safety plan"
    first = dialog.section_edits[PlanSection.WARNING_SIGNS]
    qtbot.waitUntil(first.hasFocus)  # ready to write at once
    qtbot.keyClicks(first, "Lying awake")
    qtbot.keyClick(first, Key.Key_Return)
    qtbot.keyClicks(first, "Not answering the phone")
    qtbot.keyClick(first, Key.Key_Tab)  # Tab moves on; it is not typed into the plan
    coping = dialog.section_edits[PlanSection.COPING]
    assert coping.hasFocus()
    qtbot.keyClicks(coping, "  A walk with the dog  ")
    # Alt+7 goes to "7. My reasons for living", far down the form, and shows it.
    reasons = dialog.section_edits[PlanSection.REASONS_FOR_LIVING]
    assert not is_shown_in_scroll_area(dialog, reasons)
    qtbot.keyClick(coping, Key.Key_7, Qt.KeyboardModifier.AltModifier)
    assert reasons.hasFocus()
    assert is_shown_in_scroll_area(dialog, reasons)
    qtbot.keyClicks(reasons, "My niece")
    qtbot.keyClicks(dialog.emergency_edit, "000")
    qtbot.keyClicks(dialog.trusted_name_edit, "Sam")
    qtbot.keyClicks(dialog.trusted_phone_edit, "555 0100")
    qtbot.keyClicks(dialog.clinician_name_edit, "Dr Lee")
    qtbot.keyClicks(dialog.clinician_phone_edit, "555 0199")

    with qtbot.waitSignal(dialog.accepted):
        click(qtbot, dialog, QDialogButtonBox.StandardButton.Save)

    assert not dialog.isVisible()
    assert dialog.plan() == SafetyPlan(
        {
            PlanSection.WARNING_SIGNS: "Lying awake\nNot answering the phone",
            PlanSection.COPING: "A walk with the dog",
            PlanSection.REASONS_FOR_LIVING: "My niece",
        }
    )
    assert dialog.contacts() == CrisisContacts("000", "Sam", "555 0100", "Dr Lee", "555 0199")


def test_a_saved_plan_is_shown_for_changing_and_comes_back_changed(qtbot: QtBot) -> None:
    dialog = opened(qtbot, WRITTEN, CONTACTS)
    shown = {s: e.toPlainText() for s, e in dialog.section_edits.items()}
    assert shown[PlanSection.WARNING_SIGNS] == "Not sleeping.\nCancelling plans."
    assert shown[PlanSection.REASONS_FOR_LIVING] == "My sister. The dog."
    assert shown[PlanSection.COPING] == ""
    assert dialog.emergency_edit.text() == "911"
    assert dialog.trusted_name_edit.text() == "Sam"
    assert dialog.trusted_phone_edit.text() == "555 0100"
    assert dialog.clinician_name_edit.text() == "Dr Lee"
    assert dialog.clinician_phone_edit.text() == ""

    qtbot.keyClicks(dialog.clinician_phone_edit, "555 0199")
    distractions = dialog.section_edits[PlanSection.DISTRACTIONS]
    qtbot.keyClicks(distractions, "The library")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(distractions, Key.Key_S, Ctrl)  # Ctrl+S saves from anywhere

    assert dialog.plan() == SafetyPlan(
        {**WRITTEN.sections, PlanSection.DISTRACTIONS: "The library"}
    )
    assert dialog.contacts() == CrisisContacts("911", "Sam", "555 0100", "Dr Lee", "555 0199")


def test_enter_in_a_section_starts_a_new_line_and_ctrl_enter_saves(qtbot: QtBot) -> None:
    dialog = opened(qtbot, SafetyPlan(), CrisisContacts())
    edit = dialog.section_edits[PlanSection.PEOPLE_TO_ASK]
    qtbot.keyClicks(edit, "Mum")
    qtbot.keyClick(edit, Key.Key_Return)
    qtbot.keyClick(edit, Key.Key_Enter)  # the keypad's Enter too
    qtbot.keyClicks(edit, "Jo")

    assert dialog.isVisible()
    assert dialog.result() == QDialog.DialogCode.Rejected  # not accepted (nor closed)
    assert edit.toPlainText() == "Mum\n\nJo"

    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(edit, Key.Key_Return, Ctrl)
    assert dialog.plan() == SafetyPlan({PlanSection.PEOPLE_TO_ASK: "Mum\n\nJo"})


def test_enter_in_a_contact_field_saves(qtbot: QtBot) -> None:
    dialog = opened(qtbot, SafetyPlan(), CrisisContacts())
    qtbot.keyClicks(dialog.trusted_name_edit, "Sam")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.trusted_name_edit, Key.Key_Return)
    assert dialog.contacts() == CrisisContacts(trusted_name="Sam")


def test_a_section_that_is_too_long_is_refused_and_shown_and_nothing_is_lost(
    qtbot: QtBot,
) -> None:
    dialog = opened(qtbot, SafetyPlan(), CrisisContacts())
    safer = dialog.section_edits[PlanSection.SAFER_SURROUNDINGS]
    long_text = ("Ask Sam to keep the car keys. " * 134).strip()
    assert len(long_text) > MAX_SECTION_CHARS
    clipboard = QApplication.clipboard()
    clipboard.setText(long_text)
    qtbot.keyClick(safer, Key.Key_V, Ctrl)  # pasted in from somewhere else
    qtbot.keyClicks(dialog.trusted_name_edit, "Sam")
    dialog.section_edits[PlanSection.WARNING_SIGNS].setFocus()  # far from the section at fault

    click(qtbot, dialog, QDialogButtonBox.StandardButton.Save)

    assert dialog.isVisible()
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert dialog.error_label.isVisible()
    assert dialog.error_label.text() == (
        "⚠ “6. Making my surroundings safer” is longer than 4,000 characters; please shorten it."
    )
    assert safer.hasFocus()
    assert is_shown_in_scroll_area(dialog, safer)
    assert safer.toPlainText() == long_text
    assert dialog.trusted_name_edit.text() == "Sam"

    cut = len(long_text) - MAX_SECTION_CHARS
    for _ in range(cut):
        qtbot.keyClick(safer, Key.Key_Backspace)
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(safer, Key.Key_S, Ctrl)
    assert not dialog.error_label.isVisible()
    assert dialog.plan().text(PlanSection.SAFER_SURROUNDINGS) == long_text[:-cut].strip()


def test_a_contact_that_is_too_long_is_refused_with_the_focus_on_it(qtbot: QtBot) -> None:
    dialog = opened(qtbot, SafetyPlan(), CrisisContacts())
    qtbot.keyClicks(dialog.clinician_phone_edit, "5" * 121)
    click(qtbot, dialog, QDialogButtonBox.StandardButton.Save)
    assert dialog.isVisible()
    assert dialog.error_label.text() == "⚠ Keep each contact under 120 characters."
    assert dialog.clinician_phone_edit.hasFocus()
    assert is_shown_in_scroll_area(dialog, dialog.clinician_phone_edit)


class Answers:
    """Stands in for "Close without saving?": records each time it is asked and gives
    ``answer`` (yes unless a test says otherwise, so no test can leave a real question open)."""

    def __init__(self) -> None:
        self.asked: list[str] = []
        self.answer = True

    def __call__(self, _parent: object, title: str, _text: str, _label: str) -> bool:
        self.asked.append(title)
        return self.answer


@pytest.fixture(autouse=True)
def answers(monkeypatch: pytest.MonkeyPatch) -> Answers:
    stand_in = Answers()
    monkeypatch.setattr(dialogs, "confirm", stand_in)
    return stand_in


def test_cancel_without_changes_closes_at_once(qtbot: QtBot, answers: Answers) -> None:
    dialog = opened(qtbot, WRITTEN, CONTACTS)
    with qtbot.waitSignal(dialog.rejected):
        click(qtbot, dialog, QDialogButtonBox.StandardButton.Cancel)
    assert answers.asked == []


def test_cancel_after_changes_asks_first_and_keeps_what_was_written(
    qtbot: QtBot, answers: Answers
) -> None:
    dialog = opened(qtbot, WRITTEN, CONTACTS)
    coping = dialog.section_edits[PlanSection.COPING]
    qtbot.keyClicks(coping, "Music")
    answers.answer = False  # "Cancel": stay
    qtbot.keyClick(coping, Key.Key_Escape)
    click(qtbot, dialog, QDialogButtonBox.StandardButton.Cancel)
    assert answers.asked == ["Close without saving?", "Close without saving?"]
    assert dialog.isVisible()
    assert coping.toPlainText() == "Music"

    answers.answer = True  # "Close without saving"
    with qtbot.waitSignal(dialog.rejected):
        click(qtbot, dialog, QDialogButtonBox.StandardButton.Cancel)
    assert not dialog.isVisible()


def test_tab_goes_through_the_sections_then_the_contacts_then_the_buttons(
    qtbot: QtBot,
) -> None:
    dialog = opened(qtbot, SafetyPlan(), CrisisContacts())
    buttons: list[QWidget] = sorted(dialog.button_box.buttons(), key=lambda b: b.x())
    expected: list[QWidget] = [
        *dialog.section_edits.values(),
        dialog.emergency_edit,
        dialog.trusted_name_edit,
        dialog.trusted_phone_edit,
        dialog.clinician_name_edit,
        dialog.clinician_phone_edit,
        *buttons,
    ]
    assert list(dialog.section_edits) == list(PlanSection)
    assert focus_as_tab_is_pressed(qtbot, expected) == expected


def test_every_field_has_a_name_a_heading_and_its_prompt(qtbot: QtBot) -> None:
    dialog = opened(qtbot, SafetyPlan(), CrisisContacts())
    assert unnamed_controls(dialog) == []
    keys = mnemonics(dialog)
    assert len(keys) == len(set(keys)), keys
    labels = [label for label in dialog.findChildren(QLabel) if label.isVisibleTo(dialog)]
    for section, edit in dialog.section_edits.items():
        assert edit.accessibleName() == section.heading
        (heading,) = [label for label in labels if label.buddy() is edit]
        assert heading.text() == "&" + section.heading  # Alt+1 … Alt+7
        assert any(label.text() == section.prompt for label in labels), section
    assert dialog.emergency_edit.placeholderText() == "911 in the US"
    for label in labels:
        if "&" in label.text():
            assert label.buddy() is not None, label.text()


@pytest.mark.parametrize(("width", "height"), [(720, 700), (984, 620), (600, 450)])
def test_it_fits_small_screens_and_no_text_is_clipped(
    qtbot: QtBot, width: int, height: int
) -> None:
    dialog = opened(qtbot, WRITTEN, CONTACTS)
    screen = dialog.screen().availableGeometry()
    assert dialog.width() <= min(720, screen.width())
    assert dialog.height() <= min(700, screen.height())
    dialog.resize(width, height)  # 984x620: a 1024x700 screen, less the window frame
    qtbot.waitUntil(lambda: dialog.size().width() == width)
    assert dialog.height() == height
    assert dialog.button_box.isVisible()
    assert dialog.button_box.geometry().bottom() <= dialog.height()
    for label in dialog.findChildren(QLabel):
        if label.isVisibleTo(dialog) and label.wordWrap() and label.text():
            assert label.height() >= label.heightForWidth(label.width()), label.text()
