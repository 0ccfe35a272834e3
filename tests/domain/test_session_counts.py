"""A course's session counts say the word its kind uses for a session (CourseKind.session_word),
as whole phrases a translation can make agree."""

import pytest

from moodlog.domain.session_counts import planned_count, session_count, sessions_of_planned
from moodlog.domain.treatments import CourseKind


@pytest.mark.parametrize("kind", list(CourseKind))
def test_counts_use_the_kinds_word(kind: CourseKind) -> None:
    word = kind.session_word
    assert session_count(kind, 1) == f"1 {word}"
    assert session_count(kind, 0) == f"0 {word}s"
    assert session_count(kind, 7) == f"7 {word}s"
    assert sessions_of_planned(kind, 1, 36) == f"1 of 36 {word}s"
    assert sessions_of_planned(kind, 1, None) == f"1 {word}"


def test_planned_count() -> None:
    assert planned_count(24, 36) == "24 of 36 planned"
    assert planned_count(24, None) == "24"
