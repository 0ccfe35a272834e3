"""QuestionnaireDueLine: one quiet line on the Today view when a questionnaire is due, with a
button to take it and one to put it away for the day. Hidden otherwise; it never pops up."""

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

if TYPE_CHECKING:  # the schedule loads after the first frame (MainWindow.refresh_due)
    from moodlog.domain.instruments import Instrument
    from moodlog.domain.questionnaire_schedule import Due


class QuestionnaireDueLine(QFrame):
    """Signals:
    take_requested(object): the Instrument to take now.
    """

    take_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self.setAccessibleName(self.tr("Questionnaire due"))
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.take_button = QPushButton(self)
        self.take_button.setAutoDefault(False)
        self.later_button = QPushButton(self.tr("Not toda&y"), self)
        self.later_button.setAutoDefault(False)
        self.later_button.setToolTip(self.tr("Hide this until tomorrow; nothing else reminds you."))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.take_button)
        layout.addWidget(self.later_button)
        self._instrument: Instrument | None = None
        self._put_away_on: date | None = None
        self.take_button.clicked.connect(self._take)
        self.later_button.clicked.connect(self._put_away)
        self.hide()

    def set_due(self, dues: Sequence["Due"], today: date) -> None:
        """Show the first questionnaire due by ``today`` (unless put away today)."""
        due = next((d for d in dues if d.is_due(today)), None)
        self._today = today
        if due is None or self._put_away_on == today:
            self._instrument = None
            self.hide()
            return
        self._instrument = due.instrument
        name = due.instrument.label
        items = len(due.instrument.info.items)
        self.label.setText(
            self.tr(
                "A {questionnaire} is due ({items} short questions about the last 2 weeks). "
                "{reason}"
            ).format(questionnaire=name, items=items, reason=due.reason)
        )
        self.take_button.setText(
            self.tr("Ta&ke the {questionnaire} now").format(questionnaire=name)
        )
        self.take_button.setAccessibleName(
            self.tr("Take the {questionnaire} now").format(questionnaire=name)
        )
        self.show()

    def _take(self) -> None:
        if self._instrument is not None:
            self.take_requested.emit(self._instrument)

    def _put_away(self) -> None:
        self._put_away_on = self._today
        self.hide()
