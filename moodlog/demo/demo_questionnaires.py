"""The demo diary's questionnaires: a PHQ-9 about every two weeks (sometimes missed), most
with a GAD-7, a PHQ-9 baseline on the day each treatment course began and one after it
ended, and MADRS totals from the TMS clinic. Totals follow the diary's own mood over the
two weeks each questionnaire asks about, so charts and outcomes agree with the days.

Pure: builds domain objects from the demo days and treatment history.
"""

from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from random import Random
from statistics import fmean

from moodlog.demo.daily_moods import daily_mood_means
from moodlog.domain.day_entry import DayEntry
from moodlog.domain.instruments import Instrument
from moodlog.domain.questionnaire_result import QuestionnaireResult, Source
from moodlog.domain.treatments import CourseKind, TreatmentCourse

INTERVAL_DAYS = 14
SKIP_CHANCE = 0.12  # a fortnightly PHQ-9 forgotten now and then
GAD7_CHANCE = 0.8
# PHQ-9 total from the two weeks' mean mood (0-10): about 14 at a mood of 4.5 (the demo's
# usual stretch), 19 at 2.5 (a dip), 8 at 6.5.
_PHQ_AT_ZERO_MOOD = 26.0
_PHQ_PER_MOOD_POINT = 2.7
# Items 1-8 weighted by how much each usually carries in depression (mood and interest,
# sleep and energy most); item 9 is set apart.
_ITEM_WEIGHTS = (1.4, 1.5, 1.2, 1.3, 0.8, 1.0, 1.0, 0.6)


def demo_questionnaires(
    entries: Sequence[DayEntry], courses: Iterable[TreatmentCourse], today: date, seed: int
) -> list[QuestionnaireResult]:
    rng = Random(f"moodlog demo questionnaires {seed}")
    moods = daily_mood_means(entries)
    if not moods:
        return []
    first = min(moods)
    results: list[QuestionnaireResult] = []
    days = _fortnightly(first + timedelta(days=INTERVAL_DAYS - 1), today, rng)
    clinic_days: list[date] = []
    for course in courses:
        if course.started >= first:
            days.add(course.started)
        if course.ended is not None and course.ended + timedelta(days=4) <= today:
            days.add(course.ended + timedelta(days=rng.randint(0, 4)))
        if course.kind is CourseKind.TMS:
            clinic_days.append(course.started)
            if course.ended is not None:
                clinic_days.append(course.ended)
    for day in sorted(days):
        mood = _two_week_mood(moods, day)
        if mood is None:
            continue
        phq = _clip(round(_PHQ_AT_ZERO_MOOD - _PHQ_PER_MOOD_POINT * mood + rng.gauss(0, 1.5)), 27)
        results.append(
            QuestionnaireResult(
                Instrument.PHQ9,
                day,
                answers=_phq9_answers(phq, rng),
                difficulty=0 if phq < 5 else 1 if phq < 10 else 2 if phq < 20 else 3,
            )
        )
        if rng.random() < GAD7_CHANCE:
            gad = _clip(round(phq * 0.6 + rng.gauss(0, 1.5)), 21)
            results.append(
                QuestionnaireResult(Instrument.GAD7, day, answers=_spread(gad, 7, None, rng))
            )
    for day in clinic_days:
        mood = _two_week_mood(moods, day)
        if mood is None or day > today:
            continue
        madrs = _clip(round((_PHQ_AT_ZERO_MOOD - _PHQ_PER_MOOD_POINT * mood) * 1.5), 60)
        results.append(
            QuestionnaireResult(
                Instrument.MADRS,
                day,
                entered_total=madrs,
                source=Source.CLINICIAN,
                source_note="TMS clinic",
            )
        )
    return sorted(results, key=lambda r: (r.taken_on, r.instrument != Instrument.PHQ9))


def _fortnightly(first: date, today: date, rng: Random) -> set[date]:
    days: set[date] = set()
    day = first
    while day <= today:
        jittered = min(today, day + timedelta(days=rng.randint(-2, 2)))
        if rng.random() >= SKIP_CHANCE:
            days.add(jittered)
        day += timedelta(days=INTERVAL_DAYS)
    return days


def _two_week_mood(moods: dict[date, float], day: date) -> float | None:
    window = [moods[d] for d in (day - timedelta(days=n) for n in range(14)) if d in moods]
    return fmean(window) if len(window) >= 3 else None


def _clip(value: int, top: int) -> int:
    return max(0, min(top, value))


def _phq9_answers(total: int, rng: Random) -> tuple[int | None, ...]:
    item9 = 0
    if total >= 22 and rng.random() < 0.25:
        item9 = 2
    elif total >= 17 and rng.random() < 0.3:
        item9 = 1
    rest = _spread(total - item9, 8, _ITEM_WEIGHTS, rng)
    return (*rest, item9)


def _spread(
    total: int, items: int, weights: Sequence[float] | None, rng: Random
) -> tuple[int | None, ...]:
    """``items`` answers of 0-3 adding up to ``total`` (capped at 3 per item)."""
    answers = [0] * items
    weights = list(weights or [1.0] * items)
    for _ in range(min(total, 3 * items)):
        open_items = [i for i in range(items) if answers[i] < 3]
        chosen = rng.choices(open_items, [weights[i] for i in open_items])[0]
        answers[chosen] += 1
    return tuple(answers)
