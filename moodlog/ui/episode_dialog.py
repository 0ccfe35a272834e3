"""EpisodeDialog: when the current depressive episode began (to the month) and how severe it
was then. Both are optional; they feed only the trial counts and the staging."""

from datetime import date

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QWidget

from moodlog.domain.episode import Episode, EpisodeSeverity
from moodlog.ui.form_dialog import (
    FIRST_DAY,
    FormDialog,
    OptionalDate,
    make_choice_combo,
    make_date_edit,
)


class EpisodeDialog(FormDialog):
    """Edit ``episode``. :meth:`episode` holds the result once the dialog is accepted."""

    def __init__(self, episode: Episode, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self.setWindowTitle(self.tr("Current episode"))
        self._build_layout(offered=(episode.started or today).replace(day=1))
        self.began_check.setChecked(episode.started is not None)
        self.severity_combo.setCurrentIndex(self.severity_combo.findData(episode.severity))

    def _build_layout(self, offered: date) -> None:
        self.explanation_label = QLabel(
            self.tr(
                "moodlog uses these two answers only to count the treatments tried in this "
                "episode and to work out the staging shown for your clinician to review. "
                "Leave them as “Not set” if you are not sure."
            ),
            self,
        )
        self.explanation_label.setWordWrap(True)
        self.began_check = QCheckBox(self.tr("Month known"), self)
        self.began_check.setAccessibleName(self.tr("Month the episode began is known"))
        self.began_check.setAccessibleDescription(
            self.tr("Tick to give the month; leave it unticked if you are not sure")
        )
        self.began_edit = make_date_edit(
            self._today,
            offered,
            self.tr("Month the episode began"),
            self,
            earliest=FIRST_DAY,
            display_format="MMM yyyy",
            tab_steps_through=True,
        )
        self.began_edit.setAccessibleDescription(self.tr("The month and year it began"))
        # "Not set" until ticked; then the month offered, or the one shown before unticking.
        self._began = OptionalDate(self.began_check, self.began_edit, offered, self.tr("Not set"))
        began_row = QHBoxLayout()
        began_row.addWidget(self.began_check)
        began_row.addWidget(self.began_edit)
        began_row.addStretch(1)
        self._add_row(self.tr("When did the current episode &begin?"), began_row, self.began_check)
        self.severity_combo = make_choice_combo(
            self.tr("Severity at the start"), EpisodeSeverity, self, unset_text=self.tr("Not set")
        )
        self.severity_combo.setAccessibleDescription(
            self.tr("How severe the depression was when this episode began, if you know")
        )
        self._add_row(self.tr("&Severity at the start"), self.severity_combo)
        self._finish_layout(above=[self.explanation_label])
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 64)

    def episode(self) -> Episode:
        """The episode as entered; a start date is always the 1st of its month."""
        began = self._began.value()
        severity = self.severity_combo.currentData()
        return Episode(
            started=None if began is None else began.replace(day=1),
            severity=None if severity is None else EpisodeSeverity(severity),
        )
