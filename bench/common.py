"""Helpers shared by the benchmarks: a throw-away installation and a served app on a loopback port."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import AbstractAsyncContextManager, contextmanager
from pathlib import Path

import httpx

from heine_ai.app_state import AppState
from heine_ai.installation import temporary_installation

ROOT = Path(__file__).resolve().parents[1]
CLI = [sys.executable, "-m", "heine_ai"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def percentile(values: list[float], share: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


def bench_env(data: Path, **extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        {
            "CONFIG_FILE": str(ROOT / "config" / "system.yaml"),
            "BRANDS_DIR": str(ROOT / "config" / "brands"),
            "DATA_DIR": str(data),
            "KEYS_DIR": str(data.parent / f"{data.name}-keys"),  # the development keys, outside the data
            "DATABASE_URL": f"sqlite:///{data / 'heine_ai.db'}",
            "VECTOR_STORE_PATH": str(data / "vectors"),
            "LOG_LEVEL": "WARNING",
        }
    )
    env.update(extra)
    return env


@contextmanager
def served_app(**extra_env: str) -> Iterator[str]:
    """Migrate, ingest the demo brand and serve it from a temporary data directory; yields the base URL."""
    with served_process(**extra_env) as (base, _server):
        yield base


@contextmanager
def served_process(
    knowledge: Path = ROOT / "knowledge" / "heine", **extra_env: str
) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """``served_app`` that also yields the server's process (to read its memory); ``knowledge``: what to ingest."""
    with tempfile.TemporaryDirectory(prefix="heine-bench-") as tmp:
        env = bench_env(Path(tmp), **extra_env)
        subprocess.run([*CLI, "db", "upgrade"], env=env, check=True, cwd=ROOT, capture_output=True)
        subprocess.run(
            [*CLI, "ingest", "heine", str(knowledge)],
            env=env,
            check=True,
            cwd=ROOT,
            capture_output=True,
        )
        port = free_port()
        server = subprocess.Popen(
            [*CLI, "serve", "--port", str(port)],
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    if httpx.get(base + "/readyz", timeout=1).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                if time.monotonic() > deadline or server.poll() is not None:
                    raise RuntimeError("the server did not become ready")
                time.sleep(0.2)
            yield base, server
        finally:
            server.terminate()
            server.wait(timeout=20)


def temporary_state(prefix: str = "heine-bench-") -> AbstractAsyncContextManager[AppState]:
    """An in-process throw-away installation with the project's ``system.yaml`` and brands (SQLite, embedded
    Chroma, the real model), nothing ingested."""
    return temporary_installation(
        prefix=prefix, config_file=ROOT / "config" / "system.yaml", brands_dir=ROOT / "config" / "brands"
    )
