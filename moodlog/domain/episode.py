"""The current depressive episode, as the person (or their clinician) dates it: counts of
failed trials and the staging models look only at treatments within it."""

from dataclasses import dataclass
from datetime import date
from enum import IntEnum

from moodlog.domain.translation import translate


class EpisodeSeverity(IntEnum):
    """Severity at the episode's start, as the Maudsley Staging Method scores it (1–5)."""

    SUBSYNDROMAL = 1
    MILD = 2
    MODERATE = 3
    SEVERE = 4
    SEVERE_WITH_PSYCHOSIS = 5

    @property
    def label(self) -> str:
        return {
            #: Severity of a depressive episode at its start
            EpisodeSeverity.SUBSYNDROMAL: translate("Episode", "Subsyndromal"),
            #: Severity of a depressive episode at its start
            EpisodeSeverity.MILD: translate("Episode", "Mild"),
            #: Severity of a depressive episode at its start
            EpisodeSeverity.MODERATE: translate("Episode", "Moderate"),
            EpisodeSeverity.SEVERE: translate("Episode", "Severe, without psychosis"),
            EpisodeSeverity.SEVERE_WITH_PSYCHOSIS: translate("Episode", "Severe, with psychosis"),
        }[self]


@dataclass(frozen=True, slots=True)
class Episode:
    started: date | None = None
    severity: EpisodeSeverity | None = None
