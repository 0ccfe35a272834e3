"""QuestionnaireStore: results, item-9 answers for the report, the safety plan."""

from datetime import date, datetime

import pytest

from moodlog.domain.instruments import Instrument
from moodlog.domain.questionnaire_result import QuestionnaireResult, Source
from moodlog.domain.safety_plan import CrisisContacts, PlanSection, SafetyPlan
from moodlog.storage.diary_store import DiaryStore

NOW = datetime(2026, 11, 21, 9, 30)


def phq9(day: date, *answers: int | None) -> QuestionnaireResult:
    return QuestionnaireResult(Instrument.PHQ9, day, answers=tuple(answers))


def test_a_result_round_trips_with_its_missing_answer(store: DiaryStore) -> None:
    original = QuestionnaireResult(
        Instrument.PHQ9,
        date(2026, 11, 1),
        answers=(1, 2, None, 3, 1, 1, 2, 0, 1),
        difficulty=2,
        source=Source.PAPER_FORM,
        note="  at the clinic  ",
    )
    saved = store.questionnaires.add_result(original, NOW)
    assert saved.id is not None
    loaded = store.questionnaires.result(saved.id)
    assert loaded.answers == (1, 2, None, 3, 1, 1, 2, 0, 1)
    assert loaded.total is None
    assert loaded.difficulty == 2
    assert loaded.source is Source.PAPER_FORM
    assert loaded.note == "at the clinic"


def test_totals_from_elsewhere_round_trip(store: DiaryStore) -> None:
    madrs = QuestionnaireResult(
        Instrument.MADRS,
        date(2026, 10, 3),
        entered_total=24,
        source=Source.CLINICIAN,
        source_note="Dr Lee, TMS clinic",
    )
    saved = store.questionnaires.add_result(madrs, NOW)
    assert store.questionnaires.results([Instrument.MADRS]) == [saved]
    assert store.questionnaires.results([Instrument.PHQ9]) == []


def test_results_filter_by_days_and_come_oldest_first(store: DiaryStore) -> None:
    q = store.questionnaires
    for day in (date(2026, 11, 10), date(2026, 9, 1), date(2026, 10, 5)):
        q.add_result(phq9(day, *([1] * 9)), NOW)
    assert [r.taken_on for r in q.results()] == [
        date(2026, 9, 1),
        date(2026, 10, 5),
        date(2026, 11, 10),
    ]
    within = q.results(start=date(2026, 10, 1), end=date(2026, 11, 10))
    assert [r.taken_on for r in within] == [date(2026, 10, 5), date(2026, 11, 10)]


def test_update_and_delete(store: DiaryStore) -> None:
    q = store.questionnaires
    saved = q.add_result(phq9(date(2026, 11, 1), *([0] * 9)), NOW)
    assert saved.id is not None
    q.update_result(
        QuestionnaireResult(Instrument.PHQ9, date(2026, 11, 2), (1,) * 9, id=saved.id), NOW
    )
    assert q.result(saved.id).total == 9
    deleted = q.delete_result(saved.id)
    assert deleted.total == 9
    assert q.results() == []
    with pytest.raises(KeyError):
        q.result(saved.id)


def test_last_taken_per_instrument(store: DiaryStore) -> None:
    q = store.questionnaires
    q.add_result(phq9(date(2026, 11, 1), *([0] * 9)), NOW)
    q.add_result(phq9(date(2026, 11, 15), *([0] * 9)), NOW)
    q.add_result(QuestionnaireResult(Instrument.GAD7, date(2026, 10, 2), (0,) * 7), NOW)
    assert q.last_taken() == {
        Instrument.PHQ9: date(2026, 11, 15),
        Instrument.GAD7: date(2026, 10, 2),
    }


def test_every_answered_item_nine_is_listed_with_its_date(store: DiaryStore) -> None:
    q = store.questionnaires
    q.add_result(phq9(date(2026, 9, 1), 2, 2, 2, 2, 2, 2, 2, 2, 0), NOW)
    q.add_result(phq9(date(2026, 9, 15), 2, 2, 2, 2, 2, 2, 2, 2, 2), NOW)
    q.add_result(phq9(date(2026, 10, 1), 2, 2, 2, 2, 2, 2, 2, 2, None), NOW)
    q.add_result(phq9(date(2026, 10, 15), 1, 1, 1, 1, 1, 1, 1, 1, 1), NOW)
    q.add_result(QuestionnaireResult(Instrument.GAD7, date(2026, 10, 2), (3,) * 7), NOW)
    assert q.safety_answers() == [
        (date(2026, 9, 1), 0),
        (date(2026, 9, 15), 2),
        (date(2026, 10, 15), 1),
    ]
    assert q.safety_answers(start=date(2026, 9, 10), end=date(2026, 10, 1)) == [
        (date(2026, 9, 15), 2)
    ]


def test_safety_plan_and_contacts_round_trip_and_clear(store: DiaryStore) -> None:
    q = store.questionnaires
    assert q.safety_plan().is_empty
    assert q.crisis_contacts().is_empty
    plan = SafetyPlan(
        {
            PlanSection.WARNING_SIGNS: "Not sleeping; pulling away from people",
            PlanSection.REASONS_FOR_LIVING: "My sister. The dog.",
        }
    )
    contacts = CrisisContacts(trusted_name="Sam", trusted_phone="555 0100", clinician_name="Dr Lee")
    q.set_safety_plan(plan, contacts)
    assert q.safety_plan() == plan
    assert q.crisis_contacts() == contacts
    q.set_safety_plan(SafetyPlan({PlanSection.COPING: "A walk"}), CrisisContacts())
    assert q.safety_plan() == SafetyPlan({PlanSection.COPING: "A walk"})
    assert q.crisis_contacts().is_empty
    # The episode's keys in the same table are untouched.
    assert store.treatments.episode().started is None


def test_complete_days_leave_out_forms_with_a_question_unanswered(store: DiaryStore) -> None:
    q = store.questionnaires
    q.add_result(phq9(date(2026, 11, 1), *([1] * 9)), NOW)
    q.add_result(phq9(date(2026, 11, 5), 1, 1, None, 1, 1, 1, 1, 1, 1), NOW)
    q.add_result(
        QuestionnaireResult(
            Instrument.PHQ9, date(2026, 11, 8), entered_total=9, source=Source.OTHER
        ),
        NOW,
    )
    q.add_result(phq9(date(2026, 10, 1), *([1] * 9)), NOW)
    assert q.complete_days(Instrument.PHQ9, date(2026, 10, 15)) == [
        date(2026, 11, 1),
        date(2026, 11, 8),
    ]
