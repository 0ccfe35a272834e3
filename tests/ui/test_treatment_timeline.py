"""The treatment timeline: lanes in order, where things are drawn, what hovering says, the
keyboard, the words for screen readers, and that the bars really are painted."""

import itertools
import time
from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QHelpEvent, QImage, QPalette, QWheelEvent
from PySide6.QtWidgets import QApplication, QToolTip
from pytestqt.qtbot import QtBot

from moodlog.domain.medications import DoseStep, Medication, MedicationRole, StopReason
from moodlog.domain.treatments import CourseKind, TreatmentCourse, TreatmentSession
from moodlog.ui.treatment_timeline import TreatmentTimeline

TODAY = date(2026, 11, 21)


def weekdays(first: date, count: int) -> list[date]:
    days: list[date] = []
    day = first
    while len(days) < count:
        if day.weekday() < 5:
            days.append(day)
        day += timedelta(days=1)
    return days


LITHIUM = Medication(
    "Lithium",
    date(2025, 6, 2),
    (DoseStep(date(2025, 6, 2), 400), DoseStep(date(2025, 7, 1), 800)),
    "Mood stabiliser",
    role=MedicationRole.AUGMENTATION,
    id=5,
)
ZOPICLONE = Medication(
    "Zopiclone", date(2024, 9, 2), (DoseStep(date(2024, 9, 2), 7.5),), "Hypnotic",
    role=MedicationRole.OTHER, stopped=date(2024, 12, 2), id=6,
)  # fmt: skip
SERTRALINE = Medication(
    "Sertraline",
    date(2026, 2, 24),
    (
        DoseStep(date(2026, 2, 24), 50),
        DoseStep(date(2026, 3, 24), 100),
        DoseStep(date(2026, 5, 5), 150),
    ),
    "SSRI",
    adequate_min_dose=50,
    id=4,
)
VENLAFAXINE = Medication(
    "Venlafaxine XR",
    date(2021, 8, 2),
    (DoseStep(date(2021, 8, 2), 75), DoseStep(date(2021, 10, 4), 225)),
    "SNRI",
    stopped=date(2022, 3, 21),
    stop_reason=StopReason.SIDE_EFFECTS,
    adequate_min_dose=150,
    id=2,
)
MIRTAZAPINE = Medication(  # the too-short trial
    "Mirtazapine", date(2022, 4, 11), (DoseStep(date(2022, 4, 11), 15),), "NaSSA",
    stopped=date(2022, 5, 2), adequate_min_dose=30, id=3,
)  # fmt: skip
CITALOPRAM = Medication(  # a past trial entered by month
    "Citalopram", date(2020, 3, 1), (DoseStep(date(2020, 3, 1), 40),), "SSRI",
    stopped=date(2020, 8, 1), adequate_min_dose=20, dates_approximate=True, id=1,
)  # fmt: skip
TMS = TreatmentCourse(CourseKind.TMS, date(2026, 1, 20), "iTBS (theta burst)", None, 36, id=1)
ESKETAMINE = TreatmentCourse(
    CourseKind.ESKETAMINE, date(2025, 9, 1), "", date(2025, 9, 26), 8, id=2
)
TMS_SESSIONS = [
    TreatmentSession(1, datetime(d.year, d.month, d.day, 9), number=n, intensity_percent=120)
    for n, d in enumerate(weekdays(TMS.started, 30), start=1)
]
ESKETAMINE_SESSIONS = [
    TreatmentSession(2, datetime(2025, 9, 1, 14) + timedelta(days=3.5 * i), number=i + 1)
    for i in range(8)
]


@pytest.fixture
def timeline(qtbot: QtBot) -> TreatmentTimeline:
    widget = TreatmentTimeline()
    qtbot.addWidget(widget)
    # Handed over out of order: the widget sorts them.
    widget.set_history(
        [LITHIUM, ZOPICLONE, SERTRALINE, VENLAFAXINE, MIRTAZAPINE, CITALOPRAM],
        [TMS, ESKETAMINE],
        [*reversed(TMS_SESSIONS), *ESKETAMINE_SESSIONS],
        TODAY,
    )
    widget.resize(1100, widget.sizeHint().height())
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def lane_of(timeline: TreatmentTimeline, item: object) -> int:
    return timeline.lane_items().index(item)  # type: ignore[arg-type]


def point_on(timeline: TreatmentTimeline, item: object, day: date) -> QPoint:
    """A point on ``item``'s lane at ``day``, low in the lane where every bar reaches."""
    rect = timeline.lane_rect(lane_of(timeline, item))
    return QPoint(round(timeline.x_for(day)), rect.bottom() - rect.height() // 3)


def tooltip_at(timeline: TreatmentTimeline, point: QPoint) -> str:
    """Hover for real: the widget gets the ToolTip event Qt sends after a pause."""
    QToolTip.hideText()
    event = QHelpEvent(QEvent.Type.ToolTip, point, timeline.mapToGlobal(point))
    QApplication.sendEvent(timeline, event)
    return QToolTip.text() if QToolTip.isVisible() else ""


def test_lanes_grouped_antidepressants_augmentation_other_then_procedures(
    timeline: TreatmentTimeline,
) -> None:
    assert timeline.lane_items() == [
        CITALOPRAM,
        VENLAFAXINE,
        MIRTAZAPINE,
        SERTRALINE,
        LITHIUM,
        ZOPICLONE,
        ESKETAMINE,
        TMS,
    ]
    tops = [timeline.lane_rect(i).top() for i in range(8)]
    assert tops == sorted(tops)
    assert len(set(tops)) == 8
    with pytest.raises(IndexError):
        timeline.lane_rect(8)


def test_lane_height_follows_the_font_and_the_size_hint_grows_with_lanes(
    qtbot: QtBot, timeline: TreatmentTimeline
) -> None:
    font_height = timeline.fontMetrics().height()
    assert timeline.lane_rect(0).height() == pytest.approx(1.6 * font_height, abs=1)
    small = TreatmentTimeline()
    qtbot.addWidget(small)
    small.set_history([SERTRALINE, LITHIUM], [], [], TODAY)
    assert timeline.sizeHint().height() > small.sizeHint().height() + 6 * font_height


def test_x_for_is_monotonic_and_inside_the_plot(timeline: TreatmentTimeline) -> None:
    plot = timeline.plot_rect()
    days = [
        CITALOPRAM.started + timedelta(days=n)
        for n in range(0, (TODAY - date(2020, 3, 1)).days, 17)
    ]
    xs = [timeline.x_for(day) for day in [*days, TODAY]]
    assert all(b > a for a, b in itertools.pairwise(xs))
    assert plot.left() <= xs[0]
    assert xs[-1] <= plot.right()
    assert timeline.x_for(CITALOPRAM.started) < timeline.x_for(TMS.started)


def test_set_range_zooms_and_reset_shows_everything(timeline: TreatmentTimeline) -> None:
    whole = timeline.x_for(TMS.started) - timeline.x_for(ESKETAMINE.started)
    timeline.set_range(date(2025, 8, 1), date(2026, 3, 1))
    plot = timeline.plot_rect()
    assert timeline.x_for(date(2025, 8, 1)) == pytest.approx(plot.left(), abs=1)
    assert timeline.x_for(date(2026, 3, 1)) == pytest.approx(plot.right(), abs=1)
    assert timeline.x_for(TMS.started) - timeline.x_for(ESKETAMINE.started) > 5 * whole
    timeline.reset_range()
    assert timeline.x_for(TMS.started) - timeline.x_for(ESKETAMINE.started) == pytest.approx(whole)


def test_ctrl_wheel_zooms_in_around_the_pointer(timeline: TreatmentTimeline) -> None:
    anchor_day = date(2025, 9, 15)
    x = timeline.x_for(anchor_day)
    span_before = timeline.visible_range()[1] - timeline.visible_range()[0]
    position = QPointF(x, timeline.lane_rect(0).center().y())
    wheel = QWheelEvent(
        position, timeline.mapToGlobal(position), QPoint(), QPoint(0, 360),
        Qt.MouseButton.NoButton, Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase, False,
    )  # fmt: skip
    QApplication.sendEvent(timeline, wheel)
    span_after = timeline.visible_range()[1] - timeline.visible_range()[0]
    assert span_after < span_before / 1.5
    assert timeline.x_for(anchor_day) == pytest.approx(x, abs=timeline.width() / 100)


def test_segment_at_finds_the_dose_step_under_the_point(timeline: TreatmentTimeline) -> None:
    assert timeline.segment_at(point_on(timeline, SERTRALINE, date(2026, 4, 15))) == (
        SERTRALINE,
        SERTRALINE.doses[1],
    )
    assert timeline.segment_at(point_on(timeline, SERTRALINE, date(2026, 8, 1))) == (
        SERTRALINE,
        SERTRALINE.doses[2],
    )
    # Before it started, nothing is there.
    assert timeline.segment_at(point_on(timeline, SERTRALINE, date(2025, 6, 1))) is None
    # Over the label: the lane's medication, no step.
    label = QPoint(20, timeline.lane_rect(lane_of(timeline, SERTRALINE)).center().y())
    assert timeline.segment_at(label) == (SERTRALINE, None)


def test_tooltip_for_a_dose_step(timeline: TreatmentTimeline) -> None:
    text = tooltip_at(timeline, point_on(timeline, SERTRALINE, date(2026, 4, 15)))
    assert text == "Sertraline 100 mg, 24 Mar 2026 – 5 May 2026"


def test_tooltip_says_in_words_when_a_dose_is_below_the_adequate_minimum(
    timeline: TreatmentTimeline,
) -> None:
    text = tooltip_at(timeline, point_on(timeline, VENLAFAXINE, date(2021, 9, 1)))
    assert text.splitlines() == [
        "Venlafaxine XR 75 mg, 2 Aug 2021 – 4 Oct 2021",
        "Below the adequate minimum (editable default): 150 mg",
    ]
    later = tooltip_at(timeline, point_on(timeline, VENLAFAXINE, date(2022, 1, 10)))
    assert "adequate minimum" not in later
    assert later.endswith("Stopped: side effects")


def test_tooltip_for_an_approximate_past_trial(timeline: TreatmentTimeline) -> None:
    text = tooltip_at(timeline, point_on(timeline, CITALOPRAM, date(2020, 5, 15)))
    assert text.splitlines()[0] == "≈ Citalopram 40 mg, Mar 2020 – Aug 2020"


def test_tooltip_for_a_session_tick(timeline: TreatmentTimeline) -> None:
    timeline.set_range(date(2026, 1, 15), date(2026, 2, 20))  # ticks a day apart
    session = TMS_SESSIONS[11]
    rect = timeline.lane_rect(lane_of(timeline, TMS))
    point = QPoint(round(timeline.x_for_time(session.at)), rect.center().y())
    assert timeline.segment_at(point) == (TMS, session)
    assert tooltip_at(timeline, point).splitlines() == [
        "TMS session 12 of 36, 4 Feb 2026 09:00",
        "Intensity: 120% of motor threshold",
    ]


def test_up_down_and_enter_activate_the_highlighted_lane(
    qtbot: QtBot, timeline: TreatmentTimeline
) -> None:
    timeline.setFocus()
    assert timeline.focusPolicy() == Qt.FocusPolicy.StrongFocus
    assert timeline.current_item() == CITALOPRAM
    qtbot.keyClick(timeline, Qt.Key.Key_Down)
    qtbot.keyClick(timeline, Qt.Key.Key_Down)
    qtbot.keyClick(timeline, Qt.Key.Key_Down)
    qtbot.keyClick(timeline, Qt.Key.Key_Up)
    assert timeline.current_item() == MIRTAZAPINE
    with qtbot.waitSignal(timeline.lane_activated, timeout=1000) as blocker:
        qtbot.keyClick(timeline, Qt.Key.Key_Return)
    assert blocker.args == [MIRTAZAPINE]
    qtbot.keyClick(timeline, Qt.Key.Key_End)
    with qtbot.waitSignal(timeline.lane_activated, timeout=1000) as blocker:
        qtbot.keyClick(timeline, Qt.Key.Key_Enter)
    assert blocker.args == [TMS]
    assert "Selected: TMS · iTBS — 30/36 sessions" in timeline.accessibleDescription()


def test_double_click_activates_the_lane_under_the_mouse(
    qtbot: QtBot, timeline: TreatmentTimeline
) -> None:
    point = point_on(timeline, LITHIUM, date(2025, 8, 1))
    with qtbot.waitSignal(timeline.lane_activated, timeout=1000) as blocker:
        qtbot.mouseDClick(timeline, Qt.MouseButton.LeftButton, pos=point)
    assert blocker.args == [LITHIUM]
    assert timeline.current_item() == LITHIUM


def test_words_for_screen_readers(timeline: TreatmentTimeline) -> None:
    assert timeline.accessibleName() == "Treatment timeline"
    assert timeline.accessibleDescription().startswith(
        "6 medications and 2 procedure courses from Mar 2020 to Nov 2026."
    )
    lines = timeline.text_summary().splitlines()
    assert len(lines) == 8
    assert lines[0].startswith("≈ Citalopram (SSRI), antidepressant: 40 mg, Mar 2020 – Aug 2020")
    assert lines[1] == (
        "Venlafaxine XR (SNRI), antidepressant: 75 mg → 225 mg, 2 Aug 2021 – 21 Mar 2022, "
        "75 mg is below the adequate minimum (editable default), stopped: side effects"
    )
    assert lines[3] == (
        "Sertraline (SSRI), antidepressant: 50 mg → 100 mg → 150 mg, "
        "since 24 Feb 2026 (still taking)"
    )
    assert lines[6] == "Esketamine — 8/8 sessions, 1 Sep 2025 – 26 Sep 2025"
    assert lines[7] == "TMS · iTBS — 30/36 sessions, since 20 Jan 2026"


def test_an_empty_history_says_so(qtbot: QtBot) -> None:
    widget = TreatmentTimeline()
    qtbot.addWidget(widget)
    widget.set_history([], [], [], TODAY)
    assert widget.current_item() is None
    assert widget.text_summary() == ""
    assert widget.accessibleDescription() == "No medications or procedures recorded yet."
    widget.grab()  # paints without error or warning


def pixel(image: QImage, point: QPoint) -> QColor:
    return image.pixelColor(point)


def test_bars_are_painted_where_the_doses_are(timeline: TreatmentTimeline) -> None:
    base = timeline.palette().color(QPalette.ColorRole.Base)
    image = timeline.grab().toImage()
    assert pixel(image, point_on(timeline, SERTRALINE, date(2026, 8, 1))) != base
    assert pixel(image, point_on(timeline, LITHIUM, date(2025, 9, 1))) != base
    # The same lanes are empty before those medicines started.
    assert pixel(image, point_on(timeline, SERTRALINE, date(2025, 6, 15))) == base
    assert pixel(image, point_on(timeline, LITHIUM, date(2024, 6, 15))) == base


def colours_in(image: QImage, centre: QPoint, half: int = 2) -> set[int]:
    return {
        image.pixel(centre.x() + dx, centre.y() + dy)
        for dx in range(-half, half + 1)
        for dy in range(-half, half + 1)
    }


def test_a_dose_below_the_minimum_is_hatched_not_only_coloured(
    timeline: TreatmentTimeline,
) -> None:
    timeline.set_range(date(2021, 7, 1), date(2022, 6, 1))
    image = timeline.grab().toImage()
    rect = timeline.lane_rect(lane_of(timeline, VENLAFAXINE))
    # Low in each bar (every bar reaches there) and away from the dose text in the middle.
    y = rect.bottom() - rect.height() // 3
    below = QPoint(round(timeline.x_for(date(2021, 8, 9))), y)
    adequate = QPoint(round(timeline.x_for(date(2021, 10, 11))), y)
    assert len(colours_in(image, below)) >= 2  # fill and hatching
    assert len(colours_in(image, adequate)) == 1  # plain fill


def test_paints_in_a_dark_palette(qtbot: QtBot, timeline: TreatmentTimeline) -> None:
    dark = QPalette()
    dark.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    dark.setColor(QPalette.ColorRole.Window, QColor("#2b2b2b"))
    dark.setColor(QPalette.ColorRole.Text, QColor("#e8e8e8"))
    dark.setColor(QPalette.ColorRole.WindowText, QColor("#e8e8e8"))
    timeline.setPalette(dark)
    image = timeline.grab().toImage()
    assert pixel(image, point_on(timeline, SERTRALINE, date(2025, 6, 15))) == QColor("#1e1e1e")
    bar = pixel(image, point_on(timeline, SERTRALINE, date(2026, 8, 1)))
    assert bar != QColor("#1e1e1e")
    # Lane labels are in the palette's text colour.
    label_row = timeline.lane_rect(lane_of(timeline, LITHIUM))
    label = image.copy(label_row.left(), label_row.top(), 120, label_row.height())
    texts = {
        label.pixelColor(x, y).name() for x in range(label.width()) for y in range(label.height())
    }
    assert "#e8e8e8" in texts


def test_a_ten_year_history_paints_in_a_few_milliseconds(qtbot: QtBot) -> None:
    widget = TreatmentTimeline()
    qtbot.addWidget(widget)
    medications = [
        Medication(
            f"Medicine {i}",
            date(2016, 12, 1) + timedelta(days=240 * i),
            tuple(
                DoseStep(date(2016, 12, 1) + timedelta(days=240 * i + 30 * k), 25.0 * (k + 1))
                for k in range(4)
            ),
            stopped=date(2016, 12, 1) + timedelta(days=240 * i + 200) if i < 13 else None,
            adequate_min_dose=50,
            id=i + 1,
        )
        for i in range(15)
    ]
    courses = [
        TreatmentCourse(CourseKind.TMS, date(2019, 1, 7), "10 Hz rTMS", date(2019, 3, 1), 30, id=1),
        TreatmentCourse(CourseKind.ECT, date(2023, 2, 6), "", date(2023, 4, 1), 12, id=2),
        TreatmentCourse(CourseKind.ESKETAMINE, date(2021, 5, 3), "", None, None, id=3),
    ]
    sessions = [
        TreatmentSession(i % 3 + 1, datetime(2019, 1, 7, 9) + timedelta(days=700 * (i % 3) + i))
        for i in range(200)
    ]
    widget.set_history(medications, courses, sessions, TODAY)
    widget.resize(1100, widget.sizeHint().height())
    image = QImage(widget.size(), QImage.Format.Format_ARGB32_Premultiplied)
    widget.render(image)
    started = time.perf_counter()
    for _ in range(10):
        widget.render(image)
    per_paint_ms = (time.perf_counter() - started) / 10 * 1000
    assert per_paint_ms < 25  # about 2.5 ms on the development machine
