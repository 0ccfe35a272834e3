"""ChecklistDialog: choose which side effects or trackers appear on Today, and add new ones.
Hidden items keep their history; nothing is deleted here."""

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from moodlog.domain.errors import InvalidEntry
from moodlog.domain.trackers import TrackerKind

# (id, name, shown) for each existing item.
Item = tuple[int, str, bool]
AddCallback = Callable[[str, TrackerKind | None, str], Item]


class ChecklistDialog(QDialog):
    def __init__(
        self,
        title: str,
        items: list[Item],
        add: AddCallback,
        with_kind: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._add = add
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Ticked items appear on the Today view."), self))
        self.list = QListWidget(self)
        self.list.setAccessibleName(title)
        self.list.setAccessibleDescription(
            self.tr("Ticked items appear on the Today view; Space ticks or unticks one")
        )
        for item_id, name, shown in items:
            self._append(item_id, name, shown)
        layout.addWidget(self.list, 1)
        add_row = QHBoxLayout()
        self.name_edit = QLineEdit(self)
        self.name_edit.setPlaceholderText(self.tr("Add your own…"))
        self.name_edit.setAccessibleName(self.tr("New item name"))
        add_row.addWidget(self.name_edit, 1)
        self.kind_combo = QComboBox(self)
        self.kind_combo.setAccessibleName(self.tr("Kind of tracker"))
        self.kind_combo.setAccessibleDescription(
            self.tr("Whether the new tracker holds a number, a yes or no, or a rating")
        )
        for kind in TrackerKind:
            self.kind_combo.addItem(kind.label, kind)
        self.unit_edit = QLineEdit(self)
        self.unit_edit.setPlaceholderText(self.tr("unit (optional)"))
        self.unit_edit.setAccessibleName(self.tr("Unit"))
        self.kind_combo.setVisible(with_kind)
        self.unit_edit.setVisible(with_kind)
        add_row.addWidget(self.kind_combo)
        add_row.addWidget(self.unit_edit)
        self.add_button = QPushButton(self.tr("&Add"), self)
        self.add_button.setAccessibleDescription(self.tr("Add the item you named to the list"))
        add_row.addWidget(self.add_button)
        layout.addLayout(add_row)
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        layout.addWidget(self.error_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleDescription(
            self.tr("Close this window and show the ticked items on Today")
        )
        buttons.rejected.connect(self.accept)
        layout.addWidget(buttons)
        self.add_button.clicked.connect(self._on_add)
        self.name_edit.returnPressed.connect(self._on_add)
        self.resize(self.sizeHint().width() + 120, 480)

    def _append(self, item_id: int, name: str, shown: bool) -> None:
        item = QListWidgetItem(name, self.list)
        item.setData(Qt.ItemDataRole.UserRole, item_id)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if shown else Qt.CheckState.Unchecked)

    def _on_add(self) -> None:
        kind = self.kind_combo.currentData() if self.kind_combo.isVisible() else None
        try:
            item_id, name, shown = self._add(self.name_edit.text(), kind, self.unit_edit.text())
        except InvalidEntry as error:
            self.error_label.setText(f"⚠ {error.message}")
            self.error_label.show()
            return
        self.error_label.hide()
        self._append(item_id, name, shown)
        self.name_edit.clear()
        self.unit_edit.clear()

    def shown_ids(self) -> dict[int, bool]:
        """Each item's id and whether it is ticked."""
        result = {}
        for row in range(self.list.count()):
            item = self.list.item(row)
            result[int(item.data(Qt.ItemDataRole.UserRole))] = (
                item.checkState() == Qt.CheckState.Checked
            )
        return result
