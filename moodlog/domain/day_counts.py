"""Counts of days and nights in words ("1 day", "5 nights"): whole phrases, so a translation
can make the number and the word agree."""

from moodlog.domain.translation import translate


def days_text(count: int) -> str:
    """ "1 day", "5 days"."""
    if count == 1:
        return translate("DayCounts", "1 day")
    return translate("DayCounts", "{count} days").format(count=count)


def nights_text(count: int) -> str:
    """ "1 night", "5 nights"."""
    if count == 1:
        return translate("DayCounts", "1 night")
    return translate("DayCounts", "{count} nights").format(count=count)
