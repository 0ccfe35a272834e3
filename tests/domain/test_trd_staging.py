"""Tests for moodlog/domain/trd_staging.py: failed adequate trials, the TRD definition,
Thase–Rush stages and the Maudsley Staging Method."""

from collections.abc import Mapping, Sequence
from datetime import date, datetime, timedelta

import pytest

from moodlog.domain.adherence import Adherence
from moodlog.domain.episode import Episode, EpisodeSeverity
from moodlog.domain.instruments import Instrument
from moodlog.domain.medications import Benefit, DoseStep, Medication, MedicationRole
from moodlog.domain.questionnaire_result import QuestionnaireResult
from moodlog.domain.trd_staging import (
    FOR_CLINICIAN_REVIEW,
    MaudsleyBand,
    MaudsleyScore,
    ThaseRushStage,
    TrdSummary,
    maudsley_duration_points,
    maudsley_failure_points,
    summarise_trd,
)
from moodlog.domain.treatments import CourseKind, TreatmentCourse, TreatmentSession
from moodlog.domain.trial_adequacy import Adequacy

TODAY = date(2026, 11, 21)
EPISODE_START = date(2025, 6, 1)
EPISODE = Episode(started=EPISODE_START, severity=EpisodeSeverity.MODERATE)

_next_id = iter(range(1, 10_000))


def trial(
    name: str,
    drug_class: str,
    benefit: Benefit | None = Benefit.NONE,
    *,
    started: date = date(2025, 7, 1),
    weeks: int | None = 8,
    dose: float = 100.0,
    minimum: float | None = 50.0,
    role: MedicationRole = MedicationRole.ANTIDEPRESSANT,
) -> Medication:
    """A trial from ``started`` lasting ``weeks`` (``None``: still taking) at ``dose``."""
    return Medication(
        name=name,
        started=started,
        doses=(DoseStep(started, dose),),
        drug_class=drug_class,
        role=role,
        stopped=None if weeks is None else started + timedelta(weeks=weeks),
        benefit=benefit,
        adequate_min_dose=minimum,
        id=next(_next_id),
    )


def ect_course(benefit: Benefit | None, placement: str) -> tuple[TreatmentCourse, TreatmentSession]:
    course = TreatmentCourse(
        kind=CourseKind.ECT, started=date(2026, 6, 1), ended=date(2026, 7, 15), benefit=benefit
    )
    course = course.with_id(next(_next_id))
    assert course.id is not None
    session = TreatmentSession(
        course_id=course.id, at=datetime(2026, 6, 1, 9), electrode_placement=placement
    )
    return course, session


def summarise(
    *medications: Medication,
    courses: Sequence[TreatmentCourse] = (),
    sessions: Sequence[TreatmentSession] = (),
    episode: Episode = EPISODE,
    adherence: Mapping[int, Mapping[date, Adherence]] | None = None,
    scores: Sequence[QuestionnaireResult] = (),
) -> TrdSummary:
    return summarise_trd(
        medications,
        adherence or {},
        courses,
        sessions,
        episode=episode,
        today=TODAY,
        scores=scores,
    )


SSRI = trial("Sertraline", "SSRI")
SNRI = trial("Venlafaxine", "SNRI", started=date(2025, 9, 1))
TCA = trial("Nortriptyline", "TCA", started=date(2025, 11, 1))
MAOI = trial("Tranylcypromine", "MAOI", started=date(2026, 1, 1))


# The TRD definition


def test_two_failed_adequate_trials_possibly_meet_the_definition() -> None:
    summary = summarise(SSRI, SNRI)
    assert summary.adequate_failures == 2
    assert summary.definition_met is True
    assert summary.definition_reason.startswith("Possibly met: 2 antidepressants")
    assert summary.definition_reason.endswith("Confirm with your clinician.")
    assert summary.label_for_review == FOR_CLINICIAN_REVIEW


def test_one_failed_trial_does_not_meet_the_definition() -> None:
    summary = summarise(SSRI)
    assert summary.adequate_failures == 1
    assert summary.definition_met is False


def test_response_without_remission_is_a_failure_but_remission_is_not() -> None:
    much_better = trial("Mirtazapine", "NaSSA", Benefit.MUCH)
    well_again = trial("Escitalopram", "SSRI", Benefit.WELL)
    summary = summarise(SSRI, much_better, well_again)
    assert summary.adequate_failures == 2
    assert summary.definition_met is True


def test_an_unrated_adequate_trial_is_counted_apart() -> None:
    unrated = trial("Duloxetine", "SNRI", None)
    summary = summarise(SSRI, unrated)
    assert summary.adequate_failures == 1
    assert summary.adequate_outcome_unknown == 1
    assert summary.definition_met is None
    assert summary.definition_reason.startswith("Can't tell yet")


def test_inadequate_trials_are_not_failures() -> None:
    too_short = trial("Fluoxetine", "SSRI", weeks=3)
    too_low = trial("Duloxetine", "SNRI", dose=30.0, minimum=60.0)
    unknown_drug = trial("Agomelatine", "melatonergic", minimum=None)
    summary = summarise(SSRI, too_short, too_low, unknown_drug)
    assert [a.adequacy for a in summary.assessments] == [
        Adequacy.ADEQUATE,
        Adequacy.TOO_SHORT,
        Adequacy.DOSE_TOO_LOW,
        Adequacy.NOT_ENOUGH_INFORMATION,
    ]
    assert summary.adequate_failures == 1


def test_the_same_medicine_tried_twice_counts_once() -> None:
    again = trial("sertraline ", "SSRI", started=date(2026, 3, 1))
    summary = summarise(SSRI, again)
    assert summary.adequate_failures == 1
    assert summary.definition_met is False


def test_overlapping_trials_both_count() -> None:
    # Mirtazapine added to sertraline for the same eight weeks: two antidepressants failed.
    combined = trial("Mirtazapine", "NaSSA", started=SSRI.started + timedelta(days=3))
    summary = summarise(SSRI, combined)
    assert [a.adequacy for a in summary.assessments] == [Adequacy.ADEQUATE, Adequacy.ADEQUATE]
    assert summary.adequate_failures == 2
    assert summary.thase_rush_stage is ThaseRushStage.II


def test_low_adherence_keeps_a_trial_from_counting() -> None:
    assert SSRI.id is not None
    missed = {SSRI.started + timedelta(days=i): Adherence.MISSED for i in range(30)}
    summary = summarise(SSRI, SNRI, adherence={SSRI.id: missed})
    assert summary.assessments[0].adequacy is Adequacy.ADHERENCE_TOO_LOW
    assert summary.adequate_failures == 1


def test_augmentation_is_not_an_antidepressant_failure_but_scores_in_the_msm() -> None:
    aripiprazole = trial(
        "Aripiprazole",
        "antipsychotic",
        Benefit.NONE,
        dose=5.0,
        minimum=None,
        role=MedicationRole.AUGMENTATION,
        started=SSRI.started + timedelta(weeks=4),
    )
    summary = summarise(SSRI, aripiprazole)
    assert summary.assessments[1].adequacy is Adequacy.NOT_ASSESSED
    assert summary.adequate_failures == 1
    assert summary.maudsley.augmentation_points == 1
    assert summarise(SSRI).maudsley.augmentation_points == 0


# Episode filtering


def test_only_trials_in_the_current_episode_count() -> None:
    before = trial("Citalopram", "SSRI", started=date(2024, 1, 1))  # stopped 2024
    ended_on_the_start = trial(
        "Paroxetine", "SSRI", started=EPISODE_START - timedelta(weeks=8), weeks=8
    )
    running_at_the_start = trial(
        "Fluoxetine", "SSRI", started=EPISODE_START - timedelta(weeks=10), weeks=12
    )
    during = trial("Venlafaxine", "SNRI", started=date(2025, 9, 1))
    augmentation_before = trial(
        "Lithium", "mood stabiliser", started=date(2024, 1, 1), role=MedicationRole.AUGMENTATION
    )
    summary = summarise(
        before, ended_on_the_start, running_at_the_start, during, augmentation_before
    )
    assert [a.medication.name for a in summary.assessments] == ["Fluoxetine", "Venlafaxine"]
    assert summary.adequate_failures == 2
    assert summary.maudsley.augmentation_points == 0


def test_without_an_episode_start_every_trial_counts_but_nothing_is_concluded() -> None:
    before = trial("Citalopram", "SSRI", started=date(2024, 1, 1))
    summary = summarise(before, SNRI, episode=Episode())
    assert len(summary.assessments) == 2
    assert summary.adequate_failures == 2
    assert summary.definition_met is None
    assert summary.thase_rush_stage is ThaseRushStage.II
    assert summary.thase_rush_reason.endswith("the episode's start isn't set.")
    assert summary.maudsley.total is None
    assert "the start of the current episode" in summary.maudsley.missing


def test_ect_before_the_episode_does_not_count() -> None:
    old = TreatmentCourse(kind=CourseKind.ECT, started=date(2020, 1, 1), ended=date(2020, 2, 1))
    current_tms = TreatmentCourse(kind=CourseKind.TMS, started=date(2026, 1, 1))
    assert summarise(SSRI, courses=[old, current_tms]).maudsley.ect_points == 0
    course, _ = ect_course(None, "Right unilateral")
    assert summarise(SSRI, courses=[old, course]).maudsley.ect_points == 1


# Thase-Rush


def test_stage_labels() -> None:
    assert [s.label for s in ThaseRushStage] == [
        "Stage 0",
        "Stage I",
        "Stage II",
        "Stage III",
        "Stage IV",
        "Stage V",
    ]


def test_no_adequate_trial_has_no_stage() -> None:
    summary = summarise(trial("Fluoxetine", "SSRI", weeks=3))
    assert summary.thase_rush_stage is None
    assert summary.thase_rush_reason == "No adequate antidepressant trial is recorded."


def test_unrated_adequate_trials_have_no_stage() -> None:
    summary = summarise(trial("Fluoxetine", "SSRI", None))
    assert summary.thase_rush_stage is None
    assert summary.thase_rush_reason == (
        "How much Fluoxetine helped isn't recorded (no rating, and no PHQ-9 before and after)."
    )


@pytest.mark.parametrize("benefit", [Benefit.MUCH, Benefit.WELL])
def test_stage_0_responded_to_an_adequate_trial(benefit: Benefit) -> None:
    summary = summarise(trial("Escitalopram", "SSRI", benefit), trial("X", "SSRI", weeks=2))
    assert summary.thase_rush_stage is ThaseRushStage.ZERO
    assert summary.thase_rush_reason == "Responded to an adequate trial (Escitalopram)."


def test_stage_i_failed_one_class() -> None:
    summary = summarise(SSRI, trial("Escitalopram", "ssri", Benefit.SOME))
    assert summary.thase_rush_stage is ThaseRushStage.I
    assert summary.thase_rush_reason == (
        "No response to adequate trials of 1 class (SSRI): Sertraline, Escitalopram."
    )


def test_stage_i_with_a_later_response_says_so() -> None:
    summary = summarise(SSRI, trial("Mirtazapine", "NaSSA", Benefit.MUCH))
    assert summary.thase_rush_stage is ThaseRushStage.I
    assert summary.thase_rush_reason.endswith("Responded to an adequate trial of Mirtazapine.")


def test_a_failure_without_a_class_cannot_raise_the_stage() -> None:
    summary = summarise(SSRI, trial("Vortioxetine", ""))
    assert summary.thase_rush_stage is ThaseRushStage.I
    assert "The class of Vortioxetine isn't entered" in summary.thase_rush_reason


def test_stage_ii_failed_a_different_class() -> None:
    summary = summarise(SSRI, SNRI)
    assert summary.thase_rush_stage is ThaseRushStage.II
    assert summary.thase_rush_reason.startswith("No response to adequate trials of 2 classes")


def test_stage_iii_adds_a_tca() -> None:
    assert summarise(SSRI, SNRI, TCA).thase_rush_stage is ThaseRushStage.III


def test_a_tca_as_the_second_class_is_only_stage_ii() -> None:
    assert summarise(SSRI, TCA).thase_rush_stage is ThaseRushStage.II


def test_stage_iv_adds_an_maoi() -> None:
    assert summarise(SSRI, SNRI, TCA, MAOI).thase_rush_stage is ThaseRushStage.IV
    # The MAOI cannot also stand for the second class.
    assert summarise(SSRI, TCA, MAOI).thase_rush_stage is ThaseRushStage.III


def test_stage_v_adds_failed_bilateral_ect() -> None:
    course, session = ect_course(Benefit.SOME, "Bitemporal (bilateral)")
    summary = summarise(SSRI, SNRI, TCA, MAOI, courses=[course], sessions=[session])
    assert summary.thase_rush_stage is ThaseRushStage.V
    assert "and to a course of bilateral ECT." in summary.thase_rush_reason


def test_unilateral_or_helpful_ect_does_not_reach_stage_v() -> None:
    unilateral, session = ect_course(Benefit.NONE, "Right unilateral")
    summary = summarise(SSRI, SNRI, TCA, MAOI, courses=[unilateral], sessions=[session])
    assert summary.thase_rush_stage is ThaseRushStage.IV
    assert "isn't recorded as bitemporal" in summary.thase_rush_reason

    helped, session = ect_course(Benefit.WELL, "Bitemporal (bilateral)")
    summary = summarise(SSRI, SNRI, TCA, MAOI, courses=[helped], sessions=[session])
    assert summary.thase_rush_stage is ThaseRushStage.IV


def test_bilateral_ect_before_stage_iv_does_not_raise_the_stage() -> None:
    course, session = ect_course(Benefit.NONE, "Bitemporal (bilateral)")
    summary = summarise(SSRI, courses=[course], sessions=[session])
    assert summary.thase_rush_stage is ThaseRushStage.I
    assert summary.maudsley.ect_points == 1


# Maudsley Staging Method


@pytest.mark.parametrize(
    ("today", "points"),
    [
        (date(2026, 6, 1), 1),  # exactly 12 months
        (date(2026, 6, 2), 2),
        (date(2027, 6, 1), 2),  # exactly 24 months
        (date(2027, 6, 2), 3),
    ],
)
def test_duration_points(today: date, points: int) -> None:
    assert maudsley_duration_points(EPISODE_START, today) == points


def test_duration_from_a_leap_day() -> None:
    assert maudsley_duration_points(date(2024, 2, 29), date(2025, 2, 28)) == 1
    assert maudsley_duration_points(date(2024, 2, 29), date(2025, 3, 1)) == 2


@pytest.mark.parametrize(
    ("failures", "points"),
    [(0, None), (1, 1), (2, 1), (3, 2), (4, 2), (5, 3), (6, 3), (7, 4), (10, 4), (11, 5)],
)
def test_failure_points(failures: int, points: int | None) -> None:
    assert maudsley_failure_points(failures) == points


def test_msm_total_and_band_from_a_summary() -> None:
    # 17 months (2), moderate (3), 4 failures (2), augmentation (1), ECT (1) = 9.
    lithium = trial("Lithium", "", started=date(2026, 2, 1), role=MedicationRole.AUGMENTATION)
    course, session = ect_course(None, "Right unilateral")
    summary = summarise(SSRI, SNRI, TCA, MAOI, lithium, courses=[course], sessions=[session])
    score = summary.maudsley
    assert (score.duration_points, score.severity_points, score.failure_points) == (2, 3, 2)
    assert (score.augmentation_points, score.ect_points) == (1, 1)
    assert score.total == 9
    assert score.band is MaudsleyBand.MODERATE
    assert score.missing == ()


def test_msm_lowest_and_highest_scores() -> None:
    mildest = summarise(
        trial("Sertraline", "SSRI", started=date(2026, 2, 1)),
        episode=Episode(date(2026, 1, 1), EpisodeSeverity.SUBSYNDROMAL),
    )
    assert mildest.maudsley.total == 3
    assert mildest.maudsley.band is MaudsleyBand.MILD

    many = [
        trial(f"Drug {i}", "SSRI", started=date(2023, 1, 1) + timedelta(weeks=10 * i))
        for i in range(11)
    ]
    lithium = trial("Lithium", "", started=date(2023, 1, 1), role=MedicationRole.AUGMENTATION)
    course, _ = ect_course(Benefit.NONE, "Bitemporal (bilateral)")
    worst = summarise(
        *many,
        lithium,
        courses=[course],
        episode=Episode(date(2022, 12, 1), EpisodeSeverity.SEVERE_WITH_PSYCHOSIS),
    )
    assert worst.adequate_failures == 11
    assert worst.maudsley.total == 15
    assert worst.maudsley.band is MaudsleyBand.SEVERE


@pytest.mark.parametrize(
    ("components", "total", "band"),
    [
        ((1, 3, 1, 1, 0), 6, MaudsleyBand.MILD),
        ((1, 3, 1, 1, 1), 7, MaudsleyBand.MODERATE),
        ((3, 4, 2, 1, 0), 10, MaudsleyBand.MODERATE),
        ((3, 4, 2, 1, 1), 11, MaudsleyBand.SEVERE),
    ],
)
def test_msm_band_edges(
    components: tuple[int, int, int, int, int], total: int, band: MaudsleyBand
) -> None:
    score = MaudsleyScore(*components, missing=())
    assert score.total == total
    assert score.band is band


def test_msm_names_its_missing_components() -> None:
    no_severity = summarise(SSRI, episode=Episode(started=EPISODE_START))
    assert no_severity.maudsley.missing == ("the severity at the episode's start",)
    assert no_severity.maudsley.total is None
    assert no_severity.maudsley.band is None
    assert no_severity.maudsley.duration_points == 2

    no_failures = summarise(trial("Sertraline", "SSRI", Benefit.WELL))
    assert no_failures.maudsley.failure_points is None
    assert no_failures.maudsley.missing == (
        "an antidepressant without remission after an adequate trial",
    )
    assert no_failures.maudsley.total is None

    nothing = summarise(episode=Episode())
    assert len(nothing.maudsley.missing) == 3


# Outcomes measured by the PHQ-9


def phq9_total(day: date, total: int) -> QuestionnaireResult:
    # Nine answers adding up to ``total`` (the last items carry the remainder).
    answers = [min(3, max(0, total - 3 * i)) for i in range(9)]
    assert sum(answers) == total
    return QuestionnaireResult(Instrument.PHQ9, day, answers=tuple(answers))


def test_scores_before_and_after_decide_over_an_unrated_trial() -> None:
    unrated = trial("Sertraline", "SSRI", None)
    before = phq9_total(date(2025, 6, 28), 20)
    after = phq9_total(date(2025, 8, 20), 14)
    summary = summarise(unrated, trial("Venlafaxine", "SNRI", started=date(2025, 9, 1)),
                        scores=[before, after])  # fmt: skip
    sertraline = summary.assessments[0]
    assert sertraline.computed_outcome is not None
    assert sertraline.computed_outcome.is_measured
    assert sertraline.remitted is False
    assert sertraline.responded is False
    assert sertraline.outcome_text.startswith("PHQ-9 20 → 14 (−6 points, −30 %)")
    assert summary.adequate_failures == 2
    assert summary.definition_met is True


def test_scores_showing_remission_outweigh_a_no_improvement_rating() -> None:
    rated_none = trial("Sertraline", "SSRI", Benefit.NONE)
    scores = [phq9_total(date(2025, 6, 30), 18), phq9_total(date(2025, 8, 25), 3)]
    summary = summarise(rated_none, SNRI, scores=scores)
    assert summary.assessments[0].remitted is True
    assert summary.adequate_failures == 1
    assert summary.definition_met is False
    assert summary.thase_rush_stage is ThaseRushStage.I


def test_without_a_baseline_the_persons_rating_still_counts() -> None:
    scores = [phq9_total(date(2025, 8, 25), 3)]  # only after the start
    summary = summarise(trial("Sertraline", "SSRI", Benefit.NONE), SNRI, scores=scores)
    first = summary.assessments[0]
    assert first.computed_outcome is not None
    assert not first.computed_outcome.is_measured
    assert first.remitted is False
    assert first.outcome_text == "Your rating: No real improvement"
    assert summary.adequate_failures == 2


def test_a_trial_is_not_judged_on_scores_after_another_treatment_began() -> None:
    ongoing = trial("Escitalopram", "SSRI", None, started=date(2025, 9, 1), weeks=None)
    added = trial(
        "Aripiprazole", "", None, started=date(2025, 11, 3), role=MedicationRole.AUGMENTATION
    )
    scores = [
        phq9_total(date(2025, 8, 30), 18),
        phq9_total(date(2025, 10, 27), 16),  # before the add-on
        phq9_total(date(2026, 1, 5), 2),  # after it
    ]
    summary = summarise(ongoing, added, scores=scores)
    escitalopram = next(a for a in summary.assessments if a.medication.name == "Escitalopram")
    assert escitalopram.computed_outcome is not None
    assert escitalopram.computed_outcome.latest is not None
    assert escitalopram.computed_outcome.latest.total == 16
    assert escitalopram.remitted is False
    assert "Aripiprazole began on 3 Nov 2025 not counted" in escitalopram.outcome_text
