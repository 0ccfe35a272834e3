"""MessageBanner: a calm, inline message with optional action buttons (no pop-ups)."""

from collections.abc import Callable
from enum import Enum

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class BannerKind(Enum):
    # The symbol carries the meaning too, never the colour alone.
    INFO = "ⓘ"
    SUCCESS = "✓"
    WARNING = "⚠"


class MessageBanner(QFrame):
    """Shows one message at a time; hidden when there is none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self._layout = QHBoxLayout(self)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._layout.addWidget(self.label, 1)
        self._buttons: list[QPushButton] = []
        self.kind = BannerKind.INFO
        self.hide()

    def show_message(
        self,
        text: str,
        kind: BannerKind = BannerKind.INFO,
        actions: list[tuple[str, Callable[[], object]]] | None = None,
    ) -> None:
        self.clear()
        self.kind = kind
        self.label.setText(f"{kind.value}  {text}")
        self.setAccessibleName(self.tr("Message"))
        self.setAccessibleDescription(text)
        for label, callback in actions or []:
            button = QPushButton(label, self)
            button.clicked.connect(callback)
            self._layout.addWidget(button)
            self._buttons.append(button)
        self.show()

    def buttons(self) -> list[QPushButton]:
        return list(self._buttons)

    def text(self) -> str:
        return self.label.text()

    def clear(self) -> None:
        for button in self._buttons:
            button.deleteLater()
        self._buttons.clear()
        self.label.clear()
        self.hide()
