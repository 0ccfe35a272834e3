"""The Today view driven as a person would: keys and clicks in, stored rows and screen out."""

from datetime import date, datetime, time, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from moodlog.domain.side_effects import Severity
from moodlog.domain.sleep import SleepMode
from moodlog.storage.diary_store import DiaryStore
from moodlog.ui.main_window import MainWindow
from moodlog.ui.message_banner import BannerKind
from tests.ui.choice_clicks import click_choice
from tests.ui.conftest import FakeClock

TODAY = date(2026, 11, 21)


def press_save(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)


def test_a_check_in_by_keyboard_alone(qtbot: QtBot, window: MainWindow, store: DiaryStore) -> None:
    panel = window.today_view.check_in_panel
    panel.focus_first()
    qtbot.waitUntil(lambda: panel.inputs["mood"].hasFocus())
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_6)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_3)  # anxiety
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClicks(QApplication.focusWidget(), "10")  # energy: two digits make ten
    press_save(qtbot, window)

    saved = store.day_record(TODAY).check_ins
    assert [c.ratings for c in saved] == [{"mood": 6, "anxiety": 3, "energy": 10}]
    assert saved[0].recorded_at == datetime(2026, 11, 21, 9, 30)
    view = window.today_view
    assert view.banner.kind is BannerKind.SUCCESS
    assert "Saved at 09:30" in view.banner.text()
    chips = [b.text() for b in view._check_in_buttons.buttons()]
    assert chips == ["09:30 · mood 6"]
    assert panel._value_labels["mood"].text() == "6 · Somewhat good"
    assert view.save_state_label.text() == "All changes saved"


def test_clicking_ratings_note_and_clinician_flag(
    qtbot: QtBot, window: MainWindow, store: DiaryStore
) -> None:
    panel = window.today_view.check_in_panel
    click_choice(qtbot, panel.inputs["mood"], 2)
    click_choice(qtbot, panel.inputs["hopelessness"], 8)
    qtbot.keyClicks(panel.note_edit, "Bad night, worried about the new dose")
    panel.clinician_check.setFocus()
    qtbot.keyClick(panel.clinician_check, Qt.Key.Key_Space)
    qtbot.mouseClick(window.today_view.save_button, Qt.MouseButton.LeftButton)

    (check_in,) = store.day_record(TODAY).check_ins
    assert check_in.ratings == {"mood": 2, "hopelessness": 8}
    assert check_in.note == "Bad night, worried about the new dose"
    assert check_in.for_clinician is True


def test_clicking_a_chosen_rating_again_clears_it(qtbot: QtBot, window: MainWindow) -> None:
    mood = window.today_view.check_in_panel.inputs["mood"]
    click_choice(qtbot, mood, 4)
    assert mood.value() == 4
    click_choice(qtbot, mood, 4)
    assert mood.value() is None
    assert mood.accessibleDescription() == "Mood: not rated"


def test_an_empty_form_saves_nothing_and_says_why(
    qtbot: QtBot, window: MainWindow, store: DiaryStore
) -> None:
    press_save(qtbot, window)
    assert store.day_record(TODAY).is_empty
    assert window.today_view.banner.kind is BannerKind.SUCCESS  # nothing to refuse
    assert store.day_summaries(TODAY, TODAY) == []


def test_quick_sleep_and_trackers_are_saved(
    qtbot: QtBot, window: MainWindow, store: DiaryStore
) -> None:
    view = window.today_view
    sleep = view.sleep_panel
    assert sleep.mode() is SleepMode.MINIMAL
    sleep.hours_spin.setFocus()
    sleep.hours_spin.selectAll()
    qtbot.keyClicks(sleep.hours_spin, "6.5")
    sleep.quality_input.setFocus()
    qtbot.keyClick(sleep.quality_input, Qt.Key.Key_2)
    exercise = next(iter(view.trackers_panel.numbers.values()))
    exercise.selectAll()
    qtbot.keyClicks(exercise, "30")
    social = next(iter(view.trackers_panel.choices.values()))
    qtbot.keyClick(social, Qt.Key.Key_4)
    assert sleep.measures_label.text() == "Total sleep 6 h 30 min"
    press_save(qtbot, window)

    record = store.day_record(TODAY)
    assert record.sleep is not None
    assert record.sleep.hours_slept == 6.5
    assert int(record.sleep.quality or 0) == 2
    trackers = {t.name: t.id for t in store.trackers()}
    assert record.trackers == {trackers["Exercise"]: 30.0, trackers["Social contact"]: 4.0}
    assert record.check_ins == []  # sleep alone makes no empty check-in


def test_detailed_sleep_across_midnight(
    qtbot: QtBot, window: MainWindow, store: DiaryStore
) -> None:
    sleep = window.today_view.sleep_panel
    qtbot.mouseClick(sleep.full_radio, Qt.MouseButton.LeftButton)
    assert sleep.full_page.isVisible()
    assert sleep.definitions_label.isVisible()
    assert "Sleep efficiency: total sleep time ÷ time in bed" in sleep.definitions_label.text()
    assert not sleep.quick_page.isVisible()
    for key, text in {
        "into_bed": "22:45",
        "tried_to_sleep": "2315",
        "final_awakening": "6.15",
        "out_of_bed": "7am",
    }.items():
        qtbot.keyClicks(sleep.clock_edits[key], text)
    for spin, text in (
        (sleep.sol_spin, "30"),
        (sleep.awakenings_spin, "2"),
        (sleep.waso_spin, "40"),
    ):
        spin.selectAll()
        qtbot.keyClicks(spin, text)
    # 23:15 to 06:15 is 7 h; minus 30 + 40 min = 5 h 50; in bed 22:45-07:00 = 8 h 15.
    assert sleep.measures_label.text() == (
        "Total sleep 5 h 50 min · in bed 8 h 15 min · efficiency 71%"
    )
    press_save(qtbot, window)
    saved = store.day_record(TODAY).sleep
    assert saved is not None
    assert saved.mode is SleepMode.FULL
    assert (saved.into_bed, saved.out_of_bed) == (time(22, 45), time(7, 0))
    assert (saved.minutes_to_fall_asleep, saved.awakenings, saved.minutes_awake) == (30, 2, 40)


def test_an_impossible_night_is_refused_with_the_reason_and_kept(
    qtbot: QtBot, window: MainWindow, store: DiaryStore
) -> None:
    view = window.today_view
    sleep = view.sleep_panel
    click_choice(qtbot, view.check_in_panel.inputs["mood"], 5)
    qtbot.mouseClick(sleep.full_radio, Qt.MouseButton.LeftButton)
    for key, text in {
        "into_bed": "23:00",
        "tried_to_sleep": "23:10",
        "final_awakening": "07:30",
        "out_of_bed": "07:00",
    }.items():
        qtbot.keyClicks(sleep.clock_edits[key], text)
    assert sleep.measures_label.text().startswith("⚠ The time you got out of bed (07:00)")
    press_save(qtbot, window)

    assert store.day_record(TODAY).is_empty  # nothing half-saved
    assert view.banner.kind is BannerKind.WARNING
    assert "got out of bed (07:00) comes before the time you woke for the last time" in (
        view.banner.text()
    )
    qtbot.waitUntil(lambda: sleep.clock_edits["out_of_bed"].hasFocus())
    assert sleep.clock_edits["out_of_bed"].text() == "07:00"  # what was typed stays
    assert store.draft_for(TODAY) is not None


def test_an_unreadable_time_is_refused(qtbot: QtBot, window: MainWindow) -> None:
    sleep = window.today_view.sleep_panel
    qtbot.mouseClick(sleep.full_radio, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(sleep.clock_edits["into_bed"], "half past ten")
    press_save(qtbot, window)
    assert "'half past ten' isn't a time" in window.today_view.banner.text()


def test_side_effects_rated_and_cleared(
    qtbot: QtBot, window: MainWindow, store: DiaryStore
) -> None:
    panel = window.today_view.side_effects_panel
    effects = {e.name: e.id for e in store.side_effects()}
    nausea = panel.inputs[effects["Nausea"]]
    nausea.setFocus()
    qtbot.keyClick(nausea, Qt.Key.Key_2)
    click_choice(qtbot, panel.inputs[effects["Headache"]], 3)
    press_save(qtbot, window)
    assert store.day_record(TODAY).side_effects == {
        effects["Nausea"]: Severity.MODERATE,
        effects["Headache"]: Severity.SEVERE,
    }
    nausea.setFocus()
    qtbot.keyClick(nausea, Qt.Key.Key_Delete)
    press_save(qtbot, window)
    assert store.day_record(TODAY).side_effects == {effects["Headache"]: Severity.SEVERE}


def test_moving_between_days_and_editing_the_past(
    qtbot: QtBot, window: MainWindow, store: DiaryStore
) -> None:
    view = window.today_view
    assert not view.next_button.isEnabled()  # no future days
    qtbot.keyClick(window, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert view.day == TODAY
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert view.day == TODAY - timedelta(days=2)
    assert view.title_label.text() == "Thursday, 19 November 2026"
    assert view.next_button.isEnabled()
    click_choice(qtbot, view.check_in_panel.inputs["mood"], 3)
    press_save(qtbot, window)
    assert store.day_record(date(2026, 11, 19)).check_ins[0].mood == 3
    assert store.day_record(TODAY).is_empty
    qtbot.mouseClick(view.today_button, Qt.MouseButton.LeftButton)
    assert view.title_label.text().endswith("· today")


def test_unsaved_edits_survive_switching_days_and_closing(
    qtbot: QtBot, store: DiaryStore, clock: FakeClock, settings: object, window: MainWindow
) -> None:
    view = window.today_view
    click_choice(qtbot, view.check_in_panel.inputs["mood"], 7)
    qtbot.keyClicks(view.check_in_panel.note_edit, "half-written thought")
    assert view.save_state_label.text() == "Not saved yet (kept as a draft)"
    view.move_days(-1)
    view.move_days(+1)
    assert view.check_in_panel.inputs["mood"].value() == 7
    assert "changes you hadn't saved yet" in view.banner.text()
    window.close()

    reopened = MainWindow(store, clock, settings, None)  # type: ignore[arg-type]
    qtbot.addWidget(reopened)
    panel = reopened.today_view.check_in_panel
    assert panel.inputs["mood"].value() == 7
    assert panel.note_edit.toPlainText() == "half-written thought"
    assert store.day_record(TODAY).is_empty  # a draft, not a silent save
    save_them = reopened.today_view.banner.buttons()[0]
    qtbot.mouseClick(save_them, Qt.MouseButton.LeftButton)
    assert store.day_record(TODAY).check_ins[0].note == "half-written thought"
    assert store.draft_for(TODAY) is None


def test_discarding_a_draft_brings_back_the_saved_day(
    qtbot: QtBot, window: MainWindow, store: DiaryStore
) -> None:
    view = window.today_view
    click_choice(qtbot, view.check_in_panel.inputs["mood"], 5)
    press_save(qtbot, window)
    click_choice(qtbot, view.check_in_panel.inputs["mood"], 9)
    view.write_draft()
    view.show_day(TODAY)
    assert view.check_in_panel.inputs["mood"].value() == 9
    discard = view.banner.buttons()[1]
    qtbot.mouseClick(discard, Qt.MouseButton.LeftButton)
    assert view.check_in_panel.inputs["mood"].value() == 5
    assert store.draft_for(TODAY) is None


def test_several_check_ins_a_day(
    qtbot: QtBot, window: MainWindow, store: DiaryStore, clock: FakeClock
) -> None:
    view = window.today_view
    mood = view.check_in_panel.inputs["mood"]
    click_choice(qtbot, mood, 4)
    press_save(qtbot, window)
    clock.now = datetime(2026, 11, 21, 18, 5)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert mood.value() is None
    assert view.check_in_panel.title() == "How are you right now?"
    assert view.check_in_panel.time_edit.time().toString("HH:mm") == "18:05"
    qtbot.keyClick(mood, Qt.Key.Key_7)
    press_save(qtbot, window)

    assert [c.mood for c in store.day_record(TODAY).check_ins] == [4, 7]
    chips = view._check_in_buttons.buttons()
    assert [c.text() for c in chips] == ["09:30 · mood 4", "18:05 · mood 7"]
    assert view.check_in_panel.title() == "Check-in at 18:05 (saved; edit and save again)"
    qtbot.mouseClick(chips[0], Qt.MouseButton.LeftButton)
    assert mood.value() == 4


def test_delete_check_in_asks_and_can_be_undone(
    qtbot: QtBot, window: MainWindow, store: DiaryStore, confirmations: list[str]
) -> None:
    view = window.today_view
    click_choice(qtbot, view.check_in_panel.inputs["mood"], 6)
    qtbot.keyClicks(view.check_in_panel.note_edit, "keep me")
    press_save(qtbot, window)
    qtbot.mouseClick(view.delete_button, Qt.MouseButton.LeftButton)

    assert confirmations == ["Delete check-in"]
    assert store.day_record(TODAY).check_ins == []
    assert "Check-in from 09:30 deleted." in view.banner.text()
    assert view.check_in_panel.inputs["mood"].value() is None
    undo = view.banner.buttons()[0]
    qtbot.mouseClick(undo, Qt.MouseButton.LeftButton)
    (restored,) = store.day_record(TODAY).check_ins
    assert (restored.mood, restored.note) == (6, "keep me")
    assert view.check_in_panel.note_edit.toPlainText() == "keep me"


def test_refusing_the_confirmation_deletes_nothing(
    qtbot: QtBot, window: MainWindow, store: DiaryStore, monkeypatch: object
) -> None:
    from moodlog.ui import dialogs

    view = window.today_view
    click_choice(qtbot, view.check_in_panel.inputs["mood"], 6)
    press_save(qtbot, window)
    monkeypatch.setattr(dialogs, "confirm", lambda *_args: False)  # type: ignore[attr-defined]
    view.delete_day()
    assert len(store.day_record(TODAY).check_ins) == 1


def test_delete_whole_day_and_undo_with_ctrl_z(
    qtbot: QtBot, window: MainWindow, store: DiaryStore, confirmations: list[str]
) -> None:
    view = window.today_view
    click_choice(qtbot, view.check_in_panel.inputs["mood"], 6)
    sleep = view.sleep_panel
    sleep.hours_spin.setValue(8)
    press_save(qtbot, window)
    before = store.day_record(TODAY)
    view.delete_day()
    assert confirmations == ["Delete this day"]
    assert store.day_record(TODAY).is_empty
    view.save_button.setFocus()  # not a text field, whose own undo would take Ctrl+Z
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert store.day_record(TODAY) == before
    assert sleep.hours_spin.value() == 8


def test_a_full_disk_keeps_what_was_typed(
    qtbot: QtBot, window: MainWindow, store: DiaryStore, monkeypatch: object
) -> None:
    from moodlog.storage.errors import DiaryUnavailable

    def full(*_args: object) -> None:
        raise DiaryUnavailable("The disk is full, so this could not be saved.")

    view = window.today_view
    click_choice(qtbot, view.check_in_panel.inputs["mood"], 6)
    qtbot.keyClicks(view.check_in_panel.note_edit, "precious words")
    monkeypatch.setattr(store, "save_day", full)  # type: ignore[attr-defined]
    press_save(qtbot, window)
    assert "The disk is full" in view.banner.text()
    assert view.check_in_panel.note_edit.toPlainText() == "precious words"
    assert view.has_unsaved_changes


def test_hiding_a_scale_from_the_view_menu_is_remembered(
    qtbot: QtBot, window: MainWindow, settings: object
) -> None:
    panel = window.today_view.check_in_panel
    assert "irritability" not in panel.shown_scales()  # off by default
    window.scale_actions["irritability"].setChecked(True)
    window.scale_actions["energy"].setChecked(False)
    assert "irritability" in panel.shown_scales()
    assert panel.inputs["energy"].isHidden()
    assert "energy" not in window.preferences.shown_scales()
    for action in window.scale_actions.values():
        action.setChecked(False)
    assert panel.shown_scales() == ["mood"]  # at least one stays


def test_adding_my_own_side_effect(qtbot: QtBot, window: MainWindow, store: DiaryStore) -> None:
    dialog = window.choose_side_effects()
    qtbot.keyClicks(dialog.name_edit, "  Jaw   clenching ")
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.name_edit, "nausea")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert dialog.error_label.text() == "⚠ You already have a side effect called 'nausea'."
    dry_mouth = dialog.list.item(0)
    dry_mouth.setCheckState(Qt.CheckState.Unchecked)
    dialog.accept()

    names = {e.name: e for e in store.side_effects()}
    assert "Jaw clenching" in names
    assert not names["Dry mouth"].is_tracked
    panel = window.today_view.side_effects_panel
    assert names["Jaw clenching"].id in panel.inputs
    assert names["Dry mouth"].id not in panel.inputs
