"""A tracker the person chose to chart (exercise minutes, drinks, social contact …), one
bar per day it was logged."""

import numpy as np
from matplotlib.axes import Axes

from moodlog.charts.day_axis import daily_numbers
from moodlog.charts.panel_context import PanelContext
from moodlog.domain.trackers import Tracker, TrackerKind
from moodlog.domain.translation import translate


def draw_tracker(ax: Axes, ctx: PanelContext, tracker: Tracker) -> None:
    values = daily_numbers(ctx.data.tracker_values.get(tracker.id, {}), ctx.start, ctx.end)
    logged = np.isfinite(values)
    ax.vlines(
        ctx.x[logged],
        0,
        values[logged],
        colors=ctx.theme.series[0],
        linewidth=2,
        gid=f"tracker-{tracker.id}",
    )
    #: The unit of a yes/no tracker's axis: a "yes" is drawn as 1.
    unit = (
        translate("TrackerPanel", "yes = 1") if tracker.kind is TrackerKind.YES_NO else tracker.unit
    )
    ax.set_ylabel(f"{tracker.name}\n{unit}" if unit else tracker.name)
    if tracker.kind is TrackerKind.SCALE:
        ax.set_ylim(0, 10.5)
    elif tracker.kind is TrackerKind.YES_NO:
        ax.set_ylim(0, 1.2)
        #: The two marks of a yes/no tracker's axis (the answer "no", then "yes").
        answers = [translate("TrackerPanel", "no"), translate("TrackerPanel", "yes")]
        ax.set_yticks([0, 1], answers)
    else:
        ax.set_ylim(0, max(1.0, float(np.nanmax(values)) * 1.1) if logged.any() else 1.0)
    if not logged.any():
        ctx.say_empty(
            ax,
            translate("TrackerPanel", "No {tracker} logged in this span").format(
                tracker=tracker.name.lower()
            ),
        )
