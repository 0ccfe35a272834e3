"""Whether a scheduled medication was taken on a day. No record means "not recorded",
never "taken"."""

from enum import StrEnum


class Adherence(StrEnum):
    TAKEN = "taken"
    PARTLY = "partly"
    MISSED = "missed"

    @property
    def label(self) -> str:
        return {
            Adherence.TAKEN: "Taken",
            Adherence.PARTLY: "Partly taken",
            Adherence.MISSED: "Missed",
        }[self]

    @property
    def counts_as_taken(self) -> float:
        """The share of the day's dose counted as taken, for adherence percentages."""
        return {Adherence.TAKEN: 1.0, Adherence.PARTLY: 0.5, Adherence.MISSED: 0.0}[self]
