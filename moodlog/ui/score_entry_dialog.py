"""ScoreEntryDialog: enter (or correct) a questionnaire total that came from elsewhere: a
clinician, a clinic's letter, a paper form.

Only totals are entered here; no item of any scale is shown (the QIDS-SR16, MADRS and HAM-D17
items are not in moodlog at all: clinical-reference.md §0.1). Under the scale, a line says what
moodlog knows of it (what it covers, who rates it, its bands, remission and relapse), and once
a total is typed, its band.
"""

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QCoreApplication, QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget
from typing_extensions import override

from moodlog.domain.errors import InvalidEntry
from moodlog.domain.instruments import Instrument, InstrumentInfo
from moodlog.domain.questionnaire_result import QuestionnaireResult, Source, validate_result
from moodlog.domain.translation import QT_TRANSLATE_NOOP
from moodlog.ui.form_dialog import (
    FIRST_DAY,
    FormDialog,
    make_choice_combo,
    make_date_edit,
    make_line_edit,
    make_note_label,
    stacked,
)
from moodlog.ui.qt_dates import to_date, to_qdate

# The scales in the order offered: those only ever entered as totals first. Shown through
# the translator (the names alone are the same in every language, so only the two with
# words are marked for translators).
SCALES: tuple[tuple[Instrument, str], ...] = (
    (Instrument.QIDS_SR16, "QIDS-SR16"),
    (Instrument.MADRS, "MADRS"),
    (Instrument.HAMD17, "HAM-D17"),
    (Instrument.PHQ9, QT_TRANSLATE_NOOP("ScoreEntryDialog", "PHQ-9 (total only)")),
    (Instrument.GAD7, QT_TRANSLATE_NOOP("ScoreEntryDialog", "GAD-7 (total only)")),
)
SOURCES = (Source.CLINICIAN, Source.PAPER_FORM, Source.OTHER)
NO_BANDS_TEXT = QT_TRANSLATE_NOOP(
    "ScoreEntryDialog", "moodlog's clinical reference gives no severity bands for this scale."
)
NBSP = "\u00a0"
EMPTY_TOTAL_TEXT = QT_TRANSLATE_NOOP("ScoreEntryDialog", "Type the total as it was given to you.")


def _translate(text: str) -> str:
    return QCoreApplication.translate("ScoreEntryDialog", text)


def scale_text(info: InstrumentInfo) -> str:
    """What moodlog knows of a scale, in a few lines: name, time covered, who rates it,
    bands, remission and relapse."""
    period = QCoreApplication.translate(
        "ScoreEntryDialog", "Period: {period} · Rated by: {rated_by}"
    ).format(period=info.period, rated_by=info.rated_by)
    lines = [info.full_name, period]
    if info.bands:
        # A band never breaks across lines: its words are joined by no-break spaces.
        bands = (f"{band.range_text} {band.label}".replace(" ", NBSP) for band in info.bands)
        lines.append(
            QCoreApplication.translate("ScoreEntryDialog", "Bands: {bands}").format(
                bands=" · ".join(bands)
            )
        )
    else:
        lines.append(_translate(NO_BANDS_TEXT))
    lines.append(" ".join(text for text in (info.remission_text, info.relapse_text) if text))
    return "\n".join(lines)


class ScoreEntryDialog(FormDialog):
    """Enter a total from elsewhere (``existing`` of ``None``) or correct ``existing``.

    Public inputs: ``scale_combo``, ``date_edit``, ``total_edit`` (empty at first, digits
    only), ``source_combo``, ``source_note_edit``, ``note_edit``; feedback: ``scale_label``
    (what moodlog knows of the scale), ``range_label`` ("of 27"), ``band_label``,
    ``error_label``; ``button_box``. Result: :meth:`questionnaire_result` after ``accepted``.

    The result method is not called ``result()``: that would hide ``QDialog.result()``,
    the accepted/rejected code (as in :class:`~moodlog.ui.pgx_dialog.PgxDialog`).
    """

    def __init__(
        self,
        today: date,
        instrument: Instrument = Instrument.QIDS_SR16,
        existing: QuestionnaireResult | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, fit_to_text=True)
        if existing is not None and existing.has_items:
            raise ValueError("only a total entered from elsewhere is corrected here")
        self._today = today
        self._existing = existing
        self.setWindowTitle(
            self.tr("Enter a score") if existing is None else self.tr("Correct a score")
        )
        self._build_layout()
        if existing is not None:
            self._load(existing)
        else:
            self._select_scale(instrument)
        self._connect_signals()
        self._on_scale_changed()
        self.total_edit.setFocus()

    # -- building ----------------------------------------------------------------------------

    def _build_layout(self) -> None:
        self.scale_combo = QComboBox(self)
        for instrument, text in SCALES:
            self.scale_combo.addItem(_translate(text), instrument)
        self.scale_combo.setAccessibleName(self.tr("Scale"))
        self.scale_combo.setAccessibleDescription(self.tr("The questionnaire the score is from"))
        self.scale_label = make_note_label("", self)
        self.scale_label.setAccessibleName(self.tr("About this scale"))
        self._add_row(
            self.tr("&Scale"), stacked(self.scale_combo, self.scale_label), self.scale_combo
        )

        self.date_edit = make_date_edit(
            self._today, self._today, self.tr("Date of the score"), self, earliest=FIRST_DAY
        )
        self.date_edit.setAccessibleDescription(self.tr("The day the questionnaire was filled in"))
        self._add_row(self.tr("&Date"), self.date_edit)

        self.total_edit = make_line_edit(self.tr("Total"), "", self)
        self.total_edit.setValidator(
            QRegularExpressionValidator(QRegularExpression("[0-9]{0,3}"), self.total_edit)
        )
        # Wide enough for three digits, no wider: it reads as a number box.
        digits = self.total_edit.fontMetrics().horizontalAdvance("0000")
        self.total_edit.setFixedWidth(digits + 16)
        self.range_label = QLabel(self)
        self.band_label = QLabel(self)
        self.band_label.setWordWrap(True)
        self.band_label.setAccessibleName(self.tr("Band"))
        total_row = QHBoxLayout()
        total_row.addWidget(self.total_edit)
        total_row.addWidget(self.range_label)
        total_row.addSpacing(12)
        total_row.addWidget(self.band_label, 1)
        self._add_row(self.tr("&Total"), total_row, self.total_edit)

        self.source_combo = make_choice_combo(self.tr("Where the total came from"), SOURCES, self)
        self.source_combo.setAccessibleDescription(
            self.tr("Where the total came from: your clinician, a paper form or elsewhere")
        )
        self._add_row(self.tr("Sou&rce"), self.source_combo)
        self.source_note_edit = make_line_edit(
            self.tr("Where from, in your words"),
            self.tr("e.g. Dr Lee, TMS clinic (optional)"),
            self,
        )
        self._add_row(self.tr("&Where from"), self.source_note_edit)
        self.note_edit = make_line_edit(self.tr("Note"), self.tr("Optional"), self)
        self._add_row(self.tr("&Note"), self.note_edit)

        self._finish_layout()
        # Wide enough for the longest bands line (the QIDS-SR16's) to fit on one line.
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 104)

    def _select_scale(self, instrument: Instrument) -> None:
        self.scale_combo.setCurrentIndex(self.scale_combo.findData(instrument))

    def _load(self, existing: QuestionnaireResult) -> None:
        self._select_scale(existing.instrument)
        self.date_edit.setDate(to_qdate(existing.taken_on))
        if existing.entered_total is not None:
            self.total_edit.setText(str(existing.entered_total))
        index = self.source_combo.findData(existing.source)
        self.source_combo.setCurrentIndex(max(index, 0))
        self.source_note_edit.setText(existing.source_note)
        self.note_edit.setText(existing.note)

    def _connect_signals(self) -> None:
        self.scale_combo.currentIndexChanged.connect(self._on_scale_changed)
        self.total_edit.textChanged.connect(self._show_band)

    # -- behaviour ---------------------------------------------------------------------------

    def _instrument(self) -> Instrument:
        return Instrument(self.scale_combo.currentData())

    def _total(self) -> int | None:
        text = self.total_edit.text().strip()
        return int(text) if text else None

    def _on_scale_changed(self) -> None:
        info = self._instrument().info
        self.scale_label.setText(scale_text(info))
        #: after the total typed in: "12 of 27"
        self.range_label.setText(self.tr("of {highest}").format(highest=info.max_total))
        self.total_edit.setToolTip(
            self.tr("A whole number from 0 to {highest}").format(highest=info.max_total)
        )
        self._show_band()

    def _show_band(self) -> None:
        info = self._instrument().info
        total = self._total()
        if total is None:
            text = _translate(EMPTY_TOTAL_TEXT)
        elif total > info.max_total:
            text = self.tr("Above the highest {name} total ({highest}).").format(
                name=info.name, highest=info.max_total
            )
        else:
            text = self.tr("Band: {band}").format(band=info.band_label(total))
        self.band_label.setText(text)
        self._refit()

    # -- checking ----------------------------------------------------------------------------

    def _validate(self) -> None:
        validate_result(self.questionnaire_result(), self._today)

    def _field_widget(self, field: str) -> QWidget | None:
        return {
            "date": self.date_edit,
            "total": self.total_edit,
            "source": self.source_note_edit,
            "note": self.note_edit,
        }.get(field)

    @override
    def _show_error(self, error: InvalidEntry) -> None:
        super()._show_error(error)
        if error.field == "total":
            self.total_edit.selectAll()  # typing replaces the number; it stays until then

    # -- result ------------------------------------------------------------------------------

    def questionnaire_result(self) -> QuestionnaireResult:
        """The total as entered (valid after ``accepted``): no answers, ``entered_total``
        set; a corrected result keeps its id."""
        entered = QuestionnaireResult(
            instrument=self._instrument(),
            taken_on=to_date(self.date_edit.date()),
            entered_total=self._total(),
            source=Source(self.source_combo.currentData()),
            source_note=self.source_note_edit.text().strip(),
            note=self.note_edit.text().strip(),
        )
        if self._existing is None:
            return entered
        return replace(
            self._existing,
            instrument=entered.instrument,
            taken_on=entered.taken_on,
            entered_total=entered.entered_total,
            source=entered.source,
            source_note=entered.source_note,
            note=entered.note,
        )
