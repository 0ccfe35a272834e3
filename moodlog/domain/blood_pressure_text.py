"""Reading a blood pressure typed as text ("128/82"). Whether the numbers are plausible is
``validate_session``'s question; this only reads them."""

import re

from moodlog.domain.errors import InvalidEntry
from moodlog.domain.translation import translate
from moodlog.domain.treatments import BloodPressure

# Two whole numbers with a slash between, spaces allowed, and an optional "mmHg" after.
_PATTERN = re.compile(r"(\d{1,3})\s*/\s*(\d{1,3})(?:\s*mm\s*hg)?", re.IGNORECASE)


def parse_blood_pressure(text: str, field: str = "") -> BloodPressure | None:
    """The blood pressure in ``text``, or ``None`` when it is blank.

    Raises :class:`InvalidEntry` (naming ``field``) when the text is not two numbers
    written as top/bottom.
    """
    stripped = text.strip()
    if not stripped:
        return None
    match = _PATTERN.fullmatch(stripped)
    if match is None:
        raise InvalidEntry(
            translate(
                "BloodPressureText",
                "“{text}” is not a blood pressure moodlog can read: enter the top number, "
                "a slash, then the bottom number, e.g. 128/82.",
            ).format(text=stripped),
            field,
        )
    return BloodPressure(int(match.group(1)), int(match.group(2)))


def format_blood_pressure(pressure: BloodPressure | None) -> str:
    """The text for ``pressure`` as :func:`parse_blood_pressure` reads it ("" for none)."""
    return "" if pressure is None else str(pressure)
