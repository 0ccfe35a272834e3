"""Tests for moodlog/demo/demo_sleep.py: even extreme moods give valid nights."""

from datetime import date
from random import Random

import pytest

from moodlog.demo.demo_sleep import demo_sleep_record
from moodlog.domain.sleep import SleepMode, measure_sleep

NIGHT_OF = date(2026, 11, 21)


@pytest.mark.parametrize("mood", [0.0, 2.5, 5.0, 10.0])
@pytest.mark.parametrize("is_weekend", [False, True])
def test_every_night_validates(mood: float, is_weekend: bool) -> None:
    rng = Random(11)
    for _ in range(1500):
        record = demo_sleep_record(NIGHT_OF, mood, is_weekend, 0.2, rng)
        measures = measure_sleep(record, NIGHT_OF)
        assert measures.total_sleep_minutes is not None or record.quality is not None
        assert record.night_of == NIGHT_OF


def test_minimal_chance_decides_the_mode() -> None:
    rng = Random(5)
    assert {demo_sleep_record(NIGHT_OF, 5, False, 0.0, rng).mode for _ in range(200)} == {
        SleepMode.FULL
    }
    assert {demo_sleep_record(NIGHT_OF, 5, False, 1.0, rng).mode for _ in range(200)} == {
        SleepMode.MINIMAL
    }


def test_clock_times_are_written_to_five_minutes() -> None:
    rng = Random(2)
    for _ in range(300):
        record = demo_sleep_record(NIGHT_OF, 4, False, 0.0, rng)
        times = (record.into_bed, record.tried_to_sleep, record.final_awakening, record.out_of_bed)
        assert all(t is not None and t.minute % 5 == 0 for t in times)
