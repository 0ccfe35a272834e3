"""moodlog's own export and import (moodlog/storage/diary_transfer.py), and the days CSV
(days_csv.py), without a window: the round trip over a diary with every kind of data, merge
rules, refusals that leave the diary unchanged, and CSV that spreadsheets can't run."""

import copy
import csv
import dataclasses
import io
import json
from collections.abc import Callable, Iterator
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import pytest

from moodlog.domain.adherence import Adherence
from moodlog.domain.check_in import CheckIn
from moodlog.domain.day_entry import DayEntry
from moodlog.domain.import_preview import ImportedEntry, ImportPreview
from moodlog.domain.medications import DoseStep, Medication
from moodlog.domain.safety_plan import CrisisContacts, PlanSection, SafetyPlan
from moodlog.domain.side_effects import Severity
from moodlog.domain.sleep import SleepMode, SleepRecord
from moodlog.domain.trackers import TrackerKind
from moodlog.storage import export_file
from moodlog.storage.database import open_database
from moodlog.storage.days_csv import FORMULA_STARTS, days_csv, safe_cell
from moodlog.storage.diary_store import DiaryStore
from moodlog.storage.diary_transfer import (
    FORMAT_VERSION,
    TransferError,
    dump_export,
    export_json,
    import_json,
    parse_export,
    table_shapes,
)
from moodlog.storage.errors import StorageError
from moodlog.storage.export_file import ExportKind, save_export
from moodlog.storage.migrations import known_migration_names
from tests.reports.known_diary import NOW, build_known_diary

TRICKY_NOTE = 'Said "no", then yes,\nthen =HYPERLINK("x") — ok'
FORMULA_NOTE = "=cmd|' /C calc'!A0"
DASH_NOTE = "-feeling low"
EXTRA_DAY = date(2026, 11, 10)
DRAFT_DAY = date(2026, 11, 20)


def add_every_other_kind(store: DiaryStore) -> None:
    """What the report's known diary lacks: trackers and their values (a yes/no one of the
    person's own), a side effect of their own, notes that CSV must quote or neutralise, the
    safety plan and contacts, the report's name, a draft and an import from another app."""
    walked = store.add_tracker("Walked outside", TrackerKind.YES_NO, "")
    exercise = next(t for t in store.trackers() if t.name == "Exercise")
    tinnitus = store.add_side_effect("Tinnitus")
    night = SleepRecord(EXTRA_DAY, SleepMode.MINIMAL, hours_slept=6.5)
    store.save_days(
        [
            DayEntry(
                EXTRA_DAY,
                CheckIn(datetime.combine(EXTRA_DAY, time(8, 15)), {"mood": 3}, TRICKY_NOTE),
                night,
                side_effects={tinnitus.id: Severity.SEVERE},
                trackers={walked.id: 1.0, exercise.id: 25.0},
            ),
            DayEntry(
                EXTRA_DAY,
                CheckIn(datetime.combine(EXTRA_DAY, time(21, 0)), {"mood": 5}, FORMULA_NOTE),
                night,  # a save without the night would clear it
            ),
            DayEntry(
                EXTRA_DAY + (date(2026, 11, 11) - EXTRA_DAY),
                CheckIn(datetime(2026, 11, 11, 9), {"mood": 4, "hopelessness": 6}, DASH_NOTE),
            ),
        ],
        NOW,
    )
    store.questionnaires.set_safety_plan(
        SafetyPlan({PlanSection.WARNING_SIGNS: "Not sleeping", PlanSection.COPING: "A walk"}),
        CrisisContacts(trusted_name="Sam", trusted_phone="555 0100"),
    )
    store.appointments.set_report_name("ID 4471")
    store.save_draft(DRAFT_DAY, json.dumps({"check_in": {"mood": 6}}), NOW)
    # An import from another app (its record, and the check-in it added).
    entry = ImportedEntry(2, datetime(2026, 9, 20, 8), "rad", "from Daylio")
    preview = ImportPreview(
        "daylio", "Daylio", "daylio.csv", "0123abcd", (entry,), mood_defaults={"rad": 10}
    )
    store.imports.apply(preview, {}, NOW)


@pytest.fixture(scope="module")
def rich_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("rich") / "diary.sqlite"
    build_known_diary(path)
    store = DiaryStore(open_database(path, NOW))
    try:
        add_every_other_kind(store)
    finally:
        store.close()
    return path


@pytest.fixture
def rich(rich_file: Path) -> Iterator[DiaryStore]:
    """The rich diary, opened read-only in spirit: tests that write use ``fresh``."""
    store = DiaryStore(open_database(rich_file, NOW))
    yield store
    store.close()


@pytest.fixture
def rich_document(rich: DiaryStore) -> dict[str, Any]:
    return export_json(rich, NOW)


def fresh() -> DiaryStore:
    return DiaryStore(open_database(None))


def readings(store: DiaryStore) -> dict[str, object]:
    """What the diary's readers return, for comparing two diaries through the stores."""
    t = store.treatments
    days = sorted(
        {date.fromisoformat(d) for (d,) in store._link.tuples("SELECT day FROM check_ins")}
    )
    return {
        "days": [store.day_record(day) for day in days],
        "side_effects": store.side_effects(),
        "trackers": store.trackers(),
        "medications": t.medications(),
        "adherence": t.adherence_by_medication(),
        "courses": t.courses(),
        "sessions": t.sessions(),
        "pgx": t.pgx_results(),
        "episode": t.episode(),
        "scores": store.questionnaires.results(),
        "plan": store.questionnaires.safety_plan(),
        "contacts": store.questionnaires.crisis_contacts(),
        "appointments": store.appointments.appointments(),
        "questions": store.appointments.questions(),
        "report_name": store.appointments.report_name(),
        "draft": store.draft_for(DRAFT_DAY),
    }


def without_time(document: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in document.items() if key != "exported_at"}


# -- the export ------------------------------------------------------------------------------


def test_the_export_says_what_it_is(rich_document: dict[str, Any]) -> None:
    assert rich_document["format"] == "moodlog"
    assert rich_document["format_version"] == FORMAT_VERSION == 1
    assert rich_document["exported_at"] == "2026-11-21T09:30:00"
    assert rich_document["schema"] == known_migration_names()
    assert rich_document["app_version"]


def test_every_data_table_is_exported_and_the_test_diary_fills_each(
    rich: DiaryStore, rich_document: dict[str, Any]
) -> None:
    """A table a new migration adds is exported by itself; this test then fails until the
    rich diary above puts rows in it, so the round trip below covers it too."""
    conn = rich._link.conn
    every = {
        name
        for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        if name != "_sqlite_migrations" and not name.startswith("sqlite_")
    }
    assert set(rich_document["tables"]) == every
    empty = [name for name, table in rich_document["tables"].items() if not table["rows"]]
    assert empty == []
    for shape in table_shapes(conn):
        # JSON holds these exactly; a BLOB column would need an encoding first.
        types = {row[2] for row in conn.execute(f"PRAGMA table_info({shape.name})")}
        assert types <= {"INTEGER", "REAL", "TEXT"}, shape.name


def test_rows_keep_their_keys_and_values(rich: DiaryStore, rich_document: dict[str, Any]) -> None:
    table = rich_document["tables"]["check_ins"]
    rows = [dict(zip(table["columns"], row, strict=True)) for row in table["rows"]]
    tricky = next(row for row in rows if row["note"] == TRICKY_NOTE)
    stored = rich.day_record(EXTRA_DAY).check_ins[0]
    assert tricky["id"] == stored.id
    assert tricky["recorded_at"] == "2026-11-10T08:15:00"
    steps = rich_document["tables"]["dose_steps"]
    assert steps["columns"] == ["medication_id", "start", "dose"]
    assert [1, "2026-10-10", 100.0] in steps["rows"]


def test_the_json_text_parses_back_to_the_same_document(rich_document: dict[str, Any]) -> None:
    text = dump_export(rich_document)
    assert json.loads(text) == rich_document
    assert any(TRICKY_NOTE in row for row in json.loads(text)["tables"]["check_ins"]["rows"])
    assert "—" in text  # UTF-8 kept as it is
    assert parse_export(("\ufeff" + text).encode()) == rich_document  # a BOM is fine


# -- the round trip --------------------------------------------------------------------------


def test_export_import_into_an_empty_diary_gives_back_the_same_diary(
    rich: DiaryStore, rich_document: dict[str, Any]
) -> None:
    copy_of = fresh()
    document = parse_export(dump_export(rich_document).encode())
    summary = import_json(copy_of, document, replace=True, now=NOW)
    again = export_json(copy_of, datetime(2027, 1, 1))
    assert without_time(again) == without_time(rich_document)
    assert readings(copy_of) == readings(rich)
    total = sum(len(table["rows"]) for table in rich_document["tables"].values())
    assert summary.total_added == total
    assert summary.text() == (
        f"Your diary now holds the export of 21 Nov 2026, 09:30: {total} records."
    )


def test_an_encrypted_diary_round_trips_the_same(
    rich_document: dict[str, Any], tmp_path: Path
) -> None:
    """An encrypted diary's connection is sqlcipher3's own class (and so are its errors)."""
    pytest.importorskip("sqlcipher3")
    locked = DiaryStore(open_database(tmp_path / "locked.sqlite", NOW, passphrase="owl tree"))
    try:
        import_json(locked, rich_document, replace=True, now=NOW)
        assert export_json(locked, NOW) == rich_document
        spoiled = copy.deepcopy(rich_document)
        spoiled["tables"]["check_ins"]["rows"][0][3] = 11  # mood 11
        with pytest.raises(TransferError, match="CHECK constraint failed"):
            import_json(locked, spoiled, replace=False, now=NOW)
        assert export_json(locked, NOW) == rich_document
    finally:
        locked.close()


def test_replace_removes_what_the_diary_held(rich_document: dict[str, Any]) -> None:
    target = fresh()
    other = target.add_side_effect("Only here")
    target.save_day(DayEntry(date(2020, 1, 1), CheckIn(datetime(2020, 1, 1, 9), {"mood": 9})), NOW)
    import_json(target, rich_document, replace=True, now=NOW)
    assert other.name not in {effect.name for effect in target.side_effects()}
    assert target.day_record(date(2020, 1, 1)).check_ins == []
    assert without_time(export_json(target, NOW)) == without_time(rich_document)


def test_a_merge_into_an_empty_diary_brings_everything_but_the_draft(
    rich: DiaryStore, rich_document: dict[str, Any]
) -> None:
    target = fresh()
    summary = import_json(target, rich_document, replace=False, now=NOW)
    got, expected = readings(target), readings(rich)
    assert got["draft"] is None  # drafts name the numbers of their own diary
    assert summary.left_out == {"drafts": 1}
    # The new diary's own Headache and Nausea (no suspected cause) are kept.
    assert summary.kept_yours == {"side_effects": 2}
    for key in expected.keys() - {"draft", "side_effects"}:
        assert got[key] == expected[key], key
    assert summary.text().startswith("Added ")
    assert "Unsaved drafts in the export were left out." in summary.text()


def test_merging_twice_adds_nothing_the_second_time(rich_document: dict[str, Any]) -> None:
    target = fresh()
    first = import_json(target, rich_document, replace=False, now=NOW)
    after_first = export_json(target, NOW)
    second = import_json(target, rich_document, replace=False, now=NOW)
    assert first.total_added > 0
    assert second.total_added == 0
    assert export_json(target, NOW) == after_first
    assert second.text().startswith("Nothing new to add: the export of 21 Nov 2026, 09:30 is")


def test_merging_a_diary_into_itself_changes_nothing(
    rich: DiaryStore, rich_document: dict[str, Any]
) -> None:
    summary = import_json(rich, rich_document, replace=False, now=NOW)
    assert summary.total_added == 0
    assert summary.kept_yours == {}
    assert export_json(rich, NOW) == rich_document


def test_a_merge_keeps_both_diaries_and_renumbers_what_clashes(
    rich: DiaryStore, rich_document: dict[str, Any]
) -> None:
    target = fresh()
    # Numbers the export uses, taken here by other things.
    mine = target.add_side_effect("Mine only")
    mine_med = target.treatments.add_medication(
        Medication("Lithium", date(2020, 1, 1), (DoseStep(date(2020, 1, 1), 400),)), NOW
    )
    assert mine_med.id is not None
    extra_day_sleep = SleepRecord(EXTRA_DAY, SleepMode.MINIMAL, hours_slept=9.0)
    target.save_days(
        [
            DayEntry(
                EXTRA_DAY,
                CheckIn(datetime.combine(EXTRA_DAY, time(12, 0)), {"mood": 8}, "my own"),
                extra_day_sleep,
                side_effects={mine.id: Severity.MILD},
                adherence={mine_med.id: Adherence.TAKEN},
            )
        ],
        NOW,
    )
    summary = import_json(target, rich_document, replace=False, now=NOW)
    assert summary.renumbered > 0

    record = target.day_record(EXTRA_DAY)
    notes = [c.note for c in record.check_ins]
    assert notes == [TRICKY_NOTE, "my own", FORMULA_NOTE]
    assert record.sleep == extra_day_sleep  # the diary's own night was kept
    assert summary.kept_yours.get("sleep") == 1
    names = {effect.id: effect.name for effect in target.side_effects()}
    assert names[mine.id] == "Mine only"
    tinnitus = next(i for i, name in names.items() if name == "Tinnitus")
    assert tinnitus != mine.id
    assert record.side_effects == {mine.id: Severity.MILD, tinnitus: Severity.SEVERE}
    # The export's medications: renumbered, with their doses and adherence following.
    medications = {m.name: m for m in target.treatments.medications()}
    assert medications["Lithium"].id == mine_med.id
    sertraline = medications["Sertraline"]
    assert sertraline.id is not None
    assert sertraline.id != mine_med.id
    original = rich.treatments.medications()[0]
    assert sertraline == dataclasses.replace(original, id=sertraline.id)
    adherence = target.treatments.adherence(sertraline.id)
    assert adherence == next(iter(rich.treatments.adherence_by_medication().values()))
    tms = target.treatments.courses()[0]
    sessions = target.treatments.sessions(tms.id)
    assert len(sessions) == 24
    assert "your diary already has its own entry for the same day or name; yours stayed" in (
        summary.text()
    )


# -- refusals --------------------------------------------------------------------------------


def damage(path: str, value: object) -> Callable[[dict[str, Any]], None]:
    """Set ``document[path...] = value`` (path parts separated by "/", digits index lists)."""

    def apply(document: dict[str, Any]) -> None:
        *parents, last = path.split("/")
        node: Any = document
        for part in parents:
            node = node[int(part)] if isinstance(node, list) else node[part]
        node[int(last) if isinstance(node, list) else last] = value

    return apply


def drop_table(name: str) -> Callable[[dict[str, Any]], None]:
    return lambda document: document["tables"].pop(name)


def newer_schema(document: dict[str, Any]) -> None:
    document["schema"].append("create_time_machine_tables")


REFUSALS = [
    pytest.param(damage("format", "daylio"), "This file is not a moodlog export", id="foreign"),
    pytest.param(damage("format_version", 2), "made by a newer moodlog (export format 2", id="v2"),
    pytest.param(damage("format_version", "1"), "format version is missing", id="version-text"),
    pytest.param(newer_schema, "create_time_machine_tables", id="newer-schema"),
    pytest.param(damage("schema", ["create_treatment_tables"]), "out of order", id="schema"),
    pytest.param(damage("tables/unknown", {"columns": [], "rows": []}), "“unknown”", id="table"),
    pytest.param(drop_table("sleep"), "the table “sleep” is missing", id="missing-table"),
    pytest.param(damage("tables/sleep/columns/0", "nap_dreams"), "columns", id="column"),
    pytest.param(damage("tables/check_ins/rows/0", [1, 2]), "wrong number", id="short-row"),
    pytest.param(damage("tables/check_ins/rows/0/3", [7]), "can't store", id="list-value"),
    pytest.param(damage("tables/check_ins/rows/0/3", 2**70), "can't store", id="huge"),
    pytest.param(damage("tables/sleep/rows/0/3", float("inf")), "can't store", id="infinite"),
    pytest.param(damage("tables/check_ins/rows/0/11", True), "can't store", id="true"),
    pytest.param(damage("tables/check_ins/rows/1/0", 1), "numbered one by one", id="same-id"),
    # Late in the order, after earlier tables are written: all of it must roll back.
    pytest.param(damage("tables/check_ins/rows/-1/3", 11), "doesn't fit", id="mood-11"),
    pytest.param(damage("tables/dose_steps/rows/0/0", 999), "“dose_steps”", id="no-parent"),
]


@pytest.mark.parametrize("replace", [True, False], ids=["replace", "merge"])
@pytest.mark.parametrize(("spoil", "said"), REFUSALS)
def test_an_export_that_cannot_be_read_leaves_the_diary_unchanged(
    rich_document: dict[str, Any],
    spoil: Callable[[dict[str, Any]], None],
    said: str,
    replace: bool,
) -> None:
    target = fresh()
    target.save_day(DayEntry(date(2020, 1, 1), CheckIn(datetime(2020, 1, 1, 9), {"mood": 9})), NOW)
    before = export_json(target, NOW)
    document = copy.deepcopy(rich_document)
    spoil(document)
    with pytest.raises(TransferError) as refused:
        import_json(target, document, replace=replace, now=NOW)
    assert said in refused.value.message
    assert refused.value.message.endswith("Your diary has not changed.")
    assert isinstance(refused.value, StorageError)
    assert export_json(target, NOW) == before


@pytest.mark.parametrize(
    ("data", "said"),
    [
        (b'{"format": "moodlog", "format_version": 1, "tables": {"check_', "line 1, column"),
        (b"", "damaged or incomplete"),
        (b"\xff\xfe\x00garbage", "can't be read as text"),
        (b'[{"date": "2026-01-01", "mood": "rad"}]', "not a moodlog export"),
        (b'{"pixels": []}', "not a moodlog export"),
        (b"[" * 100_000, "nested too deep"),
    ],
    ids=["truncated", "empty", "binary", "a-list", "other-json", "deep"],
)
def test_damaged_or_foreign_files_are_refused_before_reading(data: bytes, said: str) -> None:
    with pytest.raises(TransferError) as refused:
        parse_export(data)
    assert said in refused.value.message
    assert "Your diary has not changed." in refused.value.message


def test_an_export_cut_short_anywhere_is_refused(rich_document: dict[str, Any]) -> None:
    data = dump_export(rich_document).encode()
    for cut in range(0, len(data) - 1, max(1, len(data) // 97)):
        with pytest.raises(TransferError):
            parse_export(data[:cut])


def test_an_export_from_an_older_moodlog_still_imports(rich_document: dict[str, Any]) -> None:
    """An export of a diary before the appointment tables: those stay empty."""
    older = copy.deepcopy(rich_document)
    older["schema"] = known_migration_names()[:-1]
    for name in ("appointments", "clinician_questions"):
        del older["tables"][name]
    target = fresh()
    import_json(target, older, replace=True, now=NOW)
    assert target.appointments.appointments() == []
    assert target.day_record(EXTRA_DAY).check_ins[0].note == TRICKY_NOTE


# -- CSV -------------------------------------------------------------------------------------


@pytest.mark.parametrize("start", FORMULA_STARTS)
def test_cells_a_spreadsheet_would_run_get_an_apostrophe(start: str) -> None:
    assert safe_cell(f"{start}1+1") == f"'{start}1+1"


@pytest.mark.parametrize("cell", ["", "plain", "1+1", "6.5", "'quoted", "a=b"])
def test_other_cells_are_left_as_they_are(cell: str) -> None:
    assert safe_cell(cell) == cell


def read_csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_the_days_csv_round_trips_notes_through_the_csv_module(rich: DiaryStore) -> None:
    text = days_csv(rich)
    rows = read_csv(text)
    notes = [row["Note"] for row in rows if row["Date"] in ("2026-11-10", "2026-11-11")]
    assert notes == [TRICKY_NOTE, "'" + FORMULA_NOTE, "'" + DASH_NOTE]
    assert "\r\n" in text  # RFC 4180: CRLF line ends, quotes doubled
    assert '""no""' in text
    widths = {len(row) for row in csv.reader(io.StringIO(text, newline=""))}
    assert len(widths) == 1  # every row has every column


def test_the_days_csv_puts_the_day_on_its_first_row(rich: DiaryStore) -> None:
    rows = [row for row in read_csv(days_csv(rich)) if row["Date"] == "2026-11-10"]
    first, second = rows
    assert (first["Time"], first["Check-in"], first["Mood (0-10)"]) == ("08:15", "1", "3")
    assert (second["Time"], second["Check-in"], second["Mood (0-10)"]) == ("21:00", "2", "5")
    assert first["Sleep hours"] == "6.5"
    assert first["Side effect: Tinnitus (0-3)"] == "3"
    assert first["Tracker: Walked outside (1 = yes, 0 = no)"] == "1"
    assert first["Tracker: Exercise (minutes)"] == "25"
    assert second["Sleep hours"] == second["Side effect: Tinnitus (0-3)"] == ""
    october = next(row for row in read_csv(days_csv(rich)) if row["Date"] == "2026-10-05")
    assert october["Medicine: Sertraline (from 2026-09-01)"] == "not taken"
    assert october["Side effect: Headache (0-3)"] == "2"
    detailed = next(row for row in read_csv(days_csv(rich)) if row["Date"] == "2026-10-20")
    assert (detailed["Into bed"], detailed["Sleep hours"]) == ("22:30", "6.67")
    days = [row["Date"] for row in read_csv(days_csv(rich))]
    assert days == sorted(days)
    assert "2026-09-01" in days  # a day with a side-effect rating only


def test_a_saved_csv_has_a_byte_order_mark_and_is_private(rich: DiaryStore, tmp_path: Path) -> None:
    out = tmp_path / "days.csv"
    save_export(rich, ExportKind.CSV, out, NOW)
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert data[3:].decode() == days_csv(rich)
    assert out.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["days.csv"]


def test_a_failed_write_leaves_no_file(
    rich: DiaryStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(_fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(export_file.os, "fsync", full)
    with pytest.raises(TransferError) as refused:
        save_export(rich, ExportKind.JSON, tmp_path / "diary.json", NOW)
    assert "No space left on device" in refused.value.message
    assert list(tmp_path.iterdir()) == []
