"""What every panel builder receives: the data, the span it covers, the day positions and
the theme."""

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

import numpy as np
from matplotlib.axes import Axes
from matplotlib.colors import ListedColormap

from moodlog.charts.chart_theme import ChartTheme
from moodlog.charts.day_axis import FloatArray, day_centres, day_number
from moodlog.domain.trend_data import TrendData


@dataclass(frozen=True)
class PanelContext:
    data: TrendData
    theme: ChartTheme
    # Heat maps as one rectangle per cell (sharp at any zoom in the PDF) instead of an image
    # (much quicker to draw ten years on screen).
    vector: bool = False
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

    def day_grid(self, ax: Axes, grid: FloatArray, colours: list[str], gid: str) -> None:
        """One row per item, one column per day from start to end; NaN cells stay blank.
        Values are the indices of ``colours``."""
        masked = np.ma.masked_invalid(grid)
        cmap = ListedColormap(colours)
        low, high = -0.5, len(colours) - 0.5
        first, rows = day_number(self.start), grid.shape[0]
        if self.vector:
            columns = np.arange(grid.shape[1] + 1, dtype=np.float64) + first
            ax.pcolormesh(
                columns,
                np.arange(rows + 1) - 0.5,
                masked,
                cmap=cmap,
                vmin=low,
                vmax=high,
                gid=gid,
            )
        else:
            ax.imshow(
                masked,
                cmap=cmap,
                aspect="auto",
                interpolation="nearest",
                extent=(first, first + grid.shape[1], rows - 0.5, -0.5),
                vmin=low,
                vmax=high,
                gid=gid,
            )
        ax.set_ylim(rows - 0.5, -0.5)
