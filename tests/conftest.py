"""Shared fixtures.

- Tests run headless: the Qt platform is "offscreen" unless the caller chose one.
- ``store`` is a fresh in-memory diary per test, with every migration applied; no test
  shares mutable state with another.
- ``clock`` is a fixed "now" (a Saturday morning), so dates in tests never drift.
- ``no_network`` (autouse) fails any test that uses the network: connecting, binding or
  sending on an IPv4/IPv6 socket, or looking up a host name. moodlog makes no network
  connections at all. An attempt raises :class:`NetworkUsed` and is also recorded, so a
  library that swallows the error still fails the test (tests/test_no_network.py).
"""

import os
import socket
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import NoReturn

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from moodlog.domain.clock_text import use_twelve_hour_clock
from moodlog.domain.translation import use_translator
from moodlog.storage.database import open_database
from moodlog.storage.diary_store import DiaryStore

FIXED_NOW = datetime(2026, 11, 21, 9, 30)


@pytest.fixture
def now() -> datetime:
    return FIXED_NOW


@pytest.fixture
def store() -> Iterator[DiaryStore]:
    diary = DiaryStore(open_database(None))
    yield diary
    diary.close()


class NetworkUsed(AssertionError):
    """Something tried to use the network during a test."""


_INET_FAMILIES = (socket.AF_INET, socket.AF_INET6)
_SOCKET_METHODS = ("connect", "connect_ex", "sendto", "bind")
_SOCKET_FUNCTIONS = (
    "create_connection",
    "create_server",
    "getaddrinfo",
    "gethostbyname",
    "gethostbyname_ex",
)


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """moodlog never uses the network; a test that tries fails here. Yields the attempts
    (the guard's own test empties it after checking it)."""
    attempts: list[str] = []

    def refuse(what: str) -> NoReturn:
        attempts.append(what)
        raise NetworkUsed(f"moodlog tried to use the network: {what}")

    def guarded(name: str) -> Callable[..., object]:
        real = getattr(socket.socket, name)

        def method(self: socket.socket, *args: object) -> object:
            if self.family in _INET_FAMILIES:
                refuse(f"socket.{name}{args!r}")
            return real(self, *args)

        return method

    def refused(name: str) -> Callable[..., NoReturn]:
        return lambda *args, **_kwargs: refuse(f"socket.{name}{args!r}")

    for name in _SOCKET_METHODS:
        monkeypatch.setattr(socket.socket, name, guarded(name))
    for name in _SOCKET_FUNCTIONS:
        monkeypatch.setattr(socket, name, refused(name))
    yield attempts
    if attempts:
        pytest.fail(f"moodlog tried to use the network: {attempts}")


def _bracketed(context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
    return f"⟪{source}⟫"


@pytest.fixture(autouse=True)
def twenty_four_hour_clock() -> Iterator[None]:
    """Every test starts, and leaves, times written 24-hour (a test may choose 12-hour)."""
    use_twelve_hour_clock(False)
    yield
    use_twelve_hour_clock(False)


@pytest.fixture
def translated() -> Iterator[None]:
    """Words from below the UI come back ⟪bracketed⟫, as a translation would change them."""
    use_translator(_bracketed)
    yield
    use_translator(None)
