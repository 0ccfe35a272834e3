"""The injected source of "now", so that nothing deep in the code calls datetime.now()."""

from collections.abc import Callable
from datetime import datetime

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    """Local wall-clock time, without a time zone (the diary is kept in local time)."""
    return datetime.now().replace(microsecond=0)
