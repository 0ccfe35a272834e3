"""One moodlog per diary: a second copy started on the same diary asks the first to come to
the front, then quits, instead of opening a second writer.

The running copy listens on a local socket (QLocalServer: a Unix socket or a Windows named
pipe, never the network) named after checksums of the diary's path and the user. On Unix the
socket is a file at a path chosen here, so a start with no copy running sees at once that
there is no socket and does not load QtNetwork (~8 ms) before its first frame; the running
copy starts listening just after its own first frame.
"""

import os
import sys
import zlib
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDir, QObject, Signal

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalSocket

SHOW_REQUEST = b"show\n"
CONNECT_TIMEOUT_MS = 500


def server_name(diary: Path) -> str:
    """The local socket's name for ``diary``: a full path on Unix (in the per-user runtime
    folder when there is one), a plain name (a named pipe) on Windows."""
    user = os.environ.get("USERNAME", "") if sys.platform == "win32" else str(os.getuid())
    # A name, not a secret: two checksums (zlib is loaded already; hashlib costs ~10 ms).
    key = f"{user}\0{diary.resolve()}".encode()
    name = f"moodlog-{zlib.crc32(key):08x}{zlib.adler32(key):08x}"
    if sys.platform == "win32":
        return name
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    folder = Path(runtime) if runtime and Path(runtime).is_dir() else Path(QDir.tempPath())
    return str(folder / f"{name}.socket")


def bring_running_copy_to_front(diary: Path) -> bool:
    """Ask a moodlog already running on ``diary`` to come to the front. ``True`` if one
    answered (this copy should then quit), ``False`` if none is running."""
    socket = _connect(diary)
    if socket is None:
        return False
    socket.write(SHOW_REQUEST)
    sent = socket.waitForBytesWritten(CONNECT_TIMEOUT_MS)
    socket.disconnectFromServer()
    return sent


def running_copy_answers(diary: Path) -> bool:
    """Whether a moodlog window is running on ``diary`` (it is not disturbed)."""
    socket = _connect(diary)
    if socket is None:
        return False
    socket.disconnectFromServer()
    return True


def _connect(diary: Path) -> "QLocalSocket | None":
    name = server_name(diary)
    if sys.platform != "win32" and not Path(name).exists():
        return None  # nobody listens: skip loading QtNetwork
    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
        return None  # a socket file left by a crash
    return socket


class SingleInstance(QObject):
    """The running copy's side: emits ``show_requested`` when another copy asks."""

    show_requested = Signal()

    def __init__(self, diary: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = server_name(diary)
        from PySide6.QtNetwork import QLocalServer

        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._on_new_connection)
        self._sockets: list[QLocalSocket] = []

    def listen(self) -> bool:
        """Start answering; a socket left by a crashed copy is replaced. ``False`` if the
        socket can't be made (moodlog then simply runs without this guard)."""
        from PySide6.QtNetwork import QLocalServer

        if self._server.listen(self.name):
            return True
        QLocalServer.removeServer(self.name)  # nobody answered on it: left by a crash
        return self._server.listen(self.name)

    def close(self) -> None:
        self._server.close()
        for socket in self._sockets:
            socket.readyRead.disconnect(self._read_all)
            socket.disconnected.disconnect(self._read_all)
            socket.abort()
        self._sockets.clear()

    def _on_new_connection(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            self._sockets.append(socket)
            socket.readyRead.connect(self._read_all)
            socket.disconnected.connect(self._read_all)
        self._read_all()

    def _read_all(self) -> None:
        """Answer every socket with a whole request waiting; let go of finished ones."""
        for socket in list(self._sockets):
            while socket.canReadLine():
                if bytes(socket.readLine().data()) == SHOW_REQUEST:
                    self.show_requested.emit()
            if socket.state() == socket.LocalSocketState.UnconnectedState:
                socket.readyRead.disconnect(self._read_all)
                socket.disconnected.disconnect(self._read_all)
                self._sockets.remove(socket)
                socket.deleteLater()
