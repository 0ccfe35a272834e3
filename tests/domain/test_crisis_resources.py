"""What the crisis panel says for each PHQ-9 item-9 answer (clinical-reference.md §1.8)."""

import pytest

from moodlog.domain.crisis_resources import (
    LIFELINE_HOW,
    NOBODY_MONITORS,
    message_for_safety_answer,
)


@pytest.mark.parametrize("answer", [None, 0])
def test_no_panel_without_a_positive_answer(answer: int | None) -> None:
    assert message_for_safety_answer(answer) is None


def test_several_days_gets_the_panel_in_calm_words() -> None:
    message = message_for_safety_answer(1)
    assert message is not None
    assert not message.urgent
    assert "some days" in message.body


@pytest.mark.parametrize("answer", [2, 3])
def test_more_than_half_the_days_gets_stronger_words(answer: int) -> None:
    message = message_for_safety_answer(answer)
    assert message is not None
    assert message.urgent
    assert "today" in message.heading
    assert "emergency services" in message.body


def test_the_lifeline_and_the_plain_truth_about_monitoring() -> None:
    assert "988" in LIFELINE_HOW
    assert "988lifeline.org" in LIFELINE_HOW
    assert "Nobody monitors this diary" in NOBODY_MONITORS
    assert "contacts no one" in NOBODY_MONITORS


@pytest.mark.parametrize(
    ("answer", "said"), [(1, "some days"), (2, "more than half the days"), (3, "nearly every day")]
)
def test_the_panel_repeats_what_the_person_said(answer: int, said: str) -> None:
    message = message_for_safety_answer(answer)
    assert message is not None
    assert said in message.body
