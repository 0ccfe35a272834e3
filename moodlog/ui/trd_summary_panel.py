"""TrdSummaryPanel: every medication trial with its adequacy and reason, and the treatment
resistance summary (count, definition, Thase–Rush, Maudsley), all for clinician review."""

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from moodlog.domain.day_text import day_text, span_text
from moodlog.domain.medications import MedicationRole
from moodlog.domain.translation import QT_TRANSLATE_NOOP
from moodlog.domain.trd_staging import MaudsleyScore, TrdSummary
from moodlog.domain.trial_adequacy import Adequacy, TrialAssessment
from moodlog.ui.record_table import make_record_table

_COLUMNS = (
    QT_TRANSLATE_NOOP("TrdSummaryPanel", "Medication"),
    #: Column heading: whether the trial was in the current depressive episode or earlier
    QT_TRANSLATE_NOOP("TrdSummaryPanel", "Episode"),
    #: Column heading: when the medication was taken, from when to when
    QT_TRANSLATE_NOOP("TrdSummaryPanel", "Taken"),
    QT_TRANSLATE_NOOP("TrdSummaryPanel", "Weeks"),
    QT_TRANSLATE_NOOP("TrdSummaryPanel", "Weeks at adequate dose"),
    QT_TRANSLATE_NOOP("TrdSummaryPanel", "Adherence"),
    QT_TRANSLATE_NOOP("TrdSummaryPanel", "Adequate? (suggested)"),
    QT_TRANSLATE_NOOP("TrdSummaryPanel", "Why"),
    QT_TRANSLATE_NOOP("TrdSummaryPanel", "How it went"),
)
# A word in front of each verdict, so meaning never rests on colour.
_MARKS = {
    Adequacy.ADEQUATE: "✓",
    Adequacy.TOO_SHORT: "✗",
    Adequacy.DOSE_TOO_LOW: "✗",
    Adequacy.ADHERENCE_TOO_LOW: "✗",
    Adequacy.NOT_ENOUGH_INFORMATION: "?",
    Adequacy.ONGOING: "…",
    Adequacy.NOT_ASSESSED: "–",
}


def _weeks(value: float | None) -> str:
    if value is None:
        #: A number of weeks nobody knows
        return QCoreApplication.translate("TrdSummaryPanel", "unknown")
    return f"{value:.1f}"


def _points(points: int | None) -> str:
    return "?" if points is None else str(points)


def _maudsley_text(score: MaudsleyScore) -> str:
    # The Maudsley Staging Method's components and their points.
    parts = [
        QCoreApplication.translate("TrdSummaryPanel", "duration {points}").format(
            points=_points(score.duration_points)
        ),
        QCoreApplication.translate("TrdSummaryPanel", "severity {points}").format(
            points=_points(score.severity_points)
        ),
        QCoreApplication.translate("TrdSummaryPanel", "failures {points}").format(
            points=_points(score.failure_points)
        ),
        QCoreApplication.translate("TrdSummaryPanel", "augmentation {points}").format(
            points=score.augmentation_points
        ),
        QCoreApplication.translate("TrdSummaryPanel", "ECT {points}").format(
            points=score.ect_points
        ),
    ]
    components = ", ".join(parts)
    if score.total is None or score.band is None:
        return QCoreApplication.translate(
            "TrdSummaryPanel", "Not scored — missing: {missing}. Components so far: {components}."
        ).format(missing="; ".join(score.missing), components=components)
    return QCoreApplication.translate(
        "TrdSummaryPanel", "{total} of 15 · {band}. Components: {components}."
    ).format(total=score.total, band=score.band.label, components=components)


class TrdSummaryPanel(QWidget):
    """Signals:
    episode_requested(): the person wants to set the current episode's start or severity.
    """

    episode_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._build_layout()

    def _build_layout(self) -> None:
        layout = QVBoxLayout(self)
        self.review_label = QLabel(self)
        font = QFont(self.review_label.font())
        font.setBold(True)
        self.review_label.setFont(font)
        self.review_label.setWordWrap(True)
        layout.addWidget(self.review_label)

        box = QGroupBox(self.tr("Treatment resistance in the current episode"), self)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        episode_row = QHBoxLayout()
        self.episode_label = QLabel(box)
        self.episode_label.setWordWrap(True)
        self.episode_button = QPushButton(self.tr("Set &episode…"), box)
        self.episode_button.setAccessibleDescription(
            self.tr("Say when the current episode began and how severe it was")
        )
        self.episode_button.clicked.connect(self.episode_requested)
        episode_row.addWidget(self.episode_label, 1)
        episode_row.addWidget(self.episode_button)
        form.addRow(self.tr("Episode:"), episode_row)
        self.count_label = self._value_label(box, self.tr("Adequate trials without remission"))
        form.addRow(self.tr("Adequate trials without remission:"), self.count_label)
        #: TRD: treatment-resistant depression
        self.definition_label = self._value_label(box, self.tr("Common TRD definition"))
        form.addRow(self.tr("Common TRD definition:"), self.definition_label)
        self.thase_rush_label = self._value_label(box, self.tr("Thase–Rush stage"))
        form.addRow(self.tr("Thase–Rush stage:"), self.thase_rush_label)
        self.maudsley_label = self._value_label(box, self.tr("Maudsley Staging Method"))
        form.addRow(self.tr("Maudsley Staging Method:"), self.maudsley_label)
        layout.addWidget(box)

        self.trials_label = QLabel(self.tr("&Trials"), self)
        layout.addWidget(self.trials_label)
        self.table = make_record_table(
            [QCoreApplication.translate("TrdSummaryPanel", column) for column in _COLUMNS],
            self.tr("Medication trials and whether each was adequate"),
            self,
        )
        self.table.setAccessibleDescription(
            self.tr(
                "Each medication you tried: when, for how long, at what dose, and whether the "
                "trial counts as adequate, with the reason"
            )
        )
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        # The two long texts share what the short columns leave, wrapping within it.
        for column in (_COLUMNS.index("Why"), _COLUMNS.index("How it went")):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.trials_label.setBuddy(self.table)
        header.sectionResized.connect(lambda *_: self.table.resizeRowsToContents())
        layout.addWidget(self.table, 1)

    @staticmethod
    def _value_label(parent: QWidget, name: str) -> QLabel:
        label = QLabel(parent)
        label.setWordWrap(True)
        label.setAccessibleName(name)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def set_summary(self, summary: TrdSummary, trials: list[TrialAssessment]) -> None:
        """``trials`` are every medication's assessment (not only the episode's)."""
        self.review_label.setText(
            self.tr(
                "{review} moodlog suggests; your clinician decides. Minimum "
                "doses are editable defaults from published usual ranges."
            ).format(review=summary.label_for_review)
        )
        episode = summary.episode
        if episode.started is None:
            self.episode_label.setText(self.tr("Not set — counts below use every trial."))
        elif episode.severity:
            #: When the episode began and how severe it was then
            self.episode_label.setText(
                self.tr("Since {month}, {severity} at the start").format(
                    month=day_text(episode.started, True),
                    severity=episode.severity.label.lower(),
                )
            )
        else:
            self.episode_label.setText(
                self.tr("Since {month}").format(month=day_text(episode.started, True))
            )
        unknown = summary.adequate_outcome_unknown
        count = str(summary.adequate_failures)
        if unknown == 1:
            count = self.tr("{count} (and 1 adequate trial not yet rated)").format(count=count)
        elif unknown:
            count = self.tr("{count} (and {unknown} adequate trials not yet rated)").format(
                count=count, unknown=unknown
            )
        self.count_label.setText(count)
        self.definition_label.setText(summary.definition_reason)
        stage = summary.thase_rush_stage
        self.thase_rush_label.setText(
            f"{stage.label} — {summary.thase_rush_reason}"
            if stage is not None
            else summary.thase_rush_reason
        )
        self.maudsley_label.setText(_maudsley_text(summary.maudsley))
        self._fill_trials(
            trials,
            {a.medication.id for a in summary.assessments},
            summary.episode.started is not None,
        )

    def _fill_trials(
        self, trials: list[TrialAssessment], episode_ids: set[int | None], has_episode: bool
    ) -> None:
        """Antidepressants first (newest first), then add-ons and other medicines."""
        trials = sorted(
            trials,
            key=lambda t: (
                t.medication.role is not MedicationRole.ANTIDEPRESSANT,
                -t.medication.started.toordinal(),
            ),
        )
        self.table.setRowCount(len(trials))
        for row, trial in enumerate(trials):
            medication = trial.medication
            if trial.adherence is None:
                adherence = self.tr("not recorded")
            else:
                #: Doses taken as planned, e.g. "90% of 56 days"
                adherence = self.tr("{percent} of {days} days").format(
                    percent=f"{trial.adherence:.0%}", days=trial.recorded_days
                )
            why = trial.reason
            if trial.caveats:
                why += "\n" + "; ".join(trial.caveats) + "."
            #: In the Episode column: the trial was in the current episode or an earlier one
            episode = self.tr("current") if medication.id in episode_ids else self.tr("earlier")
            cells = (
                medication.name,
                episode if has_episode else "",
                span_text(medication.started, medication.stopped, medication.dates_approximate),
                _weeks(trial.weeks_taken),
                _weeks(trial.weeks_at_adequate_dose),
                adherence,
                f"{_MARKS[trial.adequacy]} {trial.adequacy.label}",
                why,
                _how_it_went(trial),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(why)
                self.table.setItem(row, column, item)
        self._fit_rows()

    def _fit_rows(self) -> None:
        """Once the layout has given the "Why" column its width, rows fit their text."""
        QTimer.singleShot(0, self.table.resizeRowsToContents)

    @override
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit_rows()  # built while hidden, the columns were narrow


def _how_it_went(trial: TrialAssessment) -> str:
    """The PHQ-9 (or other scale) before and after when measured, else the person's own
    rating; nothing for medicines that are not for depression."""
    if trial.medication.role is MedicationRole.OTHER:
        return ""
    return trial.outcome_text
