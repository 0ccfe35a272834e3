"""SafetyPlanDialog: write (or change) the safety plan, in the person's own words, and their own
crisis contacts.

The plan is long, so the form scrolls (the focused field is always scrolled into view) while
the error line and the buttons stay put. Enter in a section starts a new line; Ctrl+Enter or
Ctrl+S saves. Closing with unsaved changes asks first: nothing written is lost by a stray Esc.
"""

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, Qt
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from moodlog.domain.safety_plan import (
    CrisisContacts,
    PlanSection,
    SafetyPlan,
    validate_safety_plan,
)
from moodlog.domain.translation import QT_TRANSLATE_NOOP
from moodlog.ui import dialogs
from moodlog.ui.form_dialog import FormDialog, buddy_label, make_line_edit, make_note_label

INTRODUCTION = QT_TRANSLATE_NOOP(
    "SafetyPlanDialog",
    "Write this when you feel able to, in your own words. It is for you, for the moments "
    "when things get hard. moodlog keeps it on this computer only; nobody else sees it "
    "unless you show them or export it.",
)
EMERGENCY_HINT = QT_TRANSLATE_NOOP("SafetyPlanDialog", "911 in the US")
SAVE_KEYS = ("Ctrl+Return", "Ctrl+Enter", "Ctrl+S")
_SECTION_LINES = 4  # the height of each section's box, in lines of text
_PREFERRED_SIZE = QSize(720, 700)


def _wrapping_note(text: str, parent: QWidget) -> QLabel:
    """A note line whose height follows its width (make_note_label's size policy drops
    height-for-width, which leaves a gap below a short note in a box layout)."""
    note = make_note_label(text, parent)
    policy = note.sizePolicy()
    policy.setHeightForWidth(True)
    note.setSizePolicy(policy)
    return note


class SafetyPlanDialog(FormDialog):
    """Edit ``plan`` and ``contacts``; :meth:`plan` and :meth:`contacts` hold the result once
    the dialog is accepted.

    Public inputs: ``section_edits`` (one QPlainTextEdit per :class:`PlanSection`),
    ``emergency_edit``, ``trusted_name_edit``, ``trusted_phone_edit``,
    ``clinician_name_edit``, ``clinician_phone_edit``; also ``intro_label``,
    ``scroll_area``, ``error_label``, ``button_box`` (Save, Cancel).
    """

    def __init__(
        self, plan: SafetyPlan, contacts: CrisisContacts, parent: QWidget | None = None
    ) -> None:
        # fit_to_text: no stretch above the buttons, so the scroll area takes any extra height.
        super().__init__(parent, fit_to_text=True)
        self.setWindowTitle(self.tr("My safety plan"))
        self._build_layout()
        self._load(plan, contacts)
        self._saved = (self.plan(), self.contacts())  # what "unchanged" means on Cancel
        self._connect_signals()
        self.resize(self._default_size())
        self.section_edits[PlanSection.WARNING_SIGNS].setFocus()

    # -- building ----------------------------------------------------------------------------

    def _build_layout(self) -> None:
        content = QWidget(self)
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 8, 0)  # level with the error line; clear of the bar
        self.intro_label = QLabel(
            QCoreApplication.translate("SafetyPlanDialog", INTRODUCTION), content
        )
        self.intro_label.setWordWrap(True)
        column.addWidget(self.intro_label)
        self.section_edits: dict[PlanSection, QPlainTextEdit] = {}
        # Each field's block (heading, prompt, box): what is scrolled into view with it.
        self._blocks: dict[QWidget, QWidget] = {}
        for section in PlanSection:
            column.addWidget(self._section_block(section, content))
        column.addWidget(self._contacts_group(content))
        column.addStretch(1)

        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Tab moves through the fields (the area follows the focus), not to the area itself.
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll_area.setAccessibleName(self.tr("Safety plan"))
        self.scroll_area.setWidget(content)

        buttons = QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        self._finish_layout(above=[self.scroll_area], buttons=buttons)
        self.save_button = self.button_box.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setToolTip(self.tr("Save (Ctrl+S or Ctrl+Enter)"))

    def _section_block(self, section: PlanSection, parent: QWidget) -> QWidget:
        block = QWidget(parent)
        layout = QVBoxLayout(block)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.setSpacing(3)
        edit = QPlainTextEdit(block)
        edit.setTabChangesFocus(True)
        edit.setAccessibleName(section.heading)
        edit.setAccessibleDescription(section.prompt)
        lines = edit.fontMetrics().lineSpacing() * _SECTION_LINES
        edit.setFixedHeight(lines + 2 * edit.frameWidth() + 8)
        # The heading reads "1. My warning signs"; Alt+1 goes to its box.
        heading = buddy_label(f"&{section.heading}", edit, block)
        bold = QFont(heading.font())
        bold.setBold(True)
        heading.setFont(bold)
        heading.setWordWrap(True)
        layout.addWidget(heading)
        layout.addWidget(_wrapping_note(section.prompt, block))
        layout.addWidget(edit)
        self.section_edits[section] = edit
        self._blocks[edit] = block
        return block

    def _contacts_group(self, parent: QWidget) -> QGroupBox:
        group = QGroupBox(self.tr("Contacts"), parent)
        grid = QGridLayout(group)
        self.emergency_edit = make_line_edit(
            self.tr("My local emergency number"),
            QCoreApplication.translate("SafetyPlanDialog", EMERGENCY_HINT),
            group,
        )
        name, phone = self.tr("Name"), self.tr("Phone")
        self.trusted_name_edit = make_line_edit(self.tr("Trusted person's name"), name, group)
        self.trusted_phone_edit = make_line_edit(self.tr("Trusted person's phone"), phone, group)
        self.clinician_name_edit = make_line_edit(self.tr("My clinician's name"), name, group)
        self.clinician_phone_edit = make_line_edit(self.tr("My clinician's phone"), phone, group)
        rows: tuple[tuple[str, QLineEdit, str, QLineEdit | None], ...] = (
            (self.tr("My local &emergency number"), self.emergency_edit, "", None),
            (
                self.tr("A &trusted person"),
                self.trusted_name_edit,
                #: the trusted person's phone number
                self.tr("p&hone"),
                self.trusted_phone_edit,
            ),
            (
                self.tr("My c&linician"),
                self.clinician_name_edit,
                #: the clinician's phone number
                self.tr("ph&one"),
                self.clinician_phone_edit,
            ),
        )
        for row, (text, name_edit, phone_text, phone_edit) in enumerate(rows):
            grid.addWidget(buddy_label(text, name_edit, group), row, 0)
            grid.addWidget(name_edit, row, 1)
            self._blocks[name_edit] = group
            if phone_edit is not None:
                grid.addWidget(buddy_label(phone_text, phone_edit, group), row, 2)
                grid.addWidget(phone_edit, row, 3)
                self._blocks[phone_edit] = group
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        return group

    def _connect_signals(self) -> None:
        for keys in SAVE_KEYS:
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(self.accept)
        for field in self._blocks:
            field.installEventFilter(self)

    def _default_size(self) -> QSize:
        """The preferred size, within the screen's free area (a 1024×700 screen too)."""
        available = self.screen().availableGeometry()
        return QSize(
            min(_PREFERRED_SIZE.width(), available.width() - 40),
            min(_PREFERRED_SIZE.height(), available.height() - 80),
        )

    def _load(self, plan: SafetyPlan, contacts: CrisisContacts) -> None:
        for section, edit in self.section_edits.items():
            edit.setPlainText(plan.text(section))
        self.emergency_edit.setText(contacts.emergency_number)
        self.trusted_name_edit.setText(contacts.trusted_name)
        self.trusted_phone_edit.setText(contacts.trusted_phone)
        self.clinician_name_edit.setText(contacts.clinician_name)
        self.clinician_phone_edit.setText(contacts.clinician_phone)

    # -- behaviour ---------------------------------------------------------------------------

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Whichever way a field gets the focus (Tab, Alt+key, a refused entry), show it
        # with its heading.
        if event.type() == QEvent.Type.FocusIn and isinstance(watched, QWidget):
            block = self._blocks.get(watched)
            if block is not None:
                self.scroll_area.ensureWidgetVisible(block, 0, 8)
        return super().eventFilter(watched, event)

    @override
    def reject(self) -> None:
        """Close without saving; if anything was changed, ask first."""
        if (self.plan(), self.contacts()) != self._saved and not dialogs.confirm(
            self,
            self.tr("Close without saving?"),
            self.tr("The changes to your safety plan have not been saved."),
            self.tr("Close without saving"),
        ):
            return
        super().reject()

    # -- checking ----------------------------------------------------------------------------

    def _validate(self) -> None:
        validate_safety_plan(self.plan(), self.contacts())

    def _field_widget(self, field: str) -> QWidget | None:
        fields: dict[str, QWidget] = {s.value: edit for s, edit in self.section_edits.items()}
        fields |= {
            "emergency_number": self.emergency_edit,
            "trusted_name": self.trusted_name_edit,
            "trusted_phone": self.trusted_phone_edit,
            "clinician_name": self.clinician_name_edit,
            "clinician_phone": self.clinician_phone_edit,
        }
        return fields.get(field)

    # -- result ------------------------------------------------------------------------------

    def plan(self) -> SafetyPlan:
        """The plan as written: each section without spaces around it; empty ones left out."""
        texts = {s: edit.toPlainText().strip() for s, edit in self.section_edits.items()}
        return SafetyPlan({section: text for section, text in texts.items() if text})

    def contacts(self) -> CrisisContacts:
        """The contacts as typed, without spaces around them."""
        return CrisisContacts(
            emergency_number=self.emergency_edit.text().strip(),
            trusted_name=self.trusted_name_edit.text().strip(),
            trusted_phone=self.trusted_phone_edit.text().strip(),
            clinician_name=self.clinician_name_edit.text().strip(),
            clinician_phone=self.clinician_phone_edit.text().strip(),
        )
