"""QuestionnairePreferences: how often questionnaires are due and how they are laid out
(QSettings). The answers themselves are health data and stay in the diary."""

from PySide6.QtCore import QSettings

_INTERVAL_KEY = "questionnaires/interval_days"
_ONE_PAGE_KEY = "questionnaires/all_on_one_page"


class QuestionnairePreferences:
    def __init__(self, settings: QSettings) -> None:
        self._settings = settings

    def interval_days(self) -> int:
        # The schedule loads after the first frame; so does this import.
        from moodlog.domain.questionnaire_schedule import DEFAULT_INTERVAL_DAYS, INTERVALS_DAYS

        stored = self._settings.value(_INTERVAL_KEY, DEFAULT_INTERVAL_DAYS)
        try:
            days = int(str(stored))
        except ValueError:
            return DEFAULT_INTERVAL_DAYS
        return days if days in INTERVALS_DAYS else DEFAULT_INTERVAL_DAYS

    def set_interval_days(self, days: int) -> None:
        from moodlog.domain.questionnaire_schedule import INTERVALS_DAYS

        if days not in INTERVALS_DAYS:
            raise ValueError(days)
        self._settings.setValue(_INTERVAL_KEY, days)

    def all_on_one_page(self) -> bool:
        return str(self._settings.value(_ONE_PAGE_KEY, "false")).lower() == "true"

    def set_all_on_one_page(self, one_page: bool) -> None:
        self._settings.setValue(_ONE_PAGE_KEY, "true" if one_page else "false")
