"""How treatment dates and doses read in the treatment tables (one place, so every table
says "≈ Mar 2019" for a month-level date and "3 Mar 2026" for a day)."""

from datetime import date

from moodlog.domain.medications import Medication


def day_text(day: date | None, approximate: bool = False) -> str:
    if day is None:
        return ""
    return f"≈ {day:%b %Y}" if approximate else f"{day.day} {day:%b %Y}"


def medication_span(medication: Medication) -> str:
    start = day_text(medication.started, medication.dates_approximate)
    if medication.stopped is None:
        return f"{start} – now"
    return f"{start} – {day_text(medication.stopped, medication.dates_approximate)}"
