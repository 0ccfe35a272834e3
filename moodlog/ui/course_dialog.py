"""CourseDialog: add or edit a course of a procedure or therapy (a TMS course, an esketamine
induction, ECT, an implant, psychotherapy, a lifestyle programme, a clinical trial)."""

from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QLabel,
    QSizePolicy,
    QSpinBox,
    QWidget,
)

from moodlog.domain.medications import Benefit
from moodlog.domain.translation import QT_TRANSLATE_NOOP
from moodlog.domain.treatments import CourseKind, TreatmentCourse, option_text, validate_course
from moodlog.ui.form_dialog import (
    FIRST_DAY,
    FormDialog,
    OptionalDate,
    make_choice_combo,
    make_date_edit,
    make_line_edit,
)
from moodlog.ui.qt_dates import to_date, to_qdate

# What a course usually looks like, from clinical-reference.md §9 (schedules only, never
# doses). A protocol's own line replaces its kind's.
_IMPLANT_HINT = QT_TRANSLATE_NOOP(
    "CourseDialog", "Enter the implant date here, then log each setting change as it happens."
)
_KIND_HINTS = {
    CourseKind.TMS: QT_TRANSLATE_NOOP(  # §9.1
        "CourseDialog",
        "A standard course is 20–30 sessions over 4–6 weeks; "
        "clinics often bill 36 including a taper.",
    ),
    CourseKind.ESKETAMINE: QT_TRANSLATE_NOOP(  # §9.4
        "CourseDialog",
        "Induction: twice a week for 4 weeks, then weekly for weeks 5–8; after that, weekly "
        "or every 2 weeks. Each dose is given in a clinic, where you are watched for at least "
        "2 hours afterwards.",
    ),
    CourseKind.IV_KETAMINE: QT_TRANSLATE_NOOP(  # §9.5
        "CourseDialog", "Clinics often give a first course of about 6 infusions over 2–3 weeks."
    ),
    CourseKind.ECT: QT_TRANSLATE_NOOP(
        "CourseDialog", "Usually 2–3 treatments a week; a course is often about 6–12 treatments."
    ),
    CourseKind.VNS: _IMPLANT_HINT,
    CourseKind.DBS: _IMPLANT_HINT,
    CourseKind.PSYCHOTHERAPY: QT_TRANSLATE_NOOP(
        "CourseDialog", "Logging each session is optional: the course alone is enough."
    ),
    CourseKind.LIFESTYLE: QT_TRANSLATE_NOOP(
        "CourseDialog", "Logging each session is optional: the programme alone is enough."
    ),
    CourseKind.CLINICAL_TRIAL: QT_TRANSLATE_NOOP(
        "CourseDialog",
        "Note what the trial studied. If the trial is blinded, leave the arm as not known.",
    ),
}
# Keyed by the protocol as the diary stores it.
_VARIANT_HINTS = {
    "iTBS (theta burst)": QT_TRANSLATE_NOOP(
        "CourseDialog", "iTBS sessions take about 3 minutes, 5 days a week for 4–6 weeks."
    ),
    "Accelerated iTBS (SNT/SAINT)": QT_TRANSLATE_NOOP(
        "CourseDialog", "SNT/SAINT: 10 sessions a day for 5 days, 50 in all."
    ),
}
_NO_PLANNED_SESSIONS = (CourseKind.VNS, CourseKind.DBS, CourseKind.LIFESTYLE)
_IMPLANTS = (CourseKind.VNS, CourseKind.DBS)
# The trial arms offered (the diary stores the English, "" for not known; the list shows
# them translated).
#: A clinical trial's arm that the person does not know (the trial is blinded)
UNKNOWN_ARM = QT_TRANSLATE_NOOP("CourseDialog", "Not known (blinded)")
_ARMS = (
    UNKNOWN_ARM,
    QT_TRANSLATE_NOOP("CourseDialog", "Active treatment"),
    QT_TRANSLATE_NOOP("CourseDialog", "Placebo or sham"),
)
# Letters the fixed labels use as Alt+letter, and O and C, which some platforms give the
# OK and Cancel buttons; a label that changes with the kind takes the first free letter.
_FIXED_MNEMONICS = "ksifpahnoc"


def course_hint(kind: CourseKind, variant: str) -> str:
    """The line shown under the kind: what a typical course of it looks like."""
    if kind is CourseKind.TMS and variant in _VARIANT_HINTS:
        return QCoreApplication.translate("CourseDialog", _VARIANT_HINTS[variant])
    return QCoreApplication.translate("CourseDialog", _KIND_HINTS[kind])


def _stored(combo: QComboBox) -> str:
    """What ``combo`` shows, as the diary stores it: a listed choice in English (its item
    data), anything typed as it is."""
    typed = combo.currentText().strip()
    index = combo.findText(typed)
    return str(combo.itemData(index)) if index >= 0 else typed


def _with_mnemonic(text: str, taken: str = _FIXED_MNEMONICS) -> str:
    for index, char in enumerate(text):
        if char.isalpha() and char.lower() not in taken:
            return f"{text[:index]}&{text[index:]}"
    return text


class CourseDialog(FormDialog):
    """Add a course (of ``kind``, TMS unless given) or edit ``existing``, whose kind is
    then fixed. :meth:`course` holds the result once the dialog is accepted."""

    def __init__(
        self,
        today: date,
        existing: TreatmentCourse | None = None,
        kind: CourseKind | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._today = today
        self._existing = existing
        self.setWindowTitle(
            self.tr("Edit {course}").format(course=existing.title)
            if existing
            else self.tr("Add a treatment course")
        )
        self._build_layout()
        self._connect_signals()
        first_kind = existing.kind if existing else (kind or CourseKind.TMS)
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(first_kind))
        self._show_kind(first_kind, keep_variant=False)
        if existing is not None:
            self._load(existing)
            self.kind_combo.setEnabled(False)

    # -- building ------------------------------------------------------------------------

    def _build_layout(self) -> None:
        self.kind_combo = make_choice_combo(self.tr("Kind of treatment"), CourseKind, self)
        self.kind_combo.setAccessibleDescription(
            self.tr("The kind of treatment, such as TMS, esketamine or therapy")
        )
        self._add_row(self.tr("&Kind"), self.kind_combo)
        self.hint_label = QLabel(self)
        self.hint_label.setWordWrap(True)
        self.hint_label.setAccessibleName(self.tr("About this kind of course"))
        self._form.addRow(self.hint_label)
        self.variant_combo = QComboBox(self)
        self.variant_combo.setEditable(True)
        self.variant_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        # Typed text and placeholders need the room, not only the listed choices.
        self.variant_combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.variant_combo.setAccessibleDescription(
            self.tr("More about this treatment: choose from the list or type your own")
        )
        self.variant_label = self._add_row(self.tr("&Details"), self.variant_combo)
        self.started_edit = self._date_edit(self.tr("Started"))
        self.started_edit.setAccessibleDescription(self.tr("The day this course began"))
        self.started_label = self._add_row(self.tr("&Started"), self.started_edit)
        self.finished_check = QCheckBox(self.tr("&Finished"), self)
        self.finished_check.setAccessibleName(self.tr("Finished"))
        self.finished_check.setAccessibleDescription(
            self.tr("Tick once the course has ended, then give the day it ended")
        )
        self.ended_edit = self._date_edit(self.tr("Finished on"))
        self.ended_edit.setAccessibleDescription(self.tr("The day this course ended"))
        # "Still going" until ticked; then today, or the date shown before it was unticked.
        self._ended = OptionalDate(
            self.finished_check, self.ended_edit, self._today, self.tr("Still going")
        )
        self._form.addRow(self.finished_check, self.ended_edit)
        self.planned_spin = QSpinBox(self)
        self.planned_spin.setRange(0, 500)
        self.planned_spin.setSpecialValueText(self.tr("Not set"))
        self.planned_spin.setAccessibleDescription(
            self.tr("How many the course is planned to have, if you know")
        )
        self.planned_label = self._add_row(self.tr("Sessions &planned"), self.planned_spin)
        self.arm_combo = QComboBox(self)
        self.arm_combo.setEditable(True)
        self.arm_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.arm_combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        for arm in _ARMS:  # shown translated, stored in English
            self.arm_combo.addItem(QCoreApplication.translate("CourseDialog", arm), arm)
        self.arm_combo.setAccessibleName(self.tr("Trial arm"))
        self.arm_combo.setAccessibleDescription(
            self.tr("The group of the trial you were in, if you know: choose or type")
        )
        #: A clinical trial's arm: the group the person was in (active treatment or placebo)
        self.arm_label = self._add_row(self.tr("&Arm"), self.arm_combo)
        self.arm_note = QLabel(
            self.tr("moodlog assumes nothing about which arm you were in."), self
        )
        self.arm_note.setWordWrap(True)
        self._form.addRow(self.arm_note)
        self.benefit_combo = make_choice_combo(
            self.tr("How well it helped"), Benefit, self, unset_text=self.tr("Not sure yet")
        )
        self.benefit_combo.setAccessibleDescription(
            self.tr("Your own rating of how much this course helped")
        )
        self._add_row(self.tr("How well it &helped"), self.benefit_combo)
        self.note_edit = make_line_edit(self.tr("Note"), self.tr("Optional"), self)
        self._add_row(self.tr("&Note"), self.note_edit)
        self._finish_layout()
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 64)

    def _date_edit(self, name: str) -> QDateEdit:
        return make_date_edit(
            self._today, self._today, name, self, earliest=FIRST_DAY, tab_steps_through=True
        )

    def _connect_signals(self) -> None:
        self.kind_combo.currentIndexChanged.connect(self._on_kind_changed)
        self.variant_combo.currentTextChanged.connect(self._on_variant_changed)

    def _load(self, course: TreatmentCourse) -> None:
        index = self.variant_combo.findData(course.variant)
        if index >= 0:
            self.variant_combo.setCurrentIndex(index)
        else:
            self.variant_combo.setEditText(course.variant)
        self.started_edit.setDate(to_qdate(course.started))
        self._ended.set_value(course.ended)
        self.planned_spin.setValue(course.planned_sessions or 0)
        index = self.arm_combo.findData(course.arm or UNKNOWN_ARM)
        if index >= 0:
            self.arm_combo.setCurrentIndex(index)
        else:
            self.arm_combo.setEditText(course.arm)
        self.benefit_combo.setCurrentIndex(self.benefit_combo.findData(course.benefit))
        self.note_edit.setText(course.note)

    # -- reacting ------------------------------------------------------------------------

    def kind(self) -> CourseKind:
        return CourseKind(self.kind_combo.currentData())

    def _on_kind_changed(self) -> None:
        self.error_label.hide()
        self._show_kind(self.kind(), keep_variant=True)

    def _show_kind(self, kind: CourseKind, keep_variant: bool) -> None:
        """Relabel and show the fields that apply to ``kind``."""
        typed = self.variant_combo.currentText()
        was_offered = self.variant_combo.findText(typed) >= 0
        self.variant_combo.clear()
        for variant in kind.variants:  # shown translated, stored in English
            self.variant_combo.addItem(option_text(variant), variant)
        # Never lose what was typed; a choice from the old kind's list no longer applies.
        self.variant_combo.setEditText(typed if keep_variant and not was_offered else "")
        self.variant_label.setText(_with_mnemonic(kind.variant_label))
        self.variant_combo.setAccessibleName(kind.variant_label)
        placeholder = self.tr("Choose or type") if kind.variants else self.tr("Optional")
        if kind is CourseKind.CLINICAL_TRIAL:
            #: What a clinical trial studies, e.g. a new medicine
            placeholder = self.tr("e.g. psilocybin")
        line_edit = self.variant_combo.lineEdit()
        if line_edit is not None:
            line_edit.setPlaceholderText(placeholder)
        if kind in _IMPLANTS:
            self.started_label.setText(self.tr("&Implant date"))
            self.started_edit.setAccessibleName(self.tr("Implant date"))
        else:
            self.started_label.setText(self.tr("&Started"))
            self.started_edit.setAccessibleName(self.tr("Started"))
        words = kind.sessions_word
        words = words[:1].upper() + words[1:]
        #: e.g. "Sessions planned", "Infusions planned"
        self.planned_label.setText(self.tr("{sessions} &planned").format(sessions=words))
        self.planned_spin.setAccessibleName(self.tr("{sessions} planned").format(sessions=words))
        self._form.setRowVisible(self.planned_spin, kind not in _NO_PLANNED_SESSIONS)
        is_trial = kind is CourseKind.CLINICAL_TRIAL
        self._form.setRowVisible(self.arm_combo, is_trial)
        self._form.setRowVisible(self.arm_note, is_trial)
        self._on_variant_changed()

    def _on_variant_changed(self) -> None:
        self.hint_label.setText(course_hint(self.kind(), _stored(self.variant_combo)))

    def _validate(self) -> None:
        validate_course(self.course(), self._today)

    def _field_widget(self, field: str) -> QWidget | None:
        return {
            "started": self.started_edit,
            "ended": self.ended_edit,
            "planned_sessions": self.planned_spin,
        }.get(field)

    # -- result --------------------------------------------------------------------------

    def course(self) -> TreatmentCourse:
        """The course as entered (validated once the dialog is accepted)."""
        kind = self.kind()
        arm = _stored(self.arm_combo)
        planned = self.planned_spin.value()
        benefit = self.benefit_combo.currentData()
        return TreatmentCourse(
            kind=kind,
            started=to_date(self.started_edit.date()),
            variant=_stored(self.variant_combo),
            ended=self._ended.value(),
            planned_sessions=planned if planned and kind not in _NO_PLANNED_SESSIONS else None,
            benefit=None if benefit is None else Benefit(benefit),
            arm=arm if kind is CourseKind.CLINICAL_TRIAL and arm != UNKNOWN_ARM else "",
            note=self.note_edit.text().strip(),
            id=self._existing.id if self._existing else None,
        )
