"""MainWindow: composes the Today, History, Treatment, Questionnaires and Charts views, the
always-visible "Get help now" button, menus and status bar; no logic."""

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QMainWindow,
    QMenu,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from moodlog.domain.clock import Clock
from moodlog.domain.errors import InvalidEntry
from moodlog.domain.list_names import clean_new_name
from moodlog.domain.scales import SCALES
from moodlog.domain.sleep import SleepMode
from moodlog.domain.trackers import TrackerKind
from moodlog.storage.diary_store import DiaryStore
from moodlog.ui.questionnaire_due_line import QuestionnaireDueLine
from moodlog.ui.questionnaire_flows import QuestionnaireFlows
from moodlog.ui.questionnaire_preferences import QuestionnairePreferences
from moodlog.ui.today_preferences import TodayPreferences
from moodlog.ui.today_view import TodayView

if TYPE_CHECKING:
    from moodlog.ui.about_dialog import AboutDialog
    from moodlog.ui.appointments_dialog import AppointmentsDialog
    from moodlog.ui.charts_view import ChartsView
    from moodlog.ui.checklist_dialog import ChecklistDialog, Item
    from moodlog.ui.delete_all_dialog import DeleteAllDialog
    from moodlog.ui.encryption_dialog import EncryptionDialog
    from moodlog.ui.export_dialog import ExportDialog
    from moodlog.ui.first_run import FirstRunDialog
    from moodlog.ui.history_view import HistoryView
    from moodlog.ui.import_dialog import ImportDialog
    from moodlog.ui.reminder_settings_dialog import ReminderSettingsDialog
    from moodlog.ui.report_dialog import ReportDialog
    from moodlog.ui.scores_view import ScoresView
    from moodlog.ui.settings_dialog import SettingsDialog
    from moodlog.ui.treatment_view import TreatmentView

# Where the window's size and place are kept between runs (QSettings).
GEOMETRY_KEY = "window/geometry"
# A name, the same in every language: never translated.
APP_NAME = "moodlog"


class MainWindow(QMainWindow):
    def __init__(
        self,
        store: DiaryStore,
        clock: Clock,
        settings: QSettings,
        diary_path: Path | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._diary_path = diary_path
        self._clock = clock
        self.setWindowTitle(APP_NAME)
        self.preferences = TodayPreferences(settings)
        self.questionnaire_preferences = QuestionnairePreferences(settings)
        self.today_view = TodayView(store, clock, self.preferences, self)
        self.flows = QuestionnaireFlows(store, clock, self.questionnaire_preferences, self)
        self.due_line = QuestionnaireDueLine(self.today_view)
        self.today_view.add_notice(self.due_line)
        # History is built the first time it is shown (see history_view): start-up then
        # pays for neither its widgets nor reading the whole diary.
        self._history: HistoryView | None = None
        self._history_page = self._lazy_page()
        # So is Treatment: its dialogs, timeline and the reference table load on first use.
        self._treatment: TreatmentView | None = None
        self._treatment_page = self._lazy_page()
        self._scores: ScoresView | None = None
        self._scores_page = self._lazy_page()
        # Charts: matplotlib (~0.4 s) loads when this tab is first shown, never at start-up.
        self._settings = settings
        self._charts: ChartsView | None = None
        self._charts_page = self._lazy_page()
        self.report_dialog: ReportDialog | None = None
        self.tabs = QTabWidget(self)
        #: The name of the page for the day being written (a tab), not the date.
        self.tabs.addTab(self.today_view, self.tr("&Today"))
        self.tabs.addTab(self._history_page, self.tr("Histor&y"))
        self.tabs.addTab(self._treatment_page, self.tr("T&reatment"))
        self.tabs.addTab(self._scores_page, self.tr("Quest&ionnaires"))
        self.tabs.addTab(self._charts_page, self.tr("&Charts"))
        self.tabs.setDocumentMode(True)
        # Always in view, whatever the page and whatever the scores (clinical-reference §0.2).
        self.help_button = QPushButton(self.tr("Get help now"), self.tabs)
        self.help_button.setAccessibleName(self.tr("Get help now"))
        self.help_button.setToolTip(
            self.tr("Crisis lines, your own contacts and your safety plan (Ctrl+H)")
        )
        self.help_button.setAutoDefault(False)
        self.tabs.setCornerWidget(self.help_button, Qt.Corner.TopRightCorner)
        self.setCentralWidget(self.tabs)
        self._build_menus()
        self.today_view.status.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.today_view.day_saved.connect(self._on_day_saved)
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.help_button.clicked.connect(self.flows.show_get_help)
        self.due_line.take_requested.connect(self.flows.take)
        self.flows.results_changed.connect(self._on_results_changed)
        self.flows.status.connect(lambda text: self.statusBar().showMessage(text, 8000))
        # refresh_due() runs once the window is up (the app schedules it; tests call it).
        self.statusBar().showMessage(
            self.tr("Type a digit to rate the focused scale; Ctrl+S saves.")
        )
        self._fit_to_screen()
        self._restore_geometry()
        # Ready to type: the first scale has the focus, so "6, Ctrl+S" records a day.
        self.today_view.check_in_panel.focus_first()

    def _fit_to_screen(self) -> None:
        """1280 x 800 where the screen allows it, else most of the available area."""
        screen = self.screen().availableGeometry()
        # Leave room for the window manager's frame and the desktop's panels.
        self.resize(min(1280, screen.width() * 95 // 100), min(800, screen.height() * 88 // 100))

    def _action(self, menu: QMenu, text: str, keys: list[str], slot: object) -> QAction:
        action = QAction(text, self)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        today = self.today_view
        # File: the diary as a whole (export; import and backups join it).
        self.file_menu = bar.addMenu(self.tr("&File"))
        self._action(self.file_menu, self.tr("&Export my diary…"), [], self.open_export)
        self._action(self.file_menu, self.tr("&Import from another app…"), [], self.open_import)
        # Privacy: both act on the diary file, so a diary kept in memory has neither.
        self.file_menu.addSeparator()
        encryption = self._action(self.file_menu, self.tr("Encr&yption…"), [], self.open_encryption)
        delete_all = self._action(
            self.file_menu, self.tr("&Delete all my data…"), [], self.open_delete_all
        )
        for action in (encryption, delete_all):
            action.setEnabled(self._diary_path is not None)
        diary = bar.addMenu(self.tr("&Diary"))
        #: Save the day being written (a verb).
        self._action(diary, self.tr("&Save"), ["Ctrl+S"], self._save)
        self._action(diary, self.tr("&New check-in"), ["Ctrl+N"], today.new_check_in)
        diary.addSeparator()
        self._action(diary, self.tr("&Delete check-in…"), [], today.delete_check_in)
        self._action(diary, self.tr("Delete &whole day…"), [], today.delete_day)
        self.undo_action = self._action(
            diary, self.tr("&Undo delete"), ["Ctrl+Z"], today.undo_delete
        )
        diary.addSeparator()
        self.take_phq9_action = self._action(
            diary, self.tr("Take the P&HQ-9…"), [], self.flows.take_phq9
        )
        self._action(diary, self.tr("Take the G&AD-7…"), [], self.flows.take_gad7)
        # A lambda: the action's `checked` argument must not arrive as the score to edit.
        self._action(
            diary, self.tr("&Enter a score from elsewhere…"), [], lambda: self.flows.enter_score()
        )
        diary.addSeparator()
        self._action(diary, self.tr("&Report for my clinician…"), ["Ctrl+P"], self.open_report)
        # "A&ppointments": Alt+A is "Take the G&AD-7…".
        self._action(diary, self.tr("A&ppointments and questions…"), [], self.open_appointments)
        diary.addSeparator()
        self._action(diary, self.tr("Se&ttings…"), ["Ctrl+,"], lambda: self.open_settings())
        self._action(diary, self.tr("&Quit"), ["Ctrl+Q"], self.close)
        go = bar.addMenu(self.tr("&Go"))
        self._action(
            go, self.tr("&Previous day"), ["Ctrl+Left", "Alt+Left"], lambda: self._move(-1)
        )
        self._action(go, self.tr("&Next day"), ["Ctrl+Right", "Alt+Right"], lambda: self._move(+1))
        #: In the Go menu: show today's date.
        self._action(
            go, self.tr("&Today", "go to today's date"), ["Ctrl+T", "Alt+Home"], self._show_today
        )
        self._action(go, self.tr("&Go to date…"), ["Ctrl+G"], self._go_to_date)
        go.addSeparator()
        self._action(go, self.tr("Today &view"), ["Ctrl+1"], lambda: self.tabs.setCurrentIndex(0))
        self._action(go, self.tr("&History"), ["Ctrl+2"], self.show_history)
        self._action(go, self.tr("T&reatment history"), ["Ctrl+3"], self.show_treatment)
        self._action(go, self.tr("Quest&ionnaires and scores"), ["Ctrl+4"], self.show_scores)
        self._action(go, self.tr("&Charts"), ["Ctrl+5"], self.show_charts)
        view = bar.addMenu(self.tr("&View"))
        scales_menu = view.addMenu(self.tr("&Scales on Today"))
        self.scale_actions: dict[str, QAction] = {}
        shown = set(self.preferences.shown_scales())
        for scale in SCALES:
            action = QAction(scale.label, self, checkable=True)
            action.setChecked(scale.key in shown)
            action.toggled.connect(self._on_scales_changed)
            scales_menu.addAction(action)
            self.scale_actions[scale.key] = action
        sleep_menu = view.addMenu(self.tr("Sleep &entry"))
        self.detailed_sleep_action = QAction(
            self.tr("&Detailed sleep diary by default"), self, checkable=True
        )
        self.detailed_sleep_action.setChecked(self.preferences.sleep_mode() is SleepMode.FULL)
        self.detailed_sleep_action.toggled.connect(self._on_sleep_mode_changed)
        sleep_menu.addAction(self.detailed_sleep_action)
        self._action(view, self.tr("Side &effects to track…"), [], self.choose_side_effects)
        self._action(view, self.tr("&Trackers…"), [], self.choose_trackers)
        self._action(view, self.tr("&Reminders…"), [], self.open_reminder_settings)
        help_menu = bar.addMenu(self.tr("&Help"))
        #: Opens crisis lines, the person's own contacts and their safety plan.
        self._action(help_menu, self.tr("&Get help now"), ["Ctrl+H"], self.flows.show_get_help)
        self._action(help_menu, self.tr("My &safety plan…"), [], self.flows.edit_safety_plan)
        help_menu.addSeparator()
        self._action(help_menu, self.tr("&User guide"), ["F1"], self.open_user_guide)
        self._action(help_menu, self.tr("&About moodlog"), [], self.open_about)
        today.side_effects_panel.manage_requested.connect(self.choose_side_effects)
        today.trackers_panel.manage_requested.connect(self.choose_trackers)
        today.adherence_panel.manage_requested.connect(self.show_treatment)

    # -- slots -------------------------------------------------------------------------------

    def _save(self) -> None:
        self.tabs.setCurrentWidget(self.today_view)
        self.today_view.save()

    def _move(self, delta: int) -> None:
        self.tabs.setCurrentWidget(self.today_view)
        self.today_view.move_days(delta)

    def _go_to_date(self) -> None:
        self.tabs.setCurrentWidget(self.today_view)
        self.today_view.date_edit.setFocus()

    def _show_today(self) -> None:
        self.tabs.setCurrentWidget(self.today_view)
        self.today_view.show_today()

    def open_day(self, day: date) -> None:
        self.tabs.setCurrentWidget(self.today_view)
        self.today_view.show_day(day)

    def _lazy_page(self) -> QWidget:
        """An empty tab page that a view fills the first time it is shown."""
        page = QWidget(self)
        QVBoxLayout(page).setContentsMargins(0, 0, 0, 0)
        return page

    @staticmethod
    def _mount(page: QWidget, view: QWidget) -> None:
        layout = page.layout()
        assert layout is not None
        layout.addWidget(view)
        view.show()  # the page may be on screen already

    @property
    def history_view(self) -> "HistoryView":
        """The History view, built on first use."""
        if self._history is None:
            from moodlog.ui.history_view import HistoryView

            self._history = HistoryView(self._store, self._clock, self._history_page)
            self._history.day_opened.connect(self.open_day)
            self._mount(self._history_page, self._history)
        return self._history

    def show_history(self) -> None:
        self.tabs.setCurrentWidget(self._history_page)

    @property
    def treatment_view(self) -> "TreatmentView":
        """The Treatment view, built on first use."""
        if self._treatment is None:
            from moodlog.ui.treatment_view import TreatmentView

            self._treatment = TreatmentView(self._store, self._clock, self._treatment_page)
            self._treatment.status.connect(lambda text: self.statusBar().showMessage(text, 8000))
            self._treatment.changed.connect(self.today_view.reload_lists)
            self._treatment.changed.connect(self.refresh_due)
            self._treatment.changed.connect(self._on_treatments_changed)
            self._mount(self._treatment_page, self._treatment)
        return self._treatment

    def show_treatment(self) -> None:
        self.tabs.setCurrentWidget(self._treatment_page)

    @property
    def scores_view(self) -> "ScoresView":
        """The Questionnaires view, built on first use."""
        if self._scores is None:
            from moodlog.ui.scores_view import ScoresView

            prefs = self.questionnaire_preferences
            view = ScoresView(self._store, self._clock, prefs.interval_days(), self._scores_page)
            view.status.connect(lambda text: self.statusBar().showMessage(text, 8000))
            view.take_requested.connect(self.flows.take)
            view.enter_total_requested.connect(self.flows.enter_score)
            view.interval_changed.connect(self._on_interval_changed)
            view.changed.connect(self._on_results_changed)
            self._scores = view
            self._mount(self._scores_page, view)
        return self._scores

    def show_scores(self) -> None:
        self.tabs.setCurrentWidget(self._scores_page)

    @property
    def charts_view(self) -> "ChartsView":
        """The Charts view, built on first use (that is when matplotlib loads)."""
        if self._charts is None:
            from moodlog.ui.charts_view import ChartsView

            view = ChartsView(self._store, self._clock, self._settings, self._charts_page)
            view.day_opened.connect(self.open_day)
            view.status.connect(lambda text: self.statusBar().showMessage(text, 8000))
            self._charts = view
            self._mount(self._charts_page, view)
        return self._charts

    def show_charts(self) -> None:
        self.tabs.setCurrentWidget(self._charts_page)

    def reload_diary(self) -> None:
        """Show the diary afresh after its file was replaced (a backup restored)."""
        self.today_view.reload_lists()
        self.today_view.show_day(self.today_view.day)
        for view in (self._history, self._treatment, self._scores, self._charts):
            if view is not None:
                view.mark_stale()  # a visible view reloads at once
        self.refresh_due()

    def refresh_due(self) -> None:
        """Say on Today whether a questionnaire is due; one questionnaire a day is enough,
        so nothing more is asked on a day one was taken."""
        today = self._clock().date()
        interval = self.questionnaire_preferences.interval_days()
        last_taken = self._store.questionnaires.last_taken()
        taken_today = today in last_taken.values()
        dues = [] if taken_today else self._store.questionnaire_dues(interval, today, last_taken)
        self.due_line.set_due(dues, today)

    def _on_interval_changed(self, days: int) -> None:
        self.questionnaire_preferences.set_interval_days(days)
        self.refresh_due()

    def _on_results_changed(self) -> None:
        self.refresh_due()
        if self._scores is not None:
            self._scores.mark_stale()  # a visible view reloads at once
        if self._treatment is not None:
            self._treatment.mark_stale()  # outcomes of courses and trials
        if self._charts is not None:
            self._charts.mark_stale()

    def _on_treatments_changed(self) -> None:
        if self._charts is not None:
            self._charts.mark_stale()

    def _on_day_saved(self, _day: date) -> None:
        # Adherence saved on Today changes the trial table too.
        for view in (self._history, self._treatment, self._charts):
            if view is not None:
                view.mark_stale()

    def _on_tab_changed(self, index: int) -> None:
        page = self.tabs.widget(index)
        if page is self._history_page:
            self.history_view.refresh_if_stale()
            self.history_view.select_day(self.today_view.day)
        elif page is self._scores_page:
            self.scores_view.refresh_if_stale()
        elif page is self._charts_page:
            self.charts_view.refresh_if_stale()
            self.statusBar().showMessage(
                self.tr("Charts: click a day and press Enter to open it; Ctrl + wheel zooms."),
                8000,
            )
        elif page is self._treatment_page:
            self.treatment_view.refresh_if_stale()
            self.statusBar().showMessage(
                self.tr("Treatment history: Tab moves through the timeline, lists and buttons."),
                8000,
            )

    def _on_scales_changed(self) -> None:
        keys = [key for key, action in self.scale_actions.items() if action.isChecked()]
        if not keys:  # keep at least one scale; say why the tick came back
            self.scale_actions["mood"].setChecked(True)
            self.statusBar().showMessage(
                self.tr("At least one scale stays on the Today view."), 8000
            )
            return
        self.today_view.set_shown_scales(keys)

    def _on_sleep_mode_changed(self, detailed: bool) -> None:
        self.preferences.set_sleep_mode(SleepMode.FULL if detailed else SleepMode.MINIMAL)
        if not self.today_view.has_unsaved_changes:
            self.today_view.show_day(self.today_view.day)

    def choose_side_effects(self) -> "ChecklistDialog":
        # Imported on first use: its widget classes cost ~15 ms to load at start-up.
        from moodlog.ui.checklist_dialog import ChecklistDialog

        def add(name: str, _kind: TrackerKind | None, _unit: str) -> "Item":
            existing = [e.name for e in self._store.side_effects()]
            effect = self._store.add_side_effect(clean_new_name(name, existing, "side effect"))
            return effect.id, effect.name, True

        items = [(e.id, e.name, e.is_tracked) for e in self._store.side_effects()]
        return self._open_checklist(
            ChecklistDialog(
                self.tr("Side effects to track"), items, add, with_kind=False, parent=self
            ),
            self._store.set_side_effect_tracked,
        )

    def choose_trackers(self) -> "ChecklistDialog":
        from moodlog.ui.checklist_dialog import ChecklistDialog

        def add(name: str, kind: TrackerKind | None, unit: str) -> "Item":
            existing = [t.name for t in self._store.trackers()]
            cleaned = clean_new_name(name, existing, "tracker")
            if len(unit) > 30:
                raise InvalidEntry(self.tr("Keep the unit under 30 characters."), "unit")
            tracker = self._store.add_tracker(cleaned, kind or TrackerKind.NUMBER, unit.strip())
            return tracker.id, tracker.name, True

        items = [(t.id, t.name, t.is_visible) for t in self._store.trackers()]
        return self._open_checklist(
            ChecklistDialog(self.tr("Trackers"), items, add, with_kind=True, parent=self),
            self._store.set_tracker_visible,
        )

    def _open_checklist(
        self, dialog: "ChecklistDialog", set_shown: Callable[[int, bool], None]
    ) -> "ChecklistDialog":
        """Show ``dialog`` (non-modal); when it closes, store the ticks and rebuild Today."""

        def apply() -> None:
            for item_id, shown in dialog.shown_ids().items():
                set_shown(item_id, shown)
            self.today_view.reload_lists()

        dialog.finished.connect(apply)
        dialog.open()
        return dialog

    def open_report(self) -> "ReportDialog":
        # Imported on first use, like the reports it writes (never at start-up).
        from moodlog.ui.report_dialog import ReportDialog

        if self.report_dialog is not None and not self.report_dialog.is_writing:
            self.report_dialog.deleteLater()  # one still writing stays: its worker reports to it
        self.report_dialog = ReportDialog(self._store, self._clock, self._settings, self)
        self.report_dialog.open()
        return self.report_dialog

    def open_settings(self, page: str = "") -> "SettingsDialog":
        """Settings, at the tab named ``page`` (e.g. "Reminders") when given."""
        from moodlog.ui.settings_dialog import SettingsDialog

        today = self.today_view
        dialog = SettingsDialog(
            self._settings,
            self._store,
            self._clock,
            self._diary_path,
            self,
            edit_safety_plan=self.flows.edit_safety_plan,
            manage_trackers=self.choose_trackers,
        )
        dialog.scales_changed.connect(self._show_scales)
        dialog.anchors_changed.connect(
            lambda key: today.check_in_panel.set_anchors(key, *self.preferences.anchors(key))
        )
        dialog.sleep_mode_changed.connect(
            lambda mode: self.detailed_sleep_action.setChecked(mode is SleepMode.FULL)
        )
        dialog.trackers_changed.connect(today.reload_lists)
        dialog.interval_changed.connect(self._show_interval)
        dialog.theme_changed.connect(self._on_treatments_changed)  # charts take the new colours
        dialog.clock_changed.connect(today.show_times)
        dialog.show_page(page)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _show_scales(self, keys: list[str]) -> None:
        for key, action in self.scale_actions.items():
            action.blockSignals(True)
            action.setChecked(key in keys)
            action.blockSignals(False)
        self.today_view.set_shown_scales(keys)

    def _show_interval(self, days: int) -> None:
        if self._scores is not None:  # its own choice follows (and stores the same days)
            self._scores.interval_combo.setCurrentIndex(self._scores.interval_combo.findData(days))
        self.refresh_due()

    def offer_first_run(self) -> "FirstRunDialog | None":
        """Welcome a new, empty diary, once (the app calls this when the window is up)."""
        from moodlog.ui.first_run import FirstRunDialog, first_run_is_due, mark_first_run_shown

        if not first_run_is_due(self._settings, self._store):
            return None
        mark_first_run_shown(self._settings)

        def add_medication() -> QDialog:
            self.show_treatment()
            return self.treatment_view.add_medication()

        dialog = FirstRunDialog(
            self._diary_path,
            self,
            import_history=self.open_import,
            add_medication=add_medication,
            set_reminder=lambda: self.open_settings("Reminders"),
        )
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def open_reminder_settings(self) -> "ReminderSettingsDialog":
        from moodlog.ui.reminder_settings_dialog import ReminderSettingsDialog

        dialog = ReminderSettingsDialog(
            self._store, self._clock, self._settings, self._diary_path, parent=self
        )
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def open_appointments(self) -> "AppointmentsDialog":
        from moodlog.ui.appointments_dialog import AppointmentsDialog

        dialog = AppointmentsDialog(self._store.appointments, self._clock, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def open_encryption(self) -> "EncryptionDialog":
        from moodlog.ui.encryption_dialog import EncryptionDialog

        assert self._diary_path is not None  # the action is off for a diary in memory
        dialog = EncryptionDialog(self._store, self._diary_path, self._clock, self)
        dialog.accepted.connect(lambda: self.statusBar().showMessage(dialog.outcome, 15000))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def open_delete_all(self) -> "DeleteAllDialog":
        from moodlog.ui.delete_all_dialog import DeleteAllDialog

        assert self._diary_path is not None
        dialog = DeleteAllDialog(self._store, self._diary_path, self._clock, self)
        dialog.accepted.connect(self._delete_all_data)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _delete_all_data(self) -> None:
        """Delete the diary's files, then close moodlog (see delete_all_dialog.py for why
        it doesn't start again with an empty diary) and clear its settings."""
        from moodlog.ui.delete_all_dialog import delete_all_data

        assert self._diary_path is not None
        self.today_view.discard_draft()  # the form's unsaved edits go with the diary
        delete_all_data(self._store, self._diary_path, self)
        QApplication.setQuitOnLastWindowClosed(True)  # a reminder tray doesn't keep it running
        self.close()
        self._settings.clear()  # after close(), which stores the window's size
        self._settings.sync()

    def open_export(self) -> "ExportDialog":
        from moodlog.ui.export_dialog import ExportDialog

        dialog = ExportDialog(self._store, self._clock, self._settings, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def open_import(self) -> "ImportDialog":
        from moodlog.ui.import_dialog import ImportDialog

        dialog = ImportDialog(self._store, self._clock, self, self._diary_path)
        # Imported (or undone) check-ins show in History and Charts the next time they show.
        dialog.diary_changed.connect(lambda: self._on_day_saved(self._clock().date()))
        # A moodlog export merged or replacing the diary may change anything: reload it all.
        dialog.whole_diary_changed.connect(self.reload_diary)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def open_about(self) -> "AboutDialog":
        from moodlog.ui.about_dialog import AboutDialog

        dialog = AboutDialog(self._diary_path, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def open_user_guide(self) -> bool:
        from moodlog.ui.user_guide import open_user_guide

        return open_user_guide(self)

    def _restore_geometry(self) -> None:
        """The size and place the window had when it was last closed, if it still fits."""
        saved = self._settings.value(GEOMETRY_KEY)
        if isinstance(saved, QByteArray) and not saved.isEmpty():
            self.restoreGeometry(saved)

    @override
    def closeEvent(self, event: QCloseEvent) -> None:
        # Unsaved edits stay as the day's draft; they come back the next time.
        self.today_view.write_draft()
        self._settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        super().closeEvent(event)
