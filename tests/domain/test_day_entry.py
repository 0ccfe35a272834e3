"""Tests for moodlog/domain/day_entry.py."""

from datetime import date, datetime

import pytest

from moodlog.domain.check_in import CheckIn
from moodlog.domain.day_entry import DayEntry, DayRecord
from moodlog.domain.side_effects import Severity
from moodlog.domain.sleep import SleepMode, SleepRecord


@pytest.mark.parametrize(
    ("changes", "is_empty"),
    [
        ({}, True),
        ({"check_ins": [CheckIn(datetime(2026, 1, 1, 9), {"mood": 5})]}, False),
        ({"sleep": SleepRecord(date(2026, 1, 1), SleepMode.MINIMAL, hours_slept=7)}, False),
        ({"side_effects": {1: Severity.NONE}}, False),
        ({"trackers": {1: 0.0}}, False),
    ],
)
def test_day_record_is_empty(changes: dict[str, object], is_empty: bool) -> None:
    fields: dict[str, object] = {"check_ins": [], "sleep": None, "side_effects": {}, "trackers": {}}
    fields.update(changes)
    record = DayRecord(day=date(2026, 1, 1), **fields)  # type: ignore[arg-type]
    assert record.is_empty is is_empty


def test_a_check_in_must_belong_to_the_entry_s_day() -> None:
    with pytest.raises(ValueError, match="check-in of 2026-11-20 in the entry for 2026-11-21"):
        DayEntry(date(2026, 11, 21), CheckIn(datetime(2026, 11, 20, 23, 59), {"mood": 5}))
