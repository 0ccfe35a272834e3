"""ResultView: a finished questionnaire's result page: the crisis panel first when PHQ-9
item 9 was answered above 0 (clinical-reference.md §1.8: on the result screen, not behind a
click), then the total and its band among the scale's bands, and the attribution."""

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from moodlog.domain.crisis_resources import message_for_safety_answer
from moodlog.domain.day_text import day_text
from moodlog.domain.instruments import Instrument
from moodlog.domain.questionnaire_result import QuestionnaireResult, Source
from moodlog.domain.questionnaire_texts import attribution
from moodlog.domain.safety_plan import CrisisContacts, SafetyPlan
from moodlog.domain.translation import QT_TRANSLATE_NOOP
from moodlog.ui.crisis_panel import CrisisPanel
from moodlog.ui.form_dialog import make_note_label

NOT_DIAGNOSIS = QT_TRANSLATE_NOOP(
    "ResultView",
    "This is a questionnaire score, not a diagnosis. It can help you and your clinician see "
    "how things change over time.",
)
# "Help" and "Get help now" are the window's menu and its item (crisis_resources'
# GET_HELP_HEADING): the translation should name them as the translated menu does.
ITEM_9_UNANSWERED = QT_TRANSLATE_NOOP(
    "ResultView",
    "Question 9 was left unanswered. Whatever your answers, Help → “Get help now” "
    "shows crisis lines and your safety plan.",
)


def scaled_font(font: QFont, scale: float, *, bold: bool = False) -> QFont:
    scaled = QFont(font)
    scaled.setPointSizeF(font.pointSizeF() * scale)
    scaled.setBold(bold)
    return scaled


def wrapped_label(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class ResultView(QWidget):
    """The result, top to bottom: ``crisis_panel`` (PHQ-9 item 9 above 0 only),
    ``heading_label``, ``total_label``, ``get_help_label`` (item 9 unanswered only), the
    bands (``band_markers``: "▶" on the total's band, ``band_labels``: bold there),
    ``not_diagnosis_label`` and ``attribution_label``."""

    def __init__(
        self,
        result: QuestionnaireResult,
        contacts: CrisisContacts,
        plan: SafetyPlan,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        info = result.info
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 6, 6)
        layout.setSpacing(8)
        self.crisis_panel: CrisisPanel | None = None
        message = message_for_safety_answer(result.safety_answer)
        if message is not None:
            self.crisis_panel = CrisisPanel(message, contacts, plan, self)
            layout.addWidget(self.crisis_panel)
            layout.addSpacing(8)
        heading = f"{info.name} · {day_text(result.taken_on)}"
        if result.source is not Source.ANSWERED_HERE:
            heading += f" · {result.source.label.lower()}"
        self.heading_label = wrapped_label(heading, self)
        self.total_label = wrapped_label(result.total_text, self)
        self.total_label.setFont(scaled_font(self.font(), 1.7, bold=True))
        self.total_label.setAccessibleName(
            self.tr("{name} total: {total}").format(name=info.name, total=result.total_text)
        )
        layout.addWidget(self.heading_label)
        layout.addWidget(self.total_label)
        self.get_help_label: QLabel | None = None
        if result.instrument is Instrument.PHQ9 and result.safety_answer is None:
            self.get_help_label = wrapped_label(
                QCoreApplication.translate("ResultView", ITEM_9_UNANSWERED), self
            )
            layout.addWidget(self.get_help_label)
        layout.addSpacing(6)
        grouped = self.tr("How {name} totals are grouped:").format(name=info.name)
        layout.addWidget(wrapped_label(grouped, self))
        self._add_bands(layout, result)
        layout.addSpacing(6)
        self.not_diagnosis_label = wrapped_label(
            QCoreApplication.translate("ResultView", NOT_DIAGNOSIS), self
        )
        layout.addWidget(self.not_diagnosis_label)
        self.attribution_label = make_note_label(attribution(), self)
        layout.addWidget(self.attribution_label)
        layout.addStretch(1)

    def _add_bands(self, layout: QVBoxLayout, result: QuestionnaireResult) -> None:
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(2)
        grid.setColumnStretch(2, 1)
        self.band_markers: list[QLabel] = []
        self.band_labels: list[QLabel] = []
        current = result.band
        for row, band in enumerate(result.info.bands):
            here = band == current
            marker = QLabel("▶" if here else "", self)
            marker.setMinimumWidth(marker.fontMetrics().horizontalAdvance("▶") + 2)
            span = QLabel(band.range_text, self)
            label = QLabel(band.label, self)
            for widget in (marker, span, label):
                widget.setFont(scaled_font(self.font(), 1.0, bold=here))
            if here:
                label.setAccessibleName(
                    self.tr("{band}, {range}: your total").format(
                        band=band.label, range=band.range_text
                    )
                )
            grid.addWidget(marker, row, 0)
            grid.addWidget(span, row, 1, Qt.AlignmentFlag.AlignRight)
            grid.addWidget(label, row, 2)
            self.band_markers.append(marker)
            self.band_labels.append(label)
        layout.addLayout(grid)
