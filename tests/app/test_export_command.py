"""`moodlog export` through moodlog.app.run: the file written (JSON that imports back, or
CSV), and one clear line with exit code 2 for each problem, with nothing left behind."""

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from moodlog import app
from moodlog.storage.database import open_database
from moodlog.storage.diary_store import DiaryStore
from moodlog.storage.diary_transfer import export_json, import_json, parse_export
from tests.reports.known_diary import CLINICIAN_NOTE, NOW, build_known_diary

PRIVATE = "This file is not protected; keep it somewhere private."


@pytest.fixture(autouse=True)
def keep_umask() -> Iterator[None]:
    """app.run() sets an owner-only umask for the process; give the test's back."""
    previous = os.umask(0o022)
    os.umask(previous)
    yield
    os.umask(previous)


@pytest.fixture
def diary(tmp_path: Path) -> Path:
    path = tmp_path / "diary" / "diary.sqlite"
    path.parent.mkdir()
    build_known_diary(path)
    return path


def export(db: Path, out: Path, *extra: str) -> int:
    return app.run(["export", "--db", str(db), "--out", str(out), *extra])


def one_line_error(capsys: pytest.CaptureFixture[str]) -> str:
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1, captured.err
    assert lines[0].startswith("moodlog: ")
    return lines[0]


def test_a_json_export_imports_back_into_the_same_diary(
    diary: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out" / "diary.json"
    out.parent.mkdir()
    assert export(diary, out) == 0
    assert capsys.readouterr().out == f"Your whole diary went to {out} (JSON). {PRIVATE}\n"
    assert out.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in out.parent.iterdir()] == ["diary.json"]  # no partial file left
    document = parse_export(out.read_bytes())
    copy = DiaryStore(open_database(None))
    original = DiaryStore(open_database(diary, NOW))
    try:
        import_json(copy, document, replace=True, now=NOW)
        assert export_json(copy, NOW)["tables"] == export_json(original, NOW)["tables"]
    finally:
        copy.close()
        original.close()


def test_a_csv_export_holds_the_days(
    diary: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "days.csv"
    assert export(diary, out, "--format", "csv") == 0
    assert capsys.readouterr().out == f"Your daily entries went to {out} (CSV). {PRIVATE}\n"
    text = out.read_bytes().decode("utf-8-sig")
    assert text.startswith("Date,Time,Check-in,Mood (0-10),")
    assert CLINICIAN_NOTE in text


def test_a_missing_diary_is_not_created(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "nowhere.sqlite"
    assert export(db, tmp_path / "x.json") == 2
    assert one_line_error(capsys) == f"moodlog: There is no diary at {db}; nothing was created."
    assert list(tmp_path.iterdir()) == []


def test_the_export_never_overwrites_the_diary(
    diary: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = diary.read_bytes()
    assert export(diary, diary) == 2
    assert one_line_error(capsys) == (
        f"moodlog: {diary} is your diary itself; choose another file name for the export."
    )
    assert diary.read_bytes() == before


@pytest.mark.parametrize(
    ("out", "message"),
    [
        ("no-such-folder/x.json", "The folder {tmp}/no-such-folder doesn't exist"),
        ("diary", "{tmp}/diary is a folder; give a file name for the export."),
    ],
    ids=["no-folder", "a-folder"],
)
def test_a_bad_destination_gets_one_line(
    diary: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], out: str, message: str
) -> None:
    assert export(diary, tmp_path / out) == 2
    assert one_line_error(capsys).startswith("moodlog: " + message.format(tmp=tmp_path))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["diary"]


def test_a_format_it_does_not_know_is_refused_by_the_command_line(
    diary: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        export(diary, tmp_path / "x.xml", "--format", "xml")
    assert exited.value.code == 2
    assert "invalid choice: 'xml'" in capsys.readouterr().err
