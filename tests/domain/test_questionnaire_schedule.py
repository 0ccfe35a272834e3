"""When questionnaires are due: the interval, a baseline when a treatment starts, one at its
end."""

from datetime import date, timedelta

import pytest

from moodlog.domain.instruments import Instrument
from moodlog.domain.medications import DoseStep, Medication, MedicationRole
from moodlog.domain.questionnaire_schedule import (
    DEFAULT_INTERVAL_DAYS,
    Due,
    TreatmentSpan,
    next_due,
    treatment_spans,
)
from moodlog.domain.treatments import CourseKind, TreatmentCourse

TODAY = date(2026, 11, 21)


def ago(n: int) -> date:
    return TODAY - timedelta(days=n)


def due_for(dues: list[Due], instrument: Instrument) -> Due:
    return next(d for d in dues if d.instrument is instrument)


def test_nothing_taken_yet_is_due_now() -> None:
    dues = next_due({}, DEFAULT_INTERVAL_DAYS, [], [], TODAY)
    phq = due_for(dues, Instrument.PHQ9)
    assert phq.is_due(TODAY)
    assert phq.reason == "No PHQ-9 yet."
    assert due_for(dues, Instrument.GAD7).is_due(TODAY)


@pytest.mark.parametrize(
    ("last_days_ago", "interval", "due_now", "when"),
    [
        (14, 14, True, "due now"),
        (13, 14, False, "due tomorrow"),
        (9, 14, False, "due in 5 days (26 Nov 2026)"),
        (9, 7, True, "due now"),
        (20, 28, False, "due in 8 days (29 Nov 2026)"),
    ],
)
def test_interval(last_days_ago: int, interval: int, due_now: bool, when: str) -> None:
    last = {Instrument.PHQ9: ago(last_days_ago), Instrument.GAD7: ago(last_days_ago)}
    phq = due_for(next_due(last, interval, [], [], TODAY), Instrument.PHQ9)
    assert phq.is_due(TODAY) is due_now
    assert phq.when_text(TODAY) == when
    assert f"Every {interval} days" in phq.reason


def test_a_treatment_starting_today_asks_for_a_baseline() -> None:
    last = {Instrument.PHQ9: ago(3), Instrument.GAD7: ago(3)}
    spans = [TreatmentSpan("TMS · iTBS", TODAY, None)]
    # A PHQ-9 three days ago already is a baseline (within four weeks).
    assert not due_for(next_due(last, 14, spans, [ago(3)], TODAY), Instrument.PHQ9).is_due(TODAY)
    last = {Instrument.PHQ9: ago(40)}
    phq = due_for(next_due(last, 14, spans, [ago(40)], TODAY), Instrument.PHQ9)
    assert phq.is_due(TODAY)
    assert "baseline for TMS · iTBS" in phq.reason


def test_a_treatment_that_began_yesterday_asks_for_no_late_baseline() -> None:
    last = {Instrument.PHQ9: ago(5), Instrument.GAD7: ago(5)}
    spans = [TreatmentSpan("Sertraline", ago(1), None)]
    phq = due_for(next_due(last, 14, spans, [ago(40)], TODAY), Instrument.PHQ9)
    assert not phq.is_due(TODAY)


def test_an_ended_treatment_asks_for_an_end_score_for_two_weeks() -> None:
    last = {Instrument.PHQ9: ago(10), Instrument.GAD7: ago(10)}
    spans = [TreatmentSpan("Esketamine (Spravato)", ago(5), None)]
    ended = [TreatmentSpan("Esketamine (Spravato)", ago(60), ago(5))]
    assert not due_for(next_due(last, 14, spans, [ago(10)], TODAY), Instrument.PHQ9).is_due(TODAY)
    phq = due_for(next_due(last, 14, ended, [ago(10)], TODAY), Instrument.PHQ9)
    assert phq.is_due(TODAY)
    assert "ended on 16 Nov 2026" in phq.reason
    # A PHQ-9 taken from three days before the end on counts as the end score.
    assert not due_for(next_due(last, 14, ended, [ago(8)], TODAY), Instrument.PHQ9).is_due(TODAY)
    # More than two weeks after the end, nothing is asked for any more.
    long_ago = [TreatmentSpan("Esketamine (Spravato)", ago(80), ago(15))]
    assert not due_for(next_due(last, 14, long_ago, [ago(10)], TODAY), Instrument.PHQ9).is_due(
        TODAY
    )


def test_there_is_one_phq9_line_even_when_both_reasons_apply() -> None:
    spans = [TreatmentSpan("TMS", TODAY, None)]
    dues = next_due({Instrument.PHQ9: ago(30)}, 14, spans, [ago(30)], TODAY)
    assert [d.instrument for d in dues].count(Instrument.PHQ9) == 1
    assert dues[0].instrument is Instrument.PHQ9


def test_spans_skip_other_medicines_and_month_level_trials() -> None:
    def medication(name: str, role: MedicationRole, approximate: bool) -> Medication:
        return Medication(
            name=name,
            role=role,
            started=ago(30),
            doses=(DoseStep(ago(30), 50.0),),
            dates_approximate=approximate,
        )

    spans = treatment_spans(
        [
            medication("Sertraline", MedicationRole.ANTIDEPRESSANT, False),
            medication("Lithium", MedicationRole.AUGMENTATION, False),
            medication("Zopiclone", MedicationRole.OTHER, False),
            medication("Citalopram", MedicationRole.ANTIDEPRESSANT, True),
        ],
        [TreatmentCourse(CourseKind.TMS, ago(10), variant="iTBS")],
    )
    assert [s.title for s in spans] == ["Sertraline", "Lithium", "TMS · iTBS"]


def test_interval_must_be_positive() -> None:
    with pytest.raises(ValueError, match="0"):
        next_due({}, 0, [], [], TODAY)
