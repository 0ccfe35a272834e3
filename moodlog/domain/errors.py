"""The one error the domain raises for input a person can correct."""


class InvalidEntry(ValueError):
    """Input that cannot be saved as it is.

    ``field`` names the form field at fault (or ``""`` for the entry as a whole) so the
    form can put the focus there; the message is written for the person, not a developer.
    """

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.field = field

    @property
    def message(self) -> str:
        return str(self.args[0])
