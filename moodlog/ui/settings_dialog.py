"""SettingsDialog (Diary › Settings…, Ctrl+,): the preferences that were spread over menus and
views, on one page each.

Every change applies at once and is kept: choices when they are made, words when the field
is left (and when the dialog closes). Preferences go to QSettings through the existing
preference classes; what is personal (the name or ID on reports, the safety plan and the
crisis contacts, which trackers Today shows) stays in the diary.
"""

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from moodlog.domain.clock import Clock
from moodlog.domain.scales import SCALES
from moodlog.domain.sleep import SleepMode
from moodlog.storage.diary_store import DiaryStore
from moodlog.storage.errors import StorageError
from moodlog.ui.app_theme import apply_theme
from moodlog.ui.appearance_preferences import (
    AppearancePreferences,
    ClockStyle,
    Theme,
    WeekStart,
)
from moodlog.ui.clock_style import apply_clock_style
from moodlog.ui.form_dialog import buddy_label, make_choice_combo, make_note_label
from moodlog.ui.questionnaire_preferences import QuestionnairePreferences
from moodlog.ui.reminder_settings_page import ReminderSettingsPage
from moodlog.ui.report_preferences import ReportPreferences
from moodlog.ui.today_preferences import TodayPreferences
from moodlog.ui.week_start import apply_week_start

ANCHOR_MAX_LENGTH = 40
_NAME_MAX_LENGTH = 80


class SettingsDialog(QDialog):
    """One tab per kind of preference; see the module's docstring.

    Public inputs: ``tabs``; Today: ``scale_checks`` and ``anchor_edits`` (key → (low, high));
    Sleep and trackers: ``quick_sleep_radio``, ``full_sleep_radio``, ``tracker_list``,
    ``trackers_button``; Questionnaires: ``interval_combo``, ``one_page_check``; Safety plan:
    ``safety_summary``, ``safety_plan_button``; Report: ``report_name_edit``,
    ``paper_combo``; Appearance: ``theme_combo``, ``week_start_combo``, ``clock_combo``;
    ``error_label``,
    ``button_box`` (Close).

    Signals (the window brings its views up to date):
        scales_changed(list): the keys of the scales Today shows.
        anchors_changed(str): the key of a scale whose end words changed.
        sleep_mode_changed(object): the new :class:`SleepMode`.
        trackers_changed(): which trackers Today shows changed.
        interval_changed(int): days between questionnaires.
        theme_changed(): the application has a new palette.
        clock_changed(): times are now written in the other clock (24-hour or 12-hour).
    """

    scales_changed = Signal(list)
    anchors_changed = Signal(str)
    sleep_mode_changed = Signal(object)
    trackers_changed = Signal()
    interval_changed = Signal(int)
    theme_changed = Signal()
    clock_changed = Signal()

    def __init__(
        self,
        settings: QSettings,
        store: DiaryStore,
        clock: Clock,
        diary_path: Path | None,
        parent: QWidget | None = None,
        *,
        edit_safety_plan: Callable[[], QDialog] | None = None,
        manage_trackers: Callable[[], QDialog] | None = None,
        tray_available: bool | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self._settings = settings
        self._store = store
        self._clock = clock
        self._diary_path = diary_path
        self._tray_available = tray_available
        self._edit_safety_plan = edit_safety_plan
        self._manage_trackers = manage_trackers
        self._today = TodayPreferences(settings)
        self._questionnaires = QuestionnairePreferences(settings)
        self._report = ReportPreferences(settings)
        self._appearance = AppearancePreferences(settings)
        self._loading = True
        self._build_layout()
        self._load()
        self._loading = False
        self._connect_signals()

    # -- building ----------------------------------------------------------------------------

    def _build_layout(self) -> None:
        outer = QVBoxLayout(self)
        self.tabs = QTabWidget(self)
        self.reminder_page = self._build_reminder_page()
        # (page, its name for show_page (never translated), its tab's text)
        pages: list[tuple[QWidget, str, str]] = [
            #: The tab for the Today view's choices (the page's name, not the date).
            (self._scroll(self._build_today_page()), "Today", self.tr("T&oday")),
            (self._build_sleep_page(), "Sleep and trackers", self.tr("S&leep and trackers")),
            (self._build_questionnaire_page(), "Questionnaires", self.tr("Q&uestionnaires")),
            (self._build_safety_page(), "Safety plan", self.tr("Safety &plan")),
            (self._build_report_page(), "Report", self.tr("&Report")),
            (self._build_appearance_page(), "Appearance", self.tr("App&earance")),
            (self.reminder_page, "Reminders", self.tr("Re&minders")),
        ]
        self._page_names: list[str] = []
        for page, name, text in pages:
            self.tabs.addTab(page, text)
            self._page_names.append(name)
        outer.addWidget(self.tabs, 1)
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setAccessibleName(self.tr("Problem"))
        self.error_label.hide()
        outer.addWidget(self.error_label)
        self.button_box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.button_box.button(QDialogButtonBox.StandardButton.Close).setAccessibleDescription(
            self.tr("Close this window; your choices here are already kept")
        )
        outer.addWidget(self.button_box)
        # Every tab's name in view, no scroll arrows.
        margins = outer.contentsMargins()
        tabs_width = self.tabs.tabBar().sizeHint().width() + self.fontMetrics().height() * 2
        self.setMinimumWidth(tabs_width + margins.left() + margins.right())

    def _scroll(self, page: QWidget) -> QScrollArea:
        """``page`` in a frameless scroll area, for when the window is short."""
        area = QScrollArea(self)
        area.setWidgetResizable(True)
        area.setFrameShape(QScrollArea.Shape.NoFrame)
        area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        area.setWidget(page)
        # The tab's own ground shows through (setWidget turned the page's fill on).
        area.viewport().setAutoFillBackground(False)
        page.setAutoFillBackground(False)
        return area

    def _build_today_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.addWidget(
            make_note_label(
                self.tr(
                    "Tick the scales the Today view asks about. The words at each end say what "
                    "0 and 10 mean to you; leave a field blank for the usual words. Hidden "
                    "scales keep what you rated before."
                ),
                page,
            )
        )
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.addWidget(QLabel(self.tr("<b>Scale</b>"), page), 0, 0)
        grid.addWidget(QLabel(self.tr("<b>Words at 0</b>"), page), 0, 1)
        grid.addWidget(QLabel(self.tr("<b>Words at 10</b>"), page), 0, 2)
        self.scale_checks: dict[str, QCheckBox] = {}
        self.anchor_edits: dict[str, tuple[QLineEdit, QLineEdit]] = {}
        for row, scale in enumerate(SCALES, start=1):
            check = QCheckBox(scale.label, page)
            check.setToolTip(scale.question)
            low_name = self.tr("{scale}: words at 0").format(scale=scale.label)
            high_name = self.tr("{scale}: words at 10").format(scale=scale.label)
            low = self._anchor_edit(low_name, scale.low, page)
            high = self._anchor_edit(high_name, scale.high, page)
            grid.addWidget(check, row, 0)
            grid.addWidget(low, row, 1)
            grid.addWidget(high, row, 2)
            self.scale_checks[scale.key] = check
            self.anchor_edits[scale.key] = (low, high)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        layout.addLayout(grid)
        layout.addStretch(1)
        return page

    @staticmethod
    def _anchor_edit(name: str, usual: str, parent: QWidget) -> QLineEdit:
        edit = QLineEdit(parent)
        edit.setAccessibleName(name)
        edit.setPlaceholderText(usual)
        edit.setMaxLength(ANCHOR_MAX_LENGTH)
        edit.setClearButtonEnabled(True)
        return edit

    def _build_sleep_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        sleep_box = QGroupBox(self.tr("Sleep entry on Today"), page)
        sleep_layout = QVBoxLayout(sleep_box)
        self.quick_sleep_radio = QRadioButton(
            self.tr("&Quick: hours slept and how well"), sleep_box
        )
        self.full_sleep_radio = QRadioButton(
            self.tr("&Detailed sleep diary: bedtime, waking, time awake at night"), sleep_box
        )
        self.quick_sleep_radio.setAccessibleDescription(
            self.tr("Today asks only how long and how well you slept")
        )
        self.full_sleep_radio.setAccessibleDescription(
            self.tr("Today asks the times and minutes of a full sleep diary")
        )
        self._sleep_group = QButtonGroup(self)
        self._sleep_group.addButton(self.quick_sleep_radio)
        self._sleep_group.addButton(self.full_sleep_radio)
        sleep_layout.addWidget(self.quick_sleep_radio)
        sleep_layout.addWidget(self.full_sleep_radio)
        sleep_layout.addWidget(
            make_note_label(
                self.tr("Either way, you can switch for one night on Today."), sleep_box
            )
        )
        layout.addWidget(sleep_box)
        trackers_box = QGroupBox(self.tr("Trackers on Today"), page)
        trackers_layout = QVBoxLayout(trackers_box)
        self.tracker_list = QListWidget(trackers_box)
        self.tracker_list.setAccessibleName(self.tr("Trackers shown on Today"))
        self.tracker_list.setAccessibleDescription(
            self.tr("Ticked trackers appear on Today; Space ticks or unticks one")
        )
        list_label = buddy_label(
            self.tr("Tic&k the trackers Today shows:"), self.tracker_list, trackers_box
        )
        self.trackers_button = QPushButton(self.tr("Add a &tracker…"), trackers_box)
        self.trackers_button.setAccessibleDescription(
            self.tr("Opens the list of trackers, where you can add your own")
        )
        self.trackers_button.setVisible(self._manage_trackers is not None)
        self.trackers_button.setAutoDefault(False)
        trackers_layout.addWidget(list_label)
        trackers_layout.addWidget(self.tracker_list, 1)
        trackers_layout.addWidget(self.trackers_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(trackers_box, 1)
        return page

    def _build_questionnaire_page(self) -> QWidget:
        from moodlog.domain.questionnaire_schedule import INTERVALS_DAYS

        page = QWidget(self)
        layout = QVBoxLayout(page)
        form = QFormLayout()
        self.interval_combo = QComboBox(page)
        for days in INTERVALS_DAYS:
            # Every choice is a week or more: no "1 day".
            self.interval_combo.addItem(self.tr("{days} days").format(days=days), days)
        self.interval_combo.setAccessibleName(self.tr("Suggest a questionnaire every"))
        self.interval_combo.setAccessibleDescription(
            self.tr("How often Today says a PHQ-9 or GAD-7 is due")
        )
        form.addRow(
            buddy_label(self.tr("&Suggest a questionnaire every"), self.interval_combo, page),
            self.interval_combo,
        )
        layout.addLayout(form)
        layout.addWidget(
            make_note_label(
                self.tr(
                    "Today says when a PHQ-9 or GAD-7 is due; it is never more than one a day. "
                    "Your answers stay in your diary."
                ),
                page,
            )
        )
        self.one_page_check = QCheckBox(self.tr("Show &all the questions on one page"), page)
        self.one_page_check.setAccessibleDescription(
            self.tr("Questionnaires open with every question at once instead of one at a time")
        )
        layout.addWidget(self.one_page_check)
        layout.addStretch(1)
        return page

    def _build_safety_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.addWidget(
            make_note_label(
                self.tr(
                    "Your safety plan and your own crisis contacts are kept in your diary, on "
                    "this computer only. “Get help now” (Ctrl+H) shows them, with the crisis "
                    "lines."
                ),
                page,
            )
        )
        self.safety_summary = QLabel(page)
        self.safety_summary.setWordWrap(True)
        self.safety_summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.safety_summary.setAccessibleName(self.tr("Your safety plan and contacts"))
        layout.addWidget(self.safety_summary)
        self.safety_plan_button = QPushButton(self.tr("Edit my safety plan and &contacts…"), page)
        self.safety_plan_button.setAccessibleDescription(
            self.tr("Opens your safety plan and your own crisis contacts to change them")
        )
        self.safety_plan_button.setVisible(self._edit_safety_plan is not None)
        self.safety_plan_button.setAutoDefault(False)
        layout.addWidget(self.safety_plan_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        return page

    def _build_report_page(self) -> QWidget:
        from moodlog.reports.report_period import PaperSize

        page = QWidget(self)
        layout = QVBoxLayout(page)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.report_name_edit = QLineEdit(page)
        self.report_name_edit.setAccessibleName(self.tr("Name or ID on reports"))
        self.report_name_edit.setPlaceholderText(
            self.tr("Optional, e.g. your name or clinic number")
        )
        self.report_name_edit.setMaxLength(_NAME_MAX_LENGTH)
        form.addRow(
            buddy_label(self.tr("&Name or ID"), self.report_name_edit, page), self.report_name_edit
        )
        self.paper_combo = make_choice_combo(self.tr("Paper size"), PaperSize, page)
        self.paper_combo.setAccessibleDescription(
            self.tr("The paper size reports are laid out for")
        )
        form.addRow(buddy_label(self.tr("Paper &size"), self.paper_combo, page), self.paper_combo)
        layout.addLayout(form)
        layout.addWidget(
            make_note_label(
                self.tr(
                    "Used for the report for your clinician (Ctrl+P), where you can still change "
                    "them. The name or ID is kept in your diary, not in moodlog's settings."
                ),
                page,
            )
        )
        layout.addStretch(1)
        return page

    def _build_appearance_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        form = QFormLayout()
        self.theme_combo = make_choice_combo(self.tr("Colours"), Theme, page)
        self.theme_combo.setAccessibleDescription(
            self.tr("Light or dark colours, or the same as the rest of your computer")
        )
        form.addRow(buddy_label(self.tr("&Colours"), self.theme_combo, page), self.theme_combo)
        self.week_start_combo = make_choice_combo(self.tr("Weeks start on"), WeekStart, page)
        self.week_start_combo.setAccessibleDescription(
            self.tr("The first day of the week in every calendar")
        )
        form.addRow(
            buddy_label(self.tr("&Weeks start on"), self.week_start_combo, page),
            self.week_start_combo,
        )
        self.clock_combo = make_choice_combo(self.tr("Clock"), ClockStyle, page)
        self.clock_combo.setAccessibleDescription(
            self.tr("How times are written: 21:30, or 9:30 pm")
        )
        form.addRow(buddy_label(self.tr("Cloc&k"), self.clock_combo, page), self.clock_combo)
        layout.addLayout(form)
        layout.addWidget(
            make_note_label(
                self.tr(
                    "Light and dark use moodlog's own colours, readable in both. Weeks start "
                    "on this day in every calendar. Times are written with this clock "
                    "everywhere, and you can type them either way."
                ),
                page,
            )
        )
        layout.addStretch(1)
        return page

    def _build_reminder_page(self) -> ReminderSettingsPage:
        """The reminders page (it keeps its choices, and tells the tray, as they change)."""
        return ReminderSettingsPage(
            self._settings,
            self,
            store=self._store,
            clock=self._clock,
            diary_path=self._diary_path,
            tray_available=self._tray_available,
        )

    def show_page(self, name: str) -> None:
        """Show the tab called ``name`` in English ("Reminders"), if there is one: the name
        stays the same in every language."""
        if name in self._page_names:
            self.tabs.setCurrentIndex(self._page_names.index(name))

    # -- loading -------------------------------------------------------------------------------

    def _load(self) -> None:
        shown = set(self._today.shown_scales())
        for key, check in self.scale_checks.items():
            check.setChecked(key in shown)
            low, high = self._today.anchors(key)
            low_edit, high_edit = self.anchor_edits[key]
            low_edit.setText("" if low == low_edit.placeholderText() else low)
            high_edit.setText("" if high == high_edit.placeholderText() else high)
        full = self._today.sleep_mode() is SleepMode.FULL
        self.full_sleep_radio.setChecked(full)
        self.quick_sleep_radio.setChecked(not full)
        self._load_trackers()
        self.interval_combo.setCurrentIndex(
            self.interval_combo.findData(self._questionnaires.interval_days())
        )
        self.one_page_check.setChecked(self._questionnaires.all_on_one_page())
        self._load_safety_summary()
        self.report_name_edit.setText(self._store.appointments.report_name())
        self.paper_combo.setCurrentIndex(self.paper_combo.findData(self._report.paper()))
        self.theme_combo.setCurrentIndex(self.theme_combo.findData(self._appearance.theme()))
        self.week_start_combo.setCurrentIndex(
            self.week_start_combo.findData(self._appearance.week_start())
        )
        self.clock_combo.setCurrentIndex(self.clock_combo.findData(self._appearance.clock_style()))

    def _load_trackers(self) -> None:
        self.tracker_list.blockSignals(True)
        self.tracker_list.clear()
        for tracker in self._store.trackers():
            text = f"{tracker.label} ({tracker.unit_label})" if tracker.unit else tracker.label
            item = QListWidgetItem(text, self.tracker_list)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if tracker.is_visible else Qt.CheckState.Unchecked
            )
            item.setData(Qt.ItemDataRole.UserRole, tracker.id)
        self.tracker_list.blockSignals(False)

    def _load_safety_summary(self) -> None:
        questionnaires = self._store.questionnaires
        plan, contacts = questionnaires.safety_plan(), questionnaires.crisis_contacts()
        written = len(plan.written_sections)
        if written == 0:
            lines = [self.tr("You have not written a safety plan yet.")]
        elif written == 1:
            lines = [self.tr("Your safety plan has 1 part written.")]
        else:
            lines = [self.tr("Your safety plan has {count} parts written.").format(count=written)]
        people = [
            #: A contact on the safety plan: their name (or "Someone I trust"), then the number.
            self.tr("{name}: {phone}").format(name=name or self.tr("Someone I trust"), phone=phone)
            if phone
            else name
            for name, phone in (
                (contacts.trusted_name, contacts.trusted_phone),
                (contacts.clinician_name, contacts.clinician_phone),
            )
            if name or phone
        ]
        if contacts.emergency_number:
            people.append(
                self.tr("Emergency number: {number}").format(number=contacts.emergency_number)
            )
        lines.append(
            #: {contacts}: the person's contacts, separated by "; ".
            self.tr("Your contacts: {contacts}.").format(contacts="; ".join(people))
            if people
            else self.tr("You have not added your own contacts yet.")
        )
        self.safety_summary.setText("\n".join(lines))

    # -- changes -------------------------------------------------------------------------------

    def _connect_signals(self) -> None:
        for check in self.scale_checks.values():
            check.toggled.connect(self._on_scale_toggled)
        for key, (low, high) in self.anchor_edits.items():
            low.editingFinished.connect(lambda k=key: self._apply_anchors(k))
            high.editingFinished.connect(lambda k=key: self._apply_anchors(k))
        self.quick_sleep_radio.toggled.connect(self._on_sleep_mode)
        self.tracker_list.itemChanged.connect(self._on_tracker_ticked)
        self.trackers_button.clicked.connect(self._open_trackers)
        self.interval_combo.currentIndexChanged.connect(self._on_interval)
        self.one_page_check.toggled.connect(self._questionnaires.set_all_on_one_page)
        self.safety_plan_button.clicked.connect(self._open_safety_plan)
        self.report_name_edit.editingFinished.connect(self._apply_report_name)
        self.paper_combo.currentIndexChanged.connect(self._on_paper)
        self.theme_combo.currentIndexChanged.connect(self._on_theme)
        self.week_start_combo.currentIndexChanged.connect(self._on_week_start)
        self.clock_combo.currentIndexChanged.connect(self._on_clock)
        self.button_box.rejected.connect(self.reject)

    def _on_scale_toggled(self) -> None:
        keys = [key for key, check in self.scale_checks.items() if check.isChecked()]
        if not keys:  # keep at least one scale, and say why the tick came back
            self.scale_checks[SCALES[0].key].setChecked(True)
            self._show_error(self.tr("At least one scale stays on the Today view."))
            return
        self._show_error("")
        self._today.set_shown_scales(keys)
        self.scales_changed.emit(keys)

    def _apply_anchors(self, key: str) -> None:
        low_edit, high_edit = self.anchor_edits[key]
        before = self._today.anchors(key)
        self._today.set_anchors(key, low_edit.text(), high_edit.text())
        if self._today.anchors(key) != before:
            self.anchors_changed.emit(key)

    def _on_sleep_mode(self) -> None:
        mode = SleepMode.MINIMAL if self.quick_sleep_radio.isChecked() else SleepMode.FULL
        if mode is not self._today.sleep_mode():
            self._today.set_sleep_mode(mode)
            self.sleep_mode_changed.emit(mode)

    def _on_tracker_ticked(self, item: QListWidgetItem) -> None:
        tracker_id = int(item.data(Qt.ItemDataRole.UserRole))
        shown = item.checkState() == Qt.CheckState.Checked
        try:
            self._store.set_tracker_visible(tracker_id, shown)
        except StorageError as error:
            self._show_error(error.message)
            self._load_trackers()  # the ticks show what the diary holds
            return
        self._show_error("")
        self.trackers_changed.emit()

    def _open_trackers(self) -> None:
        assert self._manage_trackers is not None
        dialog = self._manage_trackers()
        dialog.finished.connect(self._load_trackers)

    def _on_interval(self) -> None:
        days = int(self.interval_combo.currentData())
        self._questionnaires.set_interval_days(days)
        self.interval_changed.emit(days)

    def _open_safety_plan(self) -> None:
        assert self._edit_safety_plan is not None
        dialog = self._edit_safety_plan()
        dialog.finished.connect(self._load_safety_summary)

    def _apply_report_name(self) -> None:
        name = self.report_name_edit.text().strip()
        appointments = self._store.appointments
        if name == appointments.report_name():
            return
        try:
            appointments.set_report_name(name)
        except StorageError as error:
            self._show_error(error.message)  # what was typed stays in the field
            return
        self._show_error("")

    def _on_paper(self) -> None:
        from moodlog.reports.report_period import PaperSize

        self._report.set_paper(PaperSize(self.paper_combo.currentData()))  # kept as a str

    def _on_theme(self) -> None:
        theme = Theme(self.theme_combo.currentData())
        self._appearance.set_theme(theme)
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        apply_theme(app, theme)
        self.theme_changed.emit()

    def _on_week_start(self) -> None:
        week_start = WeekStart(self.week_start_combo.currentData())
        self._appearance.set_week_start(week_start)
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        apply_week_start(app, week_start)

    def _on_clock(self) -> None:
        clock_style = ClockStyle(self.clock_combo.currentData())
        self._appearance.set_clock_style(clock_style)
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        apply_clock_style(app, clock_style)
        self.clock_changed.emit()

    def _show_error(self, message: str) -> None:
        self.error_label.setText(f"⚠ {message}" if message else "")
        self.error_label.setVisible(bool(message))

    # -- closing -------------------------------------------------------------------------------

    def apply_pending(self) -> None:
        """Keep words still being typed (their field was not left yet)."""
        for key in self.anchor_edits:
            self._apply_anchors(key)
        self._apply_report_name()

    @override
    def done(self, result: int) -> None:
        """Close (the button, Esc or the window's close box) keeps what is pending first."""
        self.apply_pending()
        super().done(result)
