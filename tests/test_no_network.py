"""The no-network guard (tests/conftest.py) fires for every way to reach the network, and
only for those: each case below would fail if the guard were removed."""

import contextlib
import socket
from collections.abc import Callable, Iterator

import pytest

from tests.conftest import NetworkUsed


@pytest.fixture
def ipv4() -> Iterator[socket.socket]:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        yield sock


CASES: dict[str, Callable[[socket.socket], object]] = {
    "connect": lambda sock: sock.connect(("127.0.0.1", 9)),
    "connect_ex": lambda sock: sock.connect_ex(("127.0.0.1", 9)),
    "sendto": lambda sock: sock.sendto(b"x", ("127.0.0.1", 9)),
    "bind": lambda sock: sock.bind(("127.0.0.1", 0)),
    "create_connection": lambda _sock: socket.create_connection(("example.org", 443), 1),
    "create_server": lambda _sock: socket.create_server(("127.0.0.1", 0)),
    "getaddrinfo": lambda _sock: socket.getaddrinfo("example.org", 443),
    "gethostbyname": lambda _sock: socket.gethostbyname("example.org"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_the_guard_refuses_and_records_each_network_call(
    case: str, ipv4: socket.socket, no_network: list[str]
) -> None:
    with pytest.raises(NetworkUsed, match="moodlog tried to use the network"):
        CASES[case](ipv4)
    assert len(no_network) == 1
    assert case in no_network[0]
    no_network.clear()  # the guard's own test: the attempt was the point


def test_ipv6_sockets_are_guarded_too(no_network: list[str]) -> None:
    with socket.socket(socket.AF_INET6, socket.SOCK_DGRAM) as sock, pytest.raises(NetworkUsed):
        sock.sendto(b"x", ("::1", 9))
    assert no_network == ["socket.sendto(b'x', ('::1', 9))"]
    no_network.clear()


def test_an_attempt_that_code_swallows_is_still_recorded(no_network: list[str]) -> None:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    with sock, contextlib.suppress(Exception):  # a library that hides the failure
        sock.connect(("127.0.0.1", 9))
    # The fixture fails the test at teardown while this list is not empty.
    assert no_network == ["socket.connect(('127.0.0.1', 9),)"]
    no_network.clear()


def test_local_sockets_stay_allowed(no_network: list[str]) -> None:
    """Unix-domain sockets never leave the machine (a second copy of moodlog may use one)."""
    first, second = socket.socketpair(socket.AF_UNIX)
    with first, second:
        first.sendall(b"ping")
        assert second.recv(4) == b"ping"
    assert no_network == []
