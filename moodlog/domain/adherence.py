"""Whether a scheduled medication was taken on a day. No record means "not recorded",
never "taken"."""

from enum import StrEnum

from moodlog.domain.translation import translate


class Adherence(StrEnum):
    TAKEN = "taken"
    PARTLY = "partly"
    MISSED = "missed"

    @property
    def label(self) -> str:
        return {
            #: A medication dose on a day
            Adherence.TAKEN: translate("Adherence", "Taken"),
            Adherence.PARTLY: translate("Adherence", "Partly taken"),
            Adherence.MISSED: translate("Adherence", "Missed"),
        }[self]

    @property
    def counts_as_taken(self) -> float:
        """The share of the day's dose counted as taken, for adherence percentages."""
        return {Adherence.TAKEN: 1.0, Adherence.PARTLY: 0.5, Adherence.MISSED: 0.0}[self]
