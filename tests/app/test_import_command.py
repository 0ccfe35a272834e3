"""`moodlog import --db PATH FILE`: the preview on the terminal, writing only when every
mood is placed, exit 2 with one clear line on problems, and moodlog's own export."""

from datetime import date
from pathlib import Path

import pytest

from moodlog import app
from moodlog.storage.database import open_database
from moodlog.storage.diary_store import DiaryStore

DAYLIO = (
    "\ufefffull_date,date,weekday,time,mood,activities,note\r\n"
    '2024-05-02,May 2,Thu,9:00 PM,good,,"Dinner, then ""bed"""\r\n'
    "2024-05-01,May 1,Wed,08:00,Calm-ish,,\r\n"
)


def moods(db: Path) -> list[tuple[str, int | None, str]]:
    store = DiaryStore(open_database(db))
    try:
        days = [date(2024, 5, 1), date(2024, 5, 2)]
        return [
            (c.recorded_at.isoformat(), c.mood, c.note)
            for day in days
            for c in store.day_record(day).check_ins
        ]
    finally:
        store.close()


@pytest.fixture
def export(tmp_path: Path) -> Path:
    path = tmp_path / "daylio_export.csv"
    path.write_text(DAYLIO, encoding="utf-8")
    return path


def test_unplaced_moods_are_listed_and_nothing_is_written(
    tmp_path: Path, export: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "d.sqlite"
    assert app.run(["import", "--db", str(db), str(export)]) == 2
    out, err = capsys.readouterr()
    assert "Format: Daylio CSV (header of 2018 to about 2021) (daylio_export.csv)" in out
    assert "Found 2 check-ins, 1 May 2024 to 2 May 2024." in out
    assert "good → 8 (very good)" in out
    assert 'Moods to place on moodlog\'s 0-10 scale: "Calm-ish"' in out
    assert err == (
        "moodlog: Some moods aren't placed yet (listed above). Nothing was written; your "
        "diary has not changed.\n"
    )
    assert moods(db) == []


def test_a_mood_map_imports_and_a_second_run_adds_nothing(
    tmp_path: Path, export: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "d.sqlite"
    arguments = ["import", "--db", str(db), str(export), "--mood-map", "calm-ish=6"]
    assert app.run([*arguments, "--dry-run"]) == 0
    assert capsys.readouterr().out.endswith("Dry run: nothing was written.\n")
    assert not db.exists()  # not even a new, empty diary
    assert app.run(arguments) == 0
    assert capsys.readouterr().out.endswith(
        "Imported 2 check-ins from daylio_export.csv (import number 1).\n"
    )
    assert moods(db) == [
        ("2024-05-01T08:00:00", 6, ""),
        ("2024-05-02T21:00:00", 8, 'Dinner, then "bed"'),
    ]
    # The mapping is remembered; the same file adds nothing twice.
    assert app.run(["import", "--db", str(db), str(export)]) == 0
    assert "so nothing was added again" in capsys.readouterr().out
    assert len(moods(db)) == 2


def test_problem_rows_stop_the_import_unless_skipped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "export.csv"
    path.write_text(DAYLIO + "2024-05-03,x,x,25:10,good,,\r\n", encoding="utf-8")
    db = tmp_path / "d.sqlite"
    arguments = ["import", "--db", str(db), str(path), "--mood-map", "Calm-ish=5"]
    assert app.run(arguments) == 2
    out, err = capsys.readouterr()
    assert '  line 4: the time "25:10" is not a clock time' in out
    assert "--skip-problem-rows" in err
    assert moods(db) == []
    assert app.run([*arguments, "--skip-problem-rows"]) == 0
    assert len(moods(db)) == 2


@pytest.mark.parametrize(
    ("content", "extra", "message"),
    [
        (b"just some words\n", [], "moodlog doesn't recognise"),
        (b"date,mood\n", ["--format", "pixels"], "not complete JSON"),
        (DAYLIO.encode(), ["--mood-map", "calm"], "write it as NAME=VALUE"),
        (DAYLIO.encode(), ["--mood-map", "calm=12"], "whole number from 0"),
        (b"date,mood\n", ["--format", "generic", "--columns", "mood=x"], "needs date=COLUMN"),
    ],
)
def test_bad_files_and_arguments_get_one_clear_line(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    content: bytes,
    extra: list[str],
    message: str,
) -> None:
    path = tmp_path / "in.csv"
    path.write_bytes(content)
    assert app.run(["import", "--db", str(tmp_path / "d.sqlite"), str(path), *extra]) == 2
    err = capsys.readouterr().err
    assert err.startswith("moodlog: ")
    assert message in err
    assert err.count("\n") == 1


def test_a_spreadsheet_with_named_columns(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "mine.csv"
    path.write_text("Day,Score,Words\n01/05/2024,4,ok\n02/05/2024,2,\n", encoding="utf-8")
    db = tmp_path / "d.sqlite"
    arguments = ["import", "--db", str(db), str(path), "--format", "generic"]
    columns = ["--columns", "date=Day,mood=Score,note=Words", "--mood-range", "0-4"]
    assert app.run([*arguments, *columns]) == 0
    assert "Imported 2 check-ins" in capsys.readouterr().out
    assert [m for _, m, _ in moods(db)] == [10, 5]


def test_moodlog_export_merges_or_replaces_with_a_copy_kept(
    tmp_path: Path, export: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "source.sqlite"
    assert app.run(["import", "--db", str(source), str(export), "--mood-map", "calm-ish=6"]) == 0
    dump = tmp_path / "diary.json"
    assert app.run(["export", "--db", str(source), "--out", str(dump)]) == 0
    target = tmp_path / "target.sqlite"
    capsys.readouterr()
    assert app.run(["import", "--db", str(target), str(dump)]) == 0
    assert "Added" in capsys.readouterr().out
    assert moods(target) == moods(source)
    assert app.run(["import", "--db", str(target), str(dump), "--replace"]) == 0
    assert "kept in" in capsys.readouterr().out
    assert list(tmp_path.glob("target.before-import-*.sqlite"))
    assert moods(target) == moods(source)
