"""The hidden course of mood behind the demo diary: slow stretches, rhythm, season, noise.

Depression rarely moves day by day alone. The course switches between three kinds of
stretch that last weeks (a depressive dip, the usual, a better spell); the level drifts
towards the current stretch's level over about two weeks. On top sit a weekly rhythm, a
winter low, and AR(1) day-to-day noise; an optional ``shift`` adds how treatment moved
mood on each day (see ``demo_treatments.MoodResponse``). Whether a day is logged depends on
the stretch and on whether the day before was missed, so gaps cluster in the bad stretches.
"""

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum
from random import Random


class Stretch(Enum):
    LOW = "low"
    USUAL = "usual"
    BETTER = "better"


@dataclass(frozen=True, slots=True)
class CourseDay:
    """One day of the course: the latent mood (0-10, unrounded) and whether it is logged."""

    day: date
    mood: float
    stretch: Stretch
    is_logged: bool


_LEVEL = {Stretch.LOW: 2.5, Stretch.USUAL: 4.7, Stretch.BETTER: 6.7}
_LENGTH_DAYS = {Stretch.LOW: (21, 70), Stretch.USUAL: (28, 100), Stretch.BETTER: (21, 60)}
# A treatment lifting mood by at least this much holds off the dips (the demo's story: things
# turned with TMS).
_TREATED = 0.5
_DRIFT = 0.08  # share of the gap to the stretch's level closed each day (~2 weeks)
_NOISE_AR = 0.6
_NOISE_SD = 0.8
_MISS_AFTER_LOGGED = {Stretch.LOW: 0.2, Stretch.USUAL: 0.06, Stretch.BETTER: 0.035}
_MISS_AFTER_MISSED = 0.5
# Monday lowest, the weekend a little better.
_WEEKDAY_SHIFT = (-0.25, -0.05, 0.0, 0.0, 0.15, 0.35, 0.3)
_WINTER_DIP = 0.35


def mood_course(
    first: date, days: int, rng: Random, shift: Callable[[date], float] | None = None
) -> list[CourseDay]:
    """The course for ``days`` days from ``first``; the last day is always logged.

    ``shift`` (a day's mood change from treatment, added to the latent mood) draws nothing
    from ``rng``, so the same seed gives the same stretches, noise and logged days with or
    without it."""
    stretches = _stretch_sequence(days, rng)
    level = _LEVEL[stretches[0]]
    noise = 0.0
    missed = False
    course: list[CourseDay] = []
    for index, stretch in enumerate(stretches):
        day = first + timedelta(days=index)
        lift = 0.0 if shift is None else shift(day)
        target = _LEVEL[stretch]
        if lift >= _TREATED and stretch is Stretch.LOW:
            target = _LEVEL[Stretch.USUAL]  # while a treatment works, no deep dip begins
        level += (target - level) * _DRIFT
        noise = _NOISE_AR * noise + rng.gauss(0, _NOISE_SD)
        mood = level + noise + _WEEKDAY_SHIFT[day.weekday()] + _season_shift(day) + lift
        miss_chance = _MISS_AFTER_MISSED if missed else _MISS_AFTER_LOGGED[stretch]
        missed = rng.random() < miss_chance and index < days - 1
        course.append(CourseDay(day, min(10.0, max(0.0, mood)), stretch, not missed))
    return course


def _stretch_sequence(days: int, rng: Random) -> list[Stretch]:
    """One stretch per day. After a usual stretch comes, mostly, the kind of excursion
    (dip or better spell) not seen last, so every few months hold both."""
    sequence: list[Stretch] = []
    stretch = Stretch.USUAL
    last_excursion = rng.choice((Stretch.LOW, Stretch.BETTER))
    while len(sequence) < days:
        shortest, longest = _LENGTH_DAYS[stretch]
        sequence.extend([stretch] * rng.randint(shortest, longest))
        if stretch is Stretch.USUAL:
            other = Stretch.BETTER if last_excursion is Stretch.LOW else Stretch.LOW
            stretch = other if rng.random() < 0.8 else last_excursion
            last_excursion = stretch
        elif rng.random() < 0.8:
            stretch = Stretch.USUAL
        else:
            stretch = Stretch.BETTER if stretch is Stretch.LOW else Stretch.LOW
            last_excursion = stretch
    return sequence[:days]


def _season_shift(day: date) -> float:
    """A little lower in mid-winter (northern hemisphere), a little higher in summer."""
    angle = 2 * math.pi * (day.timetuple().tm_yday - 20) / 365.25
    return -_WINTER_DIP * math.cos(angle)
