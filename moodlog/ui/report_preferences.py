"""ReportPreferences: the clinician report's paper and sections, and the folder it was last
saved in (QSettings). The name or ID on the report is personal and stays in the diary
(``store.appointments.report_name``)."""

from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QSettings

if TYPE_CHECKING:
    from moodlog.reports.report_period import PaperSize

_PAPER_KEY = "report/paper"
_SECTIONS_KEY = "report/sections"
_FOLDER_KEY = "report/folder"


class ReportPreferences:
    def __init__(self, settings: QSettings) -> None:
        self._settings = settings

    def paper(self) -> "PaperSize":
        """The paper chosen last time, else the usual paper where the person lives."""
        from moodlog.reports.report_period import PaperSize, default_paper

        try:
            return PaperSize(str(self._settings.value(_PAPER_KEY, "")))
        except ValueError:
            return default_paper(QLocale.territoryToCode(QLocale().territory()))

    def set_paper(self, paper: "PaperSize") -> None:
        self._settings.setValue(_PAPER_KEY, paper.value)

    def sections_text(self) -> str:
        """The sections chosen last time, comma-separated ("" when never chosen)."""
        return str(self._settings.value(_SECTIONS_KEY, ""))

    def set_sections_text(self, text: str) -> None:
        self._settings.setValue(_SECTIONS_KEY, text)

    def folder(self) -> str:
        return str(self._settings.value(_FOLDER_KEY, ""))

    def set_folder(self, folder: str) -> None:
        self._settings.setValue(_FOLDER_KEY, folder)
