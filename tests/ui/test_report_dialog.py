"""The report dialog over the real window and the known diary (tests/reports/known_diary.py):
the period and sections chosen by clicking, the PDF written by the worker and read back, what
is remembered, and every problem said inline with the choices kept."""

import shutil
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPoint, QSettings, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QAbstractButton, QApplication, QDateTimeEdit, QWidget
from pytestqt.qtbot import QtBot

from moodlog.reports import pdf_report
from moodlog.reports.report_period import ALL_SECTIONS, PaperSize, ReportSection
from moodlog.storage.database import open_database
from moodlog.storage.diary_store import DiaryStore
from moodlog.ui import dialogs
from moodlog.ui.main_window import MainWindow
from moodlog.ui.report_dialog import NO_APPOINTMENT, ReportDialog
from tests.reports.conftest import pdf_pages, squeeze
from tests.reports.known_diary import (
    CLINICIAN_NOTE,
    LATE_NOTE,
    NOW,
    OPEN_QUESTION,
    build_known_diary,
)
from tests.ui.test_accessibility import unnamed_controls
from tests.ui.test_medication_dialogs import mnemonics

Key = Qt.Key
Alt = Qt.KeyboardModifier.AltModifier
Ctrl = Qt.KeyboardModifier.ControlModifier


@pytest.fixture(scope="module")
def known_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("known") / "diary.sqlite"
    build_known_diary(path)
    return path


@pytest.fixture
def store(known_file: Path, tmp_path: Path) -> Iterator[DiaryStore]:
    """The window's diary: a fresh copy of the known diary (the dialog writes the name)."""
    path = tmp_path / "diary.sqlite"
    shutil.copy(known_file, path)
    diary = DiaryStore(open_database(path, NOW))
    yield diary
    diary.close()


class SaveAnswers:
    """Stands in for the file dialog: answers ``path`` and records what it was offered."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.offered: list[Path] = []

    def __call__(self, _parent: object, _title: str, suggested: Path, _filter: str) -> Path | None:
        self.offered.append(suggested)
        return self.path


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "reports"
    folder.mkdir()
    return folder / "report.pdf"


@pytest.fixture
def save_as(monkeypatch: pytest.MonkeyPatch, out: Path) -> SaveAnswers:
    answers = SaveAnswers(out)
    monkeypatch.setattr(dialogs, "ask_save_path", answers)
    return answers


def open_report(qtbot: QtBot, window: MainWindow) -> ReportDialog:
    """Ctrl+P, as a person would."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Key.Key_P, Ctrl)
    dialog = window.report_dialog
    assert isinstance(dialog, ReportDialog)
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def click(qtbot: QtBot, button: QAbstractButton) -> None:
    """A click on a tick box's or radio button's indicator (its middle may be empty space
    right of the text); on a push button's middle."""
    if button.inherits("QPushButton"):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    else:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))


def type_date(qtbot: QtBot, dialog: ReportDialog, letter: Key, text: str) -> None:
    """Alt+letter to the date field, then "1 Oct 2026" typed year first, then month, then
    day (so a 31st is never typed into a shorter month)."""
    qtbot.keyClick(dialog, letter, Alt)
    edit = QApplication.focusWidget()
    assert isinstance(edit, QDateTimeEdit)
    day, month, year = text.split()
    for section, part in (
        (QDateTimeEdit.Section.YearSection, year),
        (QDateTimeEdit.Section.MonthSection, month),
        (QDateTimeEdit.Section.DaySection, day),
    ):
        edit.setSelectedSection(section)
        qtbot.keyClicks(edit, part)
    assert edit.text() == text


def save(qtbot: QtBot, dialog: ReportDialog) -> None:
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: not dialog.is_writing, timeout=30_000)


def untick(qtbot: QtBot, dialog: ReportDialog, *sections: ReportSection) -> None:
    for section in sections:
        check = dialog.section_checks[section]
        click(qtbot, check)
        assert not check.isChecked()


def test_since_the_last_appointment_with_the_sections_clicked(
    qtbot: QtBot,
    window: MainWindow,
    store: DiaryStore,
    settings: QSettings,
    save_as: SaveAnswers,
    out: Path,
) -> None:
    dialog = open_report(qtbot, window)
    assert dialog.windowTitle() == "Report for my clinician"
    # The recorded appointment (1 Oct) is offered, named and chosen.
    assert dialog.since_radio.isEnabled()
    assert dialog.since_radio.text() == "Since my last &appointment (1 Oct 2026)"
    assert dialog.since_radio.isChecked()
    assert dialog.since_note.isHidden()
    assert dialog.period_label.text() == "The report covers 1 Oct 2026 – 21 Nov 2026 (52 days)."
    assert all(check.isChecked() for check in dialog.section_checks.values())
    untick(qtbot, dialog, ReportSection.CHARTS, ReportSection.TREATMENT, ReportSection.SIDE_EFFECTS)
    qtbot.keyClick(dialog, Key.Key_I, Alt)
    assert dialog.name_edit.hasFocus()
    qtbot.keyClicks(dialog.name_edit, "Alex Example")
    pages_seen: list[int] = []
    dialog.progress_bar.valueChanged.connect(pages_seen.append)

    save(qtbot, dialog)

    assert [p.name for p in save_as.offered] == ["moodlog report 2026-10-01 to 2026-11-21.pdf"]
    pages = pdf_pages(out)
    assert dialog.error_label.isHidden()
    assert dialog.result_label.text() == f"Saved {len(pages)} pages to {out}"
    assert dialog.result_box.isVisible()
    assert dialog.progress_box.isHidden()
    assert pages_seen == list(range(1, len(pages) + 1))  # the bar counted every page
    assert dialog.open_button.hasFocus()
    text = "".join(pages)
    assert squeeze("Alex Example · Period: 1 Oct 2026 – 21 Nov 2026 (52 days)") in pages[0]
    # From the appointment to today: the note of 3 Nov is in, and the open question.
    for present in ("Summary", "Sleep", "Notes for my clinician", CLINICIAN_NOTE, LATE_NOTE):
        assert squeeze(present) in text
    assert squeeze(OPEN_QUESTION) in pages[0]
    for absent in ("Charts and questionnaire scores", "Treatment history", "Side effects"):
        assert squeeze(absent) not in text
    assert not list(out.parent.glob(".*partial"))


def test_custom_dates_and_letter_paper_are_the_report_and_are_remembered(
    qtbot: QtBot,
    window: MainWindow,
    store: DiaryStore,
    settings: QSettings,
    save_as: SaveAnswers,
    out: Path,
) -> None:
    dialog = open_report(qtbot, window)
    # The date fields show the period chosen; another date typed makes it a custom one.
    assert dialog.from_edit.text() == "1 Oct 2026"
    assert dialog.to_edit.text() == "21 Nov 2026"
    click(qtbot, dialog.weeks_radio)
    assert dialog.from_edit.text() == "25 Oct 2026"
    type_date(qtbot, dialog, Key.Key_F, "1 Oct 2026")
    assert dialog.custom_radio.isChecked()
    type_date(qtbot, dialog, Key.Key_T, "31 Oct 2026")
    assert dialog.period_label.text() == "The report covers 1 Oct 2026 – 31 Oct 2026 (31 days)."
    qtbot.keyClick(dialog, Key.Key_P, Alt)
    assert dialog.paper_combo.hasFocus()
    qtbot.keyClicks(dialog.paper_combo, "U")  # US Letter
    assert dialog.paper_combo.currentText() == "US Letter"
    untick(qtbot, dialog, ReportSection.CHARTS, ReportSection.SLEEP)
    qtbot.keyClicks(dialog.name_edit, "ID 4471")

    save(qtbot, dialog)

    text = "".join(pdf_pages(out))
    assert squeeze("ID 4471 · Period: 1 Oct 2026 – 31 Oct 2026 (31 days)") in text
    assert squeeze(CLINICIAN_NOTE) in text
    assert squeeze(LATE_NOTE) not in text  # 3 Nov: after the period
    assert squeeze("Treatment history") in text
    assert squeeze("Charts and questionnaire scores") not in text
    width = float(PdfReader(out).pages[0].mediabox.width)
    assert width == pytest.approx(612, abs=1)  # US Letter, 8.5 in

    # Next time: the same paper and sections; the name comes back from the diary, and is
    # not in the settings file.
    qtbot.keyClick(dialog, Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    again = open_report(qtbot, window)
    assert again is not dialog
    assert again.paper_combo.currentData() == PaperSize.LETTER
    assert again.sections() == tuple(
        s for s in ALL_SECTIONS if s not in (ReportSection.CHARTS, ReportSection.SLEEP)
    )
    assert again.name_edit.text() == "ID 4471"
    assert store.appointments.report_name() == "ID 4471"
    settings.sync()
    assert all("4471" not in str(settings.value(key)) for key in settings.allKeys())
    assert again.saved_path is None  # a new dialog starts without a result
    assert again.result_box.isHidden()


def test_an_empty_period_says_so_keeps_the_choices_and_writes_nothing(
    qtbot: QtBot, window: MainWindow, save_as: SaveAnswers, out: Path
) -> None:
    dialog = open_report(qtbot, window)
    click(qtbot, dialog.custom_radio)
    type_date(qtbot, dialog, Key.Key_F, "1 Jan 2026")
    type_date(qtbot, dialog, Key.Key_T, "31 Jan 2026")
    untick(qtbot, dialog, ReportSection.NOTES)

    click(qtbot, dialog.save_button)

    assert not dialog.is_writing  # nothing to write: no worker was started
    assert dialog.error_label.isVisible()
    assert (
        dialog.error_label.text()
        == "⚠ No entries between 1 Jan 2026 and 31 Jan 2026; nothing to report."
    )
    assert list(out.parent.iterdir()) == []
    assert dialog.isVisible()
    assert dialog.custom_radio.isChecked()
    assert dialog.period_label.text() == "The report covers 1 Jan 2026 – 31 Jan 2026 (31 days)."
    assert not dialog.section_checks[ReportSection.NOTES].isChecked()
    assert dialog.section_checks[ReportSection.SUMMARY].isChecked()
    assert dialog.save_button.isEnabled()


def test_no_section_or_dates_the_wrong_way_round_are_refused_before_asking_where(
    qtbot: QtBot, window: MainWindow, save_as: SaveAnswers
) -> None:
    dialog = open_report(qtbot, window)
    untick(qtbot, dialog, *ALL_SECTIONS)
    click(qtbot, dialog.save_button)
    assert dialog.error_label.text() == "⚠ Tick at least one section to put in the report."
    assert dialog.section_checks[ReportSection.SUMMARY].hasFocus()
    assert save_as.offered == []

    click(qtbot, dialog.section_checks[ReportSection.SUMMARY])
    click(qtbot, dialog.custom_radio)
    type_date(qtbot, dialog, Key.Key_F, "10 Nov 2026")
    type_date(qtbot, dialog, Key.Key_T, "1 Nov 2026")
    problem = (
        "The period starts (10 Nov 2026) after it ends (1 Nov 2026). "
        "Choose a “From” date on or before “To”."
    )
    assert dialog.period_label.text() == problem
    qtbot.keyClick(dialog.to_edit, Key.Key_Return)  # Enter saves, or says why not
    assert dialog.error_label.text() == f"⚠ {problem}"
    assert dialog.from_edit.hasFocus()
    assert save_as.offered == []
    assert dialog.isVisible()


def test_without_an_appointment_it_says_why_and_one_can_be_added_from_there(
    qtbot: QtBot, window: MainWindow, store: DiaryStore
) -> None:
    for appointment in store.appointments.appointments():
        assert appointment.id is not None
        store.appointments.delete_appointment(appointment.id)
    dialog = open_report(qtbot, window)
    assert not dialog.since_radio.isEnabled()
    assert dialog.since_radio.text() == "Since my last &appointment"
    assert dialog.since_note.isVisible()
    assert dialog.since_note.text() == NO_APPOINTMENT
    assert dialog.weeks_radio.isChecked()
    assert dialog.period_label.text() == "The report covers 25 Oct 2026 – 21 Nov 2026 (28 days)."

    click(qtbot, dialog.appointments_button)
    appointments = dialog.appointments_dialog
    qtbot.waitUntil(lambda: QApplication.activeWindow() is appointments)
    edit = appointments.date_edit
    edit.setFocus()
    edit.setSelectedSection(QDateTimeEdit.Section.DaySection)
    qtbot.keyClicks(edit, "12 Nov 2026")
    qtbot.keyClicks(appointments.note_edit, "Dr Lee")
    qtbot.keyClick(appointments.note_edit, Key.Key_Return)
    assert [a.day.isoformat() for a in store.appointments.appointments()] == ["2026-11-12"]
    qtbot.keyClick(appointments, Key.Key_Escape)

    qtbot.waitUntil(dialog.since_radio.isEnabled)
    assert dialog.since_radio.text() == "Since my last &appointment (12 Nov 2026)"
    assert dialog.since_radio.isChecked()
    assert dialog.since_note.isHidden()
    assert dialog.period_label.text() == "The report covers 12 Nov 2026 – 21 Nov 2026 (10 days)."


def test_a_folder_that_is_not_there_is_said_inline_and_saving_again_works(
    qtbot: QtBot, window: MainWindow, save_as: SaveAnswers, out: Path
) -> None:
    dialog = open_report(qtbot, window)
    click(qtbot, dialog.months_radio)
    untick(qtbot, dialog, ReportSection.CHARTS)
    save_as.path = out.parent / "missing" / "report.pdf"
    save(qtbot, dialog)
    assert dialog.error_label.text() == (
        f"⚠ The folder {out.parent / 'missing'} doesn't exist; create it or choose another."
    )
    assert dialog.result_box.isHidden()
    assert dialog.months_radio.isChecked()  # the choices stay
    assert not dialog.section_checks[ReportSection.CHARTS].isChecked()
    assert dialog.save_button.isEnabled()

    save_as.path = out.with_suffix("")  # no ".pdf": it is added
    save(qtbot, dialog)
    assert dialog.error_label.isHidden()
    assert out.is_file()
    assert dialog.saved_path == out
    assert squeeze("Period: 22 Aug 2026 – 21 Nov 2026 (92 days)") in pdf_pages(out)[0]


def test_open_and_show_in_folder(
    qtbot: QtBot,
    window: MainWindow,
    save_as: SaveAnswers,
    out: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    opened: list[QUrl] = []

    def open_url(url: QUrl) -> bool:
        opened.append(url)
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", open_url)
    dialog = open_report(qtbot, window)
    assert dialog.result_box.isHidden()
    untick(qtbot, dialog, ReportSection.CHARTS)
    save(qtbot, dialog)
    click(qtbot, dialog.open_button)
    click(qtbot, dialog.folder_button)
    assert opened == [QUrl.fromLocalFile(str(out)), QUrl.fromLocalFile(str(out.parent))]


def test_closing_while_it_writes_stops_it_and_leaves_no_file(
    qtbot: QtBot,
    window: MainWindow,
    save_as: SaveAnswers,
    out: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The writer waits at its first page until the dialog has been closed."""
    gate = threading.Event()
    real = pdf_report.write_report_pdf

    def held(*args: object, progress: Callable[[int, int], None], **kwargs: object) -> int:
        def wait_then(page: int, pages: int) -> None:
            gate.wait(20)
            progress(page, pages)

        return real(*args, progress=wait_then, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pdf_report, "write_report_pdf", held)
    dialog = open_report(qtbot, window)
    untick(qtbot, dialog, ReportSection.CHARTS)
    click(qtbot, dialog.save_button)
    assert dialog.is_writing
    assert dialog.progress_box.isVisible()
    assert "Closing this window stops it." in dialog.progress_label.text()
    assert not dialog.save_button.isEnabled()
    assert not dialog.name_edit.isEnabled()

    qtbot.keyClick(dialog, Key.Key_Escape)
    gate.set()
    qtbot.waitUntil(lambda: not dialog.is_writing, timeout=30_000)
    assert not dialog.isVisible()
    assert list(out.parent.iterdir()) == []


def test_keys_and_names(qtbot: QtBot, window: MainWindow) -> None:
    dialog = open_report(qtbot, window)
    dialog.result_box.show()  # the buttons shown once saved have their keys too
    keys = mnemonics(dialog)
    assert len(keys) == len(set(keys)), keys
    assert len(keys) >= 18
    assert unnamed_controls(dialog) == []
    # Alt+letter reaches each choice (a mnemonic clicks animated: it takes a moment).
    qtbot.keyClick(dialog, Key.Key_3, Alt)
    qtbot.waitUntil(dialog.months_radio.isChecked)
    assert dialog.period_label.text() == "The report covers 22 Aug 2026 – 21 Nov 2026 (92 days)."
    qtbot.keyClick(dialog, Key.Key_H, Alt)
    qtbot.waitUntil(lambda: not dialog.section_checks[ReportSection.CHARTS].isChecked())


def test_tab_reaches_every_control_in_order(qtbot: QtBot, window: MainWindow) -> None:
    dialog = open_report(qtbot, window)
    click(qtbot, dialog.custom_radio)  # the date fields take part once enabled
    dialog.result_box.show()
    dialog.since_radio.setFocus()
    seen: list[QWidget] = []
    for _ in range(30):
        focus = QApplication.focusWidget()
        assert focus is not None
        if focus in seen:
            break
        seen.append(focus)
        qtbot.keyClick(focus, Key.Key_Tab)
    expected: list[QWidget] = [
        dialog.since_radio,  # the chosen radio button stands for its group; arrows move
        dialog.appointments_button,
    ]
    assert seen[: len(expected)] == expected
    rest = [
        dialog.from_edit,
        dialog.to_edit,
        *dialog.section_checks.values(),
        dialog.paper_combo,
        dialog.name_edit,
        dialog.open_button,
        dialog.folder_button,
        dialog.save_button,
        dialog.close_button,
    ]
    positions = [seen.index(widget) for widget in rest]
    assert positions == sorted(positions)
