"""Tests for moodlog/domain/trial_adequacy.py: when a medication trial counts as adequate."""

from collections.abc import Mapping
from dataclasses import replace
from datetime import date, timedelta

import pytest

from moodlog.domain.adherence import Adherence
from moodlog.domain.medications import (
    Benefit,
    DoseStep,
    Medication,
    MedicationRole,
    Schedule,
    StopReason,
)
from moodlog.domain.trial_adequacy import (
    CAVEAT_APPROXIMATE_DATES,
    CAVEAT_NO_ADHERENCE,
    CAVEAT_SINGLE_DOSE,
    Adequacy,
    TrialAssessment,
    assess_trial,
)

TODAY = date(2026, 11, 21)
START = date(2026, 1, 5)
CONFIRM = "— possibly; confirm with your clinician."


def day(offset: int) -> date:
    return START + timedelta(days=offset)


def sertraline(
    days: int | None,
    *,
    doses: tuple[tuple[int, float], ...] = ((0, 50.0),),
    minimum: float | None = 50.0,
    **changes: object,
) -> Medication:
    """Sertraline from START, stopped after ``days`` (``None``: still taking)."""
    medication = Medication(
        name="Sertraline",
        started=START,
        doses=tuple(DoseStep(day(offset), dose) for offset, dose in doses),
        drug_class="SSRI",
        stopped=None if days is None else day(days),
        stop_reason=None if days is None else StopReason.NOT_EFFECTIVE,
        adequate_min_dose=minimum,
    )
    return replace(medication, **changes)


def records(*runs: tuple[int, int, Adherence]) -> dict[date, Adherence]:
    """Adherence for each run of days ``[first, last)``."""
    return {day(i): value for first, last, value in runs for i in range(first, last)}


def assess(
    medication: Medication, adherence: Mapping[date, Adherence] | None = None
) -> TrialAssessment:
    return assess_trial(medication, adherence or {}, TODAY)


def test_labels_are_distinct() -> None:
    assert len({a.label for a in Adequacy}) == len(Adequacy)
    assert Adequacy.ADEQUATE.label == "Possibly adequate"


def test_exactly_six_weeks_at_an_adequate_dose_is_adequate() -> None:
    result = assess(sertraline(42))
    assert result.adequacy is Adequacy.ADEQUATE
    assert result.weeks_taken == 6.0
    assert result.weeks_at_adequate_dose == 6.0
    assert result.reason == f"Taken for 6 weeks at or above 50 mg {CONFIRM}"


def test_one_day_short_of_six_weeks_is_too_short() -> None:
    result = assess(sertraline(41))
    assert result.adequacy is Adequacy.TOO_SHORT
    assert result.weeks_taken == pytest.approx(41 / 7)
    assert result.reason == f"Stopped after 5 weeks and 6 days; 6 weeks are needed {CONFIRM}"


def test_a_current_trial_becomes_adequate_on_day_42() -> None:
    started_41_days_ago = sertraline(None, started=TODAY - timedelta(days=41))
    assert assess(started_41_days_ago).adequacy is Adequacy.ONGOING
    started_42_days_ago = sertraline(None, started=TODAY - timedelta(days=42))
    assert assess(started_42_days_ago).adequacy is Adequacy.ADEQUATE


def test_only_the_weeks_at_or_above_the_minimum_count_after_a_dose_raise() -> None:
    # 25 mg for two weeks, then 50 mg: 8 weeks taken, 6 of them at an adequate dose.
    raised = sertraline(56, doses=((0, 25.0), (14, 50.0)))
    result = assess(raised)
    assert result.adequacy is Adequacy.ADEQUATE
    assert result.weeks_taken == 8.0
    assert result.weeks_at_adequate_dose == 6.0

    raised_a_day_later = assess(sertraline(56, doses=((0, 25.0), (15, 50.0))))
    assert raised_a_day_later.adequacy is Adequacy.DOSE_TOO_LOW
    assert raised_a_day_later.weeks_at_adequate_dose == pytest.approx(41 / 7)
    assert raised_a_day_later.reason == (
        "Taken for 8 weeks, but only 5 weeks and 6 days at or above the adequate minimum of "
        f"50 mg; 6 weeks are needed {CONFIRM}"
    )


def test_a_dose_lowered_below_the_minimum_stops_counting() -> None:
    lowered = sertraline(70, doses=((0, 50.0), (30, 25.0)))
    result = assess(lowered)
    assert result.adequacy is Adequacy.DOSE_TOO_LOW
    assert result.weeks_at_adequate_dose == pytest.approx(30 / 7)


def test_a_dose_never_in_range_is_too_low() -> None:
    result = assess(sertraline(70, doses=((0, 25.0),)))
    assert result.adequacy is Adequacy.DOSE_TOO_LOW
    assert result.weeks_at_adequate_dose == 0.0


def test_an_interruption_keeps_the_calendar_weeks_but_lowers_adherence() -> None:
    # 60 days at 50 mg; a three-week gap of missed doses in the middle.
    adherence = records(
        (0, 20, Adherence.TAKEN), (20, 41, Adherence.MISSED), (41, 60, Adherence.TAKEN)
    )
    result = assess(sertraline(60), adherence)
    assert result.adequacy is Adequacy.ADHERENCE_TOO_LOW
    assert result.weeks_taken == pytest.approx(60 / 7)
    assert result.weeks_at_adequate_dose == pytest.approx(60 / 7)
    assert result.recorded_days == 60
    assert result.adherence == pytest.approx(39 / 60)
    assert result.reason == (
        "Taken for 8 weeks and 4 days at or above 50 mg, but only about 65% of the recorded "
        f"doses were taken; 80% is needed {CONFIRM}"
    )


@pytest.mark.parametrize(
    ("taken", "partly", "missed", "expected"),
    [
        (8, 0, 2, Adequacy.ADEQUATE),  # exactly 80%
        (7, 1, 2, Adequacy.ADHERENCE_TOO_LOW),  # 75%: a partly-taken day counts half
        (6, 4, 0, Adequacy.ADEQUATE),  # 80%
        (5, 4, 1, Adequacy.ADHERENCE_TOO_LOW),  # 70%
    ],
)
def test_partly_taken_days_count_half(
    taken: int, partly: int, missed: int, expected: Adequacy
) -> None:
    adherence = records(
        (0, taken, Adherence.TAKEN),
        (taken, taken + partly, Adherence.PARTLY),
        (taken + partly, taken + partly + missed, Adherence.MISSED),
    )
    result = assess(sertraline(50), adherence)
    assert result.recorded_days == 10
    assert result.adequacy is expected


def test_missed_doses_during_titration_below_the_minimum_do_not_count() -> None:
    raised = sertraline(56, doses=((0, 25.0), (14, 50.0)))
    adherence = records((0, 14, Adherence.MISSED), (14, 56, Adherence.TAKEN))
    result = assess(raised, adherence)
    assert result.adequacy is Adequacy.ADEQUATE
    assert result.recorded_days == 42
    assert result.adherence == 1.0


def test_fewer_than_seven_recorded_days_cannot_fail_a_trial() -> None:
    six_missed = records((0, 6, Adherence.MISSED))
    result = assess(sertraline(50), six_missed)
    assert result.adequacy is Adequacy.ADEQUATE
    assert result.adherence == 0.0
    assert "Adherence recorded on only 6 days, too few to judge" in result.caveats

    one_missed = assess(sertraline(50), records((0, 1, Adherence.MISSED)))
    assert "Adherence recorded on only 1 day, too few to judge" in one_missed.caveats

    seven_missed = records((0, 7, Adherence.MISSED))
    assert assess(sertraline(50), seven_missed).adequacy is Adequacy.ADHERENCE_TOO_LOW


def test_missing_adherence_does_not_fail_a_trial_but_is_shown() -> None:
    result = assess(sertraline(50))
    assert result.adequacy is Adequacy.ADEQUATE
    assert result.adherence is None
    assert result.recorded_days == 0
    assert CAVEAT_NO_ADHERENCE in result.caveats
    assert "%" not in result.reason


def test_recorded_adherence_is_in_the_reason_and_not_a_caveat() -> None:
    result = assess(sertraline(50), records((0, 50, Adherence.TAKEN)))
    assert CAVEAT_NO_ADHERENCE not in result.caveats
    assert result.reason == (
        f"Taken for 7 weeks and 1 day at or above 50 mg, with about 100% of the recorded doses "
        f"taken {CONFIRM}"
    )


def test_an_unknown_minimum_dose_is_not_enough_information() -> None:
    result = assess(sertraline(70, minimum=None))
    assert result.adequacy is Adequacy.NOT_ENOUGH_INFORMATION
    assert result.weeks_at_adequate_dose is None
    assert result.weeks_taken == 10.0
    assert "minimum dose for this medicine isn't entered" in result.reason


def test_an_unknown_drug_stopped_early_is_too_short() -> None:
    result = assess(sertraline(20, minimum=None))
    assert result.adequacy is Adequacy.TOO_SHORT
    assert result.reason == f"Stopped after 2 weeks and 6 days; 6 weeks are needed {CONFIRM}"


def test_an_unknown_drug_still_taken_is_not_enough_information() -> None:
    assert assess(sertraline(None, minimum=None)).adequacy is Adequacy.NOT_ENOUGH_INFORMATION


def test_an_unknown_drug_measures_adherence_over_every_day_taken() -> None:
    adherence = records((0, 10, Adherence.TAKEN), (10, 20, Adherence.MISSED))
    result = assess(sertraline(70, minimum=None), adherence)
    assert result.recorded_days == 20
    assert result.adherence == 0.5


def test_a_medication_without_a_dose_is_not_enough_information() -> None:
    result = assess(sertraline(70, doses=()))
    assert result.adequacy is Adequacy.NOT_ENOUGH_INFORMATION
    assert result.reason == "No dose is entered, so the dose can't be judged."


def test_a_past_trial_with_approximate_dates_assumes_its_single_dose_throughout() -> None:
    past = Medication(
        name="Venlafaxine XR",
        started=date(2019, 3, 1),
        stopped=date(2019, 6, 1),
        doses=(DoseStep(date(2019, 5, 1), 150.0),),  # the highest dose, dated when reached
        drug_class="SNRI",
        adequate_min_dose=75.0,
        dates_approximate=True,
        benefit=Benefit.SOME,
    )
    result = assess(past)
    assert result.adequacy is Adequacy.ADEQUATE
    assert result.weeks_at_adequate_dose == pytest.approx(92 / 7)
    assert result.reason == f"Taken for about 13 weeks at or above 75 mg {CONFIRM}"
    assert result.caveats == (CAVEAT_APPROXIMATE_DATES, CAVEAT_SINGLE_DOSE, CAVEAT_NO_ADHERENCE)
    assert result.outcome is Benefit.SOME
    assert result.computed_outcome is None


def test_an_approximate_trial_with_its_titration_entered_has_no_single_dose_caveat() -> None:
    titrated = sertraline(90, doses=((0, 25.0), (31, 100.0)), dates_approximate=True)
    result = assess(titrated)
    assert CAVEAT_APPROXIMATE_DATES in result.caveats
    assert CAVEAT_SINGLE_DOSE not in result.caveats
    assert result.weeks_at_adequate_dose == pytest.approx(59 / 7)


def test_a_one_month_past_trial_is_too_short() -> None:
    past = sertraline(31, dates_approximate=True)
    result = assess(past)
    assert result.adequacy is Adequacy.TOO_SHORT
    assert result.reason == f"Stopped after about 4 weeks; 6 weeks are needed {CONFIRM}"


def test_still_taking_under_six_weeks_is_under_way() -> None:
    current = sertraline(None, started=TODAY - timedelta(days=21))
    result = assess(current)
    assert result.adequacy is Adequacy.ONGOING
    assert result.weeks_taken == 3.0
    assert result.reason == "Still under way: 3 weeks at or above 50 mg so far; 6 weeks are needed."
    assert CONFIRM not in result.reason


def test_still_taking_below_the_minimum_says_so() -> None:
    started = TODAY - timedelta(days=100)
    current = Medication(
        name="Sertraline",
        started=started,
        doses=(DoseStep(started, 25.0),),
        adequate_min_dose=50.0,
    )
    result = assess_trial(current, {}, TODAY)
    assert result.adequacy is Adequacy.ONGOING
    assert result.weeks_at_adequate_dose == 0.0
    assert result.reason.startswith("Still under way. The dose is below the adequate minimum")


def test_low_adherence_so_far_is_a_caveat_while_under_way() -> None:
    started = TODAY - timedelta(days=20)
    current = sertraline(None, started=started)
    adherence = {started + timedelta(days=i): Adherence.MISSED for i in range(10)}
    result = assess_trial(current, adherence, TODAY)
    assert result.adequacy is Adequacy.ONGOING
    assert "Adherence so far is below 80%" in result.caveats


def test_four_to_six_weeks_at_an_adequate_dose_is_flagged_for_review() -> None:
    caveat_start = "At least 4 weeks at an adequate dose"
    four_weeks = assess(sertraline(28))
    assert four_weeks.adequacy is Adequacy.TOO_SHORT
    assert any(c.startswith(caveat_start) for c in four_weeks.caveats)
    under_four = assess(sertraline(27))
    assert not any(c.startswith(caveat_start) for c in under_four.caveats)


@pytest.mark.parametrize(
    ("role", "schedule", "reason_part"),
    [
        (MedicationRole.AUGMENTATION, Schedule.SCHEDULED, "no agreed rule"),
        (MedicationRole.OTHER, Schedule.SCHEDULED, "Not an antidepressant"),
        (MedicationRole.ANTIDEPRESSANT, Schedule.AS_NEEDED, "Taken as needed"),
    ],
)
def test_only_scheduled_antidepressants_are_judged(
    role: MedicationRole, schedule: Schedule, reason_part: str
) -> None:
    result = assess(sertraline(70, role=role, schedule=schedule))
    assert result.adequacy is Adequacy.NOT_ASSESSED
    assert reason_part in result.reason
    assert result.weeks_taken == 10.0


def test_a_ten_year_trial_with_many_dose_changes() -> None:
    started = TODAY - timedelta(days=3650)
    # The dose alternates each 30 days between 25 mg (below) and 50 mg (adequate).
    steps = tuple(
        DoseStep(started + timedelta(days=30 * i), 25.0 if i % 2 else 50.0) for i in range(122)
    )
    long_trial = Medication(name="Sertraline", started=started, doses=steps, adequate_min_dose=50.0)
    adherence = {started + timedelta(days=i): Adherence.TAKEN for i in range(3650)}
    result = assess_trial(long_trial, adherence, TODAY)
    adequate_days = sum(1 for i in range(3650) if (i // 30) % 2 == 0)
    assert result.weeks_at_adequate_dose == pytest.approx(adequate_days / 7)
    assert result.recorded_days == adequate_days
    assert result.adequacy is Adequacy.ADEQUATE
