"""Medications taken, on the Today view: never assumed, one action for "all taken", kept in
drafts and undone with the day."""

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from moodlog.domain.adherence import Adherence
from moodlog.domain.day_entry import DayEntry
from moodlog.domain.medications import DoseStep, Medication, MedicationRole, Schedule
from moodlog.storage.diary_store import DiaryStore
from moodlog.ui.main_window import MainWindow
from tests.ui.choice_clicks import click_choice

TODAY = date(2026, 11, 21)
NOW = datetime(2026, 11, 21, 9, 30)


def add(store: DiaryStore, name: str, started: date, dose: float, **fields: object) -> int:
    medication = Medication(name, started, (DoseStep(started, dose),), **fields)
    saved = store.treatments.add_medication(medication, NOW)
    assert saved.id is not None
    return saved.id


@pytest.fixture
def medications(store: DiaryStore) -> dict[str, int]:
    return {
        "sertraline": add(store, "Sertraline", date(2026, 9, 1), 100.0),
        "aripiprazole": add(
            store, "Aripiprazole", date(2026, 11, 1), 2.0, role=MedicationRole.AUGMENTATION
        ),
        "zopiclone": add(store, "Zopiclone", date(2026, 10, 1), 3.75, schedule=Schedule.AS_NEEDED),
        "citalopram": add(store, "Citalopram", date(2026, 1, 1), 20.0, stopped=date(2026, 8, 1)),
    }


@pytest.fixture
def shown(medications: dict[str, int], window: MainWindow) -> MainWindow:
    window.today_view.show_day(TODAY)  # the fixture's window was built before the medications
    return window


def labels(window: MainWindow) -> list[str]:
    panel = window.today_view.adherence_panel
    return [panel.inputs[i].accessibleName() for i in panel.inputs]


def test_each_scheduled_medication_of_the_day_is_listed_not_recorded(
    shown: MainWindow, medications: dict[str, int]
) -> None:
    panel = shown.today_view.adherence_panel
    assert labels(shown) == ["Sertraline 100 mg", "Aripiprazole 2 mg"]  # no PRN, none stopped
    assert panel.statuses() == {
        medications["sertraline"]: None,
        medications["aripiprazole"]: None,
    }
    assert panel.all_taken_button.isVisible()


def test_a_past_day_lists_what_was_taken_then(
    shown: MainWindow, medications: dict[str, int]
) -> None:
    shown.today_view.show_day(date(2026, 7, 15))
    assert labels(shown) == ["Citalopram 20 mg"]
    shown.today_view.show_day(date(2025, 7, 15))
    panel = shown.today_view.adherence_panel
    assert panel.inputs == {}
    assert panel.empty_label.isVisible()
    assert not panel.all_taken_button.isVisible()


def test_typing_and_clicking_answers_then_saving(
    qtbot: QtBot, shown: MainWindow, store: DiaryStore, medications: dict[str, int]
) -> None:
    panel = shown.today_view.adherence_panel
    sertraline = panel.inputs[medications["sertraline"]]
    sertraline.setFocus()
    qtbot.keyClick(sertraline, Qt.Key.Key_2)  # partly taken
    click_choice(qtbot, panel.inputs[medications["aripiprazole"]], 3)  # missed
    qtbot.keyClick(shown, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    assert store.day_record(TODAY).adherence == {
        medications["sertraline"]: Adherence.PARTLY,
        medications["aripiprazole"]: Adherence.MISSED,
    }
    assert shown.today_view.save_state_label.text() == "All changes saved"
    assert panel.inputs[medications["sertraline"]].value() == 2  # shown as saved


def test_all_taken_as_prescribed_is_one_action(
    qtbot: QtBot, shown: MainWindow, store: DiaryStore, medications: dict[str, int]
) -> None:
    panel = shown.today_view.adherence_panel
    qtbot.mouseClick(panel.all_taken_button, Qt.MouseButton.LeftButton)
    assert shown.today_view.save_state_label.text() == "Not saved yet (kept as a draft)"
    qtbot.mouseClick(shown.today_view.save_button, Qt.MouseButton.LeftButton)

    assert store.day_record(TODAY).adherence == {
        medications["sertraline"]: Adherence.TAKEN,
        medications["aripiprazole"]: Adherence.TAKEN,
    }
    assert store.treatments.adherence(medications["zopiclone"]) == {}  # PRN: never assumed


def test_clearing_an_answer_returns_it_to_not_recorded(
    qtbot: QtBot, shown: MainWindow, store: DiaryStore, medications: dict[str, int]
) -> None:
    sertraline = medications["sertraline"]
    store.save_day(DayEntry(TODAY, adherence={sertraline: Adherence.TAKEN}), NOW)
    shown.today_view.show_day(TODAY)
    choice = shown.today_view.adherence_panel.inputs[sertraline]
    assert choice.value() == 1
    choice.setFocus()
    qtbot.keyClick(choice, Qt.Key.Key_Delete)
    shown.today_view.save()
    assert store.day_record(TODAY).adherence == {}


def test_unsaved_answers_survive_switching_days_as_a_draft(
    qtbot: QtBot, shown: MainWindow, store: DiaryStore, medications: dict[str, int]
) -> None:
    view = shown.today_view
    choice = view.adherence_panel.inputs[medications["aripiprazole"]]
    choice.setFocus()
    qtbot.keyClick(choice, Qt.Key.Key_3)
    view.move_days(-1)
    assert store.day_record(TODAY).adherence == {}  # not saved, only drafted
    view.move_days(+1)

    assert view.adherence_panel.statuses()[medications["aripiprazole"]] is Adherence.MISSED
    assert "changes you hadn't saved yet" in view.banner.text()


def test_deleting_the_day_takes_adherence_and_undo_brings_it_back(
    qtbot: QtBot,
    shown: MainWindow,
    store: DiaryStore,
    medications: dict[str, int],
    confirmations: list[str],
) -> None:
    view = shown.today_view
    qtbot.mouseClick(view.adherence_panel.all_taken_button, Qt.MouseButton.LeftButton)
    view.save()
    view.delete_day()
    assert store.day_record(TODAY).adherence == {}
    assert confirmations == ["Delete this day"]
    qtbot.keyClick(shown, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(store.day_record(TODAY).adherence) == 2


def test_yesterdays_answers_are_not_carried_into_today(
    qtbot: QtBot, shown: MainWindow, medications: dict[str, int]
) -> None:
    view = shown.today_view
    view.show_day(TODAY - timedelta(days=1))
    qtbot.mouseClick(view.adherence_panel.all_taken_button, Qt.MouseButton.LeftButton)
    view.save()
    view.show_today()
    assert set(view.adherence_panel.statuses().values()) == {None}
