"""TreatmentView: the treatment history — a timeline of every medication and procedure, the
medication list with pharmacogenetic results, courses and their sessions, each trial's
adequacy with the treatment-resistance summary, and suspected causes of side effects.

The view is thin: dialogs turn input into domain objects, the store writes them, and
:meth:`refresh` redraws everything from the diary.
"""

from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from moodlog.domain.clock import Clock
from moodlog.domain.clock_text import time_text
from moodlog.domain.course_outcome import measured_outcomes
from moodlog.domain.day_text import day_text
from moodlog.domain.medication_reference import MedicationReference, load_medication_reference
from moodlog.domain.medications import Medication
from moodlog.domain.pharmacogenetics import PgxResult
from moodlog.domain.pharmacogenomic_notes import guideline_notes, load_gene_drug_guidelines
from moodlog.domain.session_counts import session_count
from moodlog.domain.side_effect_onset import describe_onset, onset_search_start
from moodlog.domain.translation import QT_TRANSLATE_NOOP
from moodlog.domain.trd_staging import summarise_trd, treatment_starts, with_measured_outcome
from moodlog.domain.treatments import TreatmentCourse, TreatmentSession
from moodlog.domain.trial_adequacy import assess_trial
from moodlog.storage.diary_store import DiaryStore
from moodlog.storage.errors import StorageError
from moodlog.ui import dialogs
from moodlog.ui.course_dialog import CourseDialog
from moodlog.ui.diary_view import DiaryView
from moodlog.ui.dose_change_dialog import DoseChangeDialog
from moodlog.ui.episode_dialog import EpisodeDialog
from moodlog.ui.medication_dialog import MedicationDialog
from moodlog.ui.medications_panel import MedicationsPanel
from moodlog.ui.message_banner import BannerKind, MessageBanner
from moodlog.ui.past_trial_dialog import PastTrialDialog
from moodlog.ui.pgx_dialog import PgxDialog
from moodlog.ui.procedures_panel import ProceduresPanel
from moodlog.ui.session_dialog import SessionDialog
from moodlog.ui.side_effect_causes_panel import SideEffectCausesPanel, parse_cause
from moodlog.ui.stop_medication_dialog import StopMedicationDialog
from moodlog.ui.trd_summary_panel import TrdSummaryPanel
from moodlog.ui.treatment_timeline import TreatmentTimeline

# The timeline's spans: (days back from today, label); 0 is the whole history.
RANGES = (
    #: The timeline shows the whole treatment history
    (0, QT_TRANSLATE_NOOP("TreatmentView", "All")),
    (3 * 365, QT_TRANSLATE_NOOP("TreatmentView", "3 years")),
    (365, QT_TRANSLATE_NOOP("TreatmentView", "1 year")),
    (91, QT_TRANSLATE_NOOP("TreatmentView", "3 months")),
)


_T = TypeVar("_T")


class TreatmentView(DiaryView):
    """Signals:
    changed(): medications or treatments changed (the Today view lists them).
    status(str): a short message for the status bar.
    """

    changed = Signal()
    status = Signal(str)

    def __init__(self, store: DiaryStore, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._clock = clock
        self._reference: MedicationReference = load_medication_reference()
        self.dialog: QDialog | None = None  # the dialog open now, for tests and focus
        self._build_layout()
        self._connect_signals()
        self.refresh()

    # -- layout --------------------------------------------------------------------------

    def _build_layout(self) -> None:
        layout = QVBoxLayout(self)
        header = QHBoxLayout()
        title = QLabel(self.tr("Treatment history"), self)
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        title.setFont(font)
        header.addWidget(title)
        header.addStretch(1)
        self.log_session_button = QPushButton(self.tr("&Log today's session…"), self)
        self.log_session_button.setToolTip(
            self.tr("Log a session of your latest ongoing course (TMS, esketamine, ECT …)")
        )
        header.addWidget(self.log_session_button)
        layout.addLayout(header)
        self.banner = MessageBanner(self)
        layout.addWidget(self.banner)
        self.disclaimer = QLabel(
            self.tr(
                "moodlog records what you took and how it went. It does not give dosing advice; "
                "talk to your prescriber before changing a medication."
            ),
            self,
        )
        self.disclaimer.setWordWrap(True)
        layout.addWidget(self.disclaimer)

        layout.addLayout(self._build_range_bar())
        self.splitter = splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.timeline = TreatmentTimeline(splitter)
        timeline_scroll = QScrollArea(splitter)
        timeline_scroll.setWidgetResizable(True)
        timeline_scroll.setWidget(self.timeline)
        timeline_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        splitter.addWidget(timeline_scroll)
        self.tabs = QTabWidget(splitter)
        self.medications_panel = MedicationsPanel(self.tabs)
        self.procedures_panel = ProceduresPanel(self.tabs)
        self.summary_panel = TrdSummaryPanel(self.tabs)
        self.causes_panel = SideEffectCausesPanel(self.tabs)
        self.tabs.addTab(self.medications_panel, self.tr("Medi&cations"))
        self.tabs.addTab(self.procedures_panel, self.tr("&Procedures and therapy"))
        self.tabs.addTab(self.summary_panel, self.tr("Trials and &adequacy"))
        self.tabs.addTab(self.causes_panel, self.tr("Side-effect ca&uses"))
        splitter.addWidget(self.tabs)
        splitter.setChildrenCollapsible(False)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout.addWidget(splitter, 1)
        self._sized = False

    @override
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._sized:  # the timeline gets the room its lanes need, up to 45%
            self._sized = True
            total = sum(self.splitter.sizes())
            wanted = self.timeline.sizeHint().height() + 8
            top = max(120, min(wanted, total * 45 // 100))
            self.splitter.setSizes([top, total - top])

    def _build_range_bar(self) -> QHBoxLayout:
        """Buttons choosing how much of the history the timeline shows."""
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Timeline shows:"), self))
        self.range_buttons = QButtonGroup(self)
        descriptions = {
            0: self.tr("Show your whole treatment history on the timeline"),
            3 * 365: self.tr("Show the last 3 years on the timeline"),
            365: self.tr("Show the last year on the timeline"),
            91: self.tr("Show the last 3 months on the timeline"),
        }
        for days, source in RANGES:
            text = QCoreApplication.translate("TreatmentView", source)
            button = QToolButton(self)
            button.setText(text)
            button.setCheckable(True)
            button.setAccessibleName(self.tr("Timeline: {span}").format(span=text))
            button.setAccessibleDescription(descriptions[days])
            self.range_buttons.addButton(button, days)
            bar.addWidget(button)
        self.range_buttons.button(0).setChecked(True)
        bar.addWidget(
            QLabel(
                self.tr("Ctrl + mouse wheel or Ctrl + +/− zooms; Enter on a lane opens it."), self
            )
        )
        bar.addStretch(1)
        return bar

    def _apply_range(self) -> None:
        days = self.range_buttons.checkedId()
        if days <= 0:
            self.timeline.reset_range()
        else:
            today = self._clock().date()
            self.timeline.set_range(today - timedelta(days=days), today)

    def _connect_signals(self) -> None:
        self.log_session_button.clicked.connect(self.log_session_of_latest_course)
        meds = self.medications_panel
        meds.add_requested.connect(self.add_medication)
        meds.add_past_requested.connect(self.add_past_trial)
        meds.change_dose_requested.connect(self.change_dose)
        meds.stop_requested.connect(self.stop_medication)
        meds.edit_requested.connect(self.edit_medication)
        meds.delete_requested.connect(self.delete_medication)
        meds.add_pgx_requested.connect(self.add_pgx_result)
        meds.remove_pgx_requested.connect(self.remove_pgx_result)
        procs = self.procedures_panel
        procs.add_course_requested.connect(self.add_course)
        procs.edit_course_requested.connect(self.edit_course)
        procs.delete_course_requested.connect(self.delete_course)
        procs.log_session_requested.connect(self.log_session)
        procs.edit_session_requested.connect(self.edit_session)
        procs.delete_session_requested.connect(self.delete_session)
        self.summary_panel.episode_requested.connect(self.set_episode)
        self.causes_panel.cause_changed.connect(self._on_cause_changed)
        self.timeline.lane_activated.connect(self._on_lane_activated)
        self.range_buttons.idClicked.connect(lambda _id: self._apply_range())

    # -- showing -------------------------------------------------------------------------

    def refresh(self) -> None:
        """Redraw everything from the diary."""
        self._refreshed()
        today = self._clock().date()
        treatments = self._store.treatments
        medications = treatments.medications()
        courses = treatments.courses()
        sessions = treatments.sessions()
        adherence = treatments.adherence_by_medication()
        episode = treatments.episode()
        results = treatments.pgx_results()
        self.timeline.set_history(medications, courses, sessions, today)
        self._apply_range()  # keep the span the person chose
        self.medications_panel.set_medications(medications)
        current_names = [m.name for m in medications if m.is_current]
        notes = guideline_notes(
            results, current_names, load_gene_drug_guidelines(), reference=self._reference
        )
        self.medications_panel.set_pgx(results, notes)
        scores = self._store.questionnaires.results()
        starts = treatment_starts(medications, courses)
        outcomes = {
            course.id or 0: measured_outcomes(scores, course.started, course.ended, today, starts)
            for course in courses
        }
        self.procedures_panel.set_courses(courses, sessions, outcomes)
        summary = summarise_trd(
            medications, adherence, courses, sessions, episode, today, scores=scores
        )
        # The summary assessed the episode's trials already; assess only the earlier ones.
        assessed = {a.medication.id: a for a in summary.assessments}
        trials = [
            assessed.get(m.id)
            or with_measured_outcome(
                assess_trial(m, adherence.get(m.id or 0, {}), today), scores, today, starts
            )
            for m in medications
        ]
        self.summary_panel.set_summary(summary, trials)
        self._refresh_causes(medications, courses)
        ongoing = [c for c in courses if c.ended is None]
        self.log_session_button.setEnabled(bool(ongoing))

    def _refresh_causes(
        self, medications: list[Medication], courses: list[TreatmentCourse]
    ) -> None:
        effects = self._store.side_effects()
        by_medication = {m.id: m for m in medications}
        by_course = {c.id: c for c in courses}
        onsets: dict[int, str] = {}
        for effect in effects:
            cause: Medication | TreatmentCourse | None = None
            if effect.suspected_medication_id is not None:
                cause = by_medication.get(effect.suspected_medication_id)
            elif effect.suspected_course_id is not None:
                cause = by_course.get(effect.suspected_course_id)
            if cause is not None:
                first = self._store.first_rated_day(effect.id, onset_search_start(cause))
                onsets[effect.id] = describe_onset(first, cause)
        self.causes_panel.set_items(effects, medications, courses, onsets)

    def _on_lane_activated(self, item: object) -> None:
        if isinstance(item, Medication) and item.id is not None:
            self.tabs.setCurrentWidget(self.medications_panel)
            self.medications_panel.select_medication(item.id)
            self.medications_panel.table.setFocus()
        elif isinstance(item, TreatmentCourse) and item.id is not None:
            self.tabs.setCurrentWidget(self.procedures_panel)
            self.procedures_panel.select_course(item.id)
            self.procedures_panel.courses_table.setFocus()

    # -- writing -------------------------------------------------------------------------

    def _write(
        self,
        action: Callable[[], _T],
        message: str | Callable[[_T], str],
        then: Callable[[_T], None] | None = None,
    ) -> bool:
        """Run one store write; on success refresh, run ``then`` with what the write
        returned (e.g. select the new row) and say so (``message`` may be worked out from
        that result); on failure show what to do."""
        try:
            result = action()
        except StorageError as error:
            self.banner.show_message(error.message, BannerKind.WARNING)
            return False
        self.refresh()
        if then is not None:
            then(result)
        if callable(message):
            message = message(result)
        self.banner.show_message(message, BannerKind.SUCCESS)
        self.status.emit(message)
        self.changed.emit()
        return True

    def _open(self, dialog: QDialog, on_accept: Callable[[], bool]) -> QDialog:
        """Show ``dialog`` window-modal; ``on_accept`` writes its result when it is accepted.
        If the write fails, the dialog comes back with everything as typed."""
        self.dialog = dialog

        def finished(code: int) -> None:
            if code == QDialog.DialogCode.Accepted and not on_accept():
                dialog.open()  # the banner says what went wrong; nothing typed is lost
                return
            if self.dialog is dialog:
                self.dialog = None
            dialog.deleteLater()

        dialog.finished.connect(finished)
        dialog.open()
        return dialog

    # -- medications -----------------------------------------------------------------------

    def add_medication(self) -> QDialog:
        dialog = MedicationDialog(self._clock().date(), self._reference, parent=self)

        def save() -> bool:
            medication = dialog.medication()
            return self._write(
                lambda: self._store.treatments.add_medication(medication, self._clock()),
                self.tr("{name} added.").format(name=medication.name),
                # selected, ready for Change dose
                then=lambda saved: self.medications_panel.select_medication(saved.id or 0),
            )

        return self._open(dialog, save)

    def add_past_trial(self) -> QDialog:
        dialog = PastTrialDialog(self._clock().date(), self._reference, parent=self)

        def save_one(medication: Medication) -> bool:
            return self._write(
                lambda: self._store.treatments.add_medication(medication, self._clock()),
                self.tr("Earlier trial of {name} added.").format(name=medication.name),
            )

        dialog.trial_added.connect(save_one)
        return self._open(dialog, lambda: save_one(dialog.medication()))

    def edit_medication(self, medication: Medication) -> QDialog:
        dialog = MedicationDialog(
            self._clock().date(), self._reference, existing=medication, parent=self
        )

        def save() -> bool:
            changed = dialog.medication()
            return self._write(
                lambda: self._store.treatments.update_medication(changed, self._clock()),
                self.tr("{name} updated.").format(name=changed.name),
            )

        return self._open(dialog, save)

    def change_dose(self, medication: Medication) -> QDialog:
        dialog = DoseChangeDialog(medication, self._clock().date(), parent=self)

        def save() -> bool:
            step = dialog.step()
            assert medication.id is not None
            return self._write(
                lambda: self._store.treatments.change_dose(medication.id or 0, step, self._clock()),
                self.tr("{name}: {dose} {unit} from {day}.").format(
                    name=medication.name,
                    dose=f"{step.dose:g}",
                    unit=medication.unit,
                    day=day_text(step.start),
                ),
            )

        return self._open(dialog, save)

    def stop_medication(self, medication: Medication) -> QDialog:
        dialog = StopMedicationDialog(medication, self._clock().date(), parent=self)

        def save() -> bool:
            stopped, reason, benefit = dialog.stopped()
            return self._write(
                lambda: self._store.treatments.stop_medication(
                    medication.id or 0, stopped, reason, benefit, self._clock()
                ),
                self.tr("{name} recorded as stopped.").format(name=medication.name),
            )

        return self._open(dialog, save)

    def delete_medication(self, medication: Medication) -> None:
        if not dialogs.confirm(
            self,
            self.tr("Delete medication"),
            self.tr(
                "Delete {name} with its dose history and the days you recorded "
                "taking it? This cannot be undone. (To record that you stopped taking it, use "
                "Stop instead.)"
            ).format(name=medication.name),
            self.tr("Delete"),
        ):
            return
        self._write(
            lambda: self._store.treatments.delete_medication(medication.id or 0),
            self.tr("{name} deleted.").format(name=medication.name),
        )

    # -- pharmacogenetics ------------------------------------------------------------------

    def add_pgx_result(self) -> QDialog:
        dialog = PgxDialog(self._clock().date(), parent=self)

        def save() -> bool:
            result = dialog.pgx_result()
            return self._write(
                lambda: self._store.treatments.add_pgx_result(result),
                self.tr("{gene} result added.").format(gene=result.gene),
            )

        return self._open(dialog, save)

    def remove_pgx_result(self, result: PgxResult) -> None:
        if not dialogs.confirm(
            self,
            self.tr("Remove test result"),
            self.tr("Remove the {gene} result?").format(gene=result.gene),
            self.tr("Remove"),
        ):
            return
        self._write(
            lambda: self._store.treatments.delete_pgx_result(result.id or 0),
            self.tr("{gene} result removed.").format(gene=result.gene),
        )

    # -- courses and sessions --------------------------------------------------------------

    def add_course(self) -> QDialog:
        dialog = CourseDialog(self._clock().date(), parent=self)

        def save() -> bool:
            course = dialog.course()
            return self._write(
                lambda: self._store.treatments.add_course(course, self._clock()),
                self.tr("{course} added.").format(course=course.title),
                then=self._show_course,
            )

        return self._open(dialog, save)

    def _show_course(self, course: TreatmentCourse) -> None:
        self.tabs.setCurrentWidget(self.procedures_panel)
        self.procedures_panel.select_course(course.id or 0)

    def edit_course(self, course: TreatmentCourse) -> QDialog:
        dialog = CourseDialog(self._clock().date(), existing=course, parent=self)

        def save() -> bool:
            changed = dialog.course()
            return self._write(
                lambda: self._store.treatments.update_course(changed, self._clock()),
                self.tr("{course} updated.").format(course=changed.title),
            )

        return self._open(dialog, save)

    def delete_course(self, course: TreatmentCourse) -> None:
        count = len(self._store.treatments.sessions(course.id))
        if not dialogs.confirm(
            self,
            self.tr("Delete course"),
            #: {sessions} is a count, e.g. "12 sessions" or "1 infusion"
            self.tr("Delete {course} and its {sessions}? This cannot be undone.").format(
                course=course.title, sessions=session_count(course.kind, count)
            ),
            self.tr("Delete"),
        ):
            return
        self._write(
            lambda: self._store.treatments.delete_course(course.id or 0),
            self.tr("{course} deleted.").format(course=course.title),
        )

    def log_session_of_latest_course(self) -> QDialog | None:
        ongoing = [c for c in self._store.treatments.courses() if c.ended is None]
        if not ongoing:
            self.status.emit(self.tr("There is no ongoing course. Add one under Procedures."))
            return None
        return self.log_session(max(ongoing, key=lambda c: c.started))

    def log_session(self, course: TreatmentCourse) -> QDialog:
        assert course.id is not None
        number = self._store.treatments.next_session_number(course.id)
        dialog = SessionDialog(course, number, self._clock(), parent=self)

        def logged(saved: TreatmentSession) -> str:
            kind, word = course.kind.label, course.kind.session_word
            if course.planned_sessions:
                #: e.g. "TMS session 3 of 30 logged."
                return self.tr("{kind} {session} {number} of {planned} logged.").format(
                    kind=kind, session=word, number=saved.number, planned=course.planned_sessions
                )
            #: e.g. "TMS session 3 logged."
            return self.tr("{kind} {session} {number} logged.").format(
                kind=kind, session=word, number=saved.number
            )

        def save() -> bool:
            session = dialog.session()
            return self._write(
                lambda: self._store.treatments.add_session(session, self._clock()),
                logged,
                then=lambda _saved: self.procedures_panel.select_course(course.id or 0),
            )

        return self._open(dialog, save)

    def edit_session(self, session: TreatmentSession) -> QDialog:
        course = self._store.treatments.course(session.course_id)
        dialog = SessionDialog(
            course, session.number or 1, self._clock(), existing=session, parent=self
        )

        def save() -> bool:
            changed = replace(dialog.session(), id=session.id)
            return self._write(
                lambda: self._store.treatments.update_session(changed, self._clock()),
                #: e.g. "Session 3 updated."
                self.tr("{session} {number} updated.").format(
                    session=course.kind.session_word.capitalize(), number=changed.number or ""
                ),
            )

        return self._open(dialog, save)

    def delete_session(self, session: TreatmentSession) -> None:
        if not dialogs.confirm(
            self,
            self.tr("Delete session"),
            #: e.g. "Delete session 3 of 2 Mar 2026 09:30?"
            self.tr("Delete session {number} of {day} {time}?").format(
                number=session.number or "",
                day=day_text(session.day),
                time=time_text(session.at.time()),
            ),
            self.tr("Delete"),
        ):
            return
        self._write(
            lambda: self._store.treatments.delete_session(session.id or 0),
            self.tr("Session deleted."),
        )

    # -- episode and causes ----------------------------------------------------------------

    def set_episode(self) -> QDialog:
        dialog = EpisodeDialog(self._store.treatments.episode(), self._clock().date(), parent=self)

        def save() -> bool:
            episode = dialog.episode()
            return self._write(
                lambda: self._store.treatments.set_episode(episode), self.tr("Episode saved.")
            )

        return self._open(dialog, save)

    def _on_cause_changed(self, effect_id: int, cause: str) -> None:
        """Save the cause and update that row's onset only (the combo keeps the focus)."""
        medication_id, course_id = parse_cause(cause)
        try:
            self._store.set_side_effect_cause(effect_id, medication_id, course_id)
        except StorageError as error:
            self.banner.show_message(error.message, BannerKind.WARNING)
            return
        suspect: Medication | TreatmentCourse | None = None
        if medication_id is not None:
            suspect = self._store.treatments.medication(medication_id)
        elif course_id is not None:
            suspect = self._store.treatments.course(course_id)
        text = ""
        if suspect is not None:
            first = self._store.first_rated_day(effect_id, onset_search_start(suspect))
            text = describe_onset(first, suspect)
        self.causes_panel.onset_labels[effect_id].setText(text)
        self.status.emit(self.tr("Suspected cause saved."))
