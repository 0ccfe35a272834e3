"""Onset of a side effect relative to its suspected cause's start or dose change."""

from datetime import date

from moodlog.domain.medications import DoseStep, Medication
from moodlog.domain.side_effect_onset import describe_onset, onset_search_start
from moodlog.domain.treatments import CourseKind, TreatmentCourse

VENLAFAXINE = Medication(
    "Venlafaxine",
    date(2026, 3, 3),
    (DoseStep(date(2026, 3, 3), 75.0), DoseStep(date(2026, 3, 17), 150.0)),
)
TMS = TreatmentCourse(CourseKind.TMS, date(2026, 6, 1), "iTBS (theta burst)")


def test_onset_counts_from_the_latest_dose_change_before_it() -> None:
    assert describe_onset(date(2026, 3, 26), VENLAFAXINE) == (
        "First rated 9 days after Venlafaxine went to 150 mg (17 Mar 2026)."
    )


def test_onset_after_the_start_names_the_starting_dose() -> None:
    assert describe_onset(date(2026, 3, 4), VENLAFAXINE) == (
        "First rated 1 day after Venlafaxine was started at 75 mg (3 Mar 2026)."
    )
    assert describe_onset(date(2026, 3, 3), VENLAFAXINE).startswith(
        "First rated the same day as Venlafaxine was started"
    )


def test_onset_before_the_cause_and_no_rating_are_said_plainly() -> None:
    assert describe_onset(date(2026, 2, 20), VENLAFAXINE) == (
        "Already rated in the 4 weeks before Venlafaxine was started (3 Mar 2026), "
        "so it may not be caused by it."
    )
    assert onset_search_start(VENLAFAXINE) == date(2026, 2, 3)
    assert describe_onset(None, VENLAFAXINE) == (
        "Not rated mild or worse since Venlafaxine was started."
    )


def test_onset_after_a_course_began() -> None:
    assert describe_onset(date(2026, 6, 3), TMS) == (
        "First rated 2 days after TMS · iTBS (theta burst) began (1 Jun 2026)."
    )
    assert (
        describe_onset(None, TMS) == "Not rated mild or worse since TMS · iTBS (theta burst) began."
    )
