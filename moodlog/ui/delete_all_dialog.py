"""DeleteAllDialog: "Delete all my data". It says what goes, offers an export first, and
deletes only once the person has typed DELETE; then :func:`delete_all_data` does it.

After deleting, moodlog closes rather than starting again with an empty diary in the same
window: nothing of the old diary (views already built, charts, drafts in the form) can then
linger on screen or in memory, and the next start simply creates a new diary.
"""

from pathlib import Path

from PySide6.QtCore import QCoreApplication
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
from moodlog.domain.translation import QT_TRANSLATE_NOOP
from moodlog.storage.diary_deletion import delete_diary_files
from moodlog.storage.diary_store import DiaryStore
from moodlog.storage.errors import StorageError
from moodlog.ui import dialogs
from moodlog.ui.form_dialog import buddy_label, make_note_label

# Translated where shown (:func:`_shown`), under the context "DeleteAllDialog".
WHAT_GOES = QT_TRANSLATE_NOOP(
    "DeleteAllDialog",
    "This deletes your diary from this computer: every check-in, note, sleep record, "
    "treatment, questionnaire and appointment, the automatic backups beside it, any "
    "unsaved draft, and moodlog's settings. It can't be undone.",
)
DONE_TITLE = QT_TRANSLATE_NOOP("DeleteAllDialog", "Your data is deleted")
DONE_TEXT = QT_TRANSLATE_NOOP(
    "DeleteAllDialog",
    "Your diary, its backups and moodlog's settings are gone from this computer. moodlog "
    "will close now. If you open it again, it starts with a new, empty diary.",
)


def _shown(text: str) -> str:
    """One of this module's texts above, in the person's language."""
    return QCoreApplication.translate("DeleteAllDialog", text)


class DeleteAllDialog(QDialog):
    """Accepted only when :attr:`confirm_edit` holds :attr:`confirm_word` (DELETE, in the
    person's language); the caller then deletes."""

    def __init__(
        self, store: DiaryStore, path: Path, clock: Clock, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._path = path
        self._clock = clock
        self.exported_to: Path | None = None
        # One translation of the word, both asked for and compared with what is typed.
        #: The word a person types to confirm deleting everything; the sentences that ask
        #: for it show this translation. One word, easy to type, in capitals where the
        #: language has them.
        self.confirm_word = self.tr("DELETE")
        self.setWindowTitle(self.tr("Delete all my data"))
        self.setMinimumWidth(520)
        self._build_layout()
        self._connect_signals()
        self._on_typed("")
        self.export_button.setFocus()

    def _build_layout(self) -> None:
        layout = QVBoxLayout(self)
        self.intro_label = QLabel(_shown(WHAT_GOES), self)
        self.intro_label.setWordWrap(True)
        self.path_label = make_note_label(self.tr("Diary: {path}").format(path=self._path), self)
        self.export_label = QLabel(
            self.tr("You may want a copy first, to keep or to bring into moodlog again later."),
            self,
        )
        self.export_label.setWordWrap(True)
        self.export_button = QPushButton(self.tr("&Export my diary first…"), self)
        self.export_button.setAutoDefault(False)
        export_row = QHBoxLayout()
        export_row.addWidget(self.export_button)
        export_row.addStretch(1)
        self.export_note = make_note_label("", self)
        self.export_note.hide()
        self.confirm_edit = QLineEdit(self)
        #: {word}: the translation of "DELETE", the word to type.
        type_it = self.tr("Type {word} to confirm").format(word=self.confirm_word)
        self.confirm_edit.setAccessibleName(type_it)
        #: {word}: the translation of "DELETE", the word to type.
        to_confirm = self.tr("To confirm, &type {word}:").format(word=self.confirm_word)
        self.confirm_label = buddy_label(to_confirm, self.confirm_edit, self)
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setAccessibleName(self.tr("Problem"))
        self.error_label.hide()
        self.button_box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.delete_button = self.button_box.addButton(
            self.tr("&Delete everything"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        # No default button: Enter in the field deletes only when DELETE is typed (otherwise
        # it says what to do), and never lands on a button the person didn't choose.
        for button in self.button_box.buttons():
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)
                button.setDefault(False)
        cancel = self.button_box.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleDescription(self.tr("Close this and keep everything"))
        self.export_button.setAccessibleDescription(
            self.tr("Save a copy of your whole diary before anything is deleted")
        )
        self.confirm_edit.setAccessibleDescription(
            self.tr("Type the word asked for above to allow the deletion")
        )
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
        self.delete_button.setEnabled(text.strip() == self.confirm_word)

    def export_first(self) -> Path | None:
        """Ask where, then write the whole diary there as moodlog JSON."""
        from moodlog.storage.export_file import ExportKind, save_export

        now = self._clock()
        #: A suggested file name (the extension is added after it); no slashes in it.
        name = self.tr("moodlog-export-{day}").format(day=f"{now:%Y-%m-%d}")
        chosen = dialogs.ask_save_path(
            self,
            self.tr("Export your diary"),
            Path.home() / f"{name}.json",
            #: A file-chooser filter: translate the description, keep the pattern in
            #: brackets as it is.
            self.tr("moodlog export (*.json)"),
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
        exported = self.tr(
            "✓ Exported to {path}. It is a plain file that isn't encrypted: keep it "
            "somewhere private."
        )
        self.export_note.setText(exported.format(path=chosen))
        self.export_note.show()
        return chosen

    def _say(self, text: str) -> None:
        self.error_label.setText(f"⚠ {text}")
        self.error_label.show()

    @override
    def accept(self) -> None:
        if self.confirm_edit.text().strip() != self.confirm_word:
            #: {word}: the translation of "DELETE", the word to type.
            self._say(
                self.tr("Type {word} in capitals to confirm, or choose Cancel.").format(
                    word=self.confirm_word
                )
            )
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
        title = QCoreApplication.translate("DeleteAllDialog", "Not everything could be deleted")
        dialogs.show_error(parent, title, error.message)
        return
    dialogs.show_info(parent, _shown(DONE_TITLE), _shown(DONE_TEXT))
