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
from moodlog.domain.day_counts import days_text, nights_text
from moodlog.domain.day_text import day_text, span_text
from moodlog.domain.insights import treatment_name
from moodlog.domain.instruments import Instrument
from moodlog.domain.medications import Medication, Schedule, format_dose
from moodlog.domain.questionnaire_result import QuestionnaireResult
from moodlog.domain.scales import MOOD, SCALES, SCALES_BY_KEY
from moodlog.domain.side_effects import Severity
from moodlog.domain.sleep import SleepQuality, format_duration
from moodlog.domain.trackers import TrackerKind
from moodlog.domain.translation import translate
from moodlog.domain.treatments import CourseKind, TreatmentCourse, TreatmentSession
from moodlog.domain.trend_data import TrendData, days_between, each_day, rolling_rule

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
    if not logged:
        return translate("TrendSummaries", "Nothing logged from {start} to {end}.").format(
            start=day_text(start), end=day_text(end)
        )
    #: {days} counts days, e.g. "Logged on 23 of 30 days, 1 Mar 2026 - 30 Mar 2026."
    return translate("TrendSummaries", "Logged on {logged} of {days}, {span}.").format(
        logged=logged, days=days_text(days_between(start, end)), span=span_text(start, end)
    )


# Helpers --------------------------------------------------------------------------------


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
    #: The end of a list, e.g. "Nausea, Headache and Dizziness"
    return translate("TrendSummaries", "{items} and {last}").format(
        items=", ".join(items[:-1]), last=items[-1]
    )


# Mood and the other 0-10 scales --------------------------------------------------------


def mood_summary(data: TrendData, start: date, end: date) -> PanelSummary:
    """Days rated, mean, lowest and highest day, first half against second half, and how
    the 7-day average is drawn."""
    return scale_summary(data, MOOD.key, start, end)


def scale_summary(data: TrendData, key: str, start: date, end: date) -> PanelSummary:
    """The same for any 0-10 scale of a check-in (``key`` from SCALE_KEYS). The 7-day
    average rule is added for mood, the only scale drawn with one."""
    scale = SCALES_BY_KEY[key]
    days = {d: r.mean for d, r in data.ratings.get(key, {}).items() if start <= d <= end}
    if not days:
        if scale is MOOD:
            text = translate("TrendSummaries", "No mood ratings in this range.")
        else:
            #: {scale} names a 0-10 scale in lower case, e.g. "anxiety"
            text = translate("TrendSummaries", "No {scale} ratings in this range.").format(
                scale=scale.label.lower()
            )
        return PanelSummary(key, scale.label, text)
    total = days_between(start, end)
    low_day = min(days, key=lambda d: (days[d], d))
    high_day = max(days, key=lambda d: (days[d], -d.toordinal()))
    sentences = [
        #: e.g. "Mood rated on 7 of 10 days (0 = worst possible, 10 = best possible)."
        translate(
            "TrendSummaries", "{scale} rated on {count} of {days} (0 = {low}, 10 = {high})."
        ).format(
            scale=scale.label,
            count=len(days),
            days=days_text(total),
            low=scale.low,
            high=scale.high,
        ),
        translate("TrendSummaries", "Mean {mean}.").format(mean=_one(_mean(days.values()))),
        translate(
            "TrendSummaries", "Lowest {low} on {low_day}; highest {high} on {high_day}."
        ).format(
            low=_one(days[low_day]),
            low_day=day_text(low_day),
            high=_one(days[high_day]),
            high_day=day_text(high_day),
        ),
    ]
    if total >= 2:
        sentences.append(_halves(days, start, end))
    if scale is MOOD:
        sentences.append(rolling_rule())
    return PanelSummary(key, scale.label, " ".join(sentences))


def _halves(days: dict[date, float], start: date, end: date) -> str:
    """First half of the range against the second (the first half takes the odd day)."""
    first_end = start + timedelta(days=(days_between(start, end) + 1) // 2 - 1)
    halves = (
        (
            translate("TrendSummaries", "First half ({span}): mean {mean} ({days})."),
            translate("TrendSummaries", "First half ({span}): no ratings."),
            start,
            first_end,
        ),
        (
            translate("TrendSummaries", "Second half ({span}): mean {mean} ({days})."),
            translate("TrendSummaries", "Second half ({span}): no ratings."),
            first_end + timedelta(days=1),
            end,
        ),
    )
    parts = []
    for rated, unrated, first, last in halves:
        values = [v for d, v in days.items() if first <= d <= last]
        span = span_text(first, last)
        if values:
            parts.append(
                rated.format(span=span, mean=_one(_mean(values)), days=days_text(len(values)))
            )
        else:
            parts.append(unrated.format(span=span))
    return " ".join(parts)


# Sleep ------------------------------------------------------------------------------------


def sleep_summary(data: TrendData, start: date, end: date) -> PanelSummary:
    """Nights logged, mean hours slept, mean quality (with its word), mean efficiency."""
    #: The heading of the sleep chart's summary
    heading = translate("TrendSummaries", "Sleep")
    nights = {d: n for d, n in data.sleep.items() if start <= d <= end}
    if not nights:
        return PanelSummary(
            "sleep", heading, translate("TrendSummaries", "No sleep logged in this range.")
        )
    hours = [n.hours for n in nights.values() if n.hours is not None]
    qualities = [n.quality for n in nights.values() if n.quality is not None]
    efficiencies = [
        n.efficiency_percent for n in nights.values() if n.efficiency_percent is not None
    ]
    sentences = [
        #: {nights} counts nights, e.g. "Sleep logged for 7 of 10 nights."
        translate("TrendSummaries", "Sleep logged for {count} of {nights}.").format(
            count=len(nights), nights=nights_text(days_between(start, end))
        )
    ]
    if hours:
        sentences.append(
            translate("TrendSummaries", "Time asleep: mean {duration} ({nights}).").format(
                duration=format_duration(_mean(hours) * 60), nights=nights_text(len(hours))
            )
        )
    if qualities:
        mean_quality = _mean(qualities)
        word = SleepQuality(_round_half_up(mean_quality)).label.lower()
        sentences.append(
            #: {word} is a sleep quality in lower case, e.g. "fair"
            translate(
                "TrendSummaries", "Quality: mean {mean} of 5, about {word} ({nights})."
            ).format(mean=_one(mean_quality), word=word, nights=nights_text(len(qualities)))
        )
    if efficiencies:
        sentences.append(
            translate(
                "TrendSummaries", "Sleep efficiency: mean {percent}% ({nights} with bed times)."
            ).format(percent=f"{_mean(efficiencies):.0f}", nights=nights_text(len(efficiencies)))
        )
    return PanelSummary("sleep", heading, " ".join(sentences))


# Side effects -----------------------------------------------------------------------------


def side_effects_summary(data: TrendData, start: date, end: date) -> PanelSummary:
    """Days rated, and the most burdensome items: days rated moderate or worse, and the
    worst rating of each."""
    heading = translate("TrendSummaries", "Side effects")
    names = {effect.id: effect.label for effect in data.side_effects}
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
            name = names.get(effect_id) or translate(
                "TrendSummaries", "A side effect no longer listed"
            )
            burden.append((heavy, worst, name))
    if not rated_days:
        return PanelSummary(
            "side_effects",
            heading,
            translate("TrendSummaries", "No side effects rated in this range."),
        )
    sentences = [
        translate("TrendSummaries", "Side effects rated on {count} of {days}.").format(
            count=len(rated_days), days=days_text(days_between(start, end))
        )
    ]
    if burden:
        burden.sort(key=lambda b: (-b[0], -b[1], b[2].casefold()))
        shown = [
            #: A side effect, on how many days it was moderate or worse, and its worst rating,
            #: e.g. "Nausea (3 days, worst severe)"
            translate("TrendSummaries", "{side_effect} ({days}, worst {severity})").format(
                side_effect=name, days=days_text(heavy), severity=worst.label.lower()
            )
            for heavy, worst, name in burden[:TOP_SIDE_EFFECTS]
        ]
        sentences.append(
            translate("TrendSummaries", "Rated moderate or worse most often: {list}.").format(
                list=_name_list(shown)
            )
        )
        if len(burden) > TOP_SIDE_EFFECTS:
            rest = len(burden) - TOP_SIDE_EFFECTS
            if rest == 1:
                sentences.append(
                    translate(
                        "TrendSummaries",
                        "1 other side effect also rated moderate or worse at times.",
                    )
                )
            else:
                sentences.append(
                    translate(
                        "TrendSummaries",
                        "{count} other side effects also rated moderate or worse at times.",
                    ).format(count=rest)
                )
    elif worst_overall is Severity.MILD:
        sentences.append(
            translate("TrendSummaries", "None was rated moderate or worse; the worst was mild.")
        )
    else:
        sentences.append(translate("TrendSummaries", "Every rating was none."))
    return PanelSummary("side_effects", heading, " ".join(sentences))


# Questionnaire scores ----------------------------------------------------------------------


def scores_summary(data: TrendData, start: date, end: date) -> PanelSummary:
    """Per questionnaire taken in the range: how many, the first and the latest (with the
    band's words) and their dates."""
    heading = translate("TrendSummaries", "Questionnaire scores")
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
            #: e.g. "PHQ-9: 1 result, 14 of 27 (moderate) on 3 Mar 2026."
            lines.append(
                translate("TrendSummaries", "{name}: 1 result, {score} on {day}.").format(
                    name=name, score=_score(first), day=day_text(first.taken_on)
                )
            )
        else:
            lines.append(
                translate(
                    "TrendSummaries",
                    "{name}: {count} results. First {first} on {first_day}; latest {latest} on "
                    "{latest_day}.",
                ).format(
                    name=name,
                    count=len(results),
                    first=_score(first),
                    first_day=day_text(first.taken_on),
                    latest=_score(latest),
                    latest_day=day_text(latest.taken_on),
                )
            )
    if not lines:
        return PanelSummary(
            "scores", heading, translate("TrendSummaries", "No questionnaire scores in this range.")
        )
    return PanelSummary("scores", heading, " ".join(lines))


def _score(result: QuestionnaireResult) -> str:
    """ "14 of 27 (moderate)"; "no total (1 question unanswered)"."""
    total = result.total
    if total is None:
        missing = result.missing_items
        if missing == 1:
            return translate("TrendSummaries", "no total (1 question unanswered)")
        return translate("TrendSummaries", "no total ({count} questions unanswered)").format(
            count=missing
        )
    band = result.info.band(total)
    if band is None:
        return translate("TrendSummaries", "{total} of {maximum}").format(
            total=total, maximum=result.info.max_total
        )
    #: A questionnaire total and its band in lower case, e.g. "14 of 27 (moderate)"
    return translate("TrendSummaries", "{total} of {maximum} ({band})").format(
        total=total, maximum=result.info.max_total, band=band.label.lower()
    )


# Treatments ----------------------------------------------------------------------------------


def treatments_summary(data: TrendData, start: date, end: date) -> PanelSummary:
    """Medications taken in the range with their dose changes there ("Sertraline 50 →
    100 mg on 3 Mar 2026"), and courses overlapping the range with their sessions there
    ("TMS: sessions 5–20 of 36")."""
    heading = translate("TrendSummaries", "Treatments")
    medications = sorted(
        (m for m in data.medications if _medication_overlaps(m, start, end)),
        key=lambda m: (m.started, m.name.casefold()),
    )
    courses = sorted(
        (c for c in data.courses if c.started <= end and (c.ended is None or c.ended >= start)),
        key=lambda c: (c.started, treatment_name(c).casefold()),
    )
    if not medications and not courses:
        return PanelSummary(
            "treatments",
            heading,
            translate("TrendSummaries", "No medications or procedures in this range."),
        )
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
        parts.append(
            #: Part of a medication's summary, e.g. "started at 50 mg on 1 Mar 2026"
            translate("TrendSummaries", "started at {dose} on {day}").format(
                dose=dose, day=day_text(medication.started, approximate)
            )
        )
    for before, after in pairwise(steps):
        if start <= after.start <= end and after.dose != before.dose:
            parts.append(
                #: A dose change, e.g. "50 → 100 mg on 3 Mar 2026"
                translate("TrendSummaries", "{before} → {after} on {day}").format(
                    before=f"{before.dose:g}",
                    after=format_dose(after.dose, unit),
                    day=day_text(after.start, approximate),
                )
            )
    if not parts:
        parts.append(format_dose(medication.dose_on(start), unit))
    if medication.stopped is not None and medication.stopped <= end:
        parts.append(
            #: Part of a medication's summary, e.g. "stopped on 20 Mar 2026"
            translate("TrendSummaries", "stopped on {day}").format(
                day=day_text(medication.stopped, approximate)
            )
        )
    #: A medication and what happened to it, e.g. "Sertraline started at 50 mg on 1 Mar 2026."
    return translate("TrendSummaries", "{medication} {details}.").format(
        medication=medication.name, details=", ".join(parts)
    )


def _course_line(
    course: TreatmentCourse, sessions: tuple[TreatmentSession, ...], start: date, end: date
) -> str:
    name = treatment_name(course)
    word, words = course.kind.session_word, course.kind.sessions_word
    own = sorted((s for s in sessions if s.course_id == course.id), key=lambda s: s.at)
    numbered = [
        (s.number if s.number is not None else index + 1, s)
        for index, s in enumerate(own)
        if start <= s.day <= end
    ]
    parts: list[str] = []
    if course.started >= start:
        #: Part of a course's summary, e.g. "began on 1 Mar 2026"
        parts.append(
            translate("TrendSummaries", "began on {day}").format(day=day_text(course.started))
        )
    if not numbered:
        #: {sessions} is e.g. "sessions", "infusions" or "setting changes"
        parts.append(
            translate("TrendSummaries", "no {sessions} in this range").format(sessions=words)
        )
    elif course.kind in (CourseKind.VNS, CourseKind.DBS):
        if len(numbered) == 1:
            #: {session} is e.g. "setting change"
            parts.append(translate("TrendSummaries", "1 {session}").format(session=word))
        else:
            #: {sessions} is e.g. "setting changes"
            parts.append(
                translate("TrendSummaries", "{count} {sessions}").format(
                    count=len(numbered), sessions=words
                )
            )
    else:
        first = min(n for n, _ in numbered)
        last = max(n for n, _ in numbered)
        values = {
            "session": word,
            "sessions": words,
            "first": first,
            "last": last,
            "planned": course.planned_sessions,
        }
        if len(numbered) == 1:
            if course.planned_sessions:
                #: e.g. "session 20 of 36"
                text = translate("TrendSummaries", "{session} {first} of {planned}")
            else:
                #: e.g. "session 20"
                text = translate("TrendSummaries", "{session} {first}")
            parts.append(text.format(**values))
        else:
            if course.planned_sessions:
                #: e.g. "sessions 5-20 of 36"
                text = translate("TrendSummaries", "{sessions} {first}–{last} of {planned}")
            else:
                #: e.g. "sessions 5-20"
                text = translate("TrendSummaries", "{sessions} {first}–{last}")
            parts.append(text.format(**values))
            if last - first + 1 != len(numbered):
                #: e.g. "sessions 5-20 of 36 (12 recorded)"
                parts[-1] = translate("TrendSummaries", "{sessions} ({count} recorded)").format(
                    sessions=parts[-1], count=len(numbered)
                )
    if course.ended is not None and course.ended <= end:
        parts.append(
            #: Part of a course's summary, e.g. "ended on 20 Mar 2026"
            translate("TrendSummaries", "ended on {day}").format(day=day_text(course.ended))
        )
    #: A course and what happened in it, e.g. "TMS: sessions 5-20 of 36."
    return translate("TrendSummaries", "{course}: {details}.").format(
        course=name, details=", ".join(parts)
    )


# Adherence -----------------------------------------------------------------------------------


def adherence_summary(data: TrendData, start: date, end: date) -> PanelSummary:
    """Per medication taken every day (or with any record) in the range: days taken, partly
    taken, missed and not recorded, over the days it was taken in the range."""
    heading = translate("TrendSummaries", "Medication taken")
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
            #: e.g. "Sertraline, 10 days: taken 7, partly taken 1, missed 1, not recorded 1."
            translate(
                "TrendSummaries",
                "{medication}, {days}: taken {taken}, partly taken {partly}, missed {missed}, "
                "not recorded {not_recorded}.",
            ).format(
                medication=medication.name,
                days=days_text(len(days)),
                taken=counts[Adherence.TAKEN],
                partly=counts[Adherence.PARTLY],
                missed=counts[Adherence.MISSED],
                not_recorded=not_recorded,
            )
        )
    if not lines:
        return PanelSummary(
            "adherence",
            heading,
            translate("TrendSummaries", "No daily medications to mark as taken in this range."),
        )
    return PanelSummary("adherence", heading, " ".join(lines))


# Trackers --------------------------------------------------------------------------------


def tracker_summary(data: TrendData, tracker_id: int, start: date, end: date) -> PanelSummary:
    """A tracker shown on the chart: days logged, and its mean (or, for yes/no, on how
    many of them the answer was yes)."""
    tracker = next((t for t in data.trackers if t.id == tracker_id), None)
    if tracker is None:
        return PanelSummary(
            f"tracker-{tracker_id}",
            translate("TrendSummaries", "Tracker"),
            translate("TrendSummaries", "This tracker was removed."),
        )
    key = f"tracker-{tracker_id}"
    name = tracker.label
    values = [v for d, v in data.tracker_values.get(tracker_id, {}).items() if start <= d <= end]
    if not values:
        #: {tracker} is a tracker's name in lower case, e.g. "exercise"
        text = translate("TrendSummaries", "No {tracker} logged in this range.").format(
            tracker=name.lower()
        )
        return PanelSummary(key, name, text)
    logged = translate("TrendSummaries", "Logged on {count} of {days}.").format(
        count=len(values), days=days_text(days_between(start, end))
    )
    if tracker.kind is TrackerKind.YES_NO:
        yes = translate("TrendSummaries", "Yes on {days}.").format(
            days=days_text(sum(1 for v in values if v))
        )
        return PanelSummary(key, name, f"{logged} {yes}")
    if tracker.kind is TrackerKind.SCALE:
        text = translate("TrendSummaries", "Mean {mean} of 10; most {most} of 10.")
    elif tracker.unit_label:
        #: A tracker's mean and highest value, e.g. "Mean 20.5 minutes; most 45 minutes."
        text = translate("TrendSummaries", "Mean {mean} {unit}; most {most} {unit}.")
    else:
        text = translate("TrendSummaries", "Mean {mean}; most {most}.")
    mean = text.format(mean=_one(_mean(values)), most=f"{max(values):g}", unit=tracker.unit_label)
    return PanelSummary(key, name, f"{logged} {mean}")
