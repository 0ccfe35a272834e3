"""GetHelpDialog: "Get help now", reachable from every page whatever the scores
(clinical-reference.md §0.2 rule 2): crisis lines, the person's own contacts and their
safety plan."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QScrollArea, QVBoxLayout, QWidget

from moodlog.domain.safety_plan import CrisisContacts, SafetyPlan
from moodlog.ui.crisis_panel import CrisisPanel


class GetHelpDialog(QDialog):
    """Signals:
    edit_requested(): the person wants to write or change their safety plan and contacts.
    """

    edit_requested = Signal()

    def __init__(
        self, contacts: CrisisContacts, plan: SafetyPlan, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Get help now"))
        self.panel = CrisisPanel(None, contacts, plan, self)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.panel)
        scroll.setAccessibleName(self.tr("Get help now"))
        scroll.setAccessibleDescription(
            self.tr("Crisis lines, your own contacts and your safety plan; arrow keys scroll")
        )
        self.button_box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.button_box)
        self.button_box.rejected.connect(self.reject)
        self.panel.edit_requested.connect(self.edit_requested)
        self.resize(620, 560)
        self.button_box.button(QDialogButtonBox.StandardButton.Close).setAccessibleDescription(
            self.tr("Close this window and go back to the diary")
        )
        self.button_box.button(QDialogButtonBox.StandardButton.Close).setFocus(
            Qt.FocusReason.OtherFocusReason
        )

    def set_contents(self, contacts: CrisisContacts, plan: SafetyPlan) -> None:
        self.panel.set_contents(contacts, plan)
