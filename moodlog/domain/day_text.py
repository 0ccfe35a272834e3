"""How a date reads in moodlog's words: "3 Mar 2026" for a day, "≈ Mar 2019" for a date known
only to the month. One place, so tables, dialogs and messages agree."""

from datetime import date

from moodlog.domain.translation import QT_TRANSLATE_NOOP, translate

# Month abbreviations in calendar order (not the C library's, which would stay English).
_MONTHS: tuple[str, ...] = (
    #: Abbreviated month name, as in "3 Jan 2026"
    QT_TRANSLATE_NOOP("DayText", "Jan"),
    #: Abbreviated month name, as in "3 Feb 2026"
    QT_TRANSLATE_NOOP("DayText", "Feb"),
    #: Abbreviated month name, as in "3 Mar 2026"
    QT_TRANSLATE_NOOP("DayText", "Mar"),
    #: Abbreviated month name, as in "3 Apr 2026"
    QT_TRANSLATE_NOOP("DayText", "Apr"),
    #: Abbreviated month name, as in "3 May 2026"
    QT_TRANSLATE_NOOP("DayText", "May"),
    #: Abbreviated month name, as in "3 Jun 2026"
    QT_TRANSLATE_NOOP("DayText", "Jun"),
    #: Abbreviated month name, as in "3 Jul 2026"
    QT_TRANSLATE_NOOP("DayText", "Jul"),
    #: Abbreviated month name, as in "3 Aug 2026"
    QT_TRANSLATE_NOOP("DayText", "Aug"),
    #: Abbreviated month name, as in "3 Sep 2026"
    QT_TRANSLATE_NOOP("DayText", "Sep"),
    #: Abbreviated month name, as in "3 Oct 2026"
    QT_TRANSLATE_NOOP("DayText", "Oct"),
    #: Abbreviated month name, as in "3 Nov 2026"
    QT_TRANSLATE_NOOP("DayText", "Nov"),
    #: Abbreviated month name, as in "3 Dec 2026"
    QT_TRANSLATE_NOOP("DayText", "Dec"),
)


def _month(day: date) -> str:
    return translate("DayText", _MONTHS[day.month - 1])


def day_text(day: date | None, approximate: bool = False) -> str:
    if day is None:
        return ""
    if approximate:
        return f"≈ {_month(day)} {day.year}"
    return f"{day.day} {_month(day)} {day.year}"


def span_text(start: date, end: date | None, approximate: bool = False) -> str:
    """ "3 Mar 2026 – now", or "≈ Jan 2019 – ≈ Aug 2019"."""
    if end is None:
        #: A span of dates still running, e.g. "3 Mar 2026 - now"
        return translate("DayText", "{start} – now").format(start=day_text(start, approximate))
    return f"{day_text(start, approximate)} – {day_text(end, approximate)}"
