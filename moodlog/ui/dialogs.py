"""Every modal question the window asks goes through here, so tests replace one function
instead of patching Qt classes."""

from pathlib import Path

from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget


def confirm(parent: QWidget | None, title: str, text: str, confirm_label: str) -> bool:
    """Ask a yes/no question whose safe answer (Cancel) is the default."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    yes = box.addButton(confirm_label, QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.exec()
    return box.clickedButton() is yes


def show_error(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.warning(parent, title, text)


def show_about(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.about(parent, title, text)


def show_info(parent: QWidget | None, title: str, text: str) -> None:
    """Tell the person something that happened (nothing to decide)."""
    QMessageBox.information(parent, title, text)


def ask_save_path(parent: QWidget | None, title: str, suggested: Path, filter: str) -> Path | None:
    """Ask where to save a file, offering ``suggested``; ``None`` if the person cancels.
    The file dialog itself asks before replacing an existing file."""
    chosen, _filter = QFileDialog.getSaveFileName(parent, title, str(suggested), filter)
    return Path(chosen) if chosen else None


def ask_open_path(parent: QWidget | None, title: str, filter: str) -> Path | None:
    """Ask for an existing file to read; ``None`` if the person cancels."""
    chosen, _filter = QFileDialog.getOpenFileName(parent, title, "", filter)
    return Path(chosen) if chosen else None


def run_modal(dialog: QDialog) -> None:
    """Show ``dialog`` and wait for its answer: only where there is no window yet to open
    it over (at start-up, before the event loop runs)."""
    dialog.exec()
