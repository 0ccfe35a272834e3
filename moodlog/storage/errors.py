"""Storage problems a person can act on, each with a message that says what to do."""

import sqlite3

from moodlog.domain.translation import translate


class StorageError(Exception):
    """A problem with the diary file that the person should be told about."""

    @property
    def message(self) -> str:
        return str(self.args[0])


class DiaryTooNew(StorageError):
    """The file was written by a newer moodlog; opening it here could damage it."""


class DiaryDamaged(StorageError):
    """The file is not a moodlog diary, or SQLite found it damaged."""


class DiaryUnavailable(StorageError):
    """The file can't be written just now: disk full, read-only, or locked."""


class WrongPassphrase(StorageError):
    """The passphrase doesn't open this diary (or an encrypted diary was opened without one,
    or a plain one with one). The file is left as it was."""


class PassphraseNeeded(DiaryDamaged):
    """Opened without a passphrase, the file reads as noise: an encrypted diary, or a
    damaged file (without the passphrase the two can't be told apart)."""


class EncryptionUnavailable(StorageError):
    """An encrypted diary needs the optional sqlcipher3 package, which isn't installed."""


def unavailable_from(error: sqlite3.Error) -> StorageError:
    """Translate an SQLite error raised while writing into a message for the person.

    The caller keeps what was typed; every message says that nothing already saved changed.
    """
    text = str(error).lower()
    kept = translate(
        "StorageErrors",
        "What you typed is still in the form, and nothing already saved has changed.",
    )
    if "full" in text:
        return DiaryUnavailable(
            translate(
                "StorageErrors",
                "The disk is full, so this could not be saved. Free some space, then save "
                "again. {kept}",
            ).format(kept=kept)
        )
    if "readonly" in text or "read-only" in text:
        return DiaryUnavailable(
            translate(
                "StorageErrors",
                "The diary file is read-only, so this could not be saved. Check the file's "
                "permissions or open a copy with --db. {kept}",
            ).format(kept=kept)
        )
    if "locked" in text or "busy" in text:
        return DiaryUnavailable(
            translate(
                "StorageErrors",
                "Another program is using the diary file. Close it (or wait a moment), then "
                "save again. {kept}",
            ).format(kept=kept)
        )
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return DiaryDamaged(
            translate(
                "StorageErrors",
                "The diary file is damaged, so this could not be saved. Keep the file as it is "
                "and restore a backup. {kept}",
            ).format(kept=kept)
        )
    return DiaryUnavailable(
        translate("StorageErrors", "This could not be saved ({error}). {kept}").format(
            error=error, kept=kept
        )
    )
