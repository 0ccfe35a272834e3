"""ExportDialog: a copy of the diary in a file (File › Export my diary…).

The person chooses the whole diary as JSON (which moodlog can import again) or the daily
entries as CSV for a spreadsheet, then where to save it. The file is written at once (a
diary of years takes well under a second) under a temporary name and renamed into place;
the dialog stays open and says where it went. A plain file holds health data, so the dialog
says, calmly, that it is not protected.
"""

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from moodlog.domain.clock import Clock
from moodlog.domain.translation import QT_TRANSLATE_NOOP
from moodlog.storage.diary_store import DiaryStore
from moodlog.storage.errors import StorageError
from moodlog.storage.export_file import ExportKind, save_export
from moodlog.ui import dialogs
from moodlog.ui.form_dialog import FormDialog, make_note_label

# Translated where shown, under the context "ExportDialog".
TITLE = QT_TRANSLATE_NOOP("ExportDialog", "Export my diary")
INTRODUCTION = QT_TRANSLATE_NOOP(
    "ExportDialog",
    "A copy of your diary in a file of its own. Your diary itself stays as it is.",
)
NOT_PROTECTED = QT_TRANSLATE_NOOP(
    "ExportDialog", "This file is not protected; keep it somewhere private."
)
JSON_NOTE = QT_TRANSLATE_NOOP(
    "ExportDialog",
    "Every entry, treatment, score, plan and setting. moodlog can import this file again, "
    "on this computer or another.",
)
CSV_NOTE = QT_TRANSLATE_NOOP(
    "ExportDialog",
    "One row per check-in with the day's sleep, side effects, trackers and medicines. "
    "Treatments, questionnaires and your safety plan are in the JSON file only.",
)
FILTERS = {
    #: A file-chooser filter: translate the description, keep the pattern in brackets as it is.
    ExportKind.JSON: QT_TRANSLATE_NOOP("ExportDialog", "moodlog export (*.json)"),
    #: A file-chooser filter: translate the description, keep the pattern in brackets as it is.
    ExportKind.CSV: QT_TRANSLATE_NOOP("ExportDialog", "CSV files (*.csv)"),
}
_FOLDER_KEY = "export/folder"  # the last folder used (an application setting)


class ExportDialog(FormDialog):
    """Choose JSON or CSV and save (see the module's docstring). ``saved_path``: the last
    file written."""

    def __init__(
        self, store: DiaryStore, clock: Clock, settings: QSettings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, fit_to_text=True)
        self._store = store
        self._clock = clock
        self._settings = settings
        self.saved_path: Path | None = None
        self.setWindowTitle(_shown(TITLE))
        self._build_layout()
        self._connect_signals()

    def _build_layout(self) -> None:
        self.intro_label = QLabel(_shown(INTRODUCTION), self)
        self.intro_label.setWordWrap(True)
        group = QGroupBox(self.tr("What to export"), self)
        column = QVBoxLayout(group)
        self.json_radio = QRadioButton(self.tr("&Everything, to keep or move (JSON)"), group)
        self.json_radio.setChecked(True)
        self.csv_radio = QRadioButton(self.tr("Daily entries for a &spreadsheet (CSV)"), group)
        self.kind_group = QButtonGroup(self)
        for radio, note in ((self.json_radio, JSON_NOTE), (self.csv_radio, CSV_NOTE)):
            self.kind_group.addButton(radio)
            radio.setAccessibleDescription(_shown(note))  # Tab skips the note below it
            label = make_note_label(_shown(note), group)
            indent = radio.style().pixelMetric(radio.style().PixelMetric.PM_ExclusiveIndicatorWidth)
            label.setContentsMargins(indent + 6, 0, 0, 0)
            column.addWidget(radio)
            column.addWidget(label)
        self.privacy_label = QLabel(_shown(NOT_PROTECTED), self)
        self.privacy_label.setWordWrap(True)
        self.result_label = QLabel(self)
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result_label.setAccessibleName(self.tr("Where the export was saved"))
        self.result_label.hide()
        self._finish_layout(
            above=[self.intro_label, group, self.privacy_label],
            below=[self.result_label],
            buttons=QDialogButtonBox.StandardButton.Close,
        )
        self.export_button = self.button_box.addButton(
            self.tr("E&xport…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.export_button.setAccessibleDescription(
            self.tr("Choose where to save the file, then write it")
        )
        self.export_button.setDefault(True)
        self.close_button = self.button_box.button(QDialogButtonBox.StandardButton.Close)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)

    def _connect_signals(self) -> None:
        self.kind_group.buttonToggled.connect(lambda *_: self.result_label.hide())

    def kind(self) -> ExportKind:
        return ExportKind.CSV if self.csv_radio.isChecked() else ExportKind.JSON

    @override
    def accept(self) -> None:
        """Export… (and Enter): ask where, then write. The dialog stays open."""
        kind = self.kind()
        path = dialogs.ask_save_path(
            self, self.tr("Save the export"), self._suggested_path(kind), _shown(FILTERS[kind])
        )
        if path is None:
            return
        if not path.suffix:
            path = path.with_name(path.name + kind.suffix)
        self.result_label.hide()
        try:
            save_export(self._store, kind, path, self._clock())
        except StorageError as error:
            self.error_label.setText(f"⚠ {error.message}")
            self.error_label.show()
            self._refit()
            return
        self.error_label.hide()
        self.saved_path = path
        self._settings.setValue(_FOLDER_KEY, str(path.parent))
        if kind is ExportKind.JSON:
            saved = self.tr("Saved. Your diary went to {path}")
        else:
            saved = self.tr("Saved. Your daily entries went to {path}")
        self.result_label.setText(saved.format(path=path))
        self.result_label.show()
        self.close_button.setFocus()
        self._refit()

    def _suggested_path(self, kind: ExportKind) -> Path:
        folder = Path(str(self._settings.value(_FOLDER_KEY, "")))
        if not str(folder) or str(folder) == "." or not folder.is_dir():
            documents = QStandardPaths.writableLocation(
                QStandardPaths.StandardLocation.DocumentsLocation
            )
            folder = Path(documents) if documents and Path(documents).is_dir() else Path.home()
        day = self._clock().date().isoformat()
        if kind is ExportKind.JSON:
            #: A suggested file name (the extension is added after it); no slashes in it.
            name = self.tr("moodlog diary {day}")
        else:
            #: A suggested file name (the extension is added after it); no slashes in it.
            name = self.tr("moodlog days {day}")
        return folder / f"{name.format(day=day)}{kind.suffix}"


def _shown(text: str) -> str:
    """One of this module's texts above, in the person's language."""
    return QCoreApplication.translate("ExportDialog", text)
