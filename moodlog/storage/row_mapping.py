"""Conversion between domain objects and the diary's table rows."""

from datetime import date, datetime, time
from typing import Any

from moodlog.domain.check_in import CheckIn
from moodlog.domain.scales import SCALE_KEYS
from moodlog.domain.side_effects import SideEffect
from moodlog.domain.sleep import SleepMode, SleepQuality, SleepRecord
from moodlog.domain.trackers import Tracker, TrackerKind

Row = dict[str, Any]


def check_in_to_row(check_in: CheckIn) -> Row:
    row: Row = {key: check_in.ratings.get(key) for key in SCALE_KEYS}
    row.update(
        day=check_in.day.isoformat(),
        recorded_at=check_in.recorded_at.isoformat(timespec="seconds"),
        note=check_in.note,
        for_clinician=int(check_in.for_clinician),
    )
    return row


def check_in_from_row(row: Row) -> CheckIn:
    return CheckIn(
        id=row["id"],
        recorded_at=datetime.fromisoformat(row["recorded_at"]),
        ratings={key: row[key] for key in SCALE_KEYS if row[key] is not None},
        note=row["note"],
        for_clinician=bool(row["for_clinician"]),
    )


def _clock(value: time | None) -> str | None:
    return None if value is None else value.strftime("%H:%M")


def _parse_clock(value: str | None) -> time | None:
    return None if value is None else time.fromisoformat(value)


def sleep_to_row(record: SleepRecord) -> Row:
    return {
        "night_of": record.night_of.isoformat(),
        "mode": record.mode.value,
        "quality": None if record.quality is None else int(record.quality),
        "hours_slept": record.hours_slept,
        "into_bed": _clock(record.into_bed),
        "tried_to_sleep": _clock(record.tried_to_sleep),
        "minutes_to_fall_asleep": record.minutes_to_fall_asleep,
        "awakenings": record.awakenings,
        "minutes_awake": record.minutes_awake,
        "final_awakening": _clock(record.final_awakening),
        "out_of_bed": _clock(record.out_of_bed),
        "naps": record.naps,
        "nap_minutes": record.nap_minutes,
        "comment": record.comment,
    }


def sleep_from_row(row: Row) -> SleepRecord:
    return SleepRecord(
        night_of=date.fromisoformat(row["night_of"]),
        mode=SleepMode(row["mode"]),
        quality=None if row["quality"] is None else SleepQuality(row["quality"]),
        hours_slept=row["hours_slept"],
        into_bed=_parse_clock(row["into_bed"]),
        tried_to_sleep=_parse_clock(row["tried_to_sleep"]),
        minutes_to_fall_asleep=row["minutes_to_fall_asleep"],
        awakenings=row["awakenings"],
        minutes_awake=row["minutes_awake"],
        final_awakening=_parse_clock(row["final_awakening"]),
        out_of_bed=_parse_clock(row["out_of_bed"]),
        naps=row["naps"],
        nap_minutes=row["nap_minutes"],
        comment=row["comment"],
    )


def side_effect_from_row(row: Row) -> SideEffect:
    return SideEffect(
        id=row["id"],
        name=row["name"],
        is_builtin=bool(row["is_builtin"]),
        is_tracked=bool(row["is_tracked"]),
        suspected_medication_id=row["suspected_medication_id"],
        suspected_course_id=row["suspected_course_id"],
    )


def tracker_from_row(row: Row) -> Tracker:
    return Tracker(
        id=row["id"],
        name=row["name"],
        kind=TrackerKind(row["kind"]),
        unit=row["unit"],
        is_builtin=bool(row["is_builtin"]),
        is_visible=bool(row["is_visible"]),
    )
