"""How a date reads in moodlog's words: "3 Mar 2026" for a day, "≈ Mar 2019" for a date known
only to the month. One place, so tables, dialogs and messages agree."""

from datetime import date


def day_text(day: date | None, approximate: bool = False) -> str:
    if day is None:
        return ""
    return f"≈ {day:%b %Y}" if approximate else f"{day.day} {day:%b %Y}"


def span_text(start: date, end: date | None, approximate: bool = False) -> str:
    """ "3 Mar 2026 – now", or "≈ Jan 2019 – ≈ Aug 2019"."""
    if end is None:
        return f"{day_text(start, approximate)} – now"
    return f"{day_text(start, approximate)} – {day_text(end, approximate)}"
