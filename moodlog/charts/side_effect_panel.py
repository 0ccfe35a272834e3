"""Side effects as a heat map: one row per side effect rated in the span, one column per
day, darker for more severe. Unrated days stay blank."""

import numpy as np
from matplotlib.axes import Axes
from matplotlib.patches import Patch

from moodlog.charts.day_axis import daily_values
from moodlog.charts.panel_context import PanelContext
from moodlog.domain.side_effects import Severity
from moodlog.domain.translation import translate


def rated_side_effects(ctx: PanelContext) -> list[tuple[int, str]]:
    """(id, name) of the side effects rated in the span, most burdensome first (the sum
    of severities), then by name."""
    names = {effect.id: effect.name for effect in ctx.data.side_effects}
    burden = {
        effect_id: sum(int(s) for s in by_day.values())
        for effect_id, by_day in ctx.data.side_effect_ratings.items()
        if by_day and effect_id in names
    }
    return sorted(
        ((effect_id, names[effect_id]) for effect_id in burden),
        key=lambda item: (-burden[item[0]], item[1].casefold()),
    )


def draw_side_effects(ax: Axes, ctx: PanelContext, rows: list[tuple[int, str]]) -> None:
    theme = ctx.theme
    if not rows:
        ax.set_yticks([])
        ax.set_ylabel(translate("SideEffectPanel", "Side\neffects"))
        ctx.say_empty(ax, translate("SideEffectPanel", "No side effects rated in this span"))
        return
    grid = np.vstack(
        [
            daily_values(ctx.data.side_effect_ratings[effect_id], ctx.start, ctx.end, float)
            for effect_id, _name in rows
        ]
    )
    ctx.day_grid(ax, grid, list(theme.severity), "side-effects")
    ax.set_yticks(range(len(rows)), [name for _id, name in rows], fontsize="small")
    ax.grid(False)
    ax.legend(
        handles=[
            Patch(facecolor=theme.severity[s], edgecolor=theme.muted_text, label=s.label)
            for s in Severity
        ],
        loc="lower left",
        bbox_to_anchor=(0, 1.0),
        ncols=4,
        fontsize="small",
        frameon=False,
        title=None,
    )
