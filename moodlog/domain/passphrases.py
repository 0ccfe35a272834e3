"""What a diary's passphrase must be: long enough to be worth having, typed the same twice,
and different from the one it replaces. Checked by the Encryption dialog."""

from moodlog.domain.errors import InvalidEntry

MIN_LENGTH = 8


def validate_passphrase_change(current: str | None, new: str | None, repeated: str) -> None:
    """Raise :class:`InvalidEntry` (field ``current``, ``new`` or ``repeat``) unless the
    change can be tried. ``current`` is ``None`` for a diary that isn't encrypted yet;
    ``new`` is ``None`` when encryption is being turned off."""
    if current is not None and not current:
        raise InvalidEntry("Type the passphrase the diary has now.", "current")
    if new is None:
        return
    if len(new) < MIN_LENGTH:
        raise InvalidEntry(
            f"Use at least {MIN_LENGTH} characters. A few words you'll remember work well.",
            "new",
        )
    if "\x00" in new:
        raise InvalidEntry("A passphrase can't contain a NUL character.", "new")
    if new != repeated:
        raise InvalidEntry("The two passphrases are different. Type the same one twice.", "repeat")
    if new == current:
        raise InvalidEntry("That is the passphrase the diary has now. Choose a new one.", "new")
