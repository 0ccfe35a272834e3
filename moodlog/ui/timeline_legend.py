"""The treatment timeline's legend: which of its marks these lanes use (only those are
explained) and what it says about each."""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from moodlog.ui.timeline_descriptions import BELOW_MINIMUM_TEXT
from moodlog.ui.timeline_lanes import CourseLane, Lane, MedicationLane

Swatch = Literal["height", "hatched", "dashed", "arrow", "tick", "diamond"]


@dataclass(frozen=True, slots=True)
class LegendEntry:
    swatch: Swatch
    text: str


def legend_entries(lanes: Sequence[Lane]) -> list[LegendEntry]:
    medications = [lane for lane in lanes if isinstance(lane, MedicationLane)]
    courses = [lane for lane in lanes if isinstance(lane, CourseLane)]
    shown: list[tuple[bool, Swatch, str]] = [
        (bool(medications), "height", "Taller bar: higher dose of that medicine"),
        (
            any(s.below_minimum for lane in medications for s in lane.segments),
            "hatched",
            f"Hatched: {BELOW_MINIMUM_TEXT}",
        ),
        (
            any(lane.approximate for lane in medications),
            "dashed",
            "≈ Dashed: dates entered by month",
        ),
        (any(lane.open_ended for lane in lanes), "arrow", "Still taking or under way"),
        (any(not lane.markers for lane in courses), "tick", "One mark per session"),
        (any(lane.markers for lane in courses), "diamond", "Setting change (VNS, DBS)"),
    ]
    return [LegendEntry(swatch, text) for wanted, swatch, text in shown if wanted]
