"""The trend chart's figure, built without a window: what it plots is what the diary holds,
gaps stay gaps, and the span, selection and themes behave."""

import io
from datetime import date, timedelta

import matplotlib as mpl
import numpy as np
import pytest
from matplotlib.collections import LineCollection, PolyCollection
from matplotlib.image import AxesImage
from matplotlib.lines import Line2D

from moodlog.charts.chart_theme import DARK, LIGHT
from moodlog.charts.day_axis import day_number
from moodlog.charts.panel_context import cell_runs
from moodlog.charts.trend_chart import (
    ChartOptions,
    TrendChart,
    build_trend_chart,
    build_trend_figure,
)
from moodlog.domain.trend_data import TrendData
from moodlog.storage.diary_store import DiaryStore
from tests.known_diary import (
    DAILY_MOODS,
    END,
    NAUSEA,
    PHQ9,
    SESSIONS,
    SLEEP,
    START,
    TWO_CHECK_INS_DAY,
    write_known_diary,
)

DAYS = (END - START).days + 1


@pytest.fixture
def ids(store: DiaryStore) -> dict[str, int]:
    return write_known_diary(store)


@pytest.fixture
def data(store: DiaryStore, ids: dict[str, int]) -> TrendData:
    return store.trend_data(START, END)


@pytest.fixture
def chart(data: TrendData) -> TrendChart:
    return build_trend_chart(data, ChartOptions(other_scales=("anxiety",)))


def artist(chart: TrendChart, panel: str, gid: str) -> object:
    found = [a for a in chart.axes[panel].get_children() if a.get_gid() == gid]
    assert len(found) == 1, (panel, gid, len(found))
    return found[0]


def line(chart: TrendChart, panel: str, gid: str) -> Line2D:
    found = artist(chart, panel, gid)
    assert isinstance(found, Line2D)
    return found


def index(day: date) -> int:
    return (day - START).days


def test_panels_are_those_with_data_in_order(chart: TrendChart) -> None:
    # No GAD-7, no efficiency chosen, no tracker chosen: those panels are left out.
    assert list(chart.axes) == ["mood", "phq9", "sleep", "side-effects", "treatments", "adherence"]


def test_mood_is_each_days_mean_and_gaps_stay_gaps(chart: TrendChart) -> None:
    mood = line(chart, "mood", "mood")
    x, y = np.asarray(mood.get_xdata()), np.asarray(mood.get_ydata())
    assert len(x) == len(y) == DAYS
    assert x[0] == day_number(START) + 0.5  # each day's value sits in its middle
    expected = np.full(DAYS, np.nan)
    for day, value in DAILY_MOODS.items():
        expected[index(day)] = value
    expected[index(TWO_CHECK_INS_DAY)] = 4.0  # the mean of 2 and 6
    np.testing.assert_array_equal(y, expected)  # NaN where nothing was logged: never joined
    assert np.isnan(y[index(date(2026, 10, 11)) : index(TWO_CHECK_INS_DAY)]).all()


def test_a_day_with_several_check_ins_shows_its_range(chart: TrendChart) -> None:
    spread = artist(chart, "mood", "mood-range")
    assert isinstance(spread, LineCollection)
    (segment,) = spread.get_segments()
    middle = day_number(TWO_CHECK_INS_DAY) + 0.5
    np.testing.assert_array_equal(segment, [[middle, 2], [middle, 6]])


def test_rolling_average_needs_four_of_seven_days(chart: TrendChart) -> None:
    rolling = np.asarray(line(chart, "mood", "mood-rolling").get_ydata())
    assert np.isnan(rolling[index(date(2026, 10, 3))])  # 3 days logged so far
    assert rolling[index(date(2026, 10, 4))] == pytest.approx((3 + 4 + 5 + 5) / 4)
    assert rolling[index(date(2026, 10, 10))] == pytest.approx((5 + 6 + 4 + 5 + 6 + 7 + 6) / 7)
    assert rolling[index(date(2026, 10, 13))] == pytest.approx((5 + 6 + 7 + 6) / 4)  # Oct 7-10
    assert np.isnan(rolling[index(date(2026, 10, 14))])  # only Oct 8-10 left in the window
    assert np.isnan(rolling[index(TWO_CHECK_INS_DAY)])  # one day after a long gap is no average


def test_other_scales_are_drawn_when_chosen(data: TrendData, chart: TrendChart) -> None:
    anxiety = np.asarray(line(chart, "mood", "scale-anxiety").get_ydata())
    assert anxiety[index(date(2026, 10, 1))] == 7
    assert np.isnan(anxiety[index(TWO_CHECK_INS_DAY)])  # that day had no anxiety rating
    plain = build_trend_chart(data)
    assert not [a for a in plain.axes["mood"].get_lines() if a.get_gid() == "scale-anxiety"]


def test_sleep_hours_and_quality(chart: TrendChart) -> None:
    hours = np.asarray(line(chart, "sleep", "sleep-hours").get_ydata())
    assert {
        START + timedelta(days=int(i)): hours[i] for i in np.flatnonzero(np.isfinite(hours))
    } == SLEEP
    quality_axes = next(ax for ax in chart.figure.axes if ax.get_label() == "sleep-quality")
    (quality,) = quality_axes.get_lines()
    assert np.nansum(np.asarray(quality.get_ydata())) == 2 * len(SLEEP)  # "poor" both nights


def test_side_effects_heat_map_holds_each_rating(chart: TrendChart, ids: dict[str, int]) -> None:
    image = artist(chart, "side-effects", "side-effects")
    assert isinstance(image, AxesImage)
    grid = image.get_array()
    assert grid.shape == (1, DAYS)
    rated = {START + timedelta(days=int(i)): int(grid[0, i]) for i in np.flatnonzero(~grid.mask[0])}
    assert rated == {day: int(severity) for day, severity in NAUSEA.items()}
    labels = [t.get_text() for t in chart.axes["side-effects"].get_yticklabels()]
    assert labels == ["Nausea (test)"]


def test_phq9_points_with_a_break_after_five_weeks(chart: TrendChart) -> None:
    scores = line(chart, "phq9", "scores-phq9")
    y = list(np.asarray(scores.get_ydata(), dtype=float))
    assert y[:2] == [18, 12]
    assert np.isnan(y[2])  # 36 days between the 2nd and 3rd: not joined
    assert y[3] == 8
    x = [v for v in np.asarray(scores.get_xdata(), dtype=float) if np.isfinite(v)]
    assert x == [day_number(day) + 0.5 for day in PHQ9]
    band_names = [t.get_text() for t in chart.axes["phq9"].texts]
    assert "Moderate 10–14" in band_names
    assert "Severe 20–27" in band_names


def test_treatment_lane_dose_steps_and_sessions(chart: TrendChart, ids: dict[str, int]) -> None:
    lane = chart.axes["treatments"]
    names = [t.get_text() for t in lane.get_yticklabels()]
    assert names == ["Sertraline", "TMS · 10 Hz rTMS\n3 of 30 sessions"]
    bars = artist(chart, "treatments", f"medication-{ids['sertraline']}")
    widths = [path.get_extents().width for path in bars.get_paths()]  # type: ignore[attr-defined]
    assert widths == [14, (END - date(2026, 10, 15)).days + 1]  # 50 mg for 2 weeks, then 100
    assert [t.get_text() for t in lane.texts] == ["50 mg", "100 mg"]
    ticks = artist(chart, "treatments", f"sessions-{ids['tms']}")
    assert [seg[0][0] for seg in ticks.get_segments()] == [day_number(d) + 0.5 for d in SESSIONS]  # type: ignore[attr-defined]


def test_course_span_is_shaded_on_the_line_panels(chart: TrendChart) -> None:
    tms = (day_number(date(2026, 10, 5)), 16.0)  # 5 to 20 Oct, both included
    for panel in ("mood", "phq9", "sleep"):
        spans = artist(chart, panel, "course-spans")
        (path,) = spans.get_paths()  # type: ignore[attr-defined]
        left, right = path.vertices[:, 0].min(), path.vertices[:, 0].max()
        assert (left, right - left) == tms
    assert not [a for a in chart.axes["adherence"].get_children() if a.get_gid() == "course-spans"]


def test_medication_changes_are_marked_on_the_mood_panel(chart: TrendChart) -> None:
    marks = artist(chart, "mood", "medication-changes")
    starts = sorted(segment[0][0] for segment in marks.get_segments())  # type: ignore[attr-defined]
    assert starts == [day_number(date(2026, 10, 1)), day_number(date(2026, 10, 15))]


def test_adherence_strip_codes_each_day(chart: TrendChart) -> None:
    image = artist(chart, "adherence", "adherence")
    assert isinstance(image, AxesImage)
    row = image.get_array()[0]
    assert [int(v) for v in row[:4]] == [3, 1, 2, 0]  # taken, missed, partly, not recorded
    assert not row.mask[:DAYS].any()  # taken every day of the span: never blank
    (missed,) = [
        a for a in chart.axes["adherence"].get_lines() if a.get_gid() == "adherence-missed"
    ]
    assert list(missed.get_xdata()) == [day_number(date(2026, 10, 2)) + 0.5]  # a cross as well


def test_set_range_zooms_and_hides_labels_with_no_room(chart: TrendChart) -> None:
    chart.set_range(date(2026, 10, 14), date(2026, 11, 10))
    assert chart.bottom.get_xlim() == (
        day_number(date(2026, 10, 14)),
        day_number(date(2026, 11, 11)),
    )
    assert chart.visible_days() == (date(2026, 10, 14), date(2026, 11, 10))
    fifty, hundred = chart.axes["treatments"].texts
    assert not fifty.get_visible()  # one day of the 50 mg step in 4 weeks: no room
    assert hundred.get_visible()
    assert hundred.get_position()[0] > day_number(date(2026, 10, 15))  # moved into view


def test_select_day_marks_every_panel_but_the_lane(chart: TrendChart) -> None:
    chart.select_day(date(2026, 10, 3))
    marks = [
        a
        for ax in chart.figure.axes
        for a in ax.get_lines()
        if a.get_visible() and list(a.get_xdata()) == [day_number(date(2026, 10, 3)) + 0.5] * 2
    ]
    assert len(marks) == len(chart.axes) - 1
    chart.select_day(None)
    assert not any(
        a.get_visible()
        for ax in chart.figure.axes
        for a in ax.get_lines()
        if list(a.get_xdata()) == [day_number(date(2026, 10, 3)) + 0.5] * 2
    )


def test_an_empty_diary_still_draws_a_mood_panel_that_says_so() -> None:
    chart = build_trend_chart(TrendData(START, END))
    assert list(chart.axes) == ["mood"]
    assert "No mood ratings in this span" in [t.get_text() for t in chart.axes["mood"].texts]


def test_dark_theme_colours(data: TrendData) -> None:
    chart = build_trend_chart(data, theme=DARK)
    assert chart.figure.get_facecolor()[:3] == pytest.approx((0x1E / 255,) * 3)
    assert line(chart, "mood", "mood").get_color() == DARK.mood != LIGHT.mood


def test_report_figure_is_vector_with_real_text(data: TrendData) -> None:
    figure = build_trend_figure(data, START, END)
    svg = io.BytesIO()
    with mpl.rc_context({"svg.fonttype": "none"}):  # as the report saves it
        figure.savefig(svg, format="svg")
    text = svg.getvalue().decode()
    assert "<image" not in text  # even the heat maps are rectangles, not pictures
    assert "<text" in text  # svg.fonttype "none": words stay words, not outlines
    assert "Sertraline" in text
    assert "Moderate 10–14" in text


def test_for_print_the_heat_maps_are_runs_of_rectangles_holding_the_same_ratings(
    data: TrendData, chart: TrendChart
) -> None:
    printed = build_trend_chart(data, vector=True)
    rectangles = cells = 0
    for panel in ("side-effects", "adherence"):
        runs = artist(printed, panel, panel)
        assert isinstance(runs, PolyCollection)
        image = artist(chart, panel, panel)
        assert isinstance(image, AxesImage)
        expected = np.ma.filled(image.get_array(), -1)
        # Paint every run back into a grid of days: the same cells, the same values.
        painted = np.full(expected.shape, -1.0)
        first = image.get_extent()[0]
        for path, value in zip(runs.get_paths(), runs.get_array(), strict=True):
            (left, top), (right, bottom) = path.vertices.min(0), path.vertices.max(0)
            row = round((top + bottom) / 2)
            assert not (painted[row, int(left - first) : int(right - first)] >= 0).any()
            painted[row, int(left - first) : int(right - first)] = value
        np.testing.assert_array_equal(painted, expected)
        rectangles, cells = rectangles + len(runs.get_paths()), cells + (expected >= 0).sum()
    assert rectangles < cells  # equal neighbours share one rectangle


def test_cell_runs_join_equal_neighbours_and_skip_blank_days() -> None:
    nan = np.nan
    grid = np.array([[1, 1, nan, 2, 2, 2], [nan, nan, nan, nan, nan, 0], [3, 3, 3, 3, 3, 3]])
    rows, starts, ends, values = cell_runs(grid)
    assert list(zip(rows, starts, ends, values, strict=True)) == [
        (0, 0, 2, 1),
        (0, 3, 6, 2),
        (1, 5, 6, 0),
        (2, 0, 6, 3),
    ]


def test_an_as_needed_medicine_is_hatched_and_named_so(store: DiaryStore) -> None:
    from dataclasses import replace as changed

    from moodlog.domain.medications import DoseStep, Medication, Schedule
    from tests.known_diary import NOW

    store.treatments.add_medication(
        changed(
            Medication("Zopiclone", START, (DoseStep(START, 3.75),)), schedule=Schedule.AS_NEEDED
        ),
        NOW,
    )
    chart = build_trend_chart(store.trend_data(START, END))
    names = [t.get_text() for t in chart.axes["treatments"].get_yticklabels()]
    assert names == ["Zopiclone\nas needed"]
    (bars,) = [a for a in chart.axes["treatments"].collections if a.get_gid()]
    assert bars.get_hatch() == "////"
    assert "adherence" not in chart.axes  # taken on some days only: no strip


def test_the_key_names_course_shading_and_medication_changes(chart: TrendChart) -> None:
    legend = chart.axes["mood"].get_legend()
    assert legend is not None
    labels = [text.get_text() for text in legend.get_texts()]
    assert labels[-2:] == ["Treatment course", "Medication change"]
