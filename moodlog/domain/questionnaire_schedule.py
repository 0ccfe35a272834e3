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
from moodlog.domain.translation import translate
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
            #: Said of a questionnaire
            return translate("QuestionnaireSchedule", "due now")
        if days == 1:
            #: Said of a questionnaire
            return translate("QuestionnaireSchedule", "due tomorrow")
        #: Said of a questionnaire, e.g. "due in 3 days (6 Mar 2026)"
        return translate("QuestionnaireSchedule", "due in {days} days ({day})").format(
            days=days, day=day_text(self.due_on)
        )


def _every(interval_days: int, name: str, days_ago: int) -> str:
    """Why a questionnaire is due: the interval, and when the last one was taken."""
    if days_ago == 0:
        text = translate(
            "QuestionnaireSchedule", "Every {interval} days; the last {name} was today."
        )
    elif days_ago == 1:
        text = translate(
            "QuestionnaireSchedule", "Every {interval} days; the last {name} was yesterday."
        )
    else:
        text = translate(
            "QuestionnaireSchedule", "Every {interval} days; the last {name} was {days} days ago."
        )
    return text.format(interval=interval_days, name=name, days=days_ago)


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
            #: {name} is a questionnaire's name, e.g. "No PHQ-9 yet."
            reason = translate("QuestionnaireSchedule", "No {name} yet.").format(name=name)
            dues.append(Due(instrument, today, reason))
            continue
        due_on = last + timedelta(days=interval_days)
        reason = _every(interval_days, name, (today - last).days)
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
                translate(
                    "QuestionnaireSchedule",
                    "A baseline for {treatment}, which begins today: a PHQ-9 now lets you see "
                    "later whether it helped.",
                ).format(treatment=span.title),
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
                translate(
                    "QuestionnaireSchedule",
                    "{treatment} ended on {day}: a PHQ-9 now records how it went.",
                ).format(treatment=span.title, day=day_text(ended)),
            )
    return None
