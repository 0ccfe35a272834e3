"""Sleep: total sleep time per night, its quality on the right-hand axis, and (if chosen)
sleep efficiency in a panel of its own."""

from matplotlib.axes import Axes

from moodlog.charts.day_axis import daily_values
from moodlog.charts.panel_context import PanelContext
from moodlog.domain.sleep import SleepQuality
from moodlog.domain.translation import translate
from moodlog.domain.trend_data import NightSleep


def _hours(night: NightSleep) -> float | None:
    return night.hours


def _quality(night: NightSleep) -> float | None:
    return None if night.quality is None else float(night.quality)


def _efficiency(night: NightSleep) -> float | None:
    return night.efficiency_percent


def draw_sleep(ax: Axes, ctx: PanelContext) -> Axes:
    """Draw the sleep panel; returns the quality axis (a twin sharing the time axis)."""
    theme, sleep = ctx.theme, ctx.data.sleep
    hours = daily_values(sleep, ctx.start, ctx.end, _hours)
    ax.plot(
        ctx.x,
        hours,
        color=theme.sleep,
        linewidth=1,
        marker="o",
        markersize=2.5,
        label=translate("SleepPanel", "Total sleep (hours)"),
        gid="sleep-hours",
    )
    ax.set_ylim(0, 12)
    ax.set_yticks([0, 4, 8, 12])
    ax.set_ylabel(translate("SleepPanel", "Sleep\nhours"))
    quality_ax = ax.twinx()
    quality_ax.set_label("sleep-quality")
    quality_ax.plot(
        ctx.x,
        daily_values(sleep, ctx.start, ctx.end, _quality),
        linestyle="none",
        marker="s",
        markersize=3,
        markerfacecolor="none",
        color=theme.quality,
        label=translate("SleepPanel", "Quality (1 very poor · 5 very good)"),
        gid="sleep-quality",
    )
    quality_ax.set_ylim(0.5, 5.5)
    quality_ax.set_yticks([int(q) for q in SleepQuality])
    quality_ax.set_ylabel(translate("SleepPanel", "Quality"), color=theme.text)
    quality_ax.tick_params(colors=theme.text)
    lines = [*ax.get_lines(), *quality_ax.get_lines()]
    ax.legend(
        handles=lines,
        loc="lower left",
        bbox_to_anchor=(0, 1.0),
        ncols=2,
        fontsize="small",
        frameon=False,
    )
    if not sleep:
        ctx.say_empty(ax, translate("SleepPanel", "No sleep logged in this span"))
    return quality_ax


def draw_efficiency(ax: Axes, ctx: PanelContext) -> None:
    efficiency = daily_values(ctx.data.sleep, ctx.start, ctx.end, _efficiency)
    ax.plot(
        ctx.x,
        efficiency,
        color=ctx.theme.efficiency,
        linewidth=1,
        marker="^",
        markersize=2.5,
        label=translate("SleepPanel", "Sleep efficiency (%)"),
        gid="sleep-efficiency",
    )
    ax.set_ylim(40, 100)
    ax.set_yticks([50, 75, 100])
    ax.set_ylabel(translate("SleepPanel", "Efficiency\n%"))
    if not any(night.efficiency_percent is not None for night in ctx.data.sleep.values()):
        ctx.say_empty(
            ax,
            translate("SleepPanel", "Efficiency needs the full sleep diary (bed and wake times)"),
        )
