"""Tests for moodlog/domain/clock.py."""

from datetime import datetime

from moodlog.domain.clock import system_clock


def test_system_clock_is_local_whole_seconds() -> None:
    before = datetime.now().replace(microsecond=0)
    now = system_clock()
    assert now.microsecond == 0
    assert now.tzinfo is None
    assert before <= now <= datetime.now()
