"""EpisodeDialog: when the current depressive episode began (to the month) and how severe it
was then. Both are optional; they feed only the trial counts and the staging."""

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from moodlog.domain.episode import Episode, EpisodeSeverity

_FIRST_MONTH = QDate(1900, 1, 1)


class EpisodeDialog(QDialog):
    """Edit ``episode``. :meth:`episode` holds the result once the dialog is accepted."""

    def __init__(self, episode: Episode, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        # The month offered when "Month known" is ticked.
        self._month = (episode.started or today).replace(day=1)
        self.setWindowTitle("Current episode")
        self._build_layout()
        self._connect_signals()
        self.began_check.setChecked(episode.started is not None)
        self.severity_combo.setCurrentIndex(self.severity_combo.findData(episode.severity))

    def _build_layout(self) -> None:
        outer = QVBoxLayout(self)
        self.explanation_label = QLabel(
            "moodlog uses these two answers only to count the treatments tried in this "
            "episode and to work out the staging shown for your clinician to review. "
            "Leave them as “Not set” if you are not sure.",
            self,
        )
        self.explanation_label.setWordWrap(True)
        outer.addWidget(self.explanation_label)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.began_check = QCheckBox("Month known", self)
        self.began_check.setAccessibleName("Month the episode began is known")
        self.began_edit = QDateEdit(QDate(self._month.year, self._month.month, 1), self)
        self.began_edit.setCalendarPopup(True)
        self.began_edit.setDisplayFormat("MMM yyyy")
        self.began_edit.setDateRange(
            _FIRST_MONTH, QDate(self._today.year, self._today.month, self._today.day)
        )
        self.began_edit.setSpecialValueText("Not set")
        self.began_edit.setAccessibleName("Month the episode began")
        began_row = QHBoxLayout()
        began_row.addWidget(self.began_check)
        began_row.addWidget(self.began_edit)
        began_row.addStretch(1)
        began_label = QLabel("When did the current episode &begin?", self)
        began_label.setBuddy(self.began_check)
        form.addRow(began_label, began_row)
        self.severity_combo = QComboBox(self)
        self.severity_combo.addItem("Not set", None)
        for severity in EpisodeSeverity:
            self.severity_combo.addItem(severity.label, severity)
        self.severity_combo.setAccessibleName("Severity at the start")
        severity_label = QLabel("&Severity at the start", self)
        severity_label.setBuddy(self.severity_combo)
        form.addRow(severity_label, self.severity_combo)
        outer.addLayout(form)
        outer.addStretch(1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        outer.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 64)

    def _connect_signals(self) -> None:
        self.began_check.toggled.connect(self._on_began_toggled)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._on_began_toggled(False)

    def _on_began_toggled(self, checked: bool) -> None:
        if checked:
            self.began_edit.setEnabled(True)
            self.began_edit.setDate(QDate(self._month.year, self._month.month, 1))
        else:
            shown = self.began_edit.date()
            if shown != _FIRST_MONTH:
                self._month = date(shown.year(), shown.month(), 1)
            self.began_edit.setDate(_FIRST_MONTH)  # shows "Not set"
            self.began_edit.setEnabled(False)

    def episode(self) -> Episode:
        """The episode as entered; a start date is always the 1st of its month."""
        shown = self.began_edit.date()
        severity = self.severity_combo.currentData()
        return Episode(
            started=date(shown.year(), shown.month(), 1) if self.began_check.isChecked() else None,
            severity=None if severity is None else EpisodeSeverity(severity),
        )
