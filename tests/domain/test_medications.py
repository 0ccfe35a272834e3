"""Medications and courses: doses by day, and the rules that refuse impossible entries."""

from dataclasses import replace
from datetime import date, datetime

import pytest

from moodlog.domain.errors import InvalidEntry
from moodlog.domain.medications import (
    DoseStep,
    Medication,
    StopReason,
    format_dose,
    validate_medication,
)
from moodlog.domain.treatments import (
    BloodPressure,
    CourseKind,
    TreatmentCourse,
    TreatmentSession,
    validate_course,
    validate_session,
)

TODAY = date(2026, 11, 21)
SERTRALINE = Medication(
    "Sertraline",
    date(2026, 3, 3),
    (DoseStep(date(2026, 3, 24), 100.0), DoseStep(date(2026, 3, 3), 50.0)),  # any order
    stopped=date(2026, 8, 1),
    stop_reason=StopReason.NOT_EFFECTIVE,
)


def test_dose_on_follows_the_steps_and_stops_at_the_stop_date() -> None:
    assert SERTRALINE.dose_on(date(2026, 3, 2)) is None
    assert SERTRALINE.dose_on(date(2026, 3, 3)) == 50.0
    assert SERTRALINE.dose_on(date(2026, 3, 23)) == 50.0
    assert SERTRALINE.dose_on(date(2026, 3, 24)) == 100.0
    assert SERTRALINE.dose_on(date(2026, 7, 31)) == 100.0
    assert SERTRALINE.dose_on(date(2026, 8, 1)) is None  # the stop day is not taken
    assert (SERTRALINE.highest_dose, SERTRALINE.current_dose) == (100.0, 100.0)


def test_a_dose_change_of_the_same_day_replaces_the_step() -> None:
    changed = SERTRALINE.with_dose_change(DoseStep(date(2026, 3, 24), 75.0))
    assert [(s.start, s.dose) for s in changed.sorted_doses] == [
        (date(2026, 3, 3), 50.0),
        (date(2026, 3, 24), 75.0),
    ]


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"name": "  "}, "name", "Give the medication a name."),
        ({"started": date(2026, 11, 22)}, "started", "The start date is in the future."),
        ({"stopped": date(2026, 3, 1)}, "stopped", "The stop date is before the start date."),
        ({"stopped": None}, "stopped", "A reason for stopping needs a stop date."),
        ({"doses": ()}, "dose", "Enter the dose."),
        ({"doses": (DoseStep(date(2026, 3, 3), 0.0),)}, "dose", "more than zero"),
        (
            {"doses": (DoseStep(date(2026, 3, 1), 50.0),)},
            "dose",
            "dated before the medication started",
        ),
        (
            {"doses": (DoseStep(date(2026, 3, 3), 50.0), DoseStep(date(2026, 9, 1), 150.0))},
            "dose",
            "after the medication stopped",
        ),
        ({"adequate_min_dose": -5.0}, "adequate_min", "more than zero"),
    ],
)
def test_impossible_medications_are_refused_naming_the_field(
    change: dict[str, object], field: str, message: str
) -> None:
    with pytest.raises(InvalidEntry, match=message) as caught:
        validate_medication(replace(SERTRALINE, **change), TODAY)  # type: ignore[arg-type]
    assert caught.value.field == field


def test_a_sound_medication_passes() -> None:
    validate_medication(SERTRALINE, TODAY)


def test_format_dose_drops_needless_decimals() -> None:
    assert format_dose(3.75, "mg") == "3.75 mg"
    assert format_dose(100.0, "mg") == "100 mg"
    assert format_dose(None, "mg") == "—"


TMS = TreatmentCourse(CourseKind.TMS, date(2026, 10, 1), "iTBS (theta burst)", id=3)


def test_course_rules() -> None:
    validate_course(TMS, TODAY)
    with pytest.raises(InvalidEntry, match="end date is before"):
        validate_course(replace(TMS, ended=date(2026, 9, 1)), TODAY)
    with pytest.raises(InvalidEntry, match="Planned sessions"):
        validate_course(replace(TMS, planned_sessions=0), TODAY)
    assert TMS.title == "TMS · iTBS (theta burst)"
    assert TMS.is_active_on(TODAY)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"at": datetime(2026, 11, 21, 10, 0)}, "at"),  # after "now"
        ({"at": datetime(2026, 9, 30, 9, 0)}, "at"),  # before the course began
        ({"number": 0}, "number"),
        ({"intensity_percent": 250.0}, "intensity"),
        ({"dissociation": 11}, "dissociation"),
        ({"bp_before": BloodPressure(85, 130)}, "bp_before"),
    ],
)
def test_impossible_sessions_are_refused(change: dict[str, object], field: str) -> None:
    session = TreatmentSession(3, datetime(2026, 11, 20, 9, 0), number=12)
    validate_session(session, TMS, datetime(2026, 11, 21, 9, 30))
    with pytest.raises(InvalidEntry) as caught:
        validate_session(
            replace(session, **change),  # type: ignore[arg-type]
            TMS,
            datetime(2026, 11, 21, 9, 30),
        )
    assert caught.value.field == field
