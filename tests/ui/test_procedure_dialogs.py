"""The course, session, gene-test and episode dialogs, driven by keyboard and mouse."""

from datetime import date, datetime, timedelta
from typing import TypeVar

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from moodlog.domain.episode import Episode, EpisodeSeverity
from moodlog.domain.medications import Benefit
from moodlog.domain.pharmacogenetics import PgxResult, Phenotype
from moodlog.domain.side_effects import Severity
from moodlog.domain.treatments import (
    TMS_PROTOCOLS,
    BloodPressure,
    CourseKind,
    TreatmentCourse,
    TreatmentSession,
)
from moodlog.ui.choice_input import ChoiceInput
from moodlog.ui.course_dialog import CourseDialog
from moodlog.ui.episode_dialog import EpisodeDialog
from moodlog.ui.pgx_dialog import PgxDialog
from moodlog.ui.session_dialog import SessionDialog
from tests.ui.test_accessibility import unnamed_controls

STARTED = date(2026, 11, 2)


def course(kind: CourseKind, planned: int | None = 30, variant: str = "") -> TreatmentCourse:
    return TreatmentCourse(kind, STARTED, variant, planned_sessions=planned, id=7)


D = TypeVar("D", bound=QDialog)


def opened(qtbot: QtBot, dialog: D) -> D:
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    return dialog


def click_ok(qtbot: QtBot, dialog: QDialog) -> None:
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


def choose(qtbot: QtBot, combo: QComboBox, text: str) -> None:
    """Pick ``text`` with Home and Down, as a keyboard user would."""
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentText() == text:
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText() == text


def retype(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Select what is there and type over it."""
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(widget, text)


def plain(label: QLabel | QCheckBox) -> str:
    return label.text().replace("&", "")


def shown_label_for(dialog: QDialog, field: QWidget) -> str:
    (label,) = [
        label
        for label in dialog.findChildren(QLabel)
        if label.buddy() is field and label.isVisibleTo(dialog)
    ]
    return plain(label)


# -- sessions ------------------------------------------------------------------------------


def test_todays_tms_session_is_logged_with_enter_alone(qtbot: QtBot, now: datetime) -> None:
    dialog = opened(qtbot, SessionDialog(course(CourseKind.TMS), 15, now))
    assert dialog.at_edit.text() == "21 Nov 2026  09:30"
    assert dialog.number_spin.text() == "15"
    assert dialog.of_label.text() == " of 30"
    assert dialog.intensity_spin.text() == "Not set"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    focused = QApplication.focusWidget()
    assert focused is not None
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(focused, Qt.Key.Key_Return)
    assert dialog.session() == TreatmentSession(course_id=7, at=now, number=15)
    assert not dialog.isVisible()


def test_tms_shows_intensity_and_side_effects_only(qtbot: QtBot, now: datetime) -> None:
    dialog = opened(qtbot, SessionDialog(course(CourseKind.TMS), 2, now))
    assert dialog.intensity_spin.isVisible()
    assert list(dialog.side_effect_checks) == [
        "Headache",
        "Scalp pain or discomfort",
        "Facial twitching or tingling",
        "Light-headedness",
    ]
    for hidden in (dialog.dose_combo, dialog.bp_before_edit, dialog.dissociation_input):
        assert not hidden.isVisible()
    assert not dialog.placement_combo.isVisible()
    assert not dialog.setting_edit.isVisible()
    retype(qtbot, dialog.intensity_spin, "120")
    headache = dialog.side_effect_checks["Headache"]
    middle = headache.height() // 2  # on the tick box, at the check box's left
    qtbot.mouseClick(headache, Qt.MouseButton.LeftButton, pos=QPoint(middle, middle))
    assert headache.isChecked()
    qtbot.keyClicks(dialog.other_effects_edit, "tired, Headache, jaw ache")
    click_ok(qtbot, dialog)
    session = dialog.session()
    assert session.intensity_percent == 120.0
    assert session.side_effects == ("Headache", "tired", "jaw ache")
    assert dialog.intensity_spin.text() == "120 %"


def test_esketamine_dose_blood_pressure_and_ratings(qtbot: QtBot, now: datetime) -> None:
    dialog = opened(qtbot, SessionDialog(course(CourseKind.ESKETAMINE, planned=8), 3, now))
    assert dialog.dose_combo.currentText() == "Not set"  # no dose is assumed
    assert [dialog.dose_combo.itemText(i) for i in range(dialog.dose_combo.count())] == [
        "Not set",
        "28 mg",
        "56 mg",
        "84 mg",
    ]
    assert not dialog.intensity_spin.isVisible()
    choose(qtbot, dialog.dose_combo, "56 mg")
    qtbot.keyClicks(dialog.bp_before_edit, "130/85")
    qtbot.keyClicks(dialog.bp_after_edit, "141 / 88")
    qtbot.keyClick(dialog.dissociation_input, Qt.Key.Key_4)
    qtbot.keyClick(dialog.nausea_input, Qt.Key.Key_2)
    qtbot.keyClicks(dialog.sedation_input, "10")  # two digits in quick succession
    click_ok(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.session() == TreatmentSession(
        course_id=7,
        at=now,
        number=3,
        dose_mg=56.0,
        bp_before=BloodPressure(130, 85),
        bp_after=BloodPressure(141, 88),
        dissociation=4,
        nausea=2,
        sedation=10,
    )
    assert dialog.dissociation_input.accessibleDescription() == "Dissociation: 4"
    assert dialog.sedation_input.accessibleDescription() == "Sedation: 10, very strong"


def test_an_impossible_blood_pressure_is_explained_and_kept(qtbot: QtBot, now: datetime) -> None:
    dialog = opened(qtbot, SessionDialog(course(CourseKind.ESKETAMINE), 3, now))
    qtbot.keyClicks(dialog.bp_before_edit, "85/130")
    click_ok(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.error_label.isVisible()
    assert dialog.error_label.text() == (
        "⚠ Blood pressure looks impossible: enter it as systolic/diastolic, e.g. 128/82."
    )
    assert dialog.bp_before_edit.text() == "85/130"
    assert dialog.focusWidget() is dialog.bp_before_edit
    retype(qtbot, dialog.bp_before_edit, "130/85")
    click_ok(qtbot, dialog)
    assert not dialog.isVisible()
    assert not dialog.error_label.isVisible()
    assert dialog.session().bp_before == BloodPressure(130, 85)


def test_an_unreadable_blood_pressure_says_how_to_write_it(qtbot: QtBot, now: datetime) -> None:
    dialog = opened(qtbot, SessionDialog(course(CourseKind.ESKETAMINE), 3, now))
    qtbot.keyClicks(dialog.bp_after_edit, "130")
    click_ok(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.error_label.text().startswith("⚠ “130” is not a blood pressure")
    assert "e.g. 128/82" in dialog.error_label.text()
    assert dialog.focusWidget() is dialog.bp_after_edit
    assert dialog.bp_after_edit.text() == "130"


def test_a_future_time_cannot_be_chosen(qtbot: QtBot, now: datetime) -> None:
    dialog = opened(qtbot, SessionDialog(course(CourseKind.TMS), 1, now))
    dialog.at_edit.setFocus()
    qtbot.keyClick(dialog.at_edit, Qt.Key.Key_Up)  # the day section: tomorrow is past the max
    assert dialog.at_edit.text() == "21 Nov 2026  09:30"


def test_a_session_before_the_course_began_is_refused(qtbot: QtBot, now: datetime) -> None:
    late_course = TreatmentCourse(CourseKind.TMS, now.date(), id=7)
    dialog = opened(qtbot, SessionDialog(late_course, 1, now))
    dialog.at_edit.setFocus()
    qtbot.keyClick(dialog.at_edit, Qt.Key.Key_Down)  # yesterday
    click_ok(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.error_label.text() == (
        "⚠ The session is dated before the course started (21 Nov 2026)."
    )
    assert dialog.focusWidget() is dialog.at_edit


def test_ect_placement_and_memory_complaints(qtbot: QtBot, now: datetime) -> None:
    dialog = opened(qtbot, SessionDialog(course(CourseKind.ECT, planned=12), 4, now))
    assert shown_label_for(dialog, dialog.number_spin) == "Treatment number"
    assert dialog.of_label.text() == " of 12"
    assert not dialog.intensity_spin.isVisible()
    assert not dialog.dose_spin.isVisible()
    choose(qtbot, dialog.placement_combo, "Right unilateral")
    qtbot.keyClick(dialog.memory_input, Qt.Key.Key_1)
    click_ok(qtbot, dialog)
    session = dialog.session()
    assert session.electrode_placement == "Right unilateral"
    assert session.memory_complaints is Severity.MILD
    assert session.dose_mg is None
    assert dialog.memory_input.accessibleDescription() == (
        "Memory or confusion complaints afterwards: Mild"
    )


def test_iv_ketamine_dose(qtbot: QtBot, now: datetime) -> None:
    dialog = opened(qtbot, SessionDialog(course(CourseKind.IV_KETAMINE, planned=6), 2, now))
    assert shown_label_for(dialog, dialog.dose_spin) == "Dose"
    assert not dialog.dose_combo.isVisible()
    retype(qtbot, dialog.dose_spin, "35")
    click_ok(qtbot, dialog)
    assert dialog.session().dose_mg == 35.0


@pytest.mark.parametrize("kind", [CourseKind.VNS, CourseKind.DBS])
def test_an_implant_setting_change(qtbot: QtBot, now: datetime, kind: CourseKind) -> None:
    dialog = opened(qtbot, SessionDialog(course(kind, planned=None), 1, now))
    assert shown_label_for(dialog, dialog.setting_edit) == "Setting"
    assert shown_label_for(dialog, dialog.number_spin) == "Setting change number"
    assert not dialog.of_label.isVisible()  # no planned number to count towards
    qtbot.keyClicks(dialog.setting_edit, "2.0 mA, 30 s on / 5 min off")
    qtbot.keyClicks(dialog.note_edit, "hoarse voice")
    click_ok(qtbot, dialog)
    assert dialog.session() == TreatmentSession(
        course_id=7, at=now, number=1, setting="2.0 mA, 30 s on / 5 min off", note="hoarse voice"
    )


@pytest.mark.parametrize(
    "kind", [CourseKind.PSYCHOTHERAPY, CourseKind.LIFESTYLE, CourseKind.CLINICAL_TRIAL]
)
def test_other_kinds_ask_only_date_number_and_note(
    qtbot: QtBot, now: datetime, kind: CourseKind
) -> None:
    dialog = opened(qtbot, SessionDialog(course(kind, planned=None), 5, now))
    shown = {
        shown_label_for(dialog, label.buddy())
        for label in dialog.findChildren(QLabel)
        if label.buddy() is not None and label.isVisibleTo(dialog)
    }
    assert shown == {"When", "Session number", "Note"}
    qtbot.keyClick(dialog.number_spin, Qt.Key.Key_Down)
    click_ok(qtbot, dialog)
    assert dialog.session() == TreatmentSession(course_id=7, at=now, number=4)


def test_editing_a_session_shows_it_and_keeps_its_id(qtbot: QtBot, now: datetime) -> None:
    existing = TreatmentSession(
        course_id=7,
        at=datetime(2026, 11, 20, 14, 5),
        number=2,
        dose_mg=84.0,
        bp_before=BloodPressure(128, 82),
        nausea=6,
        note="long wait",
        id=40,
    )
    dialog = opened(qtbot, SessionDialog(course(CourseKind.ESKETAMINE), 9, now, existing))
    assert dialog.at_edit.text() == "20 Nov 2026  14:05"
    assert dialog.number_spin.text() == "2"
    assert dialog.dose_combo.currentText() == "84 mg"
    assert dialog.bp_before_edit.text() == "128/82"
    assert dialog.bp_after_edit.text() == ""
    qtbot.keyClick(dialog.nausea_input, Qt.Key.Key_Delete)
    click_ok(qtbot, dialog)
    assert dialog.session() == TreatmentSession(
        course_id=7,
        at=datetime(2026, 11, 20, 14, 5),
        number=2,
        dose_mg=84.0,
        bp_before=BloodPressure(128, 82),
        note="long wait",
        id=40,
    )


def test_a_session_needs_a_saved_course(now: datetime) -> None:
    with pytest.raises(ValueError, match="saved course"):
        SessionDialog(TreatmentCourse(CourseKind.TMS, STARTED), 1, now)


# -- courses -------------------------------------------------------------------------------


def test_switching_kind_changes_the_fields(qtbot: QtBot, now: datetime) -> None:
    dialog = opened(qtbot, CourseDialog(now.date()))
    assert dialog.kind_combo.currentText() == "TMS"
    assert plain(dialog.variant_label) == "Protocol"
    variants = [dialog.variant_combo.itemText(i) for i in range(dialog.variant_combo.count())]
    assert variants == list(TMS_PROTOCOLS)
    assert dialog.hint_label.text() == (
        "A standard course is 20–30 sessions over 4–6 weeks; "
        "clinics often bill 36 including a taper."
    )
    assert plain(dialog.started_label) == "Started"
    assert dialog.planned_spin.isVisible()
    assert not dialog.arm_combo.isVisible()

    choose(qtbot, dialog.kind_combo, "VNS (vagus nerve stimulation)")
    assert plain(dialog.variant_label) == "Device"
    assert dialog.variant_combo.count() == 0
    assert plain(dialog.started_label) == "Implant date"
    assert dialog.started_edit.accessibleName() == "Implant date"
    assert not dialog.planned_spin.isVisible()

    choose(qtbot, dialog.kind_combo, "Esketamine (Spravato)")
    assert dialog.hint_label.text().startswith("Induction: twice a week for 4 weeks, then weekly")
    assert plain(dialog.planned_label) == "Sessions planned"
    assert dialog.planned_spin.isVisible()

    choose(qtbot, dialog.kind_combo, "ECT")
    assert plain(dialog.planned_label) == "Treatments planned"

    choose(qtbot, dialog.kind_combo, "Clinical trial")
    assert plain(dialog.variant_label) == "What is studied"
    line_edit = dialog.variant_combo.lineEdit()
    assert line_edit is not None
    assert line_edit.placeholderText() == "e.g. psilocybin"
    assert dialog.arm_combo.isVisible()
    assert dialog.arm_note.isVisible()
    assert dialog.arm_note.text() == "moodlog assumes nothing about which arm you were in."

    choose(qtbot, dialog.kind_combo, "Lifestyle programme")
    assert not dialog.arm_combo.isVisible()
    assert not dialog.planned_spin.isVisible()


def test_a_typed_variant_survives_a_change_of_kind(qtbot: QtBot, now: datetime) -> None:
    dialog = opened(qtbot, CourseDialog(now.date(), kind=CourseKind.PSYCHOTHERAPY))
    qtbot.keyClicks(dialog.variant_combo, "Schema therapy")
    choose(qtbot, dialog.kind_combo, "Lifestyle programme")
    assert dialog.variant_combo.currentText() == "Schema therapy"
    choose(qtbot, dialog.variant_combo, "Sleep treatment")
    choose(qtbot, dialog.kind_combo, "TMS")  # a choice from the old list does not carry over
    assert dialog.variant_combo.currentText() == ""


def test_the_protocol_chosen_picks_the_hint(qtbot: QtBot, now: datetime) -> None:
    dialog = opened(qtbot, CourseDialog(now.date(), kind=CourseKind.TMS))
    choose(qtbot, dialog.variant_combo, "Accelerated iTBS (SNT/SAINT)")
    assert dialog.hint_label.text() == "SNT/SAINT: 10 sessions a day for 5 days, 50 in all."


def test_a_tms_course_by_keyboard(qtbot: QtBot, now: datetime) -> None:
    dialog = opened(qtbot, CourseDialog(now.date(), kind=CourseKind.TMS))
    choose(qtbot, dialog.variant_combo, "iTBS (theta burst)")
    dialog.started_edit.setFocus()
    for _ in range(3):
        qtbot.keyClick(dialog.started_edit, Qt.Key.Key_Down)
    retype(qtbot, dialog.planned_spin, "30")
    choose(qtbot, dialog.benefit_combo, "Some improvement, not enough")
    qtbot.keyClicks(dialog.note_edit, "mornings")
    click_ok(qtbot, dialog)
    assert dialog.course() == TreatmentCourse(
        kind=CourseKind.TMS,
        started=date(2026, 11, 18),
        variant="iTBS (theta burst)",
        planned_sessions=30,
        benefit=Benefit.SOME,
        note="mornings",
    )


def test_clinical_trial_arm_unknown_is_stored_as_blank(qtbot: QtBot, now: datetime) -> None:
    dialog = opened(qtbot, CourseDialog(now.date(), kind=CourseKind.CLINICAL_TRIAL))
    assert dialog.arm_combo.currentText() == "Not known (blinded)"
    qtbot.keyClicks(dialog.variant_combo, "psilocybin")
    click_ok(qtbot, dialog)
    result = dialog.course()
    assert result.arm == ""
    assert result.variant == "psilocybin"
    assert result.title == "Clinical trial · psilocybin"


def test_clinical_trial_arm_typed_is_kept(qtbot: QtBot, now: datetime) -> None:
    dialog = opened(qtbot, CourseDialog(now.date(), kind=CourseKind.CLINICAL_TRIAL))
    retype(qtbot, dialog.arm_combo, "High dose")
    click_ok(qtbot, dialog)
    assert dialog.course().arm == "High dose"


def test_an_end_before_the_start_is_explained(qtbot: QtBot, now: datetime) -> None:
    dialog = opened(qtbot, CourseDialog(now.date(), kind=CourseKind.ECT))
    assert dialog.ended_edit.text() == "Still going"
    assert not dialog.ended_edit.isEnabled()
    dialog.finished_check.setFocus()
    qtbot.keyClick(dialog.finished_check, Qt.Key.Key_Space)
    assert dialog.ended_edit.isEnabled()
    assert dialog.ended_edit.text() == "21 Nov 2026"
    dialog.ended_edit.setFocus()
    qtbot.keyClick(dialog.ended_edit, Qt.Key.Key_Down)  # ended yesterday, started today
    click_ok(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.error_label.text() == "⚠ The end date is before the start date."
    assert dialog.focusWidget() is dialog.ended_edit
    dialog.started_edit.setFocus()
    qtbot.keyClick(dialog.started_edit, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.started_edit, Qt.Key.Key_Down)
    click_ok(qtbot, dialog)
    assert not dialog.isVisible()
    assert dialog.course().started == now.date() - timedelta(days=2)
    assert dialog.course().ended == now.date() - timedelta(days=1)


def test_editing_a_course_fixes_its_kind_and_keeps_its_id(qtbot: QtBot, now: datetime) -> None:
    existing = TreatmentCourse(
        CourseKind.TMS,
        date(2026, 9, 1),
        "Deep TMS (H-coil)",
        ended=date(2026, 10, 9),
        planned_sessions=36,
        benefit=Benefit.MUCH,
        note="clinic A",
        id=3,
    )
    dialog = opened(qtbot, CourseDialog(now.date(), existing))
    assert not dialog.kind_combo.isEnabled()
    assert dialog.variant_combo.currentText() == "Deep TMS (H-coil)"
    assert dialog.started_edit.text() == "1 Sep 2026"
    assert dialog.finished_check.isChecked()
    assert dialog.ended_edit.text() == "9 Oct 2026"
    assert dialog.planned_spin.text() == "36"
    assert dialog.benefit_combo.currentText() == "Much better, but not well"
    qtbot.keyClick(dialog.finished_check, Qt.Key.Key_Space)  # it is going on after all
    assert dialog.ended_edit.text() == "Still going"
    click_ok(qtbot, dialog)
    assert dialog.course() == TreatmentCourse(
        CourseKind.TMS,
        date(2026, 9, 1),
        "Deep TMS (H-coil)",
        planned_sessions=36,
        benefit=Benefit.MUCH,
        note="clinic A",
        id=3,
    )


# -- gene tests and the episode ------------------------------------------------------------


def test_a_gene_test_result_needs_its_gene(qtbot: QtBot, now: datetime) -> None:
    dialog = opened(qtbot, PgxDialog(now.date()))
    qtbot.keyClicks(dialog.genotype_edit, "*1/*4")
    click_ok(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.error_label.text() == "⚠ Choose or type the gene that was tested, e.g. CYP2D6."
    assert dialog.focusWidget() is dialog.gene_combo
    assert dialog.genotype_edit.text() == "*1/*4"
    qtbot.keyClicks(dialog.gene_combo, "cyp2d6")
    choose(qtbot, dialog.phenotype_combo, "Intermediate metaboliser")
    qtbot.keyClick(dialog.tested_check, Qt.Key.Key_Space)
    qtbot.keyClicks(dialog.lab_edit, "City lab")
    click_ok(qtbot, dialog)
    assert not dialog.isVisible()
    assert dialog.pgx_result() == PgxResult(
        gene="CYP2D6",
        phenotype=Phenotype.INTERMEDIATE,
        genotype="*1/*4",
        tested_on=now.date(),
        lab="City lab",
    )


def test_a_gene_not_in_the_list_is_kept_as_typed(qtbot: QtBot, now: datetime) -> None:
    dialog = opened(qtbot, PgxDialog(now.date()))
    qtbot.keyClicks(dialog.gene_combo, "HLA-A")
    click_ok(qtbot, dialog)
    assert dialog.pgx_result() == PgxResult(gene="HLA-A")
    assert dialog.tested_edit.text() == "Not given"


def test_editing_a_gene_test_result(qtbot: QtBot, now: datetime) -> None:
    existing = PgxResult("CYP2C19", Phenotype.ULTRARAPID, "*17/*17", date(2024, 5, 3), id=9)
    dialog = opened(qtbot, PgxDialog(now.date(), existing=existing))
    assert dialog.gene_combo.currentText() == "CYP2C19"
    assert dialog.phenotype_combo.currentText() == "Ultrarapid metaboliser"
    assert dialog.tested_edit.text() == "3 May 2024"
    qtbot.keyClicks(dialog.note_edit, "from the 2024 panel")
    click_ok(qtbot, dialog)
    assert dialog.pgx_result() == PgxResult(
        "CYP2C19", Phenotype.ULTRARAPID, "*17/*17", date(2024, 5, 3), "", "from the 2024 panel", 9
    )


def test_the_episode_starts_not_set(qtbot: QtBot, now: datetime) -> None:
    dialog = opened(qtbot, EpisodeDialog(Episode(), now.date()))
    assert "clinician to review" in dialog.explanation_label.text()
    assert dialog.began_edit.text() == "Not set"
    assert dialog.severity_combo.currentText() == "Not set"
    qtbot.keyClick(dialog.began_check, Qt.Key.Key_Space)
    assert dialog.began_edit.text() == "Nov 2026"
    dialog.began_edit.setFocus()
    for _ in range(5):
        qtbot.keyClick(dialog.began_edit, Qt.Key.Key_Down)  # the month section
    choose(qtbot, dialog.severity_combo, "Severe, without psychosis")
    click_ok(qtbot, dialog)
    assert not dialog.isVisible()
    assert dialog.episode() == Episode(date(2026, 6, 1), EpisodeSeverity.SEVERE)


def test_the_episode_can_be_unset_again(qtbot: QtBot, now: datetime) -> None:
    dialog = opened(
        qtbot, EpisodeDialog(Episode(date(2025, 3, 1), EpisodeSeverity.MODERATE), now.date())
    )
    assert dialog.began_check.isChecked()
    assert dialog.began_edit.text() == "Mar 2025"
    assert dialog.severity_combo.currentText() == "Moderate"
    qtbot.keyClick(dialog.began_check, Qt.Key.Key_Space)
    assert dialog.began_edit.text() == "Not set"
    choose(qtbot, dialog.severity_combo, "Not set")
    click_ok(qtbot, dialog)
    assert dialog.episode() == Episode()


# -- accessibility -------------------------------------------------------------------------


def all_dialogs(now: datetime) -> list[QDialog]:
    today = now.date()
    dialogs: list[QDialog] = [
        SessionDialog(course(kind, variant=kind.variants[0] if kind.variants else ""), 1, now)
        for kind in CourseKind
    ]
    dialogs += [CourseDialog(today, kind=kind) for kind in CourseKind]
    dialogs += [PgxDialog(today), EpisodeDialog(Episode(), today)]
    return dialogs


def unlabelled_inputs(dialog: QDialog) -> list[str]:
    """Shown inputs that no visible label (with an Alt+letter) names as its buddy. A date
    switched on by a checkbox beside it ("Finished", "Tested on") counts that as its label."""
    buddies = {
        label.buddy()
        for label in dialog.findChildren(QLabel)
        if label.isVisibleTo(dialog) and "&" in label.text()
    }
    by_checkbox = {"Finished on", "Test date", "Month the episode began"}
    missing = []
    for widget in dialog.findChildren(QWidget):
        is_input = isinstance(widget, QComboBox | QAbstractSpinBox | ChoiceInput) or (
            isinstance(widget, QLineEdit)
            and not isinstance(widget.parent(), QComboBox | QAbstractSpinBox)
        )
        if (
            is_input
            and widget.isVisibleTo(dialog)
            and widget not in buddies
            and widget.accessibleName() not in by_checkbox
        ):
            missing.append(widget.accessibleName())
    return missing


def clashing_mnemonics(dialog: QDialog) -> list[str]:
    texts = [
        w.text()
        for w in dialog.findChildren(QWidget)
        if isinstance(w, QLabel | QCheckBox) and w.isVisibleTo(dialog)
    ]
    letters = [text[text.index("&") + 1].lower() for text in texts if "&" in text]
    return sorted({letter for letter in letters if letters.count(letter) > 1})


def test_every_input_is_named_labelled_and_reachable_by_its_own_letter(
    qtbot: QtBot, now: datetime
) -> None:
    for dialog in all_dialogs(now):
        opened(qtbot, dialog)
        title = dialog.windowTitle()
        assert unnamed_controls(dialog) == [], title
        assert unlabelled_inputs(dialog) == [], title
        assert clashing_mnemonics(dialog) == [], title
        dialog.reject()
