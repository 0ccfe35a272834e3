"""The safety net in the real window: "Get help now" on every page, the crisis panel after a
PHQ-9 whose item 9 is above 0 (and not otherwise), the safety plan, and questionnaires due on
Today."""

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from moodlog.domain.crisis_resources import NOBODY_MONITORS
from moodlog.domain.instruments import Instrument
from moodlog.domain.medications import DoseStep, Medication
from moodlog.domain.questionnaire_result import QuestionnaireResult, Source
from moodlog.domain.safety_plan import CrisisContacts, PlanSection
from moodlog.domain.treatments import CourseKind, TreatmentCourse
from moodlog.storage.diary_store import DiaryStore
from moodlog.ui.crisis_panel import CrisisPanel
from moodlog.ui.get_help_dialog import GetHelpDialog
from moodlog.ui.main_window import MainWindow
from moodlog.ui.questionnaire_dialog import QuestionnaireDialog
from moodlog.ui.safety_plan_dialog import SafetyPlanDialog
from tests.ui.conftest import FakeClock

TODAY = date(2026, 11, 21)
NOW = datetime(2026, 11, 21, 9, 30)


def phq9(day: date, item9: int = 0, each: int = 1) -> QuestionnaireResult:
    return QuestionnaireResult(Instrument.PHQ9, day, answers=(each,) * 8 + (item9,))


def press_in(qtbot: QtBot, window: QWidget, key: Qt.Key) -> None:
    widget = QApplication.focusWidget()
    assert widget is not None
    assert widget.window() is window
    qtbot.keyClick(widget, key)


def take_phq9(qtbot: QtBot, window: MainWindow, answers: list[int]) -> QuestionnaireDialog:
    """Take the PHQ-9 from the Diary menu, by keys alone, and finish."""
    window.take_phq9_action.trigger()
    dialog = window.flows.questionnaire
    assert dialog is not None
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(dialog.isActiveWindow)
    for answer in answers:
        press_in(qtbot, dialog, Qt.Key(Qt.Key.Key_0 + answer))
    qtbot.mouseClick(dialog.finish_button, Qt.MouseButton.LeftButton)
    return dialog


def visible_panels(dialog: QWidget) -> list[CrisisPanel]:
    return [p for p in dialog.findChildren(CrisisPanel) if p.isVisible()]


# -- Get help now -------------------------------------------------------------------------------


def test_get_help_now_is_in_view_on_every_page(qtbot: QtBot, window: MainWindow) -> None:
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        qtbot.waitUntil(lambda: window.help_button.isVisible())
        corner = window.help_button.mapTo(window, window.help_button.rect().center())
        assert window.rect().contains(corner), window.tabs.tabText(index)
    assert window.help_button.text() == "Get help now"


def test_get_help_now_shows_the_lifeline_contacts_and_plan(
    qtbot: QtBot, window: MainWindow, store: DiaryStore
) -> None:
    from moodlog.domain.safety_plan import SafetyPlan

    store.questionnaires.set_safety_plan(
        SafetyPlan({PlanSection.COPING: "Walk the dog"}),
        CrisisContacts(trusted_name="Sam", trusted_phone="555 0101", emergency_number="112"),
    )
    qtbot.mouseClick(window.help_button, Qt.MouseButton.LeftButton)
    dialog = window.flows.get_help
    assert isinstance(dialog, GetHelpDialog)
    qtbot.waitExposed(dialog)
    panel = dialog.panel
    assert "988" in panel.lifeline_label.text()
    assert "112" in panel.emergency_label.text()
    assert "Sam" in panel.contacts_label.text()
    assert "555 0101" in panel.contacts_label.text()
    assert "Walk the dog" in panel.plan_label.text()
    assert panel.nobody_label.text() == NOBODY_MONITORS


def test_ctrl_h_opens_get_help_from_any_page(qtbot: QtBot, window: MainWindow) -> None:
    window.show_treatment()
    qtbot.keyClick(window, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(window.flows.get_help, GetHelpDialog)
    assert window.flows.get_help.isVisible()


def test_get_help_is_in_reach_while_a_questionnaire_is_open(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.take_phq9_action.trigger()
    dialog = window.flows.questionnaire
    assert dialog is not None
    qtbot.waitUntil(dialog.isActiveWindow)
    press_in(qtbot, dialog, Qt.Key.Key_1)
    focus = QApplication.focusWidget()
    assert focus is not None
    qtbot.keyClick(focus, Qt.Key.Key_H, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: window.flows.get_help is not None)  # a mnemonic clicks animated
    help_dialog = window.flows.get_help
    assert isinstance(help_dialog, GetHelpDialog)
    qtbot.waitExposed(help_dialog)
    assert help_dialog.isVisible()
    assert "988" in help_dialog.panel.lifeline_label.text()
    assert dialog.item_inputs[0].value() == 1  # the answers are still there
    dialog.done(0)  # the confirmation (answered yes by the fixture) closes both
    qtbot.waitUntil(lambda: window.flows.get_help is None)


# -- the PHQ-9 in the real window ----------------------------------------------------------------


def test_phq9_with_item9_zero_shows_no_crisis_panel_and_is_stored(
    qtbot: QtBot, window: MainWindow, store: DiaryStore
) -> None:
    dialog = take_phq9(qtbot, window, [2, 2, 1, 3, 1, 1, 2, 0, 0])
    assert dialog.result_view is not None
    assert dialog.result_view.total_label.text() == "12 of 27 — Moderate"
    assert visible_panels(dialog) == []
    stored = store.questionnaires.results()
    assert [r.answers for r in stored] == [(2, 2, 1, 3, 1, 1, 2, 0, 0)]
    assert stored[0].source is Source.ANSWERED_HERE


@pytest.mark.parametrize(("item9", "urgent"), [(1, False), (2, True), (3, True)])
def test_phq9_with_item9_above_zero_shows_the_crisis_panel_at_once(
    qtbot: QtBot, window: MainWindow, store: DiaryStore, item9: int, urgent: bool
) -> None:
    dialog = take_phq9(qtbot, window, [1, 1, 1, 1, 1, 1, 1, 1, item9])
    panels = visible_panels(dialog)
    assert len(panels) == 1
    panel = panels[0]
    assert panel.is_urgent is urgent
    assert "988" in panel.lifeline_label.text()
    # In view on the result screen without a click or a scroll.
    assert not panel.heading_label.visibleRegion().isEmpty()
    assert not panel.lifeline_label.visibleRegion().isEmpty()
    # Saving was not held up.
    assert store.questionnaires.safety_answers() == [(TODAY, item9)]


def test_the_safety_plan_written_from_the_crisis_panel_is_stored_and_shown(
    qtbot: QtBot, window: MainWindow, store: DiaryStore
) -> None:
    dialog = take_phq9(qtbot, window, [1, 1, 1, 1, 1, 1, 1, 1, 1])
    panel = visible_panels(dialog)[0]
    qtbot.mouseClick(panel.edit_button, Qt.MouseButton.LeftButton)
    editor = window.flows.safety_plan
    assert isinstance(editor, SafetyPlanDialog)
    qtbot.waitExposed(editor)
    qtbot.keyClicks(editor.section_edits[PlanSection.REASONS_FOR_LIVING], "My sister")
    qtbot.keyClicks(editor.trusted_name_edit, "Sam")
    qtbot.keyClicks(editor.trusted_phone_edit, "555 0101")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert store.questionnaires.safety_plan().text(PlanSection.REASONS_FOR_LIVING) == "My sister"
    assert store.questionnaires.crisis_contacts().trusted_phone == "555 0101"
    assert "My sister" in panel.plan_label.text()
    assert "Sam" in panel.contacts_label.text()


# -- due on Today ------------------------------------------------------------------------------


def test_today_says_a_phq9_is_due_and_the_button_takes_it(
    qtbot: QtBot, window: MainWindow, store: DiaryStore
) -> None:
    store.questionnaires.add_result(phq9(TODAY - timedelta(days=15)), NOW)
    store.questionnaires.add_result(
        QuestionnaireResult(Instrument.GAD7, TODAY - timedelta(days=3), answers=(0,) * 7), NOW
    )
    window.refresh_due()
    line = window.due_line
    assert line.isVisible()
    assert "A PHQ-9 is due" in line.label.text()
    assert "15 days ago" in line.label.text()
    qtbot.mouseClick(line.take_button, Qt.MouseButton.LeftButton)
    dialog = window.flows.questionnaire
    assert dialog is not None
    qtbot.waitUntil(dialog.isActiveWindow)
    for _ in range(9):
        press_in(qtbot, dialog, Qt.Key.Key_0)
    qtbot.mouseClick(dialog.finish_button, Qt.MouseButton.LeftButton)
    assert not line.isVisible()  # taken: nothing due now


def test_nothing_due_shows_nothing_and_not_today_puts_it_away(
    qtbot: QtBot, window: MainWindow, store: DiaryStore, clock: FakeClock
) -> None:
    for instrument, count in ((Instrument.PHQ9, 9), (Instrument.GAD7, 7)):
        store.questionnaires.add_result(
            QuestionnaireResult(instrument, TODAY - timedelta(days=2), answers=(0,) * count), NOW
        )
    window.questionnaire_preferences.set_interval_days(7)
    window.refresh_due()
    assert not window.due_line.isVisible()
    clock.now = NOW + timedelta(days=5)  # the last ones 7 days ago
    window.refresh_due()
    assert window.due_line.isVisible()
    assert "Every 7 days" in window.due_line.label.text()
    qtbot.mouseClick(window.due_line.later_button, Qt.MouseButton.LeftButton)
    assert not window.due_line.isVisible()
    window.refresh_due()
    assert not window.due_line.isVisible()  # put away for the rest of the day
    clock.now = NOW + timedelta(days=6)
    window.refresh_due()
    assert window.due_line.isVisible()  # and back, quietly, the next day


def test_a_course_begun_today_asks_for_a_baseline(
    qtbot: QtBot, window: MainWindow, store: DiaryStore
) -> None:
    store.questionnaires.add_result(phq9(TODAY - timedelta(days=5)), NOW)
    store.questionnaires.add_result(
        QuestionnaireResult(Instrument.GAD7, TODAY - timedelta(days=5), answers=(0,) * 7), NOW
    )
    window.refresh_due()
    assert not window.due_line.isVisible()  # a PHQ-9 5 days ago is a baseline already
    store.questionnaires.delete_result(store.questionnaires.results([Instrument.PHQ9])[0].id or 0)
    store.questionnaires.add_result(phq9(TODAY - timedelta(days=30)), NOW)
    store.treatments.add_course(TreatmentCourse(CourseKind.TMS, TODAY, variant="iTBS"), NOW)
    window.refresh_due()
    assert "baseline for TMS · iTBS" in window.due_line.label.text()


# -- outcomes on the Treatment page -----------------------------------------------------------


def test_treatment_page_shows_each_course_and_trial_outcome(
    qtbot: QtBot, window: MainWindow, store: DiaryStore
) -> None:
    start = TODAY - timedelta(days=70)
    store.treatments.add_course(TreatmentCourse(CourseKind.TMS, start, variant="iTBS"), NOW)
    store.treatments.add_medication(
        Medication("Sertraline", start, (DoseStep(start, 100.0),), adequate_min_dose=50.0), NOW
    )
    store.questionnaires.add_result(phq9(start - timedelta(days=2), each=2), NOW)  # 16
    store.questionnaires.add_result(phq9(TODAY - timedelta(days=3), each=0), NOW)  # 0
    window.show_treatment()
    courses = window.treatment_view.procedures_panel.courses_table
    texts = [courses.item(0, c).text() for c in range(courses.columnCount())]
    assert any(t.startswith("PHQ-9 16 → 0 (−16 points, −100 %): response") for t in texts)
    trials = window.treatment_view.summary_panel.table
    cells = [trials.item(0, c).text() for c in range(trials.columnCount())]
    assert any("in remission at the latest score" in t for t in cells)


def test_interval_chosen_on_questionnaires_page_is_remembered(
    qtbot: QtBot, window: MainWindow, settings: QSettings, store: DiaryStore, clock: FakeClock
) -> None:
    window.show_scores()
    combo = window.scores_view.interval_combo
    combo.setCurrentIndex(combo.findData(28))
    assert window.questionnaire_preferences.interval_days() == 28
    again = MainWindow(store, clock, settings, None)
    qtbot.addWidget(again)
    assert again.questionnaire_preferences.interval_days() == 28


def test_after_a_questionnaire_today_nothing_more_is_asked_today(
    qtbot: QtBot, window: MainWindow, store: DiaryStore
) -> None:
    window.refresh_due()
    assert "A PHQ-9 is due (9 short questions about the last 2 weeks)" in (
        window.due_line.label.text()
    )
    dialog = take_phq9(qtbot, window, [3, 3, 3, 3, 3, 3, 3, 3, 3])
    assert visible_panels(dialog)  # the crisis panel, and then no GAD-7 nagging
    assert not window.due_line.isVisible()
