"""Bearable, iMoodJournal, Pixels, eMoods and a CSV with chosen columns."""

import codecs
import io
import json
import zipfile
from datetime import date, datetime

import pytest

from moodlog.importers import bearable, emoods, generic_csv, imoodjournal, pixels
from moodlog.importers.generic_csv import Columns
from moodlog.importers.unreadable_file import UnreadableFile

TODAY = date(2026, 11, 21)
BEARABLE = "date,weekday,time of day,category,rating/amount,detail,notes"
BEARABLE_NEW = "date,date formatted,weekday,time of day,category,rating/amount,detail,notes"


def quoted(*cells: str) -> str:
    return ",".join('"' + cell.replace('"', '""') + '"' for cell in cells)


# -- Bearable ------------------------------------------------------------------------------


def test_bearable_groups_a_time_of_day_into_one_check_in() -> None:
    rows = [
        BEARABLE,
        quoted("22nd Sep 2020", "Tue", "am", "Mood", "7", "Calm | Tired", ""),
        quoted("22nd Sep 2020", "Tue", "am", "Energy", "4", "Good", ""),
        quoted("22nd Sep 2020", "Tue", "am", "Symptom", "2", "Headache (Mild)", ""),
        quoted("22nd Sep 2020", "Tue", "03:00", "Meds/Supplements", "50", "Sertraline (mg)", ""),
        quoted("1st Dec 2020", "Tue", "", "Gratitudes", "", "My sister, the sun", 'A "good" day'),
    ]
    preview = bearable.read("\n".join(rows).encode(), "b.csv", TODAY)
    assert preview.problems == ()
    by_time = {e.recorded_at: e for e in preview.entries}
    morning = by_time[datetime(2020, 9, 22, 9)]
    assert morning.mood_label == "7"
    assert morning.ratings == {"energy": 8}
    assert morning.note == "Feelings: Calm, Tired\nSymptom: Headache (Mild) · 2"
    assert by_time[datetime(2020, 9, 22, 3)].note == "Meds/Supplements: Sertraline (mg) · 50"
    assert by_time[datetime(2020, 12, 1, 12)].note == (
        'Gratitudes: My sister, the sun\nA "good" day'
    )
    assert preview.moods(preview.mapping()) == [None, 7, None]


def test_bearable_newer_header_uses_the_iso_date_and_lists_bad_rows() -> None:
    rows = [
        BEARABLE_NEW,
        quoted("x", "2021-03-04", "Thu", "pm", "Mood", "12", "", ""),
        quoted("x", "2021-03-04", "Thu", "teatime", "Mood", "5", "", ""),
        quoted("4th Mar 2021", "", "Thu", "mid", "Mood", "5", "", ""),
    ]
    preview = bearable.read("\n".join(rows).encode(), "b.csv", TODAY)
    assert [(e.recorded_at, e.mood_label) for e in preview.entries] == [
        (datetime(2021, 3, 4, 13), "5")
    ]
    assert [p.line for p in preview.problems] == [2, 3]


# -- iMoodJournal --------------------------------------------------------------------------


def test_imoodjournal_levels_comments_and_hashtag_columns() -> None:
    text = (
        "Date, Day of week, Hour, Minute, Level, LevelText, Comment, #work, #family\n"
        '"September 5, 2015",Saturday,21,7,7,Good,"Long day at #work,\nthen dinner",1,1\n'
        '"September 6, 2015",Sunday,8,30,1,Couldn\'t be worse,,0,0\n'
        '"Sept 31, 2015",Sunday,8,30,5,x,,0,0\n'
    )
    preview = imoodjournal.read(codecs.BOM_UTF8 + text.encode(), "i.csv", TODAY)
    first, _second = preview.entries
    assert first.recorded_at == datetime(2015, 9, 5, 21, 7)
    assert first.note == "Long day at #work,\nthen dinner\n#family"
    assert preview.moods(preview.mapping()) == [7, 0]
    assert [(p.line, p.reason) for p in preview.problems] == [
        (5, 'the date "Sept 31, 2015" could not be read')
    ]
    assert preview.mapping()["10"] == 10


# -- Pixels --------------------------------------------------------------------------------


def test_pixels_reads_all_three_layouts_in_any_order() -> None:
    document = [
        {
            "date": "2023-1-5",
            "type": "Mood",
            "scores": [2, 4],
            "notes": "Two moods",
            "tags": [{"type": "Emotions", "entries": ["tired"]}],
        },
        {"date": "2022-12-31", "mood": 5, "emotions": ["happy", "calm"], "notes": "New year's eve"},
        {
            "date": "2023-01-02",
            "entries": [
                {
                    "type": "Mood",
                    "value": 1,
                    "notes": "Low",
                    "isHighlighted": True,
                    "tags": [{"type": "Activities", "entries": ["sleep"]}],
                }
            ],
        },
    ]
    preview = pixels.read(json.dumps(document).encode(), "p.json", TODAY)
    assert preview.problems == ()
    assert [(e.day, e.mood_label, e.note) for e in preview.entries] == [
        (date(2023, 1, 5), "2", "Two moods\nEmotions: tired"),
        (date(2023, 1, 5), "4", ""),
        (date(2022, 12, 31), "5", "New year's eve\nEmotions: happy, calm"),
        (date(2023, 1, 2), "1", "Low\nActivities: sleep"),
    ]
    assert preview.moods(preview.mapping()) == [2, 8, 10, 0]
    assert {e.recorded_at.hour for e in preview.entries} == {12}


def test_pixels_problem_items_are_numbered() -> None:
    document = [
        {"date": "2023-02-30", "mood": 3},
        {"date": "2023-02-01", "mood": 7},
        "x",
        {"date": "2023-02-02", "mood": 3.0},
    ]
    preview = pixels.read(json.dumps(document).encode(), "p.json", TODAY)
    assert [str(p) for p in preview.problems] == [
        "item 1: the date '2023-02-30' could not be read",
        "item 2: the mood 7 is not a whole number 1-5",
        "item 3: it is not a day (an object with a date)",
    ]
    assert [e.mood_label for e in preview.entries] == ["3"]


def test_pixels_cut_short_is_a_clear_error() -> None:
    with pytest.raises(UnreadableFile, match="not complete JSON"):
        pixels.read(b'[{"date": "2023-01-01", "mo', "p.json", TODAY)


# -- eMoods --------------------------------------------------------------------------------


def emoods_backup(csv_text: str, member: str = "entry.csv") -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(member, csv_text)
    return buffer.getvalue()


EMOODS = (
    "ID,DATE,IRRITABILITY,ANXIETY,DEPRESSED,ELEVATED,SLEEP,PSYCHOTIC SYMPTOMS,NOTE,THERAPY,"
    "MENSTRUAL CYCLE,WEIGHT,Sertraline 50mg\n"
)


def test_emoods_maps_severities_and_keeps_the_rest_in_the_note() -> None:
    data = emoods_backup(
        EMOODS
        + '1,2024-03-01,2,4,4,1,6.5,0,"Hard day, stayed in",1,0,0.0,1\n'
        + "2,2024-03-02,0,0,0,0,0.0,0,,0,0,0.0,0\n"
        + "3,3/3/2024,1,1,1,3,0.0,0,,0,0,71.5,\n"
        + "4,2024-03-04,5,0,2,0,0,0,,0,0,0,\n"
    )
    preview = emoods.read(data, "backup.emoods", TODAY)
    first, third = preview.entries
    assert first.recorded_at == datetime(2024, 3, 1, 12)
    assert first.mood_label == "depressed: severe"
    assert dict(first.ratings) == {"anxiety": 10, "irritability": 3}
    assert first.note == "Hard day, stayed in\nSleep: 6.5 hours\nTherapy: 1\nSertraline 50mg: 1"
    assert third.day == date(2024, 3, 3)
    assert third.note == "Elevated mood: moderate\nWeight: 71.5"
    assert preview.moods(preview.mapping()) == [0, 5]
    assert [(p.line, p.reason) for p in preview.problems] == [(5, 'irritability is "5", not 0-4')]


def test_emoods_damaged_or_foreign_archives_are_refused() -> None:
    data = emoods_backup(EMOODS + "1,2024-03-01,0,0,1,0,0,0,,0,0,0,\n")
    with pytest.raises(UnreadableFile, match="not a complete eMoods backup"):
        emoods.read(data[: len(data) // 2], "backup.emoods", TODAY)
    with pytest.raises(UnreadableFile, match="not a complete eMoods backup"):
        emoods.read(emoods_backup("x", member="other.csv"), "backup.emoods", TODAY)
    assert emoods.is_backup(data)
    assert not emoods.is_backup(b"PK\x03\x04 not really")


# -- a CSV with chosen columns -------------------------------------------------------------


def test_generic_csv_with_a_numeric_mood_range_and_day_first_dates() -> None:
    text = (
        "When,At,How I felt,Words\n"
        '21/11/2025,9:30 PM,5,"Fine, really"\n'
        "22/11/2025,,1,\n"
        "23/11/2025,08:00,9,\n"
        "2025-11-24T07:15,,3,ISO with time\n"
    )
    columns = Columns(date="when", time="At", mood="How I felt", note="words", low=1, high=5)
    preview = generic_csv.read(text.encode(), "mine.csv", TODAY, columns)
    assert [(e.recorded_at, e.mood_label, e.note) for e in preview.entries] == [
        (datetime(2025, 11, 21, 21, 30), "5", "Fine, really"),
        (datetime(2025, 11, 22, 12), "1", ""),
        (datetime(2025, 11, 24, 7, 15), "3", "ISO with time"),
    ]
    assert preview.moods(preview.mapping()) == [10, 0, 5]
    assert [(p.line, p.reason) for p in preview.problems] == [(4, 'the mood "9" is outside 1-5')]


def test_generic_csv_month_first_reversed_range_and_mood_words() -> None:
    text = "date,mood\n11/21/2025,1\n11/22/2025,10\nNovember 23 2025,okay\n"
    columns = Columns(date="date", mood="mood", low=10, high=1, date_order="mdy")
    preview = generic_csv.read(text.encode(), "m.csv", TODAY, columns)
    assert [e.day for e in preview.entries] == [date(2025, 11, d) for d in (21, 22, 23)]
    assert preview.unplaced(preview.mapping()) == ["okay"]
    assert preview.moods(preview.mapping(chosen={"okay": 6})) == [10, 0, 6]


def test_generic_csv_names_a_missing_column() -> None:
    with pytest.raises(UnreadableFile, match='no column "Mood"'):
        generic_csv.read(b"date,feel\n2025-01-01,3\n", "m.csv", TODAY, Columns("date", mood="Mood"))
