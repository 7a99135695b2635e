"""Access to the real servers the tests use; skip on a laptop without them, fail when CI=true."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
POSTGRES_URL = os.environ.get("TEST_POSTGRES_URL", "postgresql://root@127.0.0.1:5432/test")
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
# The project's shared folder (evaluation data) lies beside the repository; SHARED_DIR points elsewhere.
SHARED_EVAL = Path(os.environ.get("SHARED_DIR", Path(__file__).resolve().parents[3] / "shared")) / "eval"


def port_open(host: str, port: int, timeout: float = 0.5) -> bool:
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


def require(available: bool, reason: str) -> None:
    """Skip the test when a server is missing, except in CI, where a missing server is a failure."""
    if available:
        return
    if IN_CI:
        pytest.fail(f"{reason} (CI=true: the CI script must start it)")
    pytest.skip(reason)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])
