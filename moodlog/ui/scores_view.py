"""ScoresView: questionnaire results (PHQ-9, GAD-7, and totals from elsewhere), when the next
ones are due, and what the numbers mean.

The view is thin: the main window opens the questionnaire dialogs (``take_requested``,
``enter_total_requested``) and stores the reminder interval (``interval_changed``); this view
reads the diary, shows it, and deletes a result (with Undo).

Mnemonics avoid the window's own Alt keys (Diary, Go, View, Help menus; Today, History,
Treatment tabs): Alt+G and Alt+D would be ambiguous and only move the focus.
"""

from collections.abc import Iterable, Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from moodlog.domain.clock import Clock
from moodlog.domain.day_text import day_text
from moodlog.domain.instruments import (
    ASKED_IN_APP,
    INSTRUMENTS,
    RESPONSE_DROP,
    SAFETY_ITEM_INDEX,
    Instrument,
    InstrumentInfo,
)
from moodlog.domain.questionnaire_result import QuestionnaireResult
from moodlog.domain.questionnaire_schedule import (
    DEFAULT_INTERVAL_DAYS,
    INTERVALS_DAYS,
    Due,
)
from moodlog.domain.questionnaire_texts import answer_options, attribution
from moodlog.domain.translation import QT_TRANSLATE_NOOP
from moodlog.storage.diary_store import DiaryStore
from moodlog.storage.errors import StorageError
from moodlog.ui import dialogs
from moodlog.ui.diary_view import DiaryView
from moodlog.ui.message_banner import BannerKind, MessageBanner
from moodlog.ui.record_table import make_record_table

COLUMNS = (
    QT_TRANSLATE_NOOP("ScoresView", "Date"),
    QT_TRANSLATE_NOOP("ScoresView", "Scale"),
    QT_TRANSLATE_NOOP("ScoresView", "Total"),
    QT_TRANSLATE_NOOP("ScoresView", "Item 9"),
    QT_TRANSLATE_NOOP("ScoresView", "Source"),
    QT_TRANSLATE_NOOP("ScoresView", "Note"),
)
DATE, SCALE, TOTAL, ITEM_9, SOURCE, NOTE = range(len(COLUMNS))

NOT_ASKED = "—"
WARNING_MARK = "⚠"


# -- texts (pure, so tests can compare them with the domain) ---------------------------------


def _translate(text: str) -> str:
    return QCoreApplication.translate("ScoresView", text)


def _and_list(items: Iterable[str]) -> str:
    """ "a and b", "a and b and c": the words joined in the person's language."""
    joined = ""
    for item in items:
        joined = (
            #: a list of two or more: "PHQ-9 and GAD-7", "the last 2 weeks and the past 7 days"
            QCoreApplication.translate("ScoresView", "{first} and {second}").format(
                first=joined, second=item
            )
            if joined
            else item
        )
    return joined


def due_line(due: Due, today: date) -> str:
    """ "PHQ-9: due now. Every 14 days; the last PHQ-9 was 15 days ago." """
    return f"{due.instrument.label}: {due.when_text(today)}. {due.reason}"


def item_9_text(result: QuestionnaireResult) -> str:
    """PHQ-9 item 9's answer in words with its number ("⚠ 2 · More than half the days"); an
    answer above 0 carries the ⚠ mark, so the meaning never rests on colour."""
    if result.instrument is not Instrument.PHQ9 or not result.has_items:
        return NOT_ASKED
    answer = result.safety_answer
    if answer is None:  # worth a question at the next visit, like an answer above 0
        not_answered = QCoreApplication.translate("ScoresView", "Not answered")
        return f"{WARNING_MARK} {not_answered}"
    text = f"{answer} · {answer_options()[answer]}"
    return f"{WARNING_MARK} {text}" if answer > 0 else text


def source_text(result: QuestionnaireResult) -> str:
    note = result.source_note.strip()
    return f"{result.source.label} — {note}" if note else result.source.label


def _scale_line(info: InstrumentInfo) -> str:
    """ "PHQ-9 (0–27): 0–4 minimal or none · … · 20–27 severe. Remission: a total under 5." """
    parts = []
    if info.bands:
        parts.append(" · ".join(f"{b.range_text} {b.label.lower()}" for b in info.bands) + ".")
    if info.remission_max is not None:
        parts.append(info.remission_text)
    return f"{info.name} (0–{info.max_total}): {' '.join(parts)}"


def meaning_text(instruments: Iterable[Instrument] = ()) -> str:
    """What the numbers mean, built from the scales' data: the bands and remission rule of
    the PHQ-9 and GAD-7 (and of any other scale in ``instruments``), and response."""
    present = set(instruments)
    # The two asked here always, then any other scale in the diary, in the scales' order.
    infos = [info for i, info in INSTRUMENTS.items() if i in ASKED_IN_APP or i in present]
    periods = _and_list(sorted({INSTRUMENTS[i].period for i in ASKED_IN_APP}))
    lines = [
        QCoreApplication.translate(
            "ScoresView",
            "The {scales} ask about {periods}. A band describes a score; it is not a diagnosis.",
        ).format(scales=_and_list(i.label for i in ASKED_IN_APP), periods=periods)
    ]
    lines += [_scale_line(info) for info in infos]
    lines.append(
        QCoreApplication.translate(
            "ScoresView",
            "Response: the total falls by {percent} % or more from the baseline (the score "
            "taken just before a treatment began).",
        ).format(percent=round(RESPONSE_DROP * 100))
    )
    return "\n".join(lines)


# -- the view ---------------------------------------------------------------------------------


class ScoresView(DiaryView):
    """The "Scores" tab.

    Signals:
        status(str): a short message for the status bar.
        take_requested(object): the person wants to take this ``Instrument`` now.
        enter_total_requested(): the person wants to type in a score from elsewhere.
        interval_changed(int): the reminder interval, in days, was changed (store it).
        changed(): a result was deleted or put back.
    """

    status = Signal(str)
    take_requested = Signal(object)
    enter_total_requested = Signal()
    interval_changed = Signal(int)
    changed = Signal()

    def __init__(
        self,
        store: DiaryStore,
        clock: Clock,
        interval_days: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._clock = clock
        self._results: list[QuestionnaireResult] = []  # newest first, as the table shows them
        self._dues: list[Due] = []
        self._undo: list[QuestionnaireResult] = []
        self._build_layout()
        self._set_interval(interval_days)
        self._connect_signals()
        self.refresh()

    # -- layout --------------------------------------------------------------------------

    def _build_layout(self) -> None:
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Questionnaire scores"), self)
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        self.banner = MessageBanner(self)
        layout.addWidget(self.banner)

        self.due_label = QLabel(self)
        self.due_label.setWordWrap(True)
        self.due_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.due_label.setAccessibleName(self.tr("When the questionnaires are due"))
        layout.addWidget(self.due_label)
        interval_row = QHBoxLayout()
        self.interval_label = QLabel(self.tr("Re&mind me every"), self)
        self.interval_combo = QComboBox(self)
        for days in INTERVALS_DAYS:
            self.interval_combo.addItem(self.tr("{days} days").format(days=days), days)
        self.interval_combo.setAccessibleName(self.tr("Remind me every"))
        self.interval_combo.setAccessibleDescription(
            self.tr("How often a PHQ-9 or GAD-7 is suggested")
        )
        self.interval_label.setBuddy(self.interval_combo)
        interval_row.addWidget(self.interval_label)
        interval_row.addWidget(self.interval_combo)
        interval_row.addStretch(1)
        layout.addLayout(interval_row)
        layout.addSpacing(self.fontMetrics().height() // 2)

        buttons = QHBoxLayout()
        self.take_buttons: dict[Instrument, QPushButton] = {}
        # Alt+P and Alt+A: Alt+G is the Go menu's.
        for instrument, text in (
            (Instrument.PHQ9, self.tr("Take the &PHQ-9")),
            (Instrument.GAD7, self.tr("Take the G&AD-7")),
        ):
            button = QPushButton(text, self)
            button.setAccessibleName(self.tr("Take the {scale}").format(scale=instrument.label))
            button.setToolTip(
                self.tr("{name}: {count} questions").format(
                    name=instrument.info.full_name, count=len(instrument.info.items)
                )
            )
            self.take_buttons[instrument] = button
            buttons.addWidget(button)
        self.phq9_button = self.take_buttons[Instrument.PHQ9]
        self.gad7_button = self.take_buttons[Instrument.GAD7]
        self.enter_total_button = QPushButton(self.tr("Enter a score from &elsewhere…"), self)
        self.enter_total_button.setAccessibleName(self.tr("Enter a score from elsewhere"))
        self.enter_total_button.setToolTip(
            self.tr("A total from a paper form or from your clinician: {scales}").format(
                scales=", ".join(i.label for i in INSTRUMENTS)
            )
        )
        buttons.addWidget(self.enter_total_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addSpacing(self.fontMetrics().height() // 2)

        self.table_label = QLabel(self.tr("Results, &newest first"), self)
        layout.addWidget(self.table_label)
        self.table = make_record_table(
            [_translate(c) for c in COLUMNS], self.tr("Questionnaire results, newest first"), self
        )
        self.table.setAccessibleDescription(
            self.tr("Each result: its date, scale, total, answer to item 9, source and note")
        )
        self.table_label.setBuddy(self.table)
        # The header's tooltip says what item 9 asks, in the questionnaire's own words.
        item_9_header = QTableWidgetItem(_translate(COLUMNS[ITEM_9]))
        item_9_header.setToolTip(
            self.tr("PHQ-9 question {number}: {question}").format(
                number=SAFETY_ITEM_INDEX + 1,
                question=INSTRUMENTS[Instrument.PHQ9].items[SAFETY_ITEM_INDEX],
            )
        )
        self.table.setHorizontalHeaderItem(ITEM_9, item_9_header)
        self.table.setMinimumHeight(self.fontMetrics().height() * 2 * 5)
        layout.addWidget(self.table, 1)
        row_buttons = QHBoxLayout()
        # Alt+L: Alt+D is the Diary menu's.
        self.delete_button = QPushButton(self.tr("De&lete…"), self)
        self.delete_button.setAccessibleName(self.tr("Delete the selected result"))
        self.delete_button.setAccessibleDescription(
            self.tr("Remove the result chosen in the list from the diary, after asking")
        )
        row_buttons.addWidget(self.delete_button)
        row_buttons.addStretch(1)
        layout.addLayout(row_buttons)
        layout.addSpacing(self.fontMetrics().height() // 2)

        heading = QLabel(self.tr("What the numbers mean"), self)
        heading_font = QFont(heading.font())
        heading_font.setBold(True)
        heading.setFont(heading_font)
        layout.addWidget(heading)
        self.meaning_label = QLabel(self)
        self.meaning_label.setWordWrap(True)
        self.meaning_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.meaning_label.setAccessibleName(self.tr("What the numbers mean"))
        layout.addWidget(self.meaning_label)
        self.attribution_label = QLabel(attribution(), self)
        self.attribution_label.setWordWrap(True)
        self.attribution_label.setAccessibleName(self.tr("Attribution"))
        layout.addWidget(self.attribution_label)

        for first, second in (
            (self.interval_combo, self.phq9_button),
            (self.phq9_button, self.gad7_button),
            (self.gad7_button, self.enter_total_button),
            (self.enter_total_button, self.table),
            (self.table, self.delete_button),
        ):
            QWidget.setTabOrder(first, second)

    def _connect_signals(self) -> None:
        for instrument, button in self.take_buttons.items():
            button.clicked.connect(
                lambda _checked=False, chosen=instrument: self.take_requested.emit(chosen)
            )
        self.enter_total_button.clicked.connect(self.enter_total_requested)
        self.delete_button.clicked.connect(self.delete_selected)
        self.table.itemSelectionChanged.connect(self._refresh_buttons)
        self.interval_combo.currentIndexChanged.connect(self._on_interval_chosen)

    # -- the interval ----------------------------------------------------------------------

    def _set_interval(self, days: int) -> None:
        """Show ``days`` in the combo (the default if it is not one of the choices)."""
        index = self.interval_combo.findData(days)
        if index < 0:
            index = self.interval_combo.findData(DEFAULT_INTERVAL_DAYS)
        self.interval_combo.setCurrentIndex(index)

    def interval_days(self) -> int:
        days: int = self.interval_combo.currentData()
        return days

    def _on_interval_chosen(self, _index: int) -> None:
        days = self.interval_days()
        self._show_due(self._clock().date())
        self.interval_changed.emit(days)
        self.status.emit(self.tr("Questionnaires: a reminder every {days} days.").format(days=days))

    # -- showing -----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read every result and the treatments from the diary."""
        self._refreshed()
        selected = self.current_result()
        rows = self.table.selectionModel().selectedRows()
        selected_row = rows[0].row() if rows else 0
        self._results = list(reversed(self._store.questionnaires.results()))
        self.table.setRowCount(len(self._results))
        for row, result in enumerate(self._results):
            self._fill_row(row, result)
        self.table_label.setText(
            self.tr("Results, &newest first ({count})").format(count=len(self._results))
            if self._results
            else self.tr(
                "Results, &newest first: none yet. Take a questionnaire, or enter a score "
                "from elsewhere."
            )
        )
        # The same result stays selected; if it is gone, the one now in its place (the next
        # older), so the keyboard can carry on from there.
        self.table.clearSelection()
        chosen = self._row_of(selected.id) if selected is not None else None
        if chosen is None and self._results:
            chosen = min(selected_row, len(self._results) - 1)
        if chosen is not None:
            self.table.selectRow(chosen)
        self._refresh_buttons()
        self._show_due(self._clock().date())
        self.meaning_label.setText(meaning_text(r.instrument for r in self._results))

    def _fill_row(self, row: int, result: QuestionnaireResult) -> None:
        note = " ".join(result.note.split())
        cells = (
            day_text(result.taken_on),
            result.info.name,
            result.total_text,
            item_9_text(result),
            source_text(result),
            note,
        )
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if column == ITEM_9 and text == NOT_ASKED:
                item.setData(Qt.ItemDataRole.AccessibleTextRole, self.tr("Not asked"))
            if column == NOTE and result.note:
                item.setToolTip(result.note)
            if column == SCALE:
                item.setToolTip(result.info.full_name)
            self.table.setItem(row, column, item)

    def _show_due(self, today: date) -> None:
        self._dues = self._store.questionnaire_dues(self.interval_days(), today)
        self.due_label.setText("\n".join(due_line(due, today) for due in self._dues))

    def due_text(self) -> str:
        return self.due_label.text()

    def _refresh_buttons(self) -> None:
        self.delete_button.setEnabled(self.current_result() is not None)

    # -- selection -------------------------------------------------------------------------

    def current_result(self) -> QuestionnaireResult | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self._results):
            return None
        return self._results[rows[0].row()]

    def select_result(self, result_id: int) -> None:
        """Select (and scroll to) the result with this id, if the table shows it."""
        row = self._row_of(result_id)
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.table.model().index(row, DATE))

    def _row_of(self, result_id: int | None) -> int | None:
        if result_id is None:
            return None
        return next((row for row, r in enumerate(self._results) if r.id == result_id), None)

    def results_shown(self) -> Sequence[QuestionnaireResult]:
        """The results in the table's order (newest first)."""
        return tuple(self._results)

    # -- deleting and undo -------------------------------------------------------------------

    def delete_selected(self) -> None:
        result = self.current_result()
        if result is None or result.id is None:
            return
        if not dialogs.confirm(
            self,
            self.tr("Delete result"),
            self.tr("Delete the {result}? You can undo this.").format(result=result.summary),
            self.tr("Delete"),
        ):
            return
        try:
            removed = self._store.questionnaires.delete_result(result.id)
        except StorageError as error:
            self.banner.show_message(error.message, BannerKind.WARNING)
            return
        self._undo.append(removed)
        self.refresh()
        message = self.tr("{scale} of {day} deleted.").format(
            scale=removed.info.name, day=day_text(removed.taken_on)
        )
        self.banner.show_message(message, BannerKind.INFO, [(self.tr("&Undo"), self.undo_delete)])
        self.status.emit(message)
        self.changed.emit()

    def undo_delete(self) -> None:
        """Put the last deleted result back (with a new id) and select it."""
        if not self._undo:
            return
        removed = self._undo.pop()
        try:
            restored = self._store.questionnaires.add_result(removed, self._clock())
        except StorageError as error:
            self._undo.append(removed)
            self.banner.show_message(error.message, BannerKind.WARNING)
            return
        self.refresh()
        self.select_result(restored.id or 0)
        message = self.tr("{scale} of {day} restored.").format(
            scale=restored.info.name, day=day_text(restored.taken_on)
        )
        self.banner.show_message(message, BannerKind.SUCCESS)
        self.status.emit(message)
        self.changed.emit()
