"""Clock times for people: written 24-hour ("21:30") or 12-hour ("9:30 pm"), as the person
chose (:func:`use_twelve_hour_clock`, set at start-up and when the setting changes), and read
back as people type them: "23:30", "2330", "23.30", "11:30 pm", "9pm", "7".
"""

import re
from datetime import time

from moodlog.domain.errors import InvalidEntry
from moodlog.domain.translation import translate

_PATTERN = re.compile(
    r"^\s*(?P<hour>\d{1,2})(?:[:.h ]?(?P<minute>\d{2}))?\s*(?P<half>[ap]\.?m\.?)?\s*$",
    re.IGNORECASE,
)

_twelve_hour = False


def use_twelve_hour_clock(twelve_hour: bool) -> None:
    """Write every later :func:`time_text` 12-hour ("9:30 pm") or, by default, 24-hour."""
    global _twelve_hour
    _twelve_hour = twelve_hour


def twelve_hour_clock() -> bool:
    """Whether times are written 12-hour (the person's choice)."""
    return _twelve_hour


def _half_words() -> tuple[str, str]:
    #: Before noon, after a 12-hour clock time: "9:30 am".
    am = translate("ClockText", "am")
    #: After noon, after a 12-hour clock time: "9:30 pm".
    pm = translate("ClockText", "pm")
    return am, pm


def time_text(value: time) -> str:
    """``value`` as the person reads times: "21:30" or "9:30 pm"."""
    if not _twelve_hour:
        return f"{value:%H:%M}"
    am, pm = _half_words()
    hour = value.hour % 12 or 12
    return f"{hour}:{value.minute:02d} {pm if value.hour >= 12 else am}"


def _english_half(text: str) -> str:
    """``text`` with a translated am/pm word at its end written "am"/"pm", so what
    :func:`time_text` shows in any language can be typed back."""
    stripped = text.rstrip()
    for word, english in zip(_half_words(), ("am", "pm"), strict=True):
        word = word.strip()
        if word and word.lower() != english and stripped.lower().endswith(word.lower()):
            return f"{stripped[: -len(word)]} {english}"
    return text


def parse_clock_text(text: str, field: str, what: str) -> time | None:
    """The time in ``text``, ``None`` if it is blank, else :class:`InvalidEntry` naming
    ``what`` ("the time you got into bed")."""
    if not text.strip():
        return None
    match = _PATTERN.match(_english_half(text))
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
    """``value`` for a time field, as :func:`time_text` writes it ("" when there is none)."""
    return "" if value is None else time_text(value)
