"""What an import shows a person goes through the translator (issue 8); what it writes into
the diary (notes, mood names) does not, so a file imports the same in every language."""

from datetime import date

import pytest

from moodlog.importers.format_detection import FORMAT_NAMES, read_preview

DAYLIO = (
    b"full_date,date,weekday,time,mood,activities,note\n"
    b"2026-01-02,Jan 2,Fri,08:00,rad,walk | tea,fine\n"
    b"2026-01-03,Jan 3,Sat,soon,meh,,\n"
)


@pytest.mark.usefixtures("translated")
def test_format_names_notes_and_problems_are_translated() -> None:
    preview = read_preview(DAYLIO, "daylio.csv", date(2026, 11, 21))
    assert preview.format_name == "⟪Daylio CSV (header of 2018 to about 2021)⟫"
    assert all(note.startswith("⟪") for note in preview.mapping_notes)
    assert [problem.reason for problem in preview.problems] == [
        '⟪the time "soon" is not a clock time⟫'
    ]
    assert FORMAT_NAMES["pixels"] == "⟪Pixels JSON⟫"
    assert FORMAT_NAMES.get("nothing", "nothing") == "nothing"


@pytest.mark.usefixtures("translated")
def test_what_is_written_into_the_diary_stays_as_the_file_has_it() -> None:
    preview = read_preview(DAYLIO, "daylio.csv", date(2026, 11, 21))
    [entry] = preview.entries
    assert entry.mood_label == "rad"
    assert entry.note == "fine\nActivities: walk, tea"
