"""TodayView: enter or edit one day (check-ins, sleep, side effects, trackers) fast.

Unsaved edits are written as a draft to the diary a moment after each change, so closing
the window, switching days or a crash never loses what was typed.
"""

import json
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QDate, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from moodlog.domain.check_in import validate_check_in
from moodlog.domain.clock import Clock
from moodlog.domain.clock_text import time_text
from moodlog.domain.day_entry import DayEntry, DayRecord
from moodlog.domain.errors import InvalidEntry
from moodlog.domain.scales import SCALES
from moodlog.domain.sleep import measure_sleep
from moodlog.domain.trackers import validate_tracker_value
from moodlog.storage.diary_store import DiaryStore
from moodlog.storage.errors import StorageError
from moodlog.ui import dialogs
from moodlog.ui.adherence_panel import AdherencePanel
from moodlog.ui.check_in_panel import CheckInPanel
from moodlog.ui.message_banner import BannerKind, MessageBanner
from moodlog.ui.qt_dates import to_qdate
from moodlog.ui.side_effects_panel import SideEffectsPanel
from moodlog.ui.sleep_panel import SleepPanel
from moodlog.ui.today_preferences import TodayPreferences
from moodlog.ui.trackers_panel import TrackersPanel

DRAFT_DELAY_MS = 400
DRAFT_VERSION = 1


class TodayView(QWidget):
    """Signals:
    day_saved(object): a ``date`` whose data changed (saved, deleted or restored).
    status(str): a short message for the status bar.
    """

    day_saved = Signal(object)
    status = Signal(str)

    def __init__(
        self,
        store: DiaryStore,
        clock: Clock,
        preferences: TodayPreferences,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._clock = clock
        self._preferences = preferences
        self._day = clock().date()
        self._record = DayRecord(self._day, [], None, {}, {})
        self._check_in_id: int | None = None
        self._loading = False
        self._dirty = False
        self._undo: list[DayRecord] = []
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_DELAY_MS)
        self._build_layout()
        self._connect_signals()
        self._load_checklists()
        self.show_day(self._day)  # lists the day's medications and fills every panel

    # -- layout --------------------------------------------------------------------------

    def _build_layout(self) -> None:
        outer = QVBoxLayout(self)
        outer.addLayout(self._build_header())
        outer.addLayout(self._build_check_in_bar())
        self.banner = MessageBanner(self)
        outer.addWidget(self.banner)
        self._notices = QVBoxLayout()  # quiet lines the window adds (a questionnaire due)
        self._notices.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(self._notices)
        columns = QWidget(self)
        row = QHBoxLayout(columns)
        anchors = {scale.key: self._preferences.anchors(scale.key) for scale in SCALES}
        self.check_in_panel = CheckInPanel(
            self._preferences.shown_scales(), columns, anchors=anchors
        )
        right = QVBoxLayout()
        self.sleep_panel = SleepPanel(self._preferences.sleep_mode(), columns)
        self.side_effects_panel = SideEffectsPanel(columns)
        self.trackers_panel = TrackersPanel(columns)
        self.adherence_panel = AdherencePanel(columns)
        right.addWidget(self.sleep_panel)
        right.addWidget(self.adherence_panel)
        right.addWidget(self.trackers_panel)
        right.addWidget(self.side_effects_panel)
        right.addStretch(1)
        row.addWidget(self.check_in_panel, 1)
        row.addLayout(right, 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        # Tab moves through the fields (the area follows the focus), not to the area itself.
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setAccessibleName(self.tr("The day's entries"))
        scroll.setWidget(columns)
        outer.addWidget(scroll, 1)
        outer.addLayout(self._build_footer())

    def _build_header(self) -> QHBoxLayout:
        header = QHBoxLayout()
        self.previous_button = QPushButton(self.tr("◀ &Previous day"), self)
        self.previous_button.setToolTip(self.tr("Previous day (Ctrl+Left or Alt+Left)"))
        self.title_label = QLabel(self)
        font = QFont(self.title_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.title_label.setFont(font)
        self.title_label.setAccessibleName(self.tr("Day shown"))
        self.next_button = QPushButton(self.tr("Ne&xt day ▶"), self)
        self.next_button.setToolTip(self.tr("Next day (Ctrl+Right or Alt+Right)"))
        self.today_button = QPushButton(self.tr("T&oday"), self)
        self.today_button.setToolTip(self.tr("Go back to today (Ctrl+T or Alt+Home)"))
        self.date_edit = QDateEdit(self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setAccessibleName(self.tr("Go to date"))
        self.date_edit.setToolTip(self.tr("Go to any earlier day (Ctrl+G)"))
        self.date_edit.setDisplayFormat("d MMM yyyy")
        header.addWidget(self.previous_button)
        header.addWidget(self.title_label, 1, Qt.AlignmentFlag.AlignCenter)
        header.addWidget(self.next_button)
        header.addWidget(self.today_button)
        header.addWidget(self.date_edit)
        return header

    def _build_check_in_bar(self) -> QHBoxLayout:
        self._check_in_bar = QHBoxLayout()
        self._check_in_bar.addWidget(QLabel(self.tr("Check-ins:"), self))
        self._check_in_buttons = QButtonGroup(self)
        self._check_in_buttons.setExclusive(True)
        self._chips_layout = QHBoxLayout()
        self._check_in_bar.addLayout(self._chips_layout)
        self.new_check_in_button = QPushButton(self.tr("+ &New check-in"), self)
        self.new_check_in_button.setToolTip(self.tr("Add another check-in for this day (Ctrl+N)"))
        self._check_in_bar.addWidget(self.new_check_in_button)
        self._check_in_bar.addStretch(1)
        return self._check_in_bar

    def _build_footer(self) -> QHBoxLayout:
        footer = QHBoxLayout()
        self.delete_button = QPushButton(self.tr("Delete chec&k-in…"), self)
        self.delete_button.setAccessibleDescription(
            self.tr("Remove the check-in shown, after asking; you can undo it")
        )
        self.save_state_label = QLabel(self)
        self.save_state_label.setAccessibleName(self.tr("Save state"))
        self.save_button = QPushButton(self.tr("&Save"), self)
        self.save_button.setDefault(True)
        self.save_button.setToolTip(self.tr("Save this day (Ctrl+S)"))
        footer.addWidget(self.delete_button)
        footer.addStretch(1)
        footer.addWidget(self.save_state_label)
        footer.addWidget(self.save_button)
        return footer

    def _connect_signals(self) -> None:
        self.previous_button.clicked.connect(lambda: self.move_days(-1))
        self.next_button.clicked.connect(lambda: self.move_days(+1))
        self.today_button.clicked.connect(self.show_today)
        self.date_edit.dateChanged.connect(self._on_date_picked)
        self.new_check_in_button.clicked.connect(self.new_check_in)
        self.delete_button.clicked.connect(self.delete_check_in)
        self.save_button.clicked.connect(self.save)
        self._check_in_buttons.idClicked.connect(self._on_check_in_chosen)
        for panel in (
            self.check_in_panel,
            self.sleep_panel,
            self.side_effects_panel,
            self.trackers_panel,
            self.adherence_panel,
        ):
            panel.edited.connect(self._on_edited)
        self._draft_timer.timeout.connect(self.write_draft)

    # -- showing a day ---------------------------------------------------------------------

    @property
    def day(self) -> date:
        return self._day

    @property
    def has_unsaved_changes(self) -> bool:
        return self._dirty

    def add_notice(self, widget: QWidget) -> None:
        """Show ``widget`` under the message banner (it hides itself when it has nothing
        to say)."""
        self._notices.addWidget(widget)

    def reload_lists(self) -> None:
        """Rebuild the side-effect, tracker and medication rows (after the person changed
        the lists or their medications)."""
        state = self._state() if self._dirty else None
        self._load_checklists()
        self.adherence_panel.set_medications(self._store.treatments.medications_taken_on(self._day))
        self._apply(self._record, state)

    def _load_checklists(self) -> None:
        self.side_effects_panel.set_side_effects(self._store.side_effects())
        self.trackers_panel.set_trackers(self._store.trackers())

    def set_shown_scales(self, keys: list[str]) -> None:
        self.check_in_panel.set_shown_scales(keys)
        self._preferences.set_shown_scales(keys)

    def move_days(self, delta: int) -> None:
        target = self._day + timedelta(days=delta)
        if target <= self._clock().date():
            self.show_day(target)

    def show_today(self) -> None:
        self.show_day(self._clock().date())

    def _on_date_picked(self, qdate: QDate) -> None:
        if self._loading:
            return
        self.show_day(qdate.toPython())  # type: ignore[arg-type]

    def show_day(self, day: date, check_in_id: int | None = None) -> None:
        """Show ``day`` (never a future day). Unsaved edits of the day being left stay
        in its draft."""
        today = self._clock().date()
        day = min(day, today)
        if self._dirty and day != self._day:
            self.write_draft()
            self.status.emit(
                self.tr("Your unsaved changes for {day} are kept as a draft.").format(
                    day=self._long_date(self._day)
                )
            )
        self.banner.clear()
        self._day = day
        self._record = self._store.day_record(day)
        self.adherence_panel.set_medications(self._store.treatments.medications_taken_on(day))
        draft = self._store.draft_for(day)
        state = json.loads(draft.payload) if draft else None
        if draft is None:
            self._check_in_id = (
                check_in_id
                if check_in_id is not None
                else (self._record.check_ins[-1].id if self._record.check_ins else None)
            )
        self._apply(self._record, state)
        self._dirty = draft is not None
        if draft is not None:
            self.banner.show_message(
                self.tr(
                    "These are changes you hadn't saved yet (kept as a draft at {time} on {day})."
                ).format(
                    time=time_text(draft.saved_at.time()),
                    day=QLocale().toString(to_qdate(draft.saved_at), "dd MMM"),
                ),
                BannerKind.INFO,
                [(self.tr("Save them"), self.save), (self.tr("Discard them"), self.discard_draft)],
            )
        self._refresh_header(today)
        self._refresh_save_state()

    def _apply(self, record: DayRecord, state: dict[str, Any] | None) -> None:
        """Fill the form from the saved record, then overlay a draft's state if given."""
        self._loading = True
        try:
            if state is not None:
                self._check_in_id = state.get("check_in_id")
            saved = next((c for c in record.check_ins if c.id == self._check_in_id), None)
            if saved is None:
                self._check_in_id = None
            self.check_in_panel.load(saved, self._clock().time())
            self.sleep_panel.load(record.sleep, self._preferences.sleep_mode())
            self.side_effects_panel.load(record.side_effects)
            self.trackers_panel.load(record.trackers)
            self.adherence_panel.load(record.adherence)
            if state is not None:
                self.check_in_panel.restore_state(record.day, state.get("check_in", {}))
                self.sleep_panel.restore_state(state.get("sleep", {}))
                self.side_effects_panel.restore_state(state.get("side_effects", {}))
                self.trackers_panel.restore_state(state.get("trackers", {}))
                self.adherence_panel.restore_state(state.get("adherence", {}))
            self._refresh_check_in_chips(record)
        finally:
            self._loading = False

    def _refresh_header(self, today: date) -> None:
        long_date = self._long_date(self._day)
        days_ago = (today - self._day).days
        if days_ago == 0:
            title = self.tr("{day} · today").format(day=long_date)
        elif days_ago == 1:
            title = self.tr("{day} · yesterday").format(day=long_date)
        else:
            title = long_date
        self.title_label.setText(title)
        self.next_button.setEnabled(self._day < today)
        self.today_button.setEnabled(self._day != today)
        self._loading = True
        self.date_edit.setMaximumDate(to_qdate(today))
        self.date_edit.setDate(to_qdate(self._day))
        self._loading = False

    def _refresh_check_in_chips(self, record: DayRecord) -> None:
        for button in self._check_in_buttons.buttons():
            self._check_in_buttons.removeButton(button)
            button.deleteLater()
        for check_in in record.check_ins:
            mood = check_in.mood
            moment = time_text(check_in.recorded_at.time())
            text = (
                moment
                if mood is None
                else self.tr("{time} · mood {mood}").format(time=moment, mood=mood)
            )
            chip = QToolButton(self)
            chip.setText(text)
            chip.setCheckable(True)
            chip.setChecked(check_in.id == self._check_in_id)
            chip.setAccessibleName(self.tr("Check-in at {time}").format(time=moment))
            self._check_in_buttons.addButton(chip, check_in.id or 0)
            self._chips_layout.addWidget(chip)
        current = next((c for c in record.check_ins if c.id == self._check_in_id), None)
        if current is not None:
            title = self.tr("Check-in at {time} (saved; edit and save again)").format(
                time=time_text(current.recorded_at.time())
            )
        elif record.day == self._clock().date():
            title = self.tr("How are you right now?")
        else:
            title = self.tr("New check-in for this day")
        self.check_in_panel.setTitle(title)
        self.delete_button.setEnabled(self._check_in_id is not None)

    def show_times(self) -> None:
        """Write the check-in times again, in the clock the person just chose (the time
        field follows by itself; what is typed in the sleep fields stays as typed)."""
        self._refresh_check_in_chips(self._record)

    @staticmethod
    def _long_date(day: date) -> str:
        return QLocale().toString(to_qdate(day), QLocale.FormatType.LongFormat)

    # -- editing and drafts -----------------------------------------------------------------

    def _on_edited(self) -> None:
        if self._loading:
            return
        self._dirty = True
        self._draft_timer.start()
        self._refresh_save_state()

    def _refresh_save_state(self) -> None:
        self.save_state_label.setText(
            self.tr("Not saved yet (kept as a draft)")
            if self._dirty
            else self.tr("All changes saved")
        )

    def _state(self) -> dict[str, Any]:
        return {
            "version": DRAFT_VERSION,
            "check_in_id": self._check_in_id,
            "check_in": self.check_in_panel.state(),
            "sleep": self.sleep_panel.state(),
            "side_effects": self.side_effects_panel.state(),
            "trackers": self.trackers_panel.state(),
            "adherence": self.adherence_panel.state(),
        }

    def write_draft(self) -> None:
        """Keep the unsaved form in the diary now (also called on close)."""
        self._draft_timer.stop()
        if not self._dirty:
            return
        try:
            self._store.save_draft(self._day, json.dumps(self._state()), self._clock())
        except StorageError as error:
            self.status.emit(
                self.tr("Couldn't keep a draft: {message}").format(message=error.message)
            )

    def discard_draft(self) -> None:
        self._draft_timer.stop()
        self._store.discard_draft(self._day)
        self._dirty = False
        self.show_day(self._day, self._check_in_id)
        self.status.emit(self.tr("Unsaved changes discarded."))

    # -- saving ------------------------------------------------------------------------------

    def _entry(self) -> DayEntry:
        """The form as a :class:`DayEntry`, or :class:`InvalidEntry` with the reason."""
        today = self._clock().date()
        check_in = self.check_in_panel.check_in(self._day, self._check_in_id)
        if check_in.is_empty and self._check_in_id is None:
            saved_check_in = None
        else:
            saved_check_in = validate_check_in(check_in, today)
        sleep = self.sleep_panel.record(self._day)
        if sleep is not None:
            measure_sleep(sleep, today)
        values = self.trackers_panel.values()
        for tracker_id, value in values.items():
            if value is not None:
                validate_tracker_value(self.trackers_panel.trackers[tracker_id], value)
        return DayEntry(
            day=self._day,
            check_in=saved_check_in,
            sleep=sleep,
            side_effects=self.side_effects_panel.ratings(),
            trackers=values,
            adherence=self.adherence_panel.statuses(),
        )

    def save(self) -> bool:
        """Save the form; on a problem, say what to do and keep everything as typed."""
        self._draft_timer.stop()
        try:
            entry = self._entry()
            saved = self._store.save_day(entry, self._clock())
        except InvalidEntry as error:
            self.banner.show_message(error.message, BannerKind.WARNING)
            self._focus_field(error.field)
            self.write_draft()
            return False
        except StorageError as error:
            self.banner.show_message(error.message, BannerKind.WARNING)
            return False
        self._dirty = False
        self.show_day(self._day, saved.id if saved else self._check_in_id)
        moment = self._clock()
        self.banner.show_message(
            self.tr("Saved at {time}.").format(time=time_text(moment.time())), BannerKind.SUCCESS
        )
        self.status.emit(self.tr("Saved {day}.").format(day=self._long_date(self._day)))
        self.day_saved.emit(self._day)
        return True

    def _focus_field(self, field: str) -> None:
        widget: QWidget | None = None
        if field in self.check_in_panel.inputs:
            widget = self.check_in_panel.inputs[field]
        elif field == "note":
            widget = self.check_in_panel.note_edit
        elif field in self.sleep_panel.clock_edits:
            widget = self.sleep_panel.clock_edits[field]
        elif field.startswith("tracker:"):
            tracker_id = int(field.split(":")[1])
            widget = self.trackers_panel.numbers.get(tracker_id) or self.trackers_panel.choices.get(
                tracker_id
            )
        else:
            widget = {
                "hours_slept": self.sleep_panel.hours_spin,
                "minutes_to_fall_asleep": self.sleep_panel.sol_spin,
                "awakenings": self.sleep_panel.awakenings_spin,
                "minutes_awake": self.sleep_panel.waso_spin,
                "naps": self.sleep_panel.naps_spin,
                "nap_minutes": self.sleep_panel.nap_minutes_spin,
            }.get(field)
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- several check-ins ---------------------------------------------------------------------

    def _leave_check_in(self) -> bool:
        """Before switching check-ins, save edits to the current one. False if they can't be."""
        return not self._dirty or self.save()

    def new_check_in(self) -> None:
        if not self._leave_check_in():
            return
        self._check_in_id = None
        self._apply(self._record, None)
        self.check_in_panel.focus_first()
        self.status.emit(self.tr("New check-in: rate what you like, then save."))

    def _on_check_in_chosen(self, check_in_id: int) -> None:
        if check_in_id == self._check_in_id:
            return
        if not self._leave_check_in():
            self._refresh_check_in_chips(self._record)
            return
        self._check_in_id = check_in_id
        self._apply(self._record, None)  # current: a save above reloaded it

    # -- deleting and undo ---------------------------------------------------------------------

    def delete_check_in(self) -> None:
        if self._check_in_id is None:
            return
        check_in = next(c for c in self._record.check_ins if c.id == self._check_in_id)
        if not dialogs.confirm(
            self,
            self.tr("Delete check-in"),
            self.tr("Delete the check-in from {time} on {day}? You can undo this.").format(
                time=time_text(check_in.recorded_at.time()), day=self._long_date(self._day)
            ),
            #: The button that deletes the check-in
            self.tr("Delete"),
        ):
            return
        try:
            removed = self._store.delete_check_in(self._check_in_id)
        except StorageError as error:
            self.banner.show_message(error.message, BannerKind.WARNING)
            return
        self._after_delete(
            DayRecord(self._day, [removed], None, {}, {}),
            self.tr("Check-in from {time} deleted.").format(
                time=time_text(removed.recorded_at.time())
            ),
        )

    def delete_day(self) -> None:
        if self._record.is_empty and not self._dirty:
            self.status.emit(self.tr("There is nothing saved for this day."))
            return
        if not dialogs.confirm(
            self,
            self.tr("Delete this day"),
            self.tr(
                "Delete everything saved for {day}: check-ins, sleep, side effects, trackers "
                "and medications taken? You can undo this."
            ).format(day=self._long_date(self._day)),
            self.tr("Delete day"),
        ):
            return
        try:
            removed = self._store.delete_day(self._day)
        except StorageError as error:
            self.banner.show_message(error.message, BannerKind.WARNING)
            return
        self._after_delete(
            removed,
            self.tr("Everything for {day} deleted.").format(day=self._long_date(self._day)),
        )

    def _after_delete(self, removed: DayRecord, message: str) -> None:
        self._undo.append(removed)
        self._dirty = False
        self._draft_timer.stop()
        self.show_day(self._day)
        self.banner.show_message(message, BannerKind.INFO, [(self.tr("&Undo"), self.undo_delete)])
        self.status.emit(self.tr("{message} Undo with Ctrl+Z.").format(message=message))
        self.day_saved.emit(removed.day)

    def undo_delete(self) -> None:
        if not self._undo:
            return
        record = self._undo.pop()
        try:
            self._store.restore_day(record, self._clock())
        except StorageError as error:
            self._undo.append(record)
            self.banner.show_message(error.message, BannerKind.WARNING)
            return
        self._dirty = False
        restored_id = record.check_ins[-1].id if record.check_ins else None
        self.show_day(record.day, restored_id)
        self.banner.show_message(self.tr("Restored."), BannerKind.SUCCESS)
        self.day_saved.emit(record.day)
