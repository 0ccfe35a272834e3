"""The treatment timeline's legend: which of its marks these lanes use (only those are
explained) and what it says about each."""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from PySide6.QtCore import QCoreApplication

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
        (
            bool(medications),
            "height",
            QCoreApplication.translate(
                "TimelineLegend", "Taller bar: higher dose of that medicine"
            ),
        ),
        (
            any(s.below_minimum for lane in medications for s in lane.segments),
            "hatched",
            QCoreApplication.translate(
                "TimelineLegend", "Hatched: below the adequate minimum (editable default)"
            ),
        ),
        (
            any(lane.approximate for lane in medications),
            "dashed",
            QCoreApplication.translate("TimelineLegend", "≈ Dashed: dates entered by month"),
        ),
        (
            any(lane.open_ended for lane in lanes),
            "arrow",
            QCoreApplication.translate("TimelineLegend", "Still taking or under way"),
        ),
        (
            any(not lane.markers for lane in courses),
            "tick",
            QCoreApplication.translate("TimelineLegend", "One mark per session"),
        ),
        (
            any(lane.markers for lane in courses),
            "diamond",
            QCoreApplication.translate("TimelineLegend", "Setting change (VNS, DBS)"),
        ),
    ]
    return [LegendEntry(swatch, text) for wanted, swatch, text in shown if wanted]
