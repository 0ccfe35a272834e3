"""The charts' text reads on what it is drawn on (WCAG 2 AA: 4.5:1) in both chart themes,
and the cross that marks a missed dose shows on its cell (3:1 for marks, WCAG 1.4.11)."""

import pytest
from matplotlib.colors import to_hex, to_rgb
from matplotlib.lines import Line2D

from moodlog.charts.chart_theme import DARK, LIGHT, ChartTheme
from moodlog.charts.trend_chart import ChartOptions, build_trend_chart
from moodlog.storage.diary_store import DiaryStore
from tests.known_diary import END, START, write_known_diary

TEXT = 4.5
MARK = 3.0


def luminance(colour: str) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in to_rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_contrast_is_wcags() -> None:
    assert contrast("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("theme", [LIGHT, DARK], ids=["light", "dark"])
def test_chart_text_reads_on_what_it_is_drawn_on(theme: ChartTheme) -> None:
    pairs = {
        "text on the background": (theme.text, theme.background),
        "quiet text on the background": (theme.muted_text, theme.background),
        "dose labels on a medication bar": (theme.text, theme.medication_bar),
    }
    # Each score band's name sits on the band's own shade (score_panel).
    for index, fill in enumerate(theme.band_fills):
        pairs[f"band name on band {index}"] = (theme.muted_text, fill)
    ratios = {name: round(contrast(*pair), 2) for name, pair in pairs.items()}
    assert {name: ratio for name, ratio in ratios.items() if ratio < TEXT} == {}


@pytest.mark.parametrize("theme", [LIGHT, DARK], ids=["light", "dark"])
def test_the_missed_dose_cross_shows_on_its_cell(store: DiaryStore, theme: ChartTheme) -> None:
    write_known_diary(store)
    chart = build_trend_chart(store.trend_data(START, END), ChartOptions(), theme)
    (cross,) = [
        line
        for line in chart.axes["adherence"].get_lines()
        if isinstance(line, Line2D) and line.get_gid() == "adherence-missed"
    ]
    colour = to_hex(cross.get_color())
    assert contrast(colour, theme.adherence_missed) >= MARK
