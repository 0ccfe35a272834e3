"""The PHQ-9 and GAD-7 dialog, driven by keys and clicks; and the crisis panel it shows."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from moodlog.domain.crisis_resources import (
    GET_HELP_BODY,
    GET_HELP_HEADING,
    NOBODY_MONITORS,
    message_for_safety_answer,
)
from moodlog.domain.instruments import Instrument
from moodlog.domain.questionnaire_result import QuestionnaireResult, Source
from moodlog.domain.questionnaire_texts import GAD7_ITEMS, GAD7_STEM, PHQ9_ITEMS, PHQ9_STEM
from moodlog.domain.safety_plan import CrisisContacts, PlanSection, SafetyPlan
from moodlog.storage.errors import DiaryUnavailable
from moodlog.ui import dialogs
from moodlog.ui.crisis_panel import CrisisPanel
from moodlog.ui.questionnaire_dialog import QuestionnaireDialog
from tests.ui.choice_clicks import click_choice
from tests.ui.test_accessibility import unnamed_controls

TODAY = date(2026, 11, 21)
DISK_FULL = "The disk is full, so this could not be saved. Free some space, then save again."
CONTACTS = CrisisContacts(
    emergency_number="112",
    trusted_name="Sam",
    trusted_phone="555 0101",
    clinician_name="Dr Lee",
    clinician_phone="555 0199",
)
PLAN = SafetyPlan(
    {
        PlanSection.WARNING_SIGNS: "Not sleeping; staying in bed all day.",
        PlanSection.REASONS_FOR_LIVING: "My sister.\nThe cat.",
    }
)


@dataclass
class FakeStore:
    """Stores what the dialog saves; raises ``failures`` first, one per call."""

    failures: list[Exception] = field(default_factory=list)
    saved: list[QuestionnaireResult] = field(default_factory=list)
    calls: list[QuestionnaireResult] = field(default_factory=list)

    def save(self, result: QuestionnaireResult) -> QuestionnaireResult:
        self.calls.append(result)
        if self.failures:
            raise self.failures.pop(0)
        stored = result.with_id(len(self.saved) + 1)
        self.saved.append(stored)
        return stored


OpenDialog = Callable[..., QuestionnaireDialog]


@pytest.fixture
def fake_store() -> FakeStore:
    return FakeStore()


@pytest.fixture
def open_dialog(qtbot: QtBot, fake_store: FakeStore) -> OpenDialog:
    def open_one(
        instrument: Instrument = Instrument.PHQ9,
        *,
        contacts: CrisisContacts = CONTACTS,
        plan: SafetyPlan = PLAN,
        all_on_one_page: bool = False,
    ) -> QuestionnaireDialog:
        dialog = QuestionnaireDialog(
            instrument,
            TODAY,
            fake_store.save,
            contacts,
            plan,
            all_on_one_page=all_on_one_page,
        )
        qtbot.addWidget(dialog)
        dialog.open()
        qtbot.waitExposed(dialog)
        qtbot.waitUntil(dialog.isActiveWindow)  # so the focus is real, as for a person
        return dialog

    return open_one


def focused(dialog: QuestionnaireDialog) -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    assert widget.window() is dialog
    return widget


def press(qtbot: QtBot, dialog: QuestionnaireDialog, key: Qt.Key) -> None:
    """Press ``key`` wherever the dialog's focus is, as a person would."""
    qtbot.keyClick(focused(dialog), key)


def type_answers(qtbot: QtBot, dialog: QuestionnaireDialog, answers: Sequence[int | None]) -> None:
    """Type each answer's digit (Enter skips a question, for ``None``)."""
    for answer in answers:
        press(qtbot, dialog, Qt.Key.Key_Return if answer is None else Qt.Key(Qt.Key.Key_0 + answer))


def finish(qtbot: QtBot, dialog: QuestionnaireDialog) -> None:
    qtbot.mouseClick(dialog.finish_button, Qt.MouseButton.LeftButton)


def visible_crisis_panels(dialog: QuestionnaireDialog) -> list[CrisisPanel]:
    return [panel for panel in dialog.findChildren(CrisisPanel) if panel.isVisible()]


def shown_without_scrolling(dialog: QuestionnaireDialog, label: QLabel) -> bool:
    """Whether all of ``label`` is on screen now: inside the dialog and not scrolled away."""
    rect = QRect(label.mapTo(dialog, QPoint(0, 0)), label.size())
    visible = label.visibleRegion().boundingRect()
    return label.isVisible() and dialog.rect().contains(rect) and visible.size() == label.size()


# -- (a) one question at a time, by keys alone ----------------------------------------------------


def test_phq9_answered_by_keys_alone_one_question_at_a_time(
    qtbot: QtBot, open_dialog: OpenDialog, fake_store: FakeStore
) -> None:
    dialog = open_dialog()
    assert not dialog.is_one_page()
    assert dialog.stem_label.text() == PHQ9_STEM
    answers = [1, 2, 0, 3, 1, 1, 2, 0, 0]
    for index, answer in enumerate(answers):
        assert focused(dialog) is dialog.item_inputs[index]
        assert dialog.progress_label.text() == f"Question {index + 1} of 9"
        shown = [choice for choice in dialog.item_inputs if choice.isVisible()]
        assert shown == [dialog.item_inputs[index]]  # only this question is on the page
        press(qtbot, dialog, Qt.Key(Qt.Key.Key_0 + answer))
    # After the last question: the difficulty question, then "See my result".
    assert focused(dialog) is dialog.difficulty_input
    assert dialog.difficulty_input.isVisible()
    assert not dialog.item_inputs[-1].isVisible()
    press(qtbot, dialog, Qt.Key.Key_2)
    assert focused(dialog) is dialog.finish_button
    with qtbot.waitSignal(dialog.saved) as signal:
        press(qtbot, dialog, Qt.Key.Key_Return)

    (stored,) = fake_store.saved
    assert signal.args == [stored]
    assert stored.answers == (1, 2, 0, 3, 1, 1, 2, 0, 0)
    assert stored.difficulty == 2
    assert stored.taken_on == TODAY
    assert stored.source is Source.ANSWERED_HERE
    assert dialog.stored_result() == stored
    view = dialog.result_view
    assert view is not None
    assert view.total_label.isVisible()
    assert view.total_label.text() == "10 of 27 — Moderate"
    marked = [label.text() for label, mark in zip(view.band_labels, view.band_markers, strict=True)
              if mark.text() == "▶"]  # fmt: skip
    assert marked == ["Moderate"]
    moderate = view.band_labels[[b.label for b in Instrument.PHQ9.info.bands].index("Moderate")]
    assert moderate.font().bold()
    assert not view.band_labels[0].font().bold()
    assert "not a diagnosis" in view.not_diagnosis_label.text()
    assert dialog.save_status_label.text() == "✓ Saved in your diary."
    assert visible_crisis_panels(dialog) == []
    # Enter closes the result page.
    assert focused(dialog) is dialog.done_button
    press(qtbot, dialog, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert dialog.result() == QuestionnaireDialog.DialogCode.Accepted


def test_backspace_and_back_return_to_the_previous_question(
    qtbot: QtBot, open_dialog: OpenDialog, fake_store: FakeStore
) -> None:
    dialog = open_dialog()
    type_answers(qtbot, dialog, [1, 2])
    press(qtbot, dialog, Qt.Key.Key_Backspace)
    assert focused(dialog) is dialog.item_inputs[1]
    assert dialog.item_inputs[1].isVisible()
    assert dialog.progress_label.text() == "Question 2 of 9"
    assert dialog.item_inputs[1].value() == 2  # going back clears nothing
    press(qtbot, dialog, Qt.Key.Key_3)  # a changed mind
    assert focused(dialog) is dialog.item_inputs[2]
    qtbot.mouseClick(dialog.back_button, Qt.MouseButton.LeftButton)
    assert dialog.item_inputs[1].isVisible()
    assert focused(dialog) is dialog.item_inputs[1]
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert focused(dialog) is dialog.item_inputs[2]
    qtbot.keyClick(dialog.item_inputs[2], Qt.Key.Key_Tab)
    qtbot.keyClick(focused(dialog), Qt.Key.Key_Tab)
    assert focused(dialog) is dialog.next_button  # Back, then Next
    press(qtbot, dialog, Qt.Key.Key_Return)  # Enter on Next is Next, not "See my result"
    assert fake_store.calls == []
    assert dialog.progress_label.text() == "Question 4 of 9"
    assert focused(dialog) is dialog.item_inputs[3]
    press(qtbot, dialog, Qt.Key.Key_Backspace)
    type_answers(qtbot, dialog, [0] * 7)
    finish(qtbot, dialog)
    assert fake_store.saved[0].answers == (1, 3, 0, 0, 0, 0, 0, 0, 0)


def test_nothing_answered_is_refused_inline_and_nothing_is_saved(
    qtbot: QtBot, open_dialog: OpenDialog, fake_store: FakeStore
) -> None:
    dialog = open_dialog()
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    finish(qtbot, dialog)
    assert dialog.error_label.isVisible()
    assert dialog.error_label.text() == "⚠ Answer at least one question, or cancel."
    assert fake_store.calls == []
    assert dialog.result_view is None
    assert focused(dialog) is dialog.item_inputs[0]  # back to the first question
    assert dialog.item_inputs[0].isVisible()


# -- (b) all on one page, one question left out ---------------------------------------------------


def test_one_page_with_a_question_unanswered_saves_no_total(
    qtbot: QtBot, open_dialog: OpenDialog, fake_store: FakeStore
) -> None:
    dialog = open_dialog(all_on_one_page=True)
    assert dialog.is_one_page()
    assert all(choice.isVisible() for choice in dialog.item_inputs)
    assert not dialog.next_button.isVisible()
    type_answers(qtbot, dialog, [1, 2, 0, None, 1, 1, 2, 0, 0])  # Enter skips question 4
    assert focused(dialog) is dialog.difficulty_input
    finish(qtbot, dialog)

    (stored,) = fake_store.saved
    assert stored.answers == (1, 2, 0, None, 1, 1, 2, 0, 0)
    assert stored.total is None
    assert dialog.error_label.isHidden()
    view = dialog.result_view
    assert view is not None
    text = view.total_label.text()
    assert text.startswith("No total: 1 question unanswered")
    assert text == stored.total_text
    assert "prorated" in text  # an estimate is only ever shown marked as one
    assert [mark.text() for mark in view.band_markers] == [""] * 5  # no band without a total


# -- (c) item 9 and the crisis panel --------------------------------------------------------------


def test_item_9_not_at_all_shows_no_crisis_panel(
    qtbot: QtBot, open_dialog: OpenDialog, fake_store: FakeStore
) -> None:
    dialog = open_dialog()
    type_answers(qtbot, dialog, [2, 2, 2, 2, 2, 2, 2, 2, 0])
    finish(qtbot, dialog)
    assert fake_store.saved[0].safety_answer == 0
    assert dialog.crisis_panel is None
    assert visible_crisis_panels(dialog) == []
    assert dialog.result_view is not None
    assert dialog.result_view.get_help_label is None


@pytest.mark.parametrize("answer", [1, 2, 3])
def test_item_9_above_0_shows_the_crisis_panel_at_once(
    qtbot: QtBot, open_dialog: OpenDialog, fake_store: FakeStore, answer: int
) -> None:
    dialog = open_dialog()
    type_answers(qtbot, dialog, [1, 1, 1, 1, 1, 1, 1, 1, answer])
    finish(qtbot, dialog)  # the only click: none is needed to see the panel
    assert fake_store.saved[0].safety_answer == answer

    (panel,) = visible_crisis_panels(dialog)
    assert panel is dialog.crisis_panel
    message = message_for_safety_answer(answer)
    assert message is not None
    heading = panel.heading_label.text()
    if answer == 1:
        assert heading == "You don't have to face these thoughts alone"
        assert not panel.is_urgent
    else:
        assert heading == "⚠ Please reach out for help today"
        assert panel.is_urgent
        assert panel.heading_label.font().bold()
        assert panel.heading_label.font().pointSizeF() > panel.body_label.font().pointSizeF()
    assert heading.endswith(message.heading)
    assert panel.body_label.text() == message.body
    assert "988" in panel.lifeline_label.text()
    assert "911" in panel.emergency_label.text()
    # At the top of the result page, on screen without scrolling or clicking.
    for label in (panel.heading_label, panel.body_label, panel.lifeline_label):
        assert shown_without_scrolling(dialog, label), label.text()
    view = dialog.result_view
    assert view is not None
    assert panel.geometry().top() < view.total_label.geometry().top()


def test_item_9_unanswered_points_to_get_help_now(
    qtbot: QtBot, open_dialog: OpenDialog, fake_store: FakeStore
) -> None:
    dialog = open_dialog()
    type_answers(qtbot, dialog, [0, 0, 0, 0, 0, 0, 0, 0, None])
    finish(qtbot, dialog)
    assert fake_store.saved[0].answers[8] is None
    assert visible_crisis_panels(dialog) == []
    view = dialog.result_view
    assert view is not None
    assert view.get_help_label is not None
    assert view.get_help_label.isVisible()
    assert "“Get help now”" in view.get_help_label.text()


# -- (d) saving fails -----------------------------------------------------------------------------


def test_a_failed_save_keeps_the_answers_and_can_be_tried_again(
    qtbot: QtBot, open_dialog: OpenDialog, fake_store: FakeStore
) -> None:
    fake_store.failures.append(DiaryUnavailable(DISK_FULL))
    dialog = open_dialog()
    saved: list[object] = []
    dialog.saved.connect(saved.append)
    type_answers(qtbot, dialog, [1, 2, 0, 3, 1, 1, 2, 0, 2])
    finish(qtbot, dialog)

    assert fake_store.saved == []
    assert saved == []
    assert dialog.save_status_label.isVisible()
    assert dialog.save_status_label.text() == f"⚠ Not saved: {DISK_FULL}"
    assert dialog.retry_button.isVisible()
    (panel,) = visible_crisis_panels(dialog)  # the result and the panel, saved or not
    assert shown_without_scrolling(dialog, panel.heading_label)
    assert dialog.result_view is not None
    assert dialog.result_view.total_label.text() == "12 of 27 — Moderate"

    with qtbot.waitSignal(dialog.saved) as signal:
        qtbot.mouseClick(dialog.retry_button, Qt.MouseButton.LeftButton)
    (stored,) = fake_store.saved
    assert signal.args == [stored]
    assert fake_store.calls[0] == fake_store.calls[1]  # the same answers, tried again
    assert stored.answers == (1, 2, 0, 3, 1, 1, 2, 0, 2)
    assert dialog.save_status_label.text() == "✓ Saved in your diary."
    assert dialog.retry_button.isHidden()


# -- (e) GAD-7 wording ----------------------------------------------------------------------------


def test_gad7_shows_the_standard_wording(
    qtbot: QtBot, open_dialog: OpenDialog, fake_store: FakeStore
) -> None:
    dialog = open_dialog(Instrument.GAD7)
    assert dialog.stem_label.text() == GAD7_STEM
    assert len(dialog.item_inputs) == 7
    for number, (label, choice, item) in enumerate(
        zip(dialog.item_labels, dialog.item_inputs, GAD7_ITEMS, strict=True), start=1
    ):
        assert label.text().replace("&", "") == f"{number}. {item}"
        assert label.buddy() is choice
        assert choice.accessibleName() == f"Question {number}: {item}"
    press(qtbot, dialog, Qt.Key.Key_0)
    # What a screen reader says for the chosen answer: the 0 answer is "Not at all", not the
    # "Not at all sure" of many reproductions (clinical-reference.md §2.4).
    description = dialog.item_inputs[0].accessibleDescription()
    assert description == "Question 1: Feeling nervous, anxious, or on edge: Not at all"
    assert "sure" not in description
    type_answers(qtbot, dialog, [3, 2, 1, 1, 2, 3])
    finish(qtbot, dialog)
    assert fake_store.saved[0].answers == (0, 3, 2, 1, 1, 2, 3)
    assert dialog.result_view is not None
    assert dialog.result_view.total_label.text() == "12 of 21 — Moderate"
    assert dialog.result_view.get_help_label is None  # item 9 is the PHQ-9's
    assert visible_crisis_panels(dialog) == []


def test_phq9_items_are_verbatim_and_named(open_dialog: OpenDialog) -> None:
    dialog = open_dialog()
    for number, (label, choice, item) in enumerate(
        zip(dialog.item_labels, dialog.item_inputs, PHQ9_ITEMS, strict=True), start=1
    ):
        assert label.text().replace("&", "") == f"{number}. {item}"
        assert label.buddy() is choice
        assert choice.accessibleName() == f"Question {number}: {item}"


# -- (f) date and source --------------------------------------------------------------------------


def _to_last_step(qtbot: QtBot, dialog: QuestionnaireDialog) -> None:
    type_answers(qtbot, dialog, [1] * 9)
    assert focused(dialog) is dialog.difficulty_input
    dialog.date_edit.setFocus()


def test_a_past_date_means_a_paper_form(
    qtbot: QtBot, open_dialog: OpenDialog, fake_store: FakeStore
) -> None:
    dialog = open_dialog()
    _to_last_step(qtbot, dialog)
    assert dialog.source_combo.currentText() == "Answered in moodlog"
    qtbot.keyClick(dialog.date_edit, Qt.Key.Key_Up)  # today is the latest day allowed
    assert dialog.date_edit.date().toPython() == TODAY
    qtbot.keyClick(dialog.date_edit, Qt.Key.Key_Down)
    assert dialog.source_combo.currentText() == "From a paper form"
    finish(qtbot, dialog)
    (stored,) = fake_store.saved
    assert stored.taken_on == date(2026, 11, 20)
    assert stored.source is Source.PAPER_FORM
    assert dialog.result_view is not None
    assert "from a paper form" in dialog.result_view.heading_label.text()


def test_the_person_can_say_it_was_answered_here_after_all(
    qtbot: QtBot, open_dialog: OpenDialog, fake_store: FakeStore
) -> None:
    dialog = open_dialog()
    _to_last_step(qtbot, dialog)
    qtbot.keyClick(dialog.date_edit, Qt.Key.Key_Down)
    assert dialog.source_combo.currentText() == "From a paper form"
    qtbot.keyClick(dialog.source_combo, Qt.Key.Key_Up)
    assert dialog.source_combo.currentText() == "Answered in moodlog"
    qtbot.keyClick(dialog.date_edit, Qt.Key.Key_Down)  # their choice stays
    assert dialog.source_combo.currentText() == "Answered in moodlog"
    finish(qtbot, dialog)
    (stored,) = fake_store.saved
    assert stored.taken_on == date(2026, 11, 19)
    assert stored.source is Source.ANSWERED_HERE


# -- (g) switching layout -------------------------------------------------------------------------


def test_switching_layout_keeps_the_answers(
    qtbot: QtBot, open_dialog: OpenDialog, fake_store: FakeStore
) -> None:
    dialog = open_dialog()
    changes: list[bool] = []
    dialog.layout_changed.connect(changes.append)
    type_answers(qtbot, dialog, [3, 2, 1])
    qtbot.mouseClick(dialog.one_page_check, Qt.MouseButton.LeftButton)
    assert changes == [True]
    assert all(choice.isVisible() for choice in dialog.item_inputs)
    assert [choice.value() for choice in dialog.item_inputs[:4]] == [3, 2, 1, None]
    dialog.item_inputs[3].setFocus()
    type_answers(qtbot, dialog, [0, 0])
    qtbot.mouseClick(dialog.one_page_check, Qt.MouseButton.LeftButton)
    assert changes == [True, False]
    # One at a time again, at the question that had the focus.
    assert [choice for choice in dialog.item_inputs if choice.isVisible()] == [
        dialog.item_inputs[5]
    ]
    assert dialog.progress_label.text() == "Question 6 of 9"
    dialog.item_inputs[5].setFocus()
    type_answers(qtbot, dialog, [1, 1, 1, 1])
    finish(qtbot, dialog)
    assert fake_store.saved[0].answers == (3, 2, 1, 0, 0, 1, 1, 1, 1)


def test_the_question_clicked_on_one_page_is_shown_one_at_a_time(
    qtbot: QtBot, open_dialog: OpenDialog
) -> None:
    dialog = open_dialog(all_on_one_page=True)
    click_choice(qtbot, dialog.item_inputs[4], 2)
    qtbot.mouseClick(dialog.one_page_check, Qt.MouseButton.LeftButton)
    assert [choice for choice in dialog.item_inputs if choice.isVisible()] == [
        dialog.item_inputs[4]
    ]
    assert dialog.item_inputs[4].value() == 2
    assert dialog.progress_label.text() == "Question 5 of 9"
    assert focused(dialog) is dialog.item_inputs[4]


def test_every_control_has_a_name_on_both_pages(qtbot: QtBot, open_dialog: OpenDialog) -> None:
    dialog = open_dialog()
    assert unnamed_controls(dialog) == []
    qtbot.mouseClick(dialog.one_page_check, Qt.MouseButton.LeftButton)
    assert unnamed_controls(dialog) == []
    type_answers(qtbot, dialog, [1] * 9)
    finish(qtbot, dialog)
    assert dialog.crisis_panel is not None
    assert unnamed_controls(dialog) == []


# -- (h) the crisis panel itself ------------------------------------------------------------------


def test_crisis_panel_shows_contacts_and_plan_and_asks_to_edit(qtbot: QtBot) -> None:
    panel = CrisisPanel(None, CONTACTS, PLAN)
    qtbot.addWidget(panel)
    panel.show()
    assert panel.accessibleName() == "Crisis help"
    assert panel.heading_label.text() == GET_HELP_HEADING
    assert panel.body_label.text() == GET_HELP_BODY
    assert "Call or text 988, or chat at 988lifeline.org" in panel.lifeline_label.text()
    assert "Sam — 555 0101" in panel.contacts_label.text()
    assert "Dr Lee — 555 0199" in panel.contacts_label.text()
    assert "911 in the US" in panel.emergency_label.text()
    assert "112" in panel.emergency_label.text()
    plan_text = panel.plan_label.text()
    for section in PLAN.written_sections:
        assert section.heading in plan_text
    assert "Not sleeping; staying in bed all day." in plan_text
    assert "My sister.<br>The cat." in plan_text  # the person's line breaks kept
    assert PlanSection.COPING.heading not in plan_text  # nothing written there
    assert panel.nobody_label.text() == NOBODY_MONITORS
    for label in panel.findChildren(QLabel):
        flags = label.textInteractionFlags()
        assert flags & Qt.TextInteractionFlag.TextSelectableByMouse  # numbers can be copied
        assert not flags & Qt.TextInteractionFlag.LinksAccessibleByMouse  # no links
        assert label.wordWrap()
    assert panel.edit_button.accessibleName() == "Edit my safety plan and contacts…"
    with qtbot.waitSignal(panel.edit_requested):
        qtbot.mouseClick(panel.edit_button, Qt.MouseButton.LeftButton)


def test_crisis_panel_without_contacts_or_plan_invites_them(qtbot: QtBot) -> None:
    panel = CrisisPanel(message_for_safety_answer(3), CrisisContacts(), SafetyPlan())
    qtbot.addWidget(panel)
    assert panel.contacts_label.text() == (
        "Add a trusted person and your clinician in your safety plan."
    )
    assert "safety plan" in panel.plan_label.text()
    assert panel.emergency_label.text().count("\n") == 0  # no local number to show
    panel.set_contents(CONTACTS, PLAN)  # after editing the plan
    assert "Sam" in panel.contacts_label.text()
    assert PlanSection.REASONS_FOR_LIVING.heading in panel.plan_label.text()


def test_the_dialog_passes_on_edit_my_safety_plan(
    qtbot: QtBot, open_dialog: OpenDialog, fake_store: FakeStore
) -> None:
    dialog = open_dialog(contacts=CrisisContacts(), plan=SafetyPlan())
    type_answers(qtbot, dialog, [0, 0, 0, 0, 0, 0, 0, 0, 1])
    finish(qtbot, dialog)
    panel = dialog.crisis_panel
    assert panel is not None
    with qtbot.waitSignal(dialog.safety_plan_requested):
        qtbot.mouseClick(panel.edit_button, Qt.MouseButton.LeftButton)
    panel.edit_button.setFocus()
    with qtbot.waitSignal(dialog.safety_plan_requested):
        press(qtbot, dialog, Qt.Key.Key_Return)  # Enter on the button: the button, not Done
    assert dialog.isVisible()
    dialog.set_safety_plan(CONTACTS, PLAN)
    assert "Dr Lee — 555 0199" in panel.contacts_label.text()


def test_closing_with_answers_not_saved_asks_first_and_no_keeps_them(
    qtbot: QtBot, open_dialog: OpenDialog, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def say_no(_parent: object, title: str, _text: str, _label: str) -> bool:
        asked.append(title)
        return False

    monkeypatch.setattr(dialogs, "confirm", say_no)
    dialog = open_dialog()
    type_answers(qtbot, dialog, [1, 2, 0])
    press(qtbot, dialog, Qt.Key.Key_Escape)
    assert asked == ["Close without saving?"]
    assert dialog.isVisible()
    assert [c.value() for c in dialog.item_inputs[:3]] == [1, 2, 0]


def test_closing_after_a_failed_save_asks_too(
    qtbot: QtBot, open_dialog: OpenDialog, fake_store: FakeStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "confirm", lambda _p, title, _t, _l: asked.append(title))
    fake_store.failures.append(DiaryUnavailable(DISK_FULL))
    dialog = open_dialog()
    type_answers(qtbot, dialog, [1] * 9)
    finish(qtbot, dialog)
    qtbot.mouseClick(dialog.done_button, Qt.MouseButton.LeftButton)
    assert asked == ["Close without saving?"]
    assert dialog.isVisible()  # the confirmation said no (None)


def test_closing_a_saved_or_empty_questionnaire_asks_nothing(
    qtbot: QtBot, open_dialog: OpenDialog, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "confirm", lambda _p, title, _t, _l: asked.append(title))
    empty = open_dialog()
    press(qtbot, empty, Qt.Key.Key_Escape)
    assert not empty.isVisible()
    saved = open_dialog()
    type_answers(qtbot, saved, [0] * 9)
    finish(qtbot, saved)
    qtbot.mouseClick(saved.done_button, Qt.MouseButton.LeftButton)
    assert not saved.isVisible()
    assert asked == []
