"""FormDialog: the scaffolding every entry dialog shares, and the form pieces that go in it.

A FormDialog is, top to bottom: any lines above the form (an introduction, a summary), a
QFormLayout whose rows have Alt+letter labels, any lines below it, an error line ("⚠ …",
hidden until an entry is refused) and the buttons. OK checks the entry first: a refused one
says why and puts the focus on the field at fault, and nothing typed is lost.

Also here: labels with a buddy, quieter explanatory lines, one-line text fields, a choice
among labelled values, date fields in the house style and a date switched on by a tick box
beside it (:class:`OptionalDate`).
"""

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeyEvent, QPalette, QShowEvent, QValidator
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from moodlog.domain.errors import InvalidEntry
from moodlog.ui.qt_dates import to_date, to_qdate

DAY_FORMAT = "d MMM yyyy"  # "3 Mar 2026"
FIRST_DAY = date(1900, 1, 1)  # the earliest date the course, gene-test and episode fields take
OK_CANCEL = QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel


class FormDialog(QDialog):
    """A dialog that asks for one entry through a form (see the module's docstring).

    A subclass builds its fields, adds them with :meth:`_add_row` (or ``self._form``
    directly), then calls :meth:`_finish_layout`, which makes ``error_label`` and
    ``button_box``. It checks the entry in :meth:`_validate` and names the input for each
    ``InvalidEntry.field`` in :meth:`_field_widget`; ``accept()`` runs both.

    ``expanding_fields``: only the fields whose size policy is Expanding grow with the
    window (otherwise the style decides). ``fit_to_text``: the window grows to fit its
    wrapped text when shown and when a problem is shown, as a top-level window does not
    follow its labels' height-for-width by itself (otherwise a stretch above the buttons
    takes any extra height). ``select_at_fault``: the field at fault has its text
    selected, so typing replaces it.
    """

    error_label: QLabel
    button_box: QDialogButtonBox

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        expanding_fields: bool = True,
        fit_to_text: bool = False,
        select_at_fault: bool = False,
    ) -> None:
        super().__init__(parent)
        self._fit_to_text = fit_to_text
        self._select_at_fault = select_at_fault
        self._outer = QVBoxLayout(self)
        self._form = QFormLayout()
        if expanding_fields:
            self._form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)

    # -- building ----------------------------------------------------------------------------

    def _add_row(self, text: str, field: QWidget | QLayout, buddy: QWidget | None = None) -> QLabel:
        """A form row: ``field`` labelled ``text``, whose Alt+letter goes to ``buddy`` (by
        default the field itself, which must then be a widget)."""
        target = field if buddy is None else buddy
        if not isinstance(target, QWidget):
            raise TypeError("a row whose field is a layout needs a buddy")
        label = buddy_label(text, target, self)
        self._form.addRow(label, field)
        return label

    def _finish_layout(
        self,
        *,
        above: Sequence[QWidget] = (),
        below: Sequence[QWidget] = (),
        buttons: QDialogButtonBox.StandardButton = OK_CANCEL,
    ) -> None:
        """Lay out ``above``, the form, ``below``, the error line and the buttons (made
        here, after the fields, so that Tab reaches them last). OK (any accept button)
        calls ``accept()``; Cancel, ``reject()``."""
        for widget in above:
            self._outer.addWidget(widget)
        self._outer.addLayout(self._form)
        for widget in below:
            self._outer.addWidget(widget)
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setAccessibleName(self.tr("Problem"))
        self.error_label.hide()
        self._outer.addWidget(self.error_label)
        if not self._fit_to_text:
            self._outer.addStretch(1)
        self.button_box = QDialogButtonBox(buttons, self)
        self._describe_standard_buttons()
        self.button_box.accepted.connect(self.accept)
        self.button_box.rejected.connect(self.reject)
        self._outer.addWidget(self.button_box)

    def _describe_standard_buttons(self) -> None:
        """What OK, Save, Cancel and Close do here, for a screen reader (a subclass whose
        buttons do something else says so itself)."""
        standard = QDialogButtonBox.StandardButton
        descriptions = (
            (standard.Ok, self.tr("Save what you entered and close this window")),
            (standard.Save, self.tr("Save what you entered and close this window")),
            (standard.Cancel, self.tr("Close this window without saving what you entered")),
            (standard.Close, self.tr("Close this window and go back to the diary")),
        )
        for which, description in descriptions:
            button = self.button_box.button(which)
            if button is not None:
                button.setAccessibleDescription(description)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self._fit_to_text:
            grow_to_fit(self)

    def _refit(self) -> None:
        """Call after changing wrapped text: the window grows to fit it once shown."""
        if self._fit_to_text and self.isVisible():
            grow_to_fit(self)

    # -- checking ----------------------------------------------------------------------------

    def _validate(self) -> None:
        """Raise InvalidEntry if the entry cannot be saved as it is (here: never)."""

    def _field_widget(self, field: str) -> QWidget | None:
        """The input to put the focus on for ``InvalidEntry.field`` (``None``: leave it)."""
        return None

    def _entry_is_valid(self) -> bool:
        """Whether the entry can be saved; if not, say why and focus the field at fault."""
        try:
            self._validate()
        except InvalidEntry as error:
            self._show_error(error)
            return False
        self.error_label.hide()
        return True

    def _show_error(self, error: InvalidEntry) -> None:
        self.error_label.setText(f"⚠ {error.message}")
        self.error_label.show()
        field = self._field_widget(error.field)
        if field is not None:
            field.setFocus(Qt.FocusReason.OtherFocusReason)
            if self._select_at_fault:
                # Select what is there, so typing replaces it (the text stays until then).
                if isinstance(field, QDateTimeEdit):
                    field.setSelectedSection(field.sectionAt(0))
                elif isinstance(field, QAbstractSpinBox):
                    field.selectAll()
        if self._fit_to_text:
            grow_to_fit(self)

    def accept(self) -> None:
        """Close with the entry accepted, unless it cannot be saved: then say why."""
        if self._entry_is_valid():
            super().accept()


# -- labels ----------------------------------------------------------------------------------


def buddy_label(text: str, buddy: QWidget, parent: QWidget) -> QLabel:
    """A label whose Alt+letter (the letter after "&" in ``text``) focuses ``buddy``."""
    label = QLabel(text, parent)
    label.setBuddy(buddy)
    return label


def make_note_label(text: str, parent: QWidget) -> QLabel:
    """A quieter, smaller explanatory line."""
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    small = label.font()
    small.setPointSizeF(small.pointSizeF() * 0.9)
    label.setFont(small)
    policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    policy.setHeightForWidth(True)  # keeps the wrapped line's height following its width
    label.setSizePolicy(policy)
    return label


def stacked(field: QWidget, note: QLabel, *, full_width: bool = True) -> QVBoxLayout:
    """A form field with its explanatory line close beneath it."""
    column = QVBoxLayout()
    column.setSpacing(2)
    if full_width:
        column.addWidget(field)
    else:
        column.addWidget(field, 0, Qt.AlignmentFlag.AlignLeft)
    column.addWidget(note)
    return column


def grow_to_fit(dialog: QDialog) -> None:
    """Make ``dialog`` tall enough for its wrapped text at its current width (a top-level
    window does not follow its labels' height-for-width by itself), never shorter."""
    layout = dialog.layout()
    if layout is None:
        return
    layout.activate()
    width = max(dialog.width(), dialog.minimumWidth())
    needed = (
        layout.totalHeightForWidth(width)
        if layout.hasHeightForWidth()
        else layout.totalSizeHint().height()
    )
    dialog.setMinimumHeight(needed)
    if dialog.height() < needed:
        dialog.resize(width, needed)


# -- text ------------------------------------------------------------------------------------


def make_line_edit(name: str, placeholder: str, parent: QWidget) -> QLineEdit:
    """A one-line text field called ``name`` (for screen readers) that shows ``placeholder``
    while it is empty."""
    edit = QLineEdit(parent)
    edit.setPlaceholderText(placeholder)
    edit.setAccessibleName(name)
    return edit


# -- choices ---------------------------------------------------------------------------------


class Labelled(Protocol):
    """A value that says how it reads (the domain's choices: Benefit, StopReason, …)."""

    @property
    def label(self) -> str: ...


def make_choice_combo(
    name: str, choices: Iterable[Labelled], parent: QWidget, *, unset_text: str | None = None
) -> QComboBox:
    """A combo box of ``choices`` by their labels (data: the choice), led by ``unset_text``
    (data: ``None``) when given; the first item is chosen."""
    combo = QComboBox(parent)
    if unset_text is not None:
        combo.addItem(unset_text, None)
    for choice in choices:
        combo.addItem(choice.label, choice)
    combo.setAccessibleName(name)
    return combo


# -- dates -----------------------------------------------------------------------------------


class DateEdit(QDateEdit):
    """A QDateEdit that is kinder to typing.

    - Tab leaves it at once instead of stepping through day, month and year (typing a whole
      part already moves on to the next one, as do the arrow keys).
    - A date outside the allowed range may stand half-typed: QDateEdit refuses the "2" of
      "24 Mar" when the earliest date is 3 Mar. Leaving the field still puts back the last
      allowed date, so no date outside the range is ever kept.
    """

    @override
    def event(self, event: QEvent) -> bool:
        # Only Tab and Shift+Tab leave at once. QDateEdit steps sections through
        # focusNextPrevChild, which typed separators (" ", "/") use too, so that stays.
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
            and not event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            return QWidget.focusNextPrevChild(self, event.key() == Qt.Key.Key_Tab)
        return super().event(event)

    def validate(self, text: str, pos: int, /) -> tuple[QValidator.State, str, int]:
        state, fixed, fixed_pos = super().validate(text, pos)
        if state == QValidator.State.Invalid and self._parses(text):
            return QValidator.State.Intermediate, text, pos
        return state, fixed, fixed_pos

    def _parses(self, text: str) -> bool:
        return self.locale().toDate(text, self.displayFormat()).isValid()


def make_date_edit(
    latest: date,
    value: date,
    name: str,
    parent: QWidget,
    *,
    earliest: date | None = None,
    display_format: str = DAY_FORMAT,
    tab_steps_through: bool = False,
) -> QDateEdit:
    """A date field in the house style: calendar popup, nothing after ``latest`` (nor
    before ``earliest``), "3 Mar 2026", showing ``value``.

    It is a :class:`DateEdit` unless ``tab_steps_through``: then a plain QDateEdit, whose
    Tab steps through day, month and year before it leaves.
    """
    edit = QDateEdit(parent) if tab_steps_through else DateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(display_format)
    if earliest is not None:
        edit.setMinimumDate(to_qdate(earliest))
    edit.setMaximumDate(to_qdate(latest))
    edit.setDate(to_qdate(value))
    edit.setAccessibleName(name)
    edit.setAccessibleDescription(
        QCoreApplication.translate(
            "FormDialog", "Type the date, or press Alt+Down to choose it on a calendar"
        )
    )
    return edit


class OptionalDate:
    """A date that may not be known (or not have come yet): a tick box beside a date field.

    Unticked, the field is disabled and shows ``unset_text`` (its special value, at its
    earliest date); ticking the box brings back the date it last showed, or ``offered`` the
    first time.
    """

    def __init__(self, check: QCheckBox, edit: QDateEdit, offered: date, unset_text: str) -> None:
        self._check = check
        self._edit = edit
        self._offered = offered
        edit.setSpecialValueText(unset_text)
        check.toggled.connect(self._on_toggled)
        self._on_toggled(False)

    def value(self) -> date | None:
        """The date shown, or ``None`` while the box is unticked."""
        return to_date(self._edit.date()) if self._check.isChecked() else None

    def set_value(self, day: date | None) -> None:
        """Show ``day`` (ticking the box), or untick the box for ``None``."""
        if day is None:
            self._check.setChecked(False)
            return
        self._offered = day
        if self._check.isChecked():
            self._edit.setDate(to_qdate(day))
        else:
            self._check.setChecked(True)

    def _on_toggled(self, checked: bool) -> None:
        unset = self._edit.minimumDate()
        if checked:
            self._edit.setEnabled(True)
            self._edit.setDate(to_qdate(self._offered))
        else:
            if self._edit.date() != unset:
                self._offered = to_date(self._edit.date())  # offered again if re-ticked
            self._edit.setDate(unset)  # shows unset_text
            self._edit.setEnabled(False)
