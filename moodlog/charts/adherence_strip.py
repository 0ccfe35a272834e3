"""Adherence as a strip per scheduled medication: taken, partly, missed or not recorded on
each day it was being taken. Missed days also carry a cross, so colour is not the only clue."""

import numpy as np
from matplotlib.axes import Axes
from matplotlib.patches import Patch

from moodlog.charts.day_axis import FloatArray
from moodlog.charts.panel_context import PanelContext
from moodlog.domain.adherence import Adherence
from moodlog.domain.medications import Medication, Schedule
from moodlog.domain.translation import translate
from moodlog.domain.trend_data import each_day

NOT_RECORDED = 0.0
CODES = {Adherence.MISSED: 1.0, Adherence.PARTLY: 2.0, Adherence.TAKEN: 3.0}


def adherence_medications(ctx: PanelContext) -> list[Medication]:
    """Scheduled medications taken at some point in the span, in the order they began."""
    return sorted(
        (
            m
            for m in ctx.data.medications
            if m.schedule is Schedule.SCHEDULED
            and m.started <= ctx.end
            and (m.stopped is None or m.stopped > ctx.start)
        ),
        key=lambda m: (m.started, m.name),
    )


def adherence_row(ctx: PanelContext, medication: Medication) -> FloatArray:
    """One code per day: NaN when not being taken, else NOT_RECORDED or CODES[status]."""
    row = np.full((ctx.end - ctx.start).days + 1, np.nan)
    records = ctx.data.adherence.get(medication.id or -1, {})
    begin = max(medication.started, ctx.start)
    for day in each_day(begin, ctx.end):
        if not medication.is_active_on(day):
            break
        status = records.get(day)
        row[(day - ctx.start).days] = NOT_RECORDED if status is None else CODES[status]
    return row


def draw_adherence(ax: Axes, ctx: PanelContext, medications: list[Medication]) -> None:
    theme = ctx.theme
    ax.grid(False)
    ax.set_ylim(len(medications) - 0.5, -0.5)
    ax.set_yticks(range(len(medications)), [m.name for m in medications], fontsize="small")
    if not medications:
        ctx.say_empty(ax, translate("AdherenceStrip", "No scheduled medication in this span"))
        return
    grid = np.vstack([adherence_row(ctx, m) for m in medications])
    colours = [
        theme.not_recorded,
        theme.adherence_missed,
        theme.adherence_partly,
        theme.adherence_taken,
    ]
    ctx.day_grid(ax, grid, colours, "adherence")
    rows, columns = np.nonzero(grid == CODES[Adherence.MISSED])
    if len(rows):
        ax.plot(
            ctx.x[columns],
            rows,
            linestyle="none",
            marker="x",
            markersize=3.5,
            color=theme.background,  # cut out of the cell: it shows on the darkest colour
            gid="adherence-missed",
        )
    labels = (
        translate("AdherenceStrip", "Not recorded"),
        #: The sign in brackets is the cross drawn on missed days.
        translate("AdherenceStrip", "Missed (×)"),
        translate("AdherenceStrip", "Partly taken"),
        translate("AdherenceStrip", "Taken"),
    )
    ax.legend(
        handles=[
            Patch(facecolor=c, edgecolor=theme.muted_text, label=t)
            for c, t in zip(colours, labels, strict=True)
        ],
        loc="lower left",
        bbox_to_anchor=(0, 1.0),
        ncols=4,
        fontsize="small",
        frameon=False,
    )
