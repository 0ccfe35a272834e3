"""Mood per day (the mean of the day's check-ins, with the day's range when there were
several), its 7-day average, and any other scales chosen, on the 0-10 axis."""

from matplotlib.axes import Axes

from moodlog.charts.chart_theme import SERIES_STYLES
from moodlog.charts.day_axis import daily_numbers, daily_values
from moodlog.charts.panel_context import PanelContext
from moodlog.domain.scales import SCALE_MAX, SCALE_MIN, SCALES_BY_KEY
from moodlog.domain.translation import translate
from moodlog.domain.trend_data import DayRating, rolling_mean


def _mean(rating: DayRating) -> float:
    return rating.mean


def draw_ratings(ax: Axes, ctx: PanelContext, other_scales: tuple[str, ...]) -> None:
    theme, data = ctx.theme, ctx.data
    mood = data.mood
    ax.set_ylim(SCALE_MIN - 0.5, SCALE_MAX + 0.5)
    ax.set_yticks([0, 5, 10])
    # With other scales on the same axis, "best" no longer holds for every line.
    ax.set_ylabel(
        translate("MoodPanel", "Ratings 0–10\n(see the key)")
        if other_scales
        else translate("MoodPanel", "Mood\n0 worst · 10 best")
    )
    spread = [
        (ctx.x[(day - ctx.start).days], rating.low, rating.high)
        for day, rating in mood.items()
        if rating.count > 1 and rating.low < rating.high
    ]
    if spread:
        xs, lows, highs = zip(*spread, strict=True)
        ax.vlines(
            xs,
            lows,
            highs,
            colors=theme.day_range,
            linewidth=2.5,
            label=translate("MoodPanel", "Range within a day"),
            gid="mood-range",
        )
    ax.plot(
        ctx.x,
        daily_values(mood, ctx.start, ctx.end, _mean),
        color=theme.mood,
        linewidth=1,
        marker="o",
        markersize=2.5,
        label=translate("MoodPanel", "Mood (day's mean)"),
        gid="mood",
    )
    means = {day: rating.mean for day, rating in mood.items()}
    rolling = rolling_mean(means, ctx.start, ctx.end)
    ax.plot(
        ctx.x,
        daily_numbers(rolling, ctx.start, ctx.end),
        color=theme.rolling,
        linewidth=2.2,
        label=translate("MoodPanel", "7-day average"),
        gid="mood-rolling",
    )
    for index, key in enumerate(other_scales):
        by_day = data.ratings.get(key, {})
        colour = theme.series[index % len(theme.series)]
        style, marker = SERIES_STYLES[index % len(SERIES_STYLES)]
        ax.plot(
            ctx.x,
            daily_values(by_day, ctx.start, ctx.end, _mean),
            color=colour,
            linestyle=style,
            linewidth=1.1,
            marker=marker,
            markersize=2.5,
            label=_scale_label(key),
            gid=f"scale-{key}",
        )
    if not mood:
        ctx.say_empty(ax, translate("MoodPanel", "No mood ratings in this span"))
    ax.legend(loc="lower left", bbox_to_anchor=(0, 1.0), ncols=5, fontsize="small", frameon=False)


def _scale_label(key: str) -> str:
    scale = SCALES_BY_KEY[key]
    if scale.higher_is_better:
        return translate("MoodPanel", "{scale} (higher is better)").format(scale=scale.label)
    return translate("MoodPanel", "{scale} (higher is worse)").format(scale=scale.label)
