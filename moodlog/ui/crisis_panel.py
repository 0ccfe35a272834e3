"""CrisisPanel: who to contact now. A message (or "Get help now"), the 988 lifeline, emergency
services, the person's own contacts and their safety plan (clinical-reference.md §1.8, §10.1).

Everything is plain, selectable text so a number can be copied; nothing is a link, as moodlog
opens no network connections. Urgency shows in words, a "⚠" and a larger bold heading, never
by colour alone.
"""

from html import escape

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from moodlog.domain.crisis_resources import (
    GET_HELP_BODY,
    GET_HELP_HEADING,
    LIFELINE_HOW,
    LIFELINE_NAME,
    LIFELINE_OPTIONS,
    NOBODY_MONITORS,
    OUTSIDE_US,
    US_EMERGENCY,
    CrisisMessage,
    crisis_text,
)
from moodlog.domain.safety_plan import CrisisContacts, SafetyPlan

NO_CONTACTS_TEXT = QT_TRANSLATE_NOOP(
    "CrisisPanel", "Add a trusted person and your clinician in your safety plan."
)
NO_PLAN_TEXT = QT_TRANSLATE_NOOP(
    "CrisisPanel",
    "You haven't written a safety plan yet. When you feel able, writing one down — your "
    "warning signs, what helps, who to call — can make a hard moment easier.",
)
EDIT_BUTTON_TEXT = QT_TRANSLATE_NOOP("CrisisPanel", "Edit my safety plan and contacts…")


def _person_line(role: str, name: str, phone: str) -> str:
    """ "Someone I trust: Sam — 555 0101", or "" when neither is known."""
    parts = [part for part in (name.strip(), phone.strip()) if part]
    if not parts:
        return ""
    #: A contact line: "Someone I trust: Sam — 555 0101"
    return QCoreApplication.translate("CrisisPanel", "{role}: {who}").format(
        role=role, who=" — ".join(parts)
    )


def contacts_text(contacts: CrisisContacts) -> str:
    lines = [
        _person_line(
            QCoreApplication.translate("CrisisPanel", "Someone I trust"),
            contacts.trusted_name,
            contacts.trusted_phone,
        ),
        _person_line(
            QCoreApplication.translate("CrisisPanel", "My clinician"),
            contacts.clinician_name,
            contacts.clinician_phone,
        ),
    ]
    text = "\n".join(line for line in lines if line)
    return text or QCoreApplication.translate("CrisisPanel", str(NO_CONTACTS_TEXT))


def emergency_text(contacts: CrisisContacts) -> str:
    lines = []
    if contacts.emergency_number.strip():  # the person's own number first
        lines.append(
            QCoreApplication.translate("CrisisPanel", "My local emergency number: {number}").format(
                number=contacts.emergency_number.strip()
            )
        )
    lines.append(
        QCoreApplication.translate(
            "CrisisPanel", "Emergency services: {number} in the US. {elsewhere}"
        ).format(number=US_EMERGENCY, elsewhere=crisis_text(OUTSIDE_US))
    )
    return "\n".join(lines)


def plan_html(plan: SafetyPlan) -> str:
    """Each written section, its heading in bold, the person's words escaped as plain text."""
    blocks = []
    for section in plan.written_sections:
        words = escape(plan.text(section).strip()).replace("\n", "<br>")
        blocks.append(f"<p><b>{escape(section.heading)}</b><br>{words}</p>")
    return "".join(blocks)


class CrisisPanel(QFrame):
    """Crisis help, top to bottom: ``heading_label`` and ``body_label`` (the message, or
    "Get help now"), ``lifeline_label``, ``emergency_label``, ``contacts_label``,
    ``plan_label``, ``edit_button`` and ``nobody_label``.

    Signals:
        edit_requested(): the person wants to edit their safety plan and contacts.
    """

    edit_requested = Signal()

    def __init__(
        self,
        message: CrisisMessage | None,
        contacts: CrisisContacts,
        plan: SafetyPlan,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.is_urgent = message is not None and message.urgent
        self._build_layout(message)
        self._connect_signals()
        self.set_contents(contacts, plan)

    # -- building ------------------------------------------------------------------------

    def _build_layout(self, message: CrisisMessage | None) -> None:
        self.setAccessibleName(self.tr("Crisis help"))
        self.setFrameShape(QFrame.Shape.Box)
        self.setLineWidth(3 if self.is_urgent else 1)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.setSpacing(6)
        heading = message.heading if message is not None else crisis_text(GET_HELP_HEADING)
        body = message.body if message is not None else crisis_text(GET_HELP_BODY)
        self.heading_label = self._label(f"⚠ {heading}" if self.is_urgent else heading)
        self.heading_label.setFont(self._bold(1.45 if self.is_urgent else 1.2))
        self.heading_label.setAccessibleName(
            self.tr("Urgent: {heading}").format(heading=heading) if self.is_urgent else heading
        )
        self.body_label = self._label(body)
        self.lifeline_heading = self._label(crisis_text(LIFELINE_NAME), bold=True)
        self.lifeline_label = self._label(
            f"{crisis_text(LIFELINE_HOW)}\n{crisis_text(LIFELINE_OPTIONS)}"
        )
        self.emergency_label = self._label("")
        self.contacts_heading = self._label(self.tr("People I can call"), bold=True)
        self.contacts_label = self._label("")
        self.plan_heading = self._label(self.tr("My safety plan"), bold=True)
        self.plan_label = self._label("")
        edit_text = QCoreApplication.translate("CrisisPanel", str(EDIT_BUTTON_TEXT))
        self.edit_button = QPushButton(edit_text, self)
        self.edit_button.setAccessibleName(edit_text)
        self.edit_button.setAccessibleDescription(
            self.tr("Write down what helps you and who you can call, to find it here quickly")
        )
        self.nobody_label = self._label(crisis_text(NOBODY_MONITORS))
        for widget in (self.heading_label, self.body_label):
            layout.addWidget(widget)
        layout.addSpacing(4)
        for widget in (self.lifeline_heading, self.lifeline_label, self.emergency_label):
            layout.addWidget(widget)
        layout.addSpacing(4)
        for widget in (self.contacts_heading, self.contacts_label):
            layout.addWidget(widget)
        layout.addSpacing(4)
        for widget in (self.plan_heading, self.plan_label):
            layout.addWidget(widget)
        layout.addWidget(self.edit_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addSpacing(4)
        layout.addWidget(self.nobody_label)

    def _label(self, text: str, *, bold: bool = False) -> QLabel:
        """A word-wrapped plain-text line whose text can be selected and copied."""
        label = QLabel(self)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setText(text)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setOpenExternalLinks(False)
        if bold:
            label.setFont(self._bold(1.0))
        return label

    def _bold(self, scale: float) -> QFont:
        font = QFont(self.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * scale)
        return font

    def _connect_signals(self) -> None:
        self.edit_button.clicked.connect(self.edit_requested)

    # -- contents --------------------------------------------------------------------------

    def set_contents(self, contacts: CrisisContacts, plan: SafetyPlan) -> None:
        """Show ``contacts`` and ``plan`` (again, after they were edited)."""
        self.emergency_label.setText(emergency_text(contacts))
        self.contacts_label.setText(contacts_text(contacts))
        if plan.is_empty:
            self.plan_label.setTextFormat(Qt.TextFormat.PlainText)
            self.plan_label.setText(QCoreApplication.translate("CrisisPanel", str(NO_PLAN_TEXT)))
        else:
            # Rich text only for the bold section headings; the person's words are escaped.
            self.plan_label.setTextFormat(Qt.TextFormat.RichText)
            self.plan_label.setText(plan_html(plan))
