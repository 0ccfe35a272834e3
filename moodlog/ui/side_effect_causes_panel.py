"""SideEffectCausesPanel: for each side effect, what the person suspects causes it, and when
it began relative to that cause's start or dose change."""

from datetime import date

from PySide6.QtCore import QEvent, QLocale, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QGridLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from moodlog.domain.medications import Medication
from moodlog.domain.side_effects import SideEffect
from moodlog.domain.treatments import TreatmentCourse
from moodlog.ui.choice_rows import clear_grid
from moodlog.ui.qt_dates import to_qdate

# The combo's data: "medication:<id>", "course:<id>", or "" for none.
Cause = str


def medication_cause(medication_id: int) -> Cause:
    return f"medication:{medication_id}"


def course_cause(course_id: int) -> Cause:
    return f"course:{course_id}"


def parse_cause(cause: Cause) -> tuple[int | None, int | None]:
    """(medication id, course id), at most one of them set."""
    kind, _, number = cause.partition(":")
    if kind == "medication":
        return int(number), None
    if kind == "course":
        return None, int(number)
    return None, None


def _month(day: date) -> str:
    """ "Nov 2025", with the month's name in the person's language."""
    return QLocale().toString(to_qdate(day), "MMM yyyy")


class SideEffectCausesPanel(QWidget):
    """Signals:
    cause_changed(int, str): a side effect's id and its new :data:`Cause`.
    """

    cause_changed = Signal(int, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combos: dict[int, QComboBox] = {}
        self.onset_labels: dict[int, QLabel] = {}
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "If you suspect a medication or treatment causes a side effect, say which. "
                "moodlog shows when the side effect was first rated after it started or its "
                "dose changed — a timeline for your clinician, not proof of a cause."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        # Tab moves through the combos (the area follows the focus), not to the area itself.
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setAccessibleName(self.tr("Side effects and their suspected causes"))
        self._content = QWidget(scroll)
        self._grid = QGridLayout(self._content)
        scroll.setWidget(self._content)
        self._scroll = scroll
        layout.addWidget(scroll, 1)

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Wheel
            and isinstance(watched, QComboBox)
            and not watched.hasFocus()
        ):
            QApplication.sendEvent(self._scroll.viewport(), event)  # scroll the list instead
            return True
        return super().eventFilter(watched, event)

    def set_items(
        self,
        effects: list[SideEffect],
        medications: list[Medication],
        courses: list[TreatmentCourse],
        onsets: dict[int, str],
    ) -> None:
        """One row per tracked side effect (or one with a cause); ``onsets`` holds the onset
        text of each effect with a cause."""
        clear_grid(self._grid)
        self.combos.clear()
        self.onset_labels.clear()
        self._grid.addWidget(QLabel(self.tr("<b>Side effect</b>"), self._content), 0, 0)
        self._grid.addWidget(QLabel(self.tr("<b>Suspected cause</b>"), self._content), 0, 1)
        self._grid.addWidget(QLabel(self.tr("<b>When it began</b>"), self._content), 0, 2)
        shown = [
            e for e in effects if e.is_tracked or e.suspected_medication_id or e.suspected_course_id
        ]
        for row, effect in enumerate(shown, start=1):
            combo = QComboBox(self._content)
            # A wheel turned while scrolling the list must not change a saved cause.
            combo.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            combo.installEventFilter(self)
            combo.setAccessibleName(
                self.tr("Suspected cause of {side_effect}").format(side_effect=effect.label)
            )
            combo.setAccessibleDescription(
                self.tr("The medication or treatment you think brought this on, if any")
            )
            combo.addItem(self.tr("Not sure / none"), "")
            for medication in sorted(medications, key=lambda m: m.started, reverse=True):
                combo.addItem(
                    self.tr("{name} (from {month})").format(
                        name=medication.name, month=_month(medication.started)
                    ),
                    medication_cause(medication.id or 0),
                )
            for course in sorted(courses, key=lambda c: c.started, reverse=True):
                combo.addItem(
                    self.tr("{name} (from {month})").format(
                        name=course.title, month=_month(course.started)
                    ),
                    course_cause(course.id or 0),
                )
            current: Cause = ""
            if effect.suspected_medication_id is not None:
                current = medication_cause(effect.suspected_medication_id)
            elif effect.suspected_course_id is not None:
                current = course_cause(effect.suspected_course_id)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            label = QLabel(effect.label, self._content)
            label.setBuddy(combo)
            onset = QLabel(onsets.get(effect.id, ""), self._content)
            onset.setWordWrap(True)
            onset.setAccessibleName(
                self.tr("When {side_effect} began").format(side_effect=effect.label)
            )
            combo.currentIndexChanged.connect(
                lambda _i, e=effect.id, c=combo: self.cause_changed.emit(e, c.currentData())
            )
            self._grid.addWidget(label, row, 0)
            self._grid.addWidget(combo, row, 1)
            self._grid.addWidget(onset, row, 2)
            self.combos[effect.id] = combo
            self.onset_labels[effect.id] = onset
        self._grid.setColumnStretch(2, 1)
        self._grid.setRowStretch(len(shown) + 1, 1)
