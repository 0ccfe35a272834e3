"""The rules for a new passphrase, each with the field it points at."""

import pytest

from moodlog.domain.errors import InvalidEntry
from moodlog.domain.passphrases import validate_passphrase_change


@pytest.mark.parametrize(
    ("current", "new", "repeated", "field", "words"),
    [
        ("", "long enough", "long enough", "current", "passphrase the diary has now"),
        (None, "short", "short", "new", "at least 8 characters"),
        (None, "long enough", "long enougH", "repeat", "two passphrases are different"),
        ("same thing", "same thing", "same thing", "new", "Choose a new one"),
        (None, "long\x00enough", "long\x00enough", "new", "NUL"),
        ("", None, "", "current", "passphrase the diary has now"),
    ],
)
def test_a_change_that_cannot_be_tried_says_why(
    current: str | None, new: str | None, repeated: str, field: str, words: str
) -> None:
    with pytest.raises(InvalidEntry) as refused:
        validate_passphrase_change(current, new, repeated)
    assert refused.value.field == field
    assert words in refused.value.message


@pytest.mark.parametrize(
    ("current", "new", "repeated"),
    [
        (None, "a long one", "a long one"),  # turning encryption on
        ("old passphrase", "new passphrase", "new passphrase"),  # changing it
        ("old passphrase", None, ""),  # turning it off
    ],
)
def test_a_sound_change_passes(current: str | None, new: str | None, repeated: str) -> None:
    validate_passphrase_change(current, new, repeated)
