"""The launcher: command line, demo data, and refusing diaries it must not open."""

import os
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from moodlog import app
from moodlog.command_line import parse_options
from moodlog.storage.database import open_database
from moodlog.storage.diary_store import DiaryStore
from moodlog.ui import dialogs


@pytest.fixture(autouse=True)
def keep_umask() -> Iterator[None]:
    """app.run() sets an owner-only umask for the process; give the test's back."""
    previous = os.umask(0o022)
    os.umask(previous)
    yield
    os.umask(previous)


def test_db_from_flag_then_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MOODLOG_DB", "/tmp/from-env.sqlite")
    assert parse_options([]).db == Path("/tmp/from-env.sqlite")
    assert parse_options(["--db", "/tmp/flag.sqlite"]).db == Path("/tmp/flag.sqlite")
    monkeypatch.delenv("MOODLOG_DB")
    assert parse_options([]).db is None


def test_demo_writes_a_lived_in_diary_into_a_new_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "demo.sqlite"
    assert app.run(["demo", "--db", str(path), "--years", "0.25"]) == 0
    out = capsys.readouterr().out
    assert re.fullmatch(
        r"Wrote \d+ demo days, 8 medications, 3 treatment courses \(\d+ sessions\) "
        r"and \d+ questionnaire results to .+\n",
        out,
    )
    assert path.stat().st_mode & 0o777 == 0o600
    store = DiaryStore(open_database(path))
    first = store.first_day()
    assert first is not None
    days = store.day_summaries(first, first.replace(year=first.year + 1))
    assert 60 <= len(days) <= 92
    assert f"Wrote {len(days)} demo days" in out
    # The treatment history, written in the same transaction.
    treatments = store.treatments
    medications = treatments.medications()
    assert len(medications) == 8
    courses = treatments.courses()
    assert len(courses) == 3
    sessions = treatments.sessions()
    assert f"({len(sessions)} sessions)" in out
    assert {s.course_id for s in sessions} == {c.id for c in courses}
    assert treatments.episode().started is not None
    assert len(treatments.pgx_results()) == 2
    causes = {e.name: e for e in store.side_effects()}
    escitalopram = next(m for m in medications if m.name == "Escitalopram")
    assert causes["Emotional blunting"].suspected_medication_id == escitalopram.id
    assert causes["Headache"].suspected_course_id is not None
    # Adherence: only on days with a check-in, only for scheduled medications taken then.
    adherence = treatments.adherence_by_medication()
    assert set(adherence) == {escitalopram.id}
    checked_in = {d.day for d in days if d.check_in_count}
    assert set(adherence[escitalopram.id]) == checked_in
    # Questionnaires, in the same transaction.
    results = store.questionnaires.results()
    assert f"and {len(results)} questionnaire results" in out
    assert {r.instrument.value for r in results} >= {"phq9", "gad7"}
    store.close()
    assert app.run(["demo", "--db", str(path)]) == 2  # never into an existing diary
    assert "already exists" in capsys.readouterr().err


def test_a_newer_diary_is_refused_with_a_message_and_left_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "newer.sqlite"
    open_database(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
            "VALUES ('moodlog', 'from_the_future', '2030-01-01')"
        )
    conn.close()
    before = path.read_bytes()
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda _p, _t, text: shown.append(text))

    assert app.run(["--db", str(path)]) == 2
    assert "newer version of moodlog" in shown[0]
    assert "from_the_future" in shown[0]
    assert path.read_bytes() == before


def test_a_file_that_is_not_a_diary_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_bytes(b"these are my notes, not a database " * 200)
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda _p, _t, text: shown.append(text))
    assert app.run(["--db", str(path)]) == 2
    assert "is not a moodlog diary, or it is damaged" in shown[0]
    assert path.read_bytes() == b"these are my notes, not a database " * 200
