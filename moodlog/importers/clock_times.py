"""Clock times as apps write them: 24-hour (``08:45``, ``9:03``, ``21:05:33``) or 12-hour
(``9:00 PM``, ``10:00 pm``, ``9:00 p.m.``, ``9 PM``)."""

import re
from datetime import time
from functools import lru_cache

_CLOCK = re.compile(
    r"(\d{1,2})(?:[:.](\d{2}))?(?::(\d{2}))?\s*(?:([ap])\.?\s*m\.?)?", re.IGNORECASE
)


@lru_cache(maxsize=4096)  # a diary's times repeat: a few thousand different ones at most
def parse_clock(text: str) -> time | None:
    """The time of day written in ``text``, or ``None`` if it isn't a clock time."""
    text = text.strip()
    if len(text) == 5 and text[2] == ":" and text[:2].isdecimal() and text[3:].isdecimal():
        hour, minute = int(text[:2]), int(text[3:])  # the common case, quickly
        return time(hour, minute) if hour < 24 and minute < 60 else None
    match = _CLOCK.fullmatch(text)
    if match is None:
        return None
    hour_text, minute_text, second_text, half = match.groups()
    if minute_text is None and half is None:
        return None  # "9" alone is not a time
    hour = int(hour_text)
    minute = int(minute_text or 0)
    second = int(second_text or 0)
    if half is not None:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half.lower() == "p" else 0)
    if hour > 23 or minute > 59 or second > 59:
        return None
    return time(hour, minute, second)
