"""Tests for moodlog/domain/list_names.py: names people give their own list items."""

import pytest

from moodlog.domain.errors import InvalidEntry
from moodlog.domain.list_names import NAME_MAX_CHARS, clean_new_name

EXISTING = ["Dry mouth", "Headache"]


@pytest.mark.parametrize(
    ("name", "what", "message"),
    [
        ("", "side effect", "Give the side effect a name."),
        ("  \t ", "tracker", "Give the tracker a name."),
        ("x" * (NAME_MAX_CHARS + 1), "tracker", "Keep the name under 60 characters."),
        ("dry MOUTH", "side effect", "You already have a side effect called 'dry MOUTH'."),
        ("  Dry \n mouth ", "side effect", "You already have a side effect called 'Dry mouth'."),
        ("HEADACHE", "tracker", "You already have a tracker called 'HEADACHE'."),
    ],
)
def test_rejected_names(name: str, what: str, message: str) -> None:
    with pytest.raises(InvalidEntry) as caught:
        clean_new_name(name, EXISTING, what)
    assert caught.value.message == message
    assert caught.value.field == "name"


@pytest.mark.parametrize(
    ("name", "cleaned"),
    [
        ("Tinnitus", "Tinnitus"),
        ("  Restless   legs \t", "Restless legs"),
        ("x" * NAME_MAX_CHARS, "x" * NAME_MAX_CHARS),
        ("   " + "x" * NAME_MAX_CHARS + "   ", "x" * NAME_MAX_CHARS),
        ("Dry mouth at night", "Dry mouth at night"),
    ],
)
def test_accepted_names(name: str, cleaned: str) -> None:
    assert clean_new_name(name, EXISTING, "side effect") == cleaned


def test_empty_list_accepts_any_name() -> None:
    assert clean_new_name("Dry mouth", [], "side effect") == "Dry mouth"
