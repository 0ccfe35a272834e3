"""The mean mood rating of each demo day with one (the demo's other parts follow it)."""

from collections.abc import Iterable
from datetime import date
from statistics import fmean

from moodlog.domain.day_entry import DayEntry


def daily_mood_means(entries: Iterable[DayEntry]) -> dict[date, float]:
    """Each day with a mood rating, and the mean of that day's ratings (oldest first)."""
    ratings: dict[date, list[int]] = {}
    for entry in entries:
        if entry.check_in is not None and "mood" in entry.check_in.ratings:
            ratings.setdefault(entry.day, []).append(entry.check_in.ratings["mood"])
    return {day: fmean(values) for day, values in ratings.items()}
