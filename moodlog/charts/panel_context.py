"""What every panel builder receives: the data, the span it covers, the day positions and
the theme."""

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

import numpy as np
from matplotlib.axes import Axes
from matplotlib.collections import PolyCollection
from matplotlib.colors import ListedColormap, Normalize

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
            rows_of, starts, ends, values = cell_runs(grid)
            left, right = starts + first, ends + first
            top, bottom = rows_of - 0.5, rows_of + 0.5
            corners = np.stack(
                [
                    np.column_stack([left, top]),
                    np.column_stack([right, top]),
                    np.column_stack([right, bottom]),
                    np.column_stack([left, bottom]),
                ],
                axis=1,
            )
            runs = PolyCollection(
                list(corners),
                array=values,
                cmap=cmap,
                norm=Normalize(low, high),
                edgecolors="none",
                linewidths=0,
                antialiaseds=False,
                gid=gid,
            )
            ax.add_collection(runs, autolim=False)  # the chart sets the time axis
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


def cell_runs(grid: FloatArray) -> tuple[FloatArray, FloatArray, FloatArray, FloatArray]:
    """Runs of equal neighbouring cells along each row of ``grid`` (NaN cells left out):
    (row, first column, column after the last, value) per run. A year of side effects is a
    few hundred runs instead of thousands of cells, which keeps the printed chart small."""
    filled = np.where(np.isnan(grid), -1.0, grid)
    columns = grid.shape[1]
    begins = np.ones(grid.shape, dtype=bool)
    begins[:, 1:] = filled[:, 1:] != filled[:, :-1]
    rows, starts = np.nonzero(begins)
    next_rows = np.append(rows[1:], -1)
    next_starts = np.append(starts[1:], columns)
    ends = np.where(next_rows == rows, next_starts, columns)
    values = filled[rows, starts]
    keep = values >= 0
    return (
        rows[keep].astype(np.float64),
        starts[keep].astype(np.float64),
        ends[keep].astype(np.float64),
        values[keep],
    )
