"""Tests for moodlog/domain/scales.py: the check-in's 0-10 scales and mood words."""

import pytest

from moodlog.domain.scales import MOOD_WORDS, SCALE_KEYS, SCALES, mood_word


def test_mood_comes_first_and_every_key_is_unique() -> None:
    assert SCALE_KEYS[0] == "mood"
    assert len(set(SCALE_KEYS)) == len(SCALES)


def test_every_mood_value_has_a_word() -> None:
    assert len(MOOD_WORDS) == 11
    assert mood_word(0) == "Worst possible"
    assert mood_word(5) == "Neither good nor bad"
    assert mood_word(10) == "Best possible"


@pytest.mark.parametrize(
    ("key", "higher_is_better"),
    [("mood", True), ("anxiety", False), ("energy", True), ("hopelessness", False)],
)
def test_scales_know_their_good_end(key: str, higher_is_better: bool) -> None:
    assert {s.key: s.higher_is_better for s in SCALES}[key] is higher_is_better
