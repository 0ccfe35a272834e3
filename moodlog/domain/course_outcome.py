"""How a treatment course or medication trial went, measured by questionnaire totals:
baseline, latest, change, response, remission, sustained remission and relapse
(clinical-reference.md §4).

The rules:

* **Baseline**: the last complete score on or before the day the course began, no older than
  :data:`BASELINE_WINDOW_DAYS`. An older one is named but not used ("too old").
* **Follow-up scores**: complete scores after the start day, up to the course's end plus
  :data:`END_GRACE_DAYS` (the end-of-course questionnaire often comes a few days later), or
  up to today while it runs. **Latest** is the last of them.
* **Response**: a drop of at least 50 % from a baseline above 0, for scales with a remission
  rule (§4). **Remission**: the latest total at or under the scale's remission threshold.
* **Meaningful change**: a change of at least 5 points either way, for the PHQ-9 only (§4).
* **Sustained remission**: two consecutive follow-up scores in remission (§4's adaptation
  of the 3-week ACNP rule to fortnightly scores).
* **Relapse**: after a remitted follow-up score, a later one at or above the scale's relapse
  threshold (QIDS-SR16 ≥11 from STAR*D; PHQ-9 ≥10, moodlog's rule).
* **Another treatment begun**: follow-up stops on the day another treatment began after this
  one (``cut_off``), so a long trial is not credited or blamed for what came later; the text
  says so.

Prorated totals are never used. Nothing here is a clinical judgement; the texts say so.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from itertools import pairwise

from moodlog.domain.day_text import day_text
from moodlog.domain.instruments import RESPONSE_DROP, Instrument, InstrumentInfo
from moodlog.domain.questionnaire_result import QuestionnaireResult
from moodlog.domain.translation import translate

# The app's choice: a baseline up to four weeks old still describes the state at the start
# (the PHQ-9 asks about the last two weeks, and a course is often booked weeks ahead).
BASELINE_WINDOW_DAYS = 28
END_GRACE_DAYS = 14


class OutcomeStatus(StrEnum):
    MEASURED = "measured"
    NO_BASELINE = "no_baseline"
    BASELINE_TOO_OLD = "baseline_too_old"
    NO_FOLLOW_UP = "no_follow_up"


@dataclass(frozen=True, slots=True)
class CourseOutcome:
    instrument: Instrument
    status: OutcomeStatus
    baseline: QuestionnaireResult | None
    follow_up: tuple[QuestionnaireResult, ...]
    stale_baseline: QuestionnaireResult | None = None
    cut_off: tuple[str, date] | None = None  # (what began, when): later scores not counted

    @property
    def info(self) -> InstrumentInfo:
        return self.instrument.info

    @property
    def latest(self) -> QuestionnaireResult | None:
        return self.follow_up[-1] if self.follow_up else None

    @property
    def is_measured(self) -> bool:
        return self.status is OutcomeStatus.MEASURED

    def _totals(self) -> tuple[int, int] | None:
        if self.baseline is None or self.latest is None:
            return None
        base, last = self.baseline.total, self.latest.total
        # Only complete scores are used.
        assert base is not None
        assert last is not None
        return base, last

    @property
    def change(self) -> int | None:
        """Latest minus baseline, in points (negative = fewer symptoms)."""
        totals = self._totals()
        return None if totals is None else totals[1] - totals[0]

    @property
    def change_fraction(self) -> float | None:
        """The change as a share of the baseline (-0.6 = 60 % fewer points); ``None`` when
        the baseline is 0."""
        totals = self._totals()
        if totals is None or totals[0] == 0:
            return None
        return (totals[1] - totals[0]) / totals[0]

    @property
    def response(self) -> bool | None:
        fraction = self.change_fraction
        if fraction is None or not self.info.has_response_rule:
            return None
        return -fraction >= RESPONSE_DROP

    @property
    def remission(self) -> bool | None:
        latest = self.latest
        if latest is None or latest.total is None:
            return None
        return self.info.is_remission(latest.total)

    @property
    def meaningful_change(self) -> bool | None:
        change = self.change
        threshold = self.info.meaningful_change
        if change is None or threshold is None:
            return None
        return abs(change) >= threshold

    @property
    def sustained_remission(self) -> bool | None:
        if not self.is_measured or self.info.remission_max is None:
            return None
        flags = [self.info.is_remission(s.total or 0) for s in self.follow_up]
        return any(a and b for a, b in pairwise(flags))

    @property
    def relapse(self) -> QuestionnaireResult | None:
        """The first score at or above the relapse threshold after a remitted score."""
        info = self.info
        if info.remission_max is None or info.relapse_min is None:
            return None
        remitted = False
        for score in self.follow_up:
            total = score.total or 0
            if remitted and info.is_relapse(total):
                return score
            remitted = remitted or bool(info.is_remission(total))
        return None

    @property
    def headline(self) -> str:
        """ "PHQ-9 18 → 7 (−11 points, −61 %)" or why there is no such line."""
        name = self.info.name
        if self.status is OutcomeStatus.NO_BASELINE:
            #: {name} is a questionnaire's name, e.g. PHQ-9
            return translate(
                "CourseOutcome",
                "No {name} before it began, so there is no baseline to compare with.",
            ).format(name=name)
        if self.status is OutcomeStatus.BASELINE_TOO_OLD:
            stale = self.stale_baseline
            weeks = BASELINE_WINDOW_DAYS // 7
            if stale is None:
                text = translate(
                    "CourseOutcome",
                    "The last {name} before it began is more than {weeks} weeks older than the "
                    "start, too old for a baseline.",
                )
                return text.format(name=name, weeks=weeks)
            text = translate(
                "CourseOutcome",
                "The last {name} before it began ({day}) is more than {weeks} weeks older than "
                "the start, too old for a baseline.",
            )
            return text.format(name=name, day=day_text(stale.taken_on), weeks=weeks)
        baseline = self.baseline
        assert baseline is not None
        if self.status is OutcomeStatus.NO_FOLLOW_UP:
            #: e.g. "PHQ-9 baseline 18 (3 Mar 2026); no later score yet."
            return translate(
                "CourseOutcome", "{name} baseline {total} ({day}); no later score yet."
            ).format(name=name, total=baseline.total, day=day_text(baseline.taken_on))
        latest, change = self.latest, self.change
        assert latest is not None
        assert change is not None
        fraction = self.change_fraction
        values = {
            "name": name,
            "baseline": baseline.total,
            "latest": latest.total,
            "change": _signed(change),
            "percent": None if fraction is None else _signed(round(fraction * 100)),
        }
        if abs(change) == 1:
            if fraction is None:
                text = translate("CourseOutcome", "{name} {baseline} → {latest} ({change} point)")
            else:
                #: e.g. "PHQ-9 18 → 17 (-1 point, -6 %)"
                text = translate(
                    "CourseOutcome", "{name} {baseline} → {latest} ({change} point, {percent} %)"
                )
        elif fraction is None:
            text = translate("CourseOutcome", "{name} {baseline} → {latest} ({change} points)")
        else:
            #: e.g. "PHQ-9 18 → 7 (-11 points, -61 %)"
            text = translate(
                "CourseOutcome", "{name} {baseline} → {latest} ({change} points, {percent} %)"
            )
        return text.format(**values)

    @property
    def findings(self) -> tuple[str, ...]:
        """The flags in words: "response", "not remission", "sustained remission" …"""
        if not self.is_measured:
            return ()
        words: list[str] = []
        if self.response is not None:
            words.append(
                translate("CourseOutcome", "response (a drop of 50 % or more)")
                if self.response
                else translate("CourseOutcome", "no response")
            )
        if self.remission is not None:
            words.append(
                translate("CourseOutcome", "in remission at the latest score")
                if self.remission
                else translate("CourseOutcome", "not in remission at the latest score")
            )
        if self.sustained_remission:
            words.append(
                translate(
                    "CourseOutcome", "sustained remission reached (two remitted scores in a row)"
                )
            )
        relapse = self.relapse
        if relapse is not None:
            words.append(
                translate("CourseOutcome", "relapse on {day}").format(
                    day=day_text(relapse.taken_on)
                )
            )
        if self.meaningful_change:
            change = self.change or 0
            words.append(
                translate("CourseOutcome", "improved by 5 points or more")
                if change < 0
                else translate("CourseOutcome", "worse by 5 points or more")
            )
        return tuple(words)

    @property
    def text(self) -> str:
        findings = self.findings
        text = self.headline
        if findings:
            #: A questionnaire outcome and its findings, e.g. "PHQ-9 18 → 7 (…): response; …"
            text = translate("CourseOutcome", "{headline}: {findings}").format(
                headline=text, findings="; ".join(findings)
            )
        if self.cut_off is not None and self.baseline is not None:
            title, began = self.cut_off
            #: {treatment} is another treatment begun later, e.g. "Sertraline"
            text = translate(
                "CourseOutcome", "{outcome} (scores after {treatment} began on {day} not counted)"
            ).format(outcome=text, treatment=title, day=day_text(began))
        return text


def _signed(value: int) -> str:
    return f"+{value}" if value > 0 else f"−{-value}" if value < 0 else "0"


def course_outcome(
    scores: Iterable[QuestionnaireResult],
    instrument: Instrument,
    started: date,
    ended: date | None,
    today: date,
    cut_off: tuple[str, date] | None = None,
) -> CourseOutcome:
    """The outcome on ``instrument`` of a course that began on ``started`` and ended on
    ``ended`` (``None`` while it runs), as of ``today``; ``cut_off`` names another treatment
    begun later (see :func:`next_treatment_after`), whose start ends the follow-up."""
    complete = sorted(
        (s for s in scores if s.instrument is instrument and s.total is not None),
        key=lambda s: (s.taken_on, s.id or 0),
    )
    before = [s for s in complete if s.taken_on <= started]
    last_day = today if ended is None else min(today, ended + timedelta(days=END_GRACE_DAYS))
    if cut_off is not None and cut_off[1] < last_day:
        last_day = cut_off[1]  # a score that day still describes the weeks before it
    else:
        cut_off = None
    follow_up = tuple(s for s in complete if started < s.taken_on <= last_day)
    if not before:
        return CourseOutcome(instrument, OutcomeStatus.NO_BASELINE, None, follow_up)
    candidate = before[-1]
    if (started - candidate.taken_on).days > BASELINE_WINDOW_DAYS:
        return CourseOutcome(
            instrument, OutcomeStatus.BASELINE_TOO_OLD, None, follow_up, stale_baseline=candidate
        )
    status = OutcomeStatus.MEASURED if follow_up else OutcomeStatus.NO_FOLLOW_UP
    return CourseOutcome(instrument, status, candidate, follow_up, cut_off=cut_off)


def next_treatment_after(
    started: date, treatments: Iterable[tuple[str, date]]
) -> tuple[str, date] | None:
    """The first of ``treatments`` (name, start) begun after ``started``, if any."""
    later = [t for t in treatments if t[1] > started]
    return min(later, key=lambda t: t[1]) if later else None


def course_outcomes(
    scores: Iterable[QuestionnaireResult],
    started: date,
    ended: date | None,
    today: date,
    cut_off: tuple[str, date] | None = None,
) -> tuple[CourseOutcome, ...]:
    """One outcome per depression scale that has any score, PHQ-9 first; always the PHQ-9."""
    scores = list(scores)
    present = {s.instrument for s in scores}
    order = (Instrument.PHQ9, Instrument.QIDS_SR16, Instrument.MADRS, Instrument.HAMD17)
    return tuple(
        course_outcome(scores, instrument, started, ended, today, cut_off)
        for instrument in order
        if instrument is Instrument.PHQ9 or instrument in present
    )


def measured_outcomes(
    scores: Iterable[QuestionnaireResult],
    started: date,
    ended: date | None,
    today: date,
    starts: Iterable[tuple[str, date]] = (),
) -> tuple[CourseOutcome, ...]:
    """:func:`course_outcomes` of a treatment that began on ``started``, its follow-up ending
    when the next of the other treatments' ``starts`` (name, start) began."""
    cut_off = next_treatment_after(started, starts)
    return course_outcomes(scores, started, ended, today, cut_off)


def primary_outcome(outcomes: Iterable[CourseOutcome]) -> CourseOutcome | None:
    """The outcome that speaks for the course: the first measured one (PHQ-9 first)."""
    return next((o for o in outcomes if o.is_measured), None)
