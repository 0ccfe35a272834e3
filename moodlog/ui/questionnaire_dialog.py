"""QuestionnaireDialog: answer the PHQ-9 or the GAD-7, then see the result.

Page 1 asks the questions, one at a time (the default) or all on one page; the keyboard alone
is enough: 0-3 answers and moves on, Backspace goes back, Enter skips. Page 2 shows the total,
the instrument's bands and, for a PHQ-9 item-9 answer above 0, the crisis panel at the very
top, without a click (clinical-reference.md §1.8). A result that could not be saved stays in
the dialog with "Try saving again": nothing answered is lost.
"""

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from moodlog.domain.errors import InvalidEntry
from moodlog.domain.instruments import Instrument
from moodlog.domain.questionnaire_result import QuestionnaireResult, Source, validate_result
from moodlog.domain.questionnaire_texts import answer_options, attribution, difficulty_options
from moodlog.domain.safety_plan import CrisisContacts, SafetyPlan
from moodlog.domain.translation import QT_TRANSLATE_NOOP
from moodlog.storage.errors import StorageError
from moodlog.ui import dialogs
from moodlog.ui.choice_input import ChoiceInput
from moodlog.ui.crisis_panel import CrisisPanel
from moodlog.ui.form_dialog import (
    FIRST_DAY,
    buddy_label,
    make_choice_combo,
    make_date_edit,
    make_note_label,
)
from moodlog.ui.qt_dates import to_date
from moodlog.ui.questionnaire_result_view import ResultView, scaled_font, wrapped_label

SaveResult = Callable[[QuestionnaireResult], QuestionnaireResult]

FINISH_TEXT = QT_TRANSLATE_NOOP("QuestionnaireDialog", "&See my result")
KEYS_HINT = QT_TRANSLATE_NOOP(
    "QuestionnaireDialog",
    "Type 0–3 to answer and move on. Enter skips a question; Backspace goes back.",
)
_TIP = QT_TRANSLATE_NOOP(
    "QuestionnaireDialog",
    "Type 0–3 to answer and move on. Backspace goes back; Delete clears the answer.",
)
# One question at a time, the item text is large and easy to read, the answers a little larger.
_ITEM_SCALE = 1.3
_ANSWER_SCALE = 1.15


class AnswerInput(ChoiceInput):
    """A question's four answers. A typed 0-3 says :attr:`answered` (so the dialog moves on)
    and Enter says :attr:`skipped`; Backspace says :attr:`back_requested` instead of clearing
    (Delete still clears). :attr:`focus_entered`: it got the focus (by key or click)."""

    answered = Signal()
    skipped = Signal()
    back_requested = Signal()
    focus_entered = Signal()

    @override
    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.focus_entered.emit()

    @override
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        plain = modifiers == Qt.KeyboardModifier.NoModifier
        if plain and key == Qt.Key.Key_Backspace:
            self.back_requested.emit()
        elif plain and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.skipped.emit()
        else:
            super().keyPressEvent(event)
            if plain and Qt.Key.Key_0 <= key <= Qt.Key.Key_3:
                self.answered.emit()
            return
        event.accept()


class QuestionnaireDialog(QDialog):
    """Answer ``instrument`` (PHQ-9 or GAD-7) and see the result; ``save`` stores it.

    Page 1: ``stem_label``; per question ``item_labels`` and ``item_inputs``; then
    ``difficulty_input``, ``date_edit`` and ``source_combo``; ``back_button``,
    ``progress_label``, ``next_button`` (one question at a time); ``error_label``,
    ``attribution_label``, ``one_page_check``, ``finish_button``, ``cancel_button``.
    Page 2, once finished: ``result_view`` (with its ``crisis_panel``),
    ``save_status_label``, ``retry_button`` and ``done_button``.

    Signals:
        saved(object): the stored QuestionnaireResult.
        help_requested(): "Get help now" was pressed.
        safety_plan_requested(): the crisis panel's "Edit my safety plan…" was pressed.
        layout_changed(bool): the person switched to (True) or from all questions on one page.
    """

    saved = Signal(object)
    help_requested = Signal()
    safety_plan_requested = Signal()
    layout_changed = Signal(bool)

    def __init__(
        self,
        instrument: Instrument,
        today: date,
        save: SaveResult,
        contacts: CrisisContacts,
        plan: SafetyPlan,
        *,
        all_on_one_page: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._info = instrument.info
        if not self._info.asked_in_app:
            raise ValueError(f"the {self._info.name} is not asked in moodlog")
        self._instrument = instrument
        self._today = today
        self._save = save
        self._contacts = contacts
        self._plan = plan
        self._step = 0
        self._source_chosen = False  # the person picked the source themselves
        self._pending: QuestionnaireResult | None = None  # finished but not yet saved
        self._stored: QuestionnaireResult | None = None
        self.result_view: ResultView | None = None
        self.setWindowTitle(
            self.tr("{name}: {full_name}").format(
                name=self._info.name, full_name=self._info.full_name
            )
        )
        self._build_layout()
        self.one_page_check.setChecked(all_on_one_page)
        self._connect_signals()
        self._apply_layout()
        self._go_to(0)
        # Room for the longest question and the answers; never more than the screen holds.
        width = self.fontMetrics().averageCharWidth() * 112
        room = self.screen().availableGeometry()
        self.resize(
            min(width, room.width() * 9 // 10), min(width * 9 // 10, room.height() * 9 // 10)
        )

    # -- building ----------------------------------------------------------------------------

    def _build_layout(self) -> None:
        # The two pages sit in one layout, one hidden: a QStackedWidget would not pass on its
        # wrapped labels' height for their width, leaving gaps under them.
        self._outer = QVBoxLayout(self)
        # "Get help now" stays in reach while answering (the main window's button and Ctrl+H
        # are behind this dialog), on both pages.
        help_row = QHBoxLayout()
        help_row.addStretch(1)
        self.help_button = QPushButton(self.tr("Get &help now"), self)
        self.help_button.setAccessibleName(self.tr("Get help now"))
        self.help_button.setToolTip(self.tr("Crisis lines, your own contacts and your safety plan"))
        self.help_button.setAutoDefault(False)
        self.help_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        help_row.addWidget(self.help_button)
        self._outer.addLayout(help_row)
        self.questions_page = QWidget(self)
        layout = QVBoxLayout(self.questions_page)
        layout.setContentsMargins(0, 0, 0, 0)
        self.stem_label = wrapped_label(self._info.stem, self.questions_page)
        self.stem_label.setFont(scaled_font(self.font(), 1.1, bold=True))
        layout.addWidget(self.stem_label)
        self.questions_scroll = QScrollArea(self.questions_page)
        self.questions_scroll.setWidgetResizable(True)
        self.questions_scroll.setFrameShape(QFrame.Shape.NoFrame)
        # Not a tab stop of its own: the questions are, and it scrolls to show the focused one.
        self.questions_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.questions_scroll.setWidget(self._build_steps())
        layout.addWidget(self.questions_scroll, 1)
        self.keys_label = make_note_label(
            QCoreApplication.translate("QuestionnaireDialog", KEYS_HINT), self.questions_page
        )
        layout.addWidget(self.keys_label)
        layout.addLayout(self._build_navigation())
        self.error_label = wrapped_label("", self.questions_page)
        self.error_label.setAccessibleName(self.tr("Problem"))
        self.error_label.hide()
        layout.addWidget(self.error_label)
        self.attribution_label = make_note_label(attribution(), self.questions_page)
        layout.addWidget(self.attribution_label)
        layout.addLayout(self._build_bottom_row())
        self._outer.addWidget(self.questions_page)

    def _build_steps(self) -> QWidget:
        """One block per question, then the last block (difficulty, date, source)."""
        content = QWidget(self.questions_scroll)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 6, 6, 6)
        layout.setSpacing(14)
        self._steps: list[QWidget] = []
        self.item_labels: list[QLabel] = []
        self.item_inputs: list[AnswerInput] = []
        tip = QCoreApplication.translate("QuestionnaireDialog", _TIP)
        for number, item in enumerate(self._info.items, start=1):
            block = QWidget(content)
            column = QVBoxLayout(block)
            column.setContentsMargins(0, 0, 0, 0)
            choice = AnswerInput(
                self.tr("Question {number}: {item}").format(number=number, item=item),
                range(4),
                answer_options(),
                parent=block,
            )
            choice.setToolTip(tip)
            label = buddy_label(f"&{number}. {item.replace('&', '&&')}", choice, block)
            label.setWordWrap(True)
            column.addWidget(label)
            column.addWidget(choice, 0, Qt.AlignmentFlag.AlignLeft)
            layout.addWidget(block)
            self._steps.append(block)
            self.item_labels.append(label)
            self.item_inputs.append(choice)
        self._steps.append(self._build_last_step(content))
        layout.addWidget(self._steps[-1])
        layout.addStretch(1)
        return content

    def _build_last_step(self, content: QWidget) -> QWidget:
        block = QWidget(content)
        column = QVBoxLayout(block)
        column.setContentsMargins(0, 0, 0, 0)
        question = self._info.difficulty_question
        self.difficulty_input = AnswerInput(
            self.tr("Difficulty (optional): {question}").format(question=question),
            range(4),
            difficulty_options(),
            parent=block,
        )
        self.difficulty_input.setToolTip(QCoreApplication.translate("QuestionnaireDialog", _TIP))
        self.difficulty_label = buddy_label(
            "&" + question.replace("&", "&&"), self.difficulty_input, block
        )
        self.difficulty_label.setWordWrap(True)
        column.addWidget(self.difficulty_label)
        column.addWidget(make_note_label(self.tr("Optional: not part of the total."), block))
        column.addWidget(self.difficulty_input, 0, Qt.AlignmentFlag.AlignLeft)
        column.addSpacing(10)
        form = QFormLayout()
        self.date_edit = make_date_edit(
            self._today, self._today, self.tr("Date answered"), block, earliest=FIRST_DAY
        )
        form.addRow(buddy_label(self.tr("Date &answered"), self.date_edit, block), self.date_edit)
        self.source_combo = make_choice_combo(
            self.tr("Where it was filled in"), (Source.ANSWERED_HERE, Source.PAPER_FORM), block
        )
        form.addRow(
            buddy_label(self.tr("&Where it was filled in"), self.source_combo, block),
            self.source_combo,
        )
        column.addLayout(form)
        return block

    def _build_navigation(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.back_button = QPushButton(self.tr("&Back"), self.questions_page)
        self.back_button.setAccessibleName(self.tr("Back: the previous question"))
        self.back_button.setAccessibleDescription(
            self.tr("Go back one question; your answers stay as they are")
        )
        self.progress_label = QLabel(self.questions_page)
        self.progress_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.next_button = QPushButton(self.tr("&Next"), self.questions_page)
        self.next_button.setAccessibleName(self.tr("Next question"))
        self.next_button.setAccessibleDescription(
            self.tr("Go on to the next question; you can come back to this one")
        )
        row.addWidget(self.back_button)
        row.addWidget(self.progress_label, 1)
        row.addWidget(self.next_button)
        return row

    def _build_bottom_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.one_page_check = QCheckBox(
            self.tr("Show all questions on &one page"), self.questions_page
        )
        self.one_page_check.setAccessibleName(self.tr("Show all questions on one page"))
        self.one_page_check.setAccessibleDescription(
            self.tr("Tick to see every question at once instead of one at a time")
        )
        self.finish_button = QPushButton(
            QCoreApplication.translate("QuestionnaireDialog", FINISH_TEXT), self.questions_page
        )
        self.finish_button.setAccessibleName(self.tr("See my result"))
        self.finish_button.setAccessibleDescription(
            self.tr("Save your answers and show your score and what it means")
        )
        self.finish_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Cancel"), self.questions_page)
        self.cancel_button.setAccessibleDescription(
            self.tr("Close the questionnaire without saving your answers")
        )
        row.addWidget(self.one_page_check)
        row.addStretch(1)
        row.addWidget(self.finish_button)
        row.addWidget(self.cancel_button)
        return row

    def _connect_signals(self) -> None:
        for index, choice in enumerate([*self.item_inputs, self.difficulty_input]):
            choice.answered.connect(lambda i=index: self._go_to(i + 1))
            choice.skipped.connect(lambda i=index: self._go_to(i + 1))
            choice.back_requested.connect(lambda i=index: self._go_to(i - 1))
            choice.focus_entered.connect(lambda i=index: self._on_step_focused(i))
        self.back_button.clicked.connect(lambda: self._go_to(self._step - 1))
        self.next_button.clicked.connect(lambda: self._go_to(self._step + 1))
        self.one_page_check.toggled.connect(self._on_one_page_toggled)
        self.date_edit.dateChanged.connect(self._on_date_changed)
        self.source_combo.activated.connect(self._on_source_chosen)
        self.finish_button.clicked.connect(self._on_finish)
        self.cancel_button.clicked.connect(self.reject)
        self.help_button.clicked.connect(self.help_requested)
        for choice in self.item_inputs:
            choice.value_changed.connect(lambda _value: self.error_label.hide())

    # -- moving between questions --------------------------------------------------------------

    def is_one_page(self) -> bool:
        return self.one_page_check.isChecked()

    def current_step(self) -> int:
        """The question shown one at a time (0-based); ``len(items)`` is the last step."""
        return self._step

    def _step_input(self, step: int) -> QWidget:
        return self.item_inputs[step] if step < len(self.item_inputs) else self.difficulty_input

    def _go_to(self, step: int, focus: QWidget | None = None) -> None:
        """Show ``step`` (0-based) and put the focus on ``focus`` (by default its answers);
        past the last step, the focus goes to "See my result"."""
        if step < 0:
            return
        if step >= len(self._steps):
            self.finish_button.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self._step = step
        target = focus or self._step_input(step)
        self._steps[step].show()
        target.setFocus(Qt.FocusReason.OtherFocusReason)
        if not self.is_one_page():
            for index, block in enumerate(self._steps):
                block.setVisible(index == step)
        self._update_navigation()
        self.questions_scroll.ensureWidgetVisible(target)

    def _update_navigation(self) -> None:
        count = len(self.item_inputs)
        if self._step < count:
            self.progress_label.setText(
                self.tr("Question {number} of {count}").format(number=self._step + 1, count=count)
            )
        else:
            self.progress_label.setText(self.tr("Last step: one optional question and the date"))
        self.back_button.setEnabled(self._step > 0)
        self.next_button.setEnabled(self._step < count)

    def _on_step_focused(self, step: int) -> None:
        """Remember the question last worked on (clicked, on one page), to show it when the
        person goes back to one question at a time."""
        self._step = step

    def _on_one_page_toggled(self, one_page: bool) -> None:
        focused = self.focusWidget()
        for index, block in enumerate(self._steps):
            if focused is not None and block.isAncestorOf(focused):
                self._step = index
        self._apply_layout()
        self._go_to(self._step, focused if self._owns(focused) else None)
        self.layout_changed.emit(one_page)

    def _owns(self, widget: QWidget | None) -> bool:
        return widget is not None and self._steps[self._step].isAncestorOf(widget)

    def _apply_layout(self) -> None:
        one_page = self.is_one_page()
        for index, block in enumerate(self._steps):
            block.setVisible(one_page or index == self._step)
        for widget in (self.back_button, self.progress_label, self.next_button):
            widget.setVisible(not one_page)
        item_font = self.font() if one_page else scaled_font(self.font(), _ITEM_SCALE)
        for label in [*self.item_labels, self.difficulty_label]:
            label.setFont(item_font)
        answer_font = self.font() if one_page else scaled_font(self.font(), _ANSWER_SCALE)
        for choice in [*self.item_inputs, self.difficulty_input]:
            choice.setFont(answer_font)

    # -- date and source ---------------------------------------------------------------------

    def _on_source_chosen(self, _index: int) -> None:
        self._source_chosen = True

    def _on_date_changed(self) -> None:
        """A past day most likely means a paper form being copied in; the person may say
        otherwise, and then that choice stays."""
        if self._source_chosen:
            return
        past = to_date(self.date_edit.date()) < self._today
        wanted = Source.PAPER_FORM if past else Source.ANSWERED_HERE
        self.source_combo.setCurrentIndex(self.source_combo.findData(wanted.value))

    # -- finishing -----------------------------------------------------------------------------

    def questionnaire_result(self) -> QuestionnaireResult:
        """The answers as they stand (not checked)."""
        return QuestionnaireResult(
            instrument=self._instrument,
            taken_on=to_date(self.date_edit.date()),
            answers=tuple(choice.value() for choice in self.item_inputs),
            difficulty=self.difficulty_input.value(),
            source=Source(self.source_combo.currentData()),
        )

    def stored_result(self) -> QuestionnaireResult | None:
        """The result as saved, once it is."""
        return self._stored

    @property
    def crisis_panel(self) -> CrisisPanel | None:
        return None if self.result_view is None else self.result_view.crisis_panel

    def set_safety_plan(self, contacts: CrisisContacts, plan: SafetyPlan) -> None:
        """Show the edited safety plan and contacts in the crisis panel."""
        self._contacts, self._plan = contacts, plan
        if self.crisis_panel is not None:
            self.crisis_panel.set_contents(contacts, plan)

    def _unsaved_answers(self) -> bool:
        if self._stored is not None:
            return False
        return any(choice.value() is not None for choice in self.item_inputs)

    @override
    def done(self, code: int) -> None:
        """Closing (Done, Cancel, Escape, the window's close button) with answers that are
        not saved asks first: nothing typed is dropped without the person saying so."""
        if self._unsaved_answers() and not dialogs.confirm(
            self,
            self.tr("Close without saving?"),
            self.tr("Your answers are not saved in your diary yet. Close and lose them?"),
            self.tr("Close without saving"),
        ):
            return
        super().done(code)

    def _on_finish(self) -> None:
        result = self.questionnaire_result()
        try:
            validate_result(result, self._today)
        except InvalidEntry as error:
            self._show_error(error)
            return
        self.error_label.hide()
        self._pending = result
        self._try_save()

    def _show_error(self, error: InvalidEntry) -> None:
        self.error_label.setText(f"⚠ {error.message}")
        self.error_label.show()
        if error.field in ("date", "source"):
            self._go_to(len(self.item_inputs), self.date_edit)
        elif error.field == "difficulty":
            self._go_to(len(self.item_inputs))
        elif error.field == "answers":
            self._go_to(0)

    def _try_save(self) -> None:
        result = self._pending
        if result is None:
            return
        try:
            stored = self._save(result)
        except InvalidEntry as error:
            if self.result_view is None:
                self._show_error(error)
            else:
                self._show_not_saved(error.message)
            return
        except StorageError as error:
            self._show_result(result)
            self._show_not_saved(error.message)
            return
        self._pending = None
        self._stored = stored
        self._show_result(stored)
        self.save_status_label.setText(self.tr("✓ Saved in your diary."))
        self.retry_button.hide()
        self.done_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self.saved.emit(stored)

    def _show_not_saved(self, message: str) -> None:
        self.save_status_label.setText(self.tr("⚠ Not saved: {message}").format(message=message))
        self.retry_button.show()
        self.retry_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_result(self, result: QuestionnaireResult) -> None:
        """Page 2, built once (the answers cannot change after that)."""
        if self.result_view is not None:
            return
        page = self.result_page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        self.result_view = ResultView(result, self._contacts, self._plan)
        if self.result_view.crisis_panel is not None:
            self.result_view.crisis_panel.edit_requested.connect(self.safety_plan_requested)
        scroll = self.result_scroll = QScrollArea(page)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setAccessibleName(
            self.tr("Your result")
        )  # a tab stop: arrows and Page Down scroll it
        scroll.setAccessibleDescription(
            self.tr("Your score and what it means; arrow keys and Page Down scroll it")
        )
        scroll.setWidget(self.result_view)
        layout.addWidget(scroll, 1)
        self.save_status_label = wrapped_label("", page)
        layout.addWidget(self.save_status_label)
        row = QHBoxLayout()
        self.retry_button = QPushButton(self.tr("&Try saving again"), page)
        self.retry_button.setAccessibleDescription(
            self.tr("Try again to save this result in the diary")
        )
        self.retry_button.hide()
        self.done_button = QPushButton(self.tr("Done"), page)
        self.done_button.setAccessibleDescription(self.tr("Close the questionnaire"))
        row.addWidget(self.retry_button)
        row.addStretch(1)
        row.addWidget(self.done_button)
        layout.addLayout(row)
        self.retry_button.clicked.connect(self._try_save)
        self.done_button.clicked.connect(self.accept)
        self.questions_page.hide()
        self._outer.addWidget(page)
        page.show()  # made after the dialog was shown, so it is not shown with it
        self.done_button.setDefault(True)
        self.done_button.setFocus(Qt.FocusReason.OtherFocusReason)
