"""Daylio's CSV in every header generation and the variants real exports come in."""

import codecs
from datetime import date, datetime

import pytest

from moodlog.domain.import_preview import ImportPreview
from moodlog.importers import daylio
from moodlog.importers.format_detection import detect
from moodlog.importers.unreadable_file import UnreadableFile

TODAY = date(2026, 11, 21)
OLDEST = "year,date,weekday,time,mood,activities,note"
MIDDLE = "full_date,date,weekday,time,mood,activities,note"
TITLED = "full_date,date,weekday,time,mood,activities,note_title,note"
NEWEST = "full_date,date,weekday,time,mood,activities,scales,note_title,note"


def read(text: str, bom: bool = True, newline: str = "\n") -> ImportPreview:
    data = text.replace("\n", newline).encode()
    if bom:
        data = codecs.BOM_UTF8 + data
    return daylio.read(data, "daylio.csv", TODAY)


@pytest.mark.parametrize(
    ("header", "row", "generation"),
    [
        (OLDEST, '2025,June 22,Sunday,21:05,rad,walk | friends,"Good day"', "oldest"),
        (MIDDLE, '2025-06-22,June 22,Sunday,21:05,rad,walk | friends,"Good day"', "2018"),
        (TITLED, '2025-06-22,June 22,Sunday,21:05,rad,walk | friends,,"Good day"', "2021"),
        (
            NEWEST,
            '2025-06-22,June 22,Sunday,21:05,rad,walk | friends,,,"Good day"',
            "newest",
        ),
    ],
)
def test_every_header_generation_reads_the_same_entry(
    header: str, row: str, generation: str
) -> None:
    preview = read(f"{header}\n{row}\n")
    assert generation in preview.format_name
    assert detect(f"{header}\n{row}\n".encode()) == "daylio"
    (entry,) = preview.entries
    assert entry.recorded_at == datetime(2025, 6, 22, 21, 5)
    assert entry.mood_label == "rad"
    assert entry.note == "Good day\nActivities: walk, friends"
    assert preview.mapping()["rad"] == 10
    assert preview.problems == ()


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("June 22", date(2019, 6, 22)),
        ("5 Aug", date(2019, 8, 5)),
        ("16 de octubre", date(2019, 10, 16)),
        ("7 września", date(2019, 9, 7)),
        ("22. Juni", date(2019, 6, 22)),
        ("3 déc.", date(2019, 12, 3)),
        ("1 марта", date(2019, 3, 1)),
    ],
)
def test_the_oldest_header_reads_localised_dates(words: str, expected: date) -> None:
    preview = read(f'{OLDEST}\n2019,"{words}",x,08:00,meh,,\n')
    assert [e.day for e in preview.entries] == [expected]


def test_a_localised_date_it_cannot_read_is_a_problem_row_with_its_line() -> None:
    preview = read(f"{OLDEST}\n2019,June 22,x,08:00,meh,,\n2019,6月22日,x,08:00,meh,,\n")
    assert len(preview.entries) == 1
    assert [(p.line, "could not be read" in p.reason) for p in preview.problems] == [(3, True)]


@pytest.mark.parametrize(
    ("clock", "hour", "minute"),
    [
        ("08:45", 8, 45),
        ("9:03", 9, 3),
        ("9:00 PM", 21, 0),
        ("10:00 pm", 22, 0),
        ("12:15 AM", 0, 15),
        ("12:15 p.m.", 12, 15),
    ],
)
def test_twelve_and_twenty_four_hour_times(clock: str, hour: int, minute: int) -> None:
    preview = read(f"{MIDDLE}\n2026-01-02,Jan 2,Fri,{clock},good,,\n")
    assert preview.entries[0].recorded_at == datetime(2026, 1, 2, hour, minute)


@pytest.mark.parametrize("bom", [True, False])
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_bom_or_not_and_crlf_or_not_read_alike(bom: bool, newline: str) -> None:
    text = f'{TITLED}\n2026-01-02,Jan 2,Fri,08:00,good,,Title,"one\ntwo"\n'
    preview = read(text, bom=bom, newline=newline)
    assert [e.note for e in preview.entries] == ["Title\none\ntwo"]


def test_notes_keep_quotes_commas_line_breaks_and_lose_simple_html() -> None:
    note = 'He said ""fine, thanks"",<br>then left.\n<b>Later</b>: &amp; tea\u00a0time'
    preview = read(f'{TITLED}\n2026-01-02,Jan 2,Fri,08:00,good,,,"{note}"\n')
    assert preview.entries[0].note == 'He said "fine, thanks",\nthen left.\nLater: & tea time'


def test_several_entries_a_day_and_two_at_the_same_minute_are_all_kept() -> None:
    preview = read(
        f"{MIDDLE}\n"
        "2026-01-02,Jan 2,Fri,20:00,awful,,\n"
        "2026-01-02,Jan 2,Fri,20:00,good,,\n"
        "2026-01-02,Jan 2,Fri,07:30,meh,,\n"
    )
    assert [(e.recorded_at.hour, e.mood_label) for e in preview.entries] == [
        (20, "awful"),
        (20, "good"),
        (7, "meh"),
    ]
    assert preview.moods(preview.mapping()) == [0, 8, 5]


def test_custom_mood_names_are_listed_for_the_person_to_place() -> None:
    preview = read(
        f"{MIDDLE}\n"
        "2026-01-02,Jan 2,Fri,20:00,Super!,,\n"
        "2026-01-01,Jan 1,Thu,20:00,  super! ,,\n"
        "2026-01-01,Jan 1,Thu,09:00,Good,,\n"
        "2026-01-01,Jan 1,Thu,08:00,so-so,,\n"
    )
    assert preview.mood_names == ("Super!", "Good", "so-so")
    assert preview.unplaced(preview.mapping()) == ["Super!", "so-so"]
    mapping = preview.mapping(chosen={"SUPER!": 9, "so-so": 4})
    assert preview.unplaced(mapping) == []
    assert preview.moods(mapping) == [9, 9, 8, 4]


def test_scales_and_titles_go_into_the_note() -> None:
    preview = read(
        f"{NEWEST}\n"
        '2026-01-02,Jan 2,Fri,08:00,good,work,"Energy: 8/10 points | Stress: 2/10 points",'
        'A title,"The note"\n'
    )
    assert preview.entries[0].note == (
        "A title\nThe note\nActivities: work\nScales: Energy: 8/10 points; Stress: 2/10 points"
    )


def test_problem_rows_name_their_first_line_even_after_a_multi_line_note() -> None:
    preview = read(
        f"{TITLED}\n"
        '2026-01-03,Jan 3,Sat,08:00,good,,,"line one\nline two\nline three"\n'
        "2026-01-02,Jan 2,Fri,25:00,good,,,\n"
        "2026-13-01,x,x,08:00,good,,,\n"
        "2026-11-30,Nov 30,Mon,08:00,good,,,\n"
        "2026-01-01,Jan 1,Thu,08:00,good\n"
    )
    assert len(preview.entries) == 1
    assert [(p.line, p.reason) for p in preview.problems] == [
        (5, 'the time "25:00" is not a clock time'),
        (6, 'the date "2026-13-01" is not a date (YYYY-MM-DD)'),
        (7, "it is dated 30 Nov 2026, after today"),
        (8, "it has 5 fields; the header has 8"),
    ]


def test_rows_without_mood_or_note_are_problems_and_the_span_covers_the_rest() -> None:
    preview = read(
        f"{MIDDLE}\n2026-03-01,x,x,08:00,good,,\n2025-01-09,x,x,08:00,,,\n2024-12-31,x,x,08:00,bad,,\n"
    )
    assert (preview.first_day, preview.last_day) == (date(2024, 12, 31), date(2026, 3, 1))
    assert [p.line for p in preview.problems] == [3]


def test_a_file_without_daylio_columns_is_refused_clearly() -> None:
    with pytest.raises(UnreadableFile, match="Daylio's columns"):
        read("date,mood\n2026-01-01,good\n")
    with pytest.raises(UnreadableFile, match="empty"):
        read("")
