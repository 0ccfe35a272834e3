"""CheckInPanel: the ratings, time and note of one check-in."""

from collections.abc import Iterable, Mapping
from datetime import date, datetime, time
from typing import Any

from PySide6.QtCore import QTime, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from moodlog.domain.check_in import CheckIn
from moodlog.domain.scales import MOOD, SCALES, SCALES_BY_KEY, Scale, mood_words
from moodlog.ui.choice_input import ChoiceInput
from moodlog.ui.qt_dates import time_display_format


class CheckInPanel(QGroupBox):
    """Edit one check-in. Only the scales in ``shown_scales`` appear.

    Signals:
        edited(): the person changed something.
    """

    edited = Signal()

    def __init__(
        self,
        shown_scales: Iterable[str],
        parent: QWidget | None = None,
        *,
        anchors: Mapping[str, tuple[str, str]] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("How are you right now?"))
        self.inputs: dict[str, ChoiceInput] = {}
        self._rows: dict[str, list[QWidget]] = {}
        self._value_labels: dict[str, QLabel] = {}
        self.anchor_labels: dict[str, QLabel] = {}
        self._mood_words = list(mood_words())
        self._hidden_values: dict[str, int] = {}
        self._build_layout()
        self.set_shown_scales(shown_scales)
        for key, (low, high) in (anchors or {}).items():
            self.set_anchors(key, low, high)
        self._connect_signals()

    def _build_layout(self) -> None:
        outer = QVBoxLayout(self)
        time_row = QHBoxLayout()
        self.time_edit = QTimeEdit(self)
        self.time_edit.setDisplayFormat(time_display_format())
        self.time_edit.setAccessibleName(self.tr("Time of this check-in"))
        self.time_edit.setAccessibleDescription(
            self.tr("When you felt like this: hour and minutes")
        )
        time_label = QLabel(self.tr("Ti&me of this check-in:"), self)
        time_label.setBuddy(self.time_edit)
        time_row.addWidget(time_label)
        time_row.addWidget(self.time_edit)
        time_row.addStretch(1)
        outer.addLayout(time_row)
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(0)
        for index, scale in enumerate(SCALES):
            self._add_scale_row(grid, index * 2, scale)
        grid.setColumnStretch(1, 1)
        outer.addLayout(grid)
        note_label = QLabel(self.tr("&Note"), self)
        self.note_edit = QPlainTextEdit(self)
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setPlaceholderText(
            self.tr("Anything you want to remember about today (optional)")
        )
        self.note_edit.setAccessibleName(self.tr("Note"))
        self.note_edit.setAccessibleDescription(
            self.tr("Anything you want to remember about today; optional. Tab leaves it")
        )
        self.note_edit.setMinimumHeight(self.fontMetrics().lineSpacing() * 4)
        note_label.setBuddy(self.note_edit)
        self.clinician_check = QCheckBox(
            self.tr("For my clinician: bring this &up at my next visit"), self
        )
        self.clinician_check.setAccessibleDescription(
            self.tr("The note goes in the report for your clinician")
        )
        outer.addWidget(note_label)
        outer.addWidget(self.note_edit, 1)
        outer.addWidget(self.clinician_check)

    def _add_scale_row(self, grid: QGridLayout, row: int, scale: Scale) -> None:
        if scale is MOOD:
            describe = dict(enumerate(mood_words()))
        else:
            describe = {0: scale.low, 10: scale.high}
        choice = ChoiceInput(scale.label, range(11), describe=describe, parent=self)
        choice.setToolTip(self._tooltip(scale, scale.low, scale.high))
        label = QLabel(scale.label, self)
        label.setBuddy(choice)
        value_label = QLabel(self)
        value_label.setMinimumWidth(self.fontMetrics().horizontalAdvance("Somewhat good"))
        value_label.setWordWrap(True)
        anchors = QLabel(f"0 = {scale.low}   ·   10 = {scale.high}", self)
        font = anchors.font()
        font.setPointSizeF(font.pointSizeF() * 0.85)
        anchors.setFont(font)
        anchors.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        grid.addWidget(label, row, 0)
        grid.addWidget(choice, row, 1)
        grid.addWidget(value_label, row, 2)
        grid.addWidget(anchors, row + 1, 1, 1, 2)
        self.anchor_labels[scale.key] = anchors
        self.inputs[scale.key] = choice
        self._value_labels[scale.key] = value_label
        self._rows[scale.key] = [label, choice, value_label, anchors]

    def _connect_signals(self) -> None:
        for key, choice in self.inputs.items():
            choice.value_changed.connect(lambda _v, k=key: self._on_rating_changed(k))
        self.note_edit.textChanged.connect(self.edited)
        self.clinician_check.toggled.connect(self.edited)
        self.time_edit.timeChanged.connect(self.edited)

    def _on_rating_changed(self, key: str) -> None:
        self._refresh_value_label(key)
        self.edited.emit()

    def _refresh_value_label(self, key: str) -> None:
        value = self.inputs[key].value()
        if value is None:
            text = self.tr("not rated")
        elif key == MOOD.key:
            text = f"{value} · {self._mood_words[value]}"
        else:
            text = str(value)
        self._value_labels[key].setText(text)

    def set_anchors(self, key: str, low: str, high: str) -> None:
        """Show the person's own words for the ends (0 and 10) of the scale ``key``."""
        scale = SCALES_BY_KEY[key]
        choice = self.inputs[key]
        if key == MOOD.key:
            # Mood has a word for every value; its ends follow the person's own words.
            usual_words = mood_words()
            for value, text, usual in ((0, low, MOOD.low), (10, high, MOOD.high)):
                own = text[:1].upper() + text[1:]
                self._mood_words[value] = usual_words[value] if text == usual else own
            choice.set_descriptions(dict(enumerate(self._mood_words)))
        else:
            choice.set_descriptions({0: low, 10: high})
        choice.setToolTip(self._tooltip(scale, low, high))
        self.anchor_labels[key].setText(f"0 = {low}   ·   10 = {high}")
        self._refresh_value_label(key)

    def _tooltip(self, scale: Scale, low: str, high: str) -> str:
        return self.tr(
            "{question} 0 = {low}, 10 = {high}. Type a digit (1 then 0 for 10); Delete clears."
        ).format(question=scale.question, low=low, high=high)

    def set_shown_scales(self, keys: Iterable[str]) -> None:
        """Show only these scales. A hidden scale keeps its value, so nothing is lost."""
        shown = set(keys)
        for key, widgets in self._rows.items():
            for widget in widgets:
                widget.setVisible(key in shown)

    def shown_scales(self) -> list[str]:
        return [key for key, widgets in self._rows.items() if not widgets[0].isHidden()]

    # -- values ------------------------------------------------------------------------

    def load(self, check_in: CheckIn | None, default_time: time) -> None:
        """Show a saved check-in, or a blank one at ``default_time``."""
        for key, choice in self.inputs.items():
            choice.set_value(check_in.ratings.get(key) if check_in else None)
            self._refresh_value_label(key)
        moment = check_in.recorded_at.time() if check_in else default_time
        self.time_edit.blockSignals(True)
        self.time_edit.setTime(QTime(moment.hour, moment.minute))
        self.time_edit.blockSignals(False)
        self.note_edit.blockSignals(True)
        self.note_edit.setPlainText(check_in.note if check_in else "")
        self.note_edit.blockSignals(False)
        self.clinician_check.blockSignals(True)
        self.clinician_check.setChecked(bool(check_in and check_in.for_clinician))
        self.clinician_check.blockSignals(False)

    def check_in(self, day: date, check_in_id: int | None) -> CheckIn:
        moment = self.time_edit.time()
        ratings = {k: v for k, c in self.inputs.items() if (v := c.value()) is not None}
        return CheckIn(
            id=check_in_id,
            recorded_at=datetime.combine(day, time(moment.hour(), moment.minute())),
            ratings=ratings,
            note=self.note_edit.toPlainText(),
            for_clinician=self.clinician_check.isChecked(),
        )

    def state(self) -> dict[str, Any]:
        """The raw form contents, for a draft."""
        return {
            "time": self.time_edit.time().toString("HH:mm"),
            "ratings": {k: c.value() for k, c in self.inputs.items() if c.value() is not None},
            "note": self.note_edit.toPlainText(),
            "for_clinician": self.clinician_check.isChecked(),
        }

    def restore_state(self, day: date, state: dict[str, Any]) -> None:
        moment = time.fromisoformat(state.get("time", "12:00"))
        ratings = {k: int(v) for k, v in state.get("ratings", {}).items() if k in self.inputs}
        self.load(
            CheckIn(
                recorded_at=datetime.combine(day, moment),
                ratings=ratings,
                note=str(state.get("note", "")),
                for_clinician=bool(state.get("for_clinician", False)),
            ),
            moment,
        )

    def focus_first(self) -> None:
        for key in self.shown_scales():
            self.inputs[key].setFocus()
            return
