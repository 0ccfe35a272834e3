"""Tests for moodlog/domain/trackers.py: values each kind of tracker accepts."""

import math

import pytest

from moodlog.domain.errors import InvalidEntry
from moodlog.domain.trackers import (
    BUILTIN_TRACKERS,
    NUMBER_MAX,
    Tracker,
    TrackerKind,
    validate_tracker_value,
)


def tracker(kind: TrackerKind) -> Tracker:
    return Tracker(id=4, name="Walks", kind=kind, unit="", is_builtin=False, is_visible=True)


@pytest.mark.parametrize(
    ("kind", "value", "message"),
    [
        (TrackerKind.NUMBER, math.nan, "Walks: enter a number."),
        (TrackerKind.NUMBER, math.inf, "Walks: enter a number."),
        (TrackerKind.YES_NO, math.nan, "Walks: enter a number."),
        (TrackerKind.SCALE, -math.inf, "Walks: enter a number."),
        (TrackerKind.YES_NO, 0.5, "Walks: answer yes or no."),
        (TrackerKind.YES_NO, 2, "Walks: answer yes or no."),
        (TrackerKind.YES_NO, -1, "Walks: answer yes or no."),
        (TrackerKind.SCALE, 5.5, "Walks: rate it with a whole number from 0 to 10."),
        (TrackerKind.SCALE, 11, "Walks: rate it with a whole number from 0 to 10."),
        (TrackerKind.SCALE, -1, "Walks: rate it with a whole number from 0 to 10."),
        (TrackerKind.NUMBER, -0.5, "Walks: enter a number from 0 to 100,000."),
        (TrackerKind.NUMBER, NUMBER_MAX + 1, "Walks: enter a number from 0 to 100,000."),
    ],
)
def test_rejected_values(kind: TrackerKind, value: float, message: str) -> None:
    with pytest.raises(InvalidEntry) as caught:
        validate_tracker_value(tracker(kind), value)
    assert caught.value.message == message
    assert caught.value.field == "tracker:4"


@pytest.mark.parametrize(
    ("kind", "value"),
    [
        (TrackerKind.YES_NO, 0),
        (TrackerKind.YES_NO, 1),
        (TrackerKind.YES_NO, 1.0),
        (TrackerKind.SCALE, 0),
        (TrackerKind.SCALE, 10),
        (TrackerKind.SCALE, 7.0),
        (TrackerKind.NUMBER, 0),
        (TrackerKind.NUMBER, 2.5),
        (TrackerKind.NUMBER, NUMBER_MAX),
    ],
)
def test_accepted_values(kind: TrackerKind, value: float) -> None:
    assert validate_tracker_value(tracker(kind), value) == value


def test_kind_labels() -> None:
    assert [k.label for k in TrackerKind] == ["Number", "Yes / no", "0-10 rating"]


def test_builtin_trackers_are_the_lifestyle_factors() -> None:
    assert [(t.name, t.kind) for t in BUILTIN_TRACKERS] == [
        ("Exercise", TrackerKind.NUMBER),
        ("Alcohol", TrackerKind.NUMBER),
        ("Caffeine", TrackerKind.NUMBER),
        ("Social contact", TrackerKind.SCALE),
    ]
