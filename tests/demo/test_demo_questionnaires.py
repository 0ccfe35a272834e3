"""The demo diary's questionnaires: valid, fortnightly, with baselines, and following the
diary's own mood."""

import itertools
import statistics
from datetime import date, timedelta
from functools import cache

import pytest

from moodlog.demo.demo_diary import generate_demo_days
from moodlog.demo.demo_questionnaires import demo_questionnaires
from moodlog.demo.demo_treatments import demo_treatment_history
from moodlog.domain.course_outcome import course_outcome
from moodlog.domain.day_entry import DayEntry
from moodlog.domain.instruments import Instrument
from moodlog.domain.questionnaire_result import QuestionnaireResult, validate_result
from moodlog.domain.treatments import CourseKind

TODAY = date(2026, 11, 21)


@cache
def demo(seed: int) -> tuple[list[DayEntry], list[QuestionnaireResult]]:
    history = demo_treatment_history(TODAY, seed)
    entries = list(
        generate_demo_days(TODAY, 2, seed, [], [], mood_shift=history.mood_response.shift)
    )
    return entries, demo_questionnaires(entries, history.courses, TODAY, seed)


@pytest.mark.parametrize("seed", [0, 7, 42])
def test_every_result_is_valid_and_none_is_in_the_future(seed: int) -> None:
    _, results = demo(seed)
    assert results
    for result in results:
        validate_result(result, TODAY)
    assert max(r.taken_on for r in results) <= TODAY


def test_the_same_seed_gives_the_same_results() -> None:
    history = demo_treatment_history(TODAY, 3)
    entries = list(generate_demo_days(TODAY, 1, 3, [], []))
    assert demo_questionnaires(entries, history.courses, TODAY, 3) == demo_questionnaires(
        entries, history.courses, TODAY, 3
    )


def test_a_phq9_comes_about_every_two_weeks_with_some_missed() -> None:
    _, results = demo(0)
    days = sorted({r.taken_on for r in results if r.instrument is Instrument.PHQ9})
    gaps = [(b - a).days for a, b in itertools.pairwise(days)]
    assert 10 <= statistics.median(gaps) <= 15
    assert max(gaps) >= 20  # a forgotten one


def test_each_course_in_the_diary_has_a_baseline_on_its_first_day() -> None:
    history = demo_treatment_history(TODAY, 0)
    _, results = demo(0)
    phq9_days = {r.taken_on for r in results if r.instrument is Instrument.PHQ9}
    first = min(r.taken_on for r in results)
    for course in history.courses:
        if course.started > first + timedelta(days=14):
            assert course.started in phq9_days, course.title


@pytest.mark.parametrize("seed", [0, 1, 3])  # 1 is the default demo
def test_tms_shows_a_response_on_the_phq9(seed: int) -> None:
    history = demo_treatment_history(TODAY, seed)
    _, results = demo(seed)
    tms = next(c for c in history.courses if c.kind is CourseKind.TMS)
    outcome = course_outcome(results, Instrument.PHQ9, tms.started, tms.ended, TODAY)
    assert outcome.is_measured
    assert outcome.response is True


def test_totals_follow_the_diary_mood() -> None:
    entries, results = demo(0)
    mood = {e.day: e.check_in.ratings["mood"] for e in entries if e.check_in is not None}
    pairs = []
    for result in results:
        if result.instrument is Instrument.PHQ9 and result.total is not None:
            window = [
                mood[d]
                for d in (result.taken_on - timedelta(days=n) for n in range(14))
                if d in mood
            ]
            pairs.append((statistics.fmean(window), result.total))
    assert statistics.correlation(*zip(*pairs, strict=True)) < -0.8
