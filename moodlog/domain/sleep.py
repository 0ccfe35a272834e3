"""Last night's sleep: a quick record or the Consensus Sleep Diary core items, and the
measures derived from them (time in bed, total sleep time, sleep efficiency)."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import Enum, IntEnum

from moodlog.domain.clock_text import time_text
from moodlog.domain.errors import InvalidEntry
from moodlog.domain.translation import QT_TRANSLATE_NOOP, translate

# Stated wherever the measures are shown, because published definitions differ
# (clinical-reference.md section 8): we use time in bed as the efficiency denominator and
# count only the awakenings before the final one as time awake (WASO). In English here;
# :func:`sleep_definitions` gives the person's language.
SLEEP_DEFINITIONS = QT_TRANSLATE_NOOP(
    "Sleep",
    "Time in bed: from getting into bed to getting out of bed. "
    "Total sleep time: from starting to try to sleep until the final awakening, minus the "
    "time it took to fall asleep and the time awake during the night (not counting the "
    "final awakening). Sleep efficiency: total sleep time ÷ time in bed × 100%.",
)


def sleep_definitions() -> str:
    """:data:`SLEEP_DEFINITIONS` in the person's language."""
    return translate("Sleep", SLEEP_DEFINITIONS)


MAX_TIME_IN_BED = timedelta(hours=20)
MAX_MINUTES_TO_FALL_ASLEEP = 12 * 60
MAX_MINUTES_AWAKE = 20 * 60
MAX_AWAKENINGS = 60
MAX_NAPS = 20


class SleepMode(Enum):
    MINIMAL = "minimal"
    FULL = "full"


class SleepQuality(IntEnum):
    """The Consensus Sleep Diary's five-point quality rating."""

    VERY_POOR = 1
    POOR = 2
    FAIR = 3
    GOOD = 4
    VERY_GOOD = 5

    @property
    def label(self) -> str:
        return {
            #: How well someone slept (1 of 5)
            SleepQuality.VERY_POOR: translate("Sleep", "Very poor"),
            #: How well someone slept (2 of 5)
            SleepQuality.POOR: translate("Sleep", "Poor"),
            #: How well someone slept (3 of 5)
            SleepQuality.FAIR: translate("Sleep", "Fair"),
            #: How well someone slept (4 of 5)
            SleepQuality.GOOD: translate("Sleep", "Good"),
            #: How well someone slept (5 of 5)
            SleepQuality.VERY_GOOD: translate("Sleep", "Very good"),
        }[self]


@dataclass(frozen=True, slots=True)
class SleepRecord:
    """The night before ``night_of`` (the date a person woke up on).

    Minimal mode holds ``hours_slept``; full mode holds the diary's clock times and
    durations. Quality, naps and a comment belong to both.
    """

    night_of: date
    mode: SleepMode
    quality: SleepQuality | None = None
    hours_slept: float | None = None
    into_bed: time | None = None
    tried_to_sleep: time | None = None
    minutes_to_fall_asleep: int = 0
    awakenings: int = 0
    minutes_awake: int = 0
    final_awakening: time | None = None
    out_of_bed: time | None = None
    naps: int = 0
    nap_minutes: int = 0
    comment: str = ""


@dataclass(frozen=True, slots=True)
class SleepMeasures:
    """Derived measures in minutes (efficiency in per cent). ``None`` where the record's
    mode does not allow the measure (a minimal record has no time in bed)."""

    total_sleep_minutes: float | None
    time_in_bed_minutes: float | None = None
    efficiency_percent: float | None = None
    minutes_to_fall_asleep: int | None = None
    minutes_awake: int | None = None
    terminal_wake_minutes: float | None = None


# The diary's four clock times in night order: (field, what the person did, in English).
# The messages below say the same in whole sentences, so that they can be translated.
CLOCK_FIELDS: tuple[tuple[str, str], ...] = (
    ("into_bed", "got into bed"),
    ("tried_to_sleep", "began trying to sleep"),
    ("final_awakening", "woke for the last time"),
    ("out_of_bed", "got out of bed"),
)


def _missing_time(name: str) -> str:
    return {
        "into_bed": translate("Sleep", "Enter the time you got into bed."),
        "tried_to_sleep": translate("Sleep", "Enter the time you began trying to sleep."),
        "final_awakening": translate("Sleep", "Enter the time you woke for the last time."),
        "out_of_bed": translate("Sleep", "Enter the time you got out of bed."),
    }[name]


def _out_of_order(later: str, later_time: time, earlier_time: time) -> str:
    """The time of ``later`` (a CLOCK_FIELDS name) comes before the one of the step before."""
    messages = {
        "tried_to_sleep": translate(
            "Sleep",
            "The time you began trying to sleep ({later}) comes before the time you got into "
            "bed ({earlier}). Check both times.",
        ),
        "final_awakening": translate(
            "Sleep",
            "The time you woke for the last time ({later}) comes before the time you began "
            "trying to sleep ({earlier}). Check both times.",
        ),
        "out_of_bed": translate(
            "Sleep",
            "The time you got out of bed ({later}) comes before the time you woke for the last "
            "time ({earlier}). Check both times.",
        ),
    }
    return messages[later].format(later=time_text(later_time), earlier=time_text(earlier_time))


def _forward_gap(start: time, end: time) -> timedelta:
    """Clock time from ``start`` forward to ``end``, crossing midnight if need be."""
    day = date(2000, 1, 1)
    gap = datetime.combine(day, end) - datetime.combine(day, start)
    return gap if gap >= timedelta(0) else gap + timedelta(days=1)


def _hm(value: timedelta | float) -> str:
    minutes = round(value.total_seconds() / 60 if isinstance(value, timedelta) else value)
    hours, rest = divmod(minutes, 60)
    if hours:
        #: A duration, e.g. "7 h 05 min"
        return translate("Sleep", "{hours} h {minutes} min").format(
            hours=hours, minutes=f"{rest:02d}"
        )
    #: A duration under an hour, e.g. "45 min"
    return translate("Sleep", "{minutes} min").format(minutes=rest)


def _check_range(value: float, low: float, high: float, message: str, field: str) -> None:
    if not low <= value <= high:
        raise InvalidEntry(message, field)


def measure_sleep(record: SleepRecord, today: date) -> SleepMeasures:
    """Validate a record and derive its measures; raise :class:`InvalidEntry` if the night
    is impossible, with a reason a tired person can act on."""
    if record.night_of > today:
        raise InvalidEntry(
            translate("Sleep", "Sleep can only be recorded for last night or earlier."), "night_of"
        )
    _check_range(
        record.naps,
        0,
        MAX_NAPS,
        translate("Sleep", "Naps must be between 0 and {maximum}.").format(maximum=MAX_NAPS),
        "naps",
    )
    _check_range(
        record.nap_minutes,
        0,
        24 * 60,
        translate("Sleep", "Nap time must be between 0 and 24 hours."),
        "nap_minutes",
    )
    if record.nap_minutes and not record.naps:
        raise InvalidEntry(
            translate("Sleep", "You entered nap time but no naps. Enter how many naps you took."),
            "naps",
        )
    if record.mode is SleepMode.MINIMAL:
        if record.hours_slept is None:
            if record.quality is None:
                raise InvalidEntry(
                    translate("Sleep", "Enter the hours you slept or how well you slept."),
                    "hours_slept",
                )
            return SleepMeasures(total_sleep_minutes=None)
        _check_range(
            record.hours_slept,
            0,
            24,
            translate("Sleep", "Hours slept must be between 0 and 24."),
            "hours_slept",
        )
        return SleepMeasures(total_sleep_minutes=record.hours_slept * 60)
    return _measure_full(record)


def _measure_full(record: SleepRecord) -> SleepMeasures:
    times = (record.into_bed, record.tried_to_sleep, record.final_awakening, record.out_of_bed)
    names = [name for name, _label in CLOCK_FIELDS]
    for value, name in zip(times, names, strict=True):
        if value is None:
            raise InvalidEntry(_missing_time(name), name)
    into_bed, tried, final, out = (t for t in times if t is not None)
    _check_range(
        record.minutes_to_fall_asleep,
        0,
        MAX_MINUTES_TO_FALL_ASLEEP,
        translate("Sleep", "Time to fall asleep must be between 0 and 12 hours."),
        "minutes_to_fall_asleep",
    )
    _check_range(
        record.awakenings,
        0,
        MAX_AWAKENINGS,
        translate("Sleep", "Awakenings must be between 0 and {maximum}.").format(
            maximum=MAX_AWAKENINGS
        ),
        "awakenings",
    )
    _check_range(
        record.minutes_awake,
        0,
        MAX_MINUTES_AWAKE,
        translate("Sleep", "Time awake in the night must be between 0 and 20 hours."),
        "minutes_awake",
    )
    gaps = (_forward_gap(into_bed, tried), _forward_gap(tried, final), _forward_gap(final, out))
    in_bed = sum(gaps, timedelta(0))
    if in_bed == timedelta(0):
        raise InvalidEntry(
            translate("Sleep", "Getting into bed and getting out of bed can't be the same time."),
            "out_of_bed",
        )
    if in_bed > MAX_TIME_IN_BED:
        # One step runs backwards (its forward gap wrapped round the clock): name it.
        worst = max(range(3), key=lambda i: gaps[i])
        earlier_time, later_time = times[worst], times[worst + 1]
        assert earlier_time is not None
        assert later_time is not None
        raise InvalidEntry(
            _out_of_order(names[worst + 1], later_time, earlier_time), names[worst + 1]
        )
    if record.minutes_awake and not record.awakenings:
        raise InvalidEntry(
            translate(
                "Sleep",
                "You noted {minutes} minutes awake in the night but no awakenings. "
                "Enter how many times you woke, or set the minutes awake to 0.",
            ).format(minutes=record.minutes_awake),
            "awakenings",
        )
    asleep_window = gaps[1].total_seconds() / 60
    not_sleeping = record.minutes_to_fall_asleep + record.minutes_awake
    if not_sleeping > asleep_window:
        raise InvalidEntry(
            translate(
                "Sleep",
                "Time to fall asleep ({to_fall_asleep}) plus time awake in the night ({awake}) "
                "is longer than the {window} between trying to sleep ({tried}) and your final "
                "awakening ({final}).",
            ).format(
                to_fall_asleep=_hm(record.minutes_to_fall_asleep),
                awake=_hm(record.minutes_awake),
                window=_hm(gaps[1]),
                tried=time_text(tried),
                final=time_text(final),
            ),
            "minutes_awake",
        )
    total_sleep = asleep_window - not_sleeping
    time_in_bed = in_bed.total_seconds() / 60
    return SleepMeasures(
        total_sleep_minutes=total_sleep,
        time_in_bed_minutes=time_in_bed,
        efficiency_percent=100 * total_sleep / time_in_bed,
        minutes_to_fall_asleep=record.minutes_to_fall_asleep,
        minutes_awake=record.minutes_awake,
        terminal_wake_minutes=gaps[2].total_seconds() / 60,
    )


def format_duration(minutes: float) -> str:
    """'7 h 05 min' or '45 min'."""
    return _hm(minutes)
