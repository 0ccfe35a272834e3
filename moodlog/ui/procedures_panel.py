"""ProceduresPanel: treatment courses (TMS, esketamine, ECT, therapy …) and the sessions of
the one selected."""

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QCoreApplication, Signal, SignalInstance
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from moodlog.domain.clock_text import time_text
from moodlog.domain.course_outcome import CourseOutcome
from moodlog.domain.day_text import day_text
from moodlog.domain.translation import QT_TRANSLATE_NOOP
from moodlog.domain.treatments import CourseKind, TreatmentCourse, TreatmentSession, option_text
from moodlog.ui.record_table import make_record_table

_COURSE_COLUMNS = (
    QT_TRANSLATE_NOOP("ProceduresPanel", "Course"),
    QT_TRANSLATE_NOOP("ProceduresPanel", "Started"),
    QT_TRANSLATE_NOOP("ProceduresPanel", "Ended"),
    QT_TRANSLATE_NOOP("ProceduresPanel", "Sessions"),
    QT_TRANSLATE_NOOP("ProceduresPanel", "How well it helped (your rating)"),
    QT_TRANSLATE_NOOP("ProceduresPanel", "Scores before → after"),
)
_SESSION_COLUMNS = (
    #: Column heading: the session's number
    QT_TRANSLATE_NOOP("ProceduresPanel", "n"),
    QT_TRANSLATE_NOOP("ProceduresPanel", "When"),
    QT_TRANSLATE_NOOP("ProceduresPanel", "Details"),
    QT_TRANSLATE_NOOP("ProceduresPanel", "Note"),
)


def _headings(columns: Sequence[str]) -> list[str]:
    return [QCoreApplication.translate("ProceduresPanel", column) for column in columns]


def outcomes_text(outcomes: Sequence[CourseOutcome]) -> str:
    """Every scale measured before and after (the PHQ-9 and, say, the clinic's MADRS), one
    per line; else why the PHQ-9 could not be compared."""
    measured = [o.text for o in outcomes if o.is_measured]
    if measured:
        return "\n".join(measured)
    return outcomes[0].text if outcomes else ""


def session_details(session: TreatmentSession, kind: CourseKind) -> str:
    """The session's kind-specific fields in one line."""
    parts: list[str] = []
    if session.intensity_percent is not None:
        parts.append(
            QCoreApplication.translate("ProceduresPanel", "{percent}% of motor threshold").format(
                percent=f"{session.intensity_percent:g}"
            )
        )
    if session.dose_mg is not None:
        parts.append(f"{session.dose_mg:g} mg")
    if session.bp_before is not None or session.bp_after is not None:
        before = str(session.bp_before) if session.bp_before else "?"
        after = str(session.bp_after) if session.bp_after else "?"
        #: BP: blood pressure
        parts.append(
            QCoreApplication.translate("ProceduresPanel", "BP {before} → {after}").format(
                before=before, after=after
            )
        )
    ratings = (
        (session.dissociation, QT_TRANSLATE_NOOP("ProceduresPanel", "dissociation {value}/10")),
        (session.nausea, QT_TRANSLATE_NOOP("ProceduresPanel", "nausea {value}/10")),
        (session.sedation, QT_TRANSLATE_NOOP("ProceduresPanel", "sedation {value}/10")),
    )
    for value, text in ratings:
        if value is not None:
            parts.append(QCoreApplication.translate("ProceduresPanel", text).format(value=value))
    if session.electrode_placement:
        parts.append(option_text(session.electrode_placement))
    if session.memory_complaints is not None:
        parts.append(
            QCoreApplication.translate("ProceduresPanel", "memory/confusion: {severity}").format(
                severity=session.memory_complaints.label.lower()
            )
        )
    if session.side_effects:
        parts.append(", ".join(option_text(name) for name in session.side_effects).lower())
    if session.setting:
        parts.append(session.setting)
    del kind  # every field that applies is already set only for its kind
    return " · ".join(parts)


class ProceduresPanel(QWidget):
    """Signals carry the course or session acted on."""

    add_course_requested = Signal()
    edit_course_requested = Signal(object)
    delete_course_requested = Signal(object)
    log_session_requested = Signal(object)
    edit_session_requested = Signal(object)
    delete_session_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._courses: list[TreatmentCourse] = []
        self._sessions: dict[int, list[TreatmentSession]] = {}
        self._build_layout()
        self._connect_signals()
        self._refresh_buttons()

    def _build_layout(self) -> None:
        layout = QVBoxLayout(self)
        self.courses_table = make_record_table(
            _headings(_COURSE_COLUMNS), self.tr("Treatment courses"), self
        )
        self.courses_table.setAccessibleDescription(
            self.tr(
                "Your treatment courses, such as TMS, ECT or therapy: dates, sessions and how "
                "well each helped; Enter logs a session of the chosen course"
            )
        )
        rows = self.fontMetrics().height() * 2 * 4  # room for four courses at least
        self.courses_table.setMinimumHeight(rows)
        layout.addWidget(self.courses_table, 1)
        course_buttons = QHBoxLayout()
        self.add_course_button = QPushButton(self.tr("Add &course…"), self)
        self.log_session_button = QPushButton(self.tr("&Log session…"), self)
        self.edit_course_button = QPushButton(self.tr("Edit c&ourse…"), self)
        self.delete_course_button = QPushButton(self.tr("Delete course…"), self)
        described = (
            (self.add_course_button, self.tr("Add a course of treatment or therapy")),
            (self.log_session_button, self.tr("Record a session of the chosen course")),
            (self.edit_course_button, self.tr("Change the details of the chosen course")),
            (
                self.delete_course_button,
                self.tr("Remove the chosen course and its sessions from the diary"),
            ),
        )
        for button, description in described:
            button.setAccessibleDescription(description)
            course_buttons.addWidget(button)
        course_buttons.addStretch(1)
        layout.addLayout(course_buttons)
        self.sessions_label = QLabel(self.tr("Sessions"), self)
        layout.addWidget(self.sessions_label)
        self.sessions_table = make_record_table(
            _headings(_SESSION_COLUMNS), self.tr("Sessions of the selected course"), self
        )
        self.sessions_label.setBuddy(self.sessions_table)
        self.sessions_table.setAccessibleDescription(
            self.tr(
                "The sessions of the course chosen above, with their details and notes; "
                "Enter opens one to change it"
            )
        )
        layout.addWidget(self.sessions_table, 3)
        session_buttons = QHBoxLayout()
        self.edit_session_button = QPushButton(self.tr("Edit se&ssion…"), self)
        self.edit_session_button.setAccessibleDescription(
            self.tr("Change the details of the chosen session")
        )
        self.delete_session_button = QPushButton(self.tr("Delete session…"), self)
        self.delete_session_button.setAccessibleDescription(
            self.tr("Remove the chosen session from the diary")
        )
        session_buttons.addWidget(self.edit_session_button)
        session_buttons.addWidget(self.delete_session_button)
        session_buttons.addStretch(1)
        layout.addLayout(session_buttons)

    def _connect_signals(self) -> None:
        self.add_course_button.clicked.connect(self.add_course_requested)
        self.log_session_button.clicked.connect(
            lambda: self._emit_course(self.log_session_requested)
        )
        self.edit_course_button.clicked.connect(
            lambda: self._emit_course(self.edit_course_requested)
        )
        self.delete_course_button.clicked.connect(
            lambda: self._emit_course(self.delete_course_requested)
        )
        self.edit_session_button.clicked.connect(
            lambda: self._emit_session(self.edit_session_requested)
        )
        self.delete_session_button.clicked.connect(
            lambda: self._emit_session(self.delete_session_requested)
        )
        self.courses_table.itemSelectionChanged.connect(self._show_sessions)
        self.courses_table.itemActivated.connect(
            lambda _item: self._emit_course(self.log_session_requested)
        )
        self.sessions_table.itemSelectionChanged.connect(self._refresh_buttons)
        self.sessions_table.itemActivated.connect(
            lambda _item: self._emit_session(self.edit_session_requested)
        )

    def _emit_course(self, signal: SignalInstance) -> None:
        course = self.current_course()
        if course is not None:
            signal.emit(course)

    def _emit_session(self, signal: SignalInstance) -> None:
        session = self.current_session()
        if session is not None:
            signal.emit(session)

    def _refresh_buttons(self) -> None:
        has_course = self.current_course() is not None
        for button in (
            self.log_session_button,
            self.edit_course_button,
            self.delete_course_button,
        ):
            button.setEnabled(has_course)
        has_session = self.current_session() is not None
        self.edit_session_button.setEnabled(has_session)
        self.delete_session_button.setEnabled(has_session)

    # -- content -------------------------------------------------------------------------

    def set_courses(
        self,
        courses: list[TreatmentCourse],
        sessions: Sequence[TreatmentSession],
        outcomes: Mapping[int, Sequence[CourseOutcome]] | None = None,
    ) -> None:
        """Newest course first; keeps the selection. ``outcomes`` (by course id) are the
        questionnaire outcomes shown beside the person's own rating."""
        outcomes = outcomes or {}
        selected = self.current_course()
        self._courses = sorted(courses, key=lambda c: c.started, reverse=True)
        self._sessions = {}
        for session in sessions:
            self._sessions.setdefault(session.course_id, []).append(session)
        self.courses_table.setRowCount(len(self._courses))
        for row, course in enumerate(self._courses):
            logged = len(self._sessions.get(course.id or 0, []))
            if course.planned_sessions:
                #: Sessions logged of those planned, e.g. "12 of 30"
                count = self.tr("{logged} of {planned}").format(
                    logged=logged, planned=course.planned_sessions
                )
            else:
                count = str(logged)
            cells = (
                course.title,
                day_text(course.started),
                day_text(course.ended) or self.tr("ongoing"),
                count,
                course.benefit.label if course.benefit is not None else "",
                outcomes_text(outcomes.get(course.id or 0, ())),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 0 and course.note:
                    item.setToolTip(course.note)
                elif column == len(cells) - 1 and text:
                    item.setToolTip(text)
                self.courses_table.setItem(row, column, item)
        if selected is not None and selected.id is not None:
            self.select_course(selected.id)
        elif self._courses:
            self.courses_table.selectRow(0)
        self._show_sessions()

    def select_course(self, course_id: int) -> None:
        for row, course in enumerate(self._courses):
            if course.id == course_id:
                self.courses_table.selectRow(row)
                return

    def current_course(self) -> TreatmentCourse | None:
        rows = self.courses_table.selectionModel().selectedRows()
        return self._courses[rows[0].row()] if rows else None

    def _current_sessions(self) -> list[TreatmentSession]:
        course = self.current_course()
        if course is None:
            return []
        return sorted(self._sessions.get(course.id or 0, []), key=lambda s: s.at, reverse=True)

    def current_session(self) -> TreatmentSession | None:
        rows = self.sessions_table.selectionModel().selectedRows()
        sessions = self._current_sessions()
        return sessions[rows[0].row()] if rows and rows[0].row() < len(sessions) else None

    def _show_sessions(self) -> None:
        course = self.current_course()
        sessions = self._current_sessions()
        if course is None:
            self.sessions_label.setText(self.tr("Sessions"))
        else:
            words = course.kind.sessions_word
            #: e.g. "Sessions of TMS · iTBS (theta burst) (12)"
            title = self.tr("{sessions} of {course} ({count})").format(
                sessions=words[:1].upper() + words[1:], course=course.title, count=len(sessions)
            )
            self.sessions_label.setText(title)
        self.sessions_table.setRowCount(len(sessions))
        for row, session in enumerate(sessions):
            cells = (
                str(session.number or ""),
                f"{day_text(session.day)} {time_text(session.at.time())}",
                session_details(session, course.kind) if course else "",
                session.note,
            )
            for column, text in enumerate(cells):
                self.sessions_table.setItem(row, column, QTableWidgetItem(text))
        self._refresh_buttons()
