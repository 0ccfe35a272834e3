"""A demo night's sleep that follows mood: worse days get shorter, later, broken nights.

Clock points are counted in minutes from the midnight the night crosses (negative for
the evening before), built in order and rounded to five minutes like a person writes them,
so every record passes :func:`moodlog.domain.sleep.measure_sleep`.
"""

import math
from datetime import date, time
from random import Random

from moodlog.domain.sleep import SleepMode, SleepQuality, SleepRecord

_COMMENTS = (
    "Neighbours were loud.",
    "Bad dreams.",
    "Too hot to sleep.",
    "Woke with a headache.",
    "Fell asleep on the sofa first.",
    "Mind racing about work.",
)


def demo_sleep_record(
    night_of: date, mood: float, is_weekend: bool, minimal_chance: float, rng: Random
) -> SleepRecord:
    """The night before ``night_of`` for a day whose latent mood is ``mood`` (0-10).

    Caps keep even the worst night under the domain's limits: at most 40 min before
    trying to sleep, 150 to fall asleep, 240 awake, 10 h asleep and 80 min lying in bed
    after waking come to 18.5 h in bed, below the 20 h ceiling.

    ``is_weekend`` is whether the morning is a Saturday or Sunday (later, longer nights);
    ``minimal_chance`` is how likely the person logged only hours and quality.
    """
    low = max(0.0, 5.0 - mood)  # how far below neutral: drives every sleep problem
    into_bed = -60 + (40 if is_weekend else 0) + low * 12 + rng.gauss(0, 25)
    into_bed = min(240.0, max(-240.0, into_bed))
    tried = into_bed + (0 if rng.random() < 0.4 else rng.randint(5, 40))
    to_fall_asleep = min(150, max(2, round(rng.lognormvariate(math.log(12 + low * 6), 0.45))))
    awakenings = min(8, _poisson(0.7 + low * 0.45, rng))
    awake = min(240, sum(rng.randint(3, 10 + round(low * 6)) for _ in range(awakenings)))
    sleep_hours = 7.2 + 0.25 * (mood - 5) + (0.35 if is_weekend else 0) + rng.gauss(0, 0.55)
    sleep_minutes = 60 * min(10.0, max(3.0, sleep_hours))
    final = tried + to_fall_asleep + awake + sleep_minutes
    out = final + rng.randint(3, 20) + round(low * rng.uniform(3, 12))
    points = [_five(t) for t in (into_bed, tried, final, out)]
    total_sleep = points[2] - points[1] - to_fall_asleep - awake
    quality = _quality(total_sleep / 60, mood, awake, rng)
    naps, nap_minutes = _naps(low, rng)
    comment = rng.choice(_COMMENTS) if rng.random() < 0.04 else ""
    if rng.random() < minimal_chance:
        return SleepRecord(
            night_of=night_of,
            mode=SleepMode.MINIMAL,
            quality=quality if rng.random() < 0.85 else None,
            hours_slept=round(total_sleep / 30) / 2,
            naps=naps,
            nap_minutes=nap_minutes,
            comment=comment,
        )
    return SleepRecord(
        night_of=night_of,
        mode=SleepMode.FULL,
        quality=quality,
        into_bed=_clock(points[0]),
        tried_to_sleep=_clock(points[1]),
        minutes_to_fall_asleep=to_fall_asleep,
        awakenings=awakenings,
        minutes_awake=awake,
        final_awakening=_clock(points[2]),
        out_of_bed=_clock(points[3]),
        naps=naps,
        nap_minutes=nap_minutes,
        comment=comment,
    )


def _five(minutes: float) -> int:
    """Rounded to five minutes; rounding never reorders the clock points."""
    return 5 * round(minutes / 5)


def _clock(minutes: int) -> time:
    hours, rest = divmod(minutes % (24 * 60), 60)
    return time(hours, rest)


def _quality(sleep_hours: float, mood: float, awake: int, rng: Random) -> SleepQuality:
    score = 3 + (sleep_hours - 6.5) * 0.55 + (mood - 5) * 0.2 - awake / 90 + rng.gauss(0, 0.6)
    return SleepQuality(min(5, max(1, round(score))))


def _naps(low: float, rng: Random) -> tuple[int, int]:
    if rng.random() >= 0.07 + low * 0.04:
        return 0, 0
    naps = 2 if rng.random() < 0.15 else 1
    return naps, sum(5 * rng.randint(3, 18) for _ in range(naps))


def _poisson(mean: float, rng: Random) -> int:
    """Knuth's method; fine for the small means used here."""
    limit = math.exp(-mean)
    count, product = 0, rng.random()
    while product > limit:
        count += 1
        product *= rng.random()
    return count
