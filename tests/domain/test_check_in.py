"""Tests for moodlog/domain/check_in.py: what a check-in may hold."""

from datetime import date, datetime, timedelta

import pytest

from moodlog.domain.check_in import (
    NOTE_MAX_CHARS,
    CheckIn,
    ordered_ratings,
    validate_check_in,
)
from moodlog.domain.errors import InvalidEntry
from moodlog.domain.scales import SCALE_KEYS

TODAY = date(2026, 11, 21)
MORNING = datetime(2026, 11, 21, 9, 30)


@pytest.mark.parametrize(
    ("check_in", "message", "field"),
    [
        pytest.param(
            CheckIn(MORNING + timedelta(days=1), {"mood": 5}),
            "A check-in can't be in the future.",
            "day",
            id="tomorrow",
        ),
        pytest.param(
            CheckIn(MORNING, {"joy": 5}), "Unknown rating 'joy'.", "joy", id="unknown-scale"
        ),
        pytest.param(
            CheckIn(MORNING, {"mood": 11}),
            "Mood must be between 0 and 10 (got 11).",
            "mood",
            id="mood>10",
        ),
        pytest.param(
            CheckIn(MORNING, {"mood": 4, "anxiety": -1}),
            "Anxiety must be between 0 and 10 (got -1).",
            "anxiety",
            id="anxiety<0",
        ),
        pytest.param(
            CheckIn(MORNING, {"interest": 12}),
            "Interest / enjoyment must be between 0 and 10 (got 12).",
            "interest",
            id="interest>10",
        ),
        pytest.param(
            CheckIn(MORNING, {}, "x" * (NOTE_MAX_CHARS + 1)),
            "The note is 20,001 characters long; the limit is 20,000.",
            "note",
            id="note-too-long",
        ),
        pytest.param(
            CheckIn(MORNING),
            "This check-in is empty. Rate at least one scale or write a note.",
            "",
            id="empty",
        ),
        pytest.param(
            CheckIn(MORNING, {}, " \n\t ", for_clinician=True),
            "This check-in is empty.",
            "",
            id="blank-note-only",
        ),
    ],
)
def test_rejected_check_ins(check_in: CheckIn, message: str, field: str) -> None:
    with pytest.raises(InvalidEntry) as caught:
        validate_check_in(check_in, TODAY)
    assert message in caught.value.message
    assert caught.value.field == field


@pytest.mark.parametrize(
    "check_in",
    [
        pytest.param(CheckIn(MORNING, {"mood": 0}), id="mood-0"),
        pytest.param(CheckIn(MORNING, dict.fromkeys(SCALE_KEYS, 10)), id="every-scale-10"),
        pytest.param(CheckIn(MORNING, dict.fromkeys(SCALE_KEYS, 0)), id="every-scale-0"),
        pytest.param(CheckIn(MORNING, {}, "Only a note"), id="note-only"),
        pytest.param(CheckIn(MORNING, {}, "x" * NOTE_MAX_CHARS), id="note-at-limit"),
        pytest.param(CheckIn(datetime(2026, 11, 21, 23, 59), {"mood": 5}), id="late-today"),
        pytest.param(CheckIn(datetime(2019, 1, 1, 8, 0), {"mood": 5}), id="years-ago"),
    ],
)
def test_accepted_check_ins(check_in: CheckIn) -> None:
    assert validate_check_in(check_in, TODAY) is check_in


def test_properties() -> None:
    check_in = CheckIn(MORNING, {"anxiety": 3, "mood": 6})
    assert check_in.day == TODAY
    assert check_in.mood == 6
    assert CheckIn(MORNING, {"anxiety": 3}).mood is None
    assert not check_in.is_empty
    assert CheckIn(MORNING, note="  ").is_empty
    assert check_in.id is None
    assert check_in.with_id(7).id == 7
    assert check_in.with_id(7).ratings == check_in.ratings


def test_ordered_ratings_puts_mood_first_and_follows_the_scales() -> None:
    ratings = {"hopelessness": 2, "anxiety": 3, "mood": 6}
    assert ordered_ratings(ratings) == [("mood", 6), ("anxiety", 3), ("hopelessness", 2)]
