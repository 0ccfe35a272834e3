"""What each trend chart shows, in a few plain sentences: for screen readers, and for anyone
who would rather read than look at a chart. One summary per chart panel, in panel order.

Means of a 0–10 scale are over days (each day's mean of its check-ins counts once) and are
written with one decimal. A panel with nothing in the range says so in one sentence.
"""

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import pairwise

from moodlog.domain.adherence import Adherence
from moodlog.domain.day_text import day_text, span_text
from moodlog.domain.insights import treatment_name
from moodlog.domain.instruments import Instrument
from moodlog.domain.medications import Medication, Schedule, format_dose
from moodlog.domain.questionnaire_result import QuestionnaireResult
from moodlog.domain.scales import MOOD, SCALES, SCALES_BY_KEY
from moodlog.domain.side_effects import Severity
from moodlog.domain.sleep import SleepQuality, format_duration
from moodlog.domain.trackers import TrackerKind
from moodlog.domain.treatments import CourseKind, TreatmentCourse, TreatmentSession
from moodlog.domain.trend_data import ROLLING_RULE, TrendData, days_between, each_day

# How many side effects the summary names, most burdensome first.
TOP_SIDE_EFFECTS = 3


@dataclass(frozen=True, slots=True)
class PanelSummary:
    """``key`` names the panel ("mood", a scale key, "sleep", "side_effects", "scores",
    "treatments", "adherence"); ``heading`` is shown above ``text``."""

    key: str
    heading: str
    text: str


def summaries(data: TrendData, start: date, end: date) -> list[PanelSummary]:
    """Every panel's summary in panel order: mood; each other scale rated in the range (in
    the order of SCALES); sleep; side effects; questionnaire scores; treatments; adherence."""
    others = [
        scale_summary(data, scale.key, start, end)
        for scale in SCALES
        if scale is not MOOD and any(start <= day <= end for day in data.ratings.get(scale.key, {}))
    ]
    return [
        mood_summary(data, start, end),
        *others,
        sleep_summary(data, start, end),
        side_effects_summary(data, start, end),
        scores_summary(data, start, end),
        treatments_summary(data, start, end),
        adherence_summary(data, start, end),
    ]


def range_summary(data: TrendData, start: date, end: date) -> str:
    """ "Logged on 23 of 30 days, 1 Mar 2026 – 30 Mar 2026." """
    logged = data.logged_between(start, end)
    span = span_text(start, end)
    if not logged:
        return f"Nothing logged from {day_text(start)} to {day_text(end)}."
    return f"Logged on {logged} of {_count(days_between(start, end), 'day')}, {span}."


# Helpers --------------------------------------------------------------------------------


def _count(n: int, word: str, plural: str = "") -> str:
    return f"{n} {word if n == 1 else plural or word + 's'}"


def _one(value: float) -> str:
    return f"{value:.1f}"


def _mean(values: Iterable[float]) -> float:
    kept = list(values)
    return math.fsum(kept) / len(kept)


def _round_half_up(value: float) -> int:
    return math.floor(value + 0.5)


def _name_list(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


# Mood and the other 0-10 scales --------------------------------------------------------


def mood_summary(data: TrendData, start: date, end: date) -> PanelSummary:
    """Days rated, mean, lowest and highest day, first half against second half, and how
    the 7-day average is drawn."""
    return scale_summary(data, MOOD.key, start, end)


def scale_summary(data: TrendData, key: str, start: date, end: date) -> PanelSummary:
    """The same for any 0-10 scale of a check-in (``key`` from SCALE_KEYS). The 7-day
    average rule is added for mood, the only scale drawn with one."""
    scale = SCALES_BY_KEY[key]
    word = scale.label.lower() if scale is not MOOD else "mood"
    days = {d: r.mean for d, r in data.ratings.get(key, {}).items() if start <= d <= end}
    if not days:
        return PanelSummary(key, scale.label, f"No {word} ratings in this range.")
    total = days_between(start, end)
    low_day = min(days, key=lambda d: (days[d], d))
    high_day = max(days, key=lambda d: (days[d], -d.toordinal()))
    sentences = [
        f"{scale.label} rated on {len(days)} of {_count(total, 'day')} "
        f"(0 = {scale.low}, 10 = {scale.high}).",
        f"Mean {_one(_mean(days.values()))}.",
        f"Lowest {_one(days[low_day])} on {day_text(low_day)}; "
        f"highest {_one(days[high_day])} on {day_text(high_day)}.",
    ]
    if total >= 2:
        sentences.append(_halves(days, start, end))
    if scale is MOOD:
        sentences.append(ROLLING_RULE)
    return PanelSummary(key, scale.label, " ".join(sentences))


def _halves(days: dict[date, float], start: date, end: date) -> str:
    """First half of the range against the second (the first half takes the odd day)."""
    first_end = start + timedelta(days=(days_between(start, end) + 1) // 2 - 1)
    halves = (("First", start, first_end), ("Second", first_end + timedelta(days=1), end))
    parts = []
    for which, first, last in halves:
        values = [v for d, v in days.items() if first <= d <= last]
        label = f"{which} half ({span_text(first, last)})"
        if values:
            parts.append(f"{label}: mean {_one(_mean(values))} ({_count(len(values), 'day')}).")
        else:
            parts.append(f"{label}: no ratings.")
    return " ".join(parts)


# Sleep ------------------------------------------------------------------------------------


def sleep_summary(data: TrendData, start: date, end: date) -> PanelSummary:
    """Nights logged, mean hours slept, mean quality (with its word), mean efficiency."""
    nights = {d: n for d, n in data.sleep.items() if start <= d <= end}
    if not nights:
        return PanelSummary("sleep", "Sleep", "No sleep logged in this range.")
    hours = [n.hours for n in nights.values() if n.hours is not None]
    qualities = [n.quality for n in nights.values() if n.quality is not None]
    efficiencies = [
        n.efficiency_percent for n in nights.values() if n.efficiency_percent is not None
    ]
    sentences = [f"Sleep logged for {len(nights)} of {_count(days_between(start, end), 'night')}."]
    if hours:
        sentences.append(
            f"Time asleep: mean {format_duration(_mean(hours) * 60)} "
            f"({_count(len(hours), 'night')})."
        )
    if qualities:
        mean_quality = _mean(qualities)
        word = SleepQuality(_round_half_up(mean_quality)).label.lower()
        sentences.append(
            f"Quality: mean {_one(mean_quality)} of 5, about {word} "
            f"({_count(len(qualities), 'night')})."
        )
    if efficiencies:
        sentences.append(
            f"Sleep efficiency: mean {_mean(efficiencies):.0f}% "
            f"({_count(len(efficiencies), 'night')} with bed times)."
        )
    return PanelSummary("sleep", "Sleep", " ".join(sentences))


# Side effects -----------------------------------------------------------------------------


def side_effects_summary(data: TrendData, start: date, end: date) -> PanelSummary:
    """Days rated, and the most burdensome items: days rated moderate or worse, and the
    worst rating of each."""
    heading = "Side effects"
    names = {effect.id: effect.name for effect in data.side_effects}
    rated_days: set[date] = set()
    burden: list[tuple[int, Severity, str]] = []
    worst_overall = Severity.NONE
    for effect_id, by_day in data.side_effect_ratings.items():
        in_range = [s for d, s in by_day.items() if start <= d <= end]
        rated_days.update(d for d in by_day if start <= d <= end)
        if not in_range:
            continue
        worst = max(in_range)
        worst_overall = max(worst_overall, worst)
        heavy = sum(1 for s in in_range if s >= Severity.MODERATE)
        if heavy:
            burden.append((heavy, worst, names.get(effect_id, "A side effect no longer listed")))
    if not rated_days:
        return PanelSummary("side_effects", heading, "No side effects rated in this range.")
    sentences = [
        f"Side effects rated on {len(rated_days)} of {_count(days_between(start, end), 'day')}."
    ]
    if burden:
        burden.sort(key=lambda b: (-b[0], -b[1], b[2].casefold()))
        shown = [
            f"{name} ({_count(heavy, 'day')}, worst {worst.label.lower()})"
            for heavy, worst, name in burden[:TOP_SIDE_EFFECTS]
        ]
        sentences.append(f"Rated moderate or worse most often: {_name_list(shown)}.")
        if len(burden) > TOP_SIDE_EFFECTS:
            rest = len(burden) - TOP_SIDE_EFFECTS
            sentences.append(
                f"{_count(rest, 'other side effect')} also rated moderate or worse at times."
            )
    elif worst_overall is Severity.MILD:
        sentences.append("None was rated moderate or worse; the worst was mild.")
    else:
        sentences.append("Every rating was none.")
    return PanelSummary("side_effects", heading, " ".join(sentences))


# Questionnaire scores ----------------------------------------------------------------------


def scores_summary(data: TrendData, start: date, end: date) -> PanelSummary:
    """Per questionnaire taken in the range: how many, the first and the latest (with the
    band's words) and their dates."""
    heading = "Questionnaire scores"
    lines = []
    for instrument in Instrument:
        results = sorted(
            (r for r in data.scores if r.instrument is instrument and start <= r.taken_on <= end),
            key=lambda r: (r.taken_on, r.id or 0),
        )
        if not results:
            continue
        first, latest = results[0], results[-1]
        name = instrument.info.name
        if len(results) == 1:
            lines.append(f"{name}: 1 result, {_score(first)} on {day_text(first.taken_on)}.")
        else:
            lines.append(
                f"{name}: {len(results)} results. First {_score(first)} on "
                f"{day_text(first.taken_on)}; latest {_score(latest)} on "
                f"{day_text(latest.taken_on)}."
            )
    if not lines:
        return PanelSummary("scores", heading, "No questionnaire scores in this range.")
    return PanelSummary("scores", heading, " ".join(lines))


def _score(result: QuestionnaireResult) -> str:
    """ "14 of 27 (moderate)"; "no total (1 question unanswered)"."""
    total = result.total
    if total is None:
        missing = _count(result.missing_items, "question")
        return f"no total ({missing} unanswered)"
    text = f"{total} of {result.info.max_total}"
    band = result.info.band(total)
    return f"{text} ({band.label.lower()})" if band is not None else text


# Treatments ----------------------------------------------------------------------------------


def treatments_summary(data: TrendData, start: date, end: date) -> PanelSummary:
    """Medications taken in the range with their dose changes there ("Sertraline 50 →
    100 mg on 3 Mar 2026"), and courses overlapping the range with their sessions there
    ("TMS: sessions 5–20 of 36")."""
    heading = "Treatments"
    medications = sorted(
        (m for m in data.medications if _medication_overlaps(m, start, end)),
        key=lambda m: (m.started, m.name.casefold()),
    )
    courses = sorted(
        (c for c in data.courses if c.started <= end and (c.ended is None or c.ended >= start)),
        key=lambda c: (c.started, treatment_name(c).casefold()),
    )
    if not medications and not courses:
        return PanelSummary("treatments", heading, "No medications or procedures in this range.")
    lines = [_medication_line(m, start, end) for m in medications]
    lines += [_course_line(c, data.sessions, start, end) for c in courses]
    return PanelSummary("treatments", heading, " ".join(lines))


def _medication_overlaps(medication: Medication, start: date, end: date) -> bool:
    return medication.started <= end and (medication.stopped is None or medication.stopped > start)


def _medication_line(medication: Medication, start: date, end: date) -> str:
    """ "Sertraline 50 → 100 mg on 3 Mar 2026"; "Sertraline started at 50 mg on 1 Mar 2026,
    stopped on 20 Mar 2026"; "Sertraline 100 mg" (the same dose all along)."""
    unit = medication.unit
    steps = medication.sorted_doses
    approximate = medication.dates_approximate
    parts: list[str] = []
    if medication.started >= start:
        dose = format_dose(medication.dose_on(medication.started), unit)
        parts.append(f"started at {dose} on {day_text(medication.started, approximate)}")
    for before, after in pairwise(steps):
        if start <= after.start <= end and after.dose != before.dose:
            parts.append(
                f"{before.dose:g} → {format_dose(after.dose, unit)} "
                f"on {day_text(after.start, approximate)}"
            )
    if not parts:
        parts.append(format_dose(medication.dose_on(start), unit))
    if medication.stopped is not None and medication.stopped <= end:
        parts.append(f"stopped on {day_text(medication.stopped, approximate)}")
    return f"{medication.name} {', '.join(parts)}."


def _plural(word: str) -> str:
    return word.replace("change", "changes") if word.endswith("change") else f"{word}s"


def _course_line(
    course: TreatmentCourse, sessions: tuple[TreatmentSession, ...], start: date, end: date
) -> str:
    name = treatment_name(course)
    word = course.kind.session_word
    own = sorted((s for s in sessions if s.course_id == course.id), key=lambda s: s.at)
    numbered = [
        (s.number if s.number is not None else index + 1, s)
        for index, s in enumerate(own)
        if start <= s.day <= end
    ]
    parts: list[str] = []
    if course.started >= start:
        parts.append(f"began on {day_text(course.started)}")
    if not numbered:
        parts.append(f"no {_plural(word)} in this range")
    elif course.kind in (CourseKind.VNS, CourseKind.DBS):
        parts.append(_count(len(numbered), word, _plural(word)))
    else:
        first = min(n for n, _ in numbered)
        last = max(n for n, _ in numbered)
        planned = f" of {course.planned_sessions}" if course.planned_sessions else ""
        if len(numbered) == 1:
            parts.append(f"{word} {first}{planned}")
        else:
            parts.append(f"{_plural(word)} {first}–{last}{planned}")
            if last - first + 1 != len(numbered):
                parts[-1] += f" ({len(numbered)} recorded)"
    if course.ended is not None and course.ended <= end:
        parts.append(f"ended on {day_text(course.ended)}")
    return f"{name}: {', '.join(parts)}."


# Adherence -----------------------------------------------------------------------------------


def adherence_summary(data: TrendData, start: date, end: date) -> PanelSummary:
    """Per medication taken every day (or with any record) in the range: days taken, partly
    taken, missed and not recorded, over the days it was taken in the range."""
    heading = "Medication taken"
    lines = []
    for medication in sorted(data.medications, key=lambda m: (m.started, m.name.casefold())):
        by_day = data.adherence.get(medication.id, {}) if medication.id is not None else {}
        records = {d: a for d, a in by_day.items() if start <= d <= end}
        active = (
            {d for d in each_day(start, end) if medication.is_active_on(d)}
            if medication.schedule is Schedule.SCHEDULED
            else set()
        )
        days = active | set(records)
        if not days:
            continue
        counts = dict.fromkeys(Adherence, 0)
        for status in records.values():
            counts[status] += 1
        not_recorded = len(days) - len(records)
        lines.append(
            f"{medication.name}, {_count(len(days), 'day')}: "
            f"taken {counts[Adherence.TAKEN]}, partly taken {counts[Adherence.PARTLY]}, "
            f"missed {counts[Adherence.MISSED]}, not recorded {not_recorded}."
        )
    if not lines:
        return PanelSummary(
            "adherence", heading, "No daily medications to mark as taken in this range."
        )
    return PanelSummary("adherence", heading, " ".join(lines))


# Trackers --------------------------------------------------------------------------------


def tracker_summary(data: TrendData, tracker_id: int, start: date, end: date) -> PanelSummary:
    """A tracker shown on the chart: days logged, and its mean (or, for yes/no, on how
    many of them the answer was yes)."""
    tracker = next((t for t in data.trackers if t.id == tracker_id), None)
    if tracker is None:
        return PanelSummary(f"tracker-{tracker_id}", "Tracker", "This tracker was removed.")
    key = f"tracker-{tracker_id}"
    values = [v for d, v in data.tracker_values.get(tracker_id, {}).items() if start <= d <= end]
    if not values:
        return PanelSummary(key, tracker.name, f"No {tracker.name.lower()} logged in this range.")
    logged = f"Logged on {len(values)} of {_count(days_between(start, end), 'day')}."
    if tracker.kind is TrackerKind.YES_NO:
        yes = sum(1 for v in values if v)
        return PanelSummary(key, tracker.name, f"{logged} Yes on {_count(yes, 'day')}.")
    unit = " of 10" if tracker.kind is TrackerKind.SCALE else f" {tracker.unit}".rstrip()
    text = f"{logged} Mean {_one(_mean(values))}{unit}; most {max(values):g}{unit}."
    return PanelSummary(key, tracker.name, text)
