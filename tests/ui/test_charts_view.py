"""The Charts tab in the real window: switching spans, pointing at and clicking a day on
the chart, opening it, and keeping up with what is saved on Today."""

from datetime import date, timedelta

import numpy as np
import pytest
from PySide6.QtCore import QDate, QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from moodlog.charts.day_axis import day_number
from moodlog.domain.chart_range import ChartRange
from moodlog.storage.diary_store import DiaryStore
from moodlog.ui.charts_view import ChartsView
from moodlog.ui.main_window import MainWindow
from tests.known_diary import TWO_CHECK_INS_DAY, write_known_diary

TODAY = date(2026, 11, 21)


@pytest.fixture
def charts(qtbot: QtBot, window: MainWindow, store: DiaryStore) -> ChartsView:
    write_known_diary(store)
    window.show_charts()
    view = window.charts_view
    qtbot.waitUntil(lambda: view.canvas is not None and view.canvas.isVisible())
    return view


def point_of(view: ChartsView, day: date, mood: float = 5) -> QPoint:
    """Where ``day`` is on the canvas, in widget pixels, at ``mood`` on the mood panel."""
    assert view.chart is not None
    assert view.canvas is not None
    x, y = view.chart.axes["mood"].transData.transform((day_number(day) + 0.5, mood))
    ratio = view.canvas.devicePixelRatioF()
    return QPoint(round(x / ratio), round(view.canvas.height() - y / ratio))


def hover(widget: QWidget, point: QPoint) -> None:
    """The pointer moving over ``widget`` with no button down, delivered to the widget
    itself (QTest's mouseMove moves the system cursor, which a grab left by an earlier test
    can swallow)."""
    position = QPointF(point)
    event = QMouseEvent(
        QEvent.Type.MouseMove,
        position,
        QPointF(widget.mapToGlobal(point)),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, event)


def shown_days(view: ChartsView) -> tuple[date, date]:
    assert view.chart is not None
    return view.chart.visible_days()


def test_the_tab_opens_on_three_months_and_says_how_many_days_were_logged(
    charts: ChartsView,
) -> None:
    assert charts.range_buttons[ChartRange.THREE_MONTHS].isChecked()
    assert shown_days(charts) == (date(2026, 8, 22), TODAY)
    assert charts.logged_label.text() == "Logged on 11 of 92 days, 22 Aug 2026 – 21 Nov 2026."
    assert "Mood" in charts.summary_label.text()
    assert "not what caused it" in charts.insights_label.text()


def test_range_buttons_switch_the_span(qtbot: QtBot, charts: ChartsView) -> None:
    qtbot.mouseClick(charts.range_buttons[ChartRange.FOUR_WEEKS], Qt.MouseButton.LeftButton)
    assert shown_days(charts) == (TODAY - timedelta(days=27), TODAY)
    # Nov 2 only: a questionnaire alone (Nov 20) is not a logged day.
    assert charts.logged_label.text().startswith("Logged on 1 of 28 days")
    assert charts.from_edit.date() == QDate(2026, 10, 25)

    qtbot.mouseClick(charts.range_buttons[ChartRange.ALL], Qt.MouseButton.LeftButton)
    assert shown_days(charts) == (date(2026, 10, 1), TODAY)  # the diary's first day

    qtbot.mouseClick(charts.range_buttons[ChartRange.ONE_YEAR], Qt.MouseButton.LeftButton)
    assert shown_days(charts) == (date(2025, 11, 22), TODAY)
    assert charts.canvas is not None
    assert "Mood" in charts.canvas.accessibleDescription()


def test_the_chosen_range_is_remembered(
    qtbot: QtBot, charts: ChartsView, window: MainWindow
) -> None:
    qtbot.mouseClick(charts.range_buttons[ChartRange.SIX_MONTHS], Qt.MouseButton.LeftButton)
    assert window._settings.value("charts/range") == "6m"


def test_a_custom_span_is_typed_into_the_dates(qtbot: QtBot, charts: ChartsView) -> None:
    qtbot.mouseClick(charts.range_buttons[ChartRange.CUSTOM], Qt.MouseButton.LeftButton)
    assert charts.from_edit.hasFocus()
    charts.from_edit.setDate(QDate(2026, 10, 1))
    charts.to_edit.setFocus()
    charts.to_edit.setDate(QDate(2026, 10, 10))
    qtbot.keyClick(charts.to_edit, Qt.Key.Key_Return)
    charts.to_edit.clearFocus()  # editingFinished
    qtbot.waitUntil(lambda: shown_days(charts) == (date(2026, 10, 1), date(2026, 10, 10)))
    assert charts.range_buttons[ChartRange.CUSTOM].isChecked()
    assert charts.logged_label.text() == "Logged on 10 of 10 days, 1 Oct 2026 – 10 Oct 2026."


def test_pointing_at_a_day_shows_it_and_clicking_chooses_it(
    qtbot: QtBot, charts: ChartsView
) -> None:
    canvas = charts.canvas
    assert canvas is not None
    hover(canvas, point_of(charts, date(2026, 10, 3)))
    qtbot.waitUntil(lambda: "3 Oct 2026" in charts.day_heading.text())
    assert "Mood 5 (neither good nor bad)" in charts.day_label.text()
    assert "Sleep: slept 5 h, quality poor" in charts.day_label.text()

    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=point_of(charts, TWO_CHECK_INS_DAY))
    assert charts.selected_day == TWO_CHECK_INS_DAY
    text = charts.day_label.text()
    assert "Mood 4 (somewhat low), 2 check-ins ranging 2–6" in text
    assert "a note" in text  # the day's notes too
    assert charts.open_button.isEnabled()
    marks = [
        line
        for ax in charts.chart.figure.axes
        for line in ax.get_lines()  # type: ignore[union-attr]
        if line.get_visible() and np.allclose(line.get_xdata(), day_number(TWO_CHECK_INS_DAY) + 0.5)
    ]
    assert marks  # the chosen day is marked on the chart


def test_enter_opens_the_chosen_day_on_today(
    qtbot: QtBot, charts: ChartsView, window: MainWindow
) -> None:
    canvas = charts.canvas
    assert canvas is not None
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=point_of(charts, TWO_CHECK_INS_DAY))
    qtbot.keyClick(canvas, Qt.Key.Key_Left)  # the arrows step the chosen day
    qtbot.keyClick(canvas, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert charts.selected_day == TWO_CHECK_INS_DAY + timedelta(days=6)
    qtbot.keyClick(canvas, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(canvas, Qt.Key.Key_Right)
    qtbot.keyClick(canvas, Qt.Key.Key_Return)
    assert window.tabs.currentWidget() is window.today_view
    assert window.today_view.day == TWO_CHECK_INS_DAY


def test_double_click_opens_a_day(qtbot: QtBot, charts: ChartsView, window: MainWindow) -> None:
    canvas = charts.canvas
    assert canvas is not None
    qtbot.mouseDClick(canvas, Qt.MouseButton.LeftButton, pos=point_of(charts, date(2026, 10, 5)))
    assert window.tabs.currentWidget() is window.today_view
    assert window.today_view.day == date(2026, 10, 5)


def test_keys_zoom_and_move_the_span(qtbot: QtBot, charts: ChartsView) -> None:
    qtbot.mouseClick(charts.range_buttons[ChartRange.FOUR_WEEKS], Qt.MouseButton.LeftButton)
    canvas = charts.canvas
    assert canvas is not None
    canvas.setFocus()
    qtbot.keyClick(canvas, Qt.Key.Key_Plus)
    start, end = shown_days(charts)
    assert (end - start).days + 1 == round(28 / 1.5)
    assert charts.range_buttons[ChartRange.CUSTOM].isChecked()
    qtbot.keyClick(canvas, Qt.Key.Key_Minus)
    start, end = shown_days(charts)
    assert (end - start).days + 1 == 28
    qtbot.keyClick(canvas, Qt.Key.Key_PageUp)  # back by half the span
    assert shown_days(charts) == (start - timedelta(days=14), end - timedelta(days=14))
    # The words follow once the moving pauses.
    qtbot.waitUntil(lambda: charts.logged_label.text().endswith("7 Nov 2026."))


def test_zooming_and_moving_stop_at_today(qtbot: QtBot, charts: ChartsView) -> None:
    canvas = charts.canvas
    assert canvas is not None
    canvas.setFocus()
    qtbot.keyClick(canvas, Qt.Key.Key_PageDown)
    assert shown_days(charts)[1] == TODAY  # nothing to see in the future
    for _ in range(3):
        qtbot.keyClick(canvas, Qt.Key.Key_Minus)
    assert shown_days(charts)[1] == TODAY


def test_dragging_pans_the_chart(qtbot: QtBot, charts: ChartsView) -> None:
    qtbot.mouseClick(charts.range_buttons[ChartRange.FOUR_WEEKS], Qt.MouseButton.LeftButton)
    canvas = charts.canvas
    assert canvas is not None
    start = point_of(charts, date(2026, 10, 27))
    end = point_of(charts, date(2026, 11, 17))
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(canvas, end)
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=end)
    first, last = shown_days(charts)
    assert last < TODAY - timedelta(days=15)  # moved back about three weeks
    assert (last - first).days == 27
    assert charts.selected_day is None  # a drag is not a click


def test_a_day_saved_on_today_is_on_the_chart_when_charts_are_shown_again(
    qtbot: QtBot, charts: ChartsView, window: MainWindow
) -> None:
    window.open_day(TODAY)
    window.today_view.check_in_panel.focus_first()
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_8)
    window.today_view.save()
    window.show_charts()
    assert charts.chart is not None
    (mood,) = [ln for ln in charts.chart.axes["mood"].get_lines() if ln.get_gid() == "mood"]
    assert mood.get_ydata()[-1] == 8
    assert charts.logged_label.text().startswith("Logged on 12 of 92 days")


def test_more_to_show_adds_a_scale_and_a_tracker_and_remembers_them(
    qtbot: QtBot, charts: ChartsView, window: MainWindow, store: DiaryStore
) -> None:
    actions = {action.text(): action for action in charts.more_menu.actions()}
    actions["Anxiety"].trigger()
    exercise = next(t for t in store.trackers() if t.name == "Exercise")
    actions["Exercise"].trigger()
    assert charts.chart is not None
    assert [ln.get_gid() for ln in charts.chart.axes["mood"].get_lines()].count(
        "scale-anxiety"
    ) == 1
    assert f"tracker-{exercise.id}" in charts.chart.axes
    assert "Exercise" in charts.summary_label.text()
    assert window._settings.value("charts/scales") in (["anxiety"], "anxiety")

    actions = {action.text(): action for action in charts.more_menu.actions()}
    assert actions["Anxiety"].isChecked()
    actions["Anxiety"].trigger()  # and off again
    assert "scale-anxiety" not in [ln.get_gid() for ln in charts.chart.axes["mood"].get_lines()]
