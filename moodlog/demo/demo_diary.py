"""The demo diary: years of realistic, seeded days for trying moodlog out.

Pure: it yields :class:`DayEntry` objects and never touches storage. The app saves them
with ``store.save_days(generate_demo_days(...), now)``. A day with several check-ins comes
as several entries (each a new check-in); every entry of a day carries the same sleep,
side-effect ratings and tracker values, because ``save_day`` treats a missing night as
"cleared".
"""

from collections.abc import Callable, Iterator, Sequence
from datetime import date, datetime, time, timedelta
from random import Random

from moodlog.demo.demo_notes import demo_note
from moodlog.demo.demo_sleep import demo_sleep_record
from moodlog.demo.mood_course import CourseDay, Stretch, mood_course
from moodlog.domain.check_in import CheckIn
from moodlog.domain.day_entry import DayEntry
from moodlog.domain.side_effects import Severity, SideEffect
from moodlog.domain.sleep import SleepMode, SleepRecord, measure_sleep
from moodlog.domain.trackers import Tracker

# The side effects the demo person rates, in order of preference among the tracked ones.
_DEMO_SIDE_EFFECTS = ("Dry mouth", "Drowsiness", "Headache", "Emotional blunting", "Nausea")
_MAX_SIDE_EFFECTS = 4
_SLEEP_LOGGED = 0.9
_SIDE_EFFECTS_RATED = 0.55
_TRACKERS_FILLED = 0.8
_NOTE_CHANCE = 0.12
# Mood is often worse in the morning.
_SLOT_SHIFT = {"morning": -0.3, "afternoon": 0.0, "evening": 0.2}


def generate_demo_days(
    today: date,
    years: float,
    seed: int,
    side_effects: Sequence[SideEffect],
    trackers: Sequence[Tracker],
    mood_shift: Callable[[date], float] | None = None,
) -> Iterator[DayEntry]:
    """Entries for ``years`` years ending ``today``, oldest first; the same for the same
    arguments. ``side_effects`` and ``trackers`` are the diary's lists (their ids are
    used); a few tracked side effects and the built-in trackers get values.

    ``mood_shift`` adds treatment's effect to the hidden mood of each day (e.g.
    ``demo_treatment_history(...).mood_response.shift``); without it, mood follows its
    stretches alone. The logged days are the same with or without it.

    Today holds only last night's sleep, so its check-in is left for the person to try.
    """
    if years <= 0:
        raise ValueError(f"years must be positive (got {years}).")
    rng = Random(seed)
    days = max(1, round(years * 365.25))
    course = mood_course(today - timedelta(days=days - 1), days, rng, mood_shift)
    effects = _SideEffectCourse(_rated_side_effects(side_effects), days, rng)
    builtin = {t.name: t for t in trackers if t.is_builtin}
    for index, course_day in enumerate(course):
        if course_day.is_logged:
            yield from _day_entries(course_day, index, effects, builtin, today, rng)


def _day_entries(
    course_day: CourseDay,
    index: int,
    effects: "_SideEffectCourse",
    trackers: dict[str, Tracker],
    today: date,
    rng: Random,
) -> list[DayEntry]:
    day = course_day.day
    sleep = None
    if day == today or rng.random() < _SLEEP_LOGGED:
        minimal_chance = 0.3 if course_day.stretch is Stretch.LOW else 0.1
        is_weekend = day.weekday() >= 5
        sleep = demo_sleep_record(day, course_day.mood, is_weekend, minimal_chance, rng)
    if day == today:
        return [DayEntry(day, sleep=sleep)]
    sleep_hours = _sleep_hours(sleep)
    ratings = effects.ratings(index, rng) if rng.random() < _SIDE_EFFECTS_RATED else {}
    values = (
        _tracker_values(trackers, course_day, sleep_hours, rng)
        if rng.random() < _TRACKERS_FILLED
        else {}
    )
    check_ins = _check_ins(course_day, sleep, sleep_hours, rng)
    if effects.is_change_day(index):
        check_ins[0] = CheckIn(
            check_ins[0].recorded_at,
            check_ins[0].ratings,
            "Started the new dose today.",
            for_clinician=False,
        )
    return [DayEntry(day, c, sleep, ratings, values) for c in check_ins]


def _sleep_hours(sleep: SleepRecord | None) -> float | None:
    if sleep is None:
        return None
    if sleep.mode is SleepMode.MINIMAL:
        return sleep.hours_slept
    total = measure_sleep(sleep, sleep.night_of).total_sleep_minutes
    return None if total is None else total / 60


def _check_ins(
    course_day: CourseDay, sleep: SleepRecord | None, sleep_hours: float | None, rng: Random
) -> list[CheckIn]:
    """One to three check-ins (mostly one); the first of the day rates every scale."""
    roll = rng.random()
    if roll < 0.75:
        slots = ["morning" if rng.random() < 0.65 else "evening"]
    elif roll < 0.95:
        slots = ["morning", "evening"]
    else:
        slots = ["morning", "afternoon", "evening"]
    check_ins = []
    for number, slot in enumerate(slots):
        at = datetime.combine(course_day.day, _slot_time(slot, sleep, rng))
        ratings = _ratings(course_day.mood, slot, number == 0, sleep_hours, rng)
        note, for_clinician = ("", False)
        if rng.random() < _NOTE_CHANCE:
            note, for_clinician = demo_note(course_day.stretch, rng)
        check_ins.append(CheckIn(at, ratings, note, for_clinician))
    return check_ins


def _slot_time(slot: str, sleep: SleepRecord | None, rng: Random) -> time:
    if slot == "afternoon":
        minutes = rng.randint(13 * 60, 17 * 60 + 30)
    elif slot == "evening":
        minutes = rng.randint(19 * 60 + 30, 22 * 60 + 45)
    else:
        minutes = rng.randint(7 * 60 + 30, 10 * 60 + 30)
        up = sleep.out_of_bed if sleep is not None else None
        if up is not None and time(4) <= up <= time(12, 30):
            minutes = up.hour * 60 + up.minute + rng.randint(10, 80)
    return time(minutes // 60, minutes % 60)


def _ratings(
    mood: float, slot: str, is_full: bool, sleep_hours: float | None, rng: Random
) -> dict[str, int]:
    """Ratings that move with mood: anxiety and hopelessness against it, the rest with it;
    energy and concentration also follow last night's sleep."""
    moment = mood + _SLOT_SHIFT[slot] + rng.gauss(0, 0.6)
    lift = moment - 5
    rested = 0.0 if sleep_hours is None else (sleep_hours - 7) * 0.4
    ratings = {"mood": _scale(moment), "anxiety": _scale(5 - 0.6 * lift + rng.gauss(0, 1.2))}
    if is_full or rng.random() < 0.4:
        ratings["energy"] = _scale(4.6 + 0.8 * lift + rested + rng.gauss(0, 1.1))
    if is_full:
        ratings["interest"] = _scale(4.5 + 0.9 * lift + rng.gauss(0, 1.0))
        ratings["concentration"] = _scale(4.7 + 0.7 * lift + rested + rng.gauss(0, 1.1))
        ratings["hopelessness"] = _scale(3.8 - 0.9 * lift + rng.gauss(0, 1.0))
        if rng.random() < 0.3:
            ratings["irritability"] = _scale(3.5 - 0.5 * lift + rng.gauss(0, 1.5))
    return ratings


def _scale(value: float) -> int:
    return min(10, max(0, round(value)))


def _rated_side_effects(side_effects: Sequence[SideEffect]) -> list[SideEffect]:
    tracked = [e for e in side_effects if e.is_tracked]
    preferred = [e for name in _DEMO_SIDE_EFFECTS for e in tracked if e.name == name]
    others = [e for e in tracked if e not in preferred]
    return (preferred + others)[:_MAX_SIDE_EFFECTS]


class _SideEffectCourse:
    """Each rated side effect has its own usual level; after a medication change (every
    three to seven months) they all flare, then settle over a few weeks."""

    def __init__(self, effects: list[SideEffect], days: int, rng: Random) -> None:
        self._effects = effects
        self._usual = [rng.uniform(0.0, 1.1) for _ in effects]
        self._changes: list[int] = []
        change = rng.randint(20, 120)
        while change < days:
            self._changes.append(change)
            change += rng.randint(90, 210)

    def is_change_day(self, index: int) -> bool:
        return index in self._changes

    def ratings(self, index: int, rng: Random) -> dict[int, Severity | None]:
        since = [index - change for change in self._changes if change <= index]
        flare = 1.4 * 0.5 ** (since[-1] / 20) if since else 0.0
        ratings: dict[int, Severity | None] = {}
        for effect, usual in zip(self._effects, self._usual, strict=True):
            if rng.random() < 0.9:
                level = round(usual + flare + rng.gauss(0, 0.5))
                ratings[effect.id] = Severity(min(3, max(0, level)))
        return ratings


def _tracker_values(
    trackers: dict[str, Tracker], course_day: CourseDay, sleep_hours: float | None, rng: Random
) -> dict[int, float | None]:
    """The built-in lifestyle trackers: more exercise and company on better days, drinks
    mostly at weekends, more coffee after a short night."""
    lift = course_day.mood - 5
    weekend = course_day.day.weekday() >= 5
    exercise_chance = min(0.7, max(0.05, 0.3 + 0.06 * lift + (0.1 if weekend else 0)))
    drink_chance = 0.35 if weekend else 0.1
    short_night = 0.0 if sleep_hours is None else max(0.0, 7 - sleep_hours)
    values = {
        "Exercise": 5 * rng.randint(2, 15) if rng.random() < exercise_chance else 0,
        "Alcohol": rng.choice((1, 1, 2, 2, 3, 4)) if rng.random() < drink_chance else 0,
        "Caffeine": _scale(rng.gauss(2.2 + 0.5 * short_night, 0.8)),
        "Social contact": _scale(rng.gauss(4 + 0.6 * lift + (1.2 if weekend else 0), 1.5)),
    }
    return {
        trackers[name].id: float(value)
        for name, value in values.items()
        if name in trackers and rng.random() < 0.95
    }
