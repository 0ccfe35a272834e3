"""The shared date field: a date typed with spaces lands whole, and Tab leaves at once."""

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from moodlog.ui.form_dialog import make_date_edit
from moodlog.ui.qt_dates import to_date


def test_typing_a_whole_date_with_spaces_keeps_every_part(qtbot: QtBot) -> None:
    form = QWidget()
    qtbot.addWidget(form)
    layout = QVBoxLayout(form)
    edit = make_date_edit(
        date(2026, 11, 21), date(2026, 11, 21), "Started", form, earliest=date(2000, 1, 1)
    )
    after = QLineEdit(form)
    layout.addWidget(edit)
    layout.addWidget(after)
    form.show()
    edit.setFocus()
    edit.setSelectedSection(edit.Section.DaySection)

    qtbot.keyClicks(edit, "1 Aug 2024")  # the spaces move to the next part, not out
    assert to_date(edit.date()) == date(2024, 8, 1)
    assert edit.text() == "1 Aug 2024"
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    qtbot.waitUntil(after.hasFocus)
    assert to_date(edit.date()) == date(2024, 8, 1)
