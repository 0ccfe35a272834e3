"""Names a person gives to their own list items (side effects, trackers)."""

from moodlog.domain.errors import InvalidEntry
from moodlog.domain.translation import translate

NAME_MAX_CHARS = 60


def _no_name(what: str) -> str:
    if what == "side effect":
        return translate("ListNames", "Give the side effect a name.")
    if what == "tracker":
        return translate("ListNames", "Give the tracker a name.")
    #: {what} names the kind of list item, e.g. "side effect"
    return translate("ListNames", "Give the {what} a name.").format(what=what)


def _taken(what: str, name: str) -> str:
    if what == "side effect":
        return translate("ListNames", "You already have a side effect called '{name}'.").format(
            name=name
        )
    if what == "tracker":
        return translate("ListNames", "You already have a tracker called '{name}'.").format(
            name=name
        )
    #: {what} names the kind of list item, e.g. "side effect"
    return translate("ListNames", "You already have a {what} called '{name}'.").format(
        what=what, name=name
    )


def clean_new_name(name: str, existing: list[str], what: str) -> str:
    """``name`` with its white space tidied; raise :class:`InvalidEntry` if it is empty,
    longer than :data:`NAME_MAX_CHARS`, or already in ``existing`` (ignoring case).
    ``what`` names the list item in messages ("side effect", "tracker")."""
    cleaned = " ".join(name.split())
    if not cleaned:
        raise InvalidEntry(_no_name(what), "name")
    if len(cleaned) > NAME_MAX_CHARS:
        raise InvalidEntry(
            translate("ListNames", "Keep the name under {maximum} characters.").format(
                maximum=NAME_MAX_CHARS
            ),
            "name",
        )
    if cleaned.casefold() in {e.casefold() for e in existing}:
        raise InvalidEntry(_taken(what, cleaned), "name")
    return cleaned
