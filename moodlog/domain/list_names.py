"""Names a person gives to their own list items (side effects, trackers)."""

from moodlog.domain.errors import InvalidEntry

NAME_MAX_CHARS = 60


def clean_new_name(name: str, existing: list[str], what: str) -> str:
    """``name`` with its white space tidied; raise :class:`InvalidEntry` if it is empty,
    longer than :data:`NAME_MAX_CHARS`, or already in ``existing`` (ignoring case).
    ``what`` names the list item in messages ("side effect", "tracker")."""
    cleaned = " ".join(name.split())
    if not cleaned:
        raise InvalidEntry(f"Give the {what} a name.", "name")
    if len(cleaned) > NAME_MAX_CHARS:
        raise InvalidEntry(f"Keep the name under {NAME_MAX_CHARS} characters.", "name")
    if cleaned.casefold() in {e.casefold() for e in existing}:
        raise InvalidEntry(f"You already have a {what} called '{cleaned}'.", "name")
    return cleaned
