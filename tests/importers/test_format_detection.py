"""Which format a file is, and clear errors for files that are none of them."""

import io
import json
import zipfile
from datetime import date
from pathlib import Path

import pytest

from moodlog.importers.clock_times import parse_clock
from moodlog.importers.format_detection import detect, read_preview, read_source
from moodlog.importers.month_names import date_in_words, day_and_month
from moodlog.importers.unreadable_file import UnreadableFile

TODAY = date(2026, 11, 21)


def zipped(member: str, text: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(member, text)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"\xef\xbb\xbffull_date,date,weekday,time,mood,activities,note\n", "daylio"),
        (b"year,date,weekday,time,mood,activities,note\r\n", "daylio"),
        (
            b'"date","weekday","time of day","category","rating/amount","detail","notes"\n',
            "bearable",
        ),
        (b"Date, Day of week, Hour, Minute, Level, LevelText, Comment, #a\n", "imoodjournal"),
        (b'[{"date": "2023-1-5", "mood": 3}]', "pixels"),
        (b' {"format": "moodlog", "version": 1}', "moodlog"),
        (zipped("backup/entry.csv", "ID,DATE,DEPRESSED\n"), "emoods"),
        (b"date,mood\n2026-01-01,3\n", None),
        (b'{"format": "other"}', None),
        (b"[1, 2, 3]", None),
        (b"", None),
        (b"\x00\x01\x02binary", None),
    ],
)
def test_detect_names_the_format_from_the_content(data: bytes, expected: str | None) -> None:
    assert detect(data) == expected


def test_detect_reads_a_path(tmp_path: Path) -> None:
    path = tmp_path / "export.txt"
    path.write_bytes(b"full_date,date,weekday,time,mood,activities,note\n")
    assert detect(path) == "daylio"


def test_unknown_and_unreadable_files_get_a_clear_message(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFile, match=r"doesn't recognise notes\.csv"):
        read_preview(b"date,mood\n", "notes.csv", TODAY)
    with pytest.raises(UnreadableFile, match="moodlog export"):
        read_preview(json.dumps({"format": "moodlog"}).encode(), "x.json", TODAY)
    with pytest.raises(UnreadableFile, match="There is no file"):
        read_source(tmp_path / "missing.csv")
    with pytest.raises(UnreadableFile, match="is a folder"):
        read_source(tmp_path)
    with pytest.raises(UnreadableFile, match="binary data"):
        read_preview(b"year,date\x00", "x.csv", TODAY, "daylio")


def test_text_in_windows_1252_and_utf_16_is_read() -> None:
    header = "full_date,date,weekday,time,mood,activities,note\n"
    row = "2026-01-02,Jan 2,Fri,08:00,good,,Caf\u00e9 \u2013 ok\n"
    for data in ((header + row).encode("cp1252"), (header + row).encode("utf-16")):
        preview = read_preview(data, "d.csv", TODAY)
        assert [e.note for e in preview.entries] == ["Caf\u00e9 \u2013 ok"]


def test_clock_times() -> None:
    assert parse_clock("7:05 am") is not None
    assert parse_clock("7:05 am").hour == 7  # type: ignore[union-attr]
    for bad in ("", "9", "24:00", "13:00 PM", "0:10 am", "12:60", "noon", "1²:00"):
        assert parse_clock(bad) is None, bad


def test_dates_in_words() -> None:
    assert day_and_month("Monday, June 22") == (6, 22)
    assert day_and_month("juin") is None  # no day
    assert day_and_month("jui 3") is None  # juin or juillet: can't tell
    assert date_in_words("22nd Sep 2020") == date(2020, 9, 22)
    assert date_in_words("September 5, 2015") == date(2015, 9, 5)
    assert date_in_words("February 30, 2015") is None
