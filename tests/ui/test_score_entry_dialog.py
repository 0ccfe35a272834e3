"""The score entry dialog, driven by keyboard and mouse: a total from a clinician or a paper
form, what moodlog says about the scale and the band, totals out of range, changing the scale,
correcting an earlier total, and dates."""

from dataclasses import replace
from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDateTimeEdit, QDialog, QDialogButtonBox, QLabel, QWidget
from pytestqt.qtbot import QtBot

from moodlog.domain import questionnaire_texts as texts
from moodlog.domain.instruments import Instrument
from moodlog.domain.questionnaire_result import QuestionnaireResult, Source
from moodlog.ui.qt_dates import to_date
from moodlog.ui.score_entry_dialog import EMPTY_TOTAL_TEXT, NBSP, ScoreEntryDialog
from tests.ui.test_accessibility import unnamed_controls
from tests.ui.test_medication_dialogs import (
    focus_as_tab_is_pressed,
    mnemonics,
    show,
    type_into_section,
)
from tests.ui.test_procedure_dialogs import choose, retype

Key = Qt.Key


@pytest.fixture
def today(now: datetime) -> date:
    return now.date()  # Saturday 21 Nov 2026


def opened(qtbot: QtBot, dialog: ScoreEntryDialog) -> ScoreEntryDialog:
    show(qtbot, dialog)
    return dialog


def click_ok(qtbot: QtBot, dialog: ScoreEntryDialog) -> None:
    ok = dialog.button_box.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


def about_scale(dialog: ScoreEntryDialog) -> str:
    """The scale line as read (its no-break spaces as plain ones)."""
    return dialog.scale_label.text().replace(NBSP, " ")


def test_a_madrs_total_from_the_clinician(qtbot: QtBot, today: date) -> None:
    dialog = opened(qtbot, ScoreEntryDialog(today))
    assert dialog.windowTitle() == "Enter a score"
    assert dialog.total_edit.text() == ""  # nothing entered by accident
    assert dialog.band_label.text() == EMPTY_TOTAL_TEXT
    choose(qtbot, dialog.scale_combo, "MADRS")
    assert dialog.range_label.text() == "of 60"
    about = about_scale(dialog)
    assert "Montgomery–Åsberg Depression Rating Scale" in about
    assert "Rated by: a clinician" in about
    assert "Remission: 10 or less (under 11, as in the SAINT study)" in about
    assert "moodlog doesn't group this scale's totals into severity bands." in about
    assert "Bands:" not in about

    qtbot.keyClicks(dialog.total_edit, "9")
    assert dialog.band_label.text() == "Band: not grouped into bands in moodlog"
    assert dialog.source_combo.currentText() == "From my clinician or clinic"
    qtbot.keyClicks(dialog.source_note_edit, "Dr Lee, TMS clinic")
    qtbot.keyClicks(dialog.note_edit, "After session 20")
    with qtbot.waitSignal(dialog.accepted):
        click_ok(qtbot, dialog)

    assert not dialog.isVisible()
    assert dialog.questionnaire_result() == QuestionnaireResult(
        instrument=Instrument.MADRS,
        taken_on=today,
        entered_total=9,
        source=Source.CLINICIAN,
        source_note="Dr Lee, TMS clinic",
        note="After session 20",
    )


def test_a_qids_total_shows_its_bands_and_its_band(qtbot: QtBot, today: date) -> None:
    dialog = opened(qtbot, ScoreEntryDialog(today))
    assert dialog.scale_combo.currentText() == "QIDS-SR16"
    about = about_scale(dialog)
    assert about.splitlines() == [
        "Quick Inventory of Depressive Symptomatology, self-report (total only)",
        "Period: the past 7 days · Rated by: yourself, on paper",
        "Bands: 0–5 None · 6–10 Mild · 11–15 Moderate · 16–20 Severe · 21–27 Very severe",
        "Remission: 5 or less (STAR*D). Relapse: 11 or more after remission (STAR*D).",
    ]
    assert dialog.total_edit.hasFocus()  # ready to type the number
    qtbot.keyClicks(dialog.total_edit, "14")
    assert dialog.band_label.text() == "Band: Moderate"
    choose(qtbot, dialog.source_combo, "From a paper form")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.source_combo, Key.Key_Return)  # Enter saves
    assert dialog.questionnaire_result() == QuestionnaireResult(
        Instrument.QIDS_SR16, today, entered_total=14, source=Source.PAPER_FORM
    )


def test_a_qids_total_of_30_is_refused_and_kept_for_correcting(qtbot: QtBot, today: date) -> None:
    dialog = opened(qtbot, ScoreEntryDialog(today))
    qtbot.keyClicks(dialog.total_edit, "30")
    assert dialog.band_label.text() == "Above the highest QIDS-SR16 total (27)."
    qtbot.keyClicks(dialog.source_note_edit, "Clinic letter")
    click_ok(qtbot, dialog)

    assert dialog.isVisible()
    assert dialog.result() == QDialog.DialogCode.Rejected  # not accepted
    assert dialog.error_label.isVisible()
    assert dialog.error_label.text() == (
        "⚠ A QIDS-SR16 total is between 0 and 27; please check the number."
    )
    assert dialog.total_edit.hasFocus()
    assert dialog.total_edit.text() == "30"
    assert dialog.source_note_edit.text() == "Clinic letter"

    qtbot.keyClicks(dialog.total_edit, "3")  # the number was selected: this replaces it
    assert dialog.band_label.text() == "Band: None"
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.total_edit, Key.Key_Return)
    assert not dialog.error_label.isVisible()
    assert dialog.questionnaire_result().entered_total == 3


def test_an_empty_total_is_refused(qtbot: QtBot, today: date) -> None:
    dialog = opened(qtbot, ScoreEntryDialog(today, Instrument.HAMD17))
    qtbot.keyClicks(dialog.note_edit, "Phone review")
    click_ok(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.error_label.text() == "⚠ Enter the HAM-D17 total."
    assert dialog.total_edit.hasFocus()
    assert dialog.note_edit.text() == "Phone review"


def test_only_digits_can_be_typed_as_the_total(qtbot: QtBot, today: date) -> None:
    dialog = opened(qtbot, ScoreEntryDialog(today))
    qtbot.keyClicks(dialog.total_edit, "-1a2.5")
    assert dialog.total_edit.text() == "125"


def test_the_allowed_range_follows_the_scale(qtbot: QtBot, today: date) -> None:
    dialog = opened(qtbot, ScoreEntryDialog(today))
    qtbot.keyClicks(dialog.total_edit, "40")
    assert dialog.range_label.text() == "of 27"
    assert dialog.band_label.text() == "Above the highest QIDS-SR16 total (27)."

    choose(qtbot, dialog.scale_combo, "GAD-7 (total only)")
    assert dialog.range_label.text() == "of 21"
    assert "Bands: 0–4 Minimal · 5–9 Mild · 10–14 Moderate · 15–21 Severe" in about_scale(dialog)
    click_ok(qtbot, dialog)
    assert dialog.error_label.text() == (
        "⚠ A GAD-7 total is between 0 and 21; please check the number."
    )

    choose(qtbot, dialog.scale_combo, "MADRS")
    assert dialog.range_label.text() == "of 60"
    assert dialog.band_label.text() == "Band: not grouped into bands in moodlog"
    with qtbot.waitSignal(dialog.accepted):
        click_ok(qtbot, dialog)
    result = dialog.questionnaire_result()
    assert (result.instrument, result.entered_total) == (Instrument.MADRS, 40)


def test_correcting_an_earlier_total_keeps_its_id(qtbot: QtBot, today: date) -> None:
    existing = QuestionnaireResult(
        Instrument.HAMD17,
        date(2026, 10, 2),
        entered_total=18,
        source=Source.PAPER_FORM,
        source_note="Clinic letter",
        note="Before ECT",
        id=42,
    )
    dialog = opened(qtbot, ScoreEntryDialog(today, existing=existing))
    assert dialog.windowTitle() == "Correct a score"
    assert dialog.scale_combo.currentText() == "HAM-D17"
    assert dialog.date_edit.text() == "2 Oct 2026"
    assert dialog.total_edit.text() == "18"
    assert dialog.range_label.text() == "of 52"
    assert dialog.source_combo.currentText() == "From a paper form"
    assert dialog.source_note_edit.text() == "Clinic letter"
    assert dialog.note_edit.text() == "Before ECT"
    assert "Remission: 7 or less (a 1991 consensus)." in about_scale(dialog)

    retype(qtbot, dialog.total_edit, "17")
    with qtbot.waitSignal(dialog.accepted):
        click_ok(qtbot, dialog)
    assert dialog.questionnaire_result() == replace(existing, entered_total=17)


def test_answers_given_in_moodlog_are_not_corrected_here(today: date) -> None:
    answered = QuestionnaireResult(Instrument.PHQ9, today, answers=(0,) * 9, id=3)
    with pytest.raises(ValueError, match="only a total"):
        ScoreEntryDialog(today, existing=answered)


def test_a_future_date_cannot_be_typed(qtbot: QtBot, today: date) -> None:
    dialog = opened(qtbot, ScoreEntryDialog(today))
    edit = dialog.date_edit
    assert edit.text() == "21 Nov 2026"
    assert to_date(edit.maximumDate()) == today
    type_into_section(qtbot, edit, QDateTimeEdit.Section.YearSection, "2030")
    qtbot.keyClick(edit, Key.Key_Tab)
    assert to_date(edit.date()) <= today
    assert edit.text() == "21 Nov 2026"
    type_into_section(qtbot, edit, QDateTimeEdit.Section.DaySection, "3")
    qtbot.keyClicks(dialog.total_edit, "8")
    with qtbot.waitSignal(dialog.accepted):
        click_ok(qtbot, dialog)
    assert dialog.questionnaire_result().taken_on == date(2026, 11, 3)


def test_the_scales_and_sources_offered(qtbot: QtBot, today: date) -> None:
    dialog = opened(qtbot, ScoreEntryDialog(today, Instrument.PHQ9))
    scales = [dialog.scale_combo.itemText(i) for i in range(dialog.scale_combo.count())]
    assert scales == [
        "QIDS-SR16",
        "MADRS",
        "HAM-D17",
        "PHQ-9 (total only)",
        "GAD-7 (total only)",
    ]
    assert dialog.scale_combo.currentText() == "PHQ-9 (total only)"
    sources = [dialog.source_combo.itemData(i) for i in range(dialog.source_combo.count())]
    assert sources == [Source.CLINICIAN, Source.PAPER_FORM, Source.OTHER]  # never "answered here"


def test_no_question_of_any_scale_is_shown(qtbot: QtBot, today: date) -> None:
    dialog = opened(qtbot, ScoreEntryDialog(today, Instrument.PHQ9))
    questions = (*texts.PHQ9_ITEMS, *texts.GAD7_ITEMS, texts.PHQ9_STEM, texts.GAD7_STEM)
    for scale in range(dialog.scale_combo.count()):
        dialog.scale_combo.setCurrentIndex(scale)
        shown = " ".join(label.text() for label in dialog.findChildren(QLabel))
        assert not [question for question in questions if question in shown]


def test_tab_order_names_and_keys(qtbot: QtBot, today: date) -> None:
    dialog = opened(qtbot, ScoreEntryDialog(today))
    assert unnamed_controls(dialog) == []
    keys = mnemonics(dialog)
    assert len(keys) == len(set(keys)), keys
    for label in dialog.findChildren(QLabel):
        if "&" in label.text() and label.isVisibleTo(dialog):
            assert label.buddy() is not None, label.text()
    dialog.scale_combo.setFocus()
    buttons: list[QWidget] = sorted(dialog.button_box.buttons(), key=lambda b: b.x())
    expected: list[QWidget] = [
        dialog.scale_combo,
        dialog.date_edit,
        dialog.total_edit,
        dialog.source_combo,
        dialog.source_note_edit,
        dialog.note_edit,
        *buttons,
    ]
    assert focus_as_tab_is_pressed(qtbot, expected) == expected


@pytest.mark.parametrize("instrument", list(Instrument))
def test_no_text_is_clipped(qtbot: QtBot, today: date, instrument: Instrument) -> None:
    dialog = opened(qtbot, ScoreEntryDialog(today))
    choose(
        qtbot,
        dialog.scale_combo,
        dialog.scale_combo.itemText(dialog.scale_combo.findData(instrument)),
    )
    qtbot.keyClicks(dialog.total_edit, "99")
    click_ok(qtbot, dialog)  # the error line too
    assert dialog.error_label.isVisible()
    for label in dialog.findChildren(QLabel):
        if label.isVisibleTo(dialog) and label.text():
            if label.wordWrap():
                assert label.height() >= label.heightForWidth(label.width()), label.text()
            else:
                assert label.width() >= label.sizeHint().width(), label.text()
