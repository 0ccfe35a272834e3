"""Reading a clock time as people type it: "23:30", "2330", "23.30", "11:30 pm", "7"."""

import re
from datetime import time

from moodlog.domain.errors import InvalidEntry
from moodlog.domain.translation import translate

_PATTERN = re.compile(
    r"^\s*(?P<hour>\d{1,2})(?:[:.h ]?(?P<minute>\d{2}))?\s*(?P<half>[ap]\.?m\.?)?\s*$",
    re.IGNORECASE,
)


def parse_clock_text(text: str, field: str, what: str) -> time | None:
    """The time in ``text``, ``None`` if it is blank, else :class:`InvalidEntry` naming
    ``what`` ("the time you got into bed")."""
    if not text.strip():
        return None
    match = _PATTERN.match(text)
    if match is None:
        #: {what} says which time, e.g. "the time you got into bed"
        message = translate("ClockText", "'{text}' isn't a time. Type {what} like 23:30.")
        raise InvalidEntry(message.format(text=text.strip(), what=what), field)
    hour = int(match["hour"])
    minute = int(match["minute"] or 0)
    half = (match["half"] or "").lower().replace(".", "")
    if half:
        if not 1 <= hour <= 12:
            message = translate("ClockText", "'{text}' isn't a time: with am/pm use 1 to 12.")
            raise InvalidEntry(message.format(text=text.strip()), field)
        hour = hour % 12 + (12 if half == "pm" else 0)
    if hour > 23 or minute > 59:
        #: {what} says which time, e.g. "the time you got into bed"
        message = translate("ClockText", "'{text}' isn't a time of day. Type {what} like 23:30.")
        raise InvalidEntry(message.format(text=text.strip(), what=what), field)
    return time(hour, minute)


def format_clock(value: time | None) -> str:
    return "" if value is None else value.strftime("%H:%M")
