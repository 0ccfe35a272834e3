"""Whether an antidepressant trial was adequate: long enough, at a high enough dose, taken
often enough.

Adequacy is a judgement the app can only suggest ("possibly; confirm with your clinician"):
the minimum doses are editable proxies, not a validated instrument (clinical-reference.md
§0.2 rule 4, §5.3). Each verdict carries its reason in plain words and the caveats that
weaken it.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from moodlog.domain.adherence import Adherence
from moodlog.domain.course_outcome import CourseOutcome
from moodlog.domain.day_counts import days_text
from moodlog.domain.medications import Benefit, Medication, MedicationRole, Schedule, format_dose
from moodlog.domain.translation import QT_TRANSLATE_NOOP, translate

# Weeks at or above the adequate minimum dose: the rule. clinical-reference §5.2 gives
# >=6 weeks for the MGH-ATRQ (unverified) and 6 weeks or more elsewhere (Exeter EHR phenotype
# >=6, MGH White Book 6 to 12, Asia-Pacific consensus 6 to 8).
ADEQUATE_WEEKS = 6
ADEQUATE_DAYS = ADEQUATE_WEEKS * 7
# Sforzini 2022 (§5.1, §5.2): stopping before the end of week 4 does not count as a failure,
# and that consensus accepts ≥4 weeks; a trial of 4 to 6 weeks is flagged for the clinician.
CONSENSUS_MIN_WEEKS = 4
# Share of the recorded days' doses taken (PARTLY counts half): the issue's rule; the clinical
# reference gives no adherence threshold.
ADEQUATE_ADHERENCE = 0.8
# The app's own choice: fewer recorded days than this say too little about six weeks, so
# adherence cannot fail a trial on them.
MIN_RECORDED_DAYS = 7

# Caveats shown under a verdict; in English here, translated when a verdict is made.
CAVEAT_APPROXIMATE_DATES = QT_TRANSLATE_NOOP(
    "TrialAdequacy", "Dates entered by month, so weeks are approximate"
)
CAVEAT_SINGLE_DOSE = QT_TRANSLATE_NOOP(
    "TrialAdequacy", "Only the highest dose was entered; assumed taken at that dose throughout"
)
CAVEAT_NO_ADHERENCE = QT_TRANSLATE_NOOP("TrialAdequacy", "Adherence not recorded")


class Adequacy(StrEnum):
    ADEQUATE = "adequate"
    TOO_SHORT = "too_short"
    DOSE_TOO_LOW = "dose_too_low"
    ADHERENCE_TOO_LOW = "adherence_too_low"
    NOT_ENOUGH_INFORMATION = "not_enough_information"
    ONGOING = "ongoing"
    NOT_ASSESSED = "not_assessed"

    @property
    def label(self) -> str:
        return {
            #: Whether a medication trial was adequate
            Adequacy.ADEQUATE: translate("TrialAdequacy", "Possibly adequate"),
            #: Whether a medication trial was adequate: it was too short
            Adequacy.TOO_SHORT: translate("TrialAdequacy", "Too short"),
            Adequacy.DOSE_TOO_LOW: translate("TrialAdequacy", "Dose below the adequate minimum"),
            Adequacy.ADHERENCE_TOO_LOW: translate("TrialAdequacy", "Adherence too low"),
            Adequacy.NOT_ENOUGH_INFORMATION: translate("TrialAdequacy", "Not enough information"),
            Adequacy.ONGOING: translate("TrialAdequacy", "Still under way"),
            Adequacy.NOT_ASSESSED: translate("TrialAdequacy", "Not judged"),
        }[self]


@dataclass(frozen=True, slots=True)
class TrialAssessment:
    """The verdict on one medication trial, with the figures behind it.

    ``weeks_at_adequate_dose`` is ``None`` when the adequate minimum is unknown.
    ``adherence`` is the share of doses taken over the recorded days among those counted
    for adequacy (the days at an adequate dose; every day taken when the minimum is
    unknown), ``None`` when none of them has a record; ``recorded_days`` counts those
    records. ``outcome`` is the person's own rating; ``computed_outcome`` is the outcome
    measured by questionnaires (see :mod:`course_outcome`), when it has been attached.
    """

    medication: Medication
    weeks_taken: float
    weeks_at_adequate_dose: float | None
    adherence: float | None
    recorded_days: int
    adequacy: Adequacy
    reason: str
    outcome: Benefit | None
    caveats: tuple[str, ...] = ()
    computed_outcome: CourseOutcome | None = None

    @property
    def is_adequate(self) -> bool:
        return self.adequacy is Adequacy.ADEQUATE

    @property
    def _measured(self) -> CourseOutcome | None:
        outcome = self.computed_outcome
        return outcome if outcome is not None and outcome.is_measured else None

    @property
    def remitted(self) -> bool | None:
        """Remission by the questionnaire scores when there are a baseline and a later score;
        otherwise by the person's own rating ("Well again"); ``None`` when neither says."""
        measured = self._measured
        if measured is not None and measured.remission is not None:
            return measured.remission
        return None if self.outcome is None else self.outcome is Benefit.WELL

    @property
    def responded(self) -> bool | None:
        """Response (a drop of at least 50 %) by the scores, else by the person's rating
        ("Much better" or "Well again")."""
        measured = self._measured
        if measured is not None and measured.response is not None:
            return measured.response
        return None if self.outcome is None else self.outcome in (Benefit.MUCH, Benefit.WELL)

    @property
    def outcome_text(self) -> str:
        """How it went, by the scores when measured, else the person's rating."""
        measured = self._measured
        if measured is not None:
            return measured.text
        if self.outcome is None:
            return translate("TrialAdequacy", "Not rated")
        #: The person's own rating of how well a treatment helped
        return translate("TrialAdequacy", "Your rating: {rating}").format(rating=self.outcome.label)


@dataclass(frozen=True, slots=True)
class _Tally:
    days_taken: int
    adequate_days: int | None
    recorded_days: int
    taken_share: float
    any_record: bool


def _tally(medication: Medication, adherence: Mapping[date, Adherence], end: date) -> _Tally:
    """One pass over the days taken, walking the dose steps alongside (O(days + steps))."""
    minimum = medication.adequate_min_dose
    steps = medication.sorted_doses
    days_taken = max(0, (end - medication.started).days)
    adequate_days = 0
    recorded = 0
    taken = 0.0
    any_record = False
    step = 0
    for offset in range(days_taken):
        day = medication.started + timedelta(days=offset)
        # Like Medication.dose_on: the latest step begun by ``day``, else the first step.
        while step + 1 < len(steps) and steps[step + 1].start <= day:
            step += 1
        dose = steps[step].dose if steps else None
        counted = minimum is None or (dose is not None and dose >= minimum)
        if minimum is not None and counted:
            adequate_days += 1
        record = adherence.get(day)
        if record is None:
            continue
        any_record = True
        if counted:
            recorded += 1
            taken += record.counts_as_taken
    return _Tally(
        days_taken=days_taken,
        adequate_days=None if minimum is None else adequate_days,
        recorded_days=recorded,
        taken_share=taken / recorded if recorded else 0.0,
        any_record=any_record,
    )


def _duration(days: int, approximate: bool) -> str:
    """ "6 weeks", "5 weeks and 6 days", "about 9 weeks"."""
    if approximate:
        weeks = round(days / 7)
        if weeks == 1:
            return translate("TrialAdequacy", "about 1 week")
        return translate("TrialAdequacy", "about {weeks} weeks").format(weeks=weeks)
    weeks, rest = divmod(days, 7)
    weeks_text = (
        translate("TrialAdequacy", "1 week")
        if weeks == 1
        else translate("TrialAdequacy", "{weeks} weeks").format(weeks=weeks)
    )
    if not weeks:
        return days_text(rest)
    if not rest:
        return weeks_text
    #: A length of time, e.g. "5 weeks and 6 days"
    return translate("TrialAdequacy", "{weeks} and {days}").format(
        weeks=weeks_text, days=days_text(rest)
    )


def _stopped_early(taken_text: str) -> str:
    #: {time} is how long it was taken, e.g. "3 weeks and 2 days"
    return translate(
        "TrialAdequacy",
        "Stopped after {time}; {weeks} weeks are needed — possibly; confirm with your clinician.",
    ).format(time=taken_text, weeks=ADEQUATE_WEEKS)


def _not_judged(medication: Medication, reason: str, weeks: float) -> TrialAssessment:
    return TrialAssessment(
        medication=medication,
        weeks_taken=weeks,
        weeks_at_adequate_dose=None,
        adherence=None,
        recorded_days=0,
        adequacy=Adequacy.NOT_ASSESSED,
        reason=reason,
        outcome=medication.benefit,
    )


def assess_trial(
    medication: Medication, adherence: Mapping[date, Adherence], today: date
) -> TrialAssessment:
    """Judge one trial as of ``today``.

    Only scheduled antidepressants are judged. A trial is possibly adequate after at least
    :data:`ADEQUATE_DAYS` days at or above its adequate minimum dose (only those days count
    when the dose was raised into range), unless at least :data:`MIN_RECORDED_DAYS`
    recorded days among them show under :data:`ADEQUATE_ADHERENCE` taken. Calendar days
    count through missed doses; the missed days lower adherence instead.
    """
    still_taking = medication.stopped is None or medication.stopped > today
    end = today if still_taking or medication.stopped is None else medication.stopped
    approx = medication.dates_approximate
    weeks = max(0, (end - medication.started).days) / 7
    if medication.role is MedicationRole.AUGMENTATION:
        # clinical-reference §5.4: what makes an augmentation trial adequate was not found.
        return _not_judged(
            medication,
            translate(
                "TrialAdequacy",
                "There is no agreed rule for an adequate trial of an add-on medicine, "
                "so it isn't judged.",
            ),
            weeks,
        )
    if medication.role is MedicationRole.OTHER:
        return _not_judged(
            medication,
            translate("TrialAdequacy", "Not an antidepressant, so it isn't judged as a trial."),
            weeks,
        )
    if medication.schedule is Schedule.AS_NEEDED:
        return _not_judged(
            medication,
            translate(
                "TrialAdequacy",
                "Taken as needed rather than every day, so it isn't judged as a trial.",
            ),
            weeks,
        )

    tally = _tally(medication, adherence, end)
    minimum = medication.adequate_min_dose
    share = tally.taken_share if tally.recorded_days else None
    adherence_fails = (
        share is not None
        and tally.recorded_days >= MIN_RECORDED_DAYS
        and share < ADEQUATE_ADHERENCE
    )

    caveats: list[str] = []
    if approx:
        caveats.append(translate("TrialAdequacy", CAVEAT_APPROXIMATE_DATES))
        if len(medication.doses) == 1:
            caveats.append(translate("TrialAdequacy", CAVEAT_SINGLE_DOSE))
    if not tally.any_record:
        caveats.append(translate("TrialAdequacy", CAVEAT_NO_ADHERENCE))
    elif 0 < tally.recorded_days < MIN_RECORDED_DAYS:
        if tally.recorded_days == 1:
            caveats.append(
                translate("TrialAdequacy", "Adherence recorded on only 1 day, too few to judge")
            )
        else:
            caveats.append(
                translate(
                    "TrialAdequacy", "Adherence recorded on only {days} days, too few to judge"
                ).format(days=tally.recorded_days)
            )

    taken_text = _duration(tally.days_taken, approx)
    adequacy: Adequacy
    if not medication.doses:
        adequacy = Adequacy.NOT_ENOUGH_INFORMATION
        reason = translate("TrialAdequacy", "No dose is entered, so the dose can't be judged.")
    elif minimum is None or tally.adequate_days is None:
        if not still_taking and tally.days_taken < ADEQUATE_DAYS:
            adequacy = Adequacy.TOO_SHORT
            reason = _stopped_early(taken_text)
        else:
            adequacy = Adequacy.NOT_ENOUGH_INFORMATION
            reason = translate(
                "TrialAdequacy",
                "The adequate minimum dose for this medicine isn't entered, so the dose "
                "can't be judged. You or your clinician can add it.",
            )
    else:
        min_text = format_dose(minimum, medication.unit)
        adequate_text = _duration(tally.adequate_days, approx)
        if tally.adequate_days >= ADEQUATE_DAYS:
            if adherence_fails and share is not None:
                adequacy = Adequacy.ADHERENCE_TOO_LOW
                reason = translate(
                    "TrialAdequacy",
                    "Taken for {time} at or above {dose}, but only about {share} of the recorded "
                    "doses were taken; {needed} is needed — possibly; confirm with your "
                    "clinician.",
                ).format(
                    time=adequate_text,
                    dose=min_text,
                    share=f"{share:.0%}",
                    needed=f"{ADEQUATE_ADHERENCE:.0%}",
                )
            elif share is not None:
                adequacy = Adequacy.ADEQUATE
                reason = translate(
                    "TrialAdequacy",
                    "Taken for {time} at or above {dose}, with about {share} of the recorded "
                    "doses taken — possibly; confirm with your clinician.",
                ).format(time=adequate_text, dose=min_text, share=f"{share:.0%}")
            else:
                adequacy = Adequacy.ADEQUATE
                reason = translate(
                    "TrialAdequacy",
                    "Taken for {time} at or above {dose} — possibly; confirm with your clinician.",
                ).format(time=adequate_text, dose=min_text)
        elif still_taking:
            adequacy = Adequacy.ONGOING
            current = medication.current_dose
            if current is not None and current < minimum:
                reason = translate(
                    "TrialAdequacy",
                    "Still under way. The dose is below the adequate minimum of {dose}; "
                    "{weeks} weeks at or above it are needed.",
                ).format(dose=min_text, weeks=ADEQUATE_WEEKS)
            else:
                reason = translate(
                    "TrialAdequacy",
                    "Still under way: {time} at or above {dose} so far; {weeks} weeks are needed.",
                ).format(time=adequate_text, dose=min_text, weeks=ADEQUATE_WEEKS)
            if adherence_fails:
                caveats.append(
                    translate("TrialAdequacy", "Adherence so far is below {needed}").format(
                        needed=f"{ADEQUATE_ADHERENCE:.0%}"
                    )
                )
        elif tally.days_taken < ADEQUATE_DAYS:
            adequacy = Adequacy.TOO_SHORT
            reason = _stopped_early(taken_text)
        else:
            adequacy = Adequacy.DOSE_TOO_LOW
            reason = translate(
                "TrialAdequacy",
                "Taken for {taken}, but only {time} at or above the adequate minimum of {dose}; "
                "{weeks} weeks are needed — possibly; confirm with your clinician.",
            ).format(taken=taken_text, time=adequate_text, dose=min_text, weeks=ADEQUATE_WEEKS)
        if (
            adequacy in (Adequacy.TOO_SHORT, Adequacy.DOSE_TOO_LOW)
            and tally.adequate_days >= CONSENSUS_MIN_WEEKS * 7
        ):
            caveats.append(
                translate(
                    "TrialAdequacy",
                    "At least {weeks} weeks at an adequate dose: the European consensus "
                    "(Sforzini 2022) uses 4 weeks or more — for clinician review",
                ).format(weeks=CONSENSUS_MIN_WEEKS)
            )

    return TrialAssessment(
        medication=medication,
        weeks_taken=tally.days_taken / 7,
        weeks_at_adequate_dose=None if tally.adequate_days is None else tally.adequate_days / 7,
        adherence=share,
        recorded_days=tally.recorded_days,
        adequacy=adequacy,
        reason=reason,
        outcome=medication.benefit,
        caveats=tuple(caveats),
    )
