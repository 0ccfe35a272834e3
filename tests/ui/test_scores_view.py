"""The Scores view driven as a person would: results in the diary, buttons and keys in; the
table, the due line, the diary and the signals out."""

from collections.abc import Callable
from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from moodlog.domain.instruments import INSTRUMENTS, Instrument
from moodlog.domain.questionnaire_result import QuestionnaireResult, Source
from moodlog.domain.questionnaire_texts import ATTRIBUTION
from moodlog.domain.treatments import CourseKind, TreatmentCourse
from moodlog.storage.diary_store import DiaryStore
from moodlog.storage.errors import DiaryUnavailable
from moodlog.ui import dialogs
from moodlog.ui.main_window import MainWindow
from moodlog.ui.scores_view import COLUMNS, ScoresView
from tests.ui.conftest import FakeClock
from tests.ui.test_accessibility import unnamed_controls

TODAY = date(2026, 11, 21)
NOW = datetime(2026, 11, 21, 9, 30)
Key = Qt.Key
Alt = Qt.KeyboardModifier.AltModifier


def ago(days: int) -> date:
    return TODAY - timedelta(days=days)


def phq9(day: date, *answers: int | None, note: str = "") -> QuestionnaireResult:
    assert len(answers) == 9
    return QuestionnaireResult(Instrument.PHQ9, day, tuple(answers), note=note)


def gad7(day: date, *answers: int | None) -> QuestionnaireResult:
    assert len(answers) == 7
    return QuestionnaireResult(Instrument.GAD7, day, tuple(answers))


def add(store: DiaryStore, *results: QuestionnaireResult) -> list[QuestionnaireResult]:
    return [store.questionnaires.add_result(result, NOW) for result in results]


def column(view: ScoresView, name: str) -> list[str]:
    index = COLUMNS.index(name)
    table = view.table
    return [table.item(row, index).text() for row in range(table.rowCount())]


MakeView = Callable[..., ScoresView]


@pytest.fixture
def make_view(qtbot: QtBot, store: DiaryStore, clock: FakeClock) -> MakeView:
    """Build the view the way the main window does, shown and holding the keyboard."""

    def build(interval_days: int = 14) -> ScoresView:
        view = ScoresView(store, clock, interval_days)
        qtbot.addWidget(view)
        view.resize(1280, 800)
        view.show()
        qtbot.waitExposed(view)
        view.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is view)
        return view

    return build


# -- the table ----------------------------------------------------------------------------------


def test_rows_are_newest_first_with_total_band_and_source(
    store: DiaryStore, make_view: MakeView
) -> None:
    older, newer, clinic = add(
        store,
        phq9(ago(15), 2, 2, 2, 2, 2, 1, 1, 1, 1, note="Before TMS.\nSlept badly."),  # 14
        gad7(ago(9), 1, 1, 1, 1, 1, 1, 1),  # 7
        QuestionnaireResult(
            Instrument.MADRS,
            ago(30),
            entered_total=22,
            source=Source.CLINICIAN,
            source_note="Dr Lee, TMS clinic",
        ),
    )
    view = make_view()

    assert [r.id for r in view.results_shown()] == [newer.id, older.id, clinic.id]
    assert column(view, "Date") == ["12 Nov 2026", "6 Nov 2026", "22 Oct 2026"]
    assert column(view, "Scale") == ["GAD-7", "PHQ-9", "MADRS"]
    assert column(view, "Total") == ["7 of 21 — Mild", "14 of 27 — Moderate", "22 of 60"]
    assert column(view, "Item 9") == ["—", "⚠ 1 · Several days", "—"]
    assert column(view, "Source") == [
        "Answered in moodlog",
        "Answered in moodlog",
        "From my clinician or clinic — Dr Lee, TMS clinic",
    ]
    assert column(view, "Note") == ["", "Before TMS. Slept badly.", ""]
    assert view.table_label.text().replace("&", "") == "Results, newest first (3)"
    # A MADRS result brings its remission rule into "What the numbers mean".
    assert "MADRS (0–60): Remission: 10 or less" in view.meaning_label.text()


def test_an_incomplete_phq9_shows_no_total(store: DiaryStore, make_view: MakeView) -> None:
    add(store, phq9(ago(2), 1, 1, 1, None, 1, 1, 1, 1, 0))
    view = make_view()
    (total,) = column(view, "Total")
    assert total.startswith("No total: 1 question unanswered")
    assert "prorated estimate 8" in total  # marked as an estimate, never as the total
    assert column(view, "Item 9") == ["0 · Not at all"]


def test_item_9_shows_the_answer_in_words_and_marks_any_answer_above_0(
    store: DiaryStore, make_view: MakeView
) -> None:
    add(
        store,
        phq9(ago(20), 0, 0, 0, 0, 0, 0, 0, 0, 0),
        phq9(ago(10), 1, 1, 1, 1, 1, 1, 1, 1, 2),
        phq9(ago(5), 1, 1, 1, 1, 1, 1, 1, 1, None),
    )
    view = make_view()
    assert column(view, "Item 9") == [
        "⚠ Not answered",
        "⚠ 2 · More than half the days",
        "0 · Not at all",
    ]
    assert "⚠" not in column(view, "Item 9")[2]  # the symbol, not a colour, says it


def test_delete_asks_removes_the_result_and_undo_puts_it_back(
    qtbot: QtBot, store: DiaryStore, make_view: MakeView, confirmations: list[str]
) -> None:
    keep, gone = add(
        store,
        gad7(ago(9), 0, 1, 0, 1, 0, 1, 0),
        phq9(ago(3), 2, 2, 2, 2, 2, 1, 1, 1, 0),
    )
    view = make_view()
    assert gone.id is not None
    view.select_result(gone.id)
    assert view.current_result() == gone

    with qtbot.waitSignal(view.changed):
        qtbot.mouseClick(view.delete_button, Qt.MouseButton.LeftButton)

    assert confirmations == ["Delete result"]
    assert store.questionnaires.results() == [keep]
    assert column(view, "Scale") == ["GAD-7"]
    assert view.current_result() == keep  # the one now in its place, ready for the keyboard
    assert "PHQ-9 of 18 Nov 2026 deleted." in view.banner.text()
    (undo,) = view.banner.buttons()
    assert undo.text() == "&Undo"

    with qtbot.waitSignal(view.changed):
        qtbot.mouseClick(undo, Qt.MouseButton.LeftButton)

    (restored,) = store.questionnaires.results([Instrument.PHQ9])
    assert restored.answers == gone.answers
    assert restored.taken_on == gone.taken_on
    assert column(view, "Scale") == ["PHQ-9", "GAD-7"]
    assert column(view, "Total")[0] == "13 of 27 — Moderate"
    assert view.current_result() == restored  # selected again
    assert "restored" in view.banner.text()


def test_delete_answered_no_keeps_the_result(
    qtbot: QtBot,
    store: DiaryStore,
    make_view: MakeView,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    add(store, gad7(ago(9), 0, 1, 0, 1, 0, 1, 0))
    view = make_view()
    monkeypatch.setattr(dialogs, "confirm", lambda *_args: False)
    qtbot.mouseClick(view.delete_button, Qt.MouseButton.LeftButton)
    assert len(store.questionnaires.results()) == 1
    assert view.table.rowCount() == 1


def test_a_failed_delete_says_what_to_do_and_keeps_the_row(
    qtbot: QtBot,
    store: DiaryStore,
    make_view: MakeView,
    confirmations: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    add(store, gad7(ago(9), 0, 1, 0, 1, 0, 1, 0))
    view = make_view()

    def locked(_result_id: int) -> QuestionnaireResult:
        raise DiaryUnavailable("Another program is using the diary file.")

    monkeypatch.setattr(store.questionnaires, "delete_result", locked)
    qtbot.mouseClick(view.delete_button, Qt.MouseButton.LeftButton)
    assert "⚠" in view.banner.text()
    assert "Another program is using the diary file." in view.banner.text()
    assert view.banner.buttons() == []  # nothing to undo
    assert view.table.rowCount() == 1


def test_delete_is_off_without_a_selection(store: DiaryStore, make_view: MakeView) -> None:
    view = make_view()
    assert not view.delete_button.isEnabled()
    assert "none yet" in view.table_label.text()


# -- when the next one is due -------------------------------------------------------------------


def test_due_now_when_the_last_phq9_was_15_days_ago(store: DiaryStore, make_view: MakeView) -> None:
    add(store, phq9(ago(15), *[1] * 9), gad7(ago(9), *[0] * 7))
    view = make_view()
    assert view.due_text().splitlines() == [
        "PHQ-9: due now. Every 14 days; the last PHQ-9 was 15 days ago.",
        "GAD-7: due in 5 days (26 Nov 2026). Every 14 days; the last GAD-7 was 9 days ago.",
    ]


def test_switching_the_interval_changes_the_due_line_and_says_so(
    qtbot: QtBot, store: DiaryStore, make_view: MakeView
) -> None:
    add(store, phq9(ago(9), *[1] * 9))
    view = make_view()
    assert "PHQ-9: due in 5 days (26 Nov 2026)." in view.due_text()
    assert view.interval_combo.currentText() == "14 days"

    qtbot.keyClick(view, Key.Key_M, Alt)  # "Remind me every"
    assert view.interval_combo.hasFocus()
    with qtbot.waitSignal(view.interval_changed) as blocker:
        qtbot.keyClick(view.interval_combo, Key.Key_Up)  # 14 days → 7 days

    assert blocker.args == [7]
    assert view.interval_days() == 7
    assert view.interval_combo.currentText() == "7 days"
    assert "PHQ-9: due now. Every 7 days; the last PHQ-9 was 9 days ago." in view.due_text()


def test_an_interval_that_is_not_a_choice_falls_back_to_14_days(
    make_view: MakeView,
) -> None:
    view = make_view(interval_days=10)
    assert view.interval_days() == 14


def test_no_phq9_yet(store: DiaryStore, make_view: MakeView) -> None:
    add(store, gad7(ago(2), *[0] * 7))
    view = make_view()
    assert "PHQ-9: due now. No PHQ-9 yet." in view.due_text().splitlines()
    assert "GAD-7: due in 12 days (3 Dec 2026)." in view.due_text()


def test_a_course_starting_today_asks_for_a_baseline(
    store: DiaryStore, make_view: MakeView
) -> None:
    add(store, phq9(ago(40), *[2] * 9))  # too old to be this course's baseline
    store.treatments.add_course(TreatmentCourse(CourseKind.TMS, TODAY, variant="iTBS"), NOW)
    view = make_view(interval_days=28)
    assert (
        "PHQ-9: due now. A baseline for TMS · iTBS, which begins today: a PHQ-9 now lets you "
        "see later whether it helped."
    ) in view.due_text().splitlines()


def test_an_incomplete_phq9_is_no_baseline(store: DiaryStore, make_view: MakeView) -> None:
    add(store, phq9(ago(1), *[1] * 8, None))  # item 9 left out: no total
    store.treatments.add_course(TreatmentCourse(CourseKind.ECT, TODAY), NOW)
    view = make_view()
    assert "PHQ-9: due now. A baseline for ECT, which begins today" in view.due_text()


def test_the_view_reloads_when_marked_stale(
    store: DiaryStore, make_view: MakeView, clock: FakeClock
) -> None:
    view = make_view()
    assert "No PHQ-9 yet" in view.due_text()
    add(store, phq9(TODAY, *[0] * 9))
    view.mark_stale()  # visible: at once
    assert column(view, "Total") == ["0 of 27 — Minimal or none"]
    assert "the last PHQ-9 was today" in view.due_text()

    view.hide()
    add(store, gad7(TODAY, *[0] * 7))
    view.mark_stale()  # hidden: on the next show
    assert view.table.rowCount() == 1
    view.refresh_if_stale()
    assert view.table.rowCount() == 2


# -- buttons and keys ---------------------------------------------------------------------------


def test_take_buttons_emit_their_instrument_when_clicked(qtbot: QtBot, make_view: MakeView) -> None:
    view = make_view()
    for button, instrument in (
        (view.phq9_button, Instrument.PHQ9),
        (view.gad7_button, Instrument.GAD7),
    ):
        with qtbot.waitSignal(view.take_requested) as blocker:
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert blocker.args == [instrument]
    with qtbot.waitSignal(view.enter_total_requested):
        qtbot.mouseClick(view.enter_total_button, Qt.MouseButton.LeftButton)


@pytest.mark.parametrize(
    ("key", "instrument"), [(Key.Key_P, Instrument.PHQ9), (Key.Key_A, Instrument.GAD7)]
)
def test_take_buttons_answer_their_alt_keys(
    qtbot: QtBot, make_view: MakeView, key: Qt.Key, instrument: Instrument
) -> None:
    view = make_view()
    with qtbot.waitSignal(view.take_requested) as blocker:
        qtbot.keyClick(view, key, Alt)
    assert blocker.args == [instrument]


def test_alt_e_enters_a_score_from_elsewhere(qtbot: QtBot, make_view: MakeView) -> None:
    view = make_view()
    with qtbot.waitSignal(view.enter_total_requested):
        qtbot.keyClick(view, Key.Key_E, Alt)


def test_keys_in_the_main_window_do_not_clash_with_its_menus(
    qtbot: QtBot,
    window: MainWindow,
    store: DiaryStore,
    clock: FakeClock,
    confirmations: list[str],
) -> None:
    """Alt+G (Go) and Alt+D (Diary) belong to the menus; an ambiguous key would only move
    the focus, so the view uses Alt+A and Alt+L."""
    add(store, gad7(ago(9), *[0] * 7))
    view = ScoresView(store, clock, 14)
    window.tabs.addTab(view, "Sc&ores")
    window.tabs.setCurrentWidget(view)
    with qtbot.waitSignal(view.take_requested) as blocker:
        qtbot.keyClick(window, Key.Key_A, Alt)
    assert blocker.args == [Instrument.GAD7]
    with qtbot.waitSignal(view.changed):
        qtbot.keyClick(window, Key.Key_L, Alt)
    assert confirmations == ["Delete result"]
    assert store.questionnaires.results() == []


def test_tab_walks_the_controls_in_visual_order(
    qtbot: QtBot, store: DiaryStore, make_view: MakeView
) -> None:
    add(store, gad7(ago(9), *[0] * 7))
    view = make_view()
    view.interval_combo.setFocus()
    seen: list[QWidget | None] = [QApplication.focusWidget()]
    for _ in range(5):
        qtbot.keyClick(QApplication.focusWidget(), Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    assert seen == [
        view.interval_combo,
        view.phq9_button,
        view.gad7_button,
        view.enter_total_button,
        view.table,
        view.delete_button,
    ]


def test_every_control_has_an_accessible_name(store: DiaryStore, make_view: MakeView) -> None:
    add(store, gad7(ago(9), *[0] * 7))
    view = make_view()
    assert unnamed_controls(view) == []
    assert view.table.accessibleName() == "Questionnaire results, newest first"


def test_select_result_selects_its_row(store: DiaryStore, make_view: MakeView) -> None:
    first, second, third = add(
        store, gad7(ago(30), *[0] * 7), gad7(ago(20), *[1] * 7), gad7(ago(10), *[2] * 7)
    )
    view = make_view()
    assert view.current_result() == third  # the newest, ready to act on
    assert second.id is not None
    view.select_result(second.id)
    assert view.current_result() == second
    assert first in view.results_shown()


# -- what the numbers mean ----------------------------------------------------------------------


def test_what_the_numbers_mean_comes_from_the_scales(make_view: MakeView) -> None:
    view = make_view()
    text = view.meaning_label.text()
    assert "PHQ-9 (0–27): 0–4 minimal or none · 5–9 mild · 10–14 moderate · " in text
    assert "15–19 moderately severe · 20–27 severe. Remission: a total under 5." in text
    assert "GAD-7 (0–21): 0–4 minimal · 5–9 mild · 10–14 moderate · 15–21 severe." in text
    assert "falls by 50 % or more from the baseline" in text
    for instrument in (Instrument.PHQ9, Instrument.GAD7):
        for band in INSTRUMENTS[instrument].bands:  # every band, as the data has it
            assert f"{band.range_text} {band.label.lower()}" in text
    assert "MADRS" not in text  # other scales only once the diary holds one
    assert view.attribution_label.text() == ATTRIBUTION
