"""Treatment resistance in the current episode, for clinician review: the count of failed
adequate antidepressant trials, the common TRD definition, Thase–Rush staging and the
Maudsley Staging Method (clinical-reference.md §5.1, §6.1, §6.2).

Nothing here is a diagnosis; every result is shown "for clinician review".

A failure, for the TRD definition and the Maudsley score, is an adequate trial without
remission; for Thase–Rush, which speaks of response, an adequate trial without response.
Both are read from questionnaire scores when the trial has a baseline and a later score
(:mod:`course_outcome`), and otherwise from the person's own rating: remission is "Well
again", response "Much better" or "Well again". An adequate trial with neither is counted
apart.
Two trials of the same medicine count once: the definitions speak of antidepressants.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from enum import IntEnum, StrEnum

from moodlog.domain.adherence import Adherence
from moodlog.domain.calendar_months import add_months
from moodlog.domain.course_outcome import measured_outcomes, primary_outcome
from moodlog.domain.episode import Episode
from moodlog.domain.medication_reference import name_key
from moodlog.domain.medications import Benefit, Medication, MedicationRole
from moodlog.domain.questionnaire_result import QuestionnaireResult
from moodlog.domain.questionnaire_schedule import treatment_spans
from moodlog.domain.translation import QT_TRANSLATE_NOOP, translate
from moodlog.domain.treatments import CourseKind, TreatmentCourse, TreatmentSession
from moodlog.domain.trial_adequacy import TrialAssessment, assess_trial

# In English; :attr:`TrdSummary.label_for_review` gives the person's language.
FOR_CLINICIAN_REVIEW = QT_TRANSLATE_NOOP("TrdStaging", "For clinician review — not a diagnosis.")

# §5.1: inadequate response to at least 2 antidepressants of adequate dose and duration in
# the current episode.
TRD_MIN_FAILURES = 2

TCA_CLASS = "TCA"
MAOI_CLASS = "MAOI"
# ECT electrode placements counted as "bilateral" for Thase-Rush stage V (matched without
# case against the session's placement). Bifrontal is listed apart in the app and not counted.
BILATERAL_ECT_WORDS = ("bitemporal", "bilateral")

_NO_RESPONSE = (Benefit.NONE, Benefit.SOME)


class ThaseRushStage(IntEnum):
    """§6.1."""

    ZERO = 0
    I = 1  # noqa: E741 - the stage's own name
    II = 2
    III = 3
    IV = 4
    V = 5

    @property
    def label(self) -> str:
        #: A Thase-Rush stage of treatment resistance: "Stage 0", "Stage I" … "Stage V"
        return translate("TrdStaging", "Stage {stage}").format(
            stage="0" if self is ThaseRushStage.ZERO else self.name
        )


class MaudsleyBand(StrEnum):
    MILD = "mild"
    MODERATE = "moderate"
    SEVERE = "severe"

    @property
    def label(self) -> str:
        return {
            #: A Maudsley Staging Method band and its range of points
            MaudsleyBand.MILD: translate("TrdStaging", "Mild resistance (3–6)"),
            MaudsleyBand.MODERATE: translate("TrdStaging", "Moderate resistance (7–10)"),
            MaudsleyBand.SEVERE: translate("TrdStaging", "Severe resistance (11–15)"),
        }[self]


@dataclass(frozen=True, slots=True)
class MaudsleyScore:
    """The Maudsley Staging Method's five components (§6.2).

    ``failure_points`` scores failed adequate antidepressant trials in the episode (the MSM
    rates failures with the Maudsley Treatment Inventory, which the app does not have).
    A component the app cannot score is ``None`` and named in ``missing``; the total then
    is ``None``.
    """

    duration_points: int | None
    severity_points: int | None
    failure_points: int | None
    augmentation_points: int
    ect_points: int
    missing: tuple[str, ...]

    @property
    def total(self) -> int | None:
        if (
            self.duration_points is None
            or self.severity_points is None
            or self.failure_points is None
        ):
            return None
        return (
            self.duration_points
            + self.severity_points
            + self.failure_points
            + self.augmentation_points
            + self.ect_points
        )

    @property
    def band(self) -> MaudsleyBand | None:
        total = self.total
        if total is None:
            return None
        if total <= 6:
            return MaudsleyBand.MILD
        if total <= 10:
            return MaudsleyBand.MODERATE
        return MaudsleyBand.SEVERE


@dataclass(frozen=True, slots=True)
class TrdSummary:
    """Treatment resistance in ``episode``.

    ``assessments`` covers every medication in the episode (all of them when its start is
    unset), in start order. ``definition_met`` is ``None`` when the episode's start is unset
    or when ratings not yet recorded could change the answer.
    """

    episode: Episode
    assessments: tuple[TrialAssessment, ...]
    adequate_failures: int
    adequate_outcome_unknown: int
    definition_met: bool | None
    definition_reason: str
    thase_rush_stage: ThaseRushStage | None
    thase_rush_reason: str
    maudsley: MaudsleyScore

    @property
    def label_for_review(self) -> str:
        return translate("TrdStaging", FOR_CLINICIAN_REVIEW)


def medication_in_episode(medication: Medication, episode: Episode) -> bool:
    """Started on or after the episode's start, or still taken on it (any, when unset)."""
    start = episode.started
    return start is None or medication.stopped is None or medication.stopped > start


def course_in_episode(course: TreatmentCourse, episode: Episode) -> bool:
    start = episode.started
    return start is None or course.ended is None or course.ended >= start


def maudsley_duration_points(episode_start: date, today: date) -> int:
    """1 up to 12 months after the start, 2 up to 24 months, 3 beyond."""
    if today <= add_months(episode_start, 12):
        return 1
    if today <= add_months(episode_start, 24):
        return 2
    return 3


def maudsley_failure_points(failures: int) -> int | None:
    """1–2 failed antidepressants 1 point, 3–4 2, 5–6 3, 7–10 4, more 5; none is unscored."""
    if failures <= 0:
        return None
    if failures <= 2:
        return 1
    if failures <= 4:
        return 2
    if failures <= 6:
        return 3
    if failures <= 10:
        return 4
    return 5


def _names(assessments: Iterable[TrialAssessment]) -> str:
    names: dict[str, str] = {}
    for assessment in assessments:
        names.setdefault(name_key(assessment.medication.name), assessment.medication.name.strip())
    return ", ".join(names.values())


def _is_bilateral(course: TreatmentCourse, sessions: Sequence[TreatmentSession]) -> bool:
    return any(
        word in session.electrode_placement.casefold()
        for session in sessions
        if course.id is not None and session.course_id == course.id
        for word in BILATERAL_ECT_WORDS
    )


def _course_failed(
    course: TreatmentCourse,
    scores: Sequence[QuestionnaireResult],
    today: date,
    starts: Sequence[tuple[str, date]],
) -> bool:
    """No response to a course: by the scores when measured, else by the person's rating."""
    measured = primary_outcome(
        measured_outcomes(scores, course.started, course.ended, today, starts)
    )
    if measured is not None and measured.response is not None:
        return not measured.response
    return course.benefit in _NO_RESPONSE


def _thase_rush(
    adequate: Sequence[TrialAssessment],
    ect_courses: Sequence[TreatmentCourse],
    sessions: Sequence[TreatmentSession],
    scores: Sequence[QuestionnaireResult],
    today: date,
    starts: Sequence[tuple[str, date]],
) -> tuple[ThaseRushStage | None, str]:
    failed = [a for a in adequate if a.responded is False]
    responded = [a for a in adequate if a.responded]
    unrated = [a for a in adequate if a.responded is None]
    notes: list[str] = []
    if unrated:
        notes.append(
            #: {medications} lists medicine names, e.g. "Sertraline, Venlafaxine"
            translate(
                "TrdStaging",
                "How much {medications} helped isn't recorded (no rating, and no PHQ-9 "
                "before and after).",
            ).format(medications=_names(unrated))
        )
    if not failed:
        if responded:
            stage_text = translate(
                "TrdStaging", "Responded to an adequate trial ({medications})."
            ).format(medications=_names(responded))
            return ThaseRushStage.ZERO, " ".join([stage_text, *notes])
        if unrated:
            return None, " ".join(notes)
        return None, translate("TrdStaging", "No adequate antidepressant trial is recorded.")

    classes: dict[str, str] = {}
    for assessment in failed:
        drug_class = assessment.medication.drug_class.strip()
        if drug_class:
            classes.setdefault(drug_class.casefold(), drug_class)
    tca, maoi = TCA_CLASS.casefold(), MAOI_CLASS.casefold()
    keys = set(classes)
    if tca in keys and maoi in keys and len(keys - {tca, maoi}) >= 2:
        stage = ThaseRushStage.IV
    elif tca in keys and len(keys - {tca}) >= 2:
        stage = ThaseRushStage.III
    elif len(keys) >= 2:
        stage = ThaseRushStage.II
    else:
        stage = ThaseRushStage.I

    failed_ect = [c for c in ect_courses if _course_failed(c, scores, today, starts)]
    bilateral_failed = any(_is_bilateral(c, sessions) for c in failed_ect)
    if stage is ThaseRushStage.IV and bilateral_failed:
        stage = ThaseRushStage.V
    elif stage is ThaseRushStage.IV and failed_ect:
        notes.append(
            translate(
                "TrdStaging",
                "The ECT course isn't recorded as bitemporal (bilateral), needed for stage V.",
            )
        )
    elif bilateral_failed:
        notes.append(translate("TrdStaging", "Bilateral ECT raises the stage only after stage IV."))

    unclassified = [a for a in failed if not a.medication.drug_class.strip()]
    if unclassified:
        notes.append(
            translate(
                "TrdStaging",
                "The class of {medications} isn't entered, so it can't raise the stage.",
            ).format(medications=_names(unclassified))
        )
    if responded:
        notes.append(
            translate("TrdStaging", "Responded to an adequate trial of {medications}.").format(
                medications=_names(responded)
            )
        )

    class_names = ", ".join(sorted(classes.values(), key=str.casefold))
    bilateral = stage is ThaseRushStage.V
    if not classes:
        if bilateral:
            text = translate(
                "TrdStaging",
                "No response to adequate trials of a class not entered: {medications}, and to "
                "a course of bilateral ECT.",
            )
        else:
            text = translate(
                "TrdStaging",
                "No response to adequate trials of a class not entered: {medications}.",
            )
    elif len(classes) == 1:
        if bilateral:
            text = translate(
                "TrdStaging",
                "No response to adequate trials of 1 class ({classes}): {medications}, and to a "
                "course of bilateral ECT.",
            )
        else:
            #: {classes} names the drug class, e.g. "SSRI"
            text = translate(
                "TrdStaging",
                "No response to adequate trials of 1 class ({classes}): {medications}.",
            )
    elif bilateral:
        text = translate(
            "TrdStaging",
            "No response to adequate trials of {count} classes ({classes}): {medications}, and "
            "to a course of bilateral ECT.",
        )
    else:
        #: {classes} lists drug classes, e.g. "SSRI, SNRI, TCA"
        text = translate(
            "TrdStaging",
            "No response to adequate trials of {count} classes ({classes}): {medications}.",
        )
    stage_text = text.format(count=len(classes), classes=class_names, medications=_names(failed))
    return stage, " ".join([stage_text, *notes])


def _definition(start: date | None, failures: int, unknown: int) -> tuple[bool | None, str]:
    if start is None:
        return None, translate("TrdStaging", "Set the start of the current episode to check this.")
    common = translate(
        "TrdStaging",
        "the common definition is an inadequate response to at least {minimum} "
        "antidepressants at an adequate dose and duration in the current episode",
    ).format(minimum=TRD_MIN_FAILURES)
    if failures == 1:
        failed = translate("TrdStaging", "1 antidepressant")
    else:
        failed = translate("TrdStaging", "{count} antidepressants").format(count=failures)
    if failures >= TRD_MIN_FAILURES:
        #: {failed} is e.g. "2 antidepressants"; {definition} the common definition of TRD
        return True, translate(
            "TrdStaging",
            "Possibly met: {failed} without remission after an adequate trial; {definition}. "
            "Confirm with your clinician.",
        ).format(failed=failed, definition=common)
    if failures + unknown >= TRD_MIN_FAILURES:
        #: {unknown} is a number of antidepressants
        return None, translate(
            "TrdStaging",
            "Can't tell yet: {failed} without remission, and how much {unknown} more helped "
            "isn't recorded; {definition}.",
        ).format(failed=failed, unknown=unknown, definition=common)
    return False, translate(
        "TrdStaging",
        "Not met so far: {failed} without remission after an adequate trial; {definition}.",
    ).format(failed=failed, definition=common)


def treatment_starts(
    medications: Iterable[Medication], courses: Iterable[TreatmentCourse]
) -> list[tuple[str, date]]:
    """When each treatment for depression began: the starts that end a trial's follow-up."""
    return [(span.title, span.started) for span in treatment_spans(medications, courses)]


def with_measured_outcome(
    assessment: TrialAssessment,
    scores: Sequence[QuestionnaireResult],
    today: date,
    starts: Sequence[tuple[str, date]] = (),
) -> TrialAssessment:
    """``assessment`` with its questionnaire outcome attached (the first measured scale,
    else the PHQ-9's, which says why nothing was measured); follow-up stops when the next
    of ``starts`` (other treatments) began."""
    medication = assessment.medication
    outcomes = measured_outcomes(scores, medication.started, medication.stopped, today, starts)
    chosen = primary_outcome(outcomes) or outcomes[0]
    return replace(assessment, computed_outcome=chosen)


def summarise_trd(
    medications: Sequence[Medication],
    adherence_by_medication: Mapping[int, Mapping[date, Adherence]],
    courses: Sequence[TreatmentCourse],
    sessions: Sequence[TreatmentSession],
    episode: Episode,
    today: date,
    scores: Sequence[QuestionnaireResult] = (),
) -> TrdSummary:
    """Assess every medication in ``episode`` and stage the resistance they show.

    ``adherence_by_medication`` is keyed by medication id; ``sessions`` are the treatment
    sessions of ``courses`` (only ECT electrode placements are read); ``scores`` are the
    questionnaire results that measure each trial's outcome.
    """
    in_episode = sorted(
        (m for m in medications if medication_in_episode(m, episode)), key=lambda m: m.started
    )
    starts = treatment_starts(medications, courses)
    assessments = tuple(
        with_measured_outcome(
            assess_trial(
                m, adherence_by_medication.get(m.id, {}) if m.id is not None else {}, today
            ),
            scores,
            today,
            starts,
        )
        for m in in_episode
    )
    adequate = [a for a in assessments if a.is_adequate]
    failed_names = {name_key(a.medication.name) for a in adequate if a.remitted is False}
    unknown_names = {name_key(a.medication.name) for a in adequate if a.remitted is None}
    unknown_names -= failed_names
    failures, unknown = len(failed_names), len(unknown_names)
    definition_met, definition_reason = _definition(episode.started, failures, unknown)

    ect_courses = [c for c in courses if c.kind is CourseKind.ECT and course_in_episode(c, episode)]
    stage, stage_reason = _thase_rush(adequate, ect_courses, sessions, scores, today, starts)
    if episode.started is None:
        stage_reason += " " + translate(
            "TrdStaging", "Counted over all trials entered: the episode's start isn't set."
        )

    missing: list[str] = []
    duration_points = None
    if episode.started is None:
        #: Completes "Not scored — missing: …"
        missing.append(translate("TrdStaging", "the start of the current episode"))
    else:
        duration_points = maudsley_duration_points(episode.started, today)
    if episode.severity is None:
        #: Completes "Not scored — missing: …"
        missing.append(translate("TrdStaging", "the severity at the episode's start"))
    failure_points = maudsley_failure_points(failures)
    if failure_points is None:
        #: Completes "Not scored — missing: …"
        missing.append(
            translate("TrdStaging", "an antidepressant without remission after an adequate trial")
        )
    maudsley = MaudsleyScore(
        duration_points=duration_points,
        severity_points=None if episode.severity is None else int(episode.severity),
        failure_points=failure_points,
        augmentation_points=int(any(m.role is MedicationRole.AUGMENTATION for m in in_episode)),
        ect_points=int(bool(ect_courses)),
        missing=tuple(missing),
    )
    return TrdSummary(
        episode=episode,
        assessments=assessments,
        adequate_failures=failures,
        adequate_outcome_unknown=unknown,
        definition_met=definition_met,
        definition_reason=definition_reason,
        thase_rush_stage=stage,
        thase_rush_reason=stage_reason,
        maudsley=maudsley,
    )
