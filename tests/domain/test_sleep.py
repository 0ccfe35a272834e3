"""Tests for moodlog/domain/sleep.py: validation messages and hand-computed measures."""

import math
from dataclasses import replace
from datetime import date, time, timedelta

import pytest

from moodlog.domain.errors import InvalidEntry
from moodlog.domain.sleep import (
    SleepMode,
    SleepQuality,
    SleepRecord,
    format_duration,
    measure_sleep,
)
from tests.sample_nights import SAMPLE_NIGHT

TODAY = date(2026, 11, 21)

NIGHT = replace(SAMPLE_NIGHT, night_of=TODAY)


def night(**changes: object) -> SleepRecord:
    return replace(NIGHT, **changes)  # type: ignore[arg-type]


def minimal(**changes: object) -> SleepRecord:
    base = SleepRecord(night_of=TODAY, mode=SleepMode.MINIMAL, hours_slept=7.0)
    return replace(base, **changes)  # type: ignore[arg-type]


def rejection(record: SleepRecord) -> InvalidEntry:
    with pytest.raises(InvalidEntry) as caught:
        measure_sleep(record, TODAY)
    return caught.value


# -- measures -------------------------------------------------------------------------


def test_full_night_across_midnight_matches_hand_computed_measures() -> None:
    measures = measure_sleep(NIGHT, TODAY)
    # TIB 22:30 -> 07:00 = 8 h 30 = 510 min. Window 23:00 -> 06:30 = 450 min.
    # TST = 450 - 20 - 30 = 400 min. SE = 400 / 510. Terminal 06:30 -> 07:00 = 30 min.
    assert measures.time_in_bed_minutes == 510
    assert measures.total_sleep_minutes == 400
    assert measures.efficiency_percent == pytest.approx(100 * 400 / 510)
    assert measures.efficiency_percent == pytest.approx(78.43, abs=0.01)
    assert measures.terminal_wake_minutes == 30
    assert measures.minutes_to_fall_asleep == 20
    assert measures.minutes_awake == 30


def test_bedtime_after_midnight() -> None:
    record = night(
        into_bed=time(0, 30),
        tried_to_sleep=time(1, 0),
        minutes_to_fall_asleep=15,
        awakenings=0,
        minutes_awake=0,
        final_awakening=time(7, 0),
        out_of_bed=time(7, 45),
    )
    measures = measure_sleep(record, TODAY)
    # TIB 00:30 -> 07:45 = 435; TST = (01:00 -> 07:00 = 360) - 15 = 345; terminal 45.
    assert measures.time_in_bed_minutes == 435
    assert measures.total_sleep_minutes == 345
    assert measures.efficiency_percent == pytest.approx(100 * 345 / 435)
    assert measures.terminal_wake_minutes == 45


def test_daytime_sleep_without_crossing_midnight() -> None:
    record = night(
        into_bed=time(8, 0),
        tried_to_sleep=time(8, 0),
        minutes_to_fall_asleep=10,
        awakenings=1,
        minutes_awake=20,
        final_awakening=time(15, 0),
        out_of_bed=time(15, 30),
    )
    measures = measure_sleep(record, TODAY)
    assert measures.time_in_bed_minutes == 450
    assert measures.total_sleep_minutes == 420 - 10 - 20
    assert measures.terminal_wake_minutes == 30


def test_falling_asleep_and_waking_that_fill_the_window_leave_no_sleep() -> None:
    record = night(minutes_to_fall_asleep=200, minutes_awake=250)  # 450 = the whole window
    measures = measure_sleep(record, TODAY)
    assert measures.total_sleep_minutes == 0
    assert measures.efficiency_percent == 0


def test_straight_out_of_bed_on_waking_has_no_terminal_wakefulness() -> None:
    measures = measure_sleep(night(out_of_bed=time(6, 30)), TODAY)
    assert measures.terminal_wake_minutes == 0
    assert measures.time_in_bed_minutes == 480


def test_minimal_night_measures_only_total_sleep() -> None:
    measures = measure_sleep(minimal(hours_slept=6.5), TODAY)
    assert measures.total_sleep_minutes == 390
    assert measures.time_in_bed_minutes is None
    assert measures.efficiency_percent is None
    assert measures.terminal_wake_minutes is None


def test_minimal_night_with_only_quality_has_no_total() -> None:
    record = minimal(hours_slept=None, quality=SleepQuality.POOR)
    assert measure_sleep(record, TODAY).total_sleep_minutes is None


@pytest.mark.parametrize("hours", [0.0, 24.0])
def test_minimal_hours_limits_are_allowed(hours: float) -> None:
    assert measure_sleep(minimal(hours_slept=hours), TODAY).total_sleep_minutes == hours * 60


def test_last_night_and_older_nights_are_allowed() -> None:
    assert measure_sleep(NIGHT, TODAY).total_sleep_minutes == 400
    older = night(night_of=TODAY - timedelta(days=400))
    assert measure_sleep(older, TODAY).total_sleep_minutes == 400


def test_naps_without_minutes_are_allowed() -> None:
    assert measure_sleep(night(naps=2, nap_minutes=0), TODAY).total_sleep_minutes == 400


# -- rejections -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("record", "message", "field"),
    [
        pytest.param(
            night(night_of=TODAY + timedelta(days=1)),
            "Sleep can only be recorded for last night or earlier.",
            "night_of",
            id="future-night",
        ),
        pytest.param(
            minimal(night_of=TODAY + timedelta(days=1)),
            "last night or earlier",
            "night_of",
            id="future-night-minimal",
        ),
        pytest.param(night(naps=-1), "Naps must be between 0 and 20.", "naps", id="naps<0"),
        pytest.param(night(naps=21), "Naps must be between 0 and 20.", "naps", id="naps>20"),
        pytest.param(
            night(naps=1, nap_minutes=-5),
            "Nap time must be between 0 and 24 hours.",
            "nap_minutes",
            id="nap-minutes<0",
        ),
        pytest.param(
            night(naps=1, nap_minutes=24 * 60 + 1),
            "Nap time must be between 0 and 24 hours.",
            "nap_minutes",
            id="nap-minutes>24h",
        ),
        pytest.param(
            night(naps=0, nap_minutes=30),
            "You entered nap time but no naps.",
            "naps",
            id="nap-minutes-without-naps",
        ),
        pytest.param(
            minimal(naps=0, nap_minutes=30),
            "nap time but no naps",
            "naps",
            id="nap-minutes-without-naps-minimal",
        ),
        pytest.param(
            minimal(hours_slept=None, quality=None),
            "Enter the hours you slept or how well you slept.",
            "hours_slept",
            id="minimal-empty",
        ),
        pytest.param(
            minimal(hours_slept=24.5),
            "Hours slept must be between 0 and 24.",
            "hours_slept",
            id="minimal-hours>24",
        ),
        pytest.param(
            minimal(hours_slept=-0.5),
            "Hours slept must be between 0 and 24.",
            "hours_slept",
            id="minimal-hours<0",
        ),
        pytest.param(
            minimal(hours_slept=math.nan),
            "Hours slept must be between 0 and 24.",
            "hours_slept",
            id="minimal-hours-nan",
        ),
    ],
)
def test_rejected_nights(record: SleepRecord, message: str, field: str) -> None:
    error = rejection(record)
    assert message in error.message
    assert error.field == field


@pytest.mark.parametrize(
    ("missing", "label"),
    [
        ("into_bed", "got into bed"),
        ("tried_to_sleep", "began trying to sleep"),
        ("final_awakening", "woke for the last time"),
        ("out_of_bed", "got out of bed"),
    ],
)
def test_full_night_needs_every_clock_time(missing: str, label: str) -> None:
    error = rejection(night(**{missing: None}))
    assert error.message == f"Enter the time you {label}."
    assert error.field == missing


@pytest.mark.parametrize(
    ("changes", "message", "field"),
    [
        (
            {"minutes_to_fall_asleep": -1},
            "Time to fall asleep must be between 0 and 12 hours.",
            "minutes_to_fall_asleep",
        ),
        (
            {"minutes_to_fall_asleep": 12 * 60 + 1},
            "Time to fall asleep must be between 0 and 12 hours.",
            "minutes_to_fall_asleep",
        ),
        ({"awakenings": -1}, "Awakenings must be between 0 and 60.", "awakenings"),
        ({"awakenings": 61}, "Awakenings must be between 0 and 60.", "awakenings"),
        (
            {"minutes_awake": -1},
            "Time awake in the night must be between 0 and 20 hours.",
            "minutes_awake",
        ),
        (
            {"minutes_awake": 20 * 60 + 1},
            "Time awake in the night must be between 0 and 20 hours.",
            "minutes_awake",
        ),
    ],
)
def test_durations_out_of_range(changes: dict[str, int], message: str, field: str) -> None:
    error = rejection(night(**changes))
    assert error.message == message
    assert error.field == field


@pytest.mark.parametrize(
    ("changes", "message", "field"),
    [
        pytest.param(
            {"into_bed": time(23, 0), "tried_to_sleep": time(22, 45)},
            "The time you began trying to sleep (22:45) comes before the time you got into "
            "bed (23:00).",
            "tried_to_sleep",
            id="tried-before-into-bed",
        ),
        pytest.param(
            {"into_bed": time(22, 0), "tried_to_sleep": time(7, 0)},
            "The time you woke for the last time (06:30) comes before the time you began "
            "trying to sleep (07:00).",
            "final_awakening",
            id="final-awakening-before-tried",
        ),
        pytest.param(
            {"out_of_bed": time(6, 15)},
            "The time you got out of bed (06:15) comes before the time you woke for the last "
            "time (06:30).",
            "out_of_bed",
            id="out-of-bed-before-final-awakening",
        ),
    ],
)
def test_reversed_times_name_the_pair(changes: dict[str, time], message: str, field: str) -> None:
    error = rejection(night(**changes))
    assert message in error.message
    assert error.message.endswith("Check both times.")
    assert error.field == field


def test_more_than_twenty_hours_in_bed_is_read_as_a_reversed_step() -> None:
    # 08:00 -> 05:30 next day is 21.5 h in bed: the longest step is taken as the mistake.
    record = night(
        into_bed=time(8, 0),
        tried_to_sleep=time(8, 0),
        final_awakening=time(5, 0),
        out_of_bed=time(5, 30),
        minutes_to_fall_asleep=0,
        awakenings=0,
        minutes_awake=0,
    )
    error = rejection(record)
    assert "woke for the last time (05:00) comes before" in error.message
    assert error.field == "final_awakening"


def test_twenty_hours_in_bed_is_still_allowed() -> None:
    record = night(
        into_bed=time(8, 0),
        tried_to_sleep=time(8, 0),
        final_awakening=time(3, 30),
        out_of_bed=time(4, 0),
        minutes_to_fall_asleep=0,
        awakenings=0,
        minutes_awake=0,
    )
    assert measure_sleep(record, TODAY).time_in_bed_minutes == 20 * 60


def test_all_clock_times_equal_is_rejected() -> None:
    same = time(23, 0)
    record = night(
        into_bed=same,
        tried_to_sleep=same,
        final_awakening=same,
        out_of_bed=same,
        minutes_to_fall_asleep=0,
        awakenings=0,
        minutes_awake=0,
    )
    error = rejection(record)
    assert error.message == "Getting into bed and getting out of bed can't be the same time."
    assert error.field == "out_of_bed"


def test_time_awake_without_awakenings() -> None:
    error = rejection(night(awakenings=0, minutes_awake=20))
    assert "You noted 20 minutes awake in the night but no awakenings." in error.message
    assert error.field == "awakenings"


def test_falling_asleep_plus_awake_longer_than_the_night() -> None:
    record = night(
        into_bed=time(23, 0),
        tried_to_sleep=time(23, 0),
        minutes_to_fall_asleep=240,
        awakenings=2,
        minutes_awake=300,
        final_awakening=time(6, 0),
        out_of_bed=time(6, 30),
    )
    error = rejection(record)
    assert error.message == (
        "Time to fall asleep (4 h 00 min) plus time awake in the night (5 h 00 min) is longer "
        "than the 7 h 00 min between trying to sleep (23:00) and your final awakening (06:00)."
    )
    assert error.field == "minutes_awake"


def test_one_minute_too_many_awake_is_rejected() -> None:
    error = rejection(night(minutes_to_fall_asleep=200, minutes_awake=251))
    assert "is longer than the 7 h 30 min" in error.message


# -- labels -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("minutes", "shown"),
    [(0, "0 min"), (45, "45 min"), (60, "1 h 00 min"), (425, "7 h 05 min"), (59.6, "1 h 00 min")],
)
def test_format_duration(minutes: float, shown: str) -> None:
    assert format_duration(minutes) == shown


def test_quality_labels() -> None:
    assert [q.label for q in SleepQuality] == ["Very poor", "Poor", "Fair", "Good", "Very good"]
