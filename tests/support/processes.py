"""Service processes of a test: ``heine-ai`` commands as the deployment files start them, on loopback ports."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

import httpx

BIN = Path(sys.executable).parent


def command_environment(overrides: Mapping[str, str]) -> dict[str, str]:
    """The test's environment with the project's ``.venv/bin`` first on PATH (compose's commands name
    ``heine-ai`` and ``chroma`` as the image's PATH finds them)."""
    return {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}", **overrides}


def run_command(command: Sequence[str], environment: Mapping[str, str], cwd: Path) -> None:
    """Run a one-shot command (a migration job) to its end; fail with its output if it fails."""
    done = subprocess.run(command, env=environment, cwd=cwd, capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, f"{command} failed:\n{done.stdout}\n{done.stderr}"


@contextlib.contextmanager
def service_process(
    command: Sequence[str], environment: Mapping[str, str], cwd: Path, ready_url: str, log: Path
) -> Iterator[subprocess.Popen[bytes]]:
    """A long-running service process, yielded once ``ready_url`` answers 200; interrupted (then killed) on exit."""
    with log.open("wb") as output:
        process = subprocess.Popen(command, env=environment, cwd=cwd, stdout=output, stderr=subprocess.STDOUT)
        try:
            wait_ready(process, ready_url, log)
            yield process
        finally:
            stop(process)


def wait_ready(process: subprocess.Popen[bytes], url: str, log: Path, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert process.poll() is None, f"the process ended early:\n{log.read_text(errors='replace')[-3000:]}"
        with contextlib.suppress(httpx.HTTPError):
            if httpx.get(url, timeout=5).status_code == 200:
                return
        time.sleep(0.3)
    raise AssertionError(f"{url} did not become ready:\n{log.read_text(errors='replace')[-3000:]}")


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is not None:
        return
    process.send_signal(signal.SIGINT)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
