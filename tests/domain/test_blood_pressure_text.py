import pytest

from moodlog.domain.blood_pressure_text import format_blood_pressure, parse_blood_pressure
from moodlog.domain.errors import InvalidEntry
from moodlog.domain.treatments import BloodPressure


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("128/82", BloodPressure(128, 82)),
        (" 130 / 85 ", BloodPressure(130, 85)),
        ("118/76 mmHg", BloodPressure(118, 76)),
        ("95/60mmhg", BloodPressure(95, 60)),
    ],
)
def test_reads_top_over_bottom(text: str, expected: BloodPressure) -> None:
    assert parse_blood_pressure(text) == expected


@pytest.mark.parametrize("text", ["", "   "])
def test_blank_means_not_measured(text: str) -> None:
    assert parse_blood_pressure(text) is None


@pytest.mark.parametrize("text", ["128", "128-82", "128/", "/82", "12a/80", "128/82/70", "1280/82"])
def test_anything_else_is_explained_and_names_the_field(text: str) -> None:
    with pytest.raises(InvalidEntry) as caught:
        parse_blood_pressure(text, "bp_before")
    assert caught.value.field == "bp_before"
    assert text.strip() in caught.value.message
    assert "e.g. 128/82" in caught.value.message


def test_implausible_numbers_are_read_as_typed_for_validation_to_judge() -> None:
    # Reading never swaps or "corrects": validate_session says 85/130 is impossible.
    assert parse_blood_pressure("85/130") == BloodPressure(85, 130)


def test_formatting_reads_back() -> None:
    assert format_blood_pressure(None) == ""
    pressure = BloodPressure(128, 82)
    assert parse_blood_pressure(format_blood_pressure(pressure)) == pressure
