"""What every panel builder receives: the data, the span it covers, the day positions and
the theme."""

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from matplotlib.axes import Axes

from moodlog.charts.chart_theme import ChartTheme
from moodlog.charts.day_axis import FloatArray, day_centres
from moodlog.domain.trend_data import TrendData


@dataclass(frozen=True)
class PanelContext:
    data: TrendData
    theme: ChartTheme
    # Labels inside bars: (text artist, where the bar begins and ends on the time axis). The
    # chart moves them into view and hides the ones too narrow for the span shown.
    zoom_labels: list[tuple[object, float, float]] = field(default_factory=list)

    @property
    def start(self) -> date:
        return self.data.start

    @property
    def end(self) -> date:
        return self.data.end

    @cached_property
    def x(self) -> FloatArray:
        """The middle of every day from start to end."""
        return day_centres(self.data.start, self.data.end)

    def say_empty(self, ax: Axes, text: str) -> None:
        """A quiet line in the middle of a panel that has nothing to draw."""
        ax.text(
            0.5,
            0.5,
            text,
            transform=ax.transAxes,
            ha="center",
            va="center",
            color=self.theme.muted_text,
        )
