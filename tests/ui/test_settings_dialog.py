"""Settings (Diary › Settings…, Ctrl+,): each page changes what it says, at once, and the
change is still there in a new dialog and a new window."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QPoint, QSettings, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCalendarWidget,
    QComboBox,
    QDateEdit,
    QTabWidget,
)
from pytestqt.qtbot import QtBot

from moodlog.domain.safety_plan import PlanSection
from moodlog.domain.sleep import SleepMode
from moodlog.reports.report_period import PaperSize
from moodlog.storage.diary_store import DiaryStore
from moodlog.ui.app_theme import apply_theme, dark_palette, light_palette
from moodlog.ui.appearance_preferences import AppearancePreferences, Theme, WeekStart
from moodlog.ui.main_window import MainWindow
from moodlog.ui.questionnaire_preferences import QuestionnairePreferences
from moodlog.ui.report_preferences import ReportPreferences
from moodlog.ui.safety_plan_dialog import SafetyPlanDialog
from moodlog.ui.settings_dialog import SettingsDialog
from moodlog.ui.today_preferences import TodayPreferences
from moodlog.ui.week_start import apply_week_start
from tests.ui.conftest import FakeClock

Key = Qt.Key
LEFT = Qt.MouseButton.LeftButton
Role = QPalette.ColorRole


@pytest.fixture(autouse=True)
def _system_look_afterwards(qapp: QApplication) -> Iterator[None]:
    """The theme and week start are application-wide: put the system's back after each test."""
    yield
    app = qapp
    apply_theme(app, Theme.SYSTEM)
    apply_week_start(app, WeekStart.LOCALE)


def open_settings(qtbot: QtBot, window: MainWindow) -> SettingsDialog:
    dialog = window.open_settings()
    dialog.resize(760, 640)
    qtbot.waitExposed(dialog)
    dialog.activateWindow()  # focus moves within it, so leaving a field keeps its words
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def show_tab(dialog: SettingsDialog, name: str) -> None:
    dialog.show_page(name)
    assert dialog.tabs.tabText(dialog.tabs.currentIndex()).replace("&", "") == name


def new_window(
    qtbot: QtBot, store: DiaryStore, clock: FakeClock, settings: QSettings
) -> MainWindow:
    """A second window over the same diary and settings, as after a restart."""
    settings.sync()
    again = QSettings(settings.fileName(), QSettings.Format.IniFormat)
    window = MainWindow(store, clock, again, None)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def click_box(qtbot: QtBot, box: QAbstractButton) -> None:
    """Click a tick box or radio button on its box (its row may be wider than its text)."""
    qtbot.mouseClick(box, LEFT, pos=QPoint(box.height() // 2, box.height() // 2))


def choose(qtbot: QtBot, combo: QComboBox, text: str) -> None:
    """Pick the item whose name starts with ``text`` by keyboard: Home, then Down."""
    index = combo.findText(text, Qt.MatchFlag.MatchStartsWith)
    assert index >= 0, text
    combo.setFocus()
    qtbot.keyClick(combo, Key.Key_Home)
    for _step in range(index):
        qtbot.keyClick(combo, Key.Key_Down)


# -- the menu ----------------------------------------------------------------------------------


def test_ctrl_comma_opens_settings_and_esc_closes_it(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window, Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    dialog = window.findChild(SettingsDialog)
    assert isinstance(dialog, SettingsDialog)
    qtbot.waitExposed(dialog)
    names = [dialog.tabs.tabText(i).replace("&", "") for i in range(dialog.tabs.count())]
    assert names == [
        "Today",
        "Sleep and trackers",
        "Questionnaires",
        "Safety plan",
        "Report",
        "Appearance",
        "Reminders",
    ]
    qtbot.keyClick(dialog, Key.Key_Escape)
    assert not dialog.isVisible()


def test_every_tab_name_is_in_view(qtbot: QtBot, window: MainWindow) -> None:
    dialog = window.open_settings()
    qtbot.waitExposed(dialog)
    bar = dialog.tabs.tabBar()
    last = bar.tabRect(bar.count() - 1)
    assert last.right() <= bar.width()


# -- Today: scales and their words ------------------------------------------------------------


def test_ticking_a_scale_shows_it_on_today_ticks_the_menu_and_is_kept(
    qtbot: QtBot, window: MainWindow, store: DiaryStore, clock: FakeClock, settings: QSettings
) -> None:
    panel = window.today_view.check_in_panel
    assert panel.inputs["irritability"].isHidden()
    dialog = open_settings(qtbot, window)
    check = dialog.scale_checks["irritability"]
    assert not check.isChecked()
    click_box(qtbot, check)
    assert not panel.inputs["irritability"].isHidden()
    assert window.scale_actions["irritability"].isChecked()
    click_box(qtbot, dialog.scale_checks["energy"])
    assert panel.inputs["energy"].isHidden()
    assert not window.scale_actions["energy"].isChecked()

    again = new_window(qtbot, store, clock, settings)
    assert not again.today_view.check_in_panel.inputs["irritability"].isHidden()
    assert again.today_view.check_in_panel.inputs["energy"].isHidden()
    reopened = open_settings(qtbot, again)
    assert reopened.scale_checks["irritability"].isChecked()
    assert not reopened.scale_checks["energy"].isChecked()


def test_the_last_scale_cannot_be_unticked_and_the_dialog_says_why(
    qtbot: QtBot, window: MainWindow, settings: QSettings
) -> None:
    TodayPreferences(settings).set_shown_scales(["mood"])
    dialog = open_settings(qtbot, window)
    click_box(qtbot, dialog.scale_checks["mood"])
    assert dialog.scale_checks["mood"].isChecked()
    assert dialog.error_label.isVisible()
    assert dialog.error_label.text() == "⚠ At least one scale stays on the Today view."
    assert TodayPreferences(settings).shown_scales() == ["mood"]


def test_own_words_for_a_scale_show_on_today_and_are_kept(
    qtbot: QtBot, window: MainWindow, store: DiaryStore, clock: FakeClock, settings: QSettings
) -> None:
    panel = window.today_view.check_in_panel
    assert panel.anchor_labels["mood"].text() == "0 = worst possible   ·   10 = best possible"
    dialog = open_settings(qtbot, window)
    low = dialog.anchor_edits["mood"][0]
    assert low.text() == ""
    assert low.placeholderText() == "worst possible"  # the usual words, when blank
    qtbot.mouseClick(low, LEFT)
    qtbot.keyClicks(low, "rock bottom")
    qtbot.keyClick(low, Key.Key_Tab)  # leaving the field keeps the words
    assert panel.anchor_labels["mood"].text() == "0 = rock bottom   ·   10 = best possible"
    assert "0 = rock bottom" in panel.inputs["mood"].toolTip()
    qtbot.mouseClick(dialog.anchor_edits["anxiety"][1], LEFT)
    qtbot.keyClicks(dialog.anchor_edits["anxiety"][1], "panic")
    qtbot.keyClick(dialog, Key.Key_Escape)  # closing keeps what is still being typed
    assert panel.anchor_labels["anxiety"].text() == "0 = none   ·   10 = panic"

    # The value beside the scale speaks the person's own word too.
    panel.inputs["mood"].setFocus()
    qtbot.keyClick(panel.inputs["mood"], Key.Key_0)
    assert panel._value_labels["mood"].text() == "0 · Rock bottom"
    assert panel.inputs["mood"].accessibleDescription() == "Mood: 0, Rock bottom"

    again = new_window(qtbot, store, clock, settings)
    labels = again.today_view.check_in_panel.anchor_labels
    assert labels["mood"].text() == "0 = rock bottom   ·   10 = best possible"
    assert labels["anxiety"].text() == "0 = none   ·   10 = panic"
    assert open_settings(qtbot, again).anchor_edits["mood"][0].text() == "rock bottom"


def test_clearing_own_words_puts_back_the_usual_ones(
    qtbot: QtBot, window: MainWindow, settings: QSettings
) -> None:
    TodayPreferences(settings).set_anchors("energy", "drained", "")
    dialog = open_settings(qtbot, window)
    low = dialog.anchor_edits["energy"][0]
    assert low.text() == "drained"
    low.setFocus()
    low.selectAll()
    qtbot.keyClick(low, Key.Key_Delete)
    qtbot.keyClick(low, Key.Key_Tab)
    assert TodayPreferences(settings).anchors("energy") == ("exhausted", "full of energy")
    assert window.today_view.check_in_panel.anchor_labels["energy"].text() == (
        "0 = exhausted   ·   10 = full of energy"
    )
    assert settings.value("today/anchors/energy/low") is None  # nothing left behind


# -- sleep and trackers ----------------------------------------------------------------------


def test_detailed_sleep_by_default_changes_today_and_the_menu_and_is_kept(
    qtbot: QtBot, window: MainWindow, store: DiaryStore, clock: FakeClock, settings: QSettings
) -> None:
    dialog = open_settings(qtbot, window)
    show_tab(dialog, "Sleep and trackers")
    assert dialog.quick_sleep_radio.isChecked()
    click_box(qtbot, dialog.full_sleep_radio)
    assert window.detailed_sleep_action.isChecked()
    assert window.today_view.sleep_panel.mode() is SleepMode.FULL
    assert TodayPreferences(settings).sleep_mode() is SleepMode.FULL
    again = new_window(qtbot, store, clock, settings)
    assert again.today_view.sleep_panel.mode() is SleepMode.FULL
    reopened = open_settings(qtbot, again)
    assert reopened.full_sleep_radio.isChecked()


def test_unticking_a_tracker_takes_it_off_today_and_the_diary_keeps_it(
    qtbot: QtBot, window: MainWindow, store: DiaryStore
) -> None:
    alcohol = next(t for t in store.trackers() if t.name == "Alcohol")
    assert alcohol.id in window.today_view.trackers_panel.trackers
    dialog = open_settings(qtbot, window)
    show_tab(dialog, "Sleep and trackers")
    items = [dialog.tracker_list.item(i) for i in range(dialog.tracker_list.count())]
    item = next(i for i in items if i.text() == "Alcohol (drinks)")
    assert item.checkState() == Qt.CheckState.Checked
    rect = dialog.tracker_list.visualItemRect(item)
    # The tick box is at the left of the row.
    point = rect.topLeft() + (rect.bottomLeft() - rect.topLeft()) / 2
    point.setX(rect.left() + rect.height() // 2)
    qtbot.mouseClick(dialog.tracker_list.viewport(), LEFT, pos=point)
    assert item.checkState() == Qt.CheckState.Unchecked
    assert not next(t for t in store.trackers() if t.name == "Alcohol").is_visible
    assert alcohol.id not in window.today_view.trackers_panel.trackers
    reopened = open_settings(qtbot, window)
    reopened_items = [reopened.tracker_list.item(i) for i in range(reopened.tracker_list.count())]
    again = next(i for i in reopened_items if i.text() == "Alcohol (drinks)")
    assert again.checkState() == Qt.CheckState.Unchecked


def test_add_a_tracker_opens_the_tracker_list_and_the_new_one_is_listed(
    qtbot: QtBot, window: MainWindow
) -> None:
    dialog = open_settings(qtbot, window)
    show_tab(dialog, "Sleep and trackers")
    count = dialog.tracker_list.count()
    qtbot.mouseClick(dialog.trackers_button, LEFT)
    from moodlog.ui.checklist_dialog import ChecklistDialog

    checklist = window.findChild(ChecklistDialog)
    assert isinstance(checklist, ChecklistDialog)
    qtbot.waitExposed(checklist)
    qtbot.keyClicks(checklist.name_edit, "Walks")
    qtbot.mouseClick(checklist.add_button, LEFT)
    checklist.accept()
    assert dialog.tracker_list.count() == count + 1
    assert dialog.tracker_list.item(count).text().startswith("Walks")


# -- questionnaires ------------------------------------------------------------------------


def test_the_questionnaire_interval_is_kept_and_the_questionnaires_view_follows(
    qtbot: QtBot, window: MainWindow, store: DiaryStore, clock: FakeClock, settings: QSettings
) -> None:
    scores = window.scores_view  # built, so it must follow
    assert scores.interval_days() == 14
    dialog = open_settings(qtbot, window)
    show_tab(dialog, "Questionnaires")
    choose(qtbot, dialog.interval_combo, "28")
    assert dialog.interval_combo.currentText() == "28 days"
    assert QuestionnairePreferences(settings).interval_days() == 28
    assert scores.interval_days() == 28
    click_box(qtbot, dialog.one_page_check)
    assert QuestionnairePreferences(settings).all_on_one_page()
    again = new_window(qtbot, store, clock, settings)
    assert again.questionnaire_preferences.interval_days() == 28
    reopened = open_settings(qtbot, again)
    assert reopened.interval_combo.currentText() == "28 days"
    assert reopened.one_page_check.isChecked()


# -- safety plan -------------------------------------------------------------------------


def test_the_safety_plan_button_opens_the_plan_and_the_page_shows_what_was_saved(
    qtbot: QtBot, window: MainWindow, store: DiaryStore
) -> None:
    dialog = open_settings(qtbot, window)
    show_tab(dialog, "Safety plan")
    assert dialog.safety_summary.text() == (
        "You have not written a safety plan yet.\nYou have not added your own contacts yet."
    )
    qtbot.mouseClick(dialog.safety_plan_button, LEFT)
    editor = window.flows.safety_plan
    assert isinstance(editor, SafetyPlanDialog)
    qtbot.waitExposed(editor)
    qtbot.keyClicks(editor.section_edits[PlanSection.REASONS_FOR_LIVING], "My sister")
    qtbot.keyClicks(editor.trusted_name_edit, "Sam")
    qtbot.keyClicks(editor.trusted_phone_edit, "555 0101")
    qtbot.mouseClick(editor.save_button, LEFT)
    assert store.questionnaires.crisis_contacts().trusted_name == "Sam"  # in the diary
    assert dialog.safety_summary.text() == (
        "Your safety plan has 1 part written.\nYour contacts: Sam: 555 0101."
    )


def test_no_health_data_goes_to_the_settings_file(
    qtbot: QtBot, window: MainWindow, settings: QSettings
) -> None:
    dialog = open_settings(qtbot, window)
    show_tab(dialog, "Report")
    qtbot.keyClicks(dialog.report_name_edit, "J. Doe 4411")
    qtbot.mouseClick(dialog.safety_plan_button, LEFT)
    editor = window.flows.safety_plan
    assert isinstance(editor, SafetyPlanDialog)
    qtbot.keyClicks(editor.trusted_phone_edit, "555 0101")
    qtbot.mouseClick(editor.save_button, LEFT)
    choose(qtbot, dialog.paper_combo, "US")
    dialog.reject()
    settings.sync()
    text = Path(settings.fileName()).read_text(encoding="utf-8")
    assert "[report]\npaper=letter" in text  # the settings file it is
    assert "4411" not in text
    assert "555 0101" not in text


# -- report ------------------------------------------------------------------------------


def test_the_report_name_goes_to_the_diary_and_the_paper_to_settings(
    qtbot: QtBot, window: MainWindow, store: DiaryStore, settings: QSettings
) -> None:
    dialog = open_settings(qtbot, window)
    show_tab(dialog, "Report")
    qtbot.keyClick(dialog, Key.Key_N, Qt.KeyboardModifier.AltModifier)
    assert dialog.report_name_edit.hasFocus()
    qtbot.keyClicks(dialog.report_name_edit, "J. Doe")
    qtbot.keyClick(dialog.report_name_edit, Key.Key_Tab)
    assert store.appointments.report_name() == "J. Doe"
    letter = dialog.paper_combo.findData(PaperSize.LETTER)
    a4 = dialog.paper_combo.findData(PaperSize.A4)
    dialog.paper_combo.setCurrentIndex(a4)
    choose(qtbot, dialog.paper_combo, "US")
    assert dialog.paper_combo.currentIndex() == letter
    assert ReportPreferences(settings).paper() is PaperSize.LETTER
    dialog.reject()

    report = window.open_report()  # the report dialog starts from them
    assert report.name_edit.text() == "J. Doe"
    assert report.paper_combo.currentData() == PaperSize.LETTER
    report.reject()
    reopened = open_settings(qtbot, window)
    assert reopened.report_name_edit.text() == "J. Doe"
    assert reopened.paper_combo.currentData() == PaperSize.LETTER


# -- appearance ------------------------------------------------------------------------------


def luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast(first: QColor, second: QColor) -> float:
    """The WCAG 2 contrast ratio of two colours (1 to 21)."""
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_contrast_is_computed_as_wcag_says() -> None:
    assert contrast(QColor("#000000"), QColor("#ffffff")) == pytest.approx(21.0)
    assert contrast(QColor("#777777"), QColor("#ffffff")) == pytest.approx(4.48, abs=0.01)


READ_PAIRS = [
    (Role.Text, Role.Base),
    (Role.WindowText, Role.Window),
    (Role.ButtonText, Role.Button),
    (Role.HighlightedText, Role.Highlight),
    (Role.PlaceholderText, Role.Base),
    (Role.PlaceholderText, Role.Window),
    (Role.ToolTipText, Role.ToolTipBase),
    (Role.Link, Role.Base),
    (Role.Text, Role.AlternateBase),
]


@pytest.mark.parametrize("palette_of", [dark_palette, light_palette], ids=["dark", "light"])
def test_text_in_both_themes_has_a_contrast_of_at_least_4_5(
    palette_of: "type[QPalette]",
) -> None:
    palette = palette_of()
    for text, background in READ_PAIRS:
        ratio = contrast(palette.color(text), palette.color(background))
        assert ratio >= 4.5, (text, background, ratio)


def test_choosing_dark_colours_the_whole_application_and_is_kept(
    qtbot: QtBot, window: MainWindow, store: DiaryStore, clock: FakeClock, settings: QSettings
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert app.palette().color(Role.Window).lightness() > 128  # the system's light palette
    dialog = open_settings(qtbot, window)
    show_tab(dialog, "Appearance")
    qtbot.keyClick(dialog, Key.Key_C, Qt.KeyboardModifier.AltModifier)
    assert dialog.theme_combo.hasFocus()
    choose(qtbot, dialog.theme_combo, "Dark")
    assert AppearancePreferences(settings).theme() is Theme.DARK
    # What widgets paint with: the change reaches them as an event.
    qtbot.waitUntil(lambda: window.today_view.palette().color(Role.Window).lightness() < 64)
    palette = window.today_view.palette()
    assert contrast(palette.color(Role.Text), palette.color(Role.Base)) >= 4.5
    assert contrast(palette.color(Role.WindowText), palette.color(Role.Window)) >= 4.5
    # What is drawn, too: the secondary text on a settings page (tabs paint their own ground).
    page = dialog.tabs.currentWidget()
    image = page.grab().toImage()
    ground = image.pixelColor(image.width() - 4, image.height() - 4)
    assert ground.lightness() < 100
    assert contrast(palette.color(Role.PlaceholderText), ground) >= 4.5
    assert contrast(palette.color(Role.WindowText), ground) >= 4.5

    again = new_window(qtbot, store, clock, settings)
    reopened = open_settings(qtbot, again)
    assert reopened.theme_combo.currentData() == Theme.DARK
    choose(qtbot, reopened.theme_combo, "Same")
    assert app.palette().color(Role.Window).lightness() > 128
    assert AppearancePreferences(settings).theme() is Theme.SYSTEM


def test_light_is_moodlogs_readable_light_palette(qtbot: QtBot, window: MainWindow) -> None:
    dialog = open_settings(qtbot, window)
    show_tab(dialog, "Appearance")
    choose(qtbot, dialog.theme_combo, "Light")
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert app.palette().color(Role.Highlight) == light_palette().color(Role.Highlight)
    assert (
        contrast(app.palette().color(Role.HighlightedText), app.palette().color(Role.Highlight))
        >= 4.5
    )


def test_the_week_start_changes_the_calendars_now_and_later_and_is_kept(
    qtbot: QtBot, window: MainWindow, store: DiaryStore, clock: FakeClock, settings: QSettings
) -> None:
    calendar = window.history_view.findChild(QCalendarWidget)
    assert isinstance(calendar, QCalendarWidget)
    dialog = open_settings(qtbot, window)
    show_tab(dialog, "Appearance")
    for name, day in (("Sunday", Qt.DayOfWeek.Sunday), ("Monday", Qt.DayOfWeek.Monday)):
        choose(qtbot, dialog.week_start_combo, name)
        assert calendar.firstDayOfWeek() == day  # a calendar that was already there
        edit = QDateEdit()  # and the pop-up calendar of a date field made later
        qtbot.addWidget(edit)
        edit.setCalendarPopup(True)
        popup = edit.calendarWidget()
        popup.ensurePolished()
        assert popup.firstDayOfWeek() == day
    assert AppearancePreferences(settings).week_start() is WeekStart.MONDAY
    reopened = open_settings(qtbot, new_window(qtbot, store, clock, settings))
    assert reopened.week_start_combo.currentData() == WeekStart.MONDAY

    choose(qtbot, dialog.week_start_combo, "As usual")
    assert calendar.firstDayOfWeek() == QLocale().firstDayOfWeek()
    assert AppearancePreferences(settings).week_start() is WeekStart.LOCALE


def test_the_reminders_tab_is_the_reminder_page(qtbot: QtBot, window: MainWindow) -> None:
    dialog = window.open_settings("Reminders")
    qtbot.waitExposed(dialog)
    assert dialog.tabs.currentWidget() is dialog.reminder_page
    assert isinstance(dialog.tabs, QTabWidget)
