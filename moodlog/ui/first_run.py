"""FirstRunDialog: a short welcome for a new, empty diary, shown once.

It says where the diary lives, that nothing leaves the computer and that moodlog neither
diagnoses nor advises; then it offers, one page each and each skippable, to bring in the
history from another app, to add current medications and to set a reminder (the offers
this moodlog cannot make are left out). "Not now" and Esc close it at any page; it does not
come back, and everything it offers stays in the menus and in Settings.
"""

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from moodlog.storage.diary_store import DiaryStore

_SHOWN_KEY = "first_run/shown"

Offer = Callable[[], QDialog | None]


def first_run_is_due(settings: QSettings, store: DiaryStore) -> bool:
    """True once: for a diary with nothing in it yet, the first time moodlog sees it. A
    diary that already holds days or medications never gets the welcome."""
    if str(settings.value(_SHOWN_KEY, "false")).lower() == "true":
        return False
    if store.first_day() is not None or store.treatments.medications():
        mark_first_run_shown(settings)
        return False
    return True


def mark_first_run_shown(settings: QSettings) -> None:
    settings.setValue(_SHOWN_KEY, "true")


class _Step(QWidget):
    """One page: a heading, some lines, an optional action button and a status line."""

    def __init__(self, heading: str, lines: list[str], parent: QWidget) -> None:
        super().__init__(parent)
        self.layout_ = QVBoxLayout(self)
        title = QLabel(heading, self)
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        title.setFont(font)
        title.setWordWrap(True)
        self.layout_.addWidget(title)
        self.heading = heading
        for text in lines:
            self.add_line(text)

    def add_line(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.layout_.addWidget(label)
        return label


class FirstRunDialog(QDialog):
    """The welcome (see the module's docstring). Each offer is a callable that opens its
    dialog (or returns ``None`` when it opened nothing); ``None`` leaves the page out.

    Public: ``pages`` (QStackedWidget), ``path_label``, ``action_buttons`` (page heading →
    button), ``status_labels`` (page heading → label), ``not_now_button``,
    ``skip_button`` ("Skip", "Next" once the page's action was used), ``back_button``.
    """

    def __init__(
        self,
        diary_path: Path | None,
        parent: QWidget | None = None,
        *,
        import_history: Offer | None = None,
        add_medication: Offer | None = None,
        set_reminder: Offer | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Welcome to moodlog"))
        self.action_buttons: dict[str, QPushButton] = {}
        self.status_labels: dict[str, QLabel] = {}
        self._used: set[int] = set()
        self._build_layout(diary_path, import_history, add_medication, set_reminder)
        self._connect_signals()
        self._show_page(0)

    # -- building ----------------------------------------------------------------------------

    def _build_layout(
        self,
        diary_path: Path | None,
        import_history: Offer | None,
        add_medication: Offer | None,
        set_reminder: Offer | None,
    ) -> None:
        outer = QVBoxLayout(self)
        self.pages = QStackedWidget(self)
        welcome = _Step(
            self.tr("Welcome to moodlog"),
            [
                self.tr(
                    "A private diary for your mood, sleep and treatment, to look back on with "
                    "your clinician."
                )
            ],
            self.pages,
        )
        if diary_path is None:
            self.path_label = welcome.add_line(
                self.tr("This diary is held in memory only and is not saved to a file.")
            )
        else:
            welcome.add_line(self.tr("Your diary is one file on this computer:"))
            self.path_label = welcome.add_line(str(diary_path))
            self.path_label.setAccessibleName(self.tr("Where your diary is kept"))
            font = QFont(self.path_label.font())
            font.setStyleHint(QFont.StyleHint.Monospace)
            font.setFamily("monospace")
            self.path_label.setFont(font)
        welcome.add_line(
            self.tr(
                "Nothing you write leaves this computer: moodlog makes no network connections, "
                "and nobody monitors what you write."
            )
        )
        welcome.add_line(
            self.tr(
                "moodlog does not diagnose and does not give advice about treatment or doses. "
                "What it shows is for talking over with your clinician."
            )
        )
        welcome.layout_.addStretch(1)
        self.pages.addWidget(welcome)
        if import_history is not None:
            self._add_offer(
                self.tr("Bring your history with you"),
                self.tr(
                    "Used another mood app before? moodlog can read its export (Daylio, "
                    "Bearable, iMoodJournal, Pixels, eMoods, or a spreadsheet), so your past "
                    "days are here too. You see everything before anything is added."
                ),
                self.tr("&Import from another app…"),
                import_history,
            )
        if add_medication is not None:
            self._add_offer(
                self.tr("Your current medications"),
                self.tr(
                    "Adding what you take now lets Today ask whether you took it, and keeps "
                    "your treatment history in one place. You can add more at any time under "
                    "Treatment."
                ),
                self.tr("&Add a medication…"),
                add_medication,
            )
        if set_reminder is not None:
            self._add_offer(
                self.tr("A gentle reminder"),
                self.tr(
                    "moodlog can remind you once a day to check in, at a time you choose. It "
                    "is easy to snooze or turn off."
                ),
                self.tr("Set a &reminder…"),
                set_reminder,
            )
        done = _Step(
            self.tr("You are ready"),
            [
                self.tr(
                    "On Today, type a digit to rate how you are, then press Ctrl+S to save. "
                    "A few seconds a day is enough; a missing day is fine."
                ),
                self.tr(
                    "Everything here is also in the menus and in Settings (Ctrl+,), whenever "
                    "you like."
                ),
            ],
            self.pages,
        )
        done.layout_.addStretch(1)
        self.pages.addWidget(done)
        outer.addWidget(self.pages, 1)
        buttons = QHBoxLayout()
        self.not_now_button = QPushButton(self.tr("Not n&ow"), self)
        self.not_now_button.setToolTip(self.tr("Close the welcome; it will not come back (Esc)"))
        self.back_button = QPushButton(self.tr("&Back"), self)
        #: Skip this page's offer and go on to the next page.
        self.skip_button = QPushButton(self.tr("&Skip"), self)
        self.skip_button.setAccessibleDescription(self.tr("Go on to the next page of the welcome"))
        for button in (self.not_now_button, self.back_button):
            button.setAutoDefault(False)
        self.skip_button.setDefault(True)  # Enter goes on, unless an action has the focus
        buttons.addWidget(self.not_now_button)
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.skip_button)
        outer.addLayout(buttons)
        self.setMinimumWidth(self.fontMetrics().height() * 30)
        self.adjustSize()

    def _add_offer(self, heading: str, text: str, action: str, offer: Offer) -> None:
        step = _Step(heading, [text], self.pages)
        button = QPushButton(action, step)
        # Focused so Space (or a click) takes the offer, but Enter always goes on: a tired
        # person pressing Enter through the welcome never lands in another dialog.
        button.setAutoDefault(False)
        status = QLabel(step)
        status.setWordWrap(True)
        status.setAccessibleName(self.tr("What was done"))
        status.hide()
        step.layout_.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        step.layout_.addWidget(status)
        step.layout_.addStretch(1)
        index = self.pages.addWidget(step)
        button.clicked.connect(lambda: self._run(index, offer))
        self.action_buttons[heading] = button
        self.status_labels[heading] = status

    def _connect_signals(self) -> None:
        self.not_now_button.clicked.connect(self.reject)
        self.back_button.clicked.connect(lambda: self._show_page(self.pages.currentIndex() - 1))
        self.skip_button.clicked.connect(self._forward)

    # -- moving ------------------------------------------------------------------------------

    def page_headings(self) -> list[str]:
        return [self._heading(index) for index in range(self.pages.count())]

    def current_heading(self) -> str:
        return self._heading(self.pages.currentIndex())

    def _heading(self, index: int) -> str:
        page = self.pages.widget(index)
        assert isinstance(page, _Step)
        return page.heading

    def _forward(self) -> None:
        if self.pages.currentIndex() == self.pages.count() - 1:
            self.accept()
        else:
            self._show_page(self.pages.currentIndex() + 1)

    def _show_page(self, index: int) -> None:
        self.pages.setCurrentIndex(index)
        last = index == self.pages.count() - 1
        is_offer = index not in (0, self.pages.count() - 1)
        self.back_button.setVisible(index > 0)
        self.not_now_button.setVisible(not last)
        if last:
            #: The welcome's last button: close it and start using moodlog.
            self.skip_button.setText(self.tr("&Start"))
        elif is_offer and index not in self._used:
            #: Skip this page's offer and go on to the next page.
            self.skip_button.setText(self.tr("&Skip"))
        else:
            self.skip_button.setText(self.tr("&Next"))
        heading = self.current_heading()
        self.action_buttons.get(heading, self.skip_button).setFocus()

    def _run(self, index: int, offer: Offer) -> None:
        dialog = offer()
        if dialog is None:
            return
        status = self.status_labels[self._heading(index)]

        def finished(code: int) -> None:
            self._used.add(index)
            if code == QDialog.DialogCode.Accepted:
                status.setText(self.tr("Done. You can do it again, or go on."))
                status.show()
            if self.pages.currentIndex() == index:
                self.skip_button.setText(self.tr("&Next"))
                self.skip_button.setFocus()

        dialog.finished.connect(finished)
