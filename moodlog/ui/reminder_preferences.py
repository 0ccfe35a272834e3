"""ReminderPreferences: the reminders a person chose, and whether closing the window keeps
moodlog in the tray (QSettings, keys under ``reminders/``). Medication reminders are kept by
the medication's id and time only; names and doses stay in the diary."""

from datetime import time

from PySide6.QtCore import QSettings

from moodlog.domain.reminder_schedule import (
    DEFAULT_CHECK_IN_TIME,
    DEFAULT_QUESTIONNAIRE_TIME,
    MedicationReminder,
    ReminderSettings,
    format_times,
    parse_times,
)

_CHECK_IN_KEY = "reminders/check_in"
_CHECK_IN_TIME_KEY = "reminders/check_in_time"
_QUESTIONNAIRES_KEY = "reminders/questionnaires"
_QUESTIONNAIRE_TIME_KEY = "reminders/questionnaire_time"
_MEDICATIONS_GROUP = "reminders/medications"  # one key per medication id: "08:00 20:00"
_NAMES_KEY = "reminders/show_medication_names"
_CLOSE_TO_TRAY_KEY = "reminders/close_to_tray"


class ReminderPreferences:
    def __init__(self, settings: QSettings) -> None:
        self._settings = settings

    def _flag(self, key: str) -> bool:
        return str(self._settings.value(key, "false")).lower() == "true"

    def _time(self, key: str, default: time) -> time:
        times = parse_times(str(self._settings.value(key, "")))
        return times[0] if times else default

    def load(self) -> ReminderSettings:
        return ReminderSettings(
            check_in=self._flag(_CHECK_IN_KEY),
            check_in_time=self._time(_CHECK_IN_TIME_KEY, DEFAULT_CHECK_IN_TIME),
            questionnaires=self._flag(_QUESTIONNAIRES_KEY),
            questionnaire_time=self._time(_QUESTIONNAIRE_TIME_KEY, DEFAULT_QUESTIONNAIRE_TIME),
            medications=self._medications(),
            show_medication_names=self._flag(_NAMES_KEY),
        )

    def _medications(self) -> tuple[MedicationReminder, ...]:
        self._settings.beginGroup(_MEDICATIONS_GROUP)
        try:
            stored = {key: str(self._settings.value(key, "")) for key in self._settings.childKeys()}
        finally:
            self._settings.endGroup()
        reminders = []
        for key, text in stored.items():
            times = parse_times(text)
            if key.isdigit() and times:
                reminders.append(MedicationReminder(int(key), times))
        return tuple(sorted(reminders, key=lambda m: m.medication_id))

    def save(self, chosen: ReminderSettings) -> None:
        settings = self._settings
        settings.setValue(_CHECK_IN_KEY, "true" if chosen.check_in else "false")
        settings.setValue(_CHECK_IN_TIME_KEY, format_times([chosen.check_in_time]))
        settings.setValue(_QUESTIONNAIRES_KEY, "true" if chosen.questionnaires else "false")
        settings.setValue(_QUESTIONNAIRE_TIME_KEY, format_times([chosen.questionnaire_time]))
        settings.setValue(_NAMES_KEY, "true" if chosen.show_medication_names else "false")
        settings.remove(_MEDICATIONS_GROUP)
        for medication in chosen.medications:
            if medication.times:
                key = f"{_MEDICATIONS_GROUP}/{medication.medication_id}"
                settings.setValue(key, format_times(medication.times))

    def close_to_tray(self) -> bool | None:
        """Whether closing the window keeps moodlog in the tray; ``None`` until asked."""
        stored = self._settings.value(_CLOSE_TO_TRAY_KEY)
        return None if stored is None else str(stored).lower() == "true"

    def set_close_to_tray(self, keep: bool) -> None:
        self._settings.setValue(_CLOSE_TO_TRAY_KEY, "true" if keep else "false")
