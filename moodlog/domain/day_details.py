"""What a chart says about one day when it is pointed at: every value the day holds, in
words (the Charts view's detail pane and its screen-reader text)."""

from datetime import date

from moodlog.domain.scales import SCALES, mood_word
from moodlog.domain.sleep import SleepQuality
from moodlog.domain.trackers import TrackerKind
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
        text = f"{scale.label} {_number(rating.mean)}"
        if scale.key == "mood":
            text += f" ({mood_word(round(rating.mean)).lower()})"
        if rating.count > 1 and rating.low < rating.high:
            text += f", {rating.count} check-ins ranging {rating.low}–{rating.high}"
        elif rating.count > 1:
            text += f", {rating.count} check-ins, all {rating.low}"
        lines.append(text)
    night = data.sleep.get(day)
    if night is not None:
        parts = []
        if night.hours is not None:
            parts.append(f"slept {_number(round(night.hours, 1))} h")
        if night.quality is not None:
            parts.append(f"quality {SleepQuality(night.quality).label.lower()}")
        if night.efficiency_percent is not None:
            parts.append(f"efficiency {night.efficiency_percent:.0f}%")
        lines.append("Sleep: " + (", ".join(parts) if parts else "logged"))
    names = {effect.id: effect.name for effect in data.side_effects}
    effects = [
        f"{names.get(effect_id, 'Side effect')} {by_day[day].label.lower()}"
        for effect_id, by_day in data.side_effect_ratings.items()
        if day in by_day
    ]
    if effects:
        lines.append("Side effects: " + ", ".join(sorted(effects)))
    for result in data.scores:
        if result.taken_on == day:
            lines.append(f"{result.info.name}: {result.total_text}")
    courses = {course.id: course for course in data.courses}
    for session in data.sessions:
        course = courses.get(session.course_id)
        if course is None or session.at.date() != day:
            continue
        of = f" of {course.planned_sessions}" if course.planned_sessions else ""
        number = f" {session.number}{of}" if session.number else ""
        lines.append(f"{course.kind.label} {course.kind.session_word}{number}")
    for medication in data.medications:
        status = data.adherence.get(medication.id or -1, {}).get(day)
        if medication.started == day:
            lines.append(f"{medication.name} started")
        elif medication.stopped == day:
            lines.append(f"{medication.name} stopped")
        elif any(step.start == day for step in medication.sorted_doses[1:]):
            dose = medication.dose_on(day)
            lines.append(f"{medication.name} dose changed to {dose:g} {medication.unit}")
        if status is not None:
            lines.append(f"{medication.name}: {status.label.lower()}")
    for tracker in data.trackers:
        value = data.tracker_values.get(tracker.id, {}).get(day)
        if value is not None:
            if tracker.kind is TrackerKind.YES_NO:
                lines.append(f"{tracker.name}: {'yes' if value else 'no'}")
            elif tracker.kind is TrackerKind.SCALE:
                lines.append(f"{tracker.name}: {_number(value)} of 10")
            else:
                lines.append(f"{tracker.name}: {_number(value)} {tracker.unit}".rstrip())
    return lines or ["Nothing logged on this day."]
