"""Servers of one fault drill, started in a temp folder on free ports and stopped by their own pid: the drills stop
and restart them, so they never touch the machine's shared PostgreSQL, Redis or the session's Chroma server."""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from tests.support.servers import free_port, port_open, require

P = TypeVar("P", bound="OwnProcess")


def wait_port(host: str, port: int, process: subprocess.Popen[bytes] | None = None, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not port_open(host, port):
        assert process is None or process.poll() is None, "the server ended while starting"
        assert time.monotonic() < deadline, f"nothing listens on {host}:{port}"
        time.sleep(0.1)


@dataclass
class OwnPostgres:
    """A PostgreSQL cluster of its own (``initdb`` + ``pg_ctl``); as root it runs as the ``postgres`` user."""

    bin: Path
    data: Path
    port: int

    @property
    def url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def _ctl(self, *arguments: str) -> None:
        command = [str(self.bin / "pg_ctl"), "-D", str(self.data), *arguments]
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, capture_output=True, timeout=120)

    def start(self) -> None:
        options = f"-p {self.port} -k {self.data} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._ctl("-o", options, "-l", str(self.data / "server.log"), "-w", "start")

    def stop(self) -> None:
        self._ctl("-m", "fast", "-w", "stop")


@contextlib.contextmanager
def own_postgres() -> Iterator[OwnPostgres]:
    """The cluster lives in a folder of its own under the system's temp folder: pytest's are private to root,
    where the ``postgres`` user cannot enter."""
    binaries = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    require(bool(binaries), "initdb (the postgresql package) is not installed")
    bin_dir = Path(binaries[-1]).parent
    data = Path(tempfile.mkdtemp(prefix="heine-drill-pg-"))
    command = [str(bin_dir / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8"]
    if os.geteuid() == 0:
        shutil.chown(data, "postgres", "postgres")
        command = ["runuser", "-u", "postgres", "--", *command]
    subprocess.run(command, check=True, capture_output=True, timeout=120)
    server = OwnPostgres(bin_dir, data, free_port())
    server.start()
    try:
        yield server
    finally:
        with contextlib.suppress(subprocess.CalledProcessError):
            server.stop()
        shutil.rmtree(data, ignore_errors=True)


@dataclass
class OwnProcess:
    """A server process of a drill on a fixed folder and port, so that a restart serves the same data; its output
    goes to ``server.log`` in the folder."""

    path: Path
    port: int
    process: subprocess.Popen[bytes] | None = None

    def command(self) -> list[str]:
        raise NotImplementedError

    def start(self) -> None:
        log = (self.path / "server.log").open("ab")
        self.process = subprocess.Popen(self.command(), stdout=log, stderr=subprocess.STDOUT)
        log.close()
        wait_port("127.0.0.1", self.port, self.process)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)


class OwnChroma(OwnProcess):
    """A Chroma server (``chroma run``)."""

    def command(self) -> list[str]:
        executable = shutil.which("chroma", path=str(Path(sys.executable).parent)) or shutil.which("chroma")
        require(executable is not None, "the chroma command (chromadb package) is not installed")
        assert executable is not None
        return [executable, "run", "--path", str(self.path / "data"), "--host", "127.0.0.1", "--port", str(self.port)]


class OwnRedis(OwnProcess):
    """A Redis server (``redis-server``, nothing kept on disk)."""

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def command(self) -> list[str]:
        executable = shutil.which("redis-server")
        require(executable is not None, "redis-server is not installed")
        assert executable is not None
        options = ["--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", str(self.path)]
        return [executable, "--port", str(self.port), *options]


@contextlib.contextmanager
def own_process(kind: type[P], folder: Path) -> Iterator[P]:
    folder.mkdir(exist_ok=True)
    server = kind(folder, free_port())
    server.start()
    try:
        yield server
    finally:
        server.stop()


def own_chroma(folder: Path) -> contextlib.AbstractContextManager[OwnChroma]:
    return own_process(OwnChroma, folder)


def own_redis(folder: Path) -> contextlib.AbstractContextManager[OwnRedis]:
    return own_process(OwnRedis, folder)


@contextlib.contextmanager
def small_filesystem(folder: Path, megabytes: int) -> Iterator[Path]:
    """A tmpfs of ``megabytes`` mounted on ``folder`` (needs root, or a mount namespace that allows it)."""
    folder.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={megabytes}m", "tmpfs", str(folder)], capture_output=True, check=False
    )
    require(done.returncode == 0, f"cannot mount a small tmpfs here: {done.stderr.decode(errors='replace').strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True, check=False)
