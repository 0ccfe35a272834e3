"""SessionDialog: log (or edit) one session, infusion, treatment or setting change of a
course. Only the fields that apply to the course's kind are shown."""

from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, Qt, QTime
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from moodlog.domain.blood_pressure_text import format_blood_pressure, parse_blood_pressure
from moodlog.domain.medications import format_dose
from moodlog.domain.side_effects import Severity
from moodlog.domain.translation import QT_TRANSLATE_NOOP
from moodlog.domain.treatments import (
    ECT_PLACEMENTS,
    ESKETAMINE_DOSES_MG,
    TMS_SIDE_EFFECTS,
    CourseKind,
    TreatmentCourse,
    TreatmentSession,
    option_text,
    validate_session,
)
from moodlog.ui.choice_input import ChoiceInput
from moodlog.ui.form_dialog import FormDialog, make_line_edit
from moodlog.ui.qt_dates import time_display_format

_SETTING_PLACEHOLDERS = {
    #: A VNS device's setting
    CourseKind.VNS: QT_TRANSLATE_NOOP("SessionDialog", "e.g. 2.0 mA, 30 s on / 5 min off"),
    CourseKind.DBS: QT_TRANSLATE_NOOP("SessionDialog", "As your clinician wrote it"),
}


def _to_datetime(value: QDateTime) -> datetime:
    day, clock = value.date(), value.time()
    return datetime(day.year(), day.month(), day.day(), clock.hour(), clock.minute())


def _to_qdatetime(value: datetime) -> QDateTime:
    return QDateTime(
        QDate(value.year, value.month, value.day), QTime(value.hour, value.minute, value.second)
    )


class SessionDialog(FormDialog):
    """Log a session of ``course`` (numbered ``next_number`` unless changed) or edit
    ``existing``. :meth:`session` holds the result once the dialog is accepted."""

    def __init__(
        self,
        course: TreatmentCourse,
        next_number: int,
        now: datetime,
        existing: TreatmentSession | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        if course.id is None:
            raise ValueError("sessions belong to a saved course")
        self._course = course
        self._course_id = course.id
        self._now = now
        self._existing = existing
        word = course.kind.session_word
        if existing:
            #: e.g. "TMS · iTBS (theta burst): edit session"
            title = self.tr("{course}: edit {session}")
        else:
            #: e.g. "TMS · iTBS (theta burst): new session"
            title = self.tr("{course}: new {session}")
        self.setWindowTitle(title.format(course=course.title, session=word))
        self._build_layout()
        self._show_fields_for_kind()
        self.at_edit.setDateTime(_to_qdatetime(now))
        self.number_spin.setValue(next_number)
        if existing is not None:
            self._load(existing)

    # -- building ------------------------------------------------------------------------

    def _build_layout(self) -> None:
        self.title_label = QLabel(self._course.title, self)
        bold = QFont(self.title_label.font())
        bold.setBold(True)
        self.title_label.setFont(bold)
        self._build_common_fields()
        self._build_tms_fields()
        self._build_ketamine_fields()
        self._build_other_fields()
        self.note_edit = make_line_edit(self.tr("Note"), self.tr("Optional"), self)
        self._add_row(self.tr("No&te"), self.note_edit)
        self._finish_layout(above=[self.title_label])
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 56)

    def _add_row(self, text: str, field: QWidget | QLayout, buddy: QWidget | None = None) -> QLabel:
        label = super()._add_row(text, field, buddy)
        if isinstance(field, ChoiceInput):  # level with the middle of the taller rating row
            label.setMinimumHeight(field.sizeHint().height())
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return label

    def _row(self, *widgets: QWidget) -> QWidget:
        """Widgets side by side in one form field (so the row can be hidden as one)."""
        row = QWidget(self)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in widgets:
            layout.addWidget(widget)
        layout.addStretch(1)
        return row

    def _build_common_fields(self) -> None:
        self.at_edit = QDateTimeEdit(self)
        self.at_edit.setCalendarPopup(True)
        self.at_edit.setDisplayFormat(f"d MMM yyyy  {time_display_format()}")
        self.at_edit.setDateTimeRange(QDateTime(QDate(1900, 1, 1), QTime(0, 0)), self._max_at())
        self.at_edit.setAccessibleName(self.tr("Date and time"))
        self.at_edit.setAccessibleDescription(self.tr("When this session took place"))
        self._add_row(self.tr("&When"), self.at_edit)
        word = self._course.kind.session_word.capitalize()
        self.number_spin = QSpinBox(self)
        self.number_spin.setRange(0, 999)
        self.number_spin.setSpecialValueText(self.tr("Not set"))
        #: e.g. "Session number", "Infusion number"
        self.number_spin.setAccessibleName(self.tr("{session} number").format(session=word))
        self.number_spin.setAccessibleDescription(
            self.tr("Where this one comes in the course: 1 for the first")
        )
        planned = self._course.planned_sessions
        #: After the session's number: "of 30" sessions planned
        of_planned = " " + self.tr("of {planned}").format(planned=planned) if planned else ""
        self.of_label = QLabel(of_planned, self)
        self.of_label.setVisible(bool(planned))
        self._add_row(
            self.tr("{session} &number").format(session=word),
            self._row(self.number_spin, self.of_label),
            self.number_spin,
        )

    def _max_at(self) -> QDateTime:
        return _to_qdatetime(self._now)

    def _build_tms_fields(self) -> None:
        self.intensity_spin = QSpinBox(self)
        self.intensity_spin.setRange(0, 200)
        self.intensity_spin.setSpecialValueText(self.tr("Not set"))
        self.intensity_spin.setSuffix(" %")
        self.intensity_spin.setAccessibleName(self.tr("Intensity, percent of motor threshold"))
        self.intensity_spin.setAccessibleDescription(
            self.tr("The strength used, if the clinic told you; optional")
        )
        self._intensity_row = self._row(
            self.intensity_spin, QLabel(self.tr("of motor threshold (optional)"), self)
        )
        self._add_row(self.tr("&Intensity"), self._intensity_row, self.intensity_spin)
        box = QWidget(self)
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        self.side_effect_checks: dict[str, QCheckBox] = {}
        for index, name in enumerate(TMS_SIDE_EFFECTS):
            check = QCheckBox(option_text(name), box)
            check.setAccessibleName(option_text(name))
            check.setAccessibleDescription(self.tr("Tick if you had this during or after it"))
            self.side_effect_checks[name] = check
            grid.addWidget(check, index // 2, index % 2)
        self._side_effects_box = box
        self._add_row(self.tr("Side &effects"), box, self.side_effect_checks[TMS_SIDE_EFFECTS[0]])
        self.other_effects_edit = make_line_edit(
            self.tr("Other side effects"), self.tr("Comma separated, e.g. tired, jaw ache"), self
        )
        self._add_row(self.tr("Ot&her side effects"), self.other_effects_edit)

    def _build_ketamine_fields(self) -> None:
        self.dose_combo = QComboBox(self)
        self.dose_combo.addItem(self.tr("Not set"), None)
        for dose in ESKETAMINE_DOSES_MG:
            self.dose_combo.addItem(format_dose(dose, "mg"), dose)
        self.dose_combo.setAccessibleName(self.tr("Dose"))
        self.dose_combo.setAccessibleDescription(self.tr("The dose given at this session"))
        self._add_row(self.tr("&Dose"), self.dose_combo)
        self.dose_spin = QDoubleSpinBox(self)
        self.dose_spin.setRange(0, 2000)
        self.dose_spin.setDecimals(1)
        self.dose_spin.setSpecialValueText(self.tr("Not set"))
        #: Milligrams, the unit after a dose
        self.dose_spin.setSuffix(" " + self.tr("mg"))
        self.dose_spin.setAccessibleName(self.tr("Dose"))
        self.dose_spin.setAccessibleDescription(self.tr("The dose given at this session"))
        self._add_row(self.tr("&Dose"), self.dose_spin)
        self.bp_before_edit = self._bp_edit(self.tr("Blood pressure before"))
        self._add_row(self.tr("Blood pressure &before"), self.bp_before_edit)
        self.bp_after_edit = self._bp_edit(self.tr("Blood pressure after"))
        self._add_row(self.tr("Blood pressure &after"), self.bp_after_edit)
        self.ratings_hint = QLabel(
            self.tr(
                "How strong each effect was, from 0 (none) to 10 (very strong). "
                "Leave any you did not rate."
            ),
            self,
        )
        self.ratings_hint.setWordWrap(True)
        self._form.addRow(self.ratings_hint)
        self.dissociation_input = self._rating(
            self.tr("Dissociation"), self.tr("Feeling detached or unreal.")
        )
        self._add_row(self.tr("Di&ssociation"), self.dissociation_input)
        #: Feeling sick
        self.nausea_input = self._rating(self.tr("Nausea"), self.tr("Feeling sick."))
        self._add_row(self.tr("Na&usea"), self.nausea_input)
        self.sedation_input = self._rating(
            self.tr("Sedation"), self.tr("Drowsy or hard to keep awake.")
        )
        self._add_row(self.tr("Sedat&ion"), self.sedation_input)

    def _bp_edit(self, name: str) -> QLineEdit:
        placeholder = self.tr("e.g. 128/82 (optional)")
        edit = make_line_edit(name, placeholder, self)
        edit.setMaximumWidth(self.fontMetrics().horizontalAdvance(placeholder) * 2)
        return edit

    def _rating(self, name: str, what: str) -> ChoiceInput:
        #: How strong an effect was: 0 is none
        none = self.tr("none")
        rating = ChoiceInput(
            name, range(11), describe={0: none, 10: self.tr("very strong")}, parent=self
        )
        #: {what} describes the effect, e.g. "Feeling sick."
        tip = self.tr("{what} 0 = none, 10 = very strong. Type a number; Delete clears.")
        rating.setToolTip(tip.format(what=what))
        return rating

    def _build_other_fields(self) -> None:
        self.placement_combo = QComboBox(self)
        self.placement_combo.addItem(self.tr("Not set"), "")
        for placement in ECT_PLACEMENTS:
            self.placement_combo.addItem(option_text(placement), placement)
        self.placement_combo.setAccessibleName(self.tr("Electrode placement"))
        self.placement_combo.setAccessibleDescription(
            self.tr("Where the electrodes were placed, if the clinic told you")
        )
        self._add_row(self.tr("Electrode &placement"), self.placement_combo)
        self.memory_input = ChoiceInput(
            self.tr("Memory or confusion complaints afterwards"),
            [s.value for s in Severity],
            [s.label for s in Severity],
            parent=self,
        )
        self.memory_input.setToolTip(self.tr("Type 0 (none) to 3 (severe); Delete clears."))
        self._add_row(self.tr("&Memory or confusion afterwards"), self.memory_input)
        placeholder = _SETTING_PLACEHOLDERS.get(self._course.kind, "")
        if placeholder:
            placeholder = QCoreApplication.translate("SessionDialog", placeholder)
        #: A VNS or DBS device's setting, as the clinician wrote it
        self.setting_edit = make_line_edit(self.tr("Setting"), placeholder, self)
        self.setting_edit.setMinimumWidth(self.fontMetrics().horizontalAdvance(f"{placeholder}MM"))
        self._add_row(self.tr("&Setting"), self.setting_edit)

    def _show_fields_for_kind(self) -> None:
        kind = self._course.kind
        shown: dict[QWidget, bool] = {
            self._intensity_row: kind is CourseKind.TMS,
            self._side_effects_box: kind is CourseKind.TMS,
            self.other_effects_edit: kind is CourseKind.TMS,
            self.dose_combo: kind is CourseKind.ESKETAMINE,
            self.dose_spin: kind is CourseKind.IV_KETAMINE,
            self.placement_combo: kind is CourseKind.ECT,
            self.memory_input: kind is CourseKind.ECT,
            self.setting_edit: kind in (CourseKind.VNS, CourseKind.DBS),
        }
        for widget in self._esketamine_widgets():
            shown[widget] = kind is CourseKind.ESKETAMINE
        for widget, visible in shown.items():
            self._form.setRowVisible(widget, visible)

    def _esketamine_widgets(self) -> tuple[QWidget, ...]:
        return (
            self.bp_before_edit,
            self.bp_after_edit,
            self.ratings_hint,
            self.dissociation_input,
            self.nausea_input,
            self.sedation_input,
        )

    def _load(self, session: TreatmentSession) -> None:
        self.at_edit.setDateTime(_to_qdatetime(session.at))
        self.number_spin.setValue(session.number or 0)
        self.intensity_spin.setValue(round(session.intensity_percent or 0))
        others = []
        for name in session.side_effects:
            if name in self.side_effect_checks:
                self.side_effect_checks[name].setChecked(True)
            else:
                others.append(name)
        self.other_effects_edit.setText(", ".join(others))
        if session.dose_mg is not None and self.dose_combo.findData(session.dose_mg) < 0:
            self.dose_combo.addItem(format_dose(session.dose_mg, "mg"), session.dose_mg)
        self.dose_combo.setCurrentIndex(self.dose_combo.findData(session.dose_mg))
        self.dose_spin.setValue(session.dose_mg or 0)
        self.bp_before_edit.setText(format_blood_pressure(session.bp_before))
        self.bp_after_edit.setText(format_blood_pressure(session.bp_after))
        self.dissociation_input.set_value(session.dissociation)
        self.nausea_input.set_value(session.nausea)
        self.sedation_input.set_value(session.sedation)
        index = self.placement_combo.findData(session.electrode_placement)
        if index < 0:
            self.placement_combo.addItem(session.electrode_placement, session.electrode_placement)
            index = self.placement_combo.count() - 1
        self.placement_combo.setCurrentIndex(index)
        memory = session.memory_complaints
        self.memory_input.set_value(None if memory is None else memory.value)
        self.setting_edit.setText(session.setting)
        self.note_edit.setText(session.note)

    # -- accepting -----------------------------------------------------------------------

    def _validate(self) -> None:
        validate_session(self.session(), self._course, self._now)

    def _field_widget(self, field: str) -> QWidget | None:
        dose = self.dose_combo if self._course.kind is CourseKind.ESKETAMINE else self.dose_spin
        return {
            "at": self.at_edit,
            "number": self.number_spin,
            "intensity": self.intensity_spin,
            "dose": dose,
            "bp_before": self.bp_before_edit,
            "bp_after": self.bp_after_edit,
            "dissociation": self.dissociation_input,
            "nausea": self.nausea_input,
            "sedation": self.sedation_input,
        }.get(field)

    # -- result --------------------------------------------------------------------------

    def session(self) -> TreatmentSession:
        """The session as entered, with only the fields that apply to the course's kind.

        Raises :class:`InvalidEntry` while a blood pressure cannot be read (never once the
        dialog has been accepted).
        """
        number = self.number_spin.value()
        session = TreatmentSession(
            course_id=self._course_id,
            at=_to_datetime(self.at_edit.dateTime()),
            number=number or None,
            note=self.note_edit.text().strip(),
            id=self._existing.id if self._existing else None,
        )
        kind = self._course.kind
        if kind is CourseKind.TMS:
            intensity = self.intensity_spin.value()
            return replace(
                session,
                intensity_percent=float(intensity) if intensity else None,
                side_effects=self._side_effects(),
            )
        if kind is CourseKind.ESKETAMINE:
            dose = self.dose_combo.currentData()
            return replace(
                session,
                dose_mg=None if dose is None else float(dose),
                bp_before=parse_blood_pressure(self.bp_before_edit.text(), "bp_before"),
                bp_after=parse_blood_pressure(self.bp_after_edit.text(), "bp_after"),
                dissociation=self.dissociation_input.value(),
                nausea=self.nausea_input.value(),
                sedation=self.sedation_input.value(),
            )
        if kind is CourseKind.IV_KETAMINE:
            return replace(session, dose_mg=self.dose_spin.value() or None)
        if kind is CourseKind.ECT:
            memory = self.memory_input.value()
            return replace(
                session,
                electrode_placement=str(self.placement_combo.currentData()),
                memory_complaints=None if memory is None else Severity(memory),
            )
        if kind in (CourseKind.VNS, CourseKind.DBS):
            return replace(session, setting=self.setting_edit.text().strip())
        return session

    def _side_effects(self) -> tuple[str, ...]:
        ticked = [name for name, check in self.side_effect_checks.items() if check.isChecked()]
        typed = [part.strip() for part in self.other_effects_edit.text().split(",")]
        return tuple(ticked + [name for name in typed if name and name not in ticked])
