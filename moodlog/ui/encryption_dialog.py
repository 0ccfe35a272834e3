"""EncryptionDialog: turn the diary's encryption on, change its passphrase, or turn it off.

It says plainly that a forgotten passphrase can't be recovered. The change itself happens
in storage (encryption_change.py): the diary is copied aside, re-written under the new
passphrase into a new file, checked, and only then put in place, so a wrong current
passphrase or a failure leaves the diary as it was and the dialog open with what was typed.
"""

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QCheckBox, QDialogButtonBox, QLabel, QLineEdit, QRadioButton, QWidget
from typing_extensions import override

from moodlog.domain.clock import Clock
from moodlog.domain.passphrases import validate_passphrase_change
from moodlog.domain.translation import QT_TRANSLATE_NOOP
from moodlog.storage.diary_store import DiaryStore
from moodlog.storage.encrypted_connection import encryption_available, is_encrypted
from moodlog.storage.encryption_change import change_store_encryption
from moodlog.storage.errors import StorageError, WrongPassphrase
from moodlog.ui.form_dialog import FormDialog, buddy_label, make_line_edit, make_note_label

# Translated where shown (:func:`_shown`), under the context "EncryptionDialog".
FORGOTTEN_TEXT = QT_TRANSLATE_NOOP(
    "EncryptionDialog",
    "If the passphrase is forgotten, nobody can open the diary again: not you, not moodlog, "
    "not its makers. There is no reset. Write it down and keep it somewhere safe.",
)
ON_TEXT = QT_TRANSLATE_NOOP(
    "EncryptionDialog",
    "Your diary is not encrypted: anyone who can open its file can read it. With a "
    "passphrase, the diary and the backups made from now on can only be opened with it. "
    "Backups made before today stay as they are, and exports are always plain files.",
)
ENCRYPTED_TEXT = QT_TRANSLATE_NOOP("EncryptionDialog", "Your diary is encrypted with a passphrase.")


def _shown(text: str) -> str:
    """One of this module's texts above, in the person's language."""
    return QCoreApplication.translate("EncryptionDialog", text)


class EncryptionDialog(FormDialog):
    """After ``accepted``, :attr:`outcome` says what changed (for the status bar)."""

    def __init__(
        self, store: DiaryStore, path: Path, clock: Clock, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, fit_to_text=True)
        self._store = store
        self._path = path
        self._clock = clock
        self.encrypted = is_encrypted(path)
        self.outcome = ""
        self.setWindowTitle(self.tr("Encryption"))
        self.setMinimumWidth(520)
        self.intro_label = QLabel(_shown(ENCRYPTED_TEXT if self.encrypted else ON_TEXT), self)
        self.intro_label.setWordWrap(True)
        self.forgotten_label = QLabel(_shown(FORGOTTEN_TEXT), self)
        self.forgotten_label.setWordWrap(True)
        bold = self.forgotten_label.font()
        bold.setBold(True)
        self.forgotten_label.setFont(bold)
        self.change_radio = QRadioButton(self.tr("&Change the passphrase"), self)
        self.off_radio = QRadioButton(self.tr("Turn encryption o&ff"), self)
        self.off_note = make_note_label(
            self.tr(
                "The diary file becomes readable by anyone who can open it. An encrypted copy "
                "is kept beside it until you delete it."
            ),
            self,
        )
        self.current_edit = self._secret(self.tr("Current passphrase"))
        self.new_edit = self._secret(self.tr("New passphrase"))
        self.repeat_edit = self._secret(self.tr("New passphrase again"))
        self.show_check = QCheckBox(self.tr("&Show what I type"), self)
        above: list[QWidget] = [self.intro_label]
        if self.encrypted:
            self.change_radio.setChecked(True)
            above += [self.change_radio, self.off_radio, self.off_note]
            self._add_row(self.tr("C&urrent passphrase:"), self.current_edit)
        else:  # nothing to change from: these stay out of the layout and out of sight
            for widget in (self.change_radio, self.off_radio, self.current_edit):
                widget.hide()
        self.new_label = buddy_label(self.tr("&New passphrase:"), self.new_edit, self)
        self._form.addRow(self.new_label, self.new_edit)
        self.repeat_label = buddy_label(self.tr("&Repeat it:"), self.repeat_edit, self)
        self._form.addRow(self.repeat_label, self.repeat_edit)
        self._form.addRow("", self.show_check)
        self._finish_layout(above=above, below=[self.forgotten_label])
        self.apply_button = self.button_box.button(QDialogButtonBox.StandardButton.Ok)
        self._connect_signals()
        self._on_mode_changed()
        if not encryption_available():
            self._say(
                self.tr(
                    "Encryption needs the optional sqlcipher3 package, which isn't installed. "
                    "Install it with: pip install 'moodlog[encryption]', then open this again."
                )
            )
            self.apply_button.setEnabled(False)
        (self.current_edit if self.encrypted else self.new_edit).setFocus()

    def _secret(self, name: str) -> QLineEdit:
        edit = make_line_edit(name, "", self)
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        return edit

    def _connect_signals(self) -> None:
        self.off_radio.toggled.connect(self._on_mode_changed)
        self.show_check.toggled.connect(self._on_show_toggled)

    @property
    def turning_off(self) -> bool:
        return self.encrypted and self.off_radio.isChecked()

    def _on_mode_changed(self) -> None:
        for widget in (self.new_label, self.new_edit, self.repeat_label, self.repeat_edit):
            widget.setEnabled(not self.turning_off)
        self.off_note.setVisible(self.turning_off)
        if not self.encrypted:
            label = self.tr("&Encrypt my diary")
            description = self.tr("Lock the diary with the new passphrase")
        elif self.turning_off:
            label = self.tr("Turn encryption &off")
            description = self.tr("Keep the diary without a passphrase from now on")
        else:
            label = self.tr("Change &passphrase")
            description = self.tr("Lock the diary with the new passphrase instead of the old one")
        self.apply_button.setText(label)
        self.apply_button.setAccessibleDescription(description)
        self._refit()

    def _on_show_toggled(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        for edit in (self.current_edit, self.new_edit, self.repeat_edit):
            edit.setEchoMode(mode)

    def _say(self, text: str) -> None:
        self.error_label.setText(f"⚠ {text}")
        self.error_label.show()
        self._refit()

    def _request(self) -> tuple[str | None, str | None]:
        current = self.current_edit.text() if self.encrypted else None
        new = None if self.turning_off else self.new_edit.text()
        return current, new

    @override
    def _validate(self) -> None:
        current, new = self._request()
        validate_passphrase_change(current, new, self.repeat_edit.text())

    @override
    def _field_widget(self, field: str) -> QWidget | None:
        return {"current": self.current_edit, "new": self.new_edit}.get(field, self.repeat_edit)

    @override
    def accept(self) -> None:
        if not self._entry_is_valid():
            return
        current, new = self._request()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            kept = change_store_encryption(self._store, self._path, current, new, self._clock())
        except WrongPassphrase:
            self._say(self.tr("That isn't the passphrase this diary has now. Nothing was changed."))
            self.current_edit.selectAll()
            self.current_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        except StorageError as error:
            self._say(error.message)
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.outcome = _outcome(current, new, kept)
        super().accept()


def _outcome(current: str | None, new: str | None, kept: Path | None) -> str:
    if current is None:
        return QCoreApplication.translate(
            "EncryptionDialog",
            "Your diary is now encrypted. Keep the passphrase safe: it can't be recovered.",
        )
    if new is None and kept is not None:
        off = QCoreApplication.translate(
            "EncryptionDialog",
            "Encryption is off: the diary file is no longer encrypted. The encrypted copy "
            "is {file}.",
        )
        return off.format(file=kept.name)
    if new is None:
        return QCoreApplication.translate(
            "EncryptionDialog", "Encryption is off: the diary file is no longer encrypted."
        )
    return QCoreApplication.translate(
        "EncryptionDialog", "The passphrase is changed. The old one no longer opens the diary."
    )
