"""What a diary's passphrase must be: long enough to be worth having, typed the same twice,
and different from the one it replaces. Checked by the Encryption dialog."""

from moodlog.domain.errors import InvalidEntry
from moodlog.domain.translation import translate

MIN_LENGTH = 8


def validate_passphrase_change(current: str | None, new: str | None, repeated: str) -> None:
    """Raise :class:`InvalidEntry` (field ``current``, ``new`` or ``repeat``) unless the
    change can be tried. ``current`` is ``None`` for a diary that isn't encrypted yet;
    ``new`` is ``None`` when encryption is being turned off."""
    if current is not None and not current:
        raise InvalidEntry(
            translate("Passphrases", "Type the passphrase the diary has now."), "current"
        )
    if new is None:
        return
    if len(new) < MIN_LENGTH:
        raise InvalidEntry(
            translate(
                "Passphrases",
                "Use at least {minimum} characters. A few words you'll remember work well.",
            ).format(minimum=MIN_LENGTH),
            "new",
        )
    if "\x00" in new:
        raise InvalidEntry(
            translate("Passphrases", "A passphrase can't contain a NUL character."), "new"
        )
    if new != repeated:
        raise InvalidEntry(
            translate("Passphrases", "The two passphrases are different. Type the same one twice."),
            "repeat",
        )
    if new == current:
        raise InvalidEntry(
            translate("Passphrases", "That is the passphrase the diary has now. Choose a new one."),
            "new",
        )
