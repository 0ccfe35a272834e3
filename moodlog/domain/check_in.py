"""A check-in: one moment's self-ratings and note. A day may hold several."""

from dataclasses import dataclass, field, replace
from datetime import date, datetime

from moodlog.domain.errors import InvalidEntry
from moodlog.domain.scales import SCALE_KEYS, SCALE_MAX, SCALE_MIN, SCALES_BY_KEY
from moodlog.domain.translation import translate

NOTE_MAX_CHARS = 20_000


@dataclass(frozen=True, slots=True)
class CheckIn:
    """Ratings (scale key -> 0..10) taken at ``recorded_at``, plus a free note.

    Every rating is optional; a check-in needs at least one rating or a note.
    ``for_clinician`` marks the note as something to bring to the next appointment.
    """

    recorded_at: datetime
    ratings: dict[str, int] = field(default_factory=dict)
    note: str = ""
    for_clinician: bool = False
    id: int | None = None

    @property
    def day(self) -> date:
        return self.recorded_at.date()

    @property
    def mood(self) -> int | None:
        return self.ratings.get("mood")

    @property
    def is_empty(self) -> bool:
        return not self.ratings and not self.note.strip()

    def with_id(self, new_id: int) -> "CheckIn":
        return replace(self, id=new_id)


def validate_check_in(check_in: CheckIn, today: date) -> CheckIn:
    """Return the check-in if it can be saved, else raise :class:`InvalidEntry`."""
    if check_in.day > today:
        raise InvalidEntry(
            translate(
                "CheckIn", "A check-in can't be in the future. Pick today or an earlier day."
            ),
            "day",
        )
    for key, value in check_in.ratings.items():
        if key not in SCALES_BY_KEY:
            raise InvalidEntry(translate("CheckIn", "Unknown rating '{key}'.").format(key=key), key)
        if not SCALE_MIN <= value <= SCALE_MAX:
            label = SCALES_BY_KEY[key].label
            message = translate(
                "CheckIn", "{scale} must be between {low} and {high} (got {value})."
            )
            raise InvalidEntry(
                message.format(scale=label, low=SCALE_MIN, high=SCALE_MAX, value=value), key
            )
    if len(check_in.note) > NOTE_MAX_CHARS:
        raise InvalidEntry(
            translate(
                "CheckIn",
                "The note is {length} characters long; the limit is {maximum}. Shorten it, "
                "or split it over two check-ins.",
            ).format(length=f"{len(check_in.note):,}", maximum=f"{NOTE_MAX_CHARS:,}"),
            "note",
        )
    if check_in.is_empty:
        raise InvalidEntry(
            translate("CheckIn", "This check-in is empty. Rate at least one scale or write a note.")
        )
    return check_in


def ordered_ratings(ratings: dict[str, int]) -> list[tuple[str, int]]:
    """Ratings in the scales' display order (mood first)."""
    return [(key, ratings[key]) for key in SCALE_KEYS if key in ratings]
