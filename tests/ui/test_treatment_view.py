"""The Treatment view driven as a person would: buttons and keys in; the diary, the tables,
the timeline and the Today view out."""

from datetime import date, datetime

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog
from pytestqt.qtbot import QtBot

from moodlog.domain.adherence import Adherence
from moodlog.domain.day_entry import DayEntry
from moodlog.domain.medications import DoseStep, Medication
from moodlog.domain.side_effects import Severity
from moodlog.domain.treatments import CourseKind, TreatmentCourse
from moodlog.storage.diary_store import DiaryStore
from moodlog.storage.errors import DiaryUnavailable
from moodlog.ui.main_window import MainWindow
from moodlog.ui.treatment_view import TreatmentView

TODAY = date(2026, 11, 21)
NOW = datetime(2026, 11, 21, 9, 30)


def open_treatment(qtbot: QtBot, window: MainWindow) -> TreatmentView:
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    view = window.treatment_view
    assert window.tabs.currentWidget() is view.parentWidget()
    return view


def open_dialog(qtbot: QtBot, view: TreatmentView, button: QAbstractButton) -> QDialog:
    """Click ``button`` and return the dialog it opened."""
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = view.dialog
    assert dialog is not None
    assert dialog.isVisible()
    return dialog


def type_number(qtbot: QtBot, spin: object, text: str) -> None:
    spin.setFocus()  # type: ignore[attr-defined]
    spin.selectAll()  # type: ignore[attr-defined]
    qtbot.keyClicks(spin, text)


def enter_sertraline_50_mg(qtbot: QtBot, dialog: QDialog) -> None:
    """Type the name and the dose into the medication dialog, then press Enter."""
    qtbot.keyClicks(dialog.name_edit, "Sertraline")  # type: ignore[attr-defined]
    type_number(qtbot, dialog.dose_spin, "50")  # type: ignore[attr-defined]
    qtbot.keyClick(dialog.dose_spin, Qt.Key.Key_Return)  # type: ignore[attr-defined]


def table_texts(table: object, column: int = 0) -> list[str]:
    return [table.item(r, column).text() for r in range(table.rowCount())]  # type: ignore[attr-defined]


def add_sertraline(store: DiaryStore) -> Medication:
    return store.treatments.add_medication(
        Medication(
            "Sertraline",
            date(2026, 9, 1),
            (DoseStep(date(2026, 9, 1), 50.0),),
            drug_class="SSRI",
            adequate_min_dose=50.0,
        ),
        NOW,
    )


def sertraline_selected(
    qtbot: QtBot, window: MainWindow, store: DiaryStore
) -> tuple[Medication, TreatmentView]:
    """Sertraline added to the diary, and the Treatment view open with it selected."""
    medication = add_sertraline(store)
    view = open_treatment(qtbot, window)
    view.medications_panel.table.selectRow(0)
    return medication, view


def stored_again(store: DiaryStore, medication: Medication) -> Medication:
    """``medication`` as the diary now holds it."""
    assert medication.id is not None
    return store.treatments.medication(medication.id)


def test_treatment_view_is_built_on_first_use(qtbot: QtBot, window: MainWindow) -> None:
    assert window._treatment is None
    view = open_treatment(qtbot, window)
    assert view.isVisible()
    assert "does not give dosing advice" in view.disclaimer.text()


def test_adding_a_known_medication_fills_its_class_and_reaches_today(
    qtbot: QtBot, window: MainWindow, store: DiaryStore
) -> None:
    view = open_treatment(qtbot, window)
    dialog = open_dialog(qtbot, view, view.medications_panel.add_button)
    enter_sertraline_50_mg(qtbot, dialog)

    (stored,) = store.treatments.medications()
    assert (stored.name, stored.drug_class, stored.current_dose) == ("Sertraline", "SSRI", 50.0)
    assert stored.adequate_min_dose == 50.0  # the reference table's editable default
    assert stored.started == TODAY
    assert table_texts(view.medications_panel.table) == ["Sertraline"]
    assert "Sertraline" in view.timeline.text_summary()
    assert "Sertraline added." in view.banner.text()
    assert view.medications_panel.change_dose_button.isEnabled()  # the new row is selected
    assert [c.accessibleName() for c in window.today_view.adherence_panel.inputs.values()] == [
        "Sertraline 50 mg"
    ]


def test_changing_a_dose_adds_a_dated_step(
    qtbot: QtBot, window: MainWindow, store: DiaryStore
) -> None:
    medication, view = sertraline_selected(qtbot, window, store)
    panel = view.medications_panel
    dialog = open_dialog(qtbot, view, panel.change_dose_button)
    type_number(qtbot, dialog.dose_spin, "100")  # type: ignore[attr-defined]
    qtbot.keyClick(dialog.dose_spin, Qt.Key.Key_Return)  # type: ignore[attr-defined]

    stored = stored_again(store, medication)
    assert [(s.start, s.dose) for s in stored.sorted_doses] == [
        (date(2026, 9, 1), 50.0),
        (TODAY, 100.0),
    ]
    assert panel.table.item(0, 2).text() == "100 mg (100 mg)"
    assert "Sertraline: 100 mg from 21 Nov 2026." in view.banner.text()


def test_stopping_a_medication_records_why(
    qtbot: QtBot, window: MainWindow, store: DiaryStore
) -> None:
    medication, view = sertraline_selected(qtbot, window, store)
    panel = view.medications_panel
    dialog = open_dialog(qtbot, view, panel.stop_button)
    dialog.reason_combo.setCurrentIndex(1)  # type: ignore[attr-defined]
    qtbot.keyClick(dialog.reason_combo, Qt.Key.Key_Return)  # type: ignore[attr-defined]

    stored = stored_again(store, medication)
    assert stored.stopped == TODAY
    assert stored.stop_reason is not None
    assert panel.table.item(0, 4).text() == "21 Nov 2026"
    assert not panel.stop_button.isEnabled()  # a stopped medication can't be stopped again
    assert window.today_view.adherence_panel.inputs == {}  # no longer listed for today


def test_an_earlier_trial_in_a_few_keystrokes(
    qtbot: QtBot, window: MainWindow, store: DiaryStore
) -> None:
    view = open_treatment(qtbot, window)
    dialog = open_dialog(qtbot, view, view.medications_panel.add_past_button)
    qtbot.keyClicks(dialog.name_edit, "Citalopram")  # type: ignore[attr-defined]
    dialog.start_year_spin.setValue(2019)  # type: ignore[attr-defined]
    dialog.end_year_spin.setValue(2019)  # type: ignore[attr-defined]
    dialog.start_month_combo.setCurrentIndex(2)  # type: ignore[attr-defined]
    dialog.end_month_combo.setCurrentIndex(5)  # type: ignore[attr-defined]
    type_number(qtbot, dialog.dose_spin, "40")  # type: ignore[attr-defined]
    qtbot.keyClick(dialog.dose_spin, Qt.Key.Key_Return)  # type: ignore[attr-defined]

    (trial,) = store.treatments.medications()
    assert trial.dates_approximate
    assert (trial.name, trial.started, trial.highest_dose) == ("Citalopram", date(2019, 3, 1), 40.0)
    assert trial.stopped == date(2019, 6, 30)
    assert table_texts(view.medications_panel.table) == ["≈ Citalopram"]
    trials = view.summary_panel.table
    assert table_texts(trials) == ["Citalopram"]
    assert "Possibly adequate" in trials.item(0, 6).text()


def test_logging_todays_tms_session_is_one_click_and_enter(
    qtbot: QtBot, window: MainWindow, store: DiaryStore
) -> None:
    course = store.treatments.add_course(
        TreatmentCourse(CourseKind.TMS, date(2026, 11, 2), "iTBS (theta burst)", None, 36), NOW
    )
    view = open_treatment(qtbot, window)
    dialog = open_dialog(qtbot, view, view.log_session_button)
    qtbot.waitUntil(lambda: dialog.isAncestorOf(QApplication.focusWidget()))
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)

    assert course.id is not None
    (session,) = store.treatments.sessions(course.id)
    assert (session.number, session.at) == (1, NOW)
    assert view.procedures_panel.courses_table.item(0, 3).text() == "1 of 36"
    assert "TMS session 1 of 36 logged." in view.banner.text()
    assert "1/36" in view.timeline.text_summary()


def test_adding_a_course_then_its_sessions_from_the_procedures_tab(
    qtbot: QtBot, window: MainWindow, store: DiaryStore
) -> None:
    view = open_treatment(qtbot, window)
    procedures = view.procedures_panel
    view.tabs.setCurrentWidget(procedures)
    dialog = open_dialog(qtbot, view, procedures.add_course_button)
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(CourseKind.ESKETAMINE))  # type: ignore[attr-defined]
    qtbot.keyClick(dialog.kind_combo, Qt.Key.Key_Return)  # type: ignore[attr-defined]
    (course,) = store.treatments.courses()
    assert course.kind is CourseKind.ESKETAMINE
    assert procedures.current_course() == course

    session_dialog = open_dialog(qtbot, view, procedures.log_session_button)
    session_dialog.dose_combo.setCurrentIndex(2)  # type: ignore[attr-defined]
    qtbot.keyClicks(session_dialog.bp_before_edit, "130/85")  # type: ignore[attr-defined]
    qtbot.keyClick(session_dialog.bp_before_edit, Qt.Key.Key_Return)  # type: ignore[attr-defined]
    (session,) = store.treatments.sessions(course.id)
    assert session.dose_mg is not None
    assert session.bp_before is not None
    assert str(session.bp_before) == "130/85"
    assert procedures.sessions_table.rowCount() == 1
    assert "BP 130/85" in procedures.sessions_table.item(0, 2).text()


def test_a_failed_write_brings_the_dialog_back_with_what_was_typed(
    qtbot: QtBot, window: MainWindow, store: DiaryStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    view = open_treatment(qtbot, window)

    def disk_full(*_args: object) -> None:
        raise DiaryUnavailable("The disk is full. Free some space, then try again.")

    monkeypatch.setattr(store.treatments, "add_medication", disk_full)
    dialog = open_dialog(qtbot, view, view.medications_panel.add_button)
    enter_sertraline_50_mg(qtbot, dialog)

    assert "The disk is full" in view.banner.text()
    assert view.dialog is dialog
    assert dialog.isVisible()
    assert dialog.name_edit.text() == "Sertraline"  # type: ignore[attr-defined]
    monkeypatch.undo()
    qtbot.keyClick(dialog.dose_spin, Qt.Key.Key_Return)  # type: ignore[attr-defined]
    assert [m.name for m in store.treatments.medications()] == ["Sertraline"]


def test_deleting_a_medication_asks_first(
    qtbot: QtBot, window: MainWindow, store: DiaryStore, confirmations: list[str]
) -> None:
    _, view = sertraline_selected(qtbot, window, store)
    qtbot.mouseClick(view.medications_panel.delete_button, Qt.MouseButton.LeftButton)
    assert confirmations == ["Delete medication"]
    assert store.treatments.medications() == []
    assert view.medications_panel.table.rowCount() == 0


def test_pgx_result_shows_a_neutral_note_for_a_current_drug(
    qtbot: QtBot, window: MainWindow, store: DiaryStore
) -> None:
    store.treatments.add_medication(
        Medication("Escitalopram", date(2026, 9, 1), (DoseStep(date(2026, 9, 1), 10.0),)), NOW
    )
    view = open_treatment(qtbot, window)
    dialog = open_dialog(qtbot, view, view.medications_panel.add_pgx_button)
    dialog.gene_combo.setCurrentText("CYP2C19")  # type: ignore[attr-defined]
    dialog.phenotype_combo.setCurrentIndex(  # type: ignore[attr-defined]
        dialog.phenotype_combo.findText("Poor metaboliser")  # type: ignore[attr-defined]
    )
    qtbot.keyClick(dialog.phenotype_combo, Qt.Key.Key_Return)  # type: ignore[attr-defined]

    (result,) = store.treatments.pgx_results()
    assert result.gene == "CYP2C19"
    notes = view.medications_panel.pgx_notes.text()
    assert "CYP2C19 and escitalopram" in notes
    assert "discuss" in notes
    assert "dose" not in notes.lower()


def test_the_episode_and_adherence_feed_the_trial_table(
    qtbot: QtBot, window: MainWindow, store: DiaryStore
) -> None:
    medication = add_sertraline(store)
    assert medication.id is not None
    view = open_treatment(qtbot, window)
    assert "Set the start of the current episode" in view.summary_panel.definition_label.text()
    dialog = open_dialog(qtbot, view, view.summary_panel.episode_button)
    dialog.began_check.setChecked(True)  # type: ignore[attr-defined]
    qtbot.keyClick(dialog.began_check, Qt.Key.Key_Return)  # type: ignore[attr-defined]
    assert store.treatments.episode().started is not None
    assert "Since ≈" in view.summary_panel.episode_label.text()

    # Adherence saved on Today shows in the trial table when the tab is shown again.
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    today = window.today_view
    today.reload_lists()  # the medication was added behind the window's back
    assert window.tabs.currentWidget() is today
    today.move_days(-1)  # a trial's weeks run up to, not including, today
    assert list(today.adherence_panel.inputs) == [medication.id]
    qtbot.mouseClick(today.adherence_panel.all_taken_button, Qt.MouseButton.LeftButton)
    assert today.has_unsaved_changes
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert store.treatments.adherence(medication.id) == {date(2026, 11, 20): Adherence.TAKEN}
    open_treatment(qtbot, window)
    table = view.summary_panel.table
    assert table.item(0, 5).text() == "100% of 1 days"
    assert table.item(0, 1).text() == "current"  # in the episode just set


def test_choosing_a_suspected_cause_saves_it_and_shows_the_onset(
    qtbot: QtBot, window: MainWindow, store: DiaryStore
) -> None:
    medication = add_sertraline(store)
    nausea = next(e for e in store.side_effects() if e.name == "Nausea").id
    store.save_day(DayEntry(date(2026, 9, 4), side_effects={nausea: Severity.MODERATE}), NOW)
    view = open_treatment(qtbot, window)
    combo = view.causes_panel.combos[nausea]
    combo.setFocus()
    combo.setCurrentIndex(combo.findText("Sertraline", Qt.MatchFlag.MatchStartsWith))

    assert next(e for e in store.side_effects() if e.id == nausea).suspected_medication_id == (
        medication.id
    )
    assert view.causes_panel.onset_labels[nausea].text() == (
        "First rated 3 days after Sertraline was started at 50 mg (1 Sep 2026)."
    )
    assert combo.hasFocus()  # the row was updated in place, not rebuilt


def test_the_timeline_span_buttons_survive_a_refresh(
    qtbot: QtBot, window: MainWindow, store: DiaryStore
) -> None:
    store.treatments.add_medication(
        Medication(
            "Citalopram",
            date(2019, 3, 1),
            (DoseStep(date(2019, 3, 1), 20.0),),
            stopped=date(2019, 9, 1),
        ),
        NOW,
    )
    add_sertraline(store)
    view = open_treatment(qtbot, window)
    assert view.timeline.visible_range()[0] <= date(2019, 3, 1)  # everything, at first
    one_year = next(b for b in view.range_buttons.buttons() if b.text() == "1 year")
    qtbot.mouseClick(one_year, Qt.MouseButton.LeftButton)
    assert view.timeline.visible_range() == (date(2025, 11, 21), TODAY)
    view.refresh()
    assert view.timeline.visible_range() == (date(2025, 11, 21), TODAY)


def test_a_side_effect_already_there_before_the_cause_says_so(
    qtbot: QtBot, window: MainWindow, store: DiaryStore
) -> None:
    add_sertraline(store)  # started 1 Sep 2026
    headache = next(e for e in store.side_effects() if e.name == "Headache").id
    store.save_day(DayEntry(date(2026, 8, 20), side_effects={headache: Severity.MILD}), NOW)
    store.save_day(DayEntry(date(2026, 9, 10), side_effects={headache: Severity.SEVERE}), NOW)
    view = open_treatment(qtbot, window)
    combo = view.causes_panel.combos[headache]
    combo.setCurrentIndex(combo.findText("Sertraline", Qt.MatchFlag.MatchStartsWith))
    assert (
        view.causes_panel.onset_labels[headache]
        .text()
        .startswith("Already rated in the 4 weeks before Sertraline was started")
    )


def test_a_wheel_over_an_unfocused_cause_does_not_change_it(
    qtbot: QtBot, window: MainWindow, store: DiaryStore
) -> None:
    add_sertraline(store)
    view = open_treatment(qtbot, window)
    view.tabs.setCurrentWidget(view.causes_panel)
    nausea = next(e for e in store.side_effects() if e.name == "Nausea").id
    combo = view.causes_panel.combos[nausea]
    assert not combo.hasFocus()
    wheel = QWheelEvent(
        QPointF(5, 5),
        QPointF(5, 5),
        QPoint(0, 0),
        QPoint(0, -120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(combo, wheel)
    assert combo.currentIndex() == 0
    assert next(e for e in store.side_effects() if e.id == nausea).suspected_medication_id is None
