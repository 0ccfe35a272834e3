"""DeleteAllDialog: "Delete all my data". It says what goes, offers an export first, and
deletes only once the person has typed DELETE; then :func:`delete_all_data` does it.

After deleting, moodlog closes rather than starting again with an empty diary in the same
window: nothing of the old diary (views already built, charts, drafts in the form) can then
linger on screen or in memory, and the next start simply creates a new diary.
"""

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from moodlog.domain.clock import Clock
from moodlog.storage.diary_deletion import delete_diary_files
from moodlog.storage.diary_store import DiaryStore
from moodlog.storage.errors import StorageError
from moodlog.ui import dialogs
from moodlog.ui.form_dialog import buddy_label, make_note_label

CONFIRM_WORD = "DELETE"
WHAT_GOES = (
    "This deletes your diary from this computer: every check-in, note, sleep record, "
    "treatment, questionnaire and appointment, the automatic backups beside it, any "
    "unsaved draft, and moodlog's settings. It can't be undone."
)
DONE_TITLE = "Your data is deleted"
DONE_TEXT = (
    "Your diary, its backups and moodlog's settings are gone from this computer. moodlog "
    "will close now. If you open it again, it starts with a new, empty diary."
)


class DeleteAllDialog(QDialog):
    """Accepted only when :attr:`confirm_edit` holds DELETE; the caller then deletes."""

    def __init__(
        self, store: DiaryStore, path: Path, clock: Clock, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._path = path
        self._clock = clock
        self.exported_to: Path | None = None
        self.setWindowTitle("Delete all my data")
        self.setMinimumWidth(520)
        self._build_layout()
        self._connect_signals()
        self._on_typed("")
        self.export_button.setFocus()

    def _build_layout(self) -> None:
        layout = QVBoxLayout(self)
        self.intro_label = QLabel(WHAT_GOES, self)
        self.intro_label.setWordWrap(True)
        self.path_label = make_note_label(f"Diary: {self._path}", self)
        self.export_label = QLabel(
            "You may want a copy first, to keep or to bring into moodlog again later.", self
        )
        self.export_label.setWordWrap(True)
        self.export_button = QPushButton("&Export my diary first…", self)
        self.export_button.setAutoDefault(False)
        export_row = QHBoxLayout()
        export_row.addWidget(self.export_button)
        export_row.addStretch(1)
        self.export_note = make_note_label("", self)
        self.export_note.hide()
        self.confirm_edit = QLineEdit(self)
        self.confirm_edit.setAccessibleName(f"Type {CONFIRM_WORD} to confirm")
        self.confirm_label = buddy_label(
            f"To confirm, &type {CONFIRM_WORD}:", self.confirm_edit, self
        )
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setAccessibleName("Problem")
        self.error_label.hide()
        self.button_box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.delete_button = self.button_box.addButton(
            "&Delete everything", QDialogButtonBox.ButtonRole.DestructiveRole
        )
        # No default button: Enter in the field deletes only when DELETE is typed (otherwise
        # it says what to do), and never lands on a button the person didn't choose.
        for button in self.button_box.buttons():
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)
                button.setDefault(False)
        for widget in (self.intro_label, self.path_label, self.export_label):
            layout.addWidget(widget)
        layout.addLayout(export_row)
        layout.addWidget(self.export_note)
        layout.addSpacing(8)
        layout.addWidget(self.confirm_label)
        layout.addWidget(self.confirm_edit)
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        layout.addWidget(self.button_box)

    def _connect_signals(self) -> None:
        self.export_button.clicked.connect(self.export_first)
        self.confirm_edit.textChanged.connect(self._on_typed)
        self.confirm_edit.returnPressed.connect(self.accept)
        self.delete_button.clicked.connect(self.accept)
        self.button_box.rejected.connect(self.reject)

    def _on_typed(self, text: str) -> None:
        self.delete_button.setEnabled(text.strip() == CONFIRM_WORD)

    def export_first(self) -> Path | None:
        """Ask where, then write the whole diary there as moodlog JSON."""
        from moodlog.storage.export_file import ExportKind, save_export

        now = self._clock()
        suggested = Path.home() / f"moodlog-export-{now:%Y-%m-%d}.json"
        chosen = dialogs.ask_save_path(
            self, "Export your diary", suggested, "moodlog export (*.json)"
        )
        if chosen is None:
            return None
        try:
            save_export(self._store, ExportKind.JSON, chosen, now)
        except StorageError as error:
            self._say(error.message)
            return None
        self.exported_to = chosen
        self.error_label.hide()
        self.export_note.setText(
            f"✓ Exported to {chosen}. It is a plain file that isn't encrypted: keep it "
            "somewhere private."
        )
        self.export_note.show()
        return chosen

    def _say(self, text: str) -> None:
        self.error_label.setText(f"⚠ {text}")
        self.error_label.show()

    @override
    def accept(self) -> None:
        if self.confirm_edit.text().strip() != CONFIRM_WORD:
            self._say(f"Type {CONFIRM_WORD} in capitals to confirm, or choose Cancel.")
            self.confirm_edit.setFocus()
            return
        super().accept()


def delete_all_data(store: DiaryStore, path: Path, parent: QWidget) -> None:
    """Close the diary and delete its files, then say so (or say which file is left and
    what to do). The caller then closes moodlog and clears its settings."""
    store.close()
    try:
        delete_diary_files(path)
    except StorageError as error:
        dialogs.show_error(parent, "Not everything could be deleted", error.message)
        return
    dialogs.show_info(parent, DONE_TITLE, DONE_TEXT)
