"""What a chart says about one day when it is pointed at: every value the day holds, in
words (the Charts view's detail pane and its screen-reader text)."""

from datetime import date

from moodlog.domain.scales import SCALES, mood_word
from moodlog.domain.sleep import SleepQuality
from moodlog.domain.trackers import TrackerKind
from moodlog.domain.translation import translate
from moodlog.domain.trend_data import TrendData


def _number(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")


def day_details(data: TrendData, day: date) -> list[str]:
    """One line per kind of entry on ``day``; a single line saying so when there is none."""
    lines: list[str] = []
    for scale in SCALES:
        rating = data.ratings.get(scale.key, {}).get(day)
        if rating is None:
            continue
        if scale.key == "mood":
            #: A day's mood and its word, e.g. "Mood 3.5 (somewhat low)"
            text = translate("DayDetails", "{scale} {value} ({word})").format(
                scale=scale.label,
                value=_number(rating.mean),
                word=mood_word(round(rating.mean)).lower(),
            )
        else:
            #: A day's rating on a scale, e.g. "Anxiety 7"
            text = translate("DayDetails", "{scale} {value}").format(
                scale=scale.label, value=_number(rating.mean)
            )
        if rating.count > 1 and rating.low < rating.high:
            #: e.g. "Mood 3.5 (somewhat low), 2 check-ins ranging 2-5"
            text = translate(
                "DayDetails", "{rating}, {count} check-ins ranging {low}–{high}"
            ).format(rating=text, count=rating.count, low=rating.low, high=rating.high)
        elif rating.count > 1:
            #: e.g. "Anxiety 7, 2 check-ins, all 7"
            text = translate("DayDetails", "{rating}, {count} check-ins, all {low}").format(
                rating=text, count=rating.count, low=rating.low
            )
        lines.append(text)
    night = data.sleep.get(day)
    if night is not None:
        parts = []
        if night.hours is not None:
            parts.append(
                translate("DayDetails", "slept {hours} h").format(
                    hours=_number(round(night.hours, 1))
                )
            )
        if night.quality is not None:
            parts.append(
                translate("DayDetails", "quality {quality}").format(
                    quality=SleepQuality(night.quality).label.lower()
                )
            )
        if night.efficiency_percent is not None:
            parts.append(
                translate("DayDetails", "efficiency {percent}%").format(
                    percent=f"{night.efficiency_percent:.0f}"
                )
            )
        if parts:
            #: {measures} lists the night's measures, e.g. "slept 6.2 h, quality poor"
            lines.append(
                translate("DayDetails", "Sleep: {measures}").format(measures=", ".join(parts))
            )
        else:
            lines.append(translate("DayDetails", "Sleep: logged"))
    names = {effect.id: effect.label for effect in data.side_effects}
    effects = [
        #: A side effect and how severe it was, e.g. "Nausea moderate"
        translate("DayDetails", "{side_effect} {severity}").format(
            side_effect=names.get(effect_id) or translate("DayDetails", "Side effect"),
            severity=by_day[day].label.lower(),
        )
        for effect_id, by_day in data.side_effect_ratings.items()
        if day in by_day
    ]
    if effects:
        lines.append(
            translate("DayDetails", "Side effects: {list}").format(list=", ".join(sorted(effects)))
        )
    for result in data.scores:
        if result.taken_on == day:
            lines.append(f"{result.info.name}: {result.total_text}")
    courses = {course.id: course for course in data.courses}
    for session in data.sessions:
        course = courses.get(session.course_id)
        if course is None or session.at.date() != day:
            continue
        values = {
            "course": course.kind.label,
            "session": course.kind.session_word,
            "number": session.number,
            "planned": course.planned_sessions,
        }
        if session.number and course.planned_sessions:
            #: e.g. "TMS session 3 of 36"
            text = translate("DayDetails", "{course} {session} {number} of {planned}")
        elif session.number:
            #: e.g. "TMS session 3"
            text = translate("DayDetails", "{course} {session} {number}")
        else:
            #: e.g. "TMS session"
            text = translate("DayDetails", "{course} {session}")
        lines.append(text.format(**values))
    for medication in data.medications:
        status = data.adherence.get(medication.id or -1, {}).get(day)
        name = medication.name
        if medication.started == day:
            lines.append(translate("DayDetails", "{medication} started").format(medication=name))
        elif medication.stopped == day:
            lines.append(translate("DayDetails", "{medication} stopped").format(medication=name))
        elif any(step.start == day for step in medication.sorted_doses[1:]):
            dose = medication.dose_on(day)
            lines.append(
                translate("DayDetails", "{medication} dose changed to {dose}").format(
                    medication=name, dose=f"{dose:g} {medication.unit}"
                )
            )
        if status is not None:
            #: A medication and whether it was taken, e.g. "Sertraline: partly taken"
            lines.append(
                translate("DayDetails", "{medication}: {status}").format(
                    medication=name, status=status.label.lower()
                )
            )
    for tracker in data.trackers:
        value = data.tracker_values.get(tracker.id, {}).get(day)
        if value is not None:
            name = tracker.label
            if tracker.kind is TrackerKind.YES_NO:
                text = (
                    translate("DayDetails", "{tracker}: yes")
                    if value
                    else translate("DayDetails", "{tracker}: no")
                )
                lines.append(text.format(tracker=name))
            elif tracker.kind is TrackerKind.SCALE:
                lines.append(
                    translate("DayDetails", "{tracker}: {value} of 10").format(
                        tracker=name, value=_number(value)
                    )
                )
            else:
                #: A tracker's value and unit, e.g. "Exercise: 20 minutes"
                text = translate("DayDetails", "{tracker}: {value} {unit}").format(
                    tracker=name, value=_number(value), unit=tracker.unit_label
                )
                lines.append(text.rstrip())
    return lines or [translate("DayDetails", "Nothing logged on this day.")]
