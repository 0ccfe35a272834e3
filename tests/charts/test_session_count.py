"""The treatment lane's session count under a course's name says the word its kind uses for a
session (CourseKind.session_word)."""

import pytest

from moodlog.charts.treatment_lane import lane_session_count
from moodlog.domain.treatments import CourseKind


@pytest.mark.parametrize("kind", list(CourseKind))
def test_counts_use_the_kinds_word(kind: CourseKind) -> None:
    word = kind.session_word
    assert lane_session_count(kind, 3, 30) == f"3 of 30 {word}s"
    assert lane_session_count(kind, 3, None) == f"3 {word}s"
    assert lane_session_count(kind, 0, 30) == f"no {word}s recorded"
    assert lane_session_count(kind, 1, None) == f"1 {word}"
