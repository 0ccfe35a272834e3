"""Storage problems a person can act on, each with a message that says what to do."""

import sqlite3


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
    kept = "What you typed is still in the form, and nothing already saved has changed."
    if "full" in text:
        return DiaryUnavailable(
            "The disk is full, so this could not be saved. Free some space, then save again. "
            + kept
        )
    if "readonly" in text or "read-only" in text:
        return DiaryUnavailable(
            "The diary file is read-only, so this could not be saved. Check the file's "
            f"permissions or open a copy with --db. {kept}"
        )
    if "locked" in text or "busy" in text:
        return DiaryUnavailable(
            "Another program is using the diary file. Close it (or wait a moment), then save "
            f"again. {kept}"
        )
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return DiaryDamaged(
            "The diary file is damaged, so this could not be saved. Keep the file as it is and "
            f"restore a backup. {kept}"
        )
    return DiaryUnavailable(f"This could not be saved ({error}). {kept}")
