"""Under a pseudo-translation (every translated string wrapped in ⟪ ⟫), nothing the window
or its dialogs show is left unwrapped: every word goes through Qt's translator. The dialogs
no menu opens are also walked for names and descriptions here."""

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from moodlog.domain.medications import DoseStep, Medication
from moodlog.domain.translation import translate
from moodlog.storage.backups import Backup
from moodlog.storage.diary_store import DiaryStore
from moodlog.ui.damaged_diary_dialog import DamagedDiaryDialog
from moodlog.ui.delete_all_dialog import DeleteAllDialog
from moodlog.ui.dose_change_dialog import DoseChangeDialog
from moodlog.ui.first_run import FirstRunDialog
from moodlog.ui.main_window import MainWindow
from moodlog.ui.restore_dialog import RestoreDialog
from moodlog.ui.stop_medication_dialog import StopMedicationDialog
from tests.ui.accessibility_walk import problems
from tests.ui.conftest import FakeClock
from tests.ui.pseudo_translation import (
    PseudoTranslator,
    install_pseudo_translation,
    remove_pseudo_translation,
    untranslated,
    untranslated_on_every_page,
    untranslated_words,
)
from tests.ui.test_accessibility import dialog_buttons, menu_items, no_questions, walk_what_opens  # noqa: F401


@pytest.fixture
def pseudo() -> Iterator[PseudoTranslator]:
    translator = install_pseudo_translation()
    yield translator
    remove_pseudo_translation(translator)


@pytest.fixture
def pseudo_window(
    pseudo: PseudoTranslator,
    qtbot: QtBot,
    store: DiaryStore,
    clock: FakeClock,
    settings: QSettings,
) -> MainWindow:
    """The window built while the pseudo-translation is installed."""
    window = MainWindow(store, clock, settings, None)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_the_check_finds_words_that_skipped_the_translator(
    qtbot: QtBot, pseudo: PseudoTranslator
) -> None:
    root = QWidget()
    qtbot.addWidget(root)
    layout = QVBoxLayout(root)
    layout.addWidget(QLabel(root.tr("Hours slept")))
    layout.addWidget(QLabel("Hours awake"))
    layout.addWidget(QLabel(root.tr("Saved on {day}").format(day="Saturday 21 November")))
    layout.addWidget(QLabel(f"<b>{translate('Bands', 'Moderate')}</b> 12"))
    layout.addWidget(QPushButton("PHQ-9 · " + root.tr("&Save")))
    root.show()
    assert untranslated(root) == ["QLabel label: 'Hours awake'"]
    assert untranslated_words("⟪Saved {day}⟫ in English") == "in English"


def test_every_page_of_a_new_diary(pseudo_window: MainWindow) -> None:
    found = untranslated_on_every_page(pseudo_window)
    found += [
        f"menu {name}: {action.text()!r}"
        for name, action in menu_items(pseudo_window.menuBar())
        if untranslated_words(action.text())
    ]
    assert found == [], "\n".join(found)


def test_every_dialog_the_menus_open(
    qtbot: QtBot,
    pseudo_window: MainWindow,
    no_questions: list[str],  # noqa: F811
) -> None:
    found: list[str] = []
    for name, action in menu_items(pseudo_window.menuBar()):
        if name.endswith("Quit") or action.isCheckable() or not action.isEnabled():
            continue
        walked, _titles = walk_what_opens(
            qtbot, pseudo_window, name, action.trigger, check=untranslated_on_every_page
        )
        found += walked
    assert found == [], "\n".join(found)


def test_every_dialog_the_pages_buttons_open(
    qtbot: QtBot,
    pseudo_window: MainWindow,
    no_questions: list[str],  # noqa: F811
) -> None:
    """Buttons whose label ends in "…" open a dialog: Add medication…, Log a session…"""
    window = pseudo_window
    found: list[str] = []
    opened: list[str] = []
    for name, button in dialog_buttons(window):
        walked, titles = walk_what_opens(
            qtbot, window, name, button.click, check=untranslated_on_every_page
        )
        found += walked
        opened += titles
    assert found == [], "\n".join(found)
    assert "⟪Add a medication⟫" in opened, opened  # the walk did open the dialogs


def dialogs_no_menu_opens(store: DiaryStore, path: Path, now: datetime) -> list[QDialog]:
    """Dialogs that open at start-up, from other dialogs or from a selected row."""
    medication = Medication("Sertraline", date(2026, 9, 1), (DoseStep(date(2026, 9, 1), 50.0),))
    backup = Backup(path, now, "daily", 12345)
    return [
        FirstRunDialog(path, import_history=lambda: None, set_reminder=lambda: None),
        DeleteAllDialog(store, path, lambda: now),
        DamagedDiaryDialog(path, "The file is damaged.", backup, at_start=True),
        RestoreDialog([backup]),
        DoseChangeDialog(medication, now.date()),
        StopMedicationDialog(medication, now.date()),
    ]


def test_dialogs_no_menu_opens_are_named_described_and_translated(
    qtbot: QtBot, pseudo: PseudoTranslator, store: DiaryStore, tmp_path: Path, now: datetime
) -> None:
    path = tmp_path / "moodlog.sqlite"
    found = []
    for dialog in dialogs_no_menu_opens(store, path, now):
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        name = type(dialog).__name__
        found += [f"{name}: {problem}" for problem in problems(dialog)]
        found += [
            f"{name}: {line}"
            for line in untranslated_on_every_page(dialog)
            if str(path) not in line  # where the diary is: a name, not words
        ]
        dialog.close()
    assert found == [], "\n".join(found)
