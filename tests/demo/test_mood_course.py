"""Tests for moodlog/demo/mood_course.py: stretches last weeks, gaps come in bad ones."""

from datetime import date
from itertools import groupby
from random import Random

import pytest

from moodlog.demo.mood_course import Stretch, mood_course

FIRST = date(2020, 1, 1)
DAYS = 3653


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_stretches_last_weeks_and_all_three_kinds_come(seed: int) -> None:
    course = mood_course(FIRST, DAYS, Random(seed))
    assert len(course) == DAYS
    assert [c.day.toordinal() for c in course] == list(
        range(FIRST.toordinal(), FIRST.toordinal() + DAYS)
    )
    runs = [(stretch, len(list(run))) for stretch, run in groupby(c.stretch for c in course)]
    assert {stretch for stretch, _ in runs} == set(Stretch)
    assert all(length >= 21 for _, length in runs[:-1])  # the last run is cut off
    assert all(0 <= c.mood <= 10 for c in course)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_low_stretches_are_lower_and_missed_more(seed: int) -> None:
    course = mood_course(FIRST, DAYS, Random(seed))

    def mean_mood(stretch: Stretch) -> float:
        moods = [c.mood for c in course if c.stretch is stretch]
        return sum(moods) / len(moods)

    def missed(stretch: Stretch) -> float:
        days = [c for c in course if c.stretch is stretch]
        return sum(not c.is_logged for c in days) / len(days)

    assert mean_mood(Stretch.LOW) + 1.0 < mean_mood(Stretch.USUAL)
    assert mean_mood(Stretch.USUAL) + 1.0 < mean_mood(Stretch.BETTER)
    assert missed(Stretch.LOW) > 2 * missed(Stretch.USUAL)
    assert missed(Stretch.USUAL) > missed(Stretch.BETTER)
    assert course[-1].is_logged
