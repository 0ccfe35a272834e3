"""Clicking an option of a ChoiceInput where a person would: the middle of its segment."""

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from moodlog.ui.choice_input import ChoiceInput


def click_choice(qtbot: QtBot, choice: ChoiceInput, value: int) -> None:
    qtbot.mouseClick(choice, Qt.MouseButton.LeftButton, pos=choice.segment_rect(value).center())
