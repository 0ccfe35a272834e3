"""A questionnaire's totals over time with its severity bands shaded behind them, each band
named at the right-hand edge (so the shading is never the only clue). Scores more than
five weeks apart are not joined by a line."""

from datetime import date

import numpy as np
from matplotlib.axes import Axes
from matplotlib.transforms import blended_transform_factory

from moodlog.charts.day_axis import day_number
from moodlog.charts.panel_context import PanelContext
from moodlog.domain.instruments import Instrument
from moodlog.domain.translation import translate

# Questionnaires are taken every one to four weeks; a longer gap is a gap in the record.
JOIN_MAX_DAYS = 35


def complete_scores(ctx: PanelContext, instrument: Instrument) -> list[tuple[date, int]]:
    """Every complete total of ``instrument`` (an unanswered item means no total; prorated
    estimates are never plotted), oldest first."""
    return sorted(
        (result.taken_on, result.total)
        for result in ctx.data.scores
        if result.instrument is instrument and result.total is not None
    )


def draw_scores(ax: Axes, ctx: PanelContext, instrument: Instrument) -> None:
    info = instrument.info
    theme = ctx.theme
    # Each band covers its whole points, so a total sits inside its band, never on an edge.
    ax.set_ylim(-0.5, info.max_total + 0.5)
    #: The axis label of a questionnaire's panel: "PHQ-9" above "total".
    ax.set_ylabel(translate("ScorePanel", "{name}\ntotal").format(name=info.name))
    edge = blended_transform_factory(ax.transAxes, ax.transData)
    for index, band in enumerate(info.bands):
        fill = theme.band_fills[min(index, len(theme.band_fills) - 1)]
        ax.axhspan(band.low - 0.5, band.high + 0.5, facecolor=fill, edgecolor="none", zorder=0)
        ax.text(
            0.995,
            (band.low + band.high) / 2,
            f"{band.label} {band.range_text}",
            transform=edge,
            ha="right",
            va="center",
            fontsize="x-small",
            color=theme.muted_text,
            # Above the grid and the course shading, so neither runs through the words; the
            # scores (zorder 3) still pass over it. In print, on its band's own colour too
            # (on screen a box per label would cost every redraw of a range switch).
            zorder=2.5,
            bbox={"facecolor": fill, "edgecolor": "none", "pad": 0.6} if ctx.vector else None,
            clip_on=True,
        )
    ax.set_yticks([band.low for band in info.bands] + [info.max_total])
    scores = complete_scores(ctx, instrument)
    xs: list[float] = []
    ys: list[float] = []
    previous: date | None = None
    for taken_on, total in scores:
        if previous is not None and (taken_on - previous).days > JOIN_MAX_DAYS:
            xs.append(np.nan)
            ys.append(np.nan)
        xs.append(day_number(taken_on) + 0.5)
        ys.append(total)
        previous = taken_on
    ax.plot(
        xs,
        ys,
        color=theme.scores,
        linewidth=1.4,
        marker="o",
        markersize=4,
        zorder=3,
        label=info.name,
        gid=f"scores-{instrument.value}",
    )
    if not scores:
        ctx.say_empty(
            ax, translate("ScorePanel", "No complete {name} in the diary").format(name=info.name)
        )
