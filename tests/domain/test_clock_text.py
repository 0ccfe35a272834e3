"""Tests for moodlog/domain/clock_text.py: times written 24-hour or 12-hour, and read back as
people type them."""

from datetime import time

import pytest

from moodlog.domain.clock_text import (
    format_clock,
    parse_clock_text,
    time_text,
    twelve_hour_clock,
    use_twelve_hour_clock,
)
from moodlog.domain.errors import InvalidEntry
from moodlog.domain.translation import use_translator

WHAT = "the time you got into bed"


def parsed(text: str) -> time | None:
    return parse_clock_text(text, "into_bed", WHAT)


def test_times_are_written_24_hour_by_default() -> None:
    assert not twelve_hour_clock()
    assert time_text(time(21, 30)) == "21:30"
    assert time_text(time(7, 5)) == "07:05"
    assert format_clock(time(0, 0)) == "00:00"
    assert format_clock(None) == ""


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (time(21, 30), "9:30 pm"),
        (time(9, 30), "9:30 am"),
        (time(0, 0), "12:00 am"),  # midnight
        (time(0, 15), "12:15 am"),
        (time(12, 0), "12:00 pm"),  # noon
        (time(12, 15), "12:15 pm"),
        (time(11, 59), "11:59 am"),
        (time(23, 5), "11:05 pm"),
    ],
)
def test_times_are_written_12_hour_when_chosen(value: time, text: str) -> None:
    use_twelve_hour_clock(True)
    assert time_text(value) == text
    assert format_clock(value) == text
    assert parsed(text) == value  # what is shown can be typed back


def test_the_choice_can_be_taken_back() -> None:
    use_twelve_hour_clock(True)
    assert twelve_hour_clock()
    use_twelve_hour_clock(False)
    assert time_text(time(21, 30)) == "21:30"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("9:30 pm", time(21, 30)),
        ("9:30pm", time(21, 30)),
        ("9 pm", time(21, 0)),
        ("9pm", time(21, 0)),
        ("9:30 PM", time(21, 30)),
        ("9:30 Am", time(9, 30)),
        ("9.30 p.m.", time(21, 30)),
        ("12 am", time(0, 0)),
        ("12:30 am", time(0, 30)),
        ("12 pm", time(12, 0)),
        ("12:15 pm", time(12, 15)),
        ("1 am", time(1, 0)),
        ("  11:15 pm  ", time(23, 15)),
        ("23:30", time(23, 30)),
        ("2330", time(23, 30)),
        ("7", time(7, 0)),
    ],
)
def test_12_and_24_hour_times_are_read_whichever_clock_is_chosen(text: str, value: time) -> None:
    assert parsed(text) == value
    use_twelve_hour_clock(True)
    assert parsed(text) == value


def test_blank_is_no_time() -> None:
    assert parsed("   ") is None


@pytest.mark.parametrize("text", ["13:00 pm", "0:30 am", "00 pm", "24 am"])
def test_am_pm_with_an_hour_outside_1_to_12_is_refused(text: str) -> None:
    with pytest.raises(InvalidEntry) as refused:
        parsed(text)
    assert refused.value.message == f"'{text}' isn't a time: with am/pm use 1 to 12."
    assert refused.value.field == "into_bed"


@pytest.mark.parametrize("text", ["half past ten", "9:30 xm", "pm", "9:30 pm pm", "9:3 pm"])
def test_nonsense_is_refused_with_the_same_words_on_either_clock(text: str) -> None:
    for twelve_hour in (False, True):
        use_twelve_hour_clock(twelve_hour)
        with pytest.raises(InvalidEntry) as refused:
            parsed(text)
        assert refused.value.message == f"'{text}' isn't a time. Type {WHAT} like 23:30."


def test_a_time_past_23_59_is_refused() -> None:
    with pytest.raises(InvalidEntry) as refused:
        parsed("24:10")
    assert refused.value.message == f"'24:10' isn't a time of day. Type {WHAT} like 23:30."


def test_am_and_pm_come_from_the_translator_and_are_read_back() -> None:
    words = {"am": "vorm.", "pm": "nachm."}
    use_translator(lambda _context, source, *_rest: words.get(source, source))
    try:
        use_twelve_hour_clock(True)
        assert time_text(time(21, 30)) == "9:30 nachm."
        assert parsed("9:30 nachm.") == time(21, 30)
        assert parsed("9:30 Vorm.") == time(9, 30)
        assert parsed("9:30 pm") == time(21, 30)  # the English words still work
    finally:
        use_translator(None)
