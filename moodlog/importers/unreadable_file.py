"""The error for a file that can't be imported at all: unknown, damaged or empty."""


class UnreadableFile(Exception):
    """The file can't be read as the format asked for; the message says what to do.
    Raised before anything is written, so the diary is never changed by it."""

    @property
    def message(self) -> str:
        return str(self.args[0])
