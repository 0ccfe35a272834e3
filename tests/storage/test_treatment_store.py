"""Tests for moodlog/storage/treatment_store.py: medications, doses, adherence, courses,
sessions, pharmacogenetics and the episode round-trip; deletes cascade; failures leave the
diary as it was."""

from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest

from moodlog.domain.adherence import Adherence
from moodlog.domain.day_entry import DayEntry
from moodlog.domain.episode import Episode, EpisodeSeverity
from moodlog.domain.medications import (
    Benefit,
    DoseStep,
    Medication,
    MedicationRole,
    Schedule,
    StopReason,
)
from moodlog.domain.pharmacogenetics import PgxResult, Phenotype
from moodlog.domain.side_effects import Severity
from moodlog.domain.treatments import (
    BloodPressure,
    CourseKind,
    TreatmentCourse,
    TreatmentSession,
)
from moodlog.storage.database import open_database
from moodlog.storage.diary_store import DiaryStore
from moodlog.storage.errors import DiaryUnavailable

NOW = datetime(2026, 11, 21, 9, 30)

SERTRALINE = Medication(
    name="Sertraline",
    drug_class="SSRI",
    started=date(2026, 3, 3),
    doses=(DoseStep(date(2026, 3, 3), 50.0), DoseStep(date(2026, 3, 24), 100.0)),
    adequate_min_dose=50.0,
    formulation="tablet",
    note="Taken in the morning.",
)
ARIPIPRAZOLE = Medication(
    name="Aripiprazole",
    drug_class="Atypical antipsychotic",
    role=MedicationRole.AUGMENTATION,
    started=date(2026, 9, 1),
    doses=(DoseStep(date(2026, 9, 1), 2.0),),
)
PAST_TRIAL = Medication(
    name="Citalopram",
    drug_class="SSRI",
    started=date(2019, 3, 1),
    stopped=date(2019, 5, 31),
    stop_reason=StopReason.SIDE_EFFECTS,
    benefit=Benefit.SOME,
    doses=(DoseStep(date(2019, 3, 1), 20.0),),
    adequate_min_dose=20.0,
    dates_approximate=True,
)
PRN = Medication(
    name="Zopiclone",
    role=MedicationRole.OTHER,
    schedule=Schedule.AS_NEEDED,
    started=date(2026, 10, 1),
    doses=(DoseStep(date(2026, 10, 1), 3.75),),
)


@pytest.fixture
def file_store(tmp_path: Path) -> Iterator[DiaryStore]:
    diary = DiaryStore(open_database(tmp_path / "diary.sqlite", NOW))
    yield diary
    diary.close()


def test_medications_round_trip_with_their_dose_history(store: DiaryStore) -> None:
    saved = [store.treatments.add_medication(m, NOW) for m in (SERTRALINE, PAST_TRIAL, PRN)]

    assert [m.id for m in saved] == [1, 2, 3]
    assert store.treatments.medications() == [saved[1], saved[0], saved[2]]  # by start date
    assert store.treatments.medication(1) == saved[0]
    assert store.treatments.medication(1).dose_on(date(2026, 3, 30)) == 100.0
    with pytest.raises(KeyError):
        store.treatments.medication(99)


def test_changing_the_dose_adds_a_dated_step(store: DiaryStore) -> None:
    med = store.treatments.add_medication(SERTRALINE, NOW)
    assert med.id is not None

    changed = store.treatments.change_dose(med.id, DoseStep(date(2026, 5, 5), 150.0), NOW)
    store.treatments.change_dose(med.id, DoseStep(date(2026, 5, 5), 125.0), NOW)  # corrected

    stored = store.treatments.medication(med.id)
    assert [(s.start, s.dose) for s in stored.sorted_doses] == [
        (date(2026, 3, 3), 50.0),
        (date(2026, 3, 24), 100.0),
        (date(2026, 5, 5), 125.0),
    ]
    assert changed.current_dose == 150.0
    assert stored.current_dose == 125.0


def test_stopping_records_the_date_reason_and_how_well_it_helped(store: DiaryStore) -> None:
    med = store.treatments.add_medication(SERTRALINE, NOW)
    assert med.id is not None
    store.treatments.stop_medication(
        med.id, date(2026, 8, 1), StopReason.NOT_EFFECTIVE, Benefit.NONE, NOW
    )

    stored = store.treatments.medication(med.id)
    assert (stored.stopped, stored.stop_reason, stored.benefit) == (
        date(2026, 8, 1),
        StopReason.NOT_EFFECTIVE,
        Benefit.NONE,
    )
    assert stored.doses == med.doses
    assert store.treatments.medications_taken_on(date(2026, 8, 1)) == []
    assert store.treatments.medications_taken_on(date(2026, 7, 31)) == [stored]


def test_adherence_is_saved_with_the_day_and_never_assumed(store: DiaryStore) -> None:
    med = store.treatments.add_medication(SERTRALINE, NOW)
    aug = store.treatments.add_medication(ARIPIPRAZOLE, NOW)
    assert med.id is not None
    assert aug.id is not None
    day = date(2026, 11, 20)

    store.save_day(DayEntry(day, adherence={med.id: Adherence.TAKEN}), NOW)

    assert store.day_record(day).adherence == {med.id: Adherence.TAKEN}  # aug: not recorded
    store.save_day(
        DayEntry(day, adherence={med.id: Adherence.PARTLY, aug.id: Adherence.MISSED}), NOW
    )
    assert store.treatments.adherence(med.id) == {day: Adherence.PARTLY}
    assert store.treatments.adherence_by_medication() == {
        med.id: {day: Adherence.PARTLY},
        aug.id: {day: Adherence.MISSED},
    }
    store.save_day(DayEntry(day, adherence={med.id: None}), NOW)  # back to "not recorded"
    assert store.day_record(day).adherence == {aug.id: Adherence.MISSED}


def test_deleting_a_day_takes_its_adherence_and_undo_puts_it_back(store: DiaryStore) -> None:
    med = store.treatments.add_medication(SERTRALINE, NOW)
    assert med.id is not None
    day = date(2026, 11, 20)
    store.save_day(DayEntry(day, adherence={med.id: Adherence.MISSED}), NOW)

    removed = store.delete_day(day)
    assert store.day_record(day).is_empty
    store.restore_day(removed, NOW)
    assert store.day_record(day).adherence == {med.id: Adherence.MISSED}


def test_deleting_a_medication_takes_its_doses_and_adherence(store: DiaryStore) -> None:
    med = store.treatments.add_medication(SERTRALINE, NOW)
    assert med.id is not None
    store.save_day(DayEntry(date(2026, 11, 20), adherence={med.id: Adherence.TAKEN}), NOW)
    effect = store.side_effects()[0].id
    store.set_side_effect_cause(effect, med.id, None)

    assert store.treatments.delete_medication(med.id) == med

    assert store.treatments.medications() == []
    assert store.treatments.adherence_by_medication() == {}
    assert store.side_effects()[0].suspected_medication_id is None  # the cause is forgotten
    count = store._conn.execute("SELECT COUNT(*) FROM dose_steps").fetchone()[0]
    assert count == 0


def test_courses_and_sessions_round_trip_and_number_themselves(store: DiaryStore) -> None:
    tms = store.treatments.add_course(
        TreatmentCourse(CourseKind.TMS, date(2026, 1, 5), "iTBS (theta burst)", None, 36), NOW
    )
    assert tms.id is not None
    first = store.treatments.add_session(
        TreatmentSession(
            tms.id, datetime(2026, 1, 5, 9), intensity_percent=120.0, side_effects=("Headache",)
        ),
        NOW,
    )
    second = store.treatments.add_session(TreatmentSession(tms.id, datetime(2026, 1, 6, 9)), NOW)

    assert (first.number, second.number) == (1, 2)
    assert store.treatments.sessions(tms.id) == [first, second]
    assert store.treatments.sessions()[0].side_effects == ("Headache",)
    assert store.treatments.next_session_number(tms.id) == 3
    assert store.treatments.courses() == [tms]


def test_esketamine_session_keeps_every_field(store: DiaryStore) -> None:
    course = store.treatments.add_course(
        TreatmentCourse(CourseKind.ESKETAMINE, date(2026, 10, 1), note="Induction"), NOW
    )
    assert course.id is not None
    session = TreatmentSession(
        course.id,
        datetime(2026, 10, 1, 14, 0),
        number=1,
        dose_mg=56.0,
        bp_before=BloodPressure(128, 82),
        bp_after=BloodPressure(141, 88),
        dissociation=6,
        nausea=2,
        sedation=4,
        note="Felt far away for an hour.",
    )
    saved = store.treatments.add_session(session, NOW)
    assert store.treatments.sessions(course.id) == [saved]
    assert saved == replace(session, id=saved.id)


def test_ect_and_device_sessions_keep_their_own_fields(store: DiaryStore) -> None:
    ect = store.treatments.add_course(TreatmentCourse(CourseKind.ECT, date(2025, 2, 3)), NOW)
    vns = store.treatments.add_course(TreatmentCourse(CourseKind.VNS, date(2024, 6, 1)), NOW)
    assert ect.id is not None
    assert vns.id is not None
    store.treatments.add_session(
        TreatmentSession(
            ect.id,
            datetime(2025, 2, 3, 8),
            electrode_placement="Right unilateral",
            memory_complaints=Severity.MILD,
        ),
        NOW,
    )
    store.treatments.add_session(
        TreatmentSession(vns.id, datetime(2024, 7, 1, 10), setting="1.0 mA, 30 s on / 5 min off"),
        NOW,
    )
    ect_session, vns_session = (
        store.treatments.sessions(ect.id)[0],
        store.treatments.sessions(vns.id)[0],
    )
    assert ect_session.memory_complaints is Severity.MILD
    assert ect_session.electrode_placement == "Right unilateral"
    assert vns_session.setting == "1.0 mA, 30 s on / 5 min off"


def test_updating_and_deleting_a_course_takes_its_sessions(store: DiaryStore) -> None:
    course = store.treatments.add_course(
        TreatmentCourse(CourseKind.PSYCHOTHERAPY, date(2026, 2, 1), "CBT"), NOW
    )
    assert course.id is not None
    store.treatments.add_session(TreatmentSession(course.id, datetime(2026, 2, 1, 16)), NOW)
    finished = replace(course, ended=date(2026, 5, 1), benefit=Benefit.MUCH)
    store.treatments.update_course(finished, NOW)
    assert store.treatments.course(course.id) == finished

    store.treatments.delete_course(course.id)
    assert store.treatments.courses() == []
    assert store.treatments.sessions() == []


def test_pgx_results_and_the_episode_round_trip(store: DiaryStore) -> None:
    result = store.treatments.add_pgx_result(
        PgxResult("CYP2D6", Phenotype.POOR, "*4/*4", date(2025, 1, 10), "GeneLab")
    )
    assert store.treatments.pgx_results() == [result]
    assert result.id is not None
    store.treatments.delete_pgx_result(result.id)
    assert store.treatments.pgx_results() == []

    assert store.treatments.episode() == Episode()
    episode = Episode(date(2024, 9, 1), EpisodeSeverity.SEVERE)
    store.treatments.set_episode(episode)
    assert store.treatments.episode() == episode
    store.treatments.set_episode(Episode(date(2024, 9, 1), None))
    assert store.treatments.episode() == Episode(date(2024, 9, 1), None)


def test_a_side_effect_remembers_its_suspected_cause(store: DiaryStore) -> None:
    med = store.treatments.add_medication(SERTRALINE, NOW)
    course = store.treatments.add_course(TreatmentCourse(CourseKind.TMS, date(2026, 6, 1)), NOW)
    nausea = next(e for e in store.side_effects() if e.name == "Nausea")
    headache = next(e for e in store.side_effects() if e.name == "Headache")

    store.set_side_effect_cause(nausea.id, med.id, None)
    store.set_side_effect_cause(headache.id, None, course.id)

    by_name = {e.name: e for e in store.side_effects()}
    assert by_name["Nausea"].suspected_medication_id == med.id
    assert by_name["Headache"].suspected_course_id == course.id
    with pytest.raises(ValueError, match="one suspected cause"):
        store.set_side_effect_cause(nausea.id, med.id, course.id)


def test_first_rated_day_finds_the_onset_after_a_change(store: DiaryStore) -> None:
    nausea = next(e for e in store.side_effects() if e.name == "Nausea").id
    for day, severity in [
        (date(2026, 3, 1), Severity.MILD),
        (date(2026, 3, 25), Severity.NONE),
        (date(2026, 3, 27), Severity.MODERATE),
    ]:
        store.save_day(DayEntry(day, side_effects={nausea: severity}), NOW)

    assert store.first_rated_day(nausea, date(2026, 3, 24)) == date(2026, 3, 27)
    assert store.first_rated_day(nausea, date(2026, 3, 28)) is None
    assert store.side_effect_ratings(date(2026, 3, 1), date(2026, 3, 26)) == {
        nausea: {date(2026, 3, 1): Severity.MILD, date(2026, 3, 25): Severity.NONE}
    }


def test_disk_full_while_adding_a_medication_leaves_nothing_half_written(
    file_store: DiaryStore,
) -> None:
    first = file_store.treatments.add_medication(SERTRALINE, NOW)
    pages = file_store._conn.execute("PRAGMA page_count").fetchone()[0]
    file_store._conn.execute(f"PRAGMA max_page_count = {pages}")
    huge = replace(PAST_TRIAL, note="a very long note " * 5000)

    with pytest.raises(DiaryUnavailable, match="The disk is full"):
        file_store.treatments.add_medication(huge, NOW)

    assert file_store.treatments.medications() == [first]
    assert not file_store._conn.in_transaction
