"""ReminderSettingsPage: choose the reminders (a daily check-in, questionnaires when due,
medication doses), whether moodlog stays in the tray and starts with the desktop session.
A page, not a dialog, so the Settings dialog can hold it as a tab. Like the rest of Settings,
each change is stored at once (QSettings, and the autostart entry on Linux), and the running
reminders hear of it."""

from collections.abc import Sequence
from datetime import date, time
from itertools import pairwise
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QSize, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSystemTrayIcon,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from moodlog import autostart_entry
from moodlog.domain.clock import Clock, system_clock
from moodlog.domain.medications import Medication, format_dose
from moodlog.domain.reminder_schedule import (
    DEFAULT_DOSE_TIME,
    MAX_DOSE_TIMES,
    MedicationReminder,
    ReminderSettings,
)
from moodlog.storage.diary_store import DiaryStore
from moodlog.storage.errors import StorageError
from moodlog.ui.form_dialog import buddy_label, make_note_label
from moodlog.ui.qt_dates import time_display_format
from moodlog.ui.reminder_preferences import ReminderPreferences

# Offered in turn when a dose time is added.
_DOSE_TIME_CHOICES = (DEFAULT_DOSE_TIME, time(20, 0), time(12, 0), time(16, 0))


def make_time_edit(value: time, name: str, parent: QWidget) -> QTimeEdit:
    edit = QTimeEdit(QTime(value.hour, value.minute), parent)
    edit.setDisplayFormat(time_display_format())
    edit.setAccessibleName(name)
    edit.setAccessibleDescription(
        QCoreApplication.translate("ReminderSettingsPage", "The time of day the reminder comes")
    )
    return edit


def time_of(edit: QTimeEdit) -> time:
    chosen = edit.time()
    return time(chosen.hour(), chosen.minute())


class DoseTimes(QWidget):
    """One medication: a tick box to be reminded, and up to four times a day.

    Signals:
    changed(): a tick or a time changed.
    """

    changed = Signal()

    def __init__(
        self, medication: Medication, times: Sequence[time], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        assert medication.id is not None
        self.medication_id = medication.id
        self.name = medication.name
        dose = format_dose(medication.current_dose, medication.unit)
        self.check = QCheckBox(f"{medication.name} ({dose})".replace("&", "&&"), self)
        self.check.setAccessibleName(
            self.tr("Remind me about {medication}").format(medication=medication.name)
        )
        self.check.setAccessibleDescription(
            self.tr("Tick to be reminded to take it at the times below")
        )
        self.check.setChecked(bool(times))
        self.edits: list[QTimeEdit] = []
        self.remove_buttons: list[QPushButton] = []
        self.add_button = QPushButton(self.tr("Add a time"), self)
        self.add_button.setAccessibleName(
            self.tr("Add a reminder time for {medication}").format(medication=medication.name)
        )
        self.add_button.setAccessibleDescription(
            self.tr("Add another time of day for this reminder")
        )
        self.add_button.setAutoDefault(False)
        self._times = QGridLayout()
        self._build_layout()
        for value in times or (DEFAULT_DOSE_TIME,):
            self._add_time(value)
        self.check.toggled.connect(self._update_enabled)
        self.check.toggled.connect(self.changed)
        self.add_button.clicked.connect(self.add_time)
        self._update_enabled()

    def _build_layout(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        row = QHBoxLayout()
        row.addSpacing(24)  # under the tick box's text
        row.addLayout(self._times)
        row.addStretch(1)
        layout.addLayout(row)

    def _place_times(self) -> None:
        """One line per time, then "Add a time"; Tab goes through them in that order."""
        for widget in (*self.edits, *self.remove_buttons, self.add_button):
            self._times.removeWidget(widget)
        for line, (edit, remove) in enumerate(zip(self.edits, self.remove_buttons, strict=True)):
            self._times.addWidget(edit, line, 0)
            self._times.addWidget(remove, line, 1)
            edit.setAccessibleName(self._time_name(line + 1))
            remove.setAccessibleName(
                self.tr("Remove {medication} reminder time {number}").format(
                    medication=self.name, number=line + 1
                )
            )
        self._times.addWidget(self.add_button, len(self.edits), 0, 1, 2, Qt.AlignmentFlag.AlignLeft)
        chain: list[QWidget] = [self.check]
        for edit, remove in zip(self.edits, self.remove_buttons, strict=True):
            chain += [edit, remove]
        chain.append(self.add_button)
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _time_name(self, number: int) -> str:
        return self.tr("{medication}: reminder time {number}").format(
            medication=self.name, number=number
        )

    def times(self) -> tuple[time, ...]:
        return tuple(time_of(edit) for edit in self.edits) if self.check.isChecked() else ()

    def reminder(self) -> MedicationReminder:
        return MedicationReminder(self.medication_id, self.times())

    def add_time(self) -> None:
        taken = {time_of(edit) for edit in self.edits}
        offered = next((t for t in _DOSE_TIME_CHOICES if t not in taken), DEFAULT_DOSE_TIME)
        self._add_time(offered).setFocus()

    def _add_time(self, value: time) -> QTimeEdit:
        number = len(self.edits) + 1
        edit = make_time_edit(value, self._time_name(number), self)
        #: Remove one reminder time of a medication.
        remove = QPushButton(self.tr("Remove"), self)
        remove.setAccessibleDescription(self.tr("Remove this reminder time"))
        remove.setAutoDefault(False)
        remove.clicked.connect(lambda: self._remove(edit, remove))
        edit.timeChanged.connect(self.changed)
        self.edits.append(edit)
        self.remove_buttons.append(remove)
        self._place_times()
        self._update_enabled()
        self.changed.emit()
        return edit

    def _remove(self, edit: QTimeEdit, button: QPushButton) -> None:
        self.edits.remove(edit)
        self.remove_buttons.remove(button)
        for widget in (edit, button):
            self._times.removeWidget(widget)
            widget.deleteLater()
        self._place_times()
        self._update_enabled()
        self.add_button.setFocus()
        self.changed.emit()

    def _update_enabled(self) -> None:
        on = self.check.isChecked()
        for edit in self.edits:
            edit.setVisible(on)
        for button in self.remove_buttons:
            button.setVisible(on)
            button.setEnabled(len(self.edits) > 1)  # a ticked medication keeps one time
        self.add_button.setVisible(on)
        self.add_button.setEnabled(len(self.edits) < MAX_DOSE_TIMES)


# Alt+letters: h, d, i, y, n, w, l; none of the Settings dialog's tabs (t, k, q, p, r, a, m).
class ReminderSettingsPage(QWidget):
    """The reminder choices. ``store``: the diary, for the medications taken today (the page
    offers a reminder for each; without it, it offers none); ``diary_path``: the diary the
    autostart entry opens (the default diary when ``None``).

    Signals:
    reminders_changed(): a choice was stored.
    """

    reminders_changed = Signal()

    def __init__(
        self,
        settings: QSettings,
        parent: QWidget | None = None,
        *,
        store: DiaryStore | None = None,
        clock: Clock = system_clock,
        diary_path: Path | None = None,
        tray_available: bool | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Reminders"))
        self.preferences = ReminderPreferences(settings)
        today = clock().date()
        medications = self._medications(store, today)
        self._diary_path = diary_path
        self.autostart_path = autostart_entry.autostart_path()
        if tray_available is None:
            tray_available = QSystemTrayIcon.isSystemTrayAvailable()
        chosen = self.preferences.load()
        self._close_to_tray = self.preferences.close_to_tray()
        self._autostart_on = autostart_entry.is_enabled(self.autostart_path)

        self.check_in_box = QCheckBox(self.tr("Remind me to c&heck in once a day"), self)
        self.check_in_box.setAccessibleDescription(
            self.tr("A reminder at the time below, not on a day you have already checked in")
        )
        self.check_in_box.setChecked(chosen.check_in)
        self.check_in_time = make_time_edit(
            chosen.check_in_time, self.tr("Check-in reminder time"), self
        )
        self.questionnaire_box = QCheckBox(self.tr("Remind me when a questionna&ire is due"), self)
        self.questionnaire_box.setAccessibleDescription(
            self.tr("A reminder on the day the PHQ-9 or GAD-7 is due, unless you took it already")
        )
        self.questionnaire_box.setChecked(chosen.questionnaires)
        self.questionnaire_time = make_time_edit(
            chosen.questionnaire_time, self.tr("Questionnaire reminder time"), self
        )
        times = {m.medication_id: m.times for m in chosen.medications}
        self.dose_rows = [
            DoseTimes(m, times.get(m.id, ()), self) for m in medications if m.id is not None
        ]
        self.names_box = QCheckBox(self.tr("Show medication &names in reminders"), self)
        self.names_box.setAccessibleDescription(
            self.tr("When off, a reminder says only the time, so no one nearby reads the name")
        )
        self.names_box.setChecked(chosen.show_medication_names)
        self.tray_box = QCheckBox(
            self.tr("Keep moodlog in the tray &when the window is closed"), self
        )
        self.tray_box.setAccessibleDescription(
            self.tr("Closing the window leaves moodlog running, so reminders still come")
        )
        self.tray_box.setChecked(bool(self._close_to_tray))
        self.tray_box.setEnabled(tray_available)
        self.autostart_box = QCheckBox(self.tr("Start moodlog in the tray when I &log in"), self)
        self.autostart_box.setAccessibleDescription(
            self.tr("moodlog starts quietly in the tray each time you log in, for reminders")
        )
        self.autostart_box.setChecked(self._autostart_on)
        self.autostart_box.setEnabled(autostart_entry.autostart_supported())
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setAccessibleName(self.tr("Problem"))
        self.error_label.hide()
        self._with_store = store is not None
        self._build_layout(tray_available)
        self._connect_signals()
        self._update_enabled()

    @staticmethod
    def _medications(store: DiaryStore | None, today: date) -> list[Medication]:
        if store is None:
            return []
        try:
            return store.treatments.medications_taken_on(today)
        except StorageError:
            return []  # the page then offers none; everything else still works

    def _group(self, title: str, layout: QVBoxLayout, parent: QWidget) -> QGroupBox:
        box = QGroupBox(title, parent)
        box.setLayout(layout)
        return box

    def _time_row(self, text: str, edit: QTimeEdit, parent: QWidget) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addSpacing(24)
        row.addWidget(buddy_label(text, edit, parent))
        row.addWidget(edit)
        row.addStretch(1)
        return row

    def _build_layout(self, tray_available: bool) -> None:
        content = QWidget(self)
        column = QVBoxLayout(content)

        check_in = QVBoxLayout()
        check_in.addWidget(self.check_in_box)
        #: Followed by a time: "Daily at 20:00".
        check_in.addLayout(self._time_row(self.tr("&Daily at"), self.check_in_time, content))
        check_in.addWidget(
            make_note_label(self.tr("Not on a day you have already checked in."), content)
        )
        column.addWidget(self._group(self.tr("Daily check-in"), check_in, content))

        questionnaires = QVBoxLayout()
        questionnaires.addWidget(self.questionnaire_box)
        questionnaires.addLayout(
            #: Followed by a time: on the day a questionnaire is due, at 18:00.
            self._time_row(self.tr("On the da&y, at"), self.questionnaire_time, content)
        )
        questionnaires.addWidget(
            make_note_label(
                self.tr(
                    "The PHQ-9 and GAD-7, as often as the Questionnaires tab says; not on a day "
                    "you have already taken one."
                ),
                content,
            )
        )
        column.addWidget(self._group(self.tr("Questionnaires"), questionnaires, content))

        doses = QVBoxLayout()
        if self.dose_rows:
            for row in self.dose_rows:
                doses.addWidget(row)
        else:
            doses.addWidget(
                make_note_label(
                    self.tr(
                        "No medications are recorded as taken now. Add them on the Treatment "
                        "tab, then come back here."
                    )
                    if self._with_store
                    else self.tr("Reminders for each medication are set under View → Reminders…."),
                    content,
                )
            )
        doses.addWidget(self.names_box)
        doses.addWidget(
            make_note_label(
                self.tr("Off, a reminder says only the time: anyone near the screen can read it."),
                content,
            )
        )
        column.addWidget(self._group(self.tr("Medication doses"), doses, content))

        running = QVBoxLayout()
        running.addWidget(self.tray_box)
        running.addWidget(self.autostart_box)
        if tray_available:
            note = self.tr(
                "Reminders come only while moodlog runs; it never sends anything anywhere."
            )
        else:
            note = self.tr(
                "This desktop has no system tray: reminders appear inside the moodlog window "
                "while it is open."
            )
        if not autostart_entry.autostart_supported():
            #: {note}: the sentence before, about the tray; this one follows it.
            note = self.tr("{note} Starting at log-in is set up only on Linux.").format(note=note)
        running.addWidget(make_note_label(note, content))
        column.addWidget(self._group(self.tr("While moodlog runs"), running, content))
        column.addWidget(self.error_label)
        column.addStretch(1)

        self._content = content
        self._scroll = QScrollArea(self)
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the choices
        self._scroll.setAccessibleName(self.tr("Reminder choices"))
        self._scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self._scroll)

    def content_size_hint(self) -> QSize:
        """The size that shows the whole page without scrolling."""
        hint = self._content.sizeHint()
        # Wide enough that the notes wrap into a few comfortable lines.
        width = max(hint.width(), self.fontMetrics().horizontalAdvance("n" * 60))
        bar = self._scroll.verticalScrollBar().sizeHint().width()
        return QSize(width + bar, self._content.heightForWidth(width))

    def _connect_signals(self) -> None:
        self.check_in_box.toggled.connect(self._update_enabled)
        self.questionnaire_box.toggled.connect(self._update_enabled)
        for box in (
            self.check_in_box,
            self.questionnaire_box,
            self.names_box,
            self.tray_box,
            self.autostart_box,
        ):
            box.toggled.connect(self.apply)
        for edit in (self.check_in_time, self.questionnaire_time):
            edit.timeChanged.connect(self.apply)
        for row in self.dose_rows:
            row.changed.connect(self.apply)

    def _update_enabled(self) -> None:
        self.check_in_time.setEnabled(self.check_in_box.isChecked())
        self.questionnaire_time.setEnabled(self.questionnaire_box.isChecked())

    def chosen(self) -> ReminderSettings:
        """The reminders as the page shows them."""
        return ReminderSettings(
            check_in=self.check_in_box.isChecked(),
            check_in_time=time_of(self.check_in_time),
            questionnaires=self.questionnaire_box.isChecked(),
            questionnaire_time=time_of(self.questionnaire_time),
            medications=tuple(row.reminder() for row in self.dose_rows if row.times()),
            show_medication_names=self.names_box.isChecked(),
        )

    def apply(self) -> bool:
        """Store the choices; ``False`` (with the problem shown) when the autostart entry
        could not be changed. Everything else is stored either way."""
        self.preferences.save(self.chosen())
        self._tell_running_reminders()
        self.reminders_changed.emit()
        keep = self.tray_box.isChecked()
        if self.tray_box.isEnabled() and (self._close_to_tray is not None or keep):
            self.preferences.set_close_to_tray(keep)
            self._close_to_tray = keep
        wanted = self.autostart_box.isChecked()
        if not self.autostart_box.isEnabled() or wanted == self._autostart_on:
            self.error_label.hide()
            return True
        try:
            if wanted:
                command = autostart_entry.launch_command(self._diary_path)
                autostart_entry.enable(self.autostart_path, command)
            else:
                autostart_entry.disable(self.autostart_path)
        except OSError as error:
            if wanted:
                message = self.tr(
                    "⚠ moodlog couldn't add the start-up entry {path} ({reason}). Your "
                    "reminders are saved; check that folder can be written to, then try again."
                )
            else:
                message = self.tr(
                    "⚠ moodlog couldn't remove the start-up entry {path} ({reason}). Your "
                    "reminders are saved; check that folder can be written to, then try again."
                )
            reason = error.strerror or str(error)
            self.error_label.setText(message.format(path=self.autostart_path, reason=reason))
            self.error_label.show()
            return False
        self._autostart_on = wanted
        self.error_label.hide()
        return True

    def _tell_running_reminders(self) -> None:
        """The tray (a child of the main window, which owns this page's dialog) reads the
        choices again at once rather than at its next look at the clock."""
        from moodlog.ui.reminder_tray import ReminderTray

        direct = Qt.FindChildOption.FindDirectChildrenOnly
        widget = self.parentWidget()
        while widget is not None:
            tray = widget.findChild(ReminderTray, options=direct)
            if tray is not None:
                tray.apply_settings()
                return
            widget = widget.parentWidget()
