"""PassphraseDialog: asks for an encrypted diary's passphrase at start-up, before the window.

``unlock`` opens the diary with what was typed; a wrong passphrase says so quietly and lets
the person try again, three times in all. After the third, the dialog says calmly that
nothing has changed and that they can come back later, and offers only Close.
"""

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt
from PySide6.QtWidgets import QCheckBox, QDialogButtonBox, QLabel, QLineEdit, QWidget
from typing_extensions import override

from moodlog.domain.translation import QT_TRANSLATE_NOOP
from moodlog.storage.diary_store import DiaryStore
from moodlog.storage.errors import StorageError, WrongPassphrase
from moodlog.ui.form_dialog import FormDialog, make_line_edit, make_note_label

TRIES = 3
GIVE_UP_TEXT = QT_TRANSLATE_NOOP(
    "PassphraseDialog",
    "That didn't open the diary either. Nothing in it has changed. Take a break and open "
    "moodlog again later: a passphrase often comes back after a rest.",
)


class PassphraseDialog(FormDialog):
    """After ``accepted``, :meth:`store` is the opened diary and :meth:`passphrase` what
    opened it. A storage problem other than the passphrase closes the dialog (rejected)
    with :attr:`error` set, for the caller to show."""

    def __init__(
        self, path: Path, unlock: Callable[[str], DiaryStore], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, fit_to_text=True)
        self._unlock = unlock
        self._tries_left = TRIES
        self._store: DiaryStore | None = None
        self._passphrase = ""
        self.error: StorageError | None = None
        self.setWindowTitle(self.tr("Your diary is locked"))
        self.setMinimumWidth(460)
        self.intro_label = QLabel(
            self.tr("This diary is encrypted. Type its passphrase to open it."), self
        )
        self.intro_label.setWordWrap(True)
        self.path_label = make_note_label(self.tr("Diary: {path}").format(path=path), self)
        self.passphrase_edit = make_line_edit(self.tr("Passphrase"), "", self)
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self._add_row(self.tr("&Passphrase:"), self.passphrase_edit)
        self.show_check = QCheckBox(self.tr("&Show what I type"), self)
        self.show_check.toggled.connect(self._on_show_toggled)
        self._form.addRow("", self.show_check)
        self._finish_layout(above=[self.intro_label, self.path_label])
        self.unlock_button = self.button_box.button(QDialogButtonBox.StandardButton.Ok)
        self.unlock_button.setText(self.tr("&Open diary"))
        self.unlock_button.setAccessibleDescription(
            self.tr("Unlock the diary with this passphrase and open it")
        )
        self.button_box.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleDescription(
            self.tr("Close this window without opening the diary")
        )
        self.passphrase_edit.setFocus()

    def store(self) -> DiaryStore | None:
        return self._store

    def passphrase(self) -> str:
        return self._passphrase

    def _on_show_toggled(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.passphrase_edit.setEchoMode(mode)

    def _say(self, text: str) -> None:
        self.error_label.setText(f"⚠ {text}")
        self.error_label.show()
        self._refit()

    @override
    def accept(self) -> None:
        if self._tries_left == 0:
            return
        typed = self.passphrase_edit.text()
        if not typed:
            self._say(self.tr("Type the passphrase first."))
            return
        try:
            self._store = self._unlock(typed)
        except WrongPassphrase:
            self._tries_left -= 1
            self.passphrase_edit.clear()
            if self._tries_left == 0:
                self._give_up()
            else:
                if self._tries_left == 1:
                    wrong = self.tr(
                        "That passphrase doesn't open this diary. Check Caps Lock and the "
                        "keyboard layout, then try again (one more try)."
                    )
                else:
                    wrong = self.tr(
                        "That passphrase doesn't open this diary. Check Caps Lock and the "
                        "keyboard layout, then try again ({tries} more tries)."
                    )
                self._say(wrong.format(tries=self._tries_left))
                self.passphrase_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        except StorageError as error:
            self.error = error
            self.reject()
            return
        self._passphrase = typed
        super().accept()

    def _give_up(self) -> None:
        """After the last try: say so calmly; only Close is left."""
        self.error_label.setText(QCoreApplication.translate("PassphraseDialog", GIVE_UP_TEXT))
        self.error_label.show()
        self.passphrase_edit.setEnabled(False)
        self.show_check.setEnabled(False)
        self.unlock_button.hide()
        cancel = self.button_box.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Close"))
        cancel.setDefault(True)
        cancel.setFocus()
        self._refit()


def ask_passphrase(path: Path, unlock: Callable[[str], DiaryStore]) -> DiaryStore | None:
    """Show the dialog before any window and wait for it: the opened diary, or ``None``
    when the person closes it. Raises the storage problem it closed on, if any."""
    dialog = PassphraseDialog(path, unlock)
    loop = QEventLoop()
    dialog.finished.connect(loop.quit)
    dialog.open()
    loop.exec()
    dialog.deleteLater()
    if dialog.error is not None:
        raise dialog.error
    return dialog.store()
