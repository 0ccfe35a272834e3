"""Shared fixtures.

- Tests run headless: the Qt platform is "offscreen" unless the caller chose one.
- ``store`` is a fresh in-memory diary per test, with every migration applied; no test
  shares mutable state with another.
- ``clock`` is a fixed "now" (a Saturday morning), so dates in tests never drift.
- ``no_network`` (autouse) fails any test that opens a network socket: moodlog makes no
  network connections at all.
"""

import os
import socket
from collections.abc import Iterator
from datetime import datetime

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

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


class _NetworkUsed(AssertionError):
    pass


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """moodlog never opens a network connection; a test that tries fails here."""

    def refuse(self: socket.socket, address: object) -> None:
        family = self.family
        if family in (socket.AF_INET, socket.AF_INET6):
            raise _NetworkUsed(f"moodlog tried to connect to {address!r}")
        return real_connect(self, address)  # type: ignore[arg-type]

    real_connect = socket.socket.connect
    monkeypatch.setattr(socket.socket, "connect", refuse)
