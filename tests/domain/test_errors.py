"""Tests for moodlog/domain/errors.py."""

from moodlog.domain.errors import InvalidEntry


def test_invalid_entry_carries_message_and_field() -> None:
    error = InvalidEntry("Mood must be between 0 and 10 (got 11).", "mood")
    assert isinstance(error, ValueError)
    assert error.message == str(error) == "Mood must be between 0 and 10 (got 11)."
    assert error.field == "mood"
    assert InvalidEntry("Whole entry").field == ""
