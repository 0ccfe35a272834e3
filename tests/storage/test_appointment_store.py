"""AppointmentStore: appointments, questions for the doctor, and the migration that adds them
to a diary made before it."""

import sqlite3
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlite_utils import Database

from moodlog.domain.appointments import (
    Appointment,
    ClinicianQuestion,
    last_appointment_before,
    validate_appointment,
    validate_question,
)
from moodlog.domain.errors import InvalidEntry
from moodlog.storage.database import applied_migration_names, open_database
from moodlog.storage.diary_store import DiaryStore
from moodlog.storage.migrations import build_migrations, known_migration_names

NOW = datetime(2026, 11, 21, 9, 30, 15)
APPOINTMENT_STEP = "create_appointment_tables"


def test_appointments_round_trip_earliest_first(store: DiaryStore) -> None:
    a = store.appointments
    late = a.add_appointment(Appointment(date(2026, 11, 3), "  Dr Lee  "))
    early = a.add_appointment(Appointment(date(2026, 9, 1)))
    assert late.id is not None
    assert early.id is not None
    assert a.appointments() == [early, Appointment(date(2026, 11, 3), "Dr Lee", late.id)]
    a.update_appointment(Appointment(date(2026, 11, 4), "Dr Lee, moved", late.id))
    assert a.appointment(late.id).day == date(2026, 11, 4)
    assert a.delete_appointment(early.id) == early
    assert [x.id for x in a.appointments()] == [late.id]
    with pytest.raises(KeyError):
        a.appointment(early.id)
    with pytest.raises(KeyError):
        a.update_appointment(Appointment(date(2026, 1, 1), id=999))
    with pytest.raises(ValueError, match="unsaved"):
        a.update_appointment(Appointment(date(2026, 1, 1)))


def test_the_last_appointment_is_the_latest_strictly_before_the_day(store: DiaryStore) -> None:
    a = store.appointments
    assert a.last_appointment_before(date(2026, 11, 21)) is None
    for day in (date(2026, 8, 1), date(2026, 10, 10), date(2026, 11, 21), date(2026, 12, 5)):
        a.add_appointment(Appointment(day))
    # On the morning of a visit, the report covers the time since the one before.
    found = a.last_appointment_before(date(2026, 11, 21))
    assert found is not None
    assert found.day == date(2026, 10, 10)
    assert last_appointment_before(a.appointments(), date(2026, 11, 21)) == found
    assert last_appointment_before(a.appointments(), date(2026, 8, 1)) is None


def test_questions_keep_their_answered_flag(store: DiaryStore) -> None:
    a = store.appointments
    first = a.add_question(ClinicianQuestion("  Can I split the dose?  ", NOW))
    second = a.add_question(ClinicianQuestion("Is the headache from TMS?", NOW.replace(hour=10)))
    assert first.id is not None
    assert second.id is not None
    assert [q.text for q in a.open_questions()] == [
        "Can I split the dose?",
        "Is the headache from TMS?",
    ]
    a.set_question_answered(first.id, True)
    assert [q.id for q in a.open_questions()] == [second.id]
    assert [(q.id, q.answered) for q in a.questions()] == [(first.id, True), (second.id, False)]
    a.update_question(ClinicianQuestion("Is the headache from the TMS?", NOW, id=second.id))
    assert a.question(second.id).text == "Is the headache from the TMS?"
    assert a.delete_question(first.id).answered
    assert [q.id for q in a.questions()] == [second.id]
    with pytest.raises(KeyError):
        a.question(first.id)


def test_the_table_refuses_an_empty_question(store: DiaryStore) -> None:
    with pytest.raises(sqlite3.IntegrityError):
        store.appointments.add_question(ClinicianQuestion("   ", NOW))


def test_validation_names_the_field() -> None:
    with pytest.raises(InvalidEntry) as caught:
        validate_question(ClinicianQuestion(" ", NOW))
    assert caught.value.field == "text"
    with pytest.raises(InvalidEntry) as caught:
        validate_question(ClinicianQuestion("x" * 1001, NOW))
    assert caught.value.field == "text"
    with pytest.raises(InvalidEntry) as caught:
        validate_appointment(Appointment(date(2026, 1, 1), "n" * 501))
    assert caught.value.field == "note"
    validate_appointment(Appointment(date(2027, 1, 1), "booked ahead"))  # the future is fine
    validate_question(ClinicianQuestion("Fine?", NOW))


def test_a_diary_from_before_appointments_keeps_its_results_and_gains_the_tables(
    tmp_path: Path,
) -> None:
    path = tmp_path / "diary.sqlite"
    raw = Database(path)
    build_migrations().apply(raw, stop_before=APPOINTMENT_STEP)
    raw.execute(
        "INSERT INTO questionnaire_results (instrument, taken_on, entered_total, source, "
        "updated_at) VALUES ('madrs', '2026-10-01', 20, 'clinician', '2026-10-01T09:00:00')"
    )
    raw.conn.commit()
    raw.close()

    conn = open_database(path, NOW)
    store = DiaryStore(conn)
    try:
        assert applied_migration_names(conn) == known_migration_names()
        assert APPOINTMENT_STEP in known_migration_names()  # later steps may follow it
        assert len(store.questionnaires.results()) == 1
        assert store.appointments.appointments() == []
        assert store.appointments.questions() == []
        store.appointments.add_appointment(Appointment(date(2026, 11, 1)))
        for table in ("appointments", "clinician_questions"):
            sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", [table]).fetchone()[
                0
            ]
            assert sql.rstrip().endswith("STRICT"), table
    finally:
        store.close()
    copies = sorted(p.name for p in tmp_path.glob("diary.before-*.sqlite"))
    assert copies == [f"diary.before-{APPOINTMENT_STEP}-20261121-093015.sqlite"]
