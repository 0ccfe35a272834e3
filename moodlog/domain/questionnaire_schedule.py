"""When the next questionnaire is due: every 7, 14 or 28 days (14 by default), plus a PHQ-9
baseline on the day a treatment starts and one at its end (clinical-reference.md §0.2 rule 1:
the PHQ-9 and GAD-7 ask about the last 2 weeks, so they are not daily scales).

"Due" is only ever said quietly on the Today view; nothing here nags or blocks.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from moodlog.domain.course_outcome import BASELINE_WINDOW_DAYS
from moodlog.domain.day_text import day_text
from moodlog.domain.instruments import ASKED_IN_APP, Instrument
from moodlog.domain.medications import Medication, MedicationRole
from moodlog.domain.treatments import TreatmentCourse

INTERVALS_DAYS = (7, 14, 28)
DEFAULT_INTERVAL_DAYS = 14
# An end-of-course PHQ-9 asked for up to two weeks after the end; one taken from three days
# before the end on already counts.
END_DUE_FOR_DAYS = 14
END_EARLY_DAYS = 3


@dataclass(frozen=True, slots=True)
class TreatmentSpan:
    """A medication trial or procedure course, as far as questionnaire timing cares."""

    title: str
    started: date
    ended: date | None


def treatment_spans(
    medications: Iterable[Medication], courses: Iterable[TreatmentCourse]
) -> list[TreatmentSpan]:
    """Courses, and medications taken for depression (not other medicines, not month-level
    past trials)."""
    spans = [
        TreatmentSpan(m.name, m.started, m.stopped)
        for m in medications
        if m.role is not MedicationRole.OTHER and not m.dates_approximate
    ]
    spans += [TreatmentSpan(c.title, c.started, c.ended) for c in courses]
    return spans


@dataclass(frozen=True, slots=True)
class Due:
    """``instrument`` is due on ``due_on`` (today or earlier when it is due now);
    ``reason`` says why in plain words."""

    instrument: Instrument
    due_on: date
    reason: str

    def is_due(self, today: date) -> bool:
        return self.due_on <= today

    def when_text(self, today: date) -> str:
        days = (self.due_on - today).days
        if days <= 0:
            return "due now"
        if days == 1:
            return "due tomorrow"
        return f"due in {days} days ({day_text(self.due_on)})"


def _ago(days: int) -> str:
    return "today" if days == 0 else "yesterday" if days == 1 else f"{days} days ago"


def next_due(
    last_taken: Mapping[Instrument, date],
    interval_days: int,
    spans: Sequence[TreatmentSpan],
    phq9_days: Iterable[date],
    today: date,
) -> list[Due]:
    """What is due next for each questionnaire asked in the app, soonest first.

    ``last_taken`` holds each instrument's latest result date; ``phq9_days`` every day with a
    PHQ-9 result (for the start and end of treatments).
    """
    if interval_days <= 0:
        raise ValueError(interval_days)
    phq9 = sorted(set(phq9_days))
    dues: list[Due] = []
    for instrument in ASKED_IN_APP:
        name = instrument.label
        last = last_taken.get(instrument)
        if last is None:
            dues.append(Due(instrument, today, f"No {name} yet."))
            continue
        due_on = last + timedelta(days=interval_days)
        reason = f"Every {interval_days} days; the last {name} was {_ago((today - last).days)}."
        dues.append(Due(instrument, due_on, reason))

    special = _treatment_due(spans, phq9, today)
    if special is not None:
        dues = [d for d in dues if d.instrument is not Instrument.PHQ9 or not d.is_due(today)]
        dues.append(special)
    return sorted(dues, key=lambda d: (d.due_on, d.instrument is not Instrument.PHQ9))


def _treatment_due(spans: Sequence[TreatmentSpan], phq9: Sequence[date], today: date) -> Due | None:
    def any_between(first: date, last: date) -> bool:
        return any(first <= day <= last for day in phq9)

    for span in spans:
        if span.started == today and not any_between(
            today - timedelta(days=BASELINE_WINDOW_DAYS), today
        ):
            return Due(
                Instrument.PHQ9,
                today,
                f"A baseline for {span.title}, which begins today: a PHQ-9 now lets you see "
                "later whether it helped.",
            )
    for span in spans:
        ended = span.ended
        if (
            ended is not None
            and ended <= today <= ended + timedelta(days=END_DUE_FOR_DAYS)
            and not any_between(ended - timedelta(days=END_EARLY_DAYS), today)
        ):
            return Due(
                Instrument.PHQ9,
                today,
                f"{span.title} ended on {day_text(ended)}: a PHQ-9 now records how it went.",
            )
    return None
